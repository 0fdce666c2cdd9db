package cn.tierup.grading;

import jakarta.persistence.*;
import java.util.HashMap;
import java.util.Map;

/**
 * A campaign's grading settings: the standard chosen per field (else the field's shipped one) and the
 * share of valid ballots that passes a self-grade. Each may change only while no case has used it.
 */
@Entity
@Table(name = "grading_setup")
public class GradingSetup {

    @Id
    private Long campaignId;
    private int passPercent = DeliberationRule.DEFAULT_PERCENT;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "grading_setup_scheme", joinColumns = @JoinColumn(name = "campaign_id"))
    @MapKeyColumn(name = "field")
    @Column(name = "scheme_id")
    private Map<String, Long> schemes = new HashMap<>();
    @Version
    private long version;

    protected GradingSetup() {
    }

    public GradingSetup(long campaignId) {
        this.campaignId = campaignId;
    }

    void choose(String field, Long schemeId) {
        if (schemeId == null) {
            schemes.remove(field);
        } else {
            schemes.put(field, schemeId);
        }
    }

    void passPercent(int percent) {
        DeliberationRule.checkPercent(percent);
        this.passPercent = percent;
    }

    public Long getCampaignId() { return campaignId; }
    public int getPassPercent() { return passPercent; }
    public Map<String, Long> getSchemes() { return Map.copyOf(schemes); }
    public long getVersion() { return version; }
}
