package cn.tierup.acceptance.web;

import cn.tierup.acceptance.YearEndReviewContent;
import cn.tierup.acceptance.YearEndReviewView;
import cn.tierup.acceptance.YearEndReviews;
import cn.tierup.acceptance.internal.ReviewQueries.Row;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.grading.GradeBand;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.Field;
import cn.tierup.organization.OrganizationService;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 总结验收 pages of the year-end review: an authority's list (filters, .xlsx), an organisation's 自查初评 (write, hand
 * in; return), and the 上级审评 page that shows everything side by side and takes the decision or a reopening.
 */
@Controller
class ReviewPageController {

    private final YearEndReviews reviews;
    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;
    private final OrganizationService organizations;
    private final ScopeGuard guard;
    private final Messages messages;
    private final ReviewTable table;

    ReviewPageController(YearEndReviews reviews, CampaignService campaigns, PhaseWindows phaseWindows,
                         OrganizationService organizations, ScopeGuard guard, Messages messages, ReviewTable table) {
        this.reviews = reviews;
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
        this.organizations = organizations;
        this.guard = guard;
        this.messages = messages;
        this.table = table;
    }

    @GetMapping("/acceptance/reviews")
    String list(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long authority,
                @RequestParam(required = false) String status, @RequestParam(required = false) String field,
                @RequestParam(required = false) String name, Model model) {
        CampaignView c = campaigns.chosenOrCurrent(campaign).orElse(null);
        if (c == null) {
            return ProblemPage.show(model, 404, messages.get("campaign.none"));
        }
        long a = authority == null ? guard.currentUser().organizationId() : authority;
        List<Row> rows = reviews.list(c.id(), a, status, field, name);
        model.addAttribute("c", c);
        model.addAttribute("gate", phaseWindows.gate(c, Phase.ACCEPTANCE));
        model.addAttribute("authority", a);
        model.addAttribute("authorityName", reviews.name(a));
        model.addAttribute("rows", rows);
        model.addAttribute("filter", new Filter(status, field, name));
        model.addAttribute("fields", Field.values());
        model.addAttribute("own", ownReview(c.id()));
        model.addAttribute("counts", counts(rows));
        model.addAttribute("trail", organizations.trail(a));
        return "acceptance/reviews";
    }

    @GetMapping("/acceptance/reviews.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam long campaign, @RequestParam(required = false) Long authority,
                                @RequestParam(required = false) String status, @RequestParam(required = false) String field,
                                @RequestParam(required = false) String name) {
        long a = authority == null ? guard.currentUser().organizationId() : authority;
        return Downloads.xlsx(ReviewTable.TITLE + ".xlsx", table.write(campaign, a, status, field, name));
    }

    @GetMapping("/acceptance/review")
    String review(@RequestParam long campaign, @RequestParam(required = false) Long org,
                  @RequestParam(defaultValue = "false") boolean onBehalf, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        YearEndReviewView r = reviews.get(campaign, orgId);
        model.addAttribute("onBehalf", onBehalf);
        return reviewPage(r, formOf(r), model);
    }

    @PostMapping("/acceptance/review")
    String save(@RequestParam long campaign, @RequestParam long org, @RequestParam(defaultValue = "save") String action,
                @RequestParam(defaultValue = "false") boolean onBehalf, @RequestParam Map<String, String> params,
                Model model, RedirectAttributes redirect) {
        model.addAttribute("onBehalf", onBehalf);
        YearEndReviewView current = reviews.get(campaign, org);
        try {
            YearEndReviewContent content = content(params, current);
            YearEndReviewView r = "submit".equals(action) ? reviews.handIn(campaign, org, content) : reviews.save(campaign, org, content);
            redirect.addFlashAttribute("success", "submit".equals(action)
                    ? messages.get(r.handedInLate() ? "flash.review.handedInLate" : "flash.review.handedIn", r.authorityName())
                    : messages.get("flash.draftSaved"));
            return "redirect:/acceptance/review?campaign=" + campaign + "&org=" + org + (onBehalf ? "&onBehalf=true" : "");
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return reviewPage(current, params, model);
        }
    }

    @PostMapping("/acceptance/review/return")
    String returnReview(@RequestParam long campaign, @RequestParam long org, @RequestParam(required = false) String reason,
                        RedirectAttributes redirect) {
        try {
            reviews.returnForRevision(campaign, org, reason);
            redirect.addFlashAttribute("success", messages.get("flash.returned"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:" + decisionAddress(campaign, org);
    }

    @GetMapping("/acceptance/review/decision")
    String decisionPage(@RequestParam long campaign, @RequestParam long org, Model model) {
        return decisionView(reviews.get(campaign, org), Map.of(), model);
    }

    @PostMapping("/acceptance/review/decision")
    String decide(@RequestParam long campaign, @RequestParam long org, @RequestParam(required = false) String grade,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) Long version,
                  Model model, RedirectAttributes redirect) {
        try {
            if (grade == null || grade.isBlank()) {
                throw new DomainException("acceptance.review.grade.required");
            }
            YearEndReviewView r = reviews.decide(campaign, org, grade, reason, version);
            redirect.addFlashAttribute("success", messages.get("flash.review.decided", r.organizationName(), r.decidedGrade()));
            return "redirect:" + decisionAddress(campaign, org);
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("grade", grade == null ? "" : grade);
            typed.put("reason", reason == null ? "" : reason);
            return decisionView(reviews.get(campaign, org), typed, model);
        }
    }

    @PostMapping("/acceptance/review/reopen")
    String reopen(@RequestParam long campaign, @RequestParam long org, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        try {
            reviews.reopen(campaign, org, reason);
            redirect.addFlashAttribute("success", messages.get("flash.review.reopened"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:" + decisionAddress(campaign, org);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    record Filter(String status, String field, String name) {
    }

    /** Counts of the list by where each review stands, for the line above the table. */
    record Counts(int all, int notStarted, int draft, int submitted, int returned, int decided) {
    }

    private static Counts counts(List<Row> rows) {
        int ns = 0, d = 0, s = 0, r = 0, dec = 0;
        for (Row row : rows) {
            if (row.status() == null) {
                ns++;
            } else {
                switch (row.status()) {
                    case DRAFT -> d++;
                    case SUBMITTED -> s++;
                    case RETURNED -> r++;
                    case DECIDED -> dec++;
                }
            }
        }
        return new Counts(rows.size(), ns, d, s, r, dec);
    }

    /** The user's own organisation's review in the campaign, when it has one to write. */
    private YearEndReviewView ownReview(long campaignId) {
        long me = guard.currentUser().organizationId();
        if (!guard.can(Permission.CAMPAIGN_READ, me)) {
            return null;
        }
        try {
            return reviews.get(campaignId, me);
        } catch (DomainException e) {
            return null;
        }
    }

    private static String decisionAddress(long campaign, long org) {
        return "/acceptance/review/decision?campaign=" + campaign + "&org=" + org;
    }

    private String reviewPage(YearEndReviewView r, Map<String, String> form, Model model) {
        if (!model.containsAttribute("onBehalf")) {
            model.addAttribute("onBehalf", false);
        }
        model.addAttribute("r", r);
        model.addAttribute("gate", phaseWindows.gate(campaigns.get(r.campaignId()), Phase.ACCEPTANCE));
        model.addAttribute("form", form);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("trail", guard.can(Permission.ORG_READ, r.organizationId()) ? organizations.trail(r.organizationId()) : List.of());
        return "acceptance/review";
    }

    private String decisionView(YearEndReviewView r, Map<String, String> typed, Model model) {
        model.addAttribute("r", r);
        model.addAttribute("gate", phaseWindows.gate(campaigns.get(r.campaignId()), Phase.ACCEPTANCE));
        model.addAttribute("typed", typed);
        model.addAttribute("trail", guard.can(Permission.ORG_READ, r.organizationId()) ? organizations.trail(r.organizationId()) : List.of());
        return "acceptance/review-decision";
    }

    /** The form as stored: what the page shows before anything is typed. */
    private static Map<String, String> formOf(YearEndReviewView r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("report", r.report() == null ? "" : r.report());
        for (var m : r.measures()) {
            f.put("result" + (m.number() - 1), m.result() == null ? "" : m.result());
        }
        f.put("meetingHeldOn", r.meetingHeldOn() == null ? "" : r.meetingHeldOn().toString());
        f.put("meetingPlace", r.meetingPlace() == null ? "" : r.meetingPlace());
        f.put("meetingExpected", r.meetingExpected() == null ? String.valueOf(r.membersOnRoll()) : r.meetingExpected().toString());
        f.put("meetingAttendance", r.meetingAttendance() == null ? "" : r.meetingAttendance().toString());
        List<GradeBand> grades = r.grades();
        for (int i = 0; i < grades.size(); i++) {
            Integer v = r.votes().get(grades.get(i).name());
            f.put("votes" + i, v == null ? "" : v.toString());
        }
        if (r.id() != null) {
            f.put("version", String.valueOf(r.version()));
        }
        return f;
    }

    /** What the form sent, as the review's content; a number or date that is not one is refused with its field's name. */
    private static YearEndReviewContent content(Map<String, String> p, YearEndReviewView r) {
        List<String> results = new ArrayList<>();
        for (int i = 0; i < r.measures().size(); i++) {
            results.add(p.get("result" + i));
        }
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (int i = 0; i < r.grades().size(); i++) {
            Integer v = number(p.get("votes" + i), r.grades().get(i).name() + " 得票");
            if (v != null) {
                votes.put(r.grades().get(i).name(), v);
            }
        }
        LocalDate heldOn;
        try {
            String d = p.get("meetingHeldOn");
            heldOn = d == null || d.isBlank() ? null : LocalDate.parse(d.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("acceptance.review.date");
        }
        String version = p.get("version");
        return new YearEndReviewContent(p.get("report"), results, heldOn, p.get("meetingPlace"),
                number(p.get("meetingExpected"), "应到人数"), number(p.get("meetingAttendance"), "实到人数"), votes,
                version == null || version.isBlank() ? null : number(version, "版本").longValue());
    }

    private static Integer number(String v, String label) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new DomainException("acceptance.review.number", label);
        }
    }
}
