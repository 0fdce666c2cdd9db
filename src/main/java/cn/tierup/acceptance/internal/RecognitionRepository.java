package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.Recognition;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RecognitionRepository extends JpaRepository<Recognition, Long> {
}
