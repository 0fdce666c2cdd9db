package cn.tierup.reporting;

import cn.tierup.acceptance.RateCounts;
import cn.tierup.acceptance.Rate;
import cn.tierup.acceptance.YearEndFigures;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingFigures;
import cn.tierup.grading.GradingFigures.Distribution;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.reporting.Cockpit.Block;
import cn.tierup.reporting.Cockpit.Chart;
import cn.tierup.reporting.Cockpit.Row;
import cn.tierup.reporting.Cockpit.Series;
import cn.tierup.reporting.Cockpit.Table;
import cn.tierup.shared.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 历年对比: for one organisation's subtree, the campaigns of the chosen one's series (the same campaign organisation,
 * the chosen year and up to four before it) side by side — each year's 年初定级 distribution as the grading module
 * counts it over the subtree, and where the year-end review has graded anyone, the 年末审定 distribution and the rates
 * as acceptance's {@link YearEndFigures} count and judge them for the 工作总结. A few statements per year, none per
 * organisation; nothing counted here. Shaped as a cockpit block, so the cockpit's script draws it and its workbook
 * writes it.
 */
@Service
public class Trends {

    /** How many years, the chosen one included, are set side by side. */
    static final int YEARS = 5;
    public static final String KEY = "trends";

    private final Cockpit cockpit;
    private final CampaignService campaigns;
    private final GradingFigures grading;
    private final YearEndFigures yearEnd;
    private final Messages messages;

    Trends(Cockpit cockpit, CampaignService campaigns, GradingFigures grading, YearEndFigures yearEnd, Messages messages) {
        this.cockpit = cockpit;
        this.campaigns = campaigns;
        this.grading = grading;
        this.yearEnd = yearEnd;
        this.messages = messages;
    }

    /** The campaigns compared: the chosen one's series up to its year, the last {@link #YEARS}, oldest first. */
    List<CampaignView> series(CampaignView chosen) {
        List<CampaignView> same = campaigns.list().stream()
                .filter(c -> c.rootOrganizationId() == chosen.rootOrganizationId() && c.year() <= chosen.year())
                .sorted(Comparator.comparingInt(CampaignView::year)).toList();
        return same.subList(Math.max(0, same.size() - YEARS), same.size());
    }

    @Transactional(readOnly = true)
    public Block block(long campaignId, Long organizationId) {
        Cockpit.Subject s = cockpit.subject(campaignId, organizationId);
        OrgRef org = s.organization();
        List<CampaignView> years = series(s.campaign());
        List<String> labels = new ArrayList<>();
        List<Row> startRows = new ArrayList<>();
        List<Row> endRows = new ArrayList<>();
        List<List<Number>> counts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Number>> rates = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (CampaignView c : years) {
            String label = msg("trends.year", String.valueOf(c.year()));
            labels.add(label);
            Distribution d = grading.overview(c.id(), org.id()).grades();
            startRows.add(new Row(null, List.of(label, d.total(), d.decided(), d.advanced(), d.share(Grade.ADVANCED),
                    d.average(), d.share(Grade.AVERAGE), d.lagging(), d.share(Grade.LAGGING))));
            counts.get(0).add(d.advanced());
            counts.get(1).add(d.average());
            counts.get(2).add(d.lagging());
            counts.get(3).add(d.total() - d.decided());
            RateCounts r = yearEnd.of(c, org.id(), org.name()).overall();
            boolean reviewed = r.endTotal() > 0;
            List<Rate> four = List.of(r.advancedShare(), r.modelRate(), r.upgradeRate(), r.conversionRate());
            List<Object> cells = new ArrayList<>(List.of(label, r.startTotal()));
            if (reviewed) {
                cells.addAll(List.of(r.endTotal(), r.endAdvanced(), r.endAverage(), r.endLagging()));
                four.forEach(rate -> cells.add(rate.display()));
            } else {
                cells.addAll(List.of(msg("trends.notReviewed"), "—", "—", "—", "—", "—", "—", "—"));
            }
            endRows.add(new Row(null, cells));
            rates.get(0).add(d.decided() == 0 ? null : d.share(Grade.ADVANCED));
            for (int i = 0; i < 4; i++) {
                BigDecimal p = reviewed ? four.get(i).percent() : null;
                rates.get(i + 1).add(p);
            }
        }
        Table start = new Table(msg("trends.startTable"), cols("trends.year", "grading.total", "grading.decided",
                "trends.advanced", "trends.advancedShare", "trends.average", "trends.averageShare", "trends.lagging",
                "trends.laggingShare"), startRows, null);
        Table end = new Table(msg("trends.endTable"), cols("trends.year", "yearEnd.start", "yearEnd.end", "trends.advanced",
                "trends.average", "trends.lagging", "yearEnd.advancedShare", "yearEnd.modelRate", "yearEnd.upgradeRate",
                "yearEnd.conversionRate"), endRows, null);
        List<Long> none = labels.stream().map(l -> (Long) null).toList();
        Chart startChart = Chart.stack(msg("trends.startChart"), labels, none, List.of(
                new Series(messages.label(Grade.ADVANCED), counts.get(0)), new Series(messages.label(Grade.AVERAGE), counts.get(1)),
                new Series(messages.label(Grade.LAGGING), counts.get(2)), new Series(msg("grading.undecided"), counts.get(3))));
        Chart rateChart = Chart.bars(msg("trends.rateChart"), labels, none, List.of(
                new Series(msg("trends.startAdvancedShare"), rates.get(0)), new Series(msg("trends.endAdvancedShare"), rates.get(1)),
                // short names: the legend measures the arrow of 先进→示范 short and overlaps; the table names them in full
                new Series(msg("trends.modelRate"), rates.get(2)), new Series(msg("trends.upgradeRate"), rates.get(3)),
                new Series(msg("trends.conversionRate"), rates.get(4))));
        CampaignView c = s.campaign();
        List<String> defs = List.of(msg("trends.def.series", c.rootName(), String.valueOf(YEARS)), msg("trends.def.start"),
                messages.get("acceptance.summary.def.base"), messages.get("acceptance.summary.def.share"),
                messages.get("acceptance.summary.def.model", c.modelLevels().stream().map(messages::label)
                        .collect(Collectors.joining("、"))), messages.get("acceptance.summary.def.upgrade"),
                messages.get("acceptance.summary.def.conversion"), msg("trends.def.dash"));
        return new Block(KEY, msg("trends.title"), c.id(), org.id(), org.name(), "/dashboard?campaign=" + c.id() + "&org="
                + org.id(), msg("title"), defs, List.of(startChart, rateChart), List.of(start, end), null);
    }

    private List<String> cols(String... keys) {
        return Arrays.stream(keys).map(k -> msg("col." + k)).toList();
    }

    private String msg(String key, Object... args) {
        return messages.get("dashboard." + key, args);
    }
}
