package cn.tierup.reporting;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.survey.ReportContent;
import cn.tierup.survey.ReportType;
import cn.tierup.survey.SurveyBootstrap;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.testsupport.YearEndGrades;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.grading.Grade.ADVANCED;
import static cn.tierup.grading.Grade.AVERAGE;
import static cn.tierup.grading.Grade.LAGGING;

/**
 * A town of one test class's own for the 情况通报 and 历年对比: four villages, a campaign rooted at the town in
 * {@link CampaignFixture#OWN_TOWN_YEAR} and one the year before, with each village's grades of both years (the year
 * before reviewed at its end, this year not yet), this year's self-inspection reports and 晋位升级 ledger, and
 * accounts for the town's secretary and a village's.
 */
final class BulletinTown extends OwnTown {

    /**
     * One village: its 年初定级 and 年末审定 the year before, its 年初定级 this year (null: not graded), and this year's
     * report (null: none, long past its deadline). A graded 一般 or 后进 gets two ledger lines, one left open past its
     * deadline (nobody assists it).
     */
    record Spec(String name, Grade lastStart, Grade lastEnd, Grade start, String report) {
    }

    static final List<Spec> SPECS = List.of(
            new Spec("甲村", ADVANCED, ADVANCED, ADVANCED, "ACCEPTED"),
            new Spec("乙村", AVERAGE, ADVANCED, AVERAGE, "HANDED_IN"),
            new Spec("丙村", LAGGING, AVERAGE, LAGGING, null),
            new Spec("丁村", AVERAGE, AVERAGE, null, null));

    final String prefix;
    final String secretary;
    final String villageUser;
    final int year = CampaignFixture.OWN_TOWN_YEAR;
    long campaign;
    long lastCampaign;
    final Map<String, Long> villages = new LinkedHashMap<>();

    /** The town {@code prefix}镇 ({@code prefix} names its villages too), its secretary and the first village's. */
    BulletinTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, String prefix, String secretary,
                 String secretaryName, String villageUser) throws Exception {
        super(mvc, users, jdbc, json, "中共彭州市" + prefix + "镇委员会");
        this.prefix = prefix;
        this.secretary = secretary;
        this.villageUser = villageUser;
        for (Spec s : SPECS) {
            villages.put(s.name(), village(villageName(s.name())));
        }
        account(secretary, secretaryName, id, "SUPERVISOR");
        account(villageUser, "村书记" + prefix, villages.get(SPECS.get(0).name()), "BRANCH");
    }

    String villageName(String short_) {
        return "中共彭州市" + prefix + "镇" + short_ + "支部委员会";
    }

    /** Both campaigns and every village's records in them. */
    void seed(GradingBootstrap grading, SurveyBootstrap survey, UpgradeBootstrap upgrade, PlatformTransactionManager tm)
            throws Exception {
        lastCampaign = campaign(year - 1);
        campaign = campaign(year);
        YearEndGrades yearEnd = new YearEndGrades(jdbc);
        TransactionTemplate tx = new TransactionTemplate(tm);
        for (Spec s : SPECS) {
            long org = villages.get(s.name());
            tx.executeWithoutResult(t -> {
                grading.graded(lastCampaign, year - 1, org, "VILLAGE", 5, s.lastStart(), id, villageUser, secretary);
                if (s.start() != null) {
                    grading.graded(campaign, year, org, "VILLAGE", 5, s.start(), id, villageUser, secretary);
                    upgrade.year(campaign, year, org, className(s.start()), s.start(), null, villageUser, secretary, false);
                }
                if (s.report() != null) {
                    report(survey, org, "ACCEPTED".equals(s.report()));
                }
            });
            yearEnd.decided(lastCampaign, org, id, className(s.lastEnd()), s.lastEnd(), secretary);
        }
    }

    void report(SurveyBootstrap survey, long org, boolean accepted) {
        ReportContent content = new ReportContent("本村党支部现有党员 25 名。", "党员队伍老龄化。", "外出务工多。", "培养青年积极分子。",
                LocalDate.of(year, 3, 10), 18, null, null);
        survey.report(campaign, org, ReportType.SELF_INSPECTION, content, villageUser, LocalDate.of(year, 3, 20).atTime(10, 0),
                LocalDate.of(year, 3, 31), 25, accepted, secretary);
    }

    static String className(Grade g) {
        return switch (g) {
            case ADVANCED -> "先进";
            case AVERAGE -> "一般";
            case LAGGING -> "后进";
        };
    }
}
