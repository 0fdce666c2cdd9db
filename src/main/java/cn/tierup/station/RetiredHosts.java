package cn.tierup.station;

import cn.tierup.organization.OrganizationRetired;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A retired organisation keeps no stations: those it hosted leave the registry the same day. Nothing waits on this, so
 * it runs after the retirement commits, in its own transaction; the event publication registry delivers it again at
 * the next start if it did not complete.
 */
@Component
class RetiredHosts {

    private final Stations stations;

    RetiredHosts(Stations stations) {
        this.stations = stations;
    }

    @ApplicationModuleListener
    void on(OrganizationRetired e) {
        stations.retireHostedBy(e.organizationId(), e.retiredOn());
    }
}
