package cn.tierup.pledge;

import cn.tierup.shared.Shares;
import java.math.BigDecimal;
import java.util.List;

/**
 * The town summary's figures, counted from the records and never typed: published pledge items
 * (organisations' and members'), items fulfilled and the fulfilment rate, ratings and the satisfaction
 * rate ((满意 + 基本满意) ÷ ratings) — per organisation and added up per unit under an organisation.
 * Counted in SQL by {@code internal.PledgeFigureQueries}.
 */
public interface PledgeFigures {

    /** n ÷ of in percent with two decimals ({@link Shares#rate}); 0.00 when there is nothing to divide by. */
    static BigDecimal rate(long n, long of) {
        return Shares.rate(n, of);
    }

    /** Items are 已兑现, 未兑现, 推进中, or not begun (已承诺): the four add up to all items. */
    public record Line(Long organizationId, String label, long pledges, long items, long fulfilled, long notFulfilled,
                       long inProgress, long satisfied, long fairly, long dissatisfied) {

        /** Items pledged and not begun: neither settled nor in progress. */
        public long notBegun() {
            return items - fulfilled - notFulfilled - inProgress;
        }

        public long ratings() {
            return satisfaction().ratings();
        }

        public cn.tierup.shared.SatisfactionRate satisfaction() {
            return new cn.tierup.shared.SatisfactionRate(satisfied, fairly, dissatisfied);
        }

        public BigDecimal fulfilmentRate() {
            return rate(fulfilled, items);
        }

        public BigDecimal satisfactionRate() {
            return satisfaction().percent();
        }

        public Line plus(Line o, String newLabel) {
            return new Line(null, newLabel, pledges + o.pledges, items + o.items, fulfilled + o.fulfilled,
                    notFulfilled + o.notFulfilled, inProgress + o.inProgress, satisfied + o.satisfied, fairly + o.fairly,
                    dissatisfied + o.dissatisfied);
        }
    }

    /** {@code withChildren}: the units that have organisations under them (worth opening a level down). */
    public record Summary(String organizationName, List<Line> units, List<Line> organizations, Line total,
                          java.util.Set<Long> withChildren) {
    }

    /** The figures of the organisations {@code organizationId} oversees in the campaign, line by line and per unit. */
    Summary summary(long campaignId, long organizationId);

    /** One organisation's own line in a campaign (its published items, their fulfilment, its ratings); callers have checked access. */
    Line line(long campaignId, long organizationId);
}
