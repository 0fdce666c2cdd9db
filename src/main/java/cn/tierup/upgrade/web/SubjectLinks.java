package cn.tierup.upgrade.web;

import cn.tierup.upgrade.GoalView;
import cn.tierup.upgrade.LedgerView;
import cn.tierup.upgrade.Subject;

/**
 * Where the goal and ledger pages of one subject are and where their forms post: an organisation's own under
 * {@code /upgrade/goal} and {@code /upgrade/ledger}, a hosted station's under {@code /upgrade/stations/{station}/}. The
 * one pair of templates and controllers serves both; a ledger line's own actions are the same for both and only come
 * back to the page they were sent from. Public, as are its methods, for the templates' expressions to call them.
 */
public record SubjectLinks(long campaign, long org, Long station) {

    static SubjectLinks of(GoalView g) {
        return new SubjectLinks(g.campaignId(), g.organizationId(), g.stationId());
    }

    static SubjectLinks of(LedgerView l) {
        return new SubjectLinks(l.campaignId(), l.organizationId(), l.stationId());
    }

    /** The links of a request's subject; {@code org} is then only known to the page, not needed for the links. */
    static SubjectLinks of(long campaign, Long org, Long station) {
        return new SubjectLinks(campaign, org == null ? 0 : org, station);
    }

    public Subject subject() {
        return station == null ? Subject.organization(org) : Subject.station(station);
    }

    /** The goal page ({@code op} empty) or one of its actions: approve, return, convert. */
    public String goal(String op) {
        String suffix = op == null || op.isEmpty() ? "" : "/" + op;
        return station == null ? "/upgrade/goal" + suffix + query() : "/upgrade/stations/" + station + "/goal" + suffix + query();
    }

    public String ledger() {
        return (station == null ? "/upgrade/ledger" : "/upgrade/stations/" + station + "/ledger") + query();
    }

    public String ledgerXlsx() {
        return (station == null ? "/upgrade/ledger.xlsx" : "/upgrade/stations/" + station + "/ledger.xlsx") + query();
    }

    /** Where a new line is put in. */
    public String newItem() {
        return (station == null ? "/upgrade/ledger/items" : "/upgrade/stations/" + station + "/ledger/items") + query();
    }

    /** One of a line's actions (notes, close, return), coming back to this ledger. */
    public String item(long id, String op) {
        return "/upgrade/ledger/items/" + id + "/" + op + "?campaign=" + campaign
                + (station == null ? "&org=" + org : "&station=" + station);
    }

    private String query() {
        return station == null ? "?campaign=" + campaign + "&org=" + org : "?campaign=" + campaign;
    }
}
