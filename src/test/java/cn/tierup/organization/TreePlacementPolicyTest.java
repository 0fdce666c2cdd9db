package cn.tierup.organization;

import cn.tierup.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreePlacementPolicyTest {

    final Organization city = Orgs.root(1, "中共彭州市委员会");
    final Organization lichun = Orgs.child(city, 2, "中共彭州市丽春镇委员会", OrgKind.COMMITTEE, Field.TOWN);
    final Organization jiuchi = Orgs.child(city, 3, "中共彭州市九尺镇委员会", OrgKind.COMMITTEE, Field.TOWN);
    final Organization general = Orgs.child(lichun, 4, "中共彭州市丽春镇太平村总支部委员会", OrgKind.GENERAL_BRANCH, Field.VILLAGE);
    final Organization branch = Orgs.child(general, 5, "中共彭州市丽春镇太平村第一党支部", OrgKind.BRANCH, Field.VILLAGE);

    @Test
    void anOrganisationMayMoveUnderAnotherActiveCommittee() {
        assertThatCode(() -> TreePlacementPolicy.checkMove(general, jiuchi)).doesNotThrowAnyException();
    }

    @Test
    void nothingIsPlacedUnderABranch() {
        assertThatThrownBy(() -> Organization.childOf(branch, Orgs.details("支部下的组织", OrgKind.BRANCH, Field.VILLAGE)))
                .isInstanceOf(DomainException.class).hasMessage("org.parent.isBranch");
        Organization other = Orgs.child(jiuchi, 6, "中共彭州市九尺镇石门村支部委员会", OrgKind.BRANCH, Field.VILLAGE);
        assertThatThrownBy(() -> TreePlacementPolicy.checkMove(other, branch)).hasMessage("org.parent.isBranch");
    }

    @Test
    void nothingMovesIntoItsOwnSubtree() {
        Organization below = Orgs.child(general, 7, "中共彭州市丽春镇太平村党小组联合委员会", OrgKind.COMMITTEE, Field.VILLAGE);
        assertThatThrownBy(() -> TreePlacementPolicy.checkMove(lichun, below))
                .isInstanceOf(DomainException.class).hasMessage("org.move.intoOwnSubtree");
        assertThatThrownBy(() -> TreePlacementPolicy.checkMove(general, general)).hasMessage("org.move.intoOwnSubtree");
    }

    @Test
    void theRootDoesNotMove() {
        Organization otherRoot = Orgs.root(10, "中共成都市委员会");
        assertThatThrownBy(() -> TreePlacementPolicy.checkMove(city, otherRoot))
                .isInstanceOf(DomainException.class).hasMessage("org.move.root");
    }

    @Test
    void nothingIsPlacedUnderARetiredOrganisation() {
        Orgs.retired(jiuchi);
        assertThatThrownBy(() -> TreePlacementPolicy.checkMove(general, jiuchi))
                .isInstanceOf(DomainException.class).hasMessage("org.parent.retired");
        assertThatThrownBy(() -> Organization.childOf(jiuchi, Orgs.details("新村", OrgKind.BRANCH, Field.VILLAGE)))
                .hasMessage("org.parent.retired");
    }

    @Test
    void aRetiredOrganisationDoesNotMove() {
        Organization empty = Orgs.retired(Orgs.child(lichun, 8, "中共彭州市丽春镇撤并村支部委员会", OrgKind.BRANCH, Field.VILLAGE));
        assertThatThrownBy(() -> TreePlacementPolicy.checkMove(empty, jiuchi)).hasMessage("org.move.retired");
    }

    @Test
    void aMoveToTheSameParentIsRefused() {
        assertThatThrownBy(() -> TreePlacementPolicy.checkMove(general, lichun)).hasMessage("org.move.sameParent");
    }

    @Test
    void aNewOrganisationNeedsAParent() {
        assertThatThrownBy(() -> Organization.childOf(null, Orgs.details("无上级", OrgKind.BRANCH, Field.VILLAGE)))
                .isInstanceOf(DomainException.class).hasMessage("org.parent.required");
    }
}
