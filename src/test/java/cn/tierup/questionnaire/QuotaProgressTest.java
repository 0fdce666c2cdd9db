package cn.tierup.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotaProgressTest {

    @Test
    void sevenToThreeOf200NeedsAtLeast140MembersAnd60OfThePublic() {
        QuotaProgress p = QuotaProgress.of(200, 70, 0, 0, true);
        assertThat(p.membersRequired()).isEqualTo(140);
        assertThat(p.publicsRequired()).isEqualTo(60);
        assertThat(p.met()).isFalse();
    }

    @Test
    void twoHundredAt139To61IsNotMetAndLacksOneMember() {
        // 139 of 200 rounds to 70%: it reads as met unless the counts are compared
        QuotaProgress p = QuotaProgress.of(200, 70, 139, 61, true);
        assertThat(p.total()).isEqualTo(200);
        assertThat(p.met()).isFalse();
        assertThat(p.membersMissing()).isEqualTo(1);
        assertThat(p.publicsMissing()).isZero();
        assertThat(p.totalMissing()).isZero();
        assertThat(p.othersMissing()).isZero();
    }

    @Test
    void twoHundredAt140To60IsMet() {
        QuotaProgress p = QuotaProgress.of(200, 70, 140, 60, true);
        assertThat(p.met()).isTrue();
        assertThat(p.membersMissing() + p.publicsMissing() + p.totalMissing()).isZero();
    }

    @Test
    void moreOfOneKindDoesNotMakeUpForTheOther() {
        QuotaProgress p = QuotaProgress.of(100, 70, 95, 20, true);
        assertThat(p.total()).isGreaterThan(100);
        assertThat(p.met()).isFalse();
        assertThat(p.publicsMissing()).isEqualTo(10);
    }

    @Test
    void theMemberShareIsRoundedUpBecauseItIsAMinimum() {
        // 75 at 7:3: 52.5 members means at least 53, and the rest of the 75 (22) from the public
        QuotaProgress p = QuotaProgress.of(75, 70, 53, 22, true);
        assertThat(p.membersRequired()).isEqualTo(53);
        assertThat(p.publicsRequired()).isEqualTo(22);
        assertThat(p.met()).isTrue();
        assertThat(QuotaProgress.of(75, 70, 52, 23, true).membersMissing()).isEqualTo(1);
    }

    @Test
    void whoStillCountsBeyondTheMissingOfEachKind() {
        // 10 members and 5 of the public of 100 at 7:3: 60 members and 25 of the public missing, and nobody else
        QuotaProgress p = QuotaProgress.of(100, 70, 10, 5, true);
        assertThat(p.membersMissing()).isEqualTo(60);
        assertThat(p.publicsMissing()).isEqualTo(25);
        assertThat(p.othersMissing()).isZero();
        // 80 members, 40 public of 200 at 7:3: 60 members missing, and 20 more of either? no: 140+60 = 200, all counted
        QuotaProgress q = QuotaProgress.of(200, 70, 80, 40, true);
        assertThat(q.membersMissing()).isEqualTo(60);
        assertThat(q.publicsMissing()).isEqualTo(20);
        assertThat(q.othersMissing()).isZero();
    }

    @Test
    void anAppraisalCountsEvaluatorsOnly() {
        QuotaProgress p = QuotaProgress.of(50, 0, 47, 0, false);
        assertThat(p.met()).isFalse();
        assertThat(p.membersMissing()).isZero();
        assertThat(p.totalMissing()).isEqualTo(3);
        assertThat(p.othersMissing()).isEqualTo(3);
        assertThat(QuotaProgress.of(50, 0, 50, 0, false).met()).isTrue();
    }
}
