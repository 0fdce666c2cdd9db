package cn.tierup.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class MessagesTest {

    private final Messages messages = new Messages(source());

    private static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource s = new ResourceBundleMessageSource();
        s.setBasename("messages");
        s.setDefaultEncoding("UTF-8");
        s.setUseCodeAsDefaultMessage(true);
        return s;
    }

    /** A key written twice silently keeps the later text: the organisation form once said 调查方式 for 组织类别. */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("!") || !t.contains("=")) {
                    continue;
                }
                seen.merge(t.substring(0, t.indexOf('=')).strip(), 1, Integer::sum);
            }
        }
        assertThat(seen).isNotEmpty();
        assertThat(seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("keys defined more than once in messages.properties").isEmpty();
    }

    @Test
    void aFormMayNameAFieldItsOwnWay() {
        assertThat(messages.fieldLabel("organizationDetails", "kind")).isEqualTo("组织类别");
        assertThat(messages.fieldLabel("activityEntry", "kind")).isEqualTo("调查方式");
        assertThat(messages.fieldLabel("activityEntry", "entries[2].occurredOn")).isEqualTo("日期");
        assertThat(messages.fieldLabel("anyForm", "noSuchField")).isEqualTo(messages.get("field.unnamed"));
    }
}
