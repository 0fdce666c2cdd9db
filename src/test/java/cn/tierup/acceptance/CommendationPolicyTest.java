package cn.tierup.acceptance;

import cn.tierup.acceptance.CommendationPolicy.Facts;
import cn.tierup.acceptance.CommendationPolicy.LatestGrade;
import cn.tierup.acceptance.CommendationPolicy.Person;
import cn.tierup.acceptance.CommendationPolicy.Place;
import cn.tierup.grading.Grade;
import cn.tierup.shared.Decision;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static cn.tierup.acceptance.CommendationKind.*;
import static org.assertj.core.api.Assertions.assertThat;

class CommendationPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    static final Place TOWN = new Place(7, "丽春镇党委", "/1/7/", false, false);
    static final Place VILLAGE = new Place(42, "太平村党支部", "/1/7/42/", true, false);
    static final Place GENERAL = new Place(43, "机关党总支", "/1/7/43/", false, false);
    static final Place OTHER_TOWN = new Place(8, "天彭镇党委", "/1/8/", false, false);
    static final Place OTHER_VILLAGE = new Place(80, "天彭某村党支部", "/1/8/80/", true, false);

    static Decision org(CommendationKind kind, Place org, LatestGrade grade) {
        return CommendationPolicy.decide(new Facts(kind, TOWN, org, grade, null, LocalDate.of(2026, 7, 1), 2026, TODAY));
    }

    static Decision person(CommendationKind kind, Person p, LocalDate on) {
        return CommendationPolicy.decide(new Facts(kind, TOWN, null, null, p, on, 2026, TODAY));
    }

    @Test
    void anOrganisationInTheLowestClassAtYearEndOrStillAtTheStartIsNotCommended() {
        assertThat(org(ADVANCED_ORGANIZATION, VILLAGE, new LatestGrade("后进", Grade.LAGGING, true)).code())
                .isEqualTo("acceptance.commendation.laggingYearEnd");
        assertThat(org(ADVANCED_ORGANIZATION, VILLAGE, new LatestGrade("三类", Grade.LAGGING, false)).code())
                .isEqualTo("acceptance.commendation.laggingStart");
        assertThat(org(ADVANCED_ORGANIZATION, VILLAGE, new LatestGrade("一般", Grade.AVERAGE, true)).isAllowed()).isTrue();
        assertThat(org(ADVANCED_ORGANIZATION, VILLAGE, null).isAllowed()).as("not graded this year").isTrue();
    }

    @Test
    void onlyOrganisationsStrictlyBelowTheSuperiorAndOnlyBranchesAsExcellentBranches() {
        assertThat(org(ADVANCED_ORGANIZATION, OTHER_VILLAGE, null).code()).isEqualTo("acceptance.commendation.outsideSubtree");
        assertThat(org(ADVANCED_ORGANIZATION, OTHER_VILLAGE, null).args()).containsExactly("丽春镇党委");
        assertThat(org(ADVANCED_ORGANIZATION, TOWN, null).code()).isEqualTo("acceptance.commendation.outsideSubtree");
        assertThat(org(EXCELLENT_BRANCH, GENERAL, null).code()).isEqualTo("acceptance.commendation.notBranch");
        assertThat(org(ADVANCED_ORGANIZATION, GENERAL, null).isAllowed()).isTrue();
        assertThat(org(ADVANCED_ORGANIZATION, new Place(44, "已撤销村", "/1/7/44/", true, true), null).code())
                .isEqualTo("acceptance.commendation.retired");
        assertThat(org(ADVANCED_ORGANIZATION, null, null).code()).isEqualTo("acceptance.commendation.organization");
    }

    @Test
    void aPersonMustBeOnARollOfTheSubtreeAndAnExcellentMemberAPartyMember() {
        assertThat(person(EXCELLENT_MEMBER, new Person("王建国", true, true, VILLAGE), LocalDate.of(2026, 7, 1)).isAllowed()).isTrue();
        assertThat(person(EXCELLENT_MEMBER, new Person("王建国", true, true, TOWN), LocalDate.of(2026, 7, 1)).isAllowed())
                .as("the superior's own roll").isTrue();
        assertThat(person(EXCELLENT_MEMBER, new Person("王建国", false, true, VILLAGE), LocalDate.of(2026, 7, 1)).code())
                .isEqualTo("acceptance.commendation.notOnRoll");
        assertThat(person(EXCELLENT_MEMBER, new Person("李四", true, true, OTHER_VILLAGE), LocalDate.of(2026, 7, 1)).code())
                .isEqualTo("acceptance.commendation.notOnRoll");
        assertThat(person(EXCELLENT_MEMBER, new Person("李向阳", true, false, VILLAGE), LocalDate.of(2026, 7, 1)).code())
                .isEqualTo("acceptance.commendation.notPartyMember");
        assertThat(person(EXCELLENT_PARTY_WORKER, new Person("李向阳", true, false, VILLAGE), LocalDate.of(2026, 7, 1)).isAllowed())
                .isTrue();
        assertThat(person(EXCELLENT_MEMBER, null, LocalDate.of(2026, 7, 1)).code()).isEqualTo("acceptance.commendation.member");
    }

    @Test
    void theDateLiesInTheCampaignsYearAndNotAfterToday() {
        Person p = new Person("王建国", true, true, VILLAGE);
        assertThat(person(EXCELLENT_MEMBER, p, LocalDate.of(2025, 12, 31)).code()).isEqualTo("acceptance.commendation.dateYear");
        assertThat(person(EXCELLENT_MEMBER, p, TODAY.plusDays(1)).code()).isEqualTo("acceptance.commendation.dateYear");
        assertThat(person(EXCELLENT_MEMBER, p, TODAY).isAllowed()).isTrue();
        assertThat(person(EXCELLENT_MEMBER, p, null).code()).isEqualTo("acceptance.commendation.date");
        assertThat(CommendationPolicy.decide(new Facts(null, TOWN, VILLAGE, null, null, TODAY, 2026, TODAY)).code())
                .isEqualTo("acceptance.commendation.kind");
    }
}
