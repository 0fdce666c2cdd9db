package cn.tierup.acceptance;

import cn.tierup.shared.SatisfactionRate;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A sitting as its pages and the API show it: who held it, when and where, who was there, how it rated, where it
 * stands, and each organisation's totals with its satisfaction rate once entered or counted. {@code turnout}: codes
 * spent so far while a phone ballot runs; {@code late}: recorded after the 总结验收 phase ended (逾期).
 */
public record AppraisalView(long id, long campaignId, long holderId, String holderName, LocalDate heldOn, String place,
                            int membersExpected, int membersPresent, int publicExpected, int publicPresent,
                            AppraisalMode mode, AppraisalStatus status, Integer ballotsIssued, Integer ballotsReturned,
                            String slug, int turnout, LocalDateTime countedAt, String countedBy, String voidReason,
                            String createdBy, LocalDateTime createdAt, boolean late, long version, List<Line> lines) {

    public AppraisalView {
        lines = List.copyOf(lines);
    }

    public int present() {
        return membersPresent + publicPresent;
    }

    public boolean counted() {
        return status == AppraisalStatus.COUNTED;
    }

    /** One organisation rated; its counts are null until entered or counted. */
    public record Line(long organizationId, String organizationName, Integer satisfied, Integer fairlySatisfied,
                       Integer dissatisfied, Integer invalid, SatisfactionRate rate) {
    }

    /** An organisation's counted ratings over every counted sitting of one holder in the campaign. */
    public record Result(long organizationId, String organizationName, SatisfactionRate rate, long invalid, int sittings) {
    }

    /** An organisation the holder may put on a sitting's list, with its 年初定级 grade. */
    public record Candidate(long id, String name, String grade) {
    }
}
