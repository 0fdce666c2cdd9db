package cn.tierup.survey;

import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The survey figures of a subtree, summed from the records beneath it: organisations and members,
 * self-inspection reports owed / handed in / accepted, each kind of survey work, and the answer sheets of
 * online questionnaires (counted as questionnaires issued and returned). The same numbers
 * feed the 专题调研报告 page and the 大调查情况汇总表, so they always agree.
 */
@Service
public class SurveyFigures {

    private final JdbcClient jdbc;
    private final ScopeGuard guard;
    private final OrganizationDirectory directory;

    SurveyFigures(JdbcClient jdbc, ScopeGuard guard, OrganizationDirectory directory) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.directory = directory;
    }

    /** Figures of one organisation's own records only ({@code subtree=false}) or of its whole subtree. */
    public record Figures(long organizationId, String name, long organizations, long members, long reportsOwed,
                          long reportsHandedIn, long reportsAccepted, Map<ActivityKind, Long> amounts,
                          long questionnairesReturned, Map<EvaluatorGroup, Long> evaluators) {

        public long amount(ActivityKind k) {
            return amounts.getOrDefault(k, 0L);
        }

        static Figures empty(long id, String name) {
            return new Figures(id, name, 0, 0, 0, 0, 0, new EnumMap<>(ActivityKind.class), 0, new EnumMap<>(EvaluatorGroup.class));
        }

        Figures plus(Figures o) {
            Map<ActivityKind, Long> a = new EnumMap<>(ActivityKind.class);
            a.putAll(amounts);
            o.amounts.forEach((k, v) -> a.merge(k, v, Long::sum));
            Map<EvaluatorGroup, Long> e = new EnumMap<>(EvaluatorGroup.class);
            e.putAll(evaluators);
            o.evaluators.forEach((k, v) -> e.merge(k, v, Long::sum));
            return new Figures(organizationId, name, organizations + o.organizations, members + o.members,
                    reportsOwed + o.reportsOwed, reportsHandedIn + o.reportsHandedIn, reportsAccepted + o.reportsAccepted,
                    a, questionnairesReturned + o.questionnairesReturned, e);
        }
    }

    /** The summary under an organisation: its own line (本级), one line per child subtree, and the total. */
    public record Summary(Figures own, List<Figures> children, Figures total) {
    }

    @Transactional(readOnly = true)
    public Summary summary(long campaignId, long organizationId) {
        var org = guard.require(Permission.CAMPAIGN_READ, organizationId);
        Figures own = figures(campaignId, List.of(organizationId), false).get(organizationId);
        List<Long> childIds = jdbc.sql("select id from org_tree_view where parent_id = :p and retired = false order by name")
                .param("p", organizationId).query(Long.class).list();
        Map<Long, Figures> kids = childIds.isEmpty() ? Map.of() : figures(campaignId, childIds, true);
        List<Figures> children = new ArrayList<>();
        Figures total = Figures.empty(organizationId, org.name()).plus(own);
        for (Long id : childIds) {
            Figures f = kids.get(id);
            children.add(f);
            total = total.plus(f);
        }
        return new Summary(own, children, total);
    }

    /** Figures of each listed organisation: its subtree's, or with {@code subtree=false} its own records only. */
    Map<Long, Figures> figures(long campaignId, List<Long> ids, boolean subtree) {
        Map<Long, Figures> out = new LinkedHashMap<>();
        for (Long id : ids) {
            out.put(id, Figures.empty(id, directory.find(id).map(OrganizationDirectory.OrgRef::name).orElse("")));
        }
        String under = subtree ? "o.path like c.path || '%'" : "o.id = c.id";
        jdbc.sql("select c.id, count(o.id) as orgs,"
                        + " sum((select count(*) from member_roll_view m where m.organization_id = o.id and m.status = 'ACTIVE'"
                        + " and m.category in ('FULL', 'PROBATIONARY'))) as members,"
                        + " sum(case when k.n = 0 then 1 else 0 end) as owed,"
                        + " sum(case when k.n = 0 and r.status in ('SUBMITTED', 'ACCEPTED') then 1 else 0 end) as handed,"
                        + " sum(case when k.n = 0 and r.status = 'ACCEPTED' then 1 else 0 end) as accepted"
                        + " from org_tree_view c join org_tree_view o on " + under + " and o.retired = false"
                        + " join (select p.id, (select count(*) from org_tree_view x where x.parent_id = p.id and x.retired = false) as n"
                        + "       from org_tree_view p) k on k.id = o.id"
                        + " left join survey_report r on r.organization_id = o.id and r.campaign_id = :cid and r.type = 'SELF_INSPECTION'"
                        + " where c.id in (:ids) group by c.id")
                .param("cid", campaignId).param("ids", ids)
                .query((ResultSet rs) -> {
                    Figures f = out.get(rs.getLong("id"));
                    out.put(f.organizationId(), new Figures(f.organizationId(), f.name(), rs.getLong("orgs"),
                            rs.getLong("members"), rs.getLong("owed"), rs.getLong("handed"), rs.getLong("accepted"),
                            f.amounts(), f.questionnairesReturned(), f.evaluators()));
                });
        jdbc.sql("select c.id, a.kind, a.evaluator_group, sum(a.amount) as amt, sum(coalesce(a.returned_count, 0)) as ret"
                        + " from org_tree_view c join org_tree_view o on " + under
                        + " join survey_activity a on a.organization_id = o.id and a.campaign_id = :cid"
                        + " where c.id in (:ids) group by c.id, a.kind, a.evaluator_group")
                .param("cid", campaignId).param("ids", ids)
                .query((ResultSet rs) -> {
                    Figures f = out.get(rs.getLong("id"));
                    Map<ActivityKind, Long> amounts = new EnumMap<>(ActivityKind.class);
                    amounts.putAll(f.amounts());
                    ActivityKind kind = ActivityKind.valueOf(rs.getString("kind"));
                    amounts.merge(kind, rs.getLong("amt"), Long::sum);
                    Map<EvaluatorGroup, Long> groups = new EnumMap<>(EvaluatorGroup.class);
                    groups.putAll(f.evaluators());
                    if (rs.getString("evaluator_group") != null) {
                        groups.merge(EvaluatorGroup.valueOf(rs.getString("evaluator_group")), rs.getLong("amt"), Long::sum);
                    }
                    out.put(f.organizationId(), new Figures(f.organizationId(), f.name(), f.organizations(), f.members(),
                            f.reportsOwed(), f.reportsHandedIn(), f.reportsAccepted(), amounts,
                            f.questionnairesReturned() + rs.getLong("ret"), groups));
                });
        // Online questionnaires count as questionnaires issued and returned, one per answer sheet; the
        // evaluators of an online 民主测评 count as 民主测评 persons in their groups.
        jdbc.sql("select c.id, q.audience, q.category, sum(q.n) as n from org_tree_view c join org_tree_view o on " + under
                        + " join questionnaire_sheet_view q on q.organization_id = o.id and q.campaign_id = :cid"
                        + " where c.id in (:ids) group by c.id, q.audience, q.category")
                .param("cid", campaignId).param("ids", ids)
                .query((ResultSet rs) -> {
                    Figures f = out.get(rs.getLong("id"));
                    long n = rs.getLong("n");
                    boolean appraisal = "EVALUATOR_GROUPS".equals(rs.getString("audience"));
                    Map<ActivityKind, Long> amounts = new EnumMap<>(ActivityKind.class);
                    amounts.putAll(f.amounts());
                    amounts.merge(appraisal ? ActivityKind.APPRAISAL : ActivityKind.QUESTIONNAIRE, n, Long::sum);
                    Map<EvaluatorGroup, Long> groups = new EnumMap<>(EvaluatorGroup.class);
                    groups.putAll(f.evaluators());
                    if (appraisal) {
                        groups.merge(EvaluatorGroup.valueOf(rs.getString("category")), n, Long::sum);
                    }
                    out.put(f.organizationId(), new Figures(f.organizationId(), f.name(), f.organizations(), f.members(),
                            f.reportsOwed(), f.reportsHandedIn(), f.reportsAccepted(), amounts,
                            f.questionnairesReturned() + (appraisal ? 0 : n), groups));
                });
        return out;
    }
}
