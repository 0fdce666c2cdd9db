package cn.tierup.organization;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.internal.LeadershipRepository;
import cn.tierup.organization.internal.OrganizationRepository;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leadership (班子) and its adjustments (班子调整): appointing to a post and ending a term. A new 书记
 * (or other single post) ends the predecessor's term the day before; every term stays as history. The
 * organisation's 书记 shown everywhere follows the current holder.
 */
@Service
public class LeadershipService {

    private final LeadershipRepository posts;
    private final OrganizationRepository organizations;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final cn.tierup.organization.internal.OrganizationQueries queries;

    LeadershipService(LeadershipRepository posts, OrganizationRepository organizations, ScopeGuard guard, AuditRecorder audit,
                      cn.tierup.organization.internal.OrganizationQueries queries) {
        this.queries = queries;
        this.posts = posts;
        this.organizations = organizations;
        this.guard = guard;
        this.audit = audit;
    }

    /** Current terms first, then the history of adjustments. */
    @Transactional(readOnly = true)
    public List<LeadershipPost> of(long organizationId) {
        guard.require(Permission.ORG_READ, organizationId);
        return posts.findByOrganizationIdOrderByEndedOnAscStartedOnDesc(organizationId).stream()
                .sorted(java.util.Comparator.comparing((LeadershipPost p) -> !p.current())
                        .thenComparing(LeadershipPost::getPost).thenComparing(LeadershipPost::getStartedOn,
                                java.util.Comparator.reverseOrder()))
                .toList();
    }

    @Transactional
    public LeadershipPost appoint(long organizationId, String personName, Post post, LocalDate startedOn) {
        guard.require(Permission.ORG_WRITE, organizationId);
        Organization org = organizations.findById(organizationId).orElseThrow(() -> new NotFoundException("organization", organizationId));
        if (org.isRetired()) {
            throw new DomainException("org.retired", org.getName());
        }
        LocalDate today = LocalDate.now();
        LeadershipPost appointed = new LeadershipPost(organizationId, personName, post, startedOn, today);
        if (post != null && post.single()) {
            for (LeadershipPost p : posts.findByOrganizationIdOrderByEndedOnAscStartedOnDesc(organizationId)) {
                if (p.current() && p.getPost() == post) {
                    LocalDate end = startedOn.minusDays(1).isBefore(p.getStartedOn()) ? p.getStartedOn() : startedOn.minusDays(1);
                    p.end(end, "班子调整：由 " + appointed.getPersonName() + " 接任", today);
                    audit.record("LeadershipPost", p.getId(), organizationId, "END", "班子调整：" + p.getPersonName() + " 卸任",
                            null, snapshot(p));
                }
            }
        }
        posts.saveAndFlush(appointed);
        if (post == Post.SECRETARY) {
            org.changeSecretary(appointed.getPersonName());
        }
        audit.record("LeadershipPost", appointed.getId(), organizationId, "APPOINT",
                "班子调整：" + appointed.getPersonName() + " 任职", null, snapshot(appointed));
        return appointed;
    }

    @Transactional
    public LeadershipPost end(long postId, LocalDate on, String reason) {
        guard.scope(Permission.ORG_WRITE);
        LeadershipPost p = posts.findById(postId).orElseThrow(() -> new NotFoundException("leadership", postId));
        guard.require(Permission.ORG_WRITE, p.getOrganizationId());
        Map<String, Object> before = snapshot(p);
        p.end(on, reason, LocalDate.now());
        posts.saveAndFlush(p);
        if (p.getPost() == Post.SECRETARY) {
            organizations.findById(p.getOrganizationId()).ifPresent(o -> {
                if (p.getPersonName().equals(o.getSecretary())) {
                    o.changeSecretary(null);
                }
            });
        }
        audit.record("LeadershipPost", postId, p.getOrganizationId(), "END", "班子调整：" + p.getPersonName() + " 卸任", before, snapshot(p));
        return p;
    }

    /** An organisation whose 书记 post stands empty: the last holder and the day their term ended. */
    public record VacantSecretary(long organizationId, String name, String lastHolder, LocalDate endedOn) {
    }

    /**
     * The organisations on or under one (not retired) whose 书记 post stands empty: a term of it was recorded, the last
     * one has ended and nobody holds it now. One statement over the subtree; an organisation that never recorded its
     * leadership is not named (nothing says the post was ever filled).
     */
    @Transactional(readOnly = true)
    public List<VacantSecretary> vacantSecretaries(long organizationId) {
        String path = guard.require(Permission.ORG_READ, organizationId).path();
        return queries.vacantSecretaries(path);
    }

    private static Map<String, Object> snapshot(LeadershipPost p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personName", p.getPersonName());
        m.put("post", p.getPost());
        m.put("startedOn", p.getStartedOn());
        m.put("endedOn", p.getEndedOn());
        m.put("endReason", p.getEndReason());
        return m;
    }
}
