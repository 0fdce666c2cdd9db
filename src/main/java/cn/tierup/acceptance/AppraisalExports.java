package cn.tierup.acceptance;

import cn.tierup.shared.Messages;
import cn.tierup.shared.SatisfactionRate;
import cn.tierup.shared.xlsx.Workbook;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/** A holder's 民主测评 results as .xlsx, laid out as its page shows them: per organisation, then each counted sitting. */
@Component
public class AppraisalExports {

    private final Messages messages;

    AppraisalExports(Messages messages) {
        this.messages = messages;
    }

    public Workbook results(Appraisals.Desk d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String subtitle = "测评组织：" + d.holderName() + "　　年度：" + d.campaign().year() + "　　生成时间："
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped("测评结果", "党员群众民主测评结果", subtitle,
                List.of(XlsxSheetWriter.HeaderGroup.single("序号"), XlsxSheetWriter.HeaderGroup.single("党组织"),
                        XlsxSheetWriter.HeaderGroup.single("测评次数"),
                        new XlsxSheetWriter.HeaderGroup("测评票数", List.of("满意", "基本满意", "不满意", "合计", "无效")),
                        XlsxSheetWriter.HeaderGroup.single("满意率%")),
                new int[] {6, 40, 10, 10, 10, 10, 10, 10, 10})) {
            int n = 1;
            for (AppraisalView.Result r : d.results()) {
                SatisfactionRate s = r.rate();
                w.row(String.valueOf(n++), r.organizationName(), r.sittings(), s.satisfied(), s.fairlySatisfied(),
                        s.dissatisfied(), s.ratings(), r.invalid(), s.percent());
            }
            w.note(messages.get(SatisfactionRate.RULE) + "只计已计入（纸质票已确认、手机测评已计票）的测评会；无效票不计入合计。");
            w.nextSheet("测评会", "党员群众民主测评会", subtitle,
                    List.of(XlsxSheetWriter.HeaderGroup.single("日期"), XlsxSheetWriter.HeaderGroup.single("地点"),
                            XlsxSheetWriter.HeaderGroup.single("方式"), XlsxSheetWriter.HeaderGroup.single("状态"),
                            new XlsxSheetWriter.HeaderGroup("党员", List.of("应到", "实到")),
                            new XlsxSheetWriter.HeaderGroup("群众代表", List.of("应到", "实到")),
                            new XlsxSheetWriter.HeaderGroup("测评票", List.of("发出", "收回")),
                            XlsxSheetWriter.HeaderGroup.single("党组织"),
                            new XlsxSheetWriter.HeaderGroup("票数", List.of("满意", "基本满意", "不满意", "无效")),
                            XlsxSheetWriter.HeaderGroup.single("满意率%")),
                    new int[] {12, 24, 10, 10, 8, 8, 8, 8, 8, 8, 40, 8, 8, 8, 8, 10});
            for (AppraisalView s : d.sittings()) {
                for (AppraisalView.Line l : s.lines()) {
                    w.row(s.heldOn().toString(), s.place(), messages.get("AppraisalMode." + s.mode()),
                            messages.get("AppraisalStatus." + s.status()), s.membersExpected(), s.membersPresent(),
                            s.publicExpected(), s.publicPresent(), s.ballotsIssued(), s.ballotsReturned(), l.organizationName(),
                            l.satisfied(), l.fairlySatisfied(), l.dissatisfied(), l.invalid(),
                            l.satisfied() == null ? null : l.rate().percent());
                }
            }
            w.finish(out);
        }
        return new Workbook(d.holderName() + d.campaign().year() + "年度党员群众民主测评结果.xlsx", out.toByteArray());
    }
}
