package cn.tierup.upgrade;

import cn.tierup.shared.xlsx.Workbook;
import cn.tierup.identity.People;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/** The 晋位升级 tables handed out as .xlsx: the 整改台账 of an organisation or of a station it hosts. */
@Component
public class UpgradeExports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final RectificationLedger ledger;
    private final Messages messages;
    private final People people;

    UpgradeExports(RectificationLedger ledger, Messages messages, People people) {
        this.ledger = ledger;
        this.messages = messages;
        this.people = people;
    }

    /** The ledger as its reader may see it (the ledger's read check applies). */
    public Workbook ledger(long campaignId, long organizationId) {
        return ledger(campaignId, Subject.organization(organizationId));
    }

    /** The ledger of an organisation or of a station it hosts, headed by whose it is. */
    public Workbook ledger(long campaignId, Subject subject) {
        LedgerView l = ledger.get(campaignId, subject);
        String whose = l.station() ? messages.get("upgrade.station.heading", l.stationName(), l.organizationName())
                : l.organizationName();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxSheetWriter w = new XlsxSheetWriter("整改台账", whose + " 整改台账",
                l.year() + " 年度　共 " + l.items().size() + " 项，已销号 " + l.closed() + " 项，逾期 " + l.overdue() + " 项　导出时间："
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                List.of("序号", "存在问题", "整改措施", "责任人", "完成时限", "状态", "进展记录", "销号人", "销号时间"),
                new int[] {6, 36, 40, 10, 12, 10, 40, 10, 14})) {
            for (LedgerLine i : l.items()) {
                String notes = String.join("\n", i.notes().stream().map(n -> n.writtenAt().format(DAY) + " " + n.note()
                        + (n.evidence() ? "（佐证：" + n.fileName() + "）" : "")).toList());
                w.row(i.number(), i.problem(), i.measure(), i.responsible(), i.deadline().format(DAY),
                        i.overdue() ? "逾期" : messages.label(i.status()), notes, people.name(i.closedBy()),
                        i.closedAt() == null ? "" : i.closedAt().format(DAY));
            }
            w.finish(out);
        }
        return new Workbook((l.station() ? l.stationName() : l.organizationName()) + "整改台账.xlsx", out.toByteArray());
    }
}
