package cn.tierup.pledge;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import java.time.LocalDate;
import java.util.List;

/**
 * What a pledge must hold: the organisation's states its goal; every pledge has one to thirty items of
 * plain text up to 500 characters. A settled item (已兑现 / 未兑现) says how, and when, not in the future.
 */
public final class PledgePolicy {

    public static final int MAX_ITEMS = 30;

    private PledgePolicy() {
    }

    public static void checkHandIn(boolean organisation, String goal, List<String> items) {
        if (organisation && (goal == null || goal.isBlank())) {
            throw new DomainException("pledge.goal");
        }
        if (items.isEmpty()) {
            throw new DomainException("pledge.items");
        }
    }

    public static String item(String text, int number) {
        return BoundedText.ITEM.required(text, "pledge.item", number);
    }

    public static void checkFulfilment(Fulfilment status, String evidence, LocalDate on, LocalDate today) {
        if (status == null) {
            throw new DomainException("pledge.fulfil.status");
        }
        if (status.settled()) {
            if (evidence == null || evidence.isBlank()) {
                throw new DomainException("pledge.fulfil.evidence");
            }
            if (on == null || on.isAfter(today)) {
                throw new DomainException("pledge.fulfil.date");
            }
        }
        BoundedText.TEXT.optional(evidence, "field.tooLong");
    }
}
