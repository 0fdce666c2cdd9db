package cn.tierup.grading;

import cn.tierup.grading.internal.GradedOrganizations;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.DomainException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 上级评定 of many organisations at one meeting of their grading authority, as a town's committee decides its villages:
 * the organisations awaiting this authority's decision, each with its proposal (the self-grade the 审议 passed), and
 * one use case that decides those listed with the meeting's date and record entered once. All or nothing: every bad
 * line is named and nothing is decided while one is bad. Each decision is {@link GradingCases#decide}'s own — the same
 * checks, the same {@link GradeDecided} event, the same line in the audit trail — so a decision made here cannot
 * differ from one made on the organisation's own page.
 */
@Service
public class BatchDecisions {

    private final GradingCases cases;
    private final GradingFigures figures;
    private final Authorities authorities;
    private final ScopeGuard guard;
    private final GradedOrganizations organizations;

    BatchDecisions(GradingCases cases, GradingFigures figures, Authorities authorities, ScopeGuard guard,
                   GradedOrganizations organizations) {
        this.organizations = organizations;
        this.cases = cases;
        this.figures = figures;
        this.authorities = authorities;
        this.guard = guard;
    }

    /** The organisations awaiting the authority's decision in the campaign. */
    public record Sheet(long campaignId, long authorityId, String authorityName, List<Awaiting> awaiting) {
    }

    /**
     * One organisation awaiting the decision, with its proposal: the self-grade, its statement, the score sheet's
     * total, and how the 党员群众会议审议 voted on it; {@code grades} are its scheme's, highest first.
     */
    public record Awaiting(long organizationId, String name, String field, String selfGrade, String selfStatement,
                           Integer scoreTotal, Integer scoreMaximum, Integer agree, Integer disagree, Integer abstain,
                           java.math.BigDecimal agreeShare, List<String> grades, long version) {

        static Awaiting of(CaseView v) {
            MeetingView d = v.held().deliberation();
            Standard.Evaluation e = v.self().evaluation();
            return new Awaiting(v.org().organizationId(), v.org().organizationName(), v.org().field(), v.self().selfGrade(),
                    v.self().selfStatement(), e == null ? null : e.total(), e == null ? null : e.maximum(),
                    d == null ? null : d.agree(), d == null ? null : d.disagree(), d == null ? null : d.abstain(),
                    d == null ? null : d.agreeShare(),
                    v.progress().standard().grades().stream().map(GradeBand::name).toList(), v.progress().version());
        }
    }

    /** A line of the meeting's decisions: the organisation, the grade, the reason where it differs, the version read. */
    public record Line(Long organizationId, String grade, String reason, Long version) {
    }

    /** Why a line was refused: the organisation (its name, where known) and the rule it broke. */
    public record Problem(int line, Long organizationId, String organizationName, DomainException reason) {
    }

    /** The decisions were refused: nothing was decided. */
    public static class Refused extends DomainException {

        private final transient List<Problem> problems;

        Refused(List<Problem> problems) {
            super("batch.refused", problems.size());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    @Transactional(readOnly = true)
    public Sheet awaiting(long campaignId, long authorityId) {
        String name = guard.require(Permission.GRADING_DECIDE, authorityId).name();
        List<Awaiting> out = new ArrayList<>();
        for (GradingFigures.Line l : figures.overview(campaignId, authorityId).awaitingDecision()) {
            if (l.mine() && authorities.mayActFor(l.organizationId())) {
                out.add(Awaiting.of(cases.get(campaignId, l.organizationId())));
            }
        }
        return new Sheet(campaignId, authorityId, name, out);
    }

    /**
     * Decides every line at the authority's meeting, or none: each bad line (not awaiting this authority's decision,
     * a grade not in its scheme, a differing grade without a reason, changed meanwhile, named twice) is listed.
     */
    @Transactional
    public int decide(long campaignId, long authorityId, LocalDate meetingOn, String minutes, List<Line> lines) {
        guard.require(Permission.GRADING_DECIDE, authorityId);
        DecisionMeeting meeting = DecisionMeeting.held(meetingOn, minutes, LocalDate.now());
        if (lines == null || lines.isEmpty()) {
            throw new DomainException("batch.empty");
        }
        List<Problem> problems = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int n = 0;
        for (Line line : lines) {
            n++;
            Long org = line == null ? null : line.organizationId();
            String orgName = null;
            try {
                if (org == null) {
                    throw new DomainException("batch.noOrganization");
                }
                orgName = nameOf(org);
                if (!seen.add(org)) {
                    throw new DomainException("batch.twice");
                }
                if (!authorities.mayActFor(org) || !Long.valueOf(authorityId).equals(authorities.of(org).id())) {
                    throw new DomainException("batch.notAwaiting");
                }
                if (line.grade() == null || line.grade().isBlank()) {
                    throw new DomainException("batch.grade");
                }
                if (line.version() == null) {
                    throw new DomainException("batch.version");
                }
                cases.decide(campaignId, org, line.grade(), line.reason(), line.version(), meeting);
            } catch (DomainException e) {
                problems.add(new Problem(n, org, orgName, e));
            } catch (AccessDeniedException e) {
                problems.add(new Problem(n, org, orgName, new DomainException("batch.notAwaiting")));
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return lines.size();
    }

    private String nameOf(long org) {
        return organizations.find(org).map(GradedOrganizations.GradedOrganization::name).orElse(null);
    }
}
