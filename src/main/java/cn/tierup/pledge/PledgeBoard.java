package cn.tierup.pledge;

import jakarta.persistence.*;
import java.time.LocalDateTime;

/**
 * An organisation's pledge work in one campaign: the public page behind its short link, whether
 * residents may suggest pledges now, and when its pledges were first made public.
 */
@Entity
@Table(name = "pledge_board")
public class PledgeBoard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long campaignId;
    private long organizationId;
    private String slug;
    private boolean suggestionsOpen;
    private LocalDateTime publishedAt;
    private LocalDateTime createdAt;
    @Version
    private long version;

    protected PledgeBoard() {
    }

    public PledgeBoard(long campaignId, long organizationId, String slug, LocalDateTime now) {
        this.campaignId = campaignId;
        this.organizationId = organizationId;
        this.slug = slug;
        this.createdAt = now;
    }

    void suggestions(boolean open) {
        this.suggestionsOpen = open;
    }

    void published(LocalDateTime now) {
        if (publishedAt == null) {
            publishedAt = now;
        }
    }

    public boolean published() {
        return publishedAt != null;
    }

    public Long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public long getOrganizationId() { return organizationId; }
    public String getSlug() { return slug; }
    public boolean isSuggestionsOpen() { return suggestionsOpen; }
    public LocalDateTime getPublishedAt() { return publishedAt; }
    public long getVersion() { return version; }
}
