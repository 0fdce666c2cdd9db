package cn.tierup.grading;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.internal.GradingCaseRepository;
import cn.tierup.grading.internal.GradingSetupRepository;
import cn.tierup.grading.internal.SchemeRepository;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import cn.tierup.grading.internal.GradingQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's grading settings, set by whoever manages the campaign: the standard per field and the
 * share that passes a 审议. A field's standard is fixed once an organisation of it has begun grading, the
 * share once a 审议 has been counted — people have worked against them.
 */
@Service
public class GradingSetups {

    private final GradingSetupRepository setups;
    private final GradingCaseRepository cases;
    private final SchemeRepository schemes;
    private final GradingCases gradingCases;
    private final CampaignService campaigns;
    private final AuditRecorder audit;
    private final GradingQueries queries;
    private final java.util.List<SchemeUsers> users;

    GradingSetups(GradingSetupRepository setups, GradingCaseRepository cases, SchemeRepository schemes,
                  GradingCases gradingCases, CampaignService campaigns, AuditRecorder audit, GradingQueries queries,
                  java.util.List<SchemeUsers> users) {
        this.users = users;
        this.setups = setups;
        this.cases = cases;
        this.schemes = schemes;
        this.gradingCases = gradingCases;
        this.campaigns = campaigns;
        this.audit = audit;
        this.queries = queries;
    }

    /** One field's line: the standard in force and whether it can still be changed. */
    public record FieldScheme(String field, long schemeId, String schemeName, boolean chosen, boolean fixed) {
    }

    public record SetupView(long campaignId, String campaignName, int passPercent, boolean passPercentFixed,
                            List<FieldScheme> fields) {
    }

    @Transactional(readOnly = true)
    public SetupView get(long campaignId) {
        CampaignView c = campaigns.get(campaignId);
        GradingSetup s = setups.findById(campaignId).orElse(null);
        List<String> fields = queries.schemeFields();
        List<FieldScheme> lines = fields.stream().map(f -> {
            GradingScheme scheme = gradingCases.schemeFor(campaignId, f);
            return new FieldScheme(f, scheme.getId(), scheme.getName(), s != null && s.getSchemes().containsKey(f),
                    begun(campaignId, f));
        }).toList();
        return new SetupView(c.id(), c.name(), s == null ? DeliberationRule.DEFAULT_PERCENT : s.getPassPercent(),
                ballotCounted(campaignId), lines);
    }

    /**
     * The grades of the standards in force for these fields in a campaign, each standard's in its own order,
     * without repeats (a grade of the same name and class in two standards is one column of 附件3 and 附件4).
     */
    @Transactional(readOnly = true)
    public List<GradeBand> gradesInForce(long campaignId, java.util.Collection<String> fields) {
        Map<String, GradeBand> out = new LinkedHashMap<>();
        for (String f : fields) {
            for (GradeBand b : gradingCases.schemeFor(campaignId, f).getStandard().grades()) {
                out.putIfAbsent(b.level() + ":" + b.name(), b);
            }
        }
        return List.copyOf(out.values());
    }

    /** Whether grading of the field has begun in the campaign: by an organisation here, or in a module grading against it. */
    private boolean begun(long campaignId, String field) {
        return cases.existsByCampaignIdAndField(campaignId, field) || users.stream().anyMatch(u -> u.begun(campaignId, field));
    }

    /**
     * The standard a campaign grades {@code field} against: the one chosen in its settings, else the shipped one. For
     * modules that grade against a standard of their own field (远程教育站点: {@code STATION}) through this module's schemes.
     */
    @Transactional(readOnly = true)
    public GradingScheme schemeInForce(long campaignId, String field) {
        return gradingCases.schemeFor(campaignId, field);
    }

    /**
     * A scheme something was graded against, read by whoever grades against it (a copy may belong to an organisation
     * above them, as the campaign's choice).
     */
    @Transactional(readOnly = true)
    public GradingScheme scheme(long schemeId) {
        return schemes.findById(schemeId).orElseThrow(() -> new NotFoundException("scheme", schemeId));
    }

    /** Chooses the standard for a field (null: back to the shipped one). */
    @Transactional
    public SetupView choose(long campaignId, String field, Long schemeId) {
        CampaignView c = campaigns.toManage(campaignId);
        if (field == null || !queries.schemeFields().contains(field)) {
            // only a field that has standards: any other text in the path was stored as a field of its own
            throw new DomainException("setup.field");
        }
        if (begun(campaignId, field)) {
            throw new DomainException("setup.schemeFixed");
        }
        if (schemeId != null) {
            GradingScheme scheme = schemes.findById(schemeId).orElseThrow(() -> new NotFoundException("scheme", schemeId));
            if (scheme.getOwnerOrganizationId() != null && !campaigns.takesPart(campaignId, scheme.getOwnerOrganizationId())
                    && scheme.getOwnerOrganizationId() != c.rootOrganizationId()) {
                throw new DomainException("setup.schemeOutside");
            }
        }
        GradingSetup s = setups.findById(campaignId).orElseGet(() -> new GradingSetup(campaignId));
        Map<String, Object> before = new LinkedHashMap<>(s.getSchemes());
        s.choose(field, schemeId);
        setups.saveAndFlush(s);
        audit.record("GradingSetup", campaignId, c.rootOrganizationId(), "UPDATE", "选定" + field + "领域的分类定级标准",
                before, new LinkedHashMap<>(s.getSchemes()));
        return get(campaignId);
    }

    @Transactional
    public SetupView passPercent(long campaignId, int percent) {
        CampaignView c = campaigns.toManage(campaignId);
        if (ballotCounted(campaignId)) {
            throw new DomainException("setup.passPercentFixed");
        }
        GradingSetup s = setups.findById(campaignId).orElseGet(() -> new GradingSetup(campaignId));
        int before = s.getPassPercent();
        s.passPercent(percent);
        setups.saveAndFlush(s);
        audit.record("GradingSetup", campaignId, c.rootOrganizationId(), "UPDATE", "审议通过比例设为 " + percent + "%",
                Map.of("passPercent", before), Map.of("passPercent", percent));
        return get(campaignId);
    }

    private boolean ballotCounted(long campaignId) {
        return queries.deliberationRecorded(campaignId);
    }
}
