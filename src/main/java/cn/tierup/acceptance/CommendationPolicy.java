package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import cn.tierup.shared.Decision;
import java.time.LocalDate;

/**
 * May this superior commend this organisation or person in this year? Only what lies under it: an organisation
 * strictly below it (a 优秀党支部 must be a 党支部), not retired, whose latest decided grade of the year — the 年末审定 if
 * decided, else the 年初定级 — is not in the lowest class; a person still on a roll of it or below it (a 优秀共产党员 a
 * full or probationary member). The date lies in the campaign's year and not after today. The refusals name nothing
 * the superior cannot see: an organisation or person outside its subtree is not named back.
 */
public final class CommendationPolicy {

    private CommendationPolicy() {
    }

    /** An organisation as the tree has it. */
    public record Place(long id, String name, String path, boolean branch, boolean retired) {
    }

    /** The latest decided grade of the year: its name, class, and whether it is the 年末审定 (else the 年初定级). */
    public record LatestGrade(String grade, Grade level, boolean yearEnd) {
    }

    /** A person on a roll: whether still on it, whether a party member, and where. */
    public record Person(String name, boolean active, boolean partyMember, Place roll) {
    }

    /**
     * @param organization the organisation honoured (for a person, null: their roll is {@code person.roll})
     * @param grade        the organisation's latest decided grade that year, null if none
     */
    public record Facts(CommendationKind kind, Place awarder, Place organization, LatestGrade grade, Person person,
                        LocalDate awardedOn, int campaignYear, LocalDate today) {
    }

    public static Decision decide(Facts f) {
        if (f.kind() == null) {
            return Decision.refused("acceptance.commendation.kind");
        }
        Decision who = f.kind().honoursPerson() ? person(f) : organization(f);
        return who.and(() -> date(f));
    }

    private static Decision organization(Facts f) {
        Place o = f.organization();
        if (o == null) {
            return Decision.refused("acceptance.commendation.organization");
        }
        if (!o.path().startsWith(f.awarder().path()) || o.id() == f.awarder().id()) {
            return Decision.refused("acceptance.commendation.outsideSubtree", f.awarder().name());
        }
        if (o.retired()) {
            return Decision.refused("acceptance.commendation.retired", o.name());
        }
        if (f.kind() == CommendationKind.EXCELLENT_BRANCH && !o.branch()) {
            return Decision.refused("acceptance.commendation.notBranch", o.name());
        }
        if (f.grade() != null && f.grade().level() == Grade.LAGGING) {
            return Decision.refused(f.grade().yearEnd() ? "acceptance.commendation.laggingYearEnd"
                    : "acceptance.commendation.laggingStart", o.name(), f.grade().grade());
        }
        return Decision.allowed();
    }

    private static Decision person(Facts f) {
        Person p = f.person();
        if (p == null) {
            return Decision.refused("acceptance.commendation.member");
        }
        if (!p.active() || p.roll() == null || !p.roll().path().startsWith(f.awarder().path())) {
            return Decision.refused("acceptance.commendation.notOnRoll", f.awarder().name());
        }
        if (f.kind() == CommendationKind.EXCELLENT_MEMBER && !p.partyMember()) {
            return Decision.refused("acceptance.commendation.notPartyMember", p.name());
        }
        return Decision.allowed();
    }

    private static Decision date(Facts f) {
        if (f.awardedOn() == null) {
            return Decision.refused("acceptance.commendation.date");
        }
        if (f.awardedOn().getYear() != f.campaignYear() || f.awardedOn().isAfter(f.today())) {
            return Decision.refused("acceptance.commendation.dateYear", String.valueOf(f.campaignYear()));
        }
        return Decision.allowed();
    }
}
