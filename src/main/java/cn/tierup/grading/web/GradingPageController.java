package cn.tierup.grading.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.CaseView;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeBand;
import cn.tierup.grading.GradeRegister;
import cn.tierup.grading.GradingCases;
import cn.tierup.grading.GradingFigures;
import cn.tierup.grading.GradingSchemes;
import cn.tierup.grading.GradingSetups;
import cn.tierup.grading.MeetingRecord;
import cn.tierup.grading.PaperTally;
import cn.tierup.grading.ScoreSheet;
import cn.tierup.grading.Step;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.FormValues;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 对标定级 pages: the overview of the organisations under one (steps, grades, who waits or is late), an
 * organisation's five steps with the form of the step it stands at, the register, and the campaign's
 * grading settings. A refused form comes back with what was typed and the reason.
 */
@Controller
class GradingPageController {

    private final GradingCases cases;
    private final GradingFigures figures;
    private final GradeRegister register;
    private final GradingSetups setups;
    private final GradingSchemes schemes;
    private final CampaignService campaigns;
    private final OrganizationService organizations;
    private final ScopeGuard guard;
    private final Messages messages;
    private final cn.tierup.identity.People people;

    GradingPageController(GradingCases cases, GradingFigures figures, GradeRegister register, GradingSetups setups,
                          GradingSchemes schemes, CampaignService campaigns, OrganizationService organizations,
                          ScopeGuard guard, Messages messages, cn.tierup.identity.People people) {
        this.cases = cases;
        this.figures = figures;
        this.register = register;
        this.setups = setups;
        this.schemes = schemes;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.guard = guard;
        this.messages = messages;
        this.people = people;
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
        model.addAttribute("fields", cn.tierup.organization.Field.values());
        model.addAttribute("ownGraded", c.rootOrganizationId() != guard.currentUser().organizationId());
        model.addAttribute("canManage", guard.can(Permission.CAMPAIGN_MANAGE, c.rootOrganizationId()));
        return "grading/overview";
    }

    @GetMapping("/grading/case")
    String casePage(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        return page(cases.get(campaign, orgId), Map.of(), model);
    }

    @PostMapping("/grading/case/review")
    String review(@RequestParam long campaign, @RequestParam long org, @RequestParam Step step,
                  @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return act(campaign, org, form, model, redirect, "review", () -> {
            CaseView v = cases.get(campaign, org);
            Map<String, Integer> votes = new LinkedHashMap<>();
            List<GradeBand> grades = v.standard().grades();
            for (int i = 0; i < grades.size(); i++) {
                votes.put(grades.get(i).name(), FormValues.integer(form.get("v" + i), 0));
            }
            cases.recordReview(campaign, org, step, new MeetingRecord(FormValues.date(form.get("heldOn")), form.get("place"),
                    FormValues.integer(form.get("expected"), null), FormValues.integer(form.get("attendance"), null), votes));
            return messages.get("Step." + step.name()) + "结果已录入。";
        });
    }

    @PostMapping("/grading/case/score-sheet")
    String scoreSheet(@RequestParam long campaign, @RequestParam long org, @RequestParam Map<String, String> form,
                      @RequestParam(required = false) List<Integer> veto, Model model, RedirectAttributes redirect) {
        return act(campaign, org, form, model, redirect, "sheet", () -> {
            Map<String, Integer> scores = new HashMap<>();
            form.forEach((k, val) -> {
                if (k.matches("s\\d+\\.\\d+") && val != null && !val.isBlank()) {
                    scores.put(k.substring(1), FormValues.integer(val, 0));
                }
            });
            Set<Integer> vetoes = veto == null ? Set.of() : new TreeSet<>(veto);
            cases.saveScoreSheet(campaign, org, new ScoreSheet(scores, vetoes), form.get("annualAssessment"),
                    FormValues.integer(form.get("version"), 0));
            return "自查评分表已保存，合计分数和对应等次已按标准计算。";
        });
    }

    @PostMapping("/grading/case/self-grade")
    String selfGrade(@RequestParam long campaign, @RequestParam long org, @RequestParam Map<String, String> form, Model model,
                     RedirectAttributes redirect) {
        return act(campaign, org, form, model, redirect, "self", () -> {
            cases.proposeSelfGrade(campaign, org, form.get("grade"), form.get("statement"), FormValues.integer(form.get("version"), 0));
            return "自评等次已提出，下一步召开党员群众会议进行无记名审议。";
        });
    }

    @PostMapping("/grading/case/ballot/paper")
    String paper(@RequestParam long campaign, @RequestParam long org, @RequestParam Map<String, String> form, Model model,
                 RedirectAttributes redirect) {
        return act(campaign, org, form, model, redirect, "paper", () -> {
            CaseView v = cases.recordPaperBallot(campaign, org, new PaperTally(FormValues.date(form.get("heldOn")), form.get("place"),
                    FormValues.integer(form.get("expected"), null), FormValues.integer(form.get("attendance"), null), FormValues.integer(form.get("issued"), null),
                    FormValues.integer(form.get("returned"), null), FormValues.integer(form.get("agree"), null), FormValues.integer(form.get("disagree"), null),
                    FormValues.integer(form.get("abstain"), null), FormValues.integer(form.get("invalid"), null)));
            return ballotOutcome(v);
        });
    }

    @PostMapping("/grading/case/ballot/phone")
    String phone(@RequestParam long campaign, @RequestParam long org, @RequestParam Map<String, String> form, Model model,
                 RedirectAttributes redirect) {
        try {
            Integer expected = FormValues.integer(form.get("expected"), null);
            GradingCases.PhoneBallot b = cases.openPhoneBallot(campaign, org, FormValues.date(form.get("heldOn")), form.get("place"),
                    expected, FormValues.integer(form.get("codes"), expected));
            String link = ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/q/v/" + b.meeting().slug()).toUriString();
            model.addAttribute("b", b);
            model.addAttribute("link", link);
            model.addAttribute("qr", cn.tierup.shared.QrCodes.dataUrl(link, 240));
            return "grading/ballot-codes";
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            model.addAttribute("submitted", "phone");
            return page(cases.get(campaign, org), form, model);
        }
    }

    @PostMapping("/grading/case/ballot/close")
    String close(@RequestParam long campaign, @RequestParam long org, @RequestParam Map<String, String> form, Model model,
                 RedirectAttributes redirect) {
        return act(campaign, org, form, model, redirect, "close", () ->
                ballotOutcome(cases.closePhoneBallot(campaign, org, FormValues.integer(form.get("attendance"), null))));
    }

    @PostMapping("/grading/case/decision")
    String decide(@RequestParam long campaign, @RequestParam long org, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        return act(campaign, org, form, model, redirect, "decision", () -> {
            CaseView v = cases.decide(campaign, org, form.get("grade"), form.get("reason"), FormValues.integer(form.get("version"), 0));
            return "已评定为“" + v.decidedGrade() + "”，已记入分类管理台账。";
        });
    }

    @PostMapping("/grading/case/reopen")
    String reopen(@RequestParam long campaign, @RequestParam long org, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        return act(campaign, org, form, model, redirect, "reopen", () -> {
            Step to;
            try {
                to = Step.valueOf(form.getOrDefault("to", ""));
            } catch (IllegalArgumentException e) {
                throw new DomainException("reopen.step");
            }
            cases.reopen(campaign, org, to, form.get("reason"));
            return "已退回到第 " + to.number() + " 步（" + messages.get("Step." + to.name()) + "），原记录保留并标记作废。";
        });
    }

    @GetMapping("/grading/register")
    String registerPage(@RequestParam(required = false) Integer year, @RequestParam(required = false) String field,
                        @RequestParam(required = false) Long under, @RequestParam(required = false) Grade level,
                        @RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("rows", register.find(new GradeRegister.Query(year, field, under, level, name, page, 50)));
        model.addAttribute("years", register.years());
        model.addAttribute("filter", registerFilter(year, field, under, level, name));
        model.addAttribute("units", organizations.children(guard.currentUser().organizationId(), false));
        model.addAttribute("levels", Grade.values());
        model.addAttribute("fields", cn.tierup.organization.Field.values());
        return "grading/register";
    }

    @GetMapping("/grading/register.xlsx")
    org.springframework.http.ResponseEntity<byte[]> registerXlsx(@RequestParam(required = false) Integer year,
                                                                 @RequestParam(required = false) String field,
                                                                 @RequestParam(required = false) Long under,
                                                                 @RequestParam(required = false) Grade level,
                                                                 @RequestParam(required = false) String name) {
        var rows = register.find(new GradeRegister.Query(year, field, under, level, name, 0, 100_000)).items();
        var out = new java.io.ByteArrayOutputStream();
        try (var w = new cn.tierup.shared.xlsx.XlsxSheetWriter("分类管理台账", "基层党组织分类管理台账",
                "导出时间：" + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                        + "　　共 " + rows.size() + " 条",
                List.of("年度", "党组织", "上级党组织", "领域", "自评等次", "评定等次", "类别", "评定组织", "评定人", "评定时间", "评定理由"),
                new int[] {8, 30, 24, 12, 10, 10, 8, 24, 12, 18, 40})) {
            for (var e : rows) {
                w.row(e.year(), e.name(), e.parentName(), messages.get("Field." + e.field()), e.selfGrade(), e.grade(),
                        messages.label(e.level()), e.authorityName(), people.name(e.decidedBy()),
                        e.decidedAt().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), e.reason());
            }
            w.finish(out);
        }
        return cn.tierup.shared.Downloads.xlsx("分类管理台账.xlsx", out.toByteArray());
    }

    @GetMapping("/grading/setup")
    String setupPage(@RequestParam long campaign, Model model) {
        model.addAttribute("s", setups.get(campaign));
        model.addAttribute("c", campaigns.toManage(campaign));
        model.addAttribute("schemes", schemes.list());
        return "grading/setup";
    }

    @PostMapping("/grading/setup/scheme")
    String chooseScheme(@RequestParam long campaign, @RequestParam String field, @RequestParam(required = false) Long scheme,
                        RedirectAttributes redirect) {
        try {
            setups.choose(campaign, field, scheme);
            redirect.addFlashAttribute("success", messages.get("Field." + field) + "领域的标准已更新。");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/grading/setup?campaign=" + campaign;
    }

    @PostMapping("/grading/setup/pass-percent")
    String passPercent(@RequestParam long campaign, @RequestParam(required = false) String percent, RedirectAttributes redirect) {
        try {
            setups.passPercent(campaign, FormValues.integer(percent, 0));
            redirect.addFlashAttribute("success", "审议通过比例已更新。");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/grading/setup?campaign=" + campaign;
    }

    // ----------------------------------------------------------------------------------------------

    private interface Action {
        String run();
    }

    private String act(long campaign, long org, Map<String, String> form, Model model, RedirectAttributes redirect, String which,
                       Action a) {
        // forms on one page share field names: only the one sent gets its typed values back
        model.addAttribute("submitted", which);
        try {
            redirect.addFlashAttribute("success", a.run());
            return "redirect:/grading/case?campaign=" + campaign + "&org=" + org;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return page(cases.get(campaign, org), form, model);
        }
    }

    private String ballotOutcome(CaseView v) {
        var m = v.meetings().get(v.meetings().size() - 1);
        return Boolean.TRUE.equals(m.passed())
                ? "审议通过：同意 " + m.agree() + " 票，占有效票 " + m.agreeShare() + "%。等待" + v.authorityName() + "评定。"
                : "审议未通过：同意 " + m.agree() + " 票，占有效票 " + m.agreeShare() + "%，未超过 " + v.passPercent()
                  + "%。请领导班子重新自评（第 " + v.round() + " 轮）。";
    }

    private String page(CaseView v, Map<String, String> typed, Model model) {
        model.addAttribute("k", v);
        model.addAttribute("form", typed);
        model.addAttribute("steps", List.of(Step.PUBLIC_REVIEW, Step.MEMBER_REVIEW, Step.SELF_GRADING, Step.DELIBERATION,
                Step.DECISION));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("trail", guard.can(Permission.ORG_READ, v.organizationId()) ? organizations.trail(v.organizationId())
                : List.of());
        return "grading/case";
    }

    private static Map<String, Object> filter(String step, String field, Grade level, String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("step", step);
        m.put("field", field);
        m.put("level", level);
        m.put("name", name);
        return m;
    }

    private static Map<String, Object> registerFilter(Integer year, String field, Long under, Grade level, String name) {
        Map<String, Object> m = filter(null, field, level, name);
        m.put("year", year);
        m.put("under", under);
        return m;
    }
}
