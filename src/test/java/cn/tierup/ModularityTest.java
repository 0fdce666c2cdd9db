package cn.tierup;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The capabilities stay separate modules: no cycles, and no one reaches into another's internals. */
class ModularityTest {

    /** Test classes are not part of the modules, wherever the build puts them. */
    private static final DescribedPredicate<JavaClass> TEST_CODE = DescribedPredicate.describe("test code",
            c -> c.getSource().map(s -> s.getUri().toString().contains("test-classes")).orElse(false));

    private final ApplicationModules modules = ApplicationModules.of(TierupApplication.class, TEST_CODE);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * The module map under docs/modules (committed): one diagram of all modules, one per module, and a
     * canvas per module listing its API, the events it publishes and those it listens to. Written on
     * every run, so a change to the structure shows in the diff of the commit that made it.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        Path out = Path.of("docs/modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString())).writeDocumentation();
        // the diagrams list their relations, the canvases their events, in no fixed order: sorted, an
        // unchanged structure leaves no diff
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).startsWith("|* `")) {
                        continue;
                    }
                    int end = i + 1;
                    while (end < lines.size() && lines.get(end).startsWith("* `")) {
                        end++;
                    }
                    List<String> items = new ArrayList<>();
                    for (int k = i; k < end; k++) {
                        items.add(k == i ? lines.get(k).substring(1) : lines.get(k));
                    }
                    items.sort(null);
                    for (int k = i; k < end; k++) {
                        lines.set(k, k == i ? "|" + items.get(0) : items.get(k - i));
                    }
                    i = end - 1;
                }
                Files.write(f, lines, StandardCharsets.UTF_8);
            }
        }
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
                List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
                List<Integer> at = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("Rel(")) {
                        at.add(i);
                    }
                }
                List<String> rels = at.stream().map(lines::get).sorted().toList();
                for (int i = 0; i < at.size(); i++) {
                    lines.set(at.get(i), rels.get(i));
                }
                Files.write(f, lines, StandardCharsets.UTF_8);
            }
        }
    }
}
