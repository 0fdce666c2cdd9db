package cn.tierup.pledge;

import cn.tierup.shared.Satisfaction;
import cn.tierup.shared.xlsx.Workbook;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/** The 公开承诺 tables handed out as .xlsx: 公开承诺践诺情况统计表 under an organisation. */
@Component
public class PledgeExports {

    private final PledgeFigures figures;
    private final CampaignService campaigns;
    private final Messages messages;

    PledgeExports(PledgeFigures figures, CampaignService campaigns, Messages messages) {
        this.figures = figures;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    /** One line per unit under the organisation (or per organisation when it has no units) and the total. */
    public Workbook summary(long campaignId, long organizationId) {
        CampaignView c = campaigns.get(campaignId);
        PledgeFigures.Summary s = figures.summary(campaignId, organizationId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped("公开承诺", "公开承诺践诺情况统计表",
                "填报单位：" + s.organizationName() + "　　活动：" + c.name() + "　　生成时间："
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                List.of(XlsxSheetWriter.HeaderGroup.single("序号"), XlsxSheetWriter.HeaderGroup.single("单位"),
                        XlsxSheetWriter.HeaderGroup.single("公开承诺书（份）"),
                        new XlsxSheetWriter.HeaderGroup("承诺事项（项）", List.of("承诺", "已兑现", "未兑现", "推进中", "未开始", "兑现率%")),
                        new XlsxSheetWriter.HeaderGroup("群众测评（人次）", List.of("满意", "基本满意", "不满意", "满意率%"))),
                new int[] {6, 36, 12, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10})) {
            int n = 1;
            for (PledgeFigures.Line l : s.units().isEmpty() ? s.organizations() : s.units()) {
                w.row(String.valueOf(n++), l.label(), l.pledges(), l.items(), l.fulfilled(), l.notFulfilled(), l.inProgress(),
                        l.notBegun(), l.fulfilmentRate(),
                        l.satisfied(), l.fairly(), l.dissatisfied(), l.satisfactionRate());
            }
            PledgeFigures.Line t = s.total();
            w.footer("合计", t.pledges(), t.items(), t.fulfilled(), t.notFulfilled(), t.inProgress(), t.notBegun(),
                    t.fulfilmentRate(), t.satisfied(), t.fairly(),
                    t.dissatisfied(), t.satisfactionRate());
            w.note("注：" + messages.get("pledge.fulfilment.rule") + messages.get("rating.rule"));
            w.finish(out);
        }
        return new Workbook("公开承诺践诺情况统计表.xlsx", out.toByteArray());
    }

    /**
     * 群众满意度测评结果 of one organisation: its pledges as a whole and each member's published pledge, with the
     * counts and the rate, and how the rate is computed.
     */
    public Workbook ratings(BoardView b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped("群众测评", "公开承诺群众满意度测评结果",
                "党组织：" + b.organizationName() + "　　年度：" + b.year() + "　　生成时间："
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                List.of(XlsxSheetWriter.HeaderGroup.single("序号"), XlsxSheetWriter.HeaderGroup.single("测评对象"),
                        new XlsxSheetWriter.HeaderGroup("群众测评（人次）", List.of("满意", "基本满意", "不满意", "合计", "满意率%"))),
                new int[] {6, 36, 10, 10, 10, 10, 10})) {
            long s = b.ratings().getOrDefault(Satisfaction.SATISFIED, 0L);
            long f = b.ratings().getOrDefault(Satisfaction.FAIRLY_SATISFIED, 0L);
            long d = b.ratings().getOrDefault(Satisfaction.DISSATISFIED, 0L);
            w.row("1", "党组织承诺（" + b.organizationName() + "）", s, f, d, b.ratingCount(), b.satisfactionRate());
            int n = 2;
            for (MemberRating r : b.memberRatings()) {
                w.row(String.valueOf(n++), "党员承诺（" + r.pledger() + "）", r.satisfied(), r.fairly(), r.dissatisfied(), r.ratings(),
                        r.satisfactionRate());
            }
            w.note("满意率 =（满意 + 基本满意）÷ 测评人次，基本满意计为满意；党员承诺选择“不评价”的不计入该承诺。");
            w.finish(out);
        }
        return new Workbook(b.organizationName() + "公开承诺群众满意度测评结果.xlsx", out.toByteArray());
    }
}
