package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.testsupport.YearEndGrades;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A town of a test's own whose organisations' 年初定级 is walked through the five steps without a user (as the demo
 * does) and whose 年末审定 is written by {@link YearEndGrades}.
 */
final class TransitionTown extends OwnTown {

    final GradingBootstrap grading;
    final PlatformTransactionManager transactions;
    final YearEndGrades yearEnd;

    TransitionTown(MockMvc mvc, TestUsers users, JdbcClient jdbc, JsonMapper json, GradingBootstrap grading,
                   PlatformTransactionManager transactions, String name) throws Exception {
        super(mvc, users, jdbc, json, name);
        this.grading = grading;
        this.transactions = transactions;
        this.yearEnd = new YearEndGrades(jdbc);
    }

    /** The standard a field is graded by in a campaign (before anyone of that field has begun). */
    void scheme(long campaign, String field, String code) throws Exception {
        long scheme = jdbc.sql("select id from grading_scheme where code = :c").param("c", code).query(Long.class).single();
        admin(put("/api/grading/setup/{c}/schemes/{f}", campaign, field), java.util.Map.of("schemeId", scheme), 200);
    }

    /** The 年初定级: the five steps walked, the town deciding. */
    void start(long campaign, int year, long org, String field, Grade level) {
        new TransactionTemplate(transactions).executeWithoutResult(t -> grading.graded(campaign, year, org, field, 5, level,
                id, "cun", "zhen"));
    }

    /** The 年末审定, decided by the town. */
    void end(long campaign, long org, String grade, Grade level) {
        yearEnd.decided(campaign, org, id, grade, level, "zhen");
    }
}
