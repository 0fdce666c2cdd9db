package cn.tierup.survey;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.survey.internal.SurveyActivityRepository;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording survey work as dated entries (from the day 现状大调查 starts; after it ends still, marked 逾期), and
 * correcting a wrong entry by removing it.
 */
@Service
public class SurveyActivities {

    private final SurveyActivityRepository activities;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final PhaseWindows phaseWindows;

    SurveyActivities(SurveyActivityRepository activities, CampaignService campaigns, ScopeGuard guard, AuditRecorder audit,
                     PhaseWindows phaseWindows) {
        this.activities = activities;
        this.campaigns = campaigns;
        this.guard = guard;
        this.audit = audit;
        this.phaseWindows = phaseWindows;
    }

    @Transactional(readOnly = true)
    public List<SurveyActivity> of(long campaignId, long organizationId) {
        guard.require(Permission.CAMPAIGN_READ, organizationId);
        campaigns.get(campaignId);
        return activities.findByCampaignIdAndOrganizationIdOrderByOccurredOnDescIdDesc(campaignId, organizationId);
    }

    @Transactional
    public SurveyActivity record(long campaignId, long organizationId, ActivityEntry entry) {
        guard.require(Permission.SURVEY_WRITE, organizationId);
        CampaignView c = campaigns.get(campaignId);
        if (!campaigns.takesPart(campaignId, organizationId)) {
            throw new DomainException("campaign.notParticipant");
        }
        phaseWindows.require(c, Phase.SURVEY);
        SurveyActivity a = new SurveyActivity(campaignId, organizationId, entry, c.year(), Actors.current(), LocalDateTime.now());
        activities.saveAndFlush(a);
        audit.record("SurveyActivity", a.getId(), organizationId, "CREATE", "登记调查记录", null, snapshot(a));
        return a;
    }

    @Transactional
    public void remove(long activityId) {
        SurveyActivity a = activities.findById(activityId).orElseThrow(() -> new NotFoundException("activity", activityId));
        guard.require(Permission.SURVEY_WRITE, a.getOrganizationId());
        activities.delete(a);
        audit.record("SurveyActivity", activityId, a.getOrganizationId(), "DELETE", "删除调查记录", snapshot(a), null);
    }

    private static Map<String, Object> snapshot(SurveyActivity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaignId", a.getCampaignId());
        m.put("kind", a.getKind());
        m.put("occurredOn", a.getOccurredOn());
        m.put("amount", a.getAmount());
        m.put("returnedCount", a.getReturnedCount());
        m.put("evaluatorGroup", a.getEvaluatorGroup());
        m.put("note", a.getNote());
        return m;
    }
}
