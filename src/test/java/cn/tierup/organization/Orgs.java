package cn.tierup.organization;

import org.springframework.test.util.ReflectionTestUtils;

/** Organisations for unit tests: made through the public factories, given the id the sequence would give. */
final class Orgs {

    private Orgs() {
    }

    static OrganizationDetails details(String name, OrgKind kind, Field field) {
        return new OrganizationDetails(name, kind, field, "王书记", null, null, null, null, null, null, null);
    }

    static Organization root(long id, String name) {
        Organization o = Organization.root(details(name, OrgKind.COMMITTEE, Field.AGENCY));
        ReflectionTestUtils.setField(o, "id", id);
        o.placeUnder(null);
        return o;
    }

    static Organization child(Organization parent, long id, String name, OrgKind kind, Field field) {
        Organization o = Organization.childOf(parent, details(name, kind, field));
        ReflectionTestUtils.setField(o, "id", id);
        o.placeUnder(parent);
        return o;
    }

    static Organization retired(Organization o) {
        o.retire(java.time.LocalDate.of(2025, 6, 30), 0, 0);
        return o;
    }
}
