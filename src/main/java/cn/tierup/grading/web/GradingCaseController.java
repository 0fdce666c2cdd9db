package cn.tierup.grading.web;

import cn.tierup.grading.CaseView;
import cn.tierup.grading.DecisionMeeting;
import cn.tierup.grading.GradingCases;
import cn.tierup.grading.MeetingView;
import cn.tierup.grading.Step;
import cn.tierup.grading.web.CaseForms.ReopenForm;
import cn.tierup.grading.web.CaseForms.ReviewForm;
import cn.tierup.grading.web.CaseForms.SheetForm;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.web.FormOutcome;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation's five steps of 对标定级: the page with the form of the step it stands at, and the forms
 * of each step. A refused form comes back with what was typed and the reason; forms on the page share
 * field names, so only the one sent gets its typed values back.
 */
@Controller
class GradingCaseController {

    private final GradingCases cases;
    private final CasePage casePage;
    private final ScopeGuard guard;
    private final FormOutcome outcome;

    GradingCaseController(GradingCases cases, CasePage casePage, ScopeGuard guard, FormOutcome outcome) {
        this.cases = cases;
        this.casePage = casePage;
        this.guard = guard;
        this.outcome = outcome;
    }

    @GetMapping("/grading/case")
    String casePage(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        return casePage.show(cases.get(campaign, org == null ? guard.currentUser().organizationId() : org), model);
    }

    @PostMapping("/grading/case/review")
    String review(@RequestParam long campaign, @RequestParam long org, @RequestParam Step step,
                  @ModelAttribute ReviewForm form, BindingResult binding, WebRequest request, Model model,
                  RedirectAttributes redirect) {
        return act(campaign, org, "review", binding, request, model, redirect, () -> {
            cases.recordReview(campaign, org, step, form.record(cases.get(campaign, org).progress().standard().grades()));
            return outcome.say("grading.done.review", outcome.say("Step." + step.name()));
        });
    }

    @PostMapping("/grading/case/score-sheet")
    String scoreSheet(@RequestParam long campaign, @RequestParam long org, @ModelAttribute SheetForm form,
                      BindingResult binding, WebRequest request, Model model, RedirectAttributes redirect) {
        return act(campaign, org, "sheet", binding, request, model, redirect, () -> {
            cases.saveScoreSheet(campaign, org, form.sheet(), form.annualAssessment(), form.versionSeen());
            return outcome.say("grading.done.sheet");
        });
    }

    @PostMapping("/grading/case/self-grade")
    String selfGrade(@RequestParam long campaign, @RequestParam long org, @Valid @ModelAttribute GradingApi.SelfGrade form,
                     BindingResult binding, WebRequest request, Model model, RedirectAttributes redirect) {
        return act(campaign, org, "self", binding, request, model, redirect, () -> {
            cases.proposeSelfGrade(campaign, org, form.grade(), form.statement(), form.version());
            return outcome.say("grading.done.selfGrade");
        });
    }

    @PostMapping("/grading/case/ballot/paper")
    String paper(@RequestParam long campaign, @RequestParam long org, @ModelAttribute GradingApi.Paper form,
                 BindingResult binding, WebRequest request, Model model, RedirectAttributes redirect) {
        return act(campaign, org, "paper", binding, request, model, redirect,
                () -> ballotOutcome(cases.recordPaperBallot(campaign, org, form.tally())));
    }

    @PostMapping("/grading/case/ballot/close")
    String close(@RequestParam long campaign, @RequestParam long org, @ModelAttribute GradingApi.Close form,
                 BindingResult binding, WebRequest request, Model model, RedirectAttributes redirect) {
        return act(campaign, org, "close", binding, request, model, redirect,
                () -> ballotOutcome(cases.closePhoneBallot(campaign, org, form.attendance(), form.closingKey())));
    }

    @PostMapping("/grading/case/ballot/abandon")
    String abandon(@RequestParam long campaign, @RequestParam long org, @ModelAttribute GradingApi.Abandon form,
                   BindingResult binding, WebRequest request, Model model, RedirectAttributes redirect) {
        return act(campaign, org, "abandon", binding, request, model, redirect, () -> {
            cases.abandonPhoneBallot(campaign, org, form.reason());
            return outcome.say("grading.done.abandoned");
        });
    }

    @PostMapping("/grading/case/decision")
    String decide(@RequestParam long campaign, @RequestParam long org, @Valid @ModelAttribute GradingApi.Decision form,
                  BindingResult binding, WebRequest request, Model model, RedirectAttributes redirect) {
        return act(campaign, org, "decision", binding, request, model, redirect, () -> {
            CaseView v = cases.decide(campaign, org, form.grade(), form.reason(), form.version(),
                    DecisionMeeting.optional(form.meetingOn(), form.minutes(), java.time.LocalDate.now()));
            return outcome.say("grading.done.decided", v.decision().decidedGrade());
        });
    }

    @PostMapping("/grading/case/reopen")
    String reopen(@RequestParam long campaign, @RequestParam long org, @ModelAttribute ReopenForm form,
                  BindingResult binding, WebRequest request, Model model, RedirectAttributes redirect) {
        return act(campaign, org, "reopen", binding, request, model, redirect, () -> {
            Step to = form.step();
            cases.reopen(campaign, org, to, form.reason());
            return outcome.say("grading.done.reopened", String.valueOf(to.number()), outcome.say("Step." + to.name()));
        });
    }

    /** Runs a step's form: back to the case page with the success sentence, or the page again as typed with the reason. */
    private String act(long campaign, long org, String which, BindingResult binding, WebRequest request, Model model,
                       RedirectAttributes redirect, FormOutcome.Action action) {
        model.addAttribute("submitted", which);
        return outcome.orShow(model, redirect, "/grading/case?campaign=" + campaign + "&org=" + org, () -> {
            CaseForms.requireRead(binding);
            return action.run();
        }, () -> casePage.again(campaign, org, request, model));
    }

    private String ballotOutcome(CaseView v) {
        MeetingView m = v.held().meetings().get(v.held().meetings().size() - 1);
        String agree = String.valueOf(m.agree());
        String share = String.valueOf(m.agreeShare());
        return Boolean.TRUE.equals(m.passed())
                ? outcome.say("grading.done.passed", agree, share, v.org().authorityName())
                : outcome.say("grading.done.failed", agree, share, String.valueOf(v.progress().passPercent()),
                        String.valueOf(v.progress().round()));
    }
}
