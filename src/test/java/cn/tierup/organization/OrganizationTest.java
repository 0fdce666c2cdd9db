package cn.tierup.organization;

import cn.tierup.shared.DomainException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationTest {

    final Organization city = Orgs.root(1, "中共彭州市委员会");
    final Organization town = Orgs.child(city, 7, "中共彭州市丽春镇委员会", OrgKind.COMMITTEE, Field.TOWN);
    final Organization village = Orgs.child(town, 42, "中共彭州市丽春镇太平村支部委员会", OrgKind.BRANCH, Field.VILLAGE);

    @Test
    void thePathListsTheIdsFromTheRootAndTheDepthCountsThem() {
        assertThat(city.getPath()).isEqualTo("/1/");
        assertThat(city.getDepth()).isZero();
        assertThat(village.getPath()).isEqualTo("/1/7/42/");
        assertThat(village.getDepth()).isEqualTo(2);
        assertThat(village.getParentId()).isEqualTo(7);
        assertThat(town.covers(village)).isTrue();
        assertThat(village.covers(town)).isFalse();
    }

    @Test
    void aMoveRewritesThePathAndDepthAndReturnsTheOldPath() {
        Organization other = Orgs.child(city, 9, "中共彭州市九尺镇委员会", OrgKind.COMMITTEE, Field.TOWN);
        Organization general = Orgs.child(other, 50, "中共彭州市九尺镇石门村总支部委员会", OrgKind.GENERAL_BRANCH, Field.VILLAGE);
        assertThat(general.moveUnder(town)).isEqualTo("/1/9/50/");
        assertThat(general.getPath()).isEqualTo("/1/7/50/");
        assertThat(general.getParentId()).isEqualTo(7);
        assertThat(general.getDepth()).isEqualTo(2);
    }

    @Test
    void aPathNeedsAnId() {
        Organization unsaved = Organization.childOf(town, Orgs.details("新村", OrgKind.BRANCH, Field.VILLAGE));
        assertThatThrownBy(() -> unsaved.placeUnder(town)).isInstanceOf(IllegalStateException.class);
        assertThat(unsaved.getPath()).startsWith("/new-");
    }

    @Test
    void anOrganisationWithActiveChildrenOrMembersIsNotRetired() {
        assertThatThrownBy(() -> town.retire(LocalDate.of(2025, 6, 30), 3, 0))
                .isInstanceOf(DomainException.class).hasMessage("org.retire.notEmpty");
        assertThatThrownBy(() -> village.retire(LocalDate.of(2025, 6, 30), 0, 12)).hasMessage("org.retire.notEmpty");
        assertThat(village.isRetired()).isFalse();
        village.retire(LocalDate.of(2025, 6, 30), 0, 0);
        assertThat(village.isRetired()).isTrue();
        assertThat(village.getRetiredOn()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThatThrownBy(() -> village.retire(LocalDate.of(2025, 7, 1), 0, 0)).hasMessage("org.retire.already");
    }

    @Test
    void theRootIsNotRetired() {
        assertThatThrownBy(() -> city.retire(LocalDate.of(2025, 6, 30), 0, 0)).hasMessage("org.retire.root");
    }

    @Test
    void anOrganisationWithChildrenDoesNotBecomeABranch() {
        assertThatThrownBy(() -> town.update(Orgs.details(town.getName(), OrgKind.BRANCH, Field.TOWN), 1))
                .isInstanceOf(DomainException.class).hasMessage("org.kind.hasChildren");
        assertThat(town.getKind()).isEqualTo(OrgKind.COMMITTEE);
        town.update(Orgs.details(town.getName(), OrgKind.GENERAL_BRANCH, Field.TOWN), 1);
        assertThat(town.getKind()).isEqualTo(OrgKind.GENERAL_BRANCH);
        Organization empty = Orgs.child(city, 60, "中共彭州市某委员会", OrgKind.COMMITTEE, Field.AGENCY);
        empty.update(Orgs.details(empty.getName(), OrgKind.BRANCH, Field.AGENCY), 0);
        assertThat(empty.getKind()).isEqualTo(OrgKind.BRANCH);
    }

    @Test
    void anElectionIsNeitherBeforeTheFoundingNorInTheFuture() {
        OrganizationDetails before = new OrganizationDetails(village.getName(), OrgKind.BRANCH, Field.VILLAGE, null, null,
                null, null, null, LocalDate.of(2000, 1, 1), LocalDate.of(1999, 1, 1), null);
        assertThatThrownBy(() -> village.update(before, 0)).hasMessage("org.election.beforeEstablished");
        OrganizationDetails future = new OrganizationDetails(village.getName(), OrgKind.BRANCH, Field.VILLAGE, null, null,
                null, null, null, null, LocalDate.now().plusDays(1), null);
        assertThatThrownBy(() -> village.update(future, 0)).hasMessage("org.election.future");
    }

    @Test
    void theContactPhoneIsStoredNormalised() {
        village.update(new OrganizationDetails(village.getName(), OrgKind.BRANCH, Field.VILLAGE, " 张支书 ", null,
                "+86 138 1234 5678", null, null, null, null, null), 0);
        assertThat(village.getContactPhone()).isEqualTo("13812345678");
        assertThat(village.getSecretary()).isEqualTo("张支书");
    }
}
