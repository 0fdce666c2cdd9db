package cn.tierup.station.web;

import cn.tierup.shared.FormValues;
import cn.tierup.station.SessionKind;
import cn.tierup.station.StationSession.Particulars;
import cn.tierup.station.Stations.SessionView;

/** A learning session as typed on the page, kept as text so that a refused form shows again as it was typed. */
record SessionFields(String heldOn, String topic, String kind, String partyMembers, String publicAttendees,
                     String version) {

    static final SessionFields EMPTY = new SessionFields(null, null, null, null, null, null);

    static SessionFields of(SessionView v) {
        return new SessionFields(v.heldOn().toString(), v.topic(), v.kind().name(), String.valueOf(v.partyMembers()),
                String.valueOf(v.publicAttendees()), String.valueOf(v.version()));
    }

    Particulars particulars() {
        return new Particulars(FormValues.date(heldOn), topic, FormValues.choice(SessionKind.class, kind),
                FormValues.integer(partyMembers, null), FormValues.integer(publicAttendees, null));
    }

    Long versionValue() {
        return FormValues.longValue(version);
    }
}
