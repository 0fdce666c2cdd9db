package cn.tierup.station.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Grade;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import cn.tierup.shared.web.FormOutcome;
import cn.tierup.station.StationGradingRound;
import cn.tierup.station.StationGradingView;
import cn.tierup.station.StationGradings;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of 远程教育站点分类, each for one round (年初定级 or 年末审定, {@code ?round=}): the stations under an
 * organisation and where their grading stands, one station's score sheet with the host's self-assessment and the authority's decision, and the register of station grades.
 */
@Controller
class StationGradingPageController {

    private final StationGradings gradings;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final FormOutcome outcome;
    private final Messages messages;

    StationGradingPageController(StationGradings gradings, CampaignService campaigns, ScopeGuard guard, FormOutcome outcome,
                                 Messages messages) {
        this.gradings = gradings;
        this.campaigns = campaigns;
        this.guard = guard;
        this.outcome = outcome;
        this.messages = messages;
    }

    @GetMapping("/stations/grading")
    String overview(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long org,
                    @RequestParam(required = false) String status, @RequestParam(required = false) String name,
                    @RequestParam(defaultValue = "START") StationGradingRound round,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        CampaignView c = campaigns.chosenOrCurrent(campaign).orElse(null);
        if (c == null) {
            return ProblemPage.show(model, 404, messages.get("campaign.none"));
        }
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        String wanted = status == null || status.isBlank() ? null : status;
        model.addAttribute("c", c);
        model.addAttribute("orgId", orgId);
        model.addAttribute("round", round);
        model.addAttribute("rounds", StationGradingRound.values());
        model.addAttribute("rows", gradings.list(c.id(), round, orgId, wanted, name, Math.max(page, 0), 30));
        model.addAttribute("statuses", new String[] {"NOT_STARTED", "ASSESSING", "SUBMITTED", "DECIDED"});
        model.addAttribute("filter", new Filter(wanted, name));
        return "stations/grading/overview";
    }

    @GetMapping("/stations/grading/{campaign}/{station}")
    String sheet(@PathVariable long campaign, @PathVariable long station,
                 @RequestParam(defaultValue = "START") StationGradingRound round, Model model) {
        StationGradingView v = gradings.get(campaign, station, round);
        model.addAttribute("v", v);
        model.addAttribute("rounds", StationGradingRound.values());
        model.addAttribute("g", v.standard().grades());
        return "stations/grading/sheet";
    }

    @PostMapping("/stations/grading/{campaign}/{station}/self-assessment")
    String assess(@PathVariable long campaign, @PathVariable long station, @ModelAttribute SheetForm form,
                  BindingResult binding, Model model, RedirectAttributes redirect) {
        StationGradingRound round = form.roundOrStart();
        return outcome.orShow(model, redirect, target(campaign, station, round), () -> {
            if (binding.hasErrors()) {
                // a score that is not a whole number never reaches the standard: refused before anything is saved
                throw new cn.tierup.shared.DomainException("station.grading.scoreUnread");
            }
            gradings.assess(campaign, station, round, form.assessment(), form.versionSeen());
            return outcome.say("station.grading.saved");
        }, () -> {
            // refused: the sheet again with what was typed, so no score or sentence has to be typed twice
            Map<String, String> typed = new HashMap<>();
            if (form.scores() != null) {
                form.scores().forEach((key, n) -> {
                    if (n != null) {
                        typed.put(key, n.toString());
                    }
                });
            }
            for (org.springframework.validation.FieldError e : binding.getFieldErrors()) {
                if (e.getField().startsWith("scores[") && e.getField().endsWith("]") && e.getRejectedValue() != null) {
                    typed.put(e.getField().substring(7, e.getField().length() - 1), String.valueOf(e.getRejectedValue()));
                }
            }
            model.addAttribute("typedScores", typed);
            model.addAttribute("typedVetoes", form.veto() == null ? Set.of() : form.veto());
            model.addAttribute("typedStatement", form.statement() == null ? "" : form.statement());
            return sheet(campaign, station, round, model);
        });
    }

    @PostMapping("/stations/grading/{campaign}/{station}/submit")
    String submit(@PathVariable long campaign, @PathVariable long station, @ModelAttribute VersionForm form,
                  RedirectAttributes redirect) {
        return outcome.orFlash(redirect, target(campaign, station, form.roundOrStart()), () -> {
            gradings.submit(campaign, station, form.roundOrStart(), form.versionSeen());
            return outcome.say("station.grading.submittedOk");
        });
    }

    @PostMapping("/stations/grading/{campaign}/{station}/decision")
    String decide(@PathVariable long campaign, @PathVariable long station, @ModelAttribute DecisionForm form,
                  RedirectAttributes redirect) {
        return outcome.orFlash(redirect, target(campaign, station, form.roundOrStart()), () -> {
            gradings.decide(campaign, station, form.roundOrStart(), form.grade(), form.reason(), form.version() == null ? 0 : form.version());
            return outcome.say("station.grading.decided");
        });
    }

    @PostMapping("/stations/grading/{campaign}/{station}/reopen")
    String reopen(@PathVariable long campaign, @PathVariable long station, @ModelAttribute ReopenForm form,
                  RedirectAttributes redirect) {
        return outcome.orFlash(redirect, target(campaign, station, form.roundOrStart()), () -> {
            gradings.reopen(campaign, station, form.roundOrStart(), form.reason(), "true".equals(form.toHost()),
                    form.version() == null ? 0 : form.version());
            return outcome.say("station.grading.reopened");
        });
    }

    @GetMapping("/stations/grading/register")
    String register(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) Grade level, @RequestParam(required = false) String name,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        model.addAttribute("rows", gradings.register(orgId, year, level, name, Math.max(page, 0), 50));
        model.addAttribute("years", gradings.registerYears(orgId));
        model.addAttribute("levels", Grade.values());
        model.addAttribute("orgId", orgId);
        model.addAttribute("filter", new RegisterFilter(org, year, level, name));
        return "stations/grading/register";
    }

    private static String target(long campaign, long station, StationGradingRound round) {
        return "/stations/grading/" + campaign + "/" + station + (round == StationGradingRound.START ? "" : "?round=" + round);
    }

    /** The round a form names; absent — as every form before the 年末审定 sent — the 年初定级. */
    private static StationGradingRound orStart(StationGradingRound r) {
        return r == null ? StationGradingRound.START : r;
    }

    record Filter(String status, String name) {
    }

    record RegisterFilter(Long org, Integer year, Grade level, String name) {
    }

    /** The score sheet as the page sends it: scores[维度.细则], the veto items ticked, 自评说明, the version seen. */
    record SheetForm(Map<String, Integer> scores, Set<Integer> veto, String statement, Long version,
                     StationGradingRound round) {

        StationGradingRound roundOrStart() {
            return orStart(round);
        }

        StationGradings.Assessment assessment() {
            Map<String, Integer> given = new HashMap<>();
            if (scores != null) {
                scores.forEach((key, n) -> {
                    if (n != null) {
                        given.put(key, n);
                    }
                });
            }
            return new StationGradings.Assessment(given, veto == null ? Set.of() : new TreeSet<>(veto), statement);
        }

        long versionSeen() {
            return version == null ? 0 : version;
        }
    }

    record VersionForm(Long version, StationGradingRound round) {
        StationGradingRound roundOrStart() {
            return orStart(round);
        }

        long versionSeen() {
            return version == null ? 0 : version;
        }
    }

    record DecisionForm(String grade, String reason, Long version, StationGradingRound round) {
        StationGradingRound roundOrStart() {
            return orStart(round);
        }
    }

    record ReopenForm(String reason, String toHost, Long version, StationGradingRound round) {
        StationGradingRound roundOrStart() {
            return orStart(round);
        }
    }
}
