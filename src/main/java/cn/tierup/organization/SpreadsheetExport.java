package cn.tierup.organization;

import cn.tierup.identity.OrgScope;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.internal.ExportQueries;
import cn.tierup.organization.internal.PiiCipher;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists as .xlsx, scoped like the screens: the same columns as the import templates (so a list
 * can be corrected and imported elsewhere), under a printed title, with a total line.
 */
@Service
public class SpreadsheetExport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ScopeGuard guard;
    private final ExportQueries exports;
    private final PiiCipher cipher;
    private final Messages messages;
    private volatile int rowsPerSheet = XlsxSheetWriter.MAX_ROWS;

    SpreadsheetExport(ScopeGuard guard, ExportQueries exports, PiiCipher cipher, Messages messages) {
        this.guard = guard;
        this.exports = exports;
        this.cipher = cipher;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public void organizations(OrganizationCriteria c, OutputStream out) {
        OrgScope scope = guard.scope(Permission.ORG_READ);
        var root = guard.require(Permission.ORG_READ, c.under() == null ? scope.rootId() : c.under());
        boolean fullPhone = guard.currentUser().has(Permission.ORG_WRITE);
        List<String> headers = Stream.concat(SpreadsheetImport.ORG_COLUMNS.stream().map(SpreadsheetImport.Column::header),
                Stream.of("党员人数", "状态")).toList();
        try (XlsxSheetWriter w = new XlsxSheetWriter("党组织", "党组织名单", "范围：" + root.name() + " 及其下级　导出时间："
                + LocalDateTime.now().format(STAMP), headers, new int[] {36, 30, 10, 12, 10, 10, 14, 16, 24, 12, 14, 30, 8, 10, 8})
                .rowsPerSheet(rowsPerSheet)) {
            long[] totals = {0, 0};
            String nameContains = c.q() != null && !c.q().isBlank() ? c.q().strip() : null;
            exports.eachOrganization(root.path(), nameContains, c.field(), c.kind(), c.includeRetired(), o -> {
                String phone = cipher.decrypt(o.encryptedPhone());
                w.row(o.name(), o.parentName(), messages.label(o.kind()), messages.label(o.field()), o.secretary(),
                        o.contactPerson(), fullPhone ? phone : PhoneNumbers.mask(phone),
                        o.unitType() == null ? null : messages.label(o.unitType()),
                        o.unitName(), o.establishedOn(), o.lastElectionOn(), o.authorityName(), o.sortOrder(), o.memberCount(),
                        o.retired() ? "已撤销" : "正常");
                totals[0]++;
                totals[1] += o.memberCount();
            });
            w.footer("合计：" + totals[0] + " 个党组织", totals[1], null);
            w.finish(out);
        }
    }

    /**
     * The roll in the list's order, read by one streamed query; ID number and phone in full only if the user may see
     * them ({@code MEMBER_PII}). The guard is asked once, on the root: a permission held on an organisation holds on
     * everything under it, and every row is under the root (asking per organisation cost two look-ups each).
     */
    @Transactional(readOnly = true)
    public void members(MemberCriteria c, OutputStream out) {
        var root = guard.require(Permission.MEMBER_READ, c.organizationId());
        List<String> headers = SpreadsheetImport.MEMBER_COLUMNS.stream().map(SpreadsheetImport.Column::header).toList();
        try (XlsxSheetWriter w = new XlsxSheetWriter("党员", "党员名册", "范围：" + root.name() + (c.subtree() ? " 及其下级" : "")
                + "　导出时间：" + LocalDateTime.now().format(STAMP), headers,
                new int[] {10, 6, 22, 8, 12, 12, 12, 36, 12, 12, 14, 14, 14, 8, 8, 8}).rowsPerSheet(rowsPerSheet)) {
            long[] total = {0};
            boolean pii = guard.can(Permission.MEMBER_PII, root.id());
            String nameContains = c.q() != null && !c.q().isBlank() ? c.q().strip() : null;
            exports.eachMember(c.subtree() ? null : root.id(), c.subtree() ? root.path() : null, nameContains, c.category(),
                    c.status() == null ? MemberStatus.ACTIVE : c.status(), m -> {
                        String idNumber = cipher.decrypt(m.encryptedIdNumber());
                        String phone = cipher.decrypt(m.encryptedPhone());
                        w.row(m.name(), messages.label(m.sex()), pii ? idNumber : ChineseIdNumber.mask(idNumber),
                                m.ethnicity(), m.birthDate(), m.education() == null ? null : messages.label(m.education()),
                                messages.label(m.category()), m.organizationName(), m.joinedOn(), m.regularizedOn(),
                                m.activistOn(), m.developmentTargetOn(), pii ? phone : PhoneNumbers.mask(phone),
                                m.retired(), m.floating(), m.inDifficulty());
                        total[0]++;
                    });
            w.footer("合计：" + total[0] + " 人");
            w.finish(out);
        }
    }

    /** Rows per sheet of both lists; tests lower it to see a list continue on a second sheet. */
    void rowsPerSheet(int rows) {
        this.rowsPerSheet = rows;
    }
}
