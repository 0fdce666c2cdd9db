package cn.tierup.pledge;

import cn.tierup.shared.Satisfaction;
import cn.tierup.ballot.BallotRequest;
import cn.tierup.ballot.Ballots;
import cn.tierup.ballot.OpenedBallot;
import cn.tierup.ballot.Totals;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.grading.Authorities;
import cn.tierup.identity.Acting;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.pledge.internal.BoardRepository;
import cn.tierup.pledge.internal.CommentRepository;
import cn.tierup.pledge.internal.PledgeRepository;
import cn.tierup.pledge.internal.SuggestionRepository;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.Slugs;
import cn.tierup.shared.StaleRecordException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import cn.tierup.pledge.internal.PledgeQueries;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office side of 公开承诺: the organisation (or a superior on its behalf) writes its 承诺书 and its
 * members' pledges, moderates residents' suggestions, publishes once signed and records fulfilment;
 * its authority signs the organisation's 承诺书 and comments. Each change is audited.
 */
@Service
public class Pledges {

    private final BoardRepository boards;
    private final PledgeRepository pledges;
    private final SuggestionRepository suggestions;
    private final CommentRepository comments;
    private final CampaignService campaigns;
    private final Authorities authorities;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final PledgeQueries queries;
    private final cn.tierup.shared.Messages messages;
    private final Ballots ballots;
    private final PhaseWindows phaseWindows;

    Pledges(BoardRepository boards, PledgeRepository pledges, SuggestionRepository suggestions, CommentRepository comments,
            CampaignService campaigns, Authorities authorities, ScopeGuard guard,
            AuditRecorder audit, PledgeQueries queries, cn.tierup.shared.Messages messages, Ballots ballots,
            PhaseWindows phaseWindows) {
        this.ballots = ballots;
        this.phaseWindows = phaseWindows;
        this.boards = boards;
        this.pledges = pledges;
        this.suggestions = suggestions;
        this.comments = comments;
        this.campaigns = campaigns;
        this.authorities = authorities;
        this.guard = guard;
        this.audit = audit;
        this.queries = queries;
        this.messages = messages;
    }

    public record PledgeForm(String goal, List<String> items, boolean showName, Long version) {
    }

    @Transactional(readOnly = true)
    public BoardView get(long campaignId, long organizationId) {
        return view(campaignId, guard.acting(organizationId), authorities.mayActFor(organizationId));
    }

    /**
     * The board as {@code acting} may see it; {@code authority}: whether they act as the organisation's
     * authority. Both are resolved once by the use case that shows it.
     */
    private BoardView view(long campaignId, Acting acting, boolean authority) {
        acting.requireOr(Permission.CAMPAIGN_READ, authority);
        long organizationId = acting.organizationId();
        CampaignView c = takesPart(campaignId, organizationId);
        PledgeBoard b = boards.findByCampaignIdAndOrganizationId(campaignId, organizationId).orElse(null);
        List<Pledge> all = b == null ? List.of() : pledges.findByBoardIdOrderById(b.getId());
        Pledge own = all.stream().filter(Pledge::organisation).findFirst().orElse(null);
        List<Pledge> members = all.stream().filter(p -> !p.organisation()).toList();
        boolean canWrite = acting.may(Permission.PLEDGE_WRITE) && phaseWindows.gate(c, Phase.UPGRADE).open();
        Set<Long> pledged = members.stream().map(Pledge::getMemberId).collect(Collectors.toSet());
        List<BoardView.Member> roll = canWrite ? queries.partyMembers(organizationId).stream()
                .map(m -> new BoardView.Member(m.id(), m.name(), pledged.contains(m.id()))).toList()
                : List.of();
        return new BoardView(campaignId, c.year(), organizationId, acting.organizationName(), authorities.of(organizationId).name(),
                b == null ? null : b.getId(), b == null ? null : b.getSlug(), b != null && b.isSuggestionsOpen(),
                b == null ? null : b.getPublishedAt(), own == null ? null : PledgeSheet.of(own),
                members.stream().map(PledgeSheet::of).toList(),
                b == null || !canWrite ? List.of()
                        : suggestions.findByBoardIdOrderByIdDesc(b.getId()).stream().map(BoardView.Suggested::of).toList(),
                b == null ? List.of() : comments.findByBoardIdOrderByWrittenAtDesc(b.getId()).stream().map(BoardView.Commented::of).toList(),
                b == null ? Satisfaction.noRatings() : ratings(b.getId()), roll, canWrite, authority,
                b == null ? BoardView.RatingState.NOT_OPEN : b.ratingState(), b != null && b.ratingsOpen() ? ballots.turnout(b.getRatingSlug()) : 0,
                b == null ? null : b.getRatingsCountedAt(), b == null ? List.of() : memberRatings(b.getId(), members, true));
    }

    /** Each published member's pledge with its counted ratings (all zero before a count); the name as the viewer may see it. */
    List<MemberRating> memberRatings(long boardId, List<Pledge> members, boolean office) {
        Map<Long, long[]> counted = queries.memberRatings(boardId);
        List<MemberRating> out = new java.util.ArrayList<>();
        for (Pledge p : members) {
            if (p.getPublishedAt() == null) {
                continue;
            }
            long[] c = counted.getOrDefault(p.getId(), new long[3]);
            out.add(new MemberRating(p.getId(), office || p.isShowName() ? p.getPledgerName() : null, c[0], c[1], c[2]));
        }
        return out;
    }

    /** A rating just opened, with its closing key (计票密钥), shown this once and never stored. */
    public record OpenedRating(BoardView board, String closingKey) {
        @Override
        public String toString() {
            return "OpenedRating[board=" + board.boardId() + "]";
        }
    }

    /**
     * 群众满意度测评 opens once the pledges are public: a sealed ballot without codes, one rating per browser, its
     * closing key printed for the organisation. Nobody, the system included, sees a rating before the count.
     */
    @Transactional
    public OpenedRating openRatings(long campaignId, long organizationId) {
        Acting acting = guard.acting(organizationId);
        PledgeBoard b = writableBoard(campaignId, acting);
        b.requireRatingsCanOpen();
        // the organisation's pledges and each member's published one, rated together in one sealed ballot
        List<Long> memberPledges = pledges.findByBoardIdOrderById(b.getId()).stream()
                .filter(p -> !p.organisation() && p.getPublishedAt() != null).map(Pledge::getId).toList();
        OpenedBallot ballot = ballots.open(new BallotRequest(acting.organizationName() + " 公开承诺践诺群众满意度测评",
                LocalDate.now(), RatingSubjects.of(acting.organizationName(), memberPledges), RatingSubjects.choices(), 0));
        b.ratingsOpened(ballot.slug());
        boards.saveAndFlush(b);
        audit.record("PledgeBoard", b.getId(), organizationId, "RATING_OPEN", "开启群众满意度测评", null, null);
        return new OpenedRating(view(campaignId, acting, authorities.mayActFor(organizationId)), ballot.closingKey());
    }

    /**
     * Counts the running rating with its closing key: the ratings are opened in random order and their totals
     * added to the board's; the rating is then over for the year.
     */
    @Transactional
    public BoardView countRatings(long campaignId, long organizationId, String closingKey) {
        Acting acting = guard.acting(organizationId);
        PledgeBoard b = writableBoard(campaignId, acting);
        String slug = b.runningRating();
        List<Long> memberPledges = ballots.find(slug).map(x -> RatingSubjects.memberPledges(x.subjects())).orElse(List.of());
        Totals t = ballots.close(slug, closingKey);
        b.ratingsCounted(LocalDateTime.now());
        boards.saveAndFlush(b);
        queries.addTally(b.getId(), t.count(0, Satisfaction.SATISFIED.name()), t.count(0, Satisfaction.FAIRLY_SATISFIED.name()),
                t.count(0, Satisfaction.DISSATISFIED.name()));
        long membersRated = 0;
        for (int i = 0; i < memberPledges.size(); i++) {
            int subject = i + 1;
            long s = t.count(subject, Satisfaction.SATISFIED.name());
            long f = t.count(subject, Satisfaction.FAIRLY_SATISFIED.name());
            long d = t.count(subject, Satisfaction.DISSATISFIED.name());
            queries.addMemberTally(b.getId(), memberPledges.get(i), s, f, d);
            membersRated += s + f + d;
        }
        audit.record("PledgeBoard", b.getId(), organizationId, "RATING_COUNT", "群众满意度测评计票：满意 "
                + t.count(0, Satisfaction.SATISFIED.name()) + "，基本满意 " + t.count(0, Satisfaction.FAIRLY_SATISFIED.name())
                + "，不满意 " + t.count(0, Satisfaction.DISSATISFIED.name())
                + (memberPledges.isEmpty() ? "" : "；党员承诺 " + memberPledges.size() + " 份，共测评 " + membersRated + " 人次")
                + (t.unreadable() > 0 ? "，无法开启 " + t.unreadable() : ""),
                null, null);
        return view(campaignId, acting, authorities.mayActFor(organizationId));
    }

    /** Abandons the running rating uncounted (its key is lost), with the reason; a new one can be opened. */
    @Transactional
    public BoardView abandonRatings(long campaignId, long organizationId, String reason) {
        Acting acting = guard.acting(organizationId);
        PledgeBoard b = writableBoard(campaignId, acting);
        if (reason == null || reason.isBlank()) {
            throw new DomainException("rating.abandon.reason");
        }
        ballots.discard(b.runningRating());
        b.ratingsAbandoned();
        boards.saveAndFlush(b);
        audit.record("PledgeBoard", b.getId(), organizationId, "RATING_VOID", "作废群众满意度测评（未计票）："
                + cn.tierup.shared.BoundedText.REMARK.clip(reason), null, null);
        return view(campaignId, acting, authorities.mayActFor(organizationId));
    }

    /** Opens or closes 群众点诺 on the public page (the page itself is created on first use). */
    @Transactional
    public BoardView suggestions(long campaignId, long organizationId, boolean open) {
        Acting acting = guard.acting(organizationId);
        PledgeBoard b = writableBoard(campaignId, acting);
        b.suggestions(open);
        boards.saveAndFlush(b);
        audit.record("PledgeBoard", b.getId(), organizationId, "UPDATE", open ? "开启群众点诺" : "关闭群众点诺", null,
                Map.of("suggestionsOpen", open));
        return view(campaignId, acting, authorities.mayActFor(organizationId));
    }

    /** Saves (or hands in, with {@code submit}) the organisation's 承诺书. */
    @Transactional
    public BoardView saveOrganisationPledge(long campaignId, long organizationId, PledgeForm form, boolean submit) {
        Acting acting = guard.acting(organizationId);
        PledgeBoard b = writableBoard(campaignId, acting);
        Pledge p = organisationPledge(b).orElseGet(() -> new Pledge(b.getId(), null, null, LocalDateTime.now()));
        return write(acting, b, p, form, submit, "承诺书");
    }

    /** Saves (or hands in) one member's 党员公开承诺书. */
    @Transactional
    public BoardView saveMemberPledge(long campaignId, long organizationId, long memberId, PledgeForm form, boolean submit) {
        Acting acting = guard.acting(organizationId);
        PledgeBoard b = writableBoard(campaignId, acting);
        String memberName = queries.partyMemberName(memberId, organizationId)
                .orElseThrow(() -> new DomainException("pledge.member"));
        Pledge p = pledges.findByBoardIdOrderById(b.getId()).stream().filter(x -> Long.valueOf(memberId).equals(x.getMemberId()))
                .findFirst().orElseGet(() -> new Pledge(b.getId(), memberId, memberName, LocalDateTime.now()));
        return write(acting, b, p, form, submit, memberName + " 的党员公开承诺书");
    }

    private BoardView write(Acting acting, PledgeBoard b, Pledge p, PledgeForm form, boolean submit, String what) {
        if (p.getId() != null && (form.version() == null || form.version() != p.getVersion())) {
            throw new StaleRecordException();
        }
        Map<String, Object> before = p.getId() == null ? null : snapshot(p);
        LocalDateTime now = LocalDateTime.now();
        p.write(form.goal(), form.items() == null ? List.of() : form.items(), form.showName(), now);
        if (submit) {
            p.submit(Actors.current(), now);
        }
        pledges.saveAndFlush(p);
        audit.record("Pledge", p.getId(), b.getOrganizationId(), submit ? "SUBMIT" : before == null ? "CREATE" : "UPDATE",
                (submit ? "提交" : "保存") + what, before, snapshot(p));
        return view(b.getCampaignId(), acting, authorities.mayActFor(b.getOrganizationId()));
    }

    /** 签订: the organisation's by its authority, a member's by the branch. */
    @Transactional
    public BoardView sign(long pledgeId, long version) {
        Pledge p = pledges.findById(pledgeId).orElseThrow(() -> new NotFoundException("pledge", pledgeId));
        PledgeBoard b = boards.findById(p.getBoardId()).orElseThrow();
        Acting acting = guard.acting(b.getOrganizationId());
        boolean authority = authorities.mayActFor(b.getOrganizationId());
        acting.requireOr(Permission.CAMPAIGN_READ, authority);
        requireSigner(p, acting, authority);
        if (p.getVersion() != version) {
            throw new StaleRecordException();
        }
        Map<String, Object> before = snapshot(p);
        LocalDateTime now = LocalDateTime.now();
        p.sign(Actors.current(), now);
        if (b.published()) {
            p.publish(now);
        }
        pledges.saveAndFlush(p);
        audit.record("Pledge", p.getId(), b.getOrganizationId(), "SIGN", "签订" + (p.organisation() ? "党组织承诺书（目标责任书）"
                : p.getPledgerName() + " 的党员公开承诺书"), before, snapshot(p));
        return view(b.getCampaignId(), acting, authority);
    }

    @Transactional
    public BoardView returnForRevision(long pledgeId, String reason, long version) {
        Pledge p = pledges.findById(pledgeId).orElseThrow(() -> new NotFoundException("pledge", pledgeId));
        PledgeBoard b = boards.findById(p.getBoardId()).orElseThrow();
        Acting acting = guard.acting(b.getOrganizationId());
        boolean authority = authorities.mayActFor(b.getOrganizationId());
        acting.requireOr(Permission.CAMPAIGN_READ, authority);
        requireSigner(p, acting, authority);
        if (p.getVersion() != version) {
            throw new StaleRecordException();
        }
        Map<String, Object> before = snapshot(p);
        p.returnForRevision(reason, Actors.current(), LocalDateTime.now());
        pledges.saveAndFlush(p);
        audit.record("Pledge", p.getId(), b.getOrganizationId(), "RETURN", "退回承诺书：" + p.getReturnReason(), before, snapshot(p));
        return view(b.getCampaignId(), acting, authority);
    }

    /** Makes the signed 承诺书 and the members' signed pledges public on the organisation's page. */
    @Transactional
    public BoardView publish(long campaignId, long organizationId) {
        Acting acting = guard.acting(organizationId);
        PledgeBoard b = writableBoard(campaignId, acting);
        Pledge own = organisationPledge(b).orElseThrow(() -> new DomainException("pledge.notSigned"));
        LocalDateTime now = LocalDateTime.now();
        own.publish(now);
        int n = 1;
        for (Pledge p : pledges.findByBoardIdOrderById(b.getId())) {
            if (!p.organisation() && p.getStatus() == PledgeStatus.SIGNED) {
                p.publish(now);
                n++;
            }
        }
        b.published(now);
        boards.saveAndFlush(b);
        pledges.flush();
        audit.record("PledgeBoard", b.getId(), organizationId, "PUBLISH", "向社会公开承诺（" + n + " 份承诺书）", null, null);
        return view(campaignId, acting, authorities.mayActFor(organizationId));
    }

    /** 践诺 of one item. */
    @Transactional
    public BoardView fulfil(long pledgeId, int number, Fulfilment status, String evidence, LocalDate on) {
        Pledge p = pledges.findById(pledgeId).orElseThrow(() -> new NotFoundException("pledge", pledgeId));
        PledgeBoard b = boards.findById(p.getBoardId()).orElseThrow();
        Acting acting = writer(b);
        phaseWindows.require(campaigns.get(b.getCampaignId()), Phase.UPGRADE);
        Map<String, Object> before = p.getItems().stream().filter(x -> x.getNumber() == number).findFirst()
                .map(Pledges::fulfilment).orElse(null);
        PledgeItem i = p.fulfil(number, status, evidence, on, Actors.current(), LocalDateTime.now());
        pledges.saveAndFlush(p);
        audit.record("Pledge", p.getId(), b.getOrganizationId(), "FULFIL", "承诺事项第 " + number + " 项践诺情况："
                + messages.label(status), before, fulfilment(i));
        return view(b.getCampaignId(), acting, authorities.mayActFor(b.getOrganizationId()));
    }

    /** A suggestion taken up becomes an item of the organisation's draft 承诺书. */
    @Transactional
    public BoardView take(long suggestionId) {
        Suggestion s = suggestions.findById(suggestionId).orElseThrow(() -> new NotFoundException("suggestion", suggestionId));
        PledgeBoard b = boards.findById(s.getBoardId()).orElseThrow();
        Acting acting = writer(b);
        Pledge p = organisationPledge(b).orElseGet(() -> new Pledge(b.getId(), null, null, LocalDateTime.now()));
        LocalDateTime now = LocalDateTime.now();
        PledgeItem item = p.take(s.getText(), now);
        s.moderate(SuggestionStatus.TAKEN, Actors.current(), now);
        pledges.saveAndFlush(p);
        suggestions.saveAndFlush(s);
        audit.record("Suggestion", s.getId(), b.getOrganizationId(), "TAKE", "采纳群众点诺，列为承诺事项第 " + item.getNumber() + " 项",
                null, Map.of("text", s.getText()));
        return view(b.getCampaignId(), acting, authorities.mayActFor(b.getOrganizationId()));
    }

    @Transactional
    public BoardView reject(long suggestionId) {
        Suggestion s = suggestions.findById(suggestionId).orElseThrow(() -> new NotFoundException("suggestion", suggestionId));
        PledgeBoard b = boards.findById(s.getBoardId()).orElseThrow();
        Acting acting = writer(b);
        s.moderate(SuggestionStatus.REJECTED, Actors.current(), LocalDateTime.now());
        suggestions.saveAndFlush(s);
        audit.record("Suggestion", s.getId(), b.getOrganizationId(), "REJECT", "群众点诺未采纳", null, Map.of("text", s.getText()));
        return view(b.getCampaignId(), acting, authorities.mayActFor(b.getOrganizationId()));
    }

    /** 领导点评 on one organisation or several together; the commenter must act as each one's authority. */
    @Transactional
    public int comment(long campaignId, List<Long> organizationIds, String text) {
        if (organizationIds == null || organizationIds.isEmpty()) {
            throw new DomainException("comment.none");
        }
        for (Long id : organizationIds) {
            authorities.require(id);
            takesPart(campaignId, id);
        }
        LocalDateTime now = LocalDateTime.now();
        for (Long id : organizationIds) {
            PledgeBoard b = board(campaignId, id);
            Comment c = comments.save(new Comment(b.getId(), text, Actors.current(), guard.currentUser().organizationId(), now));
            audit.record("PledgeComment", c.getId(), id, "CREATE", "领导点评", null, Map.of("text", c.getText()));
        }
        return organizationIds.size();
    }

    // ---------------------------------------------------------------------------------------------------

    private static void requireSigner(Pledge p, Acting acting, boolean authority) {
        if (!p.organisation()) {
            acting.require(Permission.PLEDGE_WRITE);
        } else if (!authority) {
            throw new AccessDeniedException("not the grading authority");
        }
    }

    /** The organisation of a board resolved once for one who writes on it: may read it, then may write. */
    private Acting writer(PledgeBoard b) {
        Acting acting = guard.acting(b.getOrganizationId());
        if (!acting.may(Permission.CAMPAIGN_READ) && !authorities.mayActFor(b.getOrganizationId())) {
            throw new AccessDeniedException("out of scope");
        }
        acting.require(Permission.PLEDGE_WRITE);
        return acting;
    }

    private java.util.Optional<Pledge> organisationPledge(PledgeBoard b) {
        return b.getId() == null ? java.util.Optional.empty()
                : pledges.findByBoardIdOrderById(b.getId()).stream().filter(Pledge::organisation).findFirst();
    }

    private PledgeBoard writableBoard(long campaignId, Acting acting) {
        acting.require(Permission.PLEDGE_WRITE);
        phaseWindows.require(takesPart(campaignId, acting.organizationId()), Phase.UPGRADE);
        return board(campaignId, acting.organizationId());
    }

    private PledgeBoard board(long campaignId, long organizationId) {
        return boards.findByCampaignIdAndOrganizationId(campaignId, organizationId).orElseGet(() -> {
            PledgeBoard b = boards.saveAndFlush(new PledgeBoard(campaignId, organizationId, Slugs.generate(), LocalDateTime.now()));
            queries.openTally(b.getId());
            return b;
        });
    }

    private CampaignView takesPart(long campaignId, long organizationId) {
        CampaignView c = campaigns.get(campaignId);
        if (organizationId == c.rootOrganizationId() || !campaigns.takesPart(campaignId, organizationId)) {
            throw new DomainException("upgrade.notInCampaign");
        }
        return c;
    }

    Map<Satisfaction, Long> ratings(long boardId) {
        return queries.ratings(boardId);
    }

    private static Map<String, Object> fulfilment(PledgeItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", i.getText());
        m.put("status", i.getStatus().name());
        m.put("evidence", i.getEvidence());
        m.put("doneOn", i.getDoneOn() == null ? null : i.getDoneOn().toString());
        return m;
    }

    private static Map<String, Object> snapshot(Pledge p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", p.getStatus().name());
        m.put("goal", p.getGoal());
        List<String> items = new ArrayList<>();
        p.getItems().forEach(i -> items.add(i.getNumber() + ". " + i.getText()));
        m.put("items", items);
        return m;
    }
}
