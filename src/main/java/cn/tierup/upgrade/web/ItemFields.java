package cn.tierup.upgrade.web;

import cn.tierup.shared.FormValues;
import cn.tierup.upgrade.RectificationLedger;

/** A new ledger line as typed; kept as text so that the page can show it again as it was typed. */
record ItemFields(String problem, String measure, String responsible, String deadline) {

    static final ItemFields EMPTY = new ItemFields(null, null, null, null);

    RectificationLedger.ItemForm toForm() {
        return new RectificationLedger.ItemForm(problem, measure, responsible, FormValues.date(deadline), null);
    }
}
