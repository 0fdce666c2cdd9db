package cn.tierup.organization;

import cn.tierup.shared.DomainException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    static final LocalDate BIRTH = LocalDate.of(1985, 3, 17);
    static final String ID = ChineseIdNumber.withCheckDigit("51018219850317003");

    /** 张建国: activist 2006, development target 2007, joined 2008, full member 2009. */
    static MemberDetails full(LocalDate activist, LocalDate target, LocalDate joined, LocalDate regularized) {
        return new MemberDetails("张建国", Sex.MALE, "汉族", BIRTH, Education.UNDERGRADUATE, MemberCategory.FULL, activist,
                target, joined, regularized, false, false, false, ID, "13812345678");
    }

    static MemberDetails fullMember() {
        return full(LocalDate.of(2006, 5, 1), LocalDate.of(2007, 5, 1), LocalDate.of(2008, 7, 1), LocalDate.of(2009, 7, 1));
    }

    static void refused(MemberDetails d, String code) {
        assertThatThrownBy(() -> MemberPolicy.check(d, TODAY)).isInstanceOf(DomainException.class).hasMessage(code);
    }

    @Test
    void aConsistentFullMemberIsAccepted() {
        assertThatCode(() -> MemberPolicy.check(fullMember(), TODAY)).doesNotThrowAnyException();
    }

    @Test
    void thePipelineDatesFollowEachOther() {
        refused(full(LocalDate.of(2007, 6, 1), LocalDate.of(2007, 5, 1), LocalDate.of(2008, 7, 1), LocalDate.of(2009, 7, 1)),
                "member.dates.order");
        refused(full(LocalDate.of(2006, 5, 1), LocalDate.of(2008, 8, 1), LocalDate.of(2008, 7, 1), LocalDate.of(2009, 7, 1)),
                "member.dates.order");
        refused(full(null, null, LocalDate.of(2008, 7, 1), LocalDate.of(2008, 6, 1)), "member.dates.order");
    }

    @Test
    void aFullMemberNeedsADateOfBecomingFullAtLeastAYearAfterJoining() {
        refused(full(null, null, LocalDate.of(2008, 7, 1), null), "member.regularizedOn.required");
        refused(full(null, null, LocalDate.of(2008, 7, 1), LocalDate.of(2009, 6, 30)), "member.regularizedOn.probation");
        assertThatCode(() -> MemberPolicy.check(full(null, null, LocalDate.of(2008, 7, 1), LocalDate.of(2009, 7, 1)), TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void aPartyMemberNeedsAJoiningDate() {
        MemberDetails probationary = new MemberDetails("李芳", Sex.FEMALE, null, null, null, MemberCategory.PROBATIONARY, null,
                null, null, null, false, false, false, null, null);
        refused(probationary, "member.joinedOn.required");
    }

    @Test
    void nobodyJoinsBeforeEighteen() {
        refused(full(null, null, LocalDate.of(2003, 3, 16), LocalDate.of(2004, 3, 16)), "member.joinedOn.age");
        assertThatCode(() -> MemberPolicy.check(full(null, null, LocalDate.of(2003, 3, 17), LocalDate.of(2004, 3, 17)), TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void noDateLiesInTheFuture() {
        refused(full(null, null, LocalDate.of(2008, 7, 1), TODAY.plusDays(1)), "member.date.future");
    }

    @Test
    void theIdNumberAgreesWithTheBirthDateAndSex() {
        MemberDetails d = fullMember();
        refused(new MemberDetails(d.name(), d.sex(), d.ethnicity(), BIRTH.plusDays(1), d.education(), d.category(),
                d.activistOn(), d.developmentTargetOn(), d.joinedOn(), d.regularizedOn(), false, false, false, ID, null),
                "member.idNumber.birthMismatch");
        refused(new MemberDetails(d.name(), Sex.FEMALE, d.ethnicity(), BIRTH, d.education(), d.category(),
                d.activistOn(), d.developmentTargetOn(), d.joinedOn(), d.regularizedOn(), false, false, false, ID, null),
                "member.idNumber.sexMismatch");
        refused(new MemberDetails(d.name(), d.sex(), d.ethnicity(), BIRTH, d.education(), d.category(),
                d.activistOn(), d.developmentTargetOn(), d.joinedOn(), d.regularizedOn(), false, false, false,
                ID.substring(0, 17) + (ID.endsWith("0") ? "1" : "0"), null),
                "member.idNumber.checksum");
    }

    @Test
    void thePhoneMustBeAMobileOrLandlineNumber() {
        MemberDetails d = fullMember();
        refused(new MemberDetails(d.name(), d.sex(), d.ethnicity(), BIRTH, d.education(), d.category(), d.activistOn(),
                d.developmentTargetOn(), d.joinedOn(), d.regularizedOn(), false, false, false, null, "1381234"), "phone.invalid");
    }

    @Test
    void activistsAndDevelopmentTargetsNeedTheirDates() {
        refused(new MemberDetails("王磊", Sex.MALE, null, LocalDate.of(2000, 1, 1), null, MemberCategory.ACTIVIST, null, null,
                null, null, false, false, false, null, null), "member.activistOn.required");
        refused(new MemberDetails("王磊", Sex.MALE, null, LocalDate.of(2000, 1, 1), null, MemberCategory.DEVELOPMENT_TARGET,
                LocalDate.of(2024, 1, 1), null, null, null, false, false, false, null, null),
                "member.developmentTargetOn.required");
    }
}
