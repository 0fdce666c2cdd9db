package cn.tierup.pledge.web;

import cn.tierup.identity.ScopeGuard;
import cn.tierup.pledge.BoardView;
import cn.tierup.pledge.Fulfilment;
import cn.tierup.pledge.ItemSource;
import cn.tierup.pledge.PledgeFigures;
import cn.tierup.pledge.PledgeSheet;
import cn.tierup.pledge.PledgeStatus;
import cn.tierup.pledge.Pledges;
import cn.tierup.shared.Satisfaction;
import cn.tierup.pledge.SuggestionStatus;
import cn.tierup.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.*;

/**
 * 公开承诺 over JSON: an organisation's 承诺书 and its members' pledges (write, hand in, sign or return, publish),
 * the 群众点诺 queue, 践诺 item by item, 领导点评 and the figures under an organisation. Every rule and check is
 * the pledge services'; this only binds requests to them and shows pledges as views (no storage keys, no
 * entities). The public page itself (suggesting, rating) has no API: it is the phone page behind the link.
 */
@RestController
@RequestMapping("/api/pledges")
@Tag(name = "公开承诺", description = "党组织和党员公开承诺书（制定、提交、上级签订或退回、向社会公开）、群众点诺、践诺情况、领导点评、群众满意度和践诺统计")
class PledgeApi {

    private final Pledges pledges;
    private final PledgeFigures figures;
    private final ScopeGuard guard;

    PledgeApi(Pledges pledges, PledgeFigures figures, ScopeGuard guard) {
        this.pledges = pledges;
        this.figures = figures;
        this.guard = guard;
    }

    // ---- an organisation's pledges ---------------------------------------------------------------------

    @GetMapping("/{campaign}/{org}")
    @Operation(summary = "该党组织的公开承诺：承诺书和党员公开承诺书、公开页面地址、群众点诺、领导点评、满意度测评，以及本人可做的操作")
    PledgeBoardView get(@PathVariable long campaign, @PathVariable long org) {
        return PledgeBoardView.of(pledges.get(campaign, org));
    }

    @PutMapping("/{campaign}/{org}/organisation")
    @Operation(summary = "保存党组织承诺书（争创目标和承诺事项，按顺序编号）；submit=true 时同时提交上级党组织签订（须有目标和至少一项事项）")
    PledgeBoardView saveOrganisation(@PathVariable long campaign, @PathVariable long org,
                                     @RequestParam(defaultValue = "false") boolean submit, @RequestBody OrganisationPledge body) {
        return PledgeBoardView.of(pledges.saveOrganisationPledge(campaign, org,
                new Pledges.PledgeForm(body.goal(), body.items(), false, body.version()), submit));
    }

    @PutMapping("/{campaign}/{org}/members/{member}")
    @Operation(summary = "保存本组织在册党员的公开承诺书（承诺事项、是否同意公开姓名）；submit=true 时同时提交党组织签订")
    PledgeBoardView saveMember(@PathVariable long campaign, @PathVariable long org, @PathVariable long member,
                               @RequestParam(defaultValue = "false") boolean submit, @RequestBody MemberPledge body) {
        return PledgeBoardView.of(pledges.saveMemberPledge(campaign, org, member,
                new Pledges.PledgeForm(null, body.items(), Boolean.TRUE.equals(body.showName()), body.version()), submit));
    }

    @PostMapping("/{id}/sign")
    @Operation(summary = "签订承诺书（目标责任书）：党组织的由上级党组织签订，且不能由代为提交的人签订；党员的由所在党组织签订。已公开的组织签订后随即公开")
    PledgeBoardView sign(@PathVariable long id, @Valid @RequestBody PledgeVersion body) {
        return PledgeBoardView.of(pledges.sign(id, body.version()));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "退回待签订的承诺书并写明原因，退回后可修改再提交")
    PledgeBoardView returnForRevision(@PathVariable long id, @Valid @RequestBody PledgeReturn body) {
        return PledgeBoardView.of(pledges.returnForRevision(id, body.reason(), body.version()));
    }

    @PostMapping("/{campaign}/{org}/publish")
    @Operation(summary = "向社会公开已签订的党组织承诺书和党员公开承诺书（公开页面只显示已公开的内容）")
    PledgeBoardView publish(@PathVariable long campaign, @PathVariable long org) {
        return PledgeBoardView.of(pledges.publish(campaign, org));
    }

    // ---- 群众满意度测评 ----------------------------------------------------------------------------------

    @PostMapping("/{campaign}/{org}/ratings/open")
    @Operation(summary = "开启群众满意度测评（承诺公开后，每年一次）：测评不记名，每份测评加密保存；计票密钥只在此返回一次，系统不保存")
    RatingOpened openRatings(@PathVariable long campaign, @PathVariable long org) {
        Pledges.OpenedRating r = pledges.openRatings(campaign, org);
        return new RatingOpened(PledgeBoardView.of(r.board()), r.closingKey());
    }

    @PostMapping("/{campaign}/{org}/ratings/count")
    @Operation(summary = "结束群众满意度测评并用计票密钥计票；满意率 =（满意 + 基本满意）÷ 测评人次")
    PledgeBoardView countRatings(@PathVariable long campaign, @PathVariable long org, @RequestBody RatingCount body) {
        return PledgeBoardView.of(pledges.countRatings(campaign, org, body.closingKey()));
    }

    @PostMapping("/{campaign}/{org}/ratings/abandon")
    @Operation(summary = "作废进行中的群众满意度测评（不计票，如计票密钥遗失），写明原因后可重新开启")
    PledgeBoardView abandonRatings(@PathVariable long campaign, @PathVariable long org, @RequestBody RatingAbandon body) {
        return PledgeBoardView.of(pledges.abandonRatings(campaign, org, body.reason()));
    }

    /** The board and the closing key of the rating just opened. */
    record RatingOpened(PledgeBoardView board, String closingKey) {
    }

    record RatingCount(String closingKey) {
    }

    record RatingAbandon(String reason) {
    }

    // ---- 群众点诺 -------------------------------------------------------------------------------------

    @PostMapping("/{campaign}/{org}/suggestions")
    @Operation(summary = "开启或关闭群众点诺（open=true 开启）；首次使用时生成公开页面")
    PledgeBoardView suggestions(@PathVariable long campaign, @PathVariable long org, @RequestBody SuggestionsOpen body) {
        return PledgeBoardView.of(pledges.suggestions(campaign, org, Boolean.TRUE.equals(body.open())));
    }

    @PostMapping("/suggestions/{id}/take")
    @Operation(summary = "采纳群众点诺建议：列为党组织承诺书草稿的最后一项，标注“群众点诺”")
    PledgeBoardView take(@PathVariable long id) {
        return PledgeBoardView.of(pledges.take(id));
    }

    @PostMapping("/suggestions/{id}/reject")
    @Operation(summary = "群众点诺建议不予采纳")
    PledgeBoardView reject(@PathVariable long id) {
        return PledgeBoardView.of(pledges.reject(id));
    }

    // ---- 践诺, 领导点评, figures ---------------------------------------------------------------------------

    @PostMapping("/{id}/items/{number}")
    @Operation(summary = "登记已签订承诺书第 number 项的践诺情况（PLEDGED 已承诺、IN_PROGRESS 推进中、FULFILLED 已兑现、"
            + "NOT_FULFILLED 未兑现）；已兑现、未兑现须写明兑现情况和不晚于今天的日期")
    PledgeBoardView fulfil(@PathVariable long id, @PathVariable int number, @RequestBody PledgeFulfilment body) {
        return PledgeBoardView.of(pledges.fulfil(id, number, body.fulfilment(), body.evidence(), body.doneOn()));
    }

    @PostMapping("/{campaign}/comments")
    @Operation(summary = "领导点评：对一个或同时对多个党组织的承诺和践诺情况发表点评（须为各组织的上级党组织）")
    LeaderCommented comment(@PathVariable long campaign, @Valid @RequestBody LeaderComment body) {
        return new LeaderCommented(pledges.comment(campaign, body.organizationIds(), body.text()));
    }

    @GetMapping("/summary")
    @Operation(summary = "公开承诺践诺情况统计：各单位和合计的公开承诺书份数、承诺事项、已兑现、兑现率、满意度测评和满意率（org 不填为本组织）")
    PledgeSummary summary(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        return PledgeSummary.of(figures.summary(campaign, org == null ? guard.currentUser().organizationId() : org));
    }

    // ---- forms ----------------------------------------------------------------------------------------

    /** version: as read; left out only for the first save. */
    record OrganisationPledge(String goal, List<String> items, Long version) {
    }

    record MemberPledge(List<String> items, Boolean showName, Long version) {
    }

    record PledgeVersion(@NotNull(message = "{field.required}") Long version) {
    }

    record PledgeReturn(String reason, @NotNull(message = "{field.required}") Long version) {
    }

    record SuggestionsOpen(Boolean open) {
    }

    /** status: PLEDGED, IN_PROGRESS, FULFILLED or NOT_FULFILLED. */
    record PledgeFulfilment(String status, String evidence, LocalDate doneOn) {

        Fulfilment fulfilment() {
            try {
                return Fulfilment.valueOf(status == null ? "" : status.strip());
            } catch (IllegalArgumentException e) {
                throw new DomainException("pledge.fulfil.status");
            }
        }
    }

    record LeaderComment(List<@NotNull(message = "{field.nullItem}") Long> organizationIds, String text) {
    }

    record LeaderCommented(int organisations) {
    }

    // ---- views ----------------------------------------------------------------------------------------

    /** An organisation's pledges as {@link BoardView} gives them, with the counts it derives; members: the roll, for writers. */
    record PledgeBoardView(long campaignId, int year, long organizationId, String organizationName, String authorityName,
                           String slug, String publicPath, boolean suggestionsOpen, LocalDateTime publishedAt,
                           PledgeView organisationPledge, List<PledgeView> memberPledges, List<PledgeSuggestionView> suggestions,
                           long pendingSuggestions, List<PledgeCommentView> comments, PledgeRatings ratings,
                           BoardView.RatingState ratingState, int ratingsCast, LocalDateTime ratingsCountedAt,
                           List<PledgeMember> members, boolean canWrite, boolean canSign,
                           List<PledgeMemberRating> memberRatings) {

        static PledgeBoardView of(BoardView b) {
            return new PledgeBoardView(b.campaignId(), b.year(), b.organizationId(), b.organizationName(), b.authorityName(),
                    b.slug(), b.slug() == null ? null : "/q/p/" + b.slug(), b.suggestionsOpen(), b.publishedAt(),
                    b.organisationPledge() == null ? null : PledgeView.of(b.organisationPledge()),
                    b.memberPledges().stream().map(PledgeView::of).toList(),
                    b.suggestions().stream().map(PledgeSuggestionView::of).toList(), b.pendingSuggestions(),
                    b.comments().stream().map(PledgeCommentView::of).toList(),
                    new PledgeRatings(b.ratings().getOrDefault(Satisfaction.SATISFIED, 0L),
                            b.ratings().getOrDefault(Satisfaction.FAIRLY_SATISFIED, 0L),
                            b.ratings().getOrDefault(Satisfaction.DISSATISFIED, 0L), b.ratingCount(), b.satisfactionRate()),
                    b.ratingState(), b.ratingsCast(), b.ratingsCountedAt(),
                    b.members().stream().map(m -> new PledgeMember(m.id(), m.name(), m.pledged())).toList(),
                    b.canWrite(), b.canSign(),
                    b.memberRatings().stream().map(r -> new PledgeMemberRating(r.pledgeId(), r.pledger(), r.satisfied(), r.fairly(),
                            r.dissatisfied(), r.ratings(), r.satisfactionRate())).toList());
        }
    }

    /**
     * The residents' counted rating of one member's published pledge; satisfactionRate = (满意 + 基本满意) ÷ count in
     * percent, 基本满意 counted as satisfied, those who left it 不评价 not counted.
     */
    record PledgeMemberRating(long pledgeId, String pledger, long satisfied, long fairlySatisfied, long dissatisfied, long count,
                              java.math.BigDecimal satisfactionRate) {
    }

    /** A party member on the organisation's roll who may pledge, and whether they have. */
    record PledgeMember(long id, String name, boolean pledged) {
    }

    /** A 承诺书: the organisation's (no member) or a member's; version is what sign, return and save expect back. */
    record PledgeView(long id, Long memberId, String pledgerName, Boolean showName, String goal, PledgeStatus status,
                      String returnReason, String submittedBy, LocalDateTime submittedAt, String signedBy,
                      LocalDateTime signedAt, LocalDateTime publishedAt, long version, List<PledgeItemView> items) {

        static PledgeView of(PledgeSheet p) {
            return new PledgeView(p.id(), p.memberId(), p.pledgerName(), p.organisation() ? null : p.showName(), p.goal(),
                    p.status(), p.returnReason(), p.submittedBy(), p.submittedAt(), p.signedBy(), p.signedAt(),
                    p.publishedAt(), p.version(), p.items().stream().map(PledgeItemView::of).toList());
        }
    }

    /** source SUGGESTED: taken up from a resident's suggestion (群众点诺). */
    record PledgeItemView(int number, String text, ItemSource source, Fulfilment status, String evidence, LocalDate doneOn,
                          String updatedBy, LocalDateTime updatedAt) {

        static PledgeItemView of(PledgeSheet.Item i) {
            return new PledgeItemView(i.number(), i.text(), i.source(), i.status(), i.evidence(), i.doneOn(), i.updatedBy(),
                    i.updatedAt());
        }
    }

    /** A resident's suggestion: its text and day, and who in the office took it up or set it aside. */
    record PledgeSuggestionView(long id, String text, SuggestionStatus status, LocalDate submittedOn, String moderatedBy,
                                LocalDateTime moderatedAt) {

        static PledgeSuggestionView of(BoardView.Suggested s) {
            return new PledgeSuggestionView(s.id(), s.text(), s.status(), s.submittedOn(), s.moderatedBy(), s.moderatedAt());
        }
    }

    record PledgeCommentView(long id, String text, String writtenBy, LocalDateTime writtenAt) {

        static PledgeCommentView of(BoardView.Commented c) {
            return new PledgeCommentView(c.id(), c.text(), c.writtenBy(), c.writtenAt());
        }
    }

    /** satisfactionRate: (满意 + 基本满意) ÷ count, in percent with two decimals. */
    record PledgeRatings(long satisfied, long fairlySatisfied, long dissatisfied, long count, java.math.BigDecimal satisfactionRate) {
    }

    /**
     * One line of the figures: published 承诺书 and their items — fulfilled, not fulfilled, in progress and not begun, which
     * add up to the items — and the public's ratings (rates in percent).
     */
    record PledgeSummaryLine(Long organizationId, String label, long pledges, long items, long fulfilled, long notFulfilled,
                             long inProgress, long notBegun, java.math.BigDecimal fulfilmentRate, long satisfied, long fairlySatisfied, long dissatisfied, long ratings,
                             java.math.BigDecimal satisfactionRate) {

        static PledgeSummaryLine of(PledgeFigures.Line l) {
            return new PledgeSummaryLine(l.organizationId(), l.label(), l.pledges(), l.items(), l.fulfilled(), l.notFulfilled(),
                    l.inProgress(), l.notBegun(), l.fulfilmentRate(), l.satisfied(), l.fairly(), l.dissatisfied(), l.ratings(), l.satisfactionRate());
        }
    }

    /** units: the organisation's children, each with its subtree; organizations: each organisation counted; total: all. */
    record PledgeSummary(String organizationName, List<PledgeSummaryLine> units, List<PledgeSummaryLine> organizations,
                         PledgeSummaryLine total) {

        static PledgeSummary of(PledgeFigures.Summary s) {
            return new PledgeSummary(s.organizationName(), s.units().stream().map(PledgeSummaryLine::of).toList(),
                    s.organizations().stream().map(PledgeSummaryLine::of).toList(), PledgeSummaryLine.of(s.total()));
        }
    }
}
