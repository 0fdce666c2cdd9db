package cn.tierup.grading;

import cn.tierup.ballot.Ballots;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.grading.CaseView.Decision;
import cn.tierup.grading.CaseView.Meetings;
import cn.tierup.grading.CaseView.PastGrade;
import cn.tierup.grading.CaseView.Progress;
import cn.tierup.grading.CaseView.Rights;
import cn.tierup.grading.CaseView.SelfAssessment;
import cn.tierup.grading.CaseView.Subject;
import cn.tierup.grading.internal.GradedOrganizations.GradedOrganization;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import cn.tierup.grading.internal.GradingQueries;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link CaseView} of an organisation's grading: its parts from the case (or their empty forms
 * before it starts), the running ballot's turnout from the ballot module, the earlier grades from the
 * register and the viewer's rights from the guard. Reads only; the use cases of {@link GradingCases} call
 * it after checking who may see the case.
 */
@Component
class CaseViews {

    private final GradingQueries queries;
    private final ScopeGuard guard;
    private final Authorities authorities;
    private final Ballots ballots;
    private final PhaseWindows phaseWindows;

    CaseViews(GradingQueries queries, ScopeGuard guard, Authorities authorities, Ballots ballots,
              PhaseWindows phaseWindows) {
        this.phaseWindows = phaseWindows;
        this.queries = queries;
        this.guard = guard;
        this.authorities = authorities;
        this.ballots = ballots;
    }

    /** The view of {@code k} ({@code null} before the organisation's first step), graded against {@code scheme}. */
    CaseView of(CampaignView c, GradedOrganization org, GradingCase k, GradingScheme scheme, int passPercent) {
        LocalDate due = c.phases().get(Phase.GRADING).dueOn();
        boolean started = phaseWindows.gate(c, Phase.GRADING).open();
        Subject subject = new Subject(c.id(), c.year(), org.id(), org.name(), org.field(), org.secretary(), org.members(),
                org.authorityId(), org.authorityName());
        // before 对标定级 starts nobody writes a step: the page shows when it starts and the five steps instead
        Rights may = new Rights(started && guard.can(Permission.GRADING_WRITE, org.id()),
                started && authorities.mayActFor(org.id()));
        if (k == null) {
            return new CaseView(subject, Progress.notStarted(scheme, due, started, passPercent), Meetings.NONE,
                    SelfAssessment.NONE, Decision.NONE, history(org.id(), c.year()), may);
        }
        Integer turnout = k.openBallot().map(m -> ballots.turnout(m.getSlug())).orElse(null);
        return new CaseView(subject, Progress.of(k, scheme, due, started, passPercent), Meetings.of(k, turnout),
                SelfAssessment.of(k, scheme.getStandard()), Decision.of(k), history(org.id(), c.year()), may);
    }

    /** 近三年: one grade per year of the three before this one (the latest decision where campaigns overlap). */
    private List<PastGrade> history(long organizationId, int year) {
        Map<Integer, PastGrade> byYear = new TreeMap<>(Comparator.reverseOrder());
        queries.decidedBetween(organizationId, year - 3, year - 1).forEach(p -> byYear.put(p.year(), p));
        return List.copyOf(byYear.values());
    }
}
