package cn.tierup.organization;

import cn.tierup.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GradingAuthorityPolicyTest {

    final Organization city = Orgs.root(1, "中共彭州市委员会");
    final Organization agencies = Orgs.child(city, 2, "中共彭州市直属机关工作委员会", OrgKind.COMMITTEE, Field.AGENCY);
    final Organization justice = Orgs.child(city, 3, "中共彭州市司法局委员会", OrgKind.COMMITTEE, Field.AGENCY);
    final Organization town = Orgs.child(city, 4, "中共彭州市丽春镇委员会", OrgKind.COMMITTEE, Field.TOWN);
    final Organization village = Orgs.child(town, 5, "中共彭州市丽春镇太平村总支部委员会", OrgKind.GENERAL_BRANCH, Field.VILLAGE);
    final Organization group = Orgs.child(village, 6, "中共彭州市丽春镇太平村第一党支部", OrgKind.BRANCH, Field.VILLAGE);
    final Organization lawFirm = Orgs.child(agencies, 7, "中共四川天彭律师事务所支部委员会", OrgKind.BRANCH, Field.SOCIAL_ORGANIZATION);

    @Test
    void anActiveCommitteeOutsideTheSubtreeMayGrade() {
        assertThatCode(() -> GradingAuthorityPolicy.check(lawFirm, justice)).doesNotThrowAnyException();
        assertThatCode(() -> GradingAuthorityPolicy.check(village, agencies)).doesNotThrowAnyException();
        assertThatCode(() -> GradingAuthorityPolicy.check(village, null)).doesNotThrowAnyException();
    }

    @Test
    void noOrganisationGradesItself() {
        assertThatThrownBy(() -> GradingAuthorityPolicy.check(town, town))
                .isInstanceOf(DomainException.class).hasMessage("org.authority.self");
    }

    @Test
    void noOrganisationIsGradedByOneOfItsDescendants() {
        assertThatThrownBy(() -> GradingAuthorityPolicy.check(town, village))
                .isInstanceOf(DomainException.class).hasMessage("org.authority.descendant")
                .satisfies(e -> assertThat(((DomainException) e).args()).containsExactly(village.getName()));
        assertThatThrownBy(() -> GradingAuthorityPolicy.check(city, group)).hasMessage("org.authority.descendant");
    }

    @Test
    void aRetiredOrganisationGradesNoOne() {
        Orgs.retired(justice);
        assertThatThrownBy(() -> GradingAuthorityPolicy.check(lawFirm, justice))
                .isInstanceOf(DomainException.class).hasMessage("org.authority.retired");
    }

    @Test
    void aBranchGradesNoOne() {
        Organization other = Orgs.child(town, 8, "中共彭州市丽春镇建设村支部委员会", OrgKind.BRANCH, Field.VILLAGE);
        assertThatThrownBy(() -> GradingAuthorityPolicy.check(other, lawFirm))
                .isInstanceOf(DomainException.class).hasMessage("org.authority.branch");
    }

    @Test
    void theAuthorityIsKeptOnlyWhenItIsNotTheParent() {
        lawFirm.assignGradingAuthority(justice);
        assertThat(lawFirm.effectiveGradingAuthorityId()).isEqualTo(justice.getId());
        lawFirm.assignGradingAuthority(agencies);
        assertThat(lawFirm.getGradingAuthorityId()).isNull();
        assertThat(lawFirm.effectiveGradingAuthorityId()).isEqualTo(agencies.getId());
    }
}
