package cn.tierup.organization;

import cn.tierup.shared.DomainException;
import java.time.LocalDate;

/**
 * What makes a roll entry consistent: the dates of the pipeline follow each other (积极分子 → 发展对象 →
 * 入党 → 转正), a party member has a joining date, a full member a date of becoming full no earlier than
 * a year after joining (the probation), nobody joins before 18, and an ID number agrees with the birth
 * date and sex given beside it.
 */
public final class MemberPolicy {

    private MemberPolicy() {
    }

    public static void check(MemberDetails d, LocalDate today) {
        if (d.name() == null || d.name().isBlank()) {
            throw new DomainException("member.name.required");
        }
        if (d.sex() == null) {
            throw new DomainException("member.sex.required");
        }
        if (d.category() == null) {
            throw new DomainException("member.category.required");
        }
        if (d.birthDate() != null && (d.birthDate().isAfter(today) || d.birthDate().isBefore(today.minusYears(120)))) {
            throw new DomainException("member.birthDate.invalid");
        }
        if (d.category().isPartyMember() && d.joinedOn() == null) {
            throw new DomainException("member.joinedOn.required");
        }
        if (d.category() == MemberCategory.FULL && d.regularizedOn() == null) {
            throw new DomainException("member.regularizedOn.required");
        }
        if (d.category() == MemberCategory.DEVELOPMENT_TARGET && d.developmentTargetOn() == null) {
            throw new DomainException("member.developmentTargetOn.required");
        }
        if (d.category() == MemberCategory.ACTIVIST && d.activistOn() == null) {
            throw new DomainException("member.activistOn.required");
        }
        for (LocalDate date : new LocalDate[] {d.activistOn(), d.developmentTargetOn(), d.joinedOn(), d.regularizedOn()}) {
            if (date != null && date.isAfter(today)) {
                throw new DomainException("member.date.future");
            }
        }
        inOrder(d.activistOn(), d.developmentTargetOn());
        inOrder(d.developmentTargetOn(), d.joinedOn());
        inOrder(d.joinedOn(), d.regularizedOn());
        if (d.joinedOn() != null && d.regularizedOn() != null && d.regularizedOn().isBefore(d.joinedOn().plusYears(1))) {
            throw new DomainException("member.regularizedOn.probation");
        }
        if (d.birthDate() != null && d.joinedOn() != null && d.joinedOn().isBefore(d.birthDate().plusYears(18))) {
            throw new DomainException("member.joinedOn.age");
        }
        if (d.idNumber() != null && !d.idNumber().isBlank()) {
            ChineseIdNumber id = ChineseIdNumber.parse(d.idNumber());
            if (d.birthDate() != null && !d.birthDate().equals(id.birthDate())) {
                throw new DomainException("member.idNumber.birthMismatch");
            }
            if (d.sex() != id.sex()) {
                throw new DomainException("member.idNumber.sexMismatch");
            }
        }
        if (d.phone() != null && !d.phone().isBlank()) {
            PhoneNumbers.normalise(d.phone());
        }
    }

    private static void inOrder(LocalDate earlier, LocalDate later) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            throw new DomainException("member.dates.order");
        }
    }
}
