package cn.tierup.audit;

import cn.tierup.identity.OrgScope;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.PageResult;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

/**
 * The audit module on its own (no other module's beans, on an empty database of its own): what the
 * organisation directory and the guard would answer is given here, so the trail's own rules are what
 * is tested — written only inside the caller's transaction, read back only within the reader's subtree.
 */
@ApplicationModuleTest
class AuditModuleTest {

    /** Two towns under one city, as the directory would report them. */
    static final OrgRef TOWN = new OrgRef(7, "中共彭州市丽春镇委员会", "/1/7/", false);
    static final OrgRef VILLAGE = new OrgRef(42, "中共彭州市丽春镇桂林村支部委员会", "/1/7/42/", false);
    static final OrgRef OTHER_TOWN = new OrgRef(9, "中共彭州市天彭镇委员会", "/1/9/", false);

    @MockitoBean OrganizationDirectory directory;
    @MockitoBean ScopeGuard guard;

    @Autowired AuditRecorder recorder;
    @Autowired AuditTrail trail;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void directoryAndReader() {
        when(directory.find(anyLong())).thenReturn(Optional.empty());
        for (OrgRef o : new OrgRef[] {TOWN, VILLAGE, OTHER_TOWN}) {
            when(directory.find(o.id())).thenReturn(Optional.of(o));
        }
        // the reader is the town's office: its subtree is the town and the villages under it
        when(guard.scope(Permission.AUDIT_READ)).thenReturn(new OrgScope(TOWN.id(), TOWN.path()));
    }

    @Test
    void theTrailIsTheRecorderTheOtherModulesUse() {
        assertThat(recorder).isSameAs(trail);
    }

    @Test
    void anEntryIsWrittenOnlyInsideTheCallersTransaction() {
        assertThatThrownBy(() -> recorder.record("Organization", 42L, VILLAGE.id(), "UPDATE", "无事务的修改", null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(entries("无事务的修改")).isZero();
    }

    @Test
    void aReaderSeesTheEntriesOfItsSubtreeAndNoOthers() {
        String mark = "审计模块测试-" + System.nanoTime();
        new TransactionTemplate(transactions).executeWithoutResult(t -> {
            recorder.record("Organization", VILLAGE.id(), VILLAGE.id(), "UPDATE", mark + " 村",
                    Map.of("secretary", "张建国"), Map.of("secretary", "李明"));
            recorder.record("Organization", TOWN.id(), TOWN.id(), "UPDATE", mark + " 镇", null, Map.of("name", TOWN.name()));
            recorder.record("Organization", OTHER_TOWN.id(), OTHER_TOWN.id(), "UPDATE", mark + " 他镇", null, null);
        });

        PageResult<AuditEntryView> seen = trail.find(new AuditQuery(null, null, null, null, 0, 100));

        assertThat(seen.items()).filteredOn(e -> e.summary().startsWith(mark)).extracting(AuditEntryView::summary)
                .containsExactlyInAnyOrder(mark + " 村", mark + " 镇");
        AuditEntryView village = seen.items().stream().filter(e -> e.summary().equals(mark + " 村")).findFirst().orElseThrow();
        assertThat(village.organizationId()).isEqualTo(VILLAGE.id());
        assertThat(village.before()).contains("张建国");
        assertThat(village.after()).contains("李明");
        assertThat(village.actor()).isEqualTo("system");
    }

    @Test
    void aLongSummaryIsCutToThreeHundredCharacters() {
        String mark = "长摘要" + System.nanoTime();
        String summary = mark + "改".repeat(400);
        new TransactionTemplate(transactions).executeWithoutResult(t ->
                recorder.record("Organization", VILLAGE.id(), VILLAGE.id(), "UPDATE", summary, null, null));

        assertThat(trail.find(new AuditQuery(null, null, null, null, 0, 100)).items())
                .filteredOn(e -> e.summary().startsWith(mark)).singleElement()
                .extracting(AuditEntryView::summary).isEqualTo(summary.substring(0, 300));
    }

    private long entries(String summary) {
        return trail.find(new AuditQuery(null, null, null, null, 0, 100)).items().stream()
                .filter(e -> summary.equals(e.summary())).count();
    }
}
