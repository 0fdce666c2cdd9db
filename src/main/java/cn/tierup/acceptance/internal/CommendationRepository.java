package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.Commendation;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommendationRepository extends JpaRepository<Commendation, Long> {
}
