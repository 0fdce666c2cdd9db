package cn.tierup.pledge;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A 承诺书 as shown: the organisation's (no member) or a member's, with its items; version is what changes expect back. */
public record PledgeSheet(long id, Long memberId, String pledgerName, boolean showName, String goal, PledgeStatus status,
                          String returnReason, String submittedBy, LocalDateTime submittedAt, String signedBy,
                          LocalDateTime signedAt, LocalDateTime publishedAt, long version, List<Item> items) {

    /** Built inside the use case's transaction, where the pledge's items can still be read. */
    static PledgeSheet of(Pledge p) {
        return new PledgeSheet(p.getId(), p.getMemberId(), p.getPledgerName(), p.isShowName(), p.getGoal(), p.getStatus(),
                p.getReturnReason(), p.getSubmittedBy(), p.getSubmittedAt(), p.getSignedBy(), p.getSignedAt(),
                p.getPublishedAt(), p.getVersion(), p.getItems().stream().map(Item::of).toList());
    }

    public boolean organisation() {
        return memberId == null;
    }

    /** One item and its 践诺; source SUGGESTED: taken up from a resident's suggestion (群众点诺). */
    public record Item(int number, String text, ItemSource source, Fulfilment status, String evidence, LocalDate doneOn,
                       String updatedBy, LocalDateTime updatedAt) {

        static Item of(PledgeItem i) {
            return new Item(i.getNumber(), i.getText(), i.getSource(), i.getStatus(), i.getEvidence(), i.getDoneOn(),
                    i.getUpdatedBy(), i.getUpdatedAt());
        }
    }
}
