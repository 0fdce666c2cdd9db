package cn.tierup.upgrade;

import cn.tierup.grading.Grade;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of goals, the rectification ledger and assistance, on the aggregates alone. */
class UpgradeRulesTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 5, 10, 9, 0);
    static final List<Measure> MEASURES = List.of(new Measure("规范“三会一课”", "组织委员", LocalDate.of(2026, 6, 30)));

    @Test
    void theAimFollowsTheGrade() {
        assertThat(new UpgradeGoal(1, 2, "先进", Grade.ADVANCED, NOW).getAim()).isEqualTo(Aim.CONSOLIDATE);
        assertThat(new UpgradeGoal(1, 2, "一般", Grade.AVERAGE, NOW).getAim()).isEqualTo(Aim.BECOME_ADVANCED);
        assertThat(new UpgradeGoal(1, 2, "三类", Grade.LAGGING, NOW).getAim()).isEqualTo(Aim.RECTIFY);
    }

    @Test
    void aGoalIsHandedInWithAStatementMeasuresAndForTheAdvancedAModelLevel() {
        UpgradeGoal g = new UpgradeGoal(1, 2, "先进", Grade.ADVANCED, NOW);
        g.write(null, "争创市级示范", MEASURES, "cun", NOW);
        assertThatThrownBy(() -> g.submit(2026, "cun", NOW)).hasMessage("goal.modelLevel");
        g.write(ModelLevel.CITY, "争创市级示范", List.of(), "cun", NOW);
        assertThatThrownBy(() -> g.submit(2026, "cun", NOW)).hasMessage("goal.measures");
        g.write(ModelLevel.CITY, "争创市级示范", List.of(new Measure("x", "书记", LocalDate.of(2025, 12, 1))), "cun", NOW);
        assertThatThrownBy(() -> g.submit(2026, "cun", NOW)).hasMessage("goal.measure.due");
        g.write(ModelLevel.CITY, "争创市级示范", MEASURES, "cun", NOW);
        g.submit(2026, "cun", NOW);
        assertThat(g.getStatus()).isEqualTo(GoalStatus.SUBMITTED);
        assertThatThrownBy(() -> g.write(ModelLevel.CITY, "改", MEASURES, "cun", NOW)).hasMessage("goal.notEditable");
    }

    @Test
    void nobodyApprovesTheGoalTheyHandedInAndAReturnSaysWhy() {
        UpgradeGoal g = new UpgradeGoal(1, 2, "一般", Grade.AVERAGE, NOW);
        g.write(null, "年底进入先进行列", MEASURES, "zhen", NOW);
        g.submit(2026, "zhen", NOW);
        assertThatThrownBy(() -> g.approve("zhen", NOW)).hasMessage("goal.ownApproval");
        assertThatThrownBy(() -> g.returnForRevision(" ", "town2", NOW)).hasMessage("goal.returnReason");
        g.returnForRevision("措施不具体", "town2", NOW);
        assertThat(g.getStatus()).isEqualTo(GoalStatus.RETURNED);
        g.submit(2026, "zhen", NOW);
        g.approve("town2", NOW);
        assertThat(g.getStatus()).isEqualTo(GoalStatus.APPROVED);
    }

    @Test
    void aLaggingOrganisationIsConvertedOnlyWithAnApprovedPlanAndAClosedLedger() {
        UpgradeGoal ok = new UpgradeGoal(1, 2, "一般", Grade.AVERAGE, NOW);
        assertThatThrownBy(() -> ok.markConverted(1, 0, "town", NOW)).hasMessage("goal.convert.notLagging");
        UpgradeGoal g = new UpgradeGoal(1, 2, "后进", Grade.LAGGING, NOW);
        assertThatThrownBy(() -> g.markConverted(1, 0, "town", NOW)).hasMessage("goal.convert.noPlan");
        g.write(null, "整顿转化", MEASURES, "cun", NOW);
        g.submit(2026, "cun", NOW);
        g.approve("town", NOW);
        assertThatThrownBy(() -> g.markConverted(0, 0, "town", NOW)).hasMessage("goal.convert.ledger");
        assertThatThrownBy(() -> g.markConverted(3, 1, "town", NOW)).hasMessage("goal.convert.ledger");
        g.markConverted(3, 0, "town", NOW);
        assertThat(g.getConvertedAt()).isEqualTo(NOW);
    }

    static RectificationItem item(LocalDate deadline) {
        return new RectificationItem(1, 2, 1, "活动场所设施陈旧", "争取项目资金改造", "张支书", deadline, 2026, "cun", NOW);
    }

    @Test
    void anItemIsClosedByAnotherHandOnlyOnEvidence() {
        RectificationItem i = item(LocalDate.of(2026, 6, 30));
        i.addNote("已制定改造方案", null, null, null, null, "cun", NOW);
        assertThatThrownBy(() -> i.close(null, "zhen", NOW)).hasMessage("item.noEvidence");
        i.addNote("改造完成", "验收单.pdf", "application/pdf", 1200L, "key", "cun", NOW);
        assertThatThrownBy(() -> i.close(null, "cun", NOW)).hasMessage("item.ownClose");
        assertThatThrownBy(() -> i.sendBack(" ")).hasMessage("item.returnReason");
        i.sendBack("请补充照片");
        assertThat(i.getReturnReason()).isEqualTo("请补充照片");
        i.close("已核实", "zhen", NOW);
        assertThat(i.getStatus()).isEqualTo(ItemStatus.CLOSED);
        assertThat(i.getReturnReason()).isNull();
        assertThatThrownBy(() -> i.addNote("再记一笔", null, null, null, null, "cun", NOW)).hasMessage("item.closed");
    }

    @Test
    void anOpenItemPastItsDeadlineIsOverdueAndAClosedOneNever() {
        RectificationItem i = item(LocalDate.of(2026, 5, 1));
        assertThat(i.overdue(LocalDate.of(2026, 5, 1))).isFalse();
        assertThat(i.overdue(LocalDate.of(2026, 5, 2))).isTrue();
        i.addNote("完成", "a.pdf", "application/pdf", 10L, "k", "cun", NOW);
        i.close(null, "zhen", NOW);
        assertThat(i.overdue(LocalDate.of(2026, 12, 1))).isFalse();
        assertThatThrownBy(() -> item(LocalDate.of(2028, 1, 1))).hasMessage("item.deadline");
    }

    @Test
    void aPairingNeedsAnotherOrganisationAndAContactAPersonAndVisitsFallInItsTime() {
        assertThatThrownBy(() -> new Assistance(1, 2, AssistanceKind.PAIRING, null, null, null, LocalDate.of(2026, 5, 1), null, "zhen", NOW))
                .hasMessage("assist.helperOrg");
        assertThatThrownBy(() -> new Assistance(1, 2, AssistanceKind.PAIRING, 2L, null, null, LocalDate.of(2026, 5, 1), null, "zhen", NOW))
                .hasMessage("assist.self");
        assertThatThrownBy(() -> new Assistance(1, 2, AssistanceKind.STATIONED_CADRE, null, " ", null, LocalDate.of(2026, 5, 1), null, "zhen", NOW))
                .hasMessage("assist.helperName");
        Assistance a = new Assistance(1, 2, AssistanceKind.LEADER_CONTACT, 9L, "李书记", "镇党委书记", LocalDate.of(2026, 5, 1), null, "zhen", NOW);
        assertThat(a.getHelperOrganizationId()).as("a contact point is a person, not an organisation").isNull();
        assertThatThrownBy(() -> a.recordVisit(LocalDate.of(2026, 4, 30), "李书记", "座谈", "zhen", NOW)).hasMessage("assist.visitDate");
        assertThatThrownBy(() -> a.recordVisit(LocalDate.of(2026, 5, 11), "李书记", "座谈", "zhen", NOW)).hasMessage("assist.visitDate");
        a.recordVisit(LocalDate.of(2026, 5, 8), "李书记", "召开座谈会，研究集体经济发展", "zhen", NOW);
        assertThat(a.getVisits()).hasSize(1);
    }
}
