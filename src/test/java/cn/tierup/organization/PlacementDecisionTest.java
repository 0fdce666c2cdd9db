package cn.tierup.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tierup.shared.Decision;
import cn.tierup.shared.DomainException;
import org.junit.jupiter.api.Test;

/** The placement rules answer with their reason, so an import preview lists what the form's action would refuse. */
class PlacementDecisionTest {

    final Organization city = Orgs.root(1, "中共彭州市委员会");
    final Organization lichun = Orgs.child(city, 2, "中共彭州市丽春镇委员会", OrgKind.COMMITTEE, Field.TOWN);
    final Organization branch = Orgs.child(lichun, 5, "中共彭州市丽春镇太平村党支部委员会", OrgKind.BRANCH, Field.VILLAGE);

    @Test
    void aParentThatIsOnlyARowOfTheFileIsJudgedByItsKind() {
        assertThat(TreePlacementPolicy.parent("中共彭州市丽春镇新建村党支部委员会", OrgKind.BRANCH, false))
                .isEqualTo(Decision.refused("org.parent.isBranch", "中共彭州市丽春镇新建村党支部委员会"));
        assertThat(TreePlacementPolicy.parent("中共彭州市丽春镇新建村总支部委员会", OrgKind.GENERAL_BRANCH, false).isAllowed()).isTrue();
    }

    @Test
    void theRefusalAnActionThrowsIsTheOneThePreviewLists() {
        Decision d = TreePlacementPolicy.parent(branch);
        assertThat(d.isAllowed()).isFalse();
        assertThatThrownBy(d::orThrow).isInstanceOf(DomainException.class).hasMessage(d.code());
        assertThatThrownBy(() -> Organization.childOf(branch, Orgs.details("支部下的组织", OrgKind.BRANCH, Field.VILLAGE)))
                .hasMessage(d.code());
    }

    @Test
    void aMoveIsJudgedAfterItsParentAndStopsAtTheFirstRefusal() {
        assertThat(TreePlacementPolicy.move(lichun, branch).code()).isEqualTo("org.parent.isBranch");
        assertThat(TreePlacementPolicy.move(branch, lichun).code()).isEqualTo("org.move.sameParent");
        assertThat(TreePlacementPolicy.move(city, lichun).code()).isEqualTo("org.move.root");
    }

    @Test
    void aBranchGradesNobody() {
        assertThat(GradingAuthorityPolicy.decide(null, branch))
                .isEqualTo(Decision.refused("org.authority.branch", "中共彭州市丽春镇太平村党支部委员会"));
        assertThat(GradingAuthorityPolicy.decide(branch, lichun).isAllowed()).isTrue();
    }
}
