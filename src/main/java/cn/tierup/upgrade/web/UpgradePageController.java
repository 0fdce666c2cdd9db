package cn.tierup.upgrade.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Grade;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.FormValues;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import cn.tierup.upgrade.AssistanceKind;
import cn.tierup.upgrade.Assistances;
import cn.tierup.upgrade.GoalStatus;
import cn.tierup.upgrade.GoalView;
import cn.tierup.upgrade.LedgerView;
import cn.tierup.upgrade.Measure;
import cn.tierup.upgrade.ModelLevel;
import cn.tierup.upgrade.RectificationItem;
import cn.tierup.upgrade.RectificationLedger;
import cn.tierup.upgrade.UpgradeFigures;
import cn.tierup.upgrade.UpgradeGoals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 晋位升级 pages: the overview under an organisation, its goal, its rectification ledger (with evidence
 * uploads and the authority's 销号) and its assistance. A refused form comes back with what was typed.
 */
@Controller
class UpgradePageController {

    /** Empty measure rows offered below the written ones. */
    private static final int SPARE_ROWS = 3;

    private final UpgradeGoals goals;
    private final RectificationLedger ledger;
    private final Assistances assistances;
    private final UpgradeFigures figures;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final Messages messages;
    private final cn.tierup.identity.People people;

    UpgradePageController(UpgradeGoals goals, RectificationLedger ledger, Assistances assistances, UpgradeFigures figures,
                          CampaignService campaigns, ScopeGuard guard, Messages messages, cn.tierup.identity.People people) {
        this.goals = goals;
        this.ledger = ledger;
        this.assistances = assistances;
        this.figures = figures;
        this.campaigns = campaigns;
        this.guard = guard;
        this.messages = messages;
        this.people = people;
    }

    @GetMapping("/upgrade")
    String overview(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long org,
                    @RequestParam(required = false) Grade level, @RequestParam(required = false) GoalStatus goal,
                    @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        CampaignView c = campaigns.chosenOrCurrent(campaign).orElse(null);
        if (c == null) {
            return ProblemPage.show(model, 404, messages.get("campaign.none"));
        }
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        model.addAttribute("c", c);
        model.addAttribute("orgId", orgId);
        model.addAttribute("o", figures.overview(c.id(), orgId));
        model.addAttribute("rows", figures.list(c.id(), orgId, level, goal, overdue, page, 30));
        model.addAttribute("filter", Map.of("level", level == null ? "" : level.name(), "goal", goal == null ? "" : goal.name(),
                "overdue", overdue));
        model.addAttribute("levels", Grade.values());
        model.addAttribute("goalStatuses", GoalStatus.values());
        model.addAttribute("ownPart", c.rootOrganizationId() != guard.currentUser().organizationId());
        return "upgrade/overview";
    }

    // ---- goal --------------------------------------------------------------------------------------

    @GetMapping("/upgrade/goal")
    String goal(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        GoalView g = goals.get(campaign, orgId);
        return goalPage(g, rows(g.measures()), g.modelLevel(), g.statement(), model);
    }

    @PostMapping("/upgrade/goal")
    String saveGoal(@RequestParam long campaign, @RequestParam long org, @RequestParam(defaultValue = "save") String action,
                    @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        List<Measure> measures = new ArrayList<>();
        List<String[]> typed = new ArrayList<>();
        for (int i = 0; form.containsKey("m" + i + "text"); i++) {
            String text = form.get("m" + i + "text");
            String owner = form.get("m" + i + "owner");
            String due = form.get("m" + i + "due");
            typed.add(new String[] {text, owner, due});
            if (FormValues.blank(text) && FormValues.blank(owner) && FormValues.blank(due)) {
                continue;
            }
            measures.add(new Measure(text, owner, FormValues.date(due)));
        }
        ModelLevel level = FormValues.choice(ModelLevel.class, form.get("modelLevel"));
        try {
            var f = new UpgradeGoals.GoalForm(level, form.get("statement"), measures, FormValues.longValue(form.get("version")));
            if ("submit".equals(action)) {
                goals.submit(campaign, org, f);
                redirect.addFlashAttribute("success", "争创目标已提交，等待上级审核。");
            } else {
                goals.save(campaign, org, f);
                redirect.addFlashAttribute("success", "草稿已保存。");
            }
            return "redirect:/upgrade/goal?campaign=" + campaign + "&org=" + org;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            while (typed.size() < measures.size() + SPARE_ROWS) {
                typed.add(new String[] {"", "", ""});
            }
            return goalPage(goals.get(campaign, org), typed, level, form.get("statement"), model);
        }
    }

    @PostMapping("/upgrade/goal/approve")
    String approve(@RequestParam long campaign, @RequestParam long org, @RequestParam long version, RedirectAttributes redirect) {
        return flash(redirect, "/upgrade/goal?campaign=" + campaign + "&org=" + org, () -> {
            goals.approve(campaign, org, version);
            return "已审核同意争创目标。";
        });
    }

    @PostMapping("/upgrade/goal/return")
    String returnGoal(@RequestParam long campaign, @RequestParam long org, @RequestParam long version,
                      @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return flash(redirect, "/upgrade/goal?campaign=" + campaign + "&org=" + org, () -> {
            goals.returnForRevision(campaign, org, reason, version);
            return "已退回，对方会在首页看到退回原因。";
        });
    }

    @PostMapping("/upgrade/goal/convert")
    String convert(@RequestParam long campaign, @RequestParam long org, RedirectAttributes redirect) {
        return flash(redirect, "/upgrade/goal?campaign=" + campaign + "&org=" + org, () -> {
            goals.markConverted(campaign, org);
            return "已确认整顿转化完成。";
        });
    }

    // ---- ledger ------------------------------------------------------------------------------------

    @GetMapping("/upgrade/ledger")
    String ledgerPage(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        model.addAttribute("l", ledger.get(campaign, orgId));
        model.addAttribute("form", Map.of());
        return "upgrade/ledger";
    }

    @PostMapping("/upgrade/ledger/items")
    String addItem(@RequestParam long campaign, @RequestParam long org, @RequestParam Map<String, String> form, Model model,
                   RedirectAttributes redirect) {
        try {
            RectificationItem i = ledger.add(campaign, org, new RectificationLedger.ItemForm(form.get("problem"), form.get("measure"),
                    form.get("responsible"), FormValues.date(form.get("deadline")), null));
            redirect.addFlashAttribute("success", "已列入整改台账第 " + i.getNumber() + " 项。");
            return "redirect:/upgrade/ledger?campaign=" + campaign + "&org=" + org;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            model.addAttribute("l", ledger.get(campaign, org));
            model.addAttribute("form", form);
            return "upgrade/ledger";
        }
    }

    @PostMapping("/upgrade/ledger/items/{id}/notes")
    String addNote(@PathVariable long id, @RequestParam long campaign, @RequestParam long org,
                   @RequestParam(required = false) String note, @RequestParam(required = false) MultipartFile file,
                   RedirectAttributes redirect) {
        return flash(redirect, "/upgrade/ledger?campaign=" + campaign + "&org=" + org + "#item-" + id, () -> {
            byte[] bytes = file == null || file.isEmpty() ? null : read(file);
            ledger.addNote(id, note, file == null ? null : file.getOriginalFilename(), bytes);
            return bytes == null ? "进展已记录。" : "进展和佐证材料已上传。";
        });
    }

    @PostMapping("/upgrade/ledger/items/{id}/close")
    String close(@PathVariable long id, @RequestParam long campaign, @RequestParam long org, @RequestParam long version,
                 @RequestParam(required = false) String remark, RedirectAttributes redirect) {
        return flash(redirect, "/upgrade/ledger?campaign=" + campaign + "&org=" + org + "#item-" + id, () -> {
            RectificationItem i = ledger.close(id, remark, version);
            return "第 " + i.getNumber() + " 项已销号。";
        });
    }

    @PostMapping("/upgrade/ledger/items/{id}/return")
    String sendBack(@PathVariable long id, @RequestParam long campaign, @RequestParam long org, @RequestParam long version,
                    @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return flash(redirect, "/upgrade/ledger?campaign=" + campaign + "&org=" + org + "#item-" + id, () -> {
            RectificationItem i = ledger.sendBack(id, reason, version);
            return "第 " + i.getNumber() + " 项未予销号，已告知原因。";
        });
    }

    @GetMapping("/upgrade/ledger/items/{id}/notes/{note}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long note) {
        RectificationLedger.Evidence e = ledger.evidence(id, note);
        return Downloads.file(e.fileName(), MediaType.parseMediaType(e.contentType()), e.bytes());
    }

    @GetMapping("/upgrade/ledger.xlsx")
    ResponseEntity<byte[]> ledgerXlsx(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        LedgerView l = ledger.get(campaign, orgId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd");
        try (XlsxSheetWriter w = new XlsxSheetWriter("整改台账", l.organizationName() + " 整改台账",
                l.year() + " 年度　共 " + l.items().size() + " 项，已销号 " + l.closed() + " 项，逾期 " + l.overdue() + " 项　导出时间："
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                List.of("序号", "存在问题", "整改措施", "责任人", "完成时限", "状态", "进展记录", "销号人", "销号时间"),
                new int[] {6, 36, 40, 10, 12, 10, 40, 10, 14})) {
            for (RectificationItem i : l.items()) {
                String notes = String.join("\n", i.getNotes().stream().map(n -> n.getWrittenAt().format(f) + " " + n.getNote()
                        + (n.evidence() ? "（佐证：" + n.getFileName() + "）" : "")).toList());
                w.row(i.getNumber(), i.getProblem(), i.getMeasure(), i.getResponsible(), i.getDeadline().format(f),
                        i.overdue(l.today()) ? "逾期" : messages.label(i.getStatus()), notes, people.name(i.getClosedBy()),
                        i.getClosedAt() == null ? "" : i.getClosedAt().format(f));
            }
            w.finish(out);
        }
        return Downloads.xlsx(l.organizationName() + "整改台账.xlsx", out.toByteArray());
    }

    // ---- assistance --------------------------------------------------------------------------------

    @GetMapping("/upgrade/assistance")
    String assistancePage(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        return assistancePage(campaign, orgId, Map.of(), model);
    }

    @PostMapping("/upgrade/assistance")
    String arrange(@RequestParam long campaign, @RequestParam long org, @RequestParam Map<String, String> form, Model model,
                   RedirectAttributes redirect) {
        try {
            AssistanceKind kind = FormValues.choice(AssistanceKind.class, form.get("kind"));
            assistances.arrange(campaign, org, new Assistances.AssistanceForm(kind, FormValues.longValue(form.get("helperOrganizationId")),
                    form.get("helperName"), form.get("helperPost"), FormValues.date(form.get("startedOn")), form.get("note")));
            redirect.addFlashAttribute("success", "帮扶已登记。");
            return "redirect:/upgrade/assistance?campaign=" + campaign + "&org=" + org;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return assistancePage(campaign, org, form, model);
        }
    }

    @PostMapping("/upgrade/assistance/{id}/visits")
    String visit(@PathVariable long id, @RequestParam long campaign, @RequestParam long org,
                 @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return flash(redirect, "/upgrade/assistance?campaign=" + campaign + "&org=" + org, () -> {
            assistances.visit(id, new Assistances.VisitForm(FormValues.date(form.get("visitedOn")), form.get("visitor"), form.get("what")));
            return "走访已记录。";
        });
    }

    // ------------------------------------------------------------------------------------------------

    private String assistancePage(long campaign, long org, Map<String, String> form, Model model) {
        model.addAttribute("list", assistances.of(campaign, org));
        model.addAttribute("g", goals.get(campaign, org));
        model.addAttribute("canWrite", assistances.canWrite(org));
        model.addAttribute("candidates", assistances.canWrite(org) ? assistances.candidates(campaign, org) : List.of());
        model.addAttribute("kinds", AssistanceKind.values());
        model.addAttribute("form", form);
        model.addAttribute("today", LocalDate.now());
        return "upgrade/assistance";
    }

    private String goalPage(GoalView g, List<String[]> rows, ModelLevel level, String statement, Model model) {
        model.addAttribute("g", g);
        model.addAttribute("rows", rows);
        model.addAttribute("level", level);
        model.addAttribute("statement", statement);
        model.addAttribute("levels", ModelLevel.values());
        return "upgrade/goal";
    }

    private static List<String[]> rows(List<Measure> measures) {
        List<String[]> rows = new ArrayList<>();
        for (Measure m : measures) {
            rows.add(new String[] {m.text(), m.owner(), m.dueOn() == null ? "" : m.dueOn().toString()});
        }
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(new String[] {"", "", ""});
        }
        return rows;
    }

    private interface Action {
        String run() throws IOException;
    }

    private String flash(RedirectAttributes redirect, String to, Action a) {
        try {
            redirect.addFlashAttribute("success", a.run());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        } catch (IOException e) {
            redirect.addFlashAttribute("error", messages.get("attachment.unreadable"));
        }
        return "redirect:" + to;
    }

    private static byte[] read(MultipartFile file) throws IOException {
        return file.getBytes();
    }
}
