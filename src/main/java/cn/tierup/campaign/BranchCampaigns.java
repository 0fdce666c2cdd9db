package cn.tierup.campaign;

import cn.tierup.campaign.internal.CampaignQueries;
import cn.tierup.campaign.internal.CampaignRepository;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaigns one organisation takes part in and what it owes in a phase, for views that have already checked
 * who may see that organisation (a party member's home): read without the office's campaign permission.
 */
@Service
public class BranchCampaigns {

    private final CampaignRepository campaigns;
    private final CampaignQueries queries;
    private final CampaignService service;
    private final OrganizationDirectory directory;
    private final List<ObligationSource> sources;

    BranchCampaigns(CampaignRepository campaigns, CampaignQueries queries, CampaignService service,
                    OrganizationDirectory directory, List<ObligationSource> sources) {
        this.campaigns = campaigns;
        this.queries = queries;
        this.service = service;
        this.directory = directory;
        this.sources = sources;
    }

    /** Campaigns rooted at or above the organisation, newest year first (callers have checked access). */
    @Transactional(readOnly = true)
    public List<CampaignView> of(long organizationId) {
        String path = directory.find(organizationId).map(OrgRef::path).orElse(null);
        if (path == null) {
            return List.of();
        }
        List<CampaignView> out = new ArrayList<>();
        for (long id : queries.idsOnOrBelow(path)) {
            Campaign c = campaigns.findById(id).orElseThrow();
            String root = directory.find(c.getRootOrganizationId()).map(OrgRef::path).orElse("?");
            if (path.startsWith(root)) {
                out.add(service.view(c));
            }
        }
        return out;
    }

    /** This year's campaign of the organisation, else the latest it took part in. */
    @Transactional(readOnly = true)
    public Optional<CampaignView> current(long organizationId) {
        List<CampaignView> all = of(organizationId);
        int year = LocalDate.now().getYear();
        return all.stream().filter(c -> c.year() == year).findFirst().or(() -> all.stream().findFirst());
    }

    /** What the organisation owes in a phase of the campaign and where each piece stands. */
    @Transactional(readOnly = true)
    public List<Obligation> owed(CampaignView campaign, Phase phase, long organizationId) {
        List<Obligation> out = new ArrayList<>();
        for (ObligationSource s : sources) {
            if (s.phase() == phase) {
                out.addAll(s.obligations(campaign, List.of(organizationId)));
            }
        }
        return out;
    }
}
