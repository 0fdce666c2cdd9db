package cn.tierup.pledge;

import jakarta.persistence.*;
import java.time.LocalDateTime;

/**
 * An organisation's pledge work in one campaign: the public page behind its short link, whether
 * residents may suggest pledges now, when its pledges were first made public, and its residents'
 * satisfaction rating — a sealed ballot the organisation opens once its pledges are public and counts with
 * the key printed for it (one round a year; a round whose key is lost is abandoned and opened again).
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
    private String ratingSlug;
    private LocalDateTime ratingsCountedAt;
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

    /** The rating opens on the ballot behind {@code slug}: only once the pledges are public, and once a year. */
    void ratingsOpened(String slug) {
        requireRatingsCanOpen();
        this.ratingSlug = slug;
    }

    void requireRatingsCanOpen() {
        if (!published()) {
            throw new cn.tierup.shared.DomainException("rating.notPublished");
        }
        if (ratingsCountedAt != null) {
            throw new cn.tierup.shared.DomainException("rating.counted");
        }
        if (ratingSlug != null) {
            throw new cn.tierup.shared.DomainException("rating.alreadyOpen");
        }
    }

    /** The running rating, whose ballot was just counted or abandoned. */
    String runningRating() {
        if (!ratingsOpen()) {
            throw new cn.tierup.shared.DomainException("rating.notOpen");
        }
        return ratingSlug;
    }

    void ratingsCounted(LocalDateTime now) {
        runningRating();
        this.ratingsCountedAt = now;
    }

    void ratingsAbandoned() {
        runningRating();
        this.ratingSlug = null;
    }

    /** Where the year's rating stands: not opened (or abandoned), running, or counted. */
    public BoardView.RatingState ratingState() {
        if (ratingSlug == null) {
            return BoardView.RatingState.NOT_OPEN;
        }
        return ratingsOpen() ? BoardView.RatingState.OPEN : BoardView.RatingState.COUNTED;
    }

    public boolean ratingsOpen() {
        return ratingSlug != null && ratingsCountedAt == null;
    }

    public String getRatingSlug() { return ratingSlug; }
    public LocalDateTime getRatingsCountedAt() { return ratingsCountedAt; }

    public Long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public long getOrganizationId() { return organizationId; }
    public String getSlug() { return slug; }
    public boolean isSuggestionsOpen() { return suggestionsOpen; }
    public LocalDateTime getPublishedAt() { return publishedAt; }
    public long getVersion() { return version; }
}
