package cn.tierup.reporting;

import cn.tierup.campaign.CampaignFigurePages;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.shared.KeptFigures;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import cn.tierup.shared.xlsx.XlsxSheetWriter.HeaderGroup;
import cn.tierup.survey.ActivityKind;
import cn.tierup.survey.SurveyFigures;
import cn.tierup.survey.SurveyFigures.Figures;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 附件2 基层党组织现状大调查情况汇总表: one line per child organisation (its whole subtree), a line for
 * the organisation's own work (本级), and the total — all summed from the records.
 */
@Service
public class SurveySummaryTable {

    public static final List<HeaderGroup> HEADERS = List.of(
            HeaderGroup.single("序号"), HeaderGroup.single("单位"), HeaderGroup.single("党组织（个）"),
            HeaderGroup.single("党员（名）"), new HeaderGroup("自查报告（份）", List.of("应报", "已报", "已通过")),
            HeaderGroup.single("座谈会（次）"), HeaderGroup.single("入户走访（人次）"), HeaderGroup.single("个别访谈（人次）"),
            new HeaderGroup("问卷调查（份）", List.of("纸质发放", "纸质回收", "网上答卷", "回收合计")),
            HeaderGroup.single("案例剖析（个）"), new HeaderGroup("民主测评（人）", List.of("纸质", "网上", "合计")));


    private final SurveyFigures figures;
    private final CampaignService campaigns;
    private final Messages messages;
    /** The table as its page shows it, kept when counting it is slow (a province's 2,000,000 members: about 1.5 s). */
    private final CampaignFigurePages.Kind<SurveyFigures.Summary> pages;

    SurveySummaryTable(SurveyFigures figures, CampaignService campaigns, Messages messages, CampaignFigurePages pages) {
        this.figures = figures;
        this.campaigns = campaigns;
        this.messages = messages;
        this.pages = pages.kind("附件2");
    }

    /**
     * The table for its page: counted for the visit, or for an organisation whose count takes more than a second the
     * last count with its time (see {@link CampaignFigurePages}).
     */
    public KeptFigures.Kept<SurveyFigures.Summary> page(long campaignId, long organizationId) {
        return pages.get(campaignId, organizationId, () -> {
            campaigns.get(campaignId);
            return figures.summary(campaignId, organizationId);
        });
    }

    @Transactional(readOnly = true)
    public SurveyFigures.Summary summary(long campaignId, long organizationId) {
        campaigns.get(campaignId);
        return figures.summary(campaignId, organizationId);
    }

    @Transactional(readOnly = true)
    public void write(long campaignId, long organizationId, OutputStream out) {
        CampaignView c = campaigns.get(campaignId);
        SurveyFigures.Summary s = figures.summary(campaignId, organizationId);
        String subtitle = "填报单位：" + s.total().name() + "　　活动：" + c.name() + "　　生成时间："
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped("汇总表", "基层党组织现状大调查情况汇总表", subtitle, HEADERS,
                new int[] {6, 34, 10, 10, 8, 8, 8, 10, 12, 12, 10, 10, 10, 10, 10, 8, 8, 8})) {
            int n = 1;
            for (Figures f : s.children()) {
                w.row(cells(String.valueOf(n++), f.name(), f));
            }
            w.row(cells("", s.own().name() + "（本级）", s.own()));
            Object[] total = cells("", "合计", s.total());
            w.footer("合计", java.util.Arrays.copyOfRange(total, 2, total.length));
            w.note("注：" + messages.get("survey.summary.paperOnline"));
            w.finish(out);
        }
    }

    /** The cells of one line, in the order of {@link #HEADERS}. */
    public static Object[] cells(String number, String name, Figures f) {
        return new Object[] {number, name, f.organizations(), f.members(), f.reportsOwed(), f.reportsHandedIn(),
                f.reportsAccepted(), f.amount(ActivityKind.SYMPOSIUM), f.amount(ActivityKind.HOME_VISIT),
                f.amount(ActivityKind.INTERVIEW), f.paperIssued(), f.paperReturned(), f.onlineQuestionnaires(),
                f.questionnairesReturned(), f.amount(ActivityKind.CASE_STUDY), f.paperEvaluators(), f.onlineEvaluators(),
                f.amount(ActivityKind.APPRAISAL)};
    }
}
