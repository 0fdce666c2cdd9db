package cn.tierup.acceptance;

import cn.tierup.acceptance.Commendation.Honoured;
import cn.tierup.acceptance.Commendation.Particulars;
import cn.tierup.acceptance.CommendationPolicy.Facts;
import cn.tierup.acceptance.CommendationPolicy.Person;
import cn.tierup.acceptance.CommendationPolicy.Place;
import cn.tierup.acceptance.internal.CommendationQueries;
import cn.tierup.acceptance.internal.CommendationQueries.Row;
import cn.tierup.acceptance.internal.CommendationRepository;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.ChineseOrder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 表彰 recorded by a superior, any day of the year (no phase gate): who it honoured, corrected or withdrawn with
 * confirmation, each change audited. A superior is an organisation the user may decide grades for (its subtree); the
 * rules of who may be honoured are {@link CommendationPolicy}'s.
 */
@Service
public class Commendations {

    private final CommendationRepository commendations;
    private final CommendationQueries queries;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final AuditRecorder audit;

    Commendations(CommendationRepository commendations, CommendationQueries queries, CampaignService campaigns,
                  ScopeGuard guard, AuditRecorder audit) {
        this.commendations = commendations;
        this.queries = queries;
        this.campaigns = campaigns;
        this.guard = guard;
        this.audit = audit;
    }

    /** What is typed: the honour's kind, the organisation (for an organisation's honour) or the person, and particulars. */
    public record CommendationForm(CommendationKind kind, Long organizationId, Long memberId, CommendationLevel level,
                                   LocalDate awardedOn, String documentNumber, String citation) {
    }

    /** One commendation as lists, pages and the API show it. */
    public record CommendationView(long id, long campaignId, int year, long awardedBy, String awardedByName,
                                   CommendationKind kind, long organizationId, String organizationName, Long memberId,
                                   String memberName, CommendationLevel level, LocalDate awardedOn, String documentNumber,
                                   String citation, boolean withdrawn, String withdrawnReason, long version) {

        static CommendationView of(Row r) {
            return new CommendationView(r.id(), r.campaignId(), r.year(), r.awardedBy(), r.awardedByName(), r.kind(),
                    r.organizationId(), r.organizationName(), r.memberId(), r.memberName(), r.level(), r.awardedOn(),
                    r.documentNumber(), r.citation(), r.withdrawn(), r.withdrawnReason(), r.version());
        }

        /** Who was honoured, as a reader names them. */
        public String honouredName() {
            return memberName != null ? memberName : organizationName;
        }
    }

    /** Lines in the order a list reads: by date, kind, then the honoured's name in pinyin. */
    static final Comparator<CommendationView> ORDER = Comparator.comparing(CommendationView::awardedOn)
            .thenComparing(CommendationView::kind).thenComparing(ChineseOrder.by(CommendationView::honouredName))
            .thenComparing(CommendationView::id);

    /** What the superior honoured in the campaign, of one kind or all; readable by those who read the campaign there. */
    @Transactional(readOnly = true)
    public List<CommendationView> awardedBy(long campaignId, long awarderId, CommendationKind kind, boolean withWithdrawn) {
        guard.require(Permission.CAMPAIGN_READ, awarderId);
        campaigns.get(campaignId);
        return queries.awardedBy(campaignId, awarderId, kind, withWithdrawn).stream().map(CommendationView::of)
                .sorted(ORDER).toList();
    }

    @Transactional(readOnly = true)
    public CommendationView get(long id) {
        CommendationView v = queries.one(id).map(CommendationView::of)
                .orElseThrow(() -> new NotFoundException("commendation", id));
        guard.require(Permission.CAMPAIGN_READ, v.awardedBy());
        return v;
    }

    /** May the user record commendations for this superior? */
    public boolean canAward(long awarderId) {
        return guard.can(Permission.GRADING_DECIDE, awarderId);
    }

    @Transactional
    public CommendationView record(long campaignId, long awarderId, CommendationForm form) {
        Place awarder = awarder(awarderId);
        CampaignView c = campaigns.get(campaignId);
        if (!campaigns.takesPart(campaignId, awarderId)) {
            throw new DomainException("acceptance.commendation.notInCampaign", awarder.name(), c.name());
        }
        Honoured honoured = check(c, awarder, form);
        Commendation k = new Commendation(campaignId, awarderId, honoured, particulars(form), Actors.current(),
                LocalDateTime.now());
        commendations.saveAndFlush(k);
        audit.record("Commendation", k.getId(), awarderId, "CREATE", summary("表彰", awarder, k, form), null, k.snapshot());
        return get(k.getId());
    }

    @Transactional
    public CommendationView correct(long id, CommendationForm form, Long version) {
        Commendation k = commendations.findById(id).orElseThrow(() -> new NotFoundException("commendation", id));
        Place awarder = awarder(k.getAwardedBy());
        var before = k.snapshot();
        Honoured honoured = check(campaigns.get(k.getCampaignId()), awarder, form);
        k.correct(honoured, particulars(form), version == null ? -1 : version, Actors.current(), LocalDateTime.now());
        commendations.saveAndFlush(k);
        audit.record("Commendation", id, k.getAwardedBy(), "UPDATE", summary("更正表彰", awarder, k, form), before, k.snapshot());
        return get(id);
    }

    @Transactional
    public CommendationView withdraw(long id, String reason, Long version) {
        Commendation k = commendations.findById(id).orElseThrow(() -> new NotFoundException("commendation", id));
        Place awarder = awarder(k.getAwardedBy());
        var before = k.snapshot();
        k.withdraw(reason, version == null ? -1 : version, Actors.current(), LocalDateTime.now());
        commendations.saveAndFlush(k);
        audit.record("Commendation", id, k.getAwardedBy(), "WITHDRAW", "撤销表彰：" + awarder.name() + " 对 "
                + queries.one(id).map(Row::honouredName).orElse("") + " 的表彰（" + k.getDocumentNumber() + "）", before,
                k.snapshot());
        return get(id);
    }

    /** The honours standing for an organisation or a person on its roll (for its page; the page has checked access). */
    @Transactional(readOnly = true)
    public List<CommendationView> ofOrganization(long organizationId) {
        return queries.ofOrganization(organizationId).stream().map(CommendationView::of).toList();
    }

    /** The honours standing for a person (for their record; the page has checked access). */
    @Transactional(readOnly = true)
    public List<CommendationView> ofMember(long memberId) {
        return queries.ofMember(memberId).stream().map(CommendationView::of).toList();
    }

    /** An organisation the superior may pick: itself (for a person on its own roll) and those under it. */
    public record Candidate(long id, String name, boolean branch, boolean awarder) {
    }

    @Transactional(readOnly = true)
    public List<Candidate> candidates(long awarderId) {
        Place awarder = awarder(awarderId);
        return queries.subtree(awarder.path()).stream()
                .map(p -> new Candidate(p.id(), p.name(), p.branch(), p.id() == awarder.id())).toList();
    }

    /**
     * The person a page names by their name on a roll of the superior's subtree: refused when nobody or more than one
     * person of that name is on that roll (the API takes the person's id instead).
     */
    @Transactional(readOnly = true)
    public Long personNamed(long awarderId, Long organizationId, String name) {
        Place awarder = awarder(awarderId);
        if (organizationId == null) {
            throw new DomainException("acceptance.commendation.rollOrganization");
        }
        if (name == null || name.isBlank()) {
            throw new DomainException("acceptance.commendation.member");
        }
        Place roll = queries.place(organizationId).filter(p -> p.path().startsWith(awarder.path()))
                .orElseThrow(() -> new DomainException("acceptance.commendation.notOnRoll", awarder.name()));
        List<Long> found = queries.onRollNamed(roll.id(), name.strip());
        if (found.isEmpty()) {
            throw new DomainException("acceptance.commendation.nobodyNamed", name.strip(), roll.name());
        }
        if (found.size() > 1) {
            throw new DomainException("acceptance.commendation.severalNamed", name.strip(), roll.name());
        }
        return found.get(0);
    }

    private Place awarder(long awarderId) {
        OrgRef ref = guard.require(Permission.GRADING_DECIDE, awarderId);
        return queries.place(ref.id()).orElseThrow(() -> new NotFoundException("organization", awarderId));
    }

    /** Asks the policy with the facts of the organisation or person named in the form; answers who is honoured. */
    private Honoured check(CampaignView c, Place awarder, CommendationForm form) {
        CommendationKind kind = form.kind();
        Place org = null;
        CommendationPolicy.LatestGrade grade = null;
        Person person = null;
        if (kind != null && !kind.honoursPerson() && form.organizationId() != null) {
            org = queries.place(form.organizationId()).orElse(null);
            grade = org == null ? null : queries.latestGrade(c.id(), org.id()).orElse(null);
        }
        if (kind != null && kind.honoursPerson() && form.memberId() != null) {
            person = queries.person(form.memberId()).orElse(null);
            if (person == null) {
                throw new DomainException("acceptance.commendation.notOnRoll", awarder.name());
            }
        }
        CommendationPolicy.decide(new Facts(kind, awarder, org, grade, person, form.awardedOn(), c.year(), LocalDate.now()))
                .orThrow();
        return kind.honoursPerson()
                ? new Honoured(kind, person.roll().id(), form.memberId(), person.name())
                : new Honoured(kind, org.id(), null, null);
    }

    private static Particulars particulars(CommendationForm form) {
        return new Particulars(form.level(), form.awardedOn(), form.documentNumber(), form.citation());
    }

    private String summary(String what, Place awarder, Commendation k, CommendationForm form) {
        String honoured = k.getMemberName() != null ? k.getMemberName()
                : queries.place(k.getOrganizationId()).map(Place::name).orElse("");
        return what + "：" + awarder.name() + " 表彰 " + honoured + "（" + k.getDocumentNumber() + "）";
    }
}
