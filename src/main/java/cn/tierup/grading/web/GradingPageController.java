package cn.tierup.grading.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeRegister;
import cn.tierup.grading.GradingFigures;
import cn.tierup.grading.Step;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.Field;
import cn.tierup.organization.OrganizationService;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 对标定级 lists: the overview of the organisations under one (steps, grades, who waits or is late) and
 * the register of decided grades. The register's .xlsx is reporting's; an organisation's steps and the
 * campaign's settings have controllers of their own.
 */
@Controller
class GradingPageController {

    private final GradingFigures figures;
    private final GradeRegister register;
    private final CampaignService campaigns;
    private final OrganizationService organizations;
    private final ScopeGuard guard;
    private final Messages messages;

    GradingPageController(GradingFigures figures, GradeRegister register, CampaignService campaigns,
                          OrganizationService organizations, ScopeGuard guard, Messages messages) {
        this.figures = figures;
        this.register = register;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/grading")
    String overview(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long org,
                    @RequestParam(required = false) String step, @RequestParam(required = false) String field,
                    @RequestParam(required = false) Grade level, @RequestParam(required = false) String name,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        CampaignView c = campaigns.chosenOrCurrent(campaign).orElse(null);
        if (c == null) {
            return ProblemPage.show(model, 404, messages.get("campaign.none"));
        }
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        model.addAttribute("c", c);
        model.addAttribute("o", figures.overview(c.id(), orgId));
        model.addAttribute("units", figures.byUnit(c.id(), orgId));
        model.addAttribute("rows", figures.list(c.id(), orgId, step, field, level, name, page, 30));
        model.addAttribute("filter", filter(step, field, level, name));
        model.addAttribute("steps", Step.values());
        model.addAttribute("levels", Grade.values());
        model.addAttribute("fields", Field.values());
        model.addAttribute("ownGraded", c.rootOrganizationId() != guard.currentUser().organizationId());
        model.addAttribute("canManage", guard.can(Permission.CAMPAIGN_MANAGE, c.rootOrganizationId()));
        return "grading/overview";
    }

    @GetMapping("/grading/register")
    String registerPage(@RequestParam(required = false) Integer year, @RequestParam(required = false) String field,
                        @RequestParam(required = false) Long under, @RequestParam(required = false) Grade level,
                        @RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("rows", register.find(new GradeRegister.Query(year, field, under, level, name, page, 50)));
        model.addAttribute("years", register.years());
        Map<String, Object> filter = filter(null, field, level, name);
        filter.put("year", year);
        filter.put("under", under);
        model.addAttribute("filter", filter);
        model.addAttribute("units", organizations.childList(guard.currentUser().organizationId()));
        model.addAttribute("levels", Grade.values());
        model.addAttribute("fields", Field.values());
        return "grading/register";
    }

    private static Map<String, Object> filter(String step, String field, Grade level, String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("step", step);
        m.put("field", field);
        m.put("level", level);
        m.put("name", name);
        return m;
    }
}
