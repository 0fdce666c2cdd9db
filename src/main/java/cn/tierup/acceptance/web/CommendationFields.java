package cn.tierup.acceptance.web;

import cn.tierup.acceptance.CommendationKind;
import cn.tierup.acceptance.CommendationLevel;
import cn.tierup.acceptance.Commendations;
import cn.tierup.acceptance.Commendations.CommendationForm;
import cn.tierup.acceptance.Commendations.CommendationView;
import cn.tierup.shared.FormValues;

/**
 * A commendation as typed on the page, kept as text so that a refused form shows again as it was typed. A person is
 * named by the organisation whose roll they are on and their name there; the service finds them.
 */
record CommendationFields(String kind, String organizationId, String memberName, String level, String awardedOn,
                          String documentNumber, String citation, String version) {

    static final CommendationFields EMPTY = new CommendationFields(null, null, null, null, null, null, null, null);

    static CommendationFields of(CommendationView v) {
        return new CommendationFields(v.kind().name(), String.valueOf(v.organizationId()), v.memberName(),
                v.level().name(), v.awardedOn().toString(), v.documentNumber(), v.citation(), String.valueOf(v.version()));
    }

    CommendationForm toForm(Commendations commendations, long awarderId) {
        CommendationKind k = FormValues.choice(CommendationKind.class, kind);
        Long org = FormValues.longValue(organizationId);
        Long member = k != null && k.honoursPerson() ? commendations.personNamed(awarderId, org, memberName) : null;
        return new CommendationForm(k, k != null && k.honoursPerson() ? null : org, member,
                FormValues.choice(CommendationLevel.class, level), FormValues.date(awardedOn), documentNumber, citation);
    }

    Long versionValue() {
        return FormValues.longValue(version);
    }
}
