package cn.tierup.grading;

import cn.tierup.campaign.CampaignView;
import cn.tierup.shared.PageResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything counted from the grading cases under an organisation: where its organisations stand in the
 * five steps, the grades decided so far, and the lines of 附件3 (分类名单统计表) and 附件4 (分类情况汇总表)
 * per unit (a child's whole subtree) and per field. "Under" means in its subtree (itself excepted) or
 * graded by it (a 司法局党委 grades 律师事务所 elsewhere in the tree); the campaign's root is never graded.
 * Counted in SQL by {@code internal.GradingFigureQueries}.
 */
public interface GradingFigures {

    /** Counts of one line: organisations to grade, decided, and decided per class. */
    public record Distribution(Long unitId, String label, long total, long decided, long advanced, long average,
                               long lagging) {

        public double share(long n) {
            return decided == 0 ? 0 : Math.round(n * 1000.0 / decided) / 10.0;
        }

        public Distribution plus(Distribution o) {
            return new Distribution(null, label, total + o.total, decided + o.decided, advanced + o.advanced,
                    average + o.average, lagging + o.lagging);
        }
    }

    public record Overview(CampaignView campaign, long organizationId, String organizationName, LocalDate dueOn,
                           Map<Step, Long> atStep, long notStarted, long late, Distribution grades,
                           Map<String, Long> byGradeName, List<Line> awaitingDecision, List<Line> lateOnes) {
    }

    /** One organisation's line in the overview list. */
    public record Line(long organizationId, String name, String field, String parentName, Step step, String selfGrade,
                       String decidedGrade, Grade decidedLevel, boolean late, boolean mine) {
    }

    /** 附件3: the decided organisations by unit, with name, field and grade. */
    public record Named(String unit, String name, String field, String grade, Grade level) {
    }

    /**
     * The organisations under one in a campaign, for other modules' figures (the ledger, pledges) to count
     * over the same set: {@code from} is "from org_tree_view o left join grading_case g ... where ..." taking
     * {@code params}. Requires the right to read the campaign at that organisation.
     */
    public record Subjects(String from, Map<String, Object> params, CampaignView campaign, LocalDate gradingDue) {
    }

    Overview overview(long campaignId, long organizationId);

    /** The organisations under one, with where each stands; filters by step ("NOT_STARTED" too), field and class. */
    PageResult<Line> list(long campaignId, long organizationId, String step, String field, Grade level, String name,
                          int page, int size);

    /** 附件4 by unit: one line per child organisation (its whole subtree); the total is {@link #overview}'s. */
    List<Distribution> byUnit(long campaignId, long organizationId);

    /** 附件4 by field. */
    List<Distribution> byField(long campaignId, long organizationId);

    /** 附件3: the decided organisations by unit, with name, field and grade. */
    List<Named> names(long campaignId, long organizationId);

    String organizationName(long organizationId);

    Subjects subjects(long campaignId, long organizationId);
}
