package cn.tierup.upgrade;

import cn.tierup.grading.Authorities;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.upgrade.internal.AssistanceRepository;
import cn.tierup.upgrade.internal.DecidedGrades;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 帮扶 arranged for an organisation, and the helpers' visits. */
@Service
public class Assistances {

    private final AssistanceRepository assistances;
    private final Authorities authorities;
    private final Participation participation;
    private final OrganizationDirectory directory;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final DecidedGrades decidedGrades;

    Assistances(AssistanceRepository assistances, Authorities authorities, Participation participation,
                OrganizationDirectory directory, ScopeGuard guard, AuditRecorder audit, DecidedGrades decidedGrades) {
        this.assistances = assistances;
        this.authorities = authorities;
        this.participation = participation;
        this.directory = directory;
        this.guard = guard;
        this.audit = audit;
        this.decidedGrades = decidedGrades;
    }

    public record AssistanceForm(AssistanceKind kind, Long helperOrganizationId, String helperName, String helperPost,
                                 LocalDate startedOn, String note) {
    }

    public record VisitForm(LocalDate visitedOn, String visitor, String what) {
    }

    /** One arrangement as shown: the helper's organisation named. */
    public record AssistanceView(Assistance assistance, String helperOrganizationName) {
    }

    @Transactional(readOnly = true)
    public List<AssistanceView> of(long campaignId, long organizationId) {
        if (!authorities.mayRead(organizationId)) {
            throw new AccessDeniedException("out of scope");
        }
        participation.require(campaignId, organizationId);
        return assistances.findByCampaignIdAndOrganizationIdOrderById(campaignId, organizationId).stream()
                .map(a -> new AssistanceView(a, a.getHelperOrganizationId() == null ? null
                        : directory.find(a.getHelperOrganizationId()).map(OrganizationDirectory.OrgRef::name).orElse("")))
                .toList();
    }

    /**
     * Who can be paired with a weak organisation: those graded 先进 this year, and the organisations one
     * level under the campaign's root (towns, departments' committees) — all within the campaign.
     */
    public record Candidate(long id, String name) {
    }

    @Transactional(readOnly = true)
    public List<Candidate> candidates(long campaignId, long organizationId) {
        guard.require(Permission.UPGRADE_WRITE, organizationId);
        var c = participation.require(campaignId, organizationId);
        return decidedGrades.pairingCandidates(campaignId, c.rootOrganizationId(), organizationId).stream()
                .map(h -> new Candidate(h.id(), h.name())).toList();
    }

    public boolean canWrite(long organizationId) {
        return guard.can(Permission.UPGRADE_WRITE, organizationId);
    }

    @Transactional
    public Assistance arrange(long campaignId, long organizationId, AssistanceForm form) {
        guard.require(Permission.UPGRADE_WRITE, organizationId);
        participation.requireOpen(campaignId, organizationId);
        Assistance a = new Assistance(campaignId, organizationId, form.kind(), form.helperOrganizationId(), form.helperName(),
                form.helperPost(), form.startedOn(), form.note(), Actors.current(), LocalDateTime.now());
        if (a.getKind() == AssistanceKind.PAIRING
                && candidates(campaignId, organizationId).stream().noneMatch(c -> c.id() == a.getHelperOrganizationId())) {
            throw new DomainException("assist.helperNotCandidate");
        }
        assistances.saveAndFlush(a);
        audit.record("Assistance", a.getId(), organizationId, "CREATE", "安排帮扶：" + describe(a), null,
                Map.of("kind", a.getKind().name(), "startedOn", String.valueOf(a.getStartedOn())));
        return a;
    }

    @Transactional
    public Assistance visit(long assistanceId, VisitForm form) {
        Assistance a = assistances.findById(assistanceId).orElseThrow(() -> new NotFoundException("assistance", assistanceId));
        guard.require(Permission.UPGRADE_WRITE, a.getOrganizationId());
        participation.requireOpen(a.getCampaignId(), a.getOrganizationId());
        AssistanceVisit v = a.recordVisit(form.visitedOn(), form.visitor(), form.what(), Actors.current(), LocalDateTime.now());
        assistances.saveAndFlush(a);
        audit.record("Assistance", assistanceId, a.getOrganizationId(), "VISIT", "记录帮扶走访（" + v.getVisitedOn() + "，"
                + v.getVisitor() + "）", null, Map.of("what", v.getWhat()));
        return a;
    }

    private String describe(Assistance a) {
        return switch (a.getKind()) {
            case PAIRING -> "城乡结对帮扶 " + directory.find(a.getHelperOrganizationId()).map(OrganizationDirectory.OrgRef::name).orElse("");
            case LEADER_CONTACT -> "领导定点联系 " + a.getHelperName();
            case STATIONED_CADRE -> "干部驻点帮扶 " + a.getHelperName();
        };
    }
}
