package cn.tierup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's tables are its own: only its {@code internal} package talks SQL, and no module's SQL names
 * another module's table. Where a roll-up must join across modules, it reads a view the owning module
 * publishes in its migrations. Both checks are proved on every run against a purpose-made violation
 * ({@code cn.tierup.archfixture.pledge.ReadsGradingTables}).
 */
class ArchitectureTest {

    /** Who owns which table. A new table or view in a migration must be given an owner here. */
    static final Map<String, Set<String>> TABLES = Map.ofEntries(
            Map.entry("organization", Set.of("organization", "member", "leadership_post")),
            Map.entry("identity", Set.of("account", "login_throttle")),
            Map.entry("audit", Set.of("audit_entry")),
            Map.entry("campaign", Set.of("campaign", "campaign_phase", "reminder")),
            Map.entry("survey", Set.of("survey_report", "survey_report_version", "survey_attachment", "survey_activity",
                    "survey_station_entry", "survey_station_entry_version")),
            Map.entry("questionnaire", Set.of("questionnaire", "questionnaire_template", "questionnaire_code",
                    "questionnaire_seen", "questionnaire_response", "questionnaire_tally", "questionnaire_address",
                    "questionnaire_sealed", "questionnaire_receipt")),
            Map.entry("grading", Set.of("grading_scheme", "grading_setup", "grading_setup_scheme", "grading_case",
                    "grading_meeting")),
            // grading_ballot_code and grading_ballot_tally were the codes and counters until V15 dropped them
            Map.entry("ballot", Set.of("poll", "ballot_code", "ballot_tally", "ballot_vote", "ballot_receipt",
                    "grading_ballot_code", "grading_ballot_tally")),
            Map.entry("upgrade", Set.of("upgrade_goal", "rectification_item", "rectification_note", "assistance",
                    "assistance_visit", "upgrade_decided_grade", "upgrade_station_grade")),
            Map.entry("pledge", Set.of("pledge_board", "pledge", "pledge_item", "pledge_suggestion", "pledge_comment",
                    "pledge_member_rating", "pledge_rating_seen", "pledge_rating_tally")),
            Map.entry("acceptance", Set.of("acceptance_review",
                    "acceptance_appraisal", "acceptance_appraisal_line",
                    "acceptance_recognition", "acceptance_work_summary", "acceptance_commendation")),
            Map.entry("station", Set.of("station", "station_session", "station_grading")),
            // the issued 情况通报, frozen as issued: the only thing reporting keeps rather than reads
            Map.entry("reporting", Set.of("dashboard_bulletin")));

    /** Views a module publishes for other modules' roll-ups: anyone may read them, only the owner defines them. */
    static final Map<String, Set<String>> VIEWS = Map.of(
            "organization", Set.of("org_tree_view", "member_roll_view"),
            "campaign", Set.of("campaign_year_view"),
            "questionnaire", Set.of("questionnaire_sheet_view", "questionnaire_template_sheet_view"),
            "grading", Set.of("decided_grade_view"),
            "acceptance", Set.of("year_end_grade_view"),
            "survey", Set.of("survey_station_view", "survey_report_status_view"),
            "station", Set.of("station_roster_view", "station_grade_view", "station_register_view", "station_session_view",
                    "station_year_end_grade_view"));

    /**
     * Tables of the frameworks (sessions, the event publication registry, Flyway, Bucket4j's rate-limit buckets, written
     * only by shared/ratelimit): no module's SQL touches them.
     */
    static final Set<String> INFRASTRUCTURE = Set.of("spring_session", "spring_session_attributes", "event_publication",
            "flyway_schema_history", "rate_limit_bucket");

    private static final Path MAIN = Path.of("src/main/java/cn/tierup");
    private static final Path FIXTURE = Path.of("src/test/java/cn/tierup/archfixture");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Classes outside an internal package do not talk SQL: services ask their module's internal queries. */
    private static final ArchRule SQL_ONLY_IN_INTERNAL = noClasses()
            .that().resideOutsideOfPackage("..internal..")
            .should().dependOnClassesThat().belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class)
            .because("a module's tables are read and written by its internal package only (ARCHITECTURE.md)");

    @Test
    void onlyInternalPackagesTalkSql() {
        // test classes are not part of the modules, wherever the build puts them
        ImportOption mainOnly = location -> !location.contains("/test-classes/");
        JavaClasses main = new ClassFileImporter().withImportOption(mainOnly).importPackages("cn.tierup");
        SQL_ONLY_IN_INTERNAL.check(main);
    }

    @Test
    void theSqlRuleCatchesAPurposeMadeViolation() {
        JavaClasses fixture = new ClassFileImporter().importPackages("cn.tierup.archfixture");
        assertThatThrownBy(() -> SQL_ONLY_IN_INTERNAL.check(fixture))
                .hasMessageContaining("ReadsGradingTables");
    }

    @Test
    void noModuleNamesAnotherModulesTable() {
        assertThat(foreignTables(MAIN)).as("SQL naming another module's table (use its API, its events or a view it publishes)")
                .isEmpty();
    }

    @Test
    void theTableRuleCatchesAPurposeMadeViolation() {
        List<String> found = foreignTables(FIXTURE);
        assertThat(found).anyMatch(v -> v.contains("ReadsGradingTables.java") && v.contains("grading_case (grading)"));
        assertThat(found).anyMatch(v -> v.contains("organization (organization)"));
        assertThat(found).noneMatch(v -> v.contains("org_tree_view") || v.contains("pledge (pledge)"));
    }

    @Test
    void everyTableAndViewHasAnOwner() throws IOException {
        Set<String> known = new TreeSet<>(INFRASTRUCTURE);
        TABLES.values().forEach(known::addAll);
        VIEWS.values().forEach(known::addAll);
        Set<String> created = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)create\\s+(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = create.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(known).as("every table and view created by a migration, with an owner in ArchitectureTest")
                .containsAll(created);
    }

    // ----------------------------------------------------------------------------------------------

    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_AFTER = Pattern.compile(
            "(?i)\\b(?:from|join|update|into|table)\\s+([a-z_][a-z0-9_]*)");

    /**
     * Every place where SQL in a module's source (its string literals, joined as the code concatenates them)
     * names a table owned by another module, as "file: table (owner)". The module of a file is the first
     * package under {@code root}.
     */
    static List<String> foreignTables(Path root) {
        Map<String, String> owner = new TreeMap<>();
        TABLES.forEach((module, tables) -> tables.forEach(t -> owner.put(t, module)));
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String module = root.relativize(f).getName(0).toString();
                StringBuilder literals = new StringBuilder();
                Matcher s = STRING.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (s.find()) {
                    literals.append(s.group(1) != null ? s.group(1) : s.group(2)).append(' ');
                }
                Matcher t = TABLE_AFTER.matcher(literals);
                Set<String> seen = new TreeSet<>();
                while (t.find()) {
                    String table = t.group(1).toLowerCase();
                    String tableOwner = owner.get(table);
                    if (tableOwner != null && !tableOwner.equals(module) && seen.add(table)) {
                        out.add(root.relativize(f) + ": " + table + " (" + tableOwner + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
