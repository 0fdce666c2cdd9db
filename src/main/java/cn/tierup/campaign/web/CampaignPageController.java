package cn.tierup.campaign.web;

import cn.tierup.campaign.Campaign;
import cn.tierup.campaign.CampaignForm;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.ReminderService;
import cn.tierup.campaign.Targets;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Campaign pages: the list, opening (or copying) a year, its schedule and targets; reminders. */
@Controller
class CampaignPageController {

    private final CampaignService campaigns;
    private final ReminderService reminders;
    private final ScopeGuard guard;
    private final Messages messages;

    CampaignPageController(CampaignService campaigns, ReminderService reminders, ScopeGuard guard, Messages messages) {
        this.campaigns = campaigns;
        this.reminders = reminders;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/campaigns")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list());
        model.addAttribute("canManage", guard.currentUser().has(Permission.CAMPAIGN_MANAGE));
        return "campaigns/list";
    }

    @GetMapping("/campaigns/new")
    String createForm(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now().getYear() : year;
        var s = Campaign.noticeSchedule(y);
        Targets t = Targets.notice();
        long root = guard.currentUser().organizationId();
        guard.require(Permission.CAMPAIGN_MANAGE, root);
        model.addAttribute("form", new CampaignForm(root, y, y + "年度三分类三升级活动",
                s.get(Phase.SURVEY).startsOn(), s.get(Phase.SURVEY).endsOn(), s.get(Phase.SURVEY).dueOn(),
                s.get(Phase.GRADING).startsOn(), s.get(Phase.GRADING).endsOn(), s.get(Phase.GRADING).dueOn(),
                s.get(Phase.UPGRADE).startsOn(), s.get(Phase.UPGRADE).endsOn(), s.get(Phase.UPGRADE).dueOn(),
                s.get(Phase.ACCEPTANCE).startsOn(), s.get(Phase.ACCEPTANCE).endsOn(), s.get(Phase.ACCEPTANCE).dueOn(),
                t.villageAdvancedShare(), t.modelRate(), t.averageUpgradeRate(), t.laggingConversionRate(),
                t.stationModelRate(), t.stationUpgradeRate(), t.stationConversionRate(), null));
        return form(model, null, Map.of());
    }

    @PostMapping("/campaigns")
    String create(@Valid CampaignForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        model.addAttribute("form", form);
        if (binding.hasErrors()) {
            return form(model, null, messages.fieldErrors(binding));
        }
        try {
            CampaignView c = campaigns.open(form);
            redirect.addFlashAttribute("success", messages.get("flash.campaign.opened", c.name()));
            return "redirect:/campaigns/" + c.id();
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return form(model, null, Map.of());
        }
    }

    @GetMapping("/campaigns/{id}")
    String detail(@PathVariable long id, Model model) {
        CampaignView c = campaigns.get(id);
        model.addAttribute("c", c);
        model.addAttribute("phases", Phase.values());
        model.addAttribute("canManage", guard.can(Permission.CAMPAIGN_MANAGE, c.rootOrganizationId()));
        model.addAttribute("nextYear", campaigns.firstFreeYearAfter(id));
        return "campaigns/detail";
    }

    @GetMapping("/campaigns/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        CampaignView c = campaigns.toManage(id);
        model.addAttribute("form", CampaignForm.of(c));
        return form(model, c, Map.of());
    }

    @PostMapping("/campaigns/{id}")
    String update(@PathVariable long id, @Valid CampaignForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        CampaignView c = campaigns.toManage(id);
        model.addAttribute("form", form);
        if (binding.hasErrors()) {
            return form(model, c, messages.fieldErrors(binding));
        }
        try {
            campaigns.update(id, form);
            redirect.addFlashAttribute("success", messages.get("flash.saved"));
            return "redirect:/campaigns/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return form(model, c, Map.of());
        }
    }

    @PostMapping("/campaigns/{id}/copy")
    String copy(@PathVariable long id, @RequestParam int year, @RequestParam(required = false) String name,
                RedirectAttributes redirect) {
        try {
            CampaignView c = campaigns.copy(id, year, name);
            redirect.addFlashAttribute("success", messages.get("flash.campaign.copied", c.name()));
            return "redirect:/campaigns/" + c.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
            return "redirect:/campaigns/" + id;
        }
    }

    @PostMapping("/campaigns/{id}/reminders")
    String remind(@PathVariable long id, @RequestParam long to, @RequestParam(required = false) String message,
                  RedirectAttributes redirect) {
        try {
            reminders.send(id, to, message);
            redirect.addFlashAttribute("success", messages.get("flash.reminder.sent"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/";
    }

    @PostMapping("/reminders/{id}/read")
    String read(@PathVariable long id) {
        reminders.markRead(id);
        return "redirect:/";
    }

    private String form(Model model, CampaignView existing, Map<String, String> errors) {
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("phases", Phase.values());
        return "campaigns/form";
    }
}
