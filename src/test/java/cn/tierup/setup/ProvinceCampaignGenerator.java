package cn.tierup.setup;

import cn.tierup.acceptance.YearEndReviewBootstrap;
import cn.tierup.campaign.Campaign;
import cn.tierup.campaign.CampaignBootstrap;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.identity.AccountPrincipal;
import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.Role;
import cn.tierup.pledge.PledgeBootstrap;
import cn.tierup.questionnaire.AnswerMode;
import cn.tierup.questionnaire.Question;
import cn.tierup.questionnaire.QuestionnaireService;
import cn.tierup.questionnaire.ResponseIntake;
import cn.tierup.questionnaire.internal.QuestionsConverter;
import cn.tierup.shared.Actors;
import cn.tierup.shared.ChineseOrder;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Last year's campaign over a province written by {@link ProvinceDataGenerator} (PostgreSQL only): an account for
 * every organisation that supervises others, the campaign rooted at the province, every organisation graded through
 * the five steps and decided by its authority (a line of the register each), goals approved, a rectification ledger
 * of {@link Scale#ledgerLines} lines (closed, open and overdue), a pledge board per organisation with its pledge,
 * fulfilment and the public's ratings, and a questionnaire per town with {@link Scale#answers} answers between them,
 * tallied.
 *
 * <p>What the application would write is what it writes: for each kind of organisation (field and grade) one
 * <em>prototype</em> organisation goes through the product's own bootstrap services (the aggregates' methods, with
 * their rules and events), and the others are copied from the prototype's rows by set-based
 * {@code insert … select} with their own organisation, authority, slug and the like — a row per copy exactly as the
 * prototype's. The towns' questionnaires are launched through {@link QuestionnaireService#launch} as the province's
 * administrator; the answers are 1,000 distinct valid answers of the template repeated by {@code generate_series}, and
 * the tallies are computed from them, as the application counts them.
 */
public final class ProvinceCampaignGenerator {

    /**
     * How much to write. From system properties (defaults = the province): {@code province.ledger-lines}
     * (200,000), {@code province.pledge-items} (300,000: four on each board, a board for as many
     * organisations as that takes, all of them at most), {@code
     * province.answers} (10,000,000), {@code province.seed}.
     */
    public record Scale(int ledgerLines, int pledgeItems, long answers, long seed) {

        public static Scale fromProperties() {
            return new Scale(Integer.getInteger("province.ledger-lines", 200_000), Integer.getInteger("province.pledge-items", 300_000),
                    Long.getLong("province.answers", 10_000_000L), Long.getLong("province.seed", 20250401L));
        }
    }

    /** What was written and how long each part took (ms). */
    public record Result(long campaignId, int year, long organizationsGraded, long ledgerLines, long pledgeItems,
                         long answers, long questionnaires, Map<String, Long> millis) {
    }

    /** The login of the account of an organisation that supervises others (its 书记's, in the demo's manner). */
    public static String login(long organizationId) {
        return "sj" + organizationId;
    }

    /** The password of every account written here (for signing in over HTTP). */
    public static String password(long rootId) {
        return "Bench-" + rootId;
    }

    private final ApplicationContext context;
    private final DataSource dataSource;

    public ProvinceCampaignGenerator(ApplicationContext context) {
        this.context = context;
        this.dataSource = context.getBean(DataSource.class);
    }

    public Result generate(ProvinceDataGenerator.Result province, Scale scale) {
        Map<String, Long> millis = new LinkedHashMap<>();
        int year = LocalDate.now().getYear() - 1;
        TransactionTemplate tx = new TransactionTemplate(context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        try (Connection c = dataSource.getConnection()) {
            Sql sql = new Sql(c);
            long t = System.nanoTime();
            accounts(sql, province.rootId());
            millis.put("accounts", lap(t));

            t = System.nanoTime();
            long campaign = tx.execute(s -> context.getBean(CampaignBootstrap.class)
                    .open(province.rootId(), year, year + "年度三分类三升级活动", Campaign.noticeSchedule(year)).getId());
            organisations(sql, province.rootId(), scale.seed());
            long graded = grading(sql, tx, campaign, year);
            millis.put("grading", lap(t));

            t = System.nanoTime();
            long lines = upgrade(sql, tx, campaign, year, scale.ledgerLines());
            millis.put("upgrade", lap(t));

            t = System.nanoTime();
            yearEnd(sql, tx, campaign, year);
            millis.put("year end", lap(t));

            t = System.nanoTime();
            long items = pledges(sql, tx, campaign, year, scale.pledgeItems(), scale.seed());
            millis.put("pledges", lap(t));

            t = System.nanoTime();
            long[] q = questionnaires(sql, campaign, year, province.rootId(), scale);
            millis.put("questionnaires", lap(t));

            t = System.nanoTime();
            for (String table : List.of("account", "grading_case", "grading_meeting", "upgrade_decided_grade", "upgrade_goal",
                    "rectification_item", "rectification_note", "assistance", "assistance_visit", "pledge_board", "pledge",
                    "pledge_item", "pledge_suggestion", "pledge_comment", "pledge_rating_tally", "questionnaire",
                    "questionnaire_tally", "questionnaire_response", "acceptance_review")) {
                sql.run("analyze " + table);
            }
            sql.run("drop table gen_org");
            millis.put("analyze", lap(t));
            return new Result(campaign, year, graded, lines, items, q[1], q[0], millis);
        } catch (SQLException e) {
            throw new IllegalStateException("could not generate last year's campaign: " + e.getMessage(), e);
        }
    }

    private static long lap(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    // ------------------------------------------------------------------------------------------------ accounts

    /** The province's administrator and a supervisor's account for each city, county and town. */
    private void accounts(Sql sql, long root) throws SQLException {
        String hash = context.getBean(PasswordEncoder.class).encode(password(root));
        Random r = new Random(root);
        List<Long> ids = sql.longs("select id from organization where path like ? and depth <= 3 order by id",
                "/" + root + "/%");
        try (PreparedStatement ps = sql.c.prepareStatement("insert into account (username, display_name, password_hash,"
                + " organization_id, role, name_key) values (?, ?, ?, ?, ?, ?)")) {
            for (long id : ids) {
                String name = ProvinceDataGenerator.personName(r);
                ps.setString(1, login(id));
                ps.setString(2, name);
                ps.setString(3, hash);
                ps.setLong(4, id);
                ps.setString(5, id == root ? Role.ADMIN.name() : Role.SUPERVISOR.name());
                ps.setString(6, ChineseOrder.key(name));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The acting user of an account written above, for service calls (scope as the guard sees it). */
    public static UsernamePasswordAuthenticationToken as(DataSource ds, long organizationId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, username, display_name, role from account where username = ?")) {
            ps.setString(1, login(organizationId));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                AccountPrincipal p = new AccountPrincipal(new CurrentUser(rs.getLong(1), rs.getString(2), rs.getString(3),
                        organizationId, Role.valueOf(rs.getString(4))), "-", true);
                return new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ grading

    /**
     * Every organisation under the province with its authority and the class it ends up in (about 30% 先进, 55% 一般,
     * 15% 后进, by a hash of its id and the seed), whether its ledger closed (two in three), and a few hash values.
     */
    private void organisations(Sql sql, long root, long seed) throws SQLException {
        sql.run("create temporary table gen_org as select o.id, o.parent_id, o.field, o.depth,"
                + " coalesce(o.grading_authority_id, o.parent_id) as authority,"
                + " abs(hashtext(o.id || ':' || " + seed + ")) % 1000 as h"
                + " from organization o where o.path like '/" + root + "/%' and o.depth >= 1 and not o.retired");
        sql.run("alter table gen_org add column lvl varchar(10)");
        sql.run("update gen_org set lvl = case when h % 100 < 30 then 'ADVANCED' when h % 100 < 85 then 'AVERAGE' else 'LAGGING' end");
        sql.run("alter table gen_org add column closed boolean");
        sql.run("update gen_org set closed = (h / 100) % 3 <> 0 or lvl = 'ADVANCED'");
        sql.run("alter table gen_org add primary key (id)");
        sql.run("analyze gen_org");
    }

    private long grading(Sql sql, TransactionTemplate tx, long campaign, int year) throws SQLException {
        // one prototype per field and class: the smallest id
        sql.run("create temporary table gen_proto as select field, lvl, min(id) as id from gen_org group by field, lvl");
        List<Object[]> protos = sql.rows("select p.id, p.field, p.lvl, g.authority,"
                + " (select count(*) from member m where m.organization_id = p.id) from gen_proto p join gen_org g on g.id = p.id");
        GradingBootstrap grading = context.getBean(GradingBootstrap.class);
        tx.executeWithoutResult(s -> {
            for (Object[] p : protos) {
                long members = ((Number) p[4]).longValue();
                grading.graded(campaign, year, (Long) p[0], (String) p[1], members > 0 ? members : 10, Grade.valueOf((String) p[2]),
                        (Long) p[3], Actors.SYSTEM, login((Long) p[3]));
            }
        });
        String copies = " from gen_org g join gen_proto pr on pr.field = g.field and pr.lvl = g.lvl and pr.id <> g.id";
        Map<String, String> caseOver = new HashMap<>();
        caseOver.put("organization_id", "g.id");
        caseOver.put("authority_organization_id", "g.authority");
        caseOver.put("decided_by", "'sj' || g.authority");
        sql.copy("grading_case", caseOver, copies + " join grading_case p on p.campaign_id = " + campaign
                + " and p.organization_id = pr.id");
        Map<String, String> meetingOver = new HashMap<>();
        meetingOver.put("case_id", "nc.id");
        meetingOver.put("slug", "case when p.slug is null then null else substr(md5(nc.id || p.slug), 1, 16) end");
        sql.copy("grading_meeting", meetingOver, copies + " join grading_case pc on pc.campaign_id = " + campaign
                + " and pc.organization_id = pr.id join grading_meeting p on p.case_id = pc.id"
                + " join grading_case nc on nc.campaign_id = " + campaign + " and nc.organization_id = g.id");
        // what upgrade's listener keeps of each GradeDecided (the prototypes' were kept by the listener itself)
        sql.run("insert into upgrade_decided_grade (campaign_id, organization_id, grade, level)"
                + " select k.campaign_id, k.organization_id, k.decided_grade, k.decided_level from grading_case k"
                + " join gen_org g on g.id = k.organization_id join gen_proto pr on pr.field = g.field and pr.lvl = g.lvl and pr.id <> g.id"
                + " where k.campaign_id = " + campaign);
        long graded = sql.count("select count(*) from grading_case where campaign_id = " + campaign
                + " and decided_grade is not null");
        long all = sql.count("select count(*) from gen_org");
        if (graded != all || sql.count("select count(*) from upgrade_decided_grade where campaign_id = " + campaign) != all) {
            throw new IllegalStateException("graded " + graded + " of " + all);
        }
        return graded;
    }

    // ------------------------------------------------------------------------------------------------ upgrade

    /**
     * Goals for all, approved; for the 一般 and 后进 a ledger of {@code lines} lines between them, alternately like
     * the prototype's first (closed on evidence) and second line (closed, or still open: past its deadline, or for one
     * line in three with a deadline extended into the coming months); a pairing for the 后进.
     */
    private long upgrade(Sql sql, TransactionTemplate tx, long campaign, int year, int lines) throws SQLException {
        sql.run("create temporary table gen_uproto as select lvl, closed, min(id) as id from gen_org group by lvl, closed");
        List<Object[]> protos = sql.rows("select p.id, p.lvl, p.closed, g.parent_id, g.authority, k.decided_grade"
                + " from gen_uproto p join gen_org g on g.id = p.id"
                + " join grading_case k on k.organization_id = p.id and k.campaign_id = " + campaign);
        UpgradeBootstrap upgrade = context.getBean(UpgradeBootstrap.class);
        tx.executeWithoutResult(s -> {
            for (Object[] p : protos) {
                upgrade.year(campaign, year, (Long) p[0], (String) p[5], Grade.valueOf((String) p[1]), (Long) p[3],
                        Actors.SYSTEM, login((Long) p[4]), (Boolean) p[2]);
            }
        });
        String copies = " from gen_org g join gen_uproto pr on pr.lvl = g.lvl and pr.closed = g.closed and pr.id <> g.id";
        Map<String, String> goalOver = new HashMap<>();
        goalOver.put("organization_id", "g.id");
        goalOver.put("grade", "k.decided_grade");
        goalOver.put("reviewed_by", "case when p.reviewed_by is null then null else 'sj' || g.authority end");
        goalOver.put("converted_by", "case when p.converted_by is null then null else 'sj' || g.authority end");
        sql.copy("upgrade_goal", goalOver, copies + " join grading_case k on k.campaign_id = " + campaign
                + " and k.organization_id = g.id join upgrade_goal p on p.campaign_id = " + campaign + " and p.organization_id = pr.id");

        // how many lines each weak organisation keeps: the prototypes' two, the others spread to make up the total
        long weak = sql.count("select count(*) from gen_org where lvl <> 'ADVANCED'");
        long protoLines = sql.count("select count(*) from rectification_item where campaign_id = " + campaign);
        long others = weak - sql.count("select count(*) from gen_uproto where lvl <> 'ADVANCED'");
        long rest = Math.max(0, lines - protoLines);
        long base = others == 0 ? 0 : rest / others;
        long extra = others == 0 ? 0 : rest % others;
        sql.run("create temporary table gen_lines as select g.id, g.h, g.lvl, g.closed, g.authority, pr.id as proto,"
                + " " + base + " + case when row_number() over (order by g.id) <= " + extra + " then 1 else 0 end as n"
                + copies + " where g.lvl <> 'ADVANCED'");
        String extended = LocalDate.now().plusMonths(3).toString();
        Map<String, String> itemOver = new HashMap<>();
        itemOver.put("organization_id", "g.id");
        itemOver.put("number", "i");
        itemOver.put("deadline", "case when p.status = 'OPEN' and (g.h + i) % 3 = 0 then date '" + extended + "' else p.deadline end");
        itemOver.put("closed_by", "case when p.closed_by is null then null else 'sj' || g.authority end");
        String itemsFrom = " from gen_lines g cross join lateral generate_series(1, g.n) i"
                + " join rectification_item p on p.campaign_id = " + campaign + " and p.organization_id = g.proto"
                + " and p.number = case when i % 2 = 1 then 1 else 2 end";
        sql.copy("rectification_item", itemOver, itemsFrom);
        Map<String, String> noteOver = new HashMap<>();
        noteOver.put("item_id", "ni.id");
        sql.copy("rectification_note", noteOver, " from gen_lines g join rectification_item ni on ni.campaign_id = " + campaign
                + " and ni.organization_id = g.id join rectification_item pi on pi.campaign_id = " + campaign
                + " and pi.organization_id = g.proto and pi.number = case when ni.number % 2 = 1 then 1 else 2 end"
                + " join rectification_note p on p.item_id = pi.id");
        Map<String, String> aidOver = new HashMap<>();
        aidOver.put("organization_id", "g.id");
        aidOver.put("helper_organization_id", "g.parent_id");
        aidOver.put("created_by", "'sj' || g.authority");
        sql.copy("assistance", aidOver, copies + " join assistance p on p.campaign_id = " + campaign
                + " and p.organization_id = pr.id");
        Map<String, String> visitOver = new HashMap<>();
        visitOver.put("assistance_id", "na.id");
        visitOver.put("recorded_by", "'sj' || g.authority");
        sql.copy("assistance_visit", visitOver, copies + " join assistance pa on pa.campaign_id = " + campaign
                + " and pa.organization_id = pr.id join assistance_visit p on p.assistance_id = pa.id"
                + " join assistance na on na.campaign_id = " + campaign + " and na.organization_id = g.id");
        return sql.count("select count(*) from rectification_item where campaign_id = " + campaign);
    }

    // ------------------------------------------------------------------------------------------------ year end

    /**
     * Every organisation's 总结验收 decided in November: of the 先进 nine in ten stay 先进, of the 一般 three in ten
     * become 先进, of the 后进 eight in ten are converted to 一般 (by a hash); proposed as decided.
     */
    private void yearEnd(Sql sql, TransactionTemplate tx, long campaign, int year) throws SQLException {
        sql.run("alter table gen_org add column end_lvl varchar(10)");
        sql.run("update gen_org set end_lvl = case lvl when 'ADVANCED' then case when (h / 7) % 10 < 9 then 'ADVANCED' else 'AVERAGE' end"
                + " when 'AVERAGE' then case when (h / 7) % 10 < 3 then 'ADVANCED' else 'AVERAGE' end"
                + " else case when (h / 7) % 10 < 8 then 'AVERAGE' else 'LAGGING' end end");
        sql.run("create temporary table gen_yproto as select field, lvl, end_lvl, min(id) as id from gen_org group by field, lvl, end_lvl");
        List<Object[]> protos = sql.rows("select p.id, p.end_lvl, g.authority from gen_yproto p join gen_org g on g.id = p.id");
        YearEndReviewBootstrap reviews = context.getBean(YearEndReviewBootstrap.class);
        tx.executeWithoutResult(s -> {
            for (Object[] p : protos) {
                Grade end = Grade.valueOf((String) p[1]);
                reviews.reviewed(campaign, year, (Long) p[0], end, end, null, null, Actors.SYSTEM, login((Long) p[2]));
            }
        });
        Map<String, String> over = new HashMap<>();
        over.put("organization_id", "g.id");
        over.put("authority_organization_id", "g.authority");
        over.put("decided_by", "'sj' || g.authority");
        sql.copy("acceptance_review", over, " from gen_org g join gen_yproto pr on pr.field = g.field and pr.lvl = g.lvl"
                + " and pr.end_lvl = g.end_lvl and pr.id <> g.id join acceptance_review p on p.campaign_id = " + campaign
                + " and p.organization_id = pr.id");
        long all = sql.count("select count(*) from gen_org");
        long decided = sql.count("select count(*) from acceptance_review where campaign_id = " + campaign + " and decided_grade is not null");
        if (decided != all) {
            throw new IllegalStateException("year end decided " + decided + " of " + all);
        }
    }

    // ------------------------------------------------------------------------------------------------ pledges

    /**
     * A board for enough organisations to make up the target of items, each with the public's suggestion taken up
     * into its pledge (three items and the suggestion's), signed and published, fulfilment by October (70% 已兑现, 20% 推进中, 10% 未兑现 by a hash), the superior's comment and the residents'
     * satisfaction ratings (20–49 each, mostly satisfied).
     */
    private long pledges(Sql sql, TransactionTemplate tx, long campaign, int year, int target, long seed) throws SQLException {
        long proto = sql.count("select min(id) from gen_org where depth = 3");
        long authority = sql.count("select authority from gen_org where id = " + proto);
        PledgeBootstrap pledging = context.getBean(PledgeBootstrap.class);
        tx.executeWithoutResult(s -> pledging.year(campaign, year, proto, List.of(), List.of(), Actors.SYSTEM, login(authority),
                new Random(seed)));
        long perBoard = sql.count("select count(*) from pledge_item i join pledge p on p.id = i.pledge_id join pledge_board b"
                + " on b.id = p.board_id where b.campaign_id = " + campaign);
        // the organisations with a board: as many as the target takes, chosen by the hash
        sql.run("create temporary table gen_board as select id, parent_id, authority, h from gen_org where id <> " + proto
                + " order by h, id limit " + Math.max(0, (target + perBoard - 1) / perBoard - 1));
        String copies = " from gen_board g join pledge_board pb on pb.campaign_id = " + campaign + " and pb.organization_id = " + proto;
        String newBoard = " join pledge_board nb on nb.campaign_id = " + campaign + " and nb.organization_id = g.id";
        Map<String, String> boardOver = new HashMap<>();
        boardOver.put("organization_id", "g.id");
        boardOver.put("slug", "substr(md5('board' || g.id || p.slug), 1, 12)");
        sql.copy("pledge_board", boardOver, copies + " join pledge_board p on p.id = pb.id");
        Map<String, String> pledgeOver = new HashMap<>();
        pledgeOver.put("board_id", "nb.id");
        pledgeOver.put("signed_by", "'sj' || g.authority");
        sql.copy("pledge", pledgeOver, copies + newBoard + " join pledge p on p.board_id = pb.id");
        Map<String, String> itemOver = new HashMap<>();
        String roll = "(abs(hashtext(g.id || ':' || p.number || ':" + seed + "')) % 10)";
        itemOver.put("pledge_id", "np.id");
        itemOver.put("status", "case when " + roll + " < 7 then 'FULFILLED' when " + roll + " < 9 then 'IN_PROGRESS' else 'NOT_FULFILLED' end");
        itemOver.put("evidence", "case when " + roll + " < 7 then '已按期兑现，群众认可' when " + roll
                + " < 9 then '正在推进' else '受项目资金影响未能兑现，已向群众说明' end");
        itemOver.put("done_on", "case when " + roll + " < 7 or " + roll + " = 9 then date '" + year + "-10-15' else null end");
        sql.copy("pledge_item", itemOver, copies + newBoard + " join pledge pp on pp.board_id = pb.id"
                + " join pledge np on np.board_id = nb.id and np.member_id is not distinct from pp.member_id"
                + " join pledge_item p on p.pledge_id = pp.id");
        Map<String, String> boardChild = new HashMap<>();
        boardChild.put("board_id", "nb.id");
        sql.copy("pledge_suggestion", boardChild, copies + newBoard + " join pledge_suggestion p on p.board_id = pb.id");
        Map<String, String> commentOver = new HashMap<>(boardChild);
        commentOver.put("written_by", "'sj' || g.authority");
        commentOver.put("writer_organization_id", "g.authority");
        sql.copy("pledge_comment", commentOver, copies + newBoard + " join pledge_comment p on p.board_id = pb.id");
        Map<String, String> tallyOver = new HashMap<>(boardChild);
        tallyOver.put("n", "case p.choice when 'SATISFIED' then 20 + g.h % 30 - (g.h / 10) % 6 - (g.h / 100) % 3"
                + " when 'FAIRLY_SATISFIED' then (g.h / 10) % 6 else (g.h / 100) % 3 end");
        sql.copy("pledge_rating_tally", tallyOver, copies + newBoard + " join pledge_rating_tally p on p.board_id = pb.id");
        return sql.count("select count(*) from pledge_item i join pledge p on p.id = i.pledge_id"
                + " join pledge_board b on b.id = p.board_id where b.campaign_id = " + campaign);
    }

    // ------------------------------------------------------------------------------------------------ questionnaires

    /** A questionnaire per town (the village template, open mode, last March), launched by the province's admin. */
    private long[] questionnaires(Sql sql, long campaign, int year, long root, Scale scale) throws SQLException {
        QuestionnaireService service = context.getBean(QuestionnaireService.class);
        long template = sql.count("select id from questionnaire_template where code = 'VILLAGE'");
        List<Long> towns = sql.longs("select id from gen_org where field = 'TOWN' order by id");
        List<Long> launched = new ArrayList<>();
        List<Question> questions;
        SecurityContextHolder.getContext().setAuthentication(as(dataSource, root));
        try {
            for (long town : towns) {
                launched.add(service.launch(campaign, town, template, AnswerMode.OPEN, LocalDate.of(year, 3, 5),
                        LocalDate.of(year, 3, 31), null, null).questionnaire().id());
            }
            questions = launched.isEmpty() ? List.of() : service.get(launched.get(0)).questions();
        } finally {
            SecurityContextHolder.clearContext();
        }
        if (launched.isEmpty() || scale.answers() <= 0) {
            return new long[] {launched.size(), 0};
        }
        boolean auto = sql.c.getAutoCommit();
        sql.c.setAutoCommit(false);
        try {
            sql.run("create temporary table gen_answer (v integer primary key, category varchar(30), answers varchar(100000))"
                    + " on commit drop");
            sql.run("create temporary table gen_answer_line (v integer, question_key varchar(20), option_index integer,"
                    + " category varchar(30)) on commit drop");
            Random r = new Random(scale.seed());
            try (PreparedStatement a = sql.c.prepareStatement("insert into gen_answer values (?, ?, ?)");
                 PreparedStatement l = sql.c.prepareStatement("insert into gen_answer_line values (?, ?, ?, ?)")) {
                for (int v = 0; v < 1000; v++) {
                    String category = r.nextInt(10) < 7 ? "MEMBER" : "PUBLIC";
                    Map<String, Object> answer = answer(questions, r);
                    a.setInt(1, v);
                    a.setString(2, category);
                    a.setString(3, QuestionsConverter.JSON.writeValueAsString(answer));
                    a.addBatch();
                    line(l, v, ResponseIntake.RESPONDENTS, 0, category);
                    for (var e : answer.entrySet()) {
                        if (e.getValue() instanceof Integer o) {
                            line(l, v, e.getKey(), o, category);
                        } else if (e.getValue() instanceof List<?> os) {
                            for (Object o : os) {
                                line(l, v, e.getKey(), (Integer) o, category);
                            }
                        }
                    }
                }
                a.executeBatch();
                l.executeBatch();
            }
            // the towns' share of the answers: as even as they divide, the first towns one more
            long per = scale.answers() / launched.size();
            long more = scale.answers() % launched.size();
            sql.run("create temporary table gen_q (id bigint, k integer, n bigint) on commit drop");
            try (PreparedStatement ps = sql.c.prepareStatement("insert into gen_q values (?, ?, ?)")) {
                for (int k = 0; k < launched.size(); k++) {
                    ps.setLong(1, launched.get(k));
                    ps.setInt(2, k);
                    ps.setLong(3, per + (k < more ? 1 : 0));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            // each answer's day falls in the questionnaire's window; the answers of a town start at an offset of the pool
            sql.run("insert into questionnaire_response (id, questionnaire_id, category, answers, submitted_on)"
                    + " select gen_random_uuid(), q.id, a.category, a.answers, date '" + year + "-03-05' + (i % 27)::integer"
                    + " from gen_q q cross join lateral generate_series(1, q.n) i join gen_answer a on a.v = (i + q.k * 7) % 1000");
            // the tallies, from the answers stored: how often each answer of the pool was used per questionnaire,
            // times the lines that answer adds to
            sql.run("create temporary table gen_use on commit drop as select q.id, (i + q.k * 7) % 1000 as v, count(*) as n"
                    + " from gen_q q cross join lateral generate_series(1, q.n) i group by 1, 2");
            sql.run("update questionnaire_tally t set n = s.n from (select u.id, l.question_key, l.option_index, l.category,"
                    + " sum(u.n) as n from gen_use u join gen_answer_line l on l.v = u.v group by 1, 2, 3, 4) s"
                    + " where t.questionnaire_id = s.id and t.question_key = s.question_key and t.option_index = s.option_index"
                    + " and t.category = s.category and t.shard = 0");
            sql.c.commit();
        } catch (SQLException | RuntimeException e) {
            sql.c.rollback();
            throw e;
        } finally {
            sql.c.setAutoCommit(auto);
        }
        long stored = sql.count("select count(*) from questionnaire_response r join questionnaire q on q.id = r.questionnaire_id"
                + " where q.campaign_id = " + campaign);
        long tallied = sql.count("select coalesce(sum(t.n), 0) from questionnaire_tally t join questionnaire q on q.id = t.questionnaire_id"
                + " where q.campaign_id = " + campaign + " and t.question_key = '*'");
        if (stored != scale.answers() || tallied != stored) {
            throw new IllegalStateException("answers stored " + stored + ", tallied " + tallied + ", wanted " + scale.answers());
        }
        return new long[] {launched.size(), stored};
    }

    private static void line(PreparedStatement l, int v, String key, int option, String category) throws SQLException {
        l.setInt(1, v);
        l.setString(2, key);
        l.setInt(3, option);
        l.setString(4, category);
        l.addBatch();
    }

    /** One complete valid answer as the application stores it: choices as indexes (several sorted), texts as typed. */
    static Map<String, Object> answer(List<Question> questions, Random r) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : questions) {
            if (q.conditional() && !q.showIfOption().equals(answers.get(q.showIfKey()))) {
                continue;
            }
            switch (q.kind()) {
                case SINGLE, RATING -> answers.put(q.key(), r.nextInt(q.options().size()));
                case MULTIPLE -> {
                    List<Integer> picks = new ArrayList<>();
                    for (int o = 0; o < q.options().size(); o++) {
                        if (r.nextBoolean()) {
                            picks.add(o);
                        }
                    }
                    if (picks.isEmpty()) {
                        picks.add(q.options().size() - 1);
                    }
                    answers.put(q.key(), picks);
                }
                case SHORT_TEXT, LONG_TEXT -> {
                    if (q.required() || r.nextInt(5) == 0) {
                        answers.put(q.key(), "希望党员活动室每月开放两次，多组织" + (1 + r.nextInt(9)) + "次技能培训");
                    }
                }
            }
        }
        return answers;
    }

    // ------------------------------------------------------------------------------------------------ SQL

    /** Statements on one connection, and the copy of a table's rows with some columns replaced. */
    private static final class Sql {
        private final Connection c;

        Sql(Connection c) {
            this.c = c;
        }

        void run(String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        long count(String sql) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        List<Long> longs(String sql, Object... params) throws SQLException {
            return query(sql, rs -> rs.getLong(1), params);
        }

        List<Object[]> rows(String sql) throws SQLException {
            return query(sql, rs -> {
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            });
        }

        interface Row<T> {
            T read(ResultSet rs) throws SQLException;
        }

        <T> List<T> query(String sql, Row<T> row, Object... params) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.read(rs));
                    }
                }
                return out;
            }
        }

        /**
         * {@code insert into table (every column but id) select …}: each column from the prototype row {@code p}, or
         * the expression given for it; {@code from} joins the copies to their prototype rows. The id comes from the
         * table's identity, as the application's inserts take it.
         */
        int copy(String table, Map<String, String> replaced, String from) throws SQLException {
            List<String> columns = query("select column_name from information_schema.columns where table_schema = current_schema()"
                    + " and table_name = ? and column_name <> 'id' order by ordinal_position", rs -> rs.getString(1), table);
            for (String k : replaced.keySet()) {
                if (!columns.contains(k)) {
                    throw new IllegalArgumentException(table + " has no column " + k);
                }
            }
            Function<String, String> value = col -> replaced.getOrDefault(col, "p." + col);
            String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select "
                    + String.join(", ", columns.stream().map(value).toList()) + from;
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        }
    }
}
