package cn.tierup.grading.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.grading.CaseView;
import cn.tierup.grading.GradeRegister;
import cn.tierup.grading.GradingCases;
import cn.tierup.grading.Step;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.WebRequest;

/** Renders an organisation's grading page, shown on its own or again beside the reason a form was refused. */
@Component
class CasePage {

    private static final List<Step> STEPS = List.of(Step.PUBLIC_REVIEW, Step.MEMBER_REVIEW, Step.SELF_GRADING,
            Step.DELIBERATION, Step.DECISION);

    private final GradingCases cases;
    private final OrganizationService organizations;
    private final ScopeGuard guard;
    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;
    private final GradeRegister register;

    CasePage(GradingCases cases, OrganizationService organizations, ScopeGuard guard, CampaignService campaigns,
             PhaseWindows phaseWindows, GradeRegister register) {
        this.cases = cases;
        this.register = register;
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
        this.organizations = organizations;
        this.guard = guard;
    }

    /** The page as it stands, with nothing typed. */
    String show(CaseView v, Model model) {
        return render(v, Map.of(), model);
    }

    /** The page again after a refused form, with what the form sent put back. */
    String again(long campaign, long org, WebRequest sent, Model model) {
        return render(cases.get(campaign, org), CaseForms.typed(sent), model);
    }

    private String render(CaseView v, Map<String, String> typed, Model model) {
        long orgId = v.org().organizationId();
        model.addAttribute("k", v);
        model.addAttribute("form", typed);
        model.addAttribute("steps", STEPS);
        model.addAttribute("gate", phaseWindows.gate(campaigns.get(v.org().campaignId()), Phase.GRADING));
        model.addAttribute("today", LocalDate.now());
        // 上年等次: last year's 年末审定 (same root, year − 1), what the self-assessment starts from
        model.addAttribute("previousYearEnd", register.previousYearEnd(v.org().campaignId(), orgId).orElse(null));
        model.addAttribute("trail", guard.can(Permission.ORG_READ, orgId) ? organizations.trail(orgId) : List.of());
        return "grading/case";
    }
}
