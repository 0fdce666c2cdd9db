package cn.tierup.upgrade.web;

import cn.tierup.shared.FormValues;
import cn.tierup.upgrade.AssistanceKind;
import cn.tierup.upgrade.Assistances;

/** An arrangement of 帮扶 as typed; kept as text so that the page can show it again as it was typed. */
record AssistanceFields(String kind, String helperOrganizationId, String helperName, String helperPost, String startedOn,
                        String note) {

    static final AssistanceFields EMPTY = new AssistanceFields(null, null, null, null, null, null);

    Assistances.AssistanceForm toForm() {
        return new Assistances.AssistanceForm(FormValues.choice(AssistanceKind.class, kind),
                FormValues.longValue(helperOrganizationId), helperName, helperPost, FormValues.date(startedOn), note);
    }

    /** A visit to the organisation helped. */
    record Visit(String visitedOn, String visitor, String what) {

        Assistances.VisitForm toForm() {
            return new Assistances.VisitForm(FormValues.date(visitedOn), visitor, what);
        }
    }
}
