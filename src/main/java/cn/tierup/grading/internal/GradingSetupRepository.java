package cn.tierup.grading.internal;

import cn.tierup.grading.GradingSetup;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GradingSetupRepository extends JpaRepository<GradingSetup, Long> {
}
