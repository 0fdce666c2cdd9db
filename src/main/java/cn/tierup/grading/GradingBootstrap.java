package cn.tierup.grading;

import cn.tierup.grading.internal.GradingCaseRepository;
import cn.tierup.grading.internal.SchemeRepository;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earlier years' gradings for the demo data set, walked through the same five steps of the aggregate
 * (so the same rules hold), with meetings in that year's April. Not reachable from a request.
 */
@Service
public class GradingBootstrap {

    private final GradingCaseRepository cases;
    private final SchemeRepository schemes;
    private final Map<String, GradingScheme> byField = new java.util.concurrent.ConcurrentHashMap<>();

    GradingBootstrap(GradingCaseRepository cases, SchemeRepository schemes) {
        this.cases = cases;
        this.schemes = schemes;
    }

    /**
     * One organisation graded {@code level} in a past campaign of {@code year}: steps 1–4 recorded by
     * {@code clerk}, decided by {@code decider} for {@code authorityId}. The meetings fall in the notice's
     * grading weeks in the order of the steps — 群众初评 on the 2nd, 党员评议 the 4th, 自评 the 6th, 审议 the
     * 7th, 上级评定 the 9th of April — each recorded on the day it was held.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void graded(long campaignId, int year, long organizationId, String field, long members, Grade level,
                       long authorityId, String clerk, String decider) {
        // looked up once per field: a query per case would flush the growing batch every time
        GradingScheme scheme = byField.computeIfAbsent(field, f -> schemes.findByCode("FIVE_GOOD_" + f).orElseThrow());
        Standard standard = scheme.getStandard();
        GradeBand band = standard.grades().stream().filter(g -> g.level() == level).findFirst().orElseThrow();
        LocalDate publicOn = LocalDate.of(year, 4, 2);
        LocalDate membersOn = LocalDate.of(year, 4, 4);
        LocalDate selfOn = LocalDate.of(year, 4, 6);
        LocalDate deliberationOn = LocalDate.of(year, 4, 7);
        LocalDate decisionOn = LocalDate.of(year, 4, 9);
        String place = place(field);
        GradingCase k = new GradingCase(campaignId, organizationId, scheme.getId(), field, publicOn.atTime(9, 0));
        int reps = 25 + (int) (organizationId % 15);
        k.recordReview(Step.PUBLIC_REVIEW, new MeetingRecord(publicOn, place, reps + 3, reps,
                votes(standard.grades(), band, reps)), standard, clerk, publicOn.atTime(18, 0));
        int expected = (int) Math.max(3, members);
        int present = expected * 4 / 5 + 1;
        k.recordReview(Step.MEMBER_REVIEW, new MeetingRecord(membersOn, "党员活动室", expected, present,
                votes(standard.grades(), band, present)), standard, clerk, membersOn.atTime(18, 0));
        k.saveScoreSheet(sheet(standard, band), year - 1 + " 年度考核合格", standard, selfOn.atTime(10, 0));
        k.proposeSelfGrade(band.name(), "结合群众初评、党员评议结果和近三年工作业绩自评。", standard, clerk, selfOn.atTime(11, 0));
        int voters = reps + present / 2;
        int agree = voters * 4 / 5;
        k.recordPaperBallot(new PaperTally(deliberationOn, place, voters + 2, voters, voters, voters,
                agree, voters - agree - 1, 1, 0), DeliberationRule.DEFAULT_PERCENT, clerk, deliberationOn.atTime(18, 0));
        k.decide(band.name(), null, standard, authorityId, decider, decisionOn.atTime(16, 0));
        cases.save(k);
    }

    /** Where the meetings with the public are held, by field. */
    private static String place(String field) {
        return switch (field) {
            case "VILLAGE" -> "村党群服务中心";
            case "COMMUNITY" -> "社区党群服务中心";
            case "TOWN" -> "镇便民服务中心会议室";
            default -> "单位会议室";
        };
    }

    /** Most votes for the grade to be, the rest spread over the others. */
    private static Map<String, Integer> votes(List<GradeBand> grades, GradeBand winner, int present) {
        Map<String, Integer> m = new LinkedHashMap<>();
        int lead = present * 3 / 5 + 1;
        int rest = present - lead;
        for (GradeBand g : grades) {
            if (g == winner) {
                m.put(g.name(), lead);
            } else {
                int n = rest / 2;
                m.put(g.name(), n);
                rest -= n;
            }
        }
        return m;
    }

    /** A score sheet whose total lands inside the band: each criterion scored at the same share of its points. */
    private static ScoreSheet sheet(Standard standard, GradeBand band) {
        int max = standard.maximum();
        int upper = standard.grades().stream().filter(g -> g.minimum() > band.minimum()).mapToInt(GradeBand::minimum)
                .min().orElse(max + 1);
        double share = Math.min(1.0, (band.minimum() + Math.min(upper - 1 - band.minimum(), 5)) / (double) max);
        Map<String, Integer> scores = new HashMap<>();
        for (int d = 0; d < standard.dimensions().size(); d++) {
            List<Criterion> cs = standard.dimensions().get(d).criteria();
            for (int c = 0; c < cs.size(); c++) {
                scores.put((d + 1) + "." + (c + 1), (int) Math.round(cs.get(c).points() * share));
            }
        }
        return new ScoreSheet(scores, java.util.Set.of());
    }
}
