package cn.tierup.grading;

import cn.tierup.campaign.CampaignView;
import cn.tierup.shared.PageResult;
import cn.tierup.shared.Shares;
import java.math.BigDecimal;
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

    /** A column of 附件3 and 附件4: one grade of a standard the campaign uses, under its class. */
    public record GradeColumn(Grade level, String name) {
    }

    /**
     * Counts of one line: organisations to grade, decided, decided per class, and decided per grade of the
     * standards in force ({@code grades}, keyed by column; a grade that no column names counts in its class only).
     */
    public record Distribution(Long unitId, String label, long total, long decided, long advanced, long average,
                               long lagging, Map<GradeColumn, Long> grades) {

        public Distribution {
            grades = Map.copyOf(grades);
        }

        public static Distribution empty(String label) {
            return new Distribution(null, label, 0, 0, 0, 0, 0, Map.of());
        }

        public long count(Grade level) {
            return switch (level) {
                case ADVANCED -> advanced;
                case AVERAGE -> average;
                case LAGGING -> lagging;
            };
        }

        public long count(GradeColumn column) {
            return grades.getOrDefault(column, 0L);
        }

        /** The share of a class among the decided ones; the three add up to 100.00 ({@link Shares}). */
        public BigDecimal share(Grade level) {
            return Shares.of(new long[] {advanced, average, lagging}, decided).get(level.ordinal());
        }

        public BigDecimal advancedShare() {
            return share(Grade.ADVANCED);
        }

        public BigDecimal averageShare() {
            return share(Grade.AVERAGE);
        }

        public BigDecimal laggingShare() {
            return share(Grade.LAGGING);
        }

        /** The shares of these grade columns among the decided ones; they add up to 100.00 when they cover them all. */
        public List<BigDecimal> shares(List<GradeColumn> columns) {
            return Shares.of(columns.stream().map(this::count).toList(), decided);
        }

        public Distribution relabel(Long newUnitId, String newLabel) {
            return new Distribution(newUnitId, newLabel, total, decided, advanced, average, lagging, grades);
        }

        public Distribution plus(Distribution o) {
            Map<GradeColumn, Long> sum = new java.util.HashMap<>(grades);
            o.grades.forEach((k, v) -> sum.merge(k, v, Long::sum));
            return new Distribution(null, label, total + o.total, decided + o.decided, advanced + o.advanced,
                    average + o.average, lagging + o.lagging, sum);
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

    /**
     * The classes decided per unit (a child's whole subtree, then those graded from outside it) and per field, each
     * counted by one grouped statement over the whole set: the cockpit's grade distribution, whatever the number of
     * units. The lines carry the classes only ({@code grades} empty); the total is {@link #overview}'s.
     */
    public record Spread(List<Distribution> units, List<Distribution> fields) {
    }

    Spread spread(long campaignId, long organizationId);

    /** 附件4 by field. */
    List<Distribution> byField(long campaignId, long organizationId);

    /**
     * The columns of 附件3 and 附件4 under an organisation: the grades of the standards in force for the fields
     * of the organisations it grades, then any other grade decided among them, ordered by class (先进, 一般,
     * 后进) and within a class as the standard lists them.
     */
    List<GradeColumn> gradeColumns(long campaignId, long organizationId);

    /** 附件3: the decided organisations by unit, with name, field and grade. */
    List<Named> names(long campaignId, long organizationId);

    String organizationName(long organizationId);

    Subjects subjects(long campaignId, long organizationId);
}
