package cn.tierup.pledge.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.pledge.BoardView;
import cn.tierup.pledge.Fulfilment;
import cn.tierup.pledge.Pledge;
import cn.tierup.pledge.PledgeFigures;
import cn.tierup.pledge.Pledges;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.FormValues;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import cn.tierup.shared.QrCodes;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 公开承诺 office pages: an organisation's pledges (write, hand in, sign, publish, fulfil; the suggestion
 * queue; comments; ratings) and the figures under an organisation with their Excel table.
 */
@Controller
class PledgePageController {

    /** Empty item rows offered below the written ones. */
    private static final int SPARE_ROWS = 3;

    private final Pledges pledges;
    private final PledgeFigures figures;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final Messages messages;

    PledgePageController(Pledges pledges, PledgeFigures figures, CampaignService campaigns, ScopeGuard guard, Messages messages) {
        this.pledges = pledges;
        this.figures = figures;
        this.campaigns = campaigns;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/pledges")
    String board(@RequestParam long campaign, @RequestParam(required = false) Long org,
                 @RequestParam(required = false) Long member, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        return page(pledges.get(campaign, orgId), member, Map.of(), null, model);
    }

    @PostMapping("/pledges/organisation")
    String saveOrganisation(@RequestParam long campaign, @RequestParam long org, @RequestParam(defaultValue = "save") String action,
                            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            pledges.saveOrganisationPledge(campaign, org, pledgeForm(form), "submit".equals(action));
            redirect.addFlashAttribute("success", "submit".equals(action) ? "承诺书已提交，等待上级签订。" : "承诺书草稿已保存。");
            return "redirect:/pledges?campaign=" + campaign + "&org=" + org;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return page(pledges.get(campaign, org), null, form, "organisation", model);
        }
    }

    @PostMapping("/pledges/member")
    String saveMember(@RequestParam long campaign, @RequestParam long org, @RequestParam long member,
                      @RequestParam(defaultValue = "save") String action, @RequestParam Map<String, String> form, Model model,
                      RedirectAttributes redirect) {
        try {
            pledges.saveMemberPledge(campaign, org, member, pledgeForm(form), "submit".equals(action));
            redirect.addFlashAttribute("success", "submit".equals(action) ? "党员公开承诺书已提交，请支部签订。" : "草稿已保存。");
            return "redirect:/pledges?campaign=" + campaign + "&org=" + org + "&member=" + member + "#member-pledge";
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return page(pledges.get(campaign, org), member, form, "member", model);
        }
    }

    @PostMapping("/pledges/{id}/sign")
    String sign(@PathVariable long id, @RequestParam long campaign, @RequestParam long org, @RequestParam long version,
                RedirectAttributes redirect) {
        return flash(redirect, campaign, org, () -> {
            pledges.sign(id, version);
            return "已签订。";
        });
    }

    @PostMapping("/pledges/{id}/return")
    String returnPledge(@PathVariable long id, @RequestParam long campaign, @RequestParam long org, @RequestParam long version,
                        @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return flash(redirect, campaign, org, () -> {
            pledges.returnForRevision(id, reason, version);
            return "已退回，对方会看到退回原因。";
        });
    }

    @PostMapping("/pledges/publish")
    String publish(@RequestParam long campaign, @RequestParam long org, RedirectAttributes redirect) {
        return flash(redirect, campaign, org, () -> {
            pledges.publish(campaign, org);
            return "已向社会公开，群众可通过公开页面查看并测评。";
        });
    }

    @PostMapping("/pledges/suggestions")
    String suggestions(@RequestParam long campaign, @RequestParam long org, @RequestParam boolean open, RedirectAttributes redirect) {
        return flash(redirect, campaign, org, () -> {
            pledges.suggestions(campaign, org, open);
            return open ? "已开启群众点诺，请把公开页面的链接或二维码发给群众。" : "已关闭群众点诺。";
        });
    }

    @PostMapping("/pledges/suggestions/{id}/take")
    String take(@PathVariable long id, @RequestParam long campaign, @RequestParam long org, RedirectAttributes redirect) {
        return flash(redirect, campaign, org, () -> {
            pledges.take(id);
            return "已采纳，列入承诺书草稿。";
        });
    }

    @PostMapping("/pledges/suggestions/{id}/reject")
    String reject(@PathVariable long id, @RequestParam long campaign, @RequestParam long org, RedirectAttributes redirect) {
        return flash(redirect, campaign, org, () -> {
            pledges.reject(id);
            return "已标记为未采纳。";
        });
    }

    @PostMapping("/pledges/{id}/items/{number}")
    String fulfil(@PathVariable long id, @PathVariable int number, @RequestParam long campaign, @RequestParam long org,
                  @RequestParam(required = false) Long member, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        try {
            Fulfilment status = FormValues.choice(Fulfilment.class, form.get("status"));
            if (status == null) {
                throw new DomainException("pledge.fulfil.status");
            }
            pledges.fulfil(id, number, status, form.get("evidence"), FormValues.date(form.get("doneOn")));
            redirect.addFlashAttribute("success", "第 " + number + " 项践诺情况已更新。");
            return "redirect:/pledges?campaign=" + campaign + "&org=" + org + (member == null ? "" : "&member=" + member + "#member-pledge");
        } catch (DomainException e) {
            // the page again with what was typed into this item's form, and which item the message is about
            model.addAttribute("error", "第 " + number + " 项：" + messages.of(e));
            Map<String, String> typed = new java.util.HashMap<>(form);
            typed.put("pledge", String.valueOf(id));
            typed.put("number", String.valueOf(number));
            model.addAttribute("fulfilTyped", typed);
            return page(pledges.get(campaign, org), member, Map.of(), null, model);
        }
    }

    @PostMapping("/pledges/comments")
    String comment(@RequestParam long campaign, @RequestParam(required = false) List<Long> orgs, @RequestParam(required = false) Long org,
                   @RequestParam(required = false) String text, @RequestParam(required = false) Long back,
                   RedirectAttributes redirect) {
        List<Long> targets = orgs != null && !orgs.isEmpty() ? orgs : org == null ? List.of() : List.of(org);
        String to = back != null ? "/pledges/overview?campaign=" + campaign + "&org=" + back
                : "/pledges?campaign=" + campaign + "&org=" + org;
        try {
            int n = pledges.comment(campaign, targets, text);
            redirect.addFlashAttribute("success", "已点评 " + n + " 个党组织。");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:" + to;
    }

    @GetMapping("/pledges/overview")
    String overview(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long org, Model model) {
        CampaignView c = campaigns.chosenOrCurrent(campaign).orElse(null);
        if (c == null) {
            return ProblemPage.show(model, 404, messages.get("campaign.none"));
        }
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        PledgeFigures.Summary s = figures.summary(c.id(), orgId);
        if (s.organizations().isEmpty() && org == null && c.rootOrganizationId() != orgId) {
            // a branch has nothing below it to count: its own pledges are what it came for
            return "redirect:/pledges?campaign=" + c.id();
        }
        model.addAttribute("c", c);
        model.addAttribute("orgId", orgId);
        model.addAttribute("s", s);
        model.addAttribute("ownPart", c.rootOrganizationId() != guard.currentUser().organizationId());
        return "pledges/overview";
    }

    @GetMapping("/pledges/overview.xlsx")
    ResponseEntity<byte[]> overviewXlsx(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        CampaignView c = campaigns.get(campaign);
        PledgeFigures.Summary s = figures.summary(campaign, orgId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxSheetWriter w = XlsxSheetWriter.grouped("公开承诺", "公开承诺践诺情况统计表",
                "填报单位：" + s.organizationName() + "　　活动：" + c.name() + "　　生成时间："
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                List.of(XlsxSheetWriter.HeaderGroup.single("序号"), XlsxSheetWriter.HeaderGroup.single("单位"),
                        XlsxSheetWriter.HeaderGroup.single("公开承诺书（份）"),
                        new XlsxSheetWriter.HeaderGroup("承诺事项（项）", List.of("承诺", "已兑现", "未兑现", "兑现率%")),
                        new XlsxSheetWriter.HeaderGroup("群众测评（人次）", List.of("满意", "基本满意", "不满意", "满意率%"))),
                new int[] {6, 36, 12, 10, 10, 10, 10, 10, 10, 10, 10})) {
            int n = 1;
            for (PledgeFigures.Line l : s.units().isEmpty() ? s.organizations() : s.units()) {
                w.row(String.valueOf(n++), l.label(), l.pledges(), l.items(), l.fulfilled(), l.notFulfilled(), l.fulfilmentRate(),
                        l.satisfied(), l.fairly(), l.dissatisfied(), l.satisfactionRate());
            }
            PledgeFigures.Line t = s.total();
            w.footer("合计", t.pledges(), t.items(), t.fulfilled(), t.notFulfilled(), t.fulfilmentRate(), t.satisfied(), t.fairly(),
                    t.dissatisfied(), t.satisfactionRate());
            w.finish(out);
        }
        return Downloads.xlsx("公开承诺践诺情况统计表.xlsx", out.toByteArray());
    }

    // ------------------------------------------------------------------------------------------------

    private String page(BoardView b, Long member, Map<String, String> typed, String which, Model model) {
        model.addAttribute("b", b);
        model.addAttribute("fulfilments", Fulfilment.values());
        model.addAttribute("today", LocalDate.now());
        Pledge own = b.organisationPledge();
        model.addAttribute("ownRows", "organisation".equals(which) ? typedRows(typed) : rows(own));
        model.addAttribute("ownGoal", "organisation".equals(which) ? typed.get("goal") : own == null ? null : own.getGoal());
        Pledge mine = member == null ? null : b.memberPledges().stream().filter(p -> member.equals(p.getMemberId())).findFirst().orElse(null);
        model.addAttribute("member", member == null ? null : b.members().stream().filter(m -> m.id() == member).findFirst().orElse(null));
        model.addAttribute("memberPledge", mine);
        model.addAttribute("memberRows", "member".equals(which) ? typedRows(typed) : rows(mine));
        model.addAttribute("memberShow", "member".equals(which) ? "true".equals(typed.get("showName")) : mine != null && mine.isShowName());
        if (b.slug() != null) {
            String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/q/p/" + b.slug()).toUriString();
            model.addAttribute("link", link);
            model.addAttribute("qr", QrCodes.dataUrl(link, 200));
        }
        return "pledges/board";
    }

    private static List<String> rows(Pledge p) {
        List<String> rows = new ArrayList<>();
        if (p != null) {
            p.getItems().forEach(i -> rows.add(i.getText()));
        }
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add("");
        }
        return rows;
    }

    private static List<String> typedRows(Map<String, String> typed) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; typed.containsKey("item" + i); i++) {
            rows.add(typed.get("item" + i));
        }
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add("");
        }
        return rows;
    }

    private static Pledges.PledgeForm pledgeForm(Map<String, String> form) {
        List<String> items = new ArrayList<>();
        for (int i = 0; form.containsKey("item" + i); i++) {
            items.add(form.get("item" + i));
        }
        Long version = FormValues.longValue(form.get("version"));
        return new Pledges.PledgeForm(form.get("goal"), items, "true".equals(form.get("showName")), version);
    }

    private interface Action {
        String run();
    }

    private String flash(RedirectAttributes redirect, long campaign, long org, Action a) {
        try {
            redirect.addFlashAttribute("success", a.run());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/pledges?campaign=" + campaign + "&org=" + org;
    }
}
