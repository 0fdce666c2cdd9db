package cn.tierup.pledge.web;

import cn.tierup.pledge.Fulfilment;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.FormValues;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** 践诺 of one item as typed; kept as text so that the page can show it again under that item. */
record FulfilFields(String status, String evidence, String doneOn) {

    Fulfilment fulfilment() {
        Fulfilment f = FormValues.choice(Fulfilment.class, status);
        if (f == null) {
            throw new DomainException("pledge.fulfil.status");
        }
        return f;
    }

    LocalDate doneOnDate() {
        return FormValues.date(doneOn);
    }

    /** What the page puts back into the form of item {@code number} of pledge {@code pledgeId}. */
    Map<String, String> typedFor(long pledgeId, int number) {
        Map<String, String> typed = new HashMap<>();
        typed.put("status", status);
        typed.put("evidence", evidence);
        typed.put("doneOn", doneOn);
        typed.put("pledge", String.valueOf(pledgeId));
        typed.put("number", String.valueOf(number));
        return typed;
    }
}
