package cn.tierup.pledge;

import cn.tierup.organization.OrganizationRetired;
import cn.tierup.pledge.internal.BoardRepository;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A retired organisation takes no more 群众点诺: its public pages stop taking suggestions. Nothing waits
 * on this, so it runs asynchronously after the retirement commits, in its own transaction; the event
 * publication registry delivers it again at the next start if it did not complete.
 */
@Component
class RetiredBoards {

    private final BoardRepository boards;

    RetiredBoards(BoardRepository boards) {
        this.boards = boards;
    }

    @ApplicationModuleListener
    void on(OrganizationRetired e) {
        boards.findByOrganizationIdAndSuggestionsOpenTrue(e.organizationId()).forEach(b -> b.suggestions(false));
    }
}
