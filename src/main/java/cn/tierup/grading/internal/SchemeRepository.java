package cn.tierup.grading.internal;

import cn.tierup.grading.GradingScheme;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SchemeRepository extends JpaRepository<GradingScheme, Long> {

    boolean existsByCode(String code);

    java.util.Optional<GradingScheme> findByCode(String code);

    java.util.Optional<GradingScheme> findFirstByFieldAndOwnerOrganizationIdIsNullOrderByIdAsc(String field);
}
