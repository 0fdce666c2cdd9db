package cn.tierup.questionnaire.internal;

import cn.tierup.questionnaire.QuestionnaireTemplate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TemplateRepository extends JpaRepository<QuestionnaireTemplate, Long> {

    Optional<QuestionnaireTemplate> findByCode(String code);

    boolean existsByCode(String code);
}
