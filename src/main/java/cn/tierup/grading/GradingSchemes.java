package cn.tierup.grading;

import cn.tierup.grading.internal.SchemeRepository;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.StaleRecordException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The grading standards: read them, copy one to adapt it, change a copy, and score a sheet against one. */
@Service
public class GradingSchemes {

    private final SchemeRepository schemes;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final cn.tierup.grading.internal.GradingQueries queries;
    private final List<SchemeUsers> users;

    GradingSchemes(SchemeRepository schemes, ScopeGuard guard, AuditRecorder audit,
                   cn.tierup.grading.internal.GradingQueries queries, List<SchemeUsers> users) {
        this.users = users;
        this.schemes = schemes;
        this.guard = guard;
        this.audit = audit;
        this.queries = queries;
    }

    /** A standard chosen by a campaign or already graded against is frozen; adapt a copy instead. */
    @Transactional(readOnly = true)
    public boolean inUse(long id) {
        return queries.schemeInUse(id) || users.stream().anyMatch(u -> u.gradedAgainst(id));
    }

    @Transactional(readOnly = true)
    public List<GradingScheme> list() {
        guard.scope(Permission.CAMPAIGN_READ);
        return schemes.findAll().stream()
                .filter(s -> s.shipped() || guard.can(Permission.CAMPAIGN_READ, s.getOwnerOrganizationId()))
                .sorted(Comparator.comparing(GradingScheme::shipped).reversed().thenComparing(GradingScheme::getId))
                .toList();
    }

    @Transactional(readOnly = true)
    public GradingScheme get(long id) {
        guard.scope(Permission.CAMPAIGN_READ);
        GradingScheme s = schemes.findById(id).orElseThrow(() -> new NotFoundException("scheme", id));
        if (!s.shipped()) {
            guard.require(Permission.CAMPAIGN_READ, s.getOwnerOrganizationId());
        }
        return s;
    }

    @Transactional
    public GradingScheme copy(long id) {
        long org = guard.currentUser().organizationId();
        guard.require(Permission.CAMPAIGN_MANAGE, org);
        GradingScheme from = get(id);
        GradingScheme copy = from.copyFor(org, "COPY-" + UUID.randomUUID().toString().substring(0, 8));
        schemes.saveAndFlush(copy);
        audit.record("GradingScheme", copy.getId(), org, "COPY", "复制分类定级标准 " + from.getName(), null,
                Map.of("name", copy.getName()));
        return copy;
    }

    /** Changes a copied scheme (the shipped ones stay as the notice has them). */
    @Transactional
    public GradingScheme revise(long id, String name, String description, String standardText, long version) {
        return revise(id, name, description, () -> StandardText.parse(standardText), version, Echo.NONE);
    }

    /**
     * Changes a copied scheme to a standard given as a structure, as {@link #get} returns it, or as text (read once the
     * scheme may be changed, so a standard against the rules is refused only then); {@code echo} holds the
     * fields of the scheme that a client sent back unchanged from {@link #get} (each null where not sent): a
     * different one is refused, since this change cannot make it so.
     */
    @Transactional
    public GradingScheme revise(long id, String name, String description, Supplier<Standard> standard, long version, Echo echo) {
        guard.require(Permission.CAMPAIGN_MANAGE, guard.currentUser().organizationId());
        GradingScheme s = get(id);
        if (s.shipped()) {
            throw new DomainException("scheme.shipped");
        }
        guard.require(Permission.CAMPAIGN_MANAGE, s.getOwnerOrganizationId());
        if (inUse(id)) {
            throw new DomainException("scheme.inUse");
        }
        if (s.getVersion() != version) {
            throw new StaleRecordException();
        }
        echo.check(s);
        Map<String, Object> before = Map.of("name", s.getName(), "standard", StandardText.format(s.getStandard()));
        // read only now: who may change which scheme is answered before what is wrong with the standard sent
        s.revise(name, description, standard.get());
        schemes.saveAndFlush(s);
        audit.record("GradingScheme", id, s.getOwnerOrganizationId(), "UPDATE", "修改分类定级标准 " + s.getName(), before,
                Map.of("name", s.getName(), "standard", StandardText.format(s.getStandard())));
        return s;
    }

    /** Scores a 自查评分表 against a scheme, without storing anything (the preview a leadership sees while filling it). */
    @Transactional(readOnly = true)
    public Standard.Evaluation evaluate(long id, Map<String, Integer> scores, Set<Integer> vetoes) {
        return get(id).getStandard().evaluate(scores, vetoes);
    }

    /** The read-only fields of a scheme as a client sent them back (null: not sent). */
    public record Echo(Long id, String code, String field, Long ownerOrganizationId, Long copiedFromId) {

        static final Echo NONE = new Echo(null, null, null, null, null);

        void check(GradingScheme s) {
            differs("id", id, s.getId());
            differs("code", code, s.getCode());
            differs("field", field, s.getField());
            differs("ownerOrganizationId", ownerOrganizationId, s.getOwnerOrganizationId());
            differs("copiedFromId", copiedFromId, s.getCopiedFromId());
        }

        private static void differs(String name, Object sent, Object own) {
            if (sent != null && !sent.equals(own)) {
                throw new DomainException("scheme.readOnly", name, String.valueOf(own));
            }
        }
    }
}
