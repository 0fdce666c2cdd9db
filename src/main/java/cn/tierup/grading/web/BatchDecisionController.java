package cn.tierup.grading.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.BatchDecisions;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.FormValues;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 上级评定 at one meeting: the page listing the organisations awaiting the authority's decision, each with its
 * proposal, where the meeting's date and record are entered once and a grade chosen for each; refused, the page
 * comes back as typed with every bad line marked, and nothing is decided.
 */
@Controller
class BatchDecisionController {

    private final BatchDecisions batch;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final Messages messages;

    BatchDecisionController(BatchDecisions batch, CampaignService campaigns, ScopeGuard guard, Messages messages) {
        this.batch = batch;
        this.campaigns = campaigns;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/grading/decisions")
    String page(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long org, Model model) {
        CampaignView c = campaigns.chosenOrCurrent(campaign).orElse(null);
        if (c == null) {
            return ProblemPage.show(model, 404, messages.get("campaign.none"));
        }
        BatchDecisions.Sheet sheet = batch.awaiting(c.id(), org == null ? guard.currentUser().organizationId() : org);
        return show(c, sheet, new HashMap<>(), Map.of(), model);
    }

    @PostMapping("/grading/decisions")
    String decide(@RequestParam long campaign, @RequestParam long org, @RequestParam Map<String, String> params, Model model,
                  RedirectAttributes redirect) {
        CampaignView c = campaigns.get(campaign);
        List<BatchDecisions.Line> lines = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; params.containsKey("o" + i); i++) {
            String grade = params.get("g" + i);
            if (FormValues.blank(grade)) {
                continue;   // 暂不评定
            }
            lines.add(new BatchDecisions.Line(FormValues.longValue(params.get("o" + i)), grade, params.get("r" + i),
                    FormValues.longValue(params.get("v" + i))));
            rows.add(i);
        }
        try {
            int n = batch.decide(campaign, org, FormValues.date(params.get("meetingOn")), params.get("minutes"), lines);
            redirect.addFlashAttribute("success", messages.get("batch.done", params.get("meetingOn"), n));
            return "redirect:/grading/decisions?campaign=" + campaign + "&org=" + org;
        } catch (BatchDecisions.Refused e) {
            Map<Long, String> byOrg = new HashMap<>();
            List<String> listed = new ArrayList<>();
            for (BatchDecisions.Problem p : e.problems()) {
                String why = messages.of(p.reason());
                byOrg.merge(p.organizationId() == null ? -1L : p.organizationId(), why, (a, b) -> a + "；" + b);
                listed.add(messages.get("batch.line", p.line(), p.organizationName() == null ? "—" : p.organizationName(), why));
            }
            model.addAttribute("error", messages.of(e));
            model.addAttribute("lineErrors", listed);
            return show(c, batch.awaiting(campaign, org), new HashMap<>(params), byOrg, model);
        } catch (cn.tierup.shared.DomainException e) {
            model.addAttribute("error", messages.of(e));
            return show(c, batch.awaiting(campaign, org), new HashMap<>(params), Map.of(), model);
        }
    }

    /** The page: the awaiting list, what was typed (by organisation, so a line keeps its values), each line's problem. */
    private String show(CampaignView c, BatchDecisions.Sheet sheet, Map<String, String> typed, Map<Long, String> problems,
                        Model model) {
        Map<Long, String[]> byOrg = new HashMap<>();
        for (int i = 0; typed.containsKey("o" + i); i++) {
            Long id = FormValues.longValue(typed.get("o" + i));
            if (id != null) {
                byOrg.put(id, new String[] {typed.get("g" + i), typed.get("r" + i)});
            }
        }
        model.addAttribute("c", c);
        model.addAttribute("sheet", sheet);
        model.addAttribute("typed", byOrg);
        model.addAttribute("meetingOn", typed.getOrDefault("meetingOn", ""));
        model.addAttribute("minutes", typed.getOrDefault("minutes", ""));
        model.addAttribute("problems", problems);
        return "grading/decisions";
    }
}
