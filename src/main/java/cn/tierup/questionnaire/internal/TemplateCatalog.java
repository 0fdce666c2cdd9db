package cn.tierup.questionnaire.internal;

import cn.tierup.questionnaire.Audience;
import cn.tierup.questionnaire.Question;
import cn.tierup.questionnaire.QuestionnaireTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Installs the shipped templates (classpath questionnaires/*.json, one per field as the notice lists
 * the survey contents, and the two of the branch plan) that a database does not have yet.
 */
@Component
@org.springframework.core.annotation.Order(1) // before the demo data, which uses them
class TemplateCatalog implements ApplicationRunner {

    private final TemplateRepository templates;
    private final TransactionTemplate tx;

    TemplateCatalog(TemplateRepository templates, TransactionTemplate tx) {
        this.templates = templates;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:questionnaires/*.json");
        tx.executeWithoutResult(s -> {
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    JsonNode doc = QuestionsConverter.JSON.readTree(in);
                    String code = doc.get("code").asText();
                    if (templates.existsByCode(code)) {
                        continue;
                    }
                    List<Question> questions = QuestionsConverter.JSON.convertValue(doc.get("questions"),
                            new tools.jackson.core.type.TypeReference<List<Question>>() { });
                    String field = doc.hasNonNull("field") ? doc.get("field").asText() : null;
                    Audience audience = doc.hasNonNull("audience") ? Audience.valueOf(doc.get("audience").asText())
                            : Audience.MEMBER_PUBLIC;
                    templates.save(new QuestionnaireTemplate(code, doc.get("title").asText(), field,
                            doc.get("intro").asText(), questions, null).forAudience(audience));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
