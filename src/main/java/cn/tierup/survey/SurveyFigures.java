package cn.tierup.survey;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.survey.internal.SurveyFigureQueries;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final SurveyFigureQueries queries;
    private final ScopeGuard guard;

    SurveyFigures(SurveyFigureQueries queries, ScopeGuard guard) {
        this.queries = queries;
        this.guard = guard;
    }

    /**
     * Figures of one organisation's own records only or of its whole subtree (see {@link #figures}). The
     * questionnaires and 民主测评 persons in {@code amounts} and {@code questionnairesReturned} are those typed into
     * the survey records (纸质) and those answered online (网上) together; {@code onlineQuestionnaires} and
     * {@code onlineEvaluators} are the online ones, so that a table can show them apart.
     */
    public record Figures(long organizationId, String name, long organizations, long members, long reportsOwed,
                          long reportsHandedIn, long reportsAccepted, Map<ActivityKind, Long> amounts,
                          long questionnairesReturned, Map<EvaluatorGroup, Long> evaluators, long onlineQuestionnaires,
                          long onlineEvaluators) {

        public long amount(ActivityKind k) {
            return amounts.getOrDefault(k, 0L);
        }

        /** Questionnaires issued on paper, as typed into the survey records. */
        public long paperIssued() {
            return amount(ActivityKind.QUESTIONNAIRE) - onlineQuestionnaires;
        }

        /** Questionnaires returned on paper, as typed into the survey records. */
        public long paperReturned() {
            return questionnairesReturned - onlineQuestionnaires;
        }

        /** 民主测评 persons typed into the survey records. */
        public long paperEvaluators() {
            return amount(ActivityKind.APPRAISAL) - onlineEvaluators;
        }

        static Figures empty(long id, String name) {
            return new Figures(id, name, 0, 0, 0, 0, 0, new EnumMap<>(ActivityKind.class), 0, new EnumMap<>(EvaluatorGroup.class),
                    0, 0);
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
                    a, questionnairesReturned + o.questionnairesReturned, e, onlineQuestionnaires + o.onlineQuestionnaires,
                    onlineEvaluators + o.onlineEvaluators);
        }
    }

    /** The summary under an organisation: its own line (本级), one line per child subtree, and the total. */
    public record Summary(Figures own, List<Figures> children, Figures total) {
    }

    @Transactional(readOnly = true)
    public Summary summary(long campaignId, long organizationId) {
        var org = guard.require(Permission.CAMPAIGN_READ, organizationId);
        Figures own = figures(campaignId, List.of(organizationId), null).get(organizationId);
        List<Long> childIds = queries.activeChildren(organizationId);
        Map<Long, Figures> kids = childIds.isEmpty() ? Map.of() : figures(campaignId, childIds, org.path());
        List<Figures> children = new ArrayList<>();
        Figures total = Figures.empty(organizationId, org.name()).plus(own);
        for (Long id : childIds) {
            Figures f = kids.get(id);
            children.add(f);
            total = total.plus(f);
        }
        return new Summary(own, children, total);
    }

    /**
     * Figures of each listed organisation: with {@code parentPath} (the path of the organisation they are children of)
     * its subtree's, without its own records only.
     */
    Map<Long, Figures> figures(long campaignId, List<Long> ids, String parentPath) {
        Map<Long, Figures> out = new LinkedHashMap<>();
        // the names in one statement: a city's towns are not looked up one by one
        Map<Long, String> names = queries.names(ids);
        for (Long id : ids) {
            out.put(id, Figures.empty(id, names.getOrDefault(id, "")));
        }
        for (var row : queries.reportCounts(campaignId, ids, parentPath)) {
            Figures f = out.get(row.organizationId());
            out.put(f.organizationId(), new Figures(f.organizationId(), f.name(), row.organizations(),
                    row.members(), row.owed(), row.handedIn(), row.accepted(),
                    f.amounts(), f.questionnairesReturned(), f.evaluators(), f.onlineQuestionnaires(), f.onlineEvaluators()));
        }
        for (var row : queries.activitySums(campaignId, ids, parentPath)) {
            Figures f = out.get(row.organizationId());
            Map<ActivityKind, Long> amounts = new EnumMap<>(ActivityKind.class);
            amounts.putAll(f.amounts());
            ActivityKind kind = ActivityKind.valueOf(row.kind());
            amounts.merge(kind, row.amount(), Long::sum);
            Map<EvaluatorGroup, Long> groups = new EnumMap<>(EvaluatorGroup.class);
            groups.putAll(f.evaluators());
            if (row.evaluatorGroup() != null) {
                groups.merge(EvaluatorGroup.valueOf(row.evaluatorGroup()), row.amount(), Long::sum);
            }
            out.put(f.organizationId(), new Figures(f.organizationId(), f.name(), f.organizations(), f.members(),
                    f.reportsOwed(), f.reportsHandedIn(), f.reportsAccepted(), amounts,
                    f.questionnairesReturned() + row.returned(), groups, f.onlineQuestionnaires(), f.onlineEvaluators()));
        }
        // Online questionnaires count as questionnaires issued and returned, one per answer sheet; the
        // evaluators of an online 民主测评 count as 民主测评 persons in their groups.
        for (var row : queries.sheetSums(campaignId, ids, parentPath)) {
            Figures f = out.get(row.organizationId());
            long n = row.sheets();
            boolean appraisal = "EVALUATOR_GROUPS".equals(row.audience());
            Map<ActivityKind, Long> amounts = new EnumMap<>(ActivityKind.class);
            amounts.putAll(f.amounts());
            amounts.merge(appraisal ? ActivityKind.APPRAISAL : ActivityKind.QUESTIONNAIRE, n, Long::sum);
            Map<EvaluatorGroup, Long> groups = new EnumMap<>(EvaluatorGroup.class);
            groups.putAll(f.evaluators());
            if (appraisal) {
                groups.merge(EvaluatorGroup.valueOf(row.category()), n, Long::sum);
            }
            out.put(f.organizationId(), new Figures(f.organizationId(), f.name(), f.organizations(), f.members(),
                    f.reportsOwed(), f.reportsHandedIn(), f.reportsAccepted(), amounts,
                    f.questionnairesReturned() + (appraisal ? 0 : n), groups, f.onlineQuestionnaires() + (appraisal ? 0 : n),
                    f.onlineEvaluators() + (appraisal ? n : 0)));
        }
        return out;
    }
}
