package cn.tierup;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
    }
}
