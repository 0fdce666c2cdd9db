package cn.tierup.grading.internal;

import cn.tierup.grading.GradingScheme;
import cn.tierup.grading.Standard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Installs the shipped grading schemes (classpath grading-schemes/*.json) a database does not have yet. */
@Component
@org.springframework.core.annotation.Order(1) // before the demo data, which uses them
class SchemeCatalog implements ApplicationRunner {

    private final SchemeRepository schemes;
    private final TransactionTemplate tx;

    SchemeCatalog(SchemeRepository schemes, TransactionTemplate tx) {
        this.schemes = schemes;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:grading-schemes/*.json");
        tx.executeWithoutResult(s -> {
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    JsonNode doc = StandardConverter.JSON.readTree(in);
                    String code = doc.get("code").asText();
                    if (schemes.existsByCode(code)) {
                        continue;
                    }
                    Standard standard = StandardConverter.JSON.treeToValue(doc.get("standard"), Standard.class);
                    schemes.save(new GradingScheme(code, doc.get("name").asText(),
                            doc.hasNonNull("field") ? doc.get("field").asText() : null,
                            doc.hasNonNull("description") ? doc.get("description").asText() : null, standard, null));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
