package cn.tierup.acceptance;

import cn.tierup.acceptance.Commendations.CommendationView;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.Workbook;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.springframework.stereotype.Component;

/** A superior's commendations of a year as .xlsx, as the list shows them (the list's read check applies). */
@Component
public class CommendationExports {

    private final Commendations commendations;
    private final Messages messages;

    CommendationExports(Commendations commendations, Messages messages) {
        this.commendations = commendations;
        this.messages = messages;
    }

    public Workbook list(long campaignId, long awarderId, CommendationKind kind, String awarderName, int year) {
        List<CommendationView> lines = commendations.awardedBy(campaignId, awarderId, kind, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String title = messages.get("acceptance.commendation.sheetTitle", awarderName, String.valueOf(year));
        String subtitle = (kind == null ? messages.get("acceptance.commendation.allKinds") : messages.get("acceptance.commendation.kind." + kind.name()))
                + "　" + messages.get("acceptance.commendation.count", String.valueOf(lines.stream().filter(l -> !l.withdrawn()).count()));
        try (XlsxSheetWriter w = new XlsxSheetWriter(messages.get("acceptance.commendation.sheetName"), title, subtitle,
                List.of(messages.get("acceptance.commendation.col.number"), messages.get("acceptance.commendation.col.kind"),
                        messages.get("acceptance.commendation.col.honoured"), messages.get("acceptance.commendation.col.organization"),
                        messages.get("acceptance.commendation.col.level"), messages.get("acceptance.commendation.col.date"),
                        messages.get("acceptance.commendation.col.document"), messages.get("acceptance.commendation.col.citation"),
                        messages.get("acceptance.commendation.col.status")),
                new int[] {6, 16, 14, 36, 12, 12, 20, 48, 20})) {
            w.wrap(3, 7, 8);
            int n = 1;
            for (CommendationView l : lines) {
                w.row(n++, messages.get("acceptance.commendation.kind." + l.kind().name()), l.honouredName(), l.organizationName(), messages.get("acceptance.commendation.level." + l.level().name()),
                        l.awardedOn(), l.documentNumber(), l.citation(), l.withdrawn()
                                ? messages.get("acceptance.commendation.withdrawnWith", l.withdrawnReason())
                                : messages.get("acceptance.commendation.standing"));
            }
            w.finish(out);
        }
        return new Workbook(awarderName + year + "年度表彰.xlsx", out.toByteArray());
    }
}
