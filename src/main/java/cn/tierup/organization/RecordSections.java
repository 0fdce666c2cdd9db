package cn.tierup.organization;

import java.util.Optional;

/**
 * Implemented by a module that keeps records about an organisation or a person on a roll, so that their pages show
 * them while the organization module depends on none of those modules. Called after the page has checked that the
 * user may see the organisation (or the person); an implementation answers empty when it has nothing to show.
 */
public interface RecordSections {

    Optional<RecordSection> ofOrganization(long organizationId);

    Optional<RecordSection> ofMember(long memberId);
}
