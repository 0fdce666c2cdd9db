package cn.tierup.organization;

import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.OrgScope;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.internal.OrganizationQueries;
import cn.tierup.organization.internal.OrganizationRepository;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.FigureKeeping;
import cn.tierup.shared.KeptFigures;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.PageResult;
import cn.tierup.shared.StaleRecordException;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import cn.tierup.identity.AccountService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases on the organisation tree: each one transaction, authorised by the guard, audited. */
@Service
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final OrganizationQueries queries;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final AccountService accountService;
    private final EntityManager em;
    /**
     * Members of a subtree, by its path: over a province's 2,000,000 members a count takes seconds, and every page
     * showing a high organisation (its home, its tree, its detail) asked for it; kept when slow (shared/KeptFigures).
     */
    private final KeptFigures<String, Long> subtreeMembers;
    /**
     * The members of each child's subtree, by parent and the children with organisations under them (a child moved in
     * is counted at once, not shown with its own roll only): the tree's first level under a province counts every roll.
     */
    private final KeptFigures<String, Map<Long, Long>> childrenMembers;
    /** The members of the subtrees of a search page's lines, by the lines (ids and paths) with organisations under them. */
    private final KeptFigures<String, Map<Long, Long>> lineMembers;
    /** A subtree's organisations by kind and field and its roll by category, by path (the home page's figures). */
    private final KeptFigures<String, TreeSummary> summaries;

    OrganizationService(OrganizationRepository organizations, OrganizationQueries queries, ScopeGuard guard,
                        AuditRecorder audit, AccountService accountService, EntityManager em, FigureKeeping keeping) {
        this.subtreeMembers = keeping.keeper("the members of a subtree");
        this.childrenMembers = keeping.keeper("the members of each child's subtree");
        this.summaries = keeping.keeper("a subtree's summary");
        this.lineMembers = keeping.keeper("the members of a search page's subtrees");
        this.organizations = organizations;
        this.queries = queries;
        this.guard = guard;
        this.audit = audit;
        this.accountService = accountService;
        this.em = em;
    }

    /**
     * How many active organisations one's subtree holds, itself included: how wide the pages of a user of it reach.
     * Not scoped (a number only), for the signed-in user's own organisation.
     */
    @Transactional(readOnly = true)
    public long subtreeSize(long id) {
        return queries.subtreeSize(id);
    }

    @Transactional(readOnly = true)
    public OrganizationView get(long id) {
        return getCounted(id).value();
    }

    /**
     * One organisation with the members of its whole subtree counted once, and when they were counted: kept when
     * counting is slow (a province's 2,000,000), so its page says as of when.
     */
    @Transactional(readOnly = true)
    public KeptFigures.Kept<OrganizationView> getCounted(long id) {
        guard.require(Permission.ORG_READ, id);
        Organization o = load(id);
        return subtreeMembersAt(o.getPath()).map(members -> view(o, members));
    }

    /** The user's own organisation: where their tree starts. */
    @Transactional(readOnly = true)
    public OrganizationView home() {
        return get(guard.currentUser().organizationId());
    }

    /** Figures of the user's subtree (or of one organisation's subtree inside it). */
    @Transactional(readOnly = true)
    public TreeSummary summary(Long under) {
        return summaryCounted(under).value();
    }

    /** The same, and when it was counted: kept when counting is slow (a province's rolls), so the page says as of when. */
    @Transactional(readOnly = true)
    public KeptFigures.Kept<TreeSummary> summaryCounted(Long under) {
        OrgScope scope = guard.scope(Permission.ORG_READ);
        long id = under == null ? scope.rootId() : under;
        var ref = guard.require(Permission.ORG_READ, id);
        return summaries.get(ref.path(), () -> queries.summary(ref.name(), ref.path()));
    }

    @Transactional(readOnly = true)
    public List<OrganizationRow> children(long id, boolean includeRetired) {
        return childrenCounted(id, includeRetired).value();
    }

    /**
     * The children with the members of their subtrees, and when those were counted: kept when counting is slow (the
     * province's cities), so the page says as of when.
     */
    @Transactional(readOnly = true)
    public KeptFigures.Kept<List<OrganizationRow>> childrenCounted(long id, boolean includeRetired) {
        guard.require(Permission.ORG_READ, id);
        List<OrganizationRow> rows = queries.children(id, includeRetired, false);
        // counted over every child with organisations under it (retired ones too), so one kept count serves both lists
        String key = id + ":" + rows.stream().filter(r -> r.childCount() > 0).map(r -> Long.toString(r.id())).sorted()
                .collect(Collectors.joining(","));
        return childrenMembers.get(key, () -> queries.childSubtreeMemberCounts(id))
                .map(counts -> rows.stream().map(r -> r.withSubtreeMemberCount(counts.getOrDefault(r.id(), r.memberCount())))
                        .toList());
    }

    private KeptFigures.Kept<Long> subtreeMembersAt(String path) {
        return subtreeMembers.get(path, () -> queries.subtreeMemberCount(path));
    }

    /**
     * The active children by name, for lists and choices (units, progress by child): without counting the members
     * of their subtrees, which for a province's cities reads every roll of the province.
     */
    @Transactional(readOnly = true)
    public List<OrganizationRow> childList(long id) {
        guard.require(Permission.ORG_READ, id);
        return queries.children(id, false, false);
    }

    @Transactional(readOnly = true)
    public PageResult<OrganizationRow> search(OrganizationCriteria c) {
        return searchCounted(c).value();
    }

    /**
     * The same, and when the members of its lines' subtrees were counted: kept when slow (the province's first lines
     * are the province and its cities), per set of lines with organisations under them.
     */
    @Transactional(readOnly = true)
    public KeptFigures.Kept<PageResult<OrganizationRow>> searchCounted(OrganizationCriteria c) {
        OrgScope scope = guard.scope(Permission.ORG_READ);
        String prefix = scope.path();
        if (c.under() != null) {
            prefix = guard.require(Permission.ORG_READ, c.under()).path();
        }
        List<KeptFigures.Kept<Map<Long, Long>>> counted = new ArrayList<>(1);
        PageResult<OrganizationRow> page = queries.subtree(prefix, c.q(), c.field(), c.kind(), c.includeRetired(),
                PageResult.clampPage(c.page()), PageResult.clampSize(c.size()), parents -> {
                    // by the lines' ids and paths: a line moved since is counted again
                    String key = parents.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue()).sorted()
                            .collect(Collectors.joining(","));
                    KeptFigures.Kept<Map<Long, Long>> k = lineMembers.get(key, () -> queries.subtreeMemberCounts(parents));
                    counted.add(k);
                    return k.value();
                });
        return counted.get(0).map(counts -> page);
    }

    @Transactional(readOnly = true)
    public List<Crumb> trail(long id) {
        guard.require(Permission.ORG_READ, id);
        return queries.trail(load(id).getPath(), guard.currentUser().organizationId());
    }

    @Transactional
    public OrganizationView create(long parentId, OrganizationDetails details, Long gradingAuthorityId) {
        guard.require(Permission.ORG_WRITE, parentId);
        Organization parent = load(parentId);
        Organization o = Organization.childOf(parent, details);
        em.persist(o);
        o.placeUnder(parent);
        if (gradingAuthorityId != null && !gradingAuthorityId.equals(parentId)) {
            // asked of the new organisation: its row must be in the database for the guard to find
            em.flush();
            assignAuthority(o, gradingAuthorityId);
        }
        em.flush();
        audit.record("Organization", o.getId(), o.getId(), "CREATE", "新增党组织 " + o.getName(), null, snapshot(o));
        return view(o);
    }

    /** One organisation of an imported file: under an organisation already in the tree, or under a row above it. */
    record NewInFile(OrganizationDetails details, Long parentId, String parentName, Long gradingAuthorityId) {
    }

    /** Organisations written per flush of an import: the persistence context is emptied after each. */
    private static final int IMPORT_FLUSH = 500;

    /**
     * The organisations of an imported file, in its order, by the same rules as {@link #create} (the aggregate's, the
     * scope of each parent already in the tree, the grading authority's), with the same audit entry each. Written in
     * JDBC batches: the persistence context is flushed and emptied every {@value #IMPORT_FLUSH} rows, where one
     * {@code create} per row flushed a context that only grew (5,000 rows took 80 s). Returns how many were written;
     * {@code written} follows them.
     */
    @Transactional
    int createAll(List<NewInFile> rows, java.util.function.IntConsumer written) {
        // ids only: the parents are read through the persistence context (from memory while their batch is pending,
        // else once per batch), so a province's thousands of 党委 and 总支 are not held as entities
        java.util.Set<Long> checkedInTree = new java.util.HashSet<>();
        Map<String, Long> inFile = new java.util.HashMap<>();
        List<Organization> unaudited = new ArrayList<>(IMPORT_FLUSH);
        int n = 0;
        for (NewInFile row : rows) {
            Long parentId = row.parentId() != null ? row.parentId() : inFile.get(row.parentName());
            if (parentId == null) {
                throw new DomainException("import.row.parentNotFound", row.parentName());
            }
            if (row.parentId() != null && checkedInTree.add(parentId)) {
                guard.require(Permission.ORG_WRITE, parentId);
            }
            Organization parent = load(parentId);
            Organization o = Organization.childOf(parent, row.details());
            em.persist(o);
            o.placeUnder(parent);
            if (row.gradingAuthorityId() != null && !row.gradingAuthorityId().equals(parentId)) {
                // asked of the new organisation as a form's is: its row must be in the database for the guard to find
                em.flush();
                assignAuthority(o, row.gradingAuthorityId());
            }
            if (o.getKind().mayHaveChildren()) {
                inFile.put(o.getName(), o.getId());
            }
            unaudited.add(o);
            if (unaudited.size() == IMPORT_FLUSH) {
                auditCreated(unaudited);
            }
            written.accept(++n);
        }
        auditCreated(unaudited);
        return n;
    }

    /** Writes the organisations created so far, records each in the audit trail (one batch), empties the context. */
    private void auditCreated(List<Organization> created) {
        em.flush();
        audit.recordAll(created.stream().map(o -> new AuditRecorder.Entry("Organization", o.getId(), o.getId(), o.getPath(),
                "CREATE", "新增党组织 " + o.getName(), null, snapshot(o))).toList());
        created.clear();
        em.clear();
    }

    @Transactional
    public OrganizationView update(long id, OrganizationDetails details, long version) {
        guard.require(Permission.ORG_WRITE, id);
        Organization o = load(id);
        checkVersion(o.getVersion(), version);
        if (o.isRetired()) {
            throw new DomainException("org.retired", o.getName());
        }
        Map<String, Object> before = snapshot(o);
        String oldKey = o.getSortKey();
        o.update(details, queries.activeChildCount(id));
        em.flush();
        if (oldKey != null && !oldKey.equals(o.getSortKey())) {
            queries.rekeyDescendants(id, o.getPath(), oldKey, o.getSortKey());
        }
        audit.record("Organization", id, id, "UPDATE", "修改党组织 " + o.getName(), before, snapshot(o));
        return view(o);
    }

    /** Sets the grading authority (评定组织); null restores the default, the parent. */
    @Transactional
    public OrganizationView changeGradingAuthority(long id, Long authorityId, long version) {
        guard.require(Permission.ORG_AUTHORITY, id);
        Organization o = load(id);
        checkVersion(o.getVersion(), version);
        Map<String, Object> before = snapshot(o);
        if (authorityId == null) {
            o.assignGradingAuthority(null);
        } else {
            assignAuthority(o, authorityId);
        }
        em.flush();
        audit.record("Organization", id, id, "CHANGE_AUTHORITY", "调整评定组织 " + o.getName(), before, snapshot(o));
        return view(o);
    }

    private void assignAuthority(Organization o, long authorityId) {
        guard.require(Permission.ORG_AUTHORITY, o.getId());
        guard.require(Permission.ORG_READ, authorityId);
        o.assignGradingAuthority(load(authorityId));
    }

    /** Moves an organisation with its whole subtree under a new parent (one path rewrite). */
    @Transactional
    public OrganizationView move(long id, long newParentId, long version) {
        guard.requireBelow(Permission.ORG_MOVE, id);
        guard.require(Permission.ORG_WRITE, newParentId);
        Organization o = load(id);
        checkVersion(o.getVersion(), version);
        Organization newParent = load(newParentId);
        Map<String, Object> before = snapshot(o);
        int oldDepth = o.getDepth();
        String oldKey = o.getSortKey();
        String oldPath = o.moveUnder(newParent);
        organizations.save(o); // publishes OrganizationMoved
        em.flush();
        int moved = queries.moveDescendants(id, oldPath, o.getPath(), o.getDepth() - oldDepth);
        if (oldKey != null) {
            queries.rekeyDescendants(id, o.getPath(), oldKey, o.getSortKey());
        }
        audit.record("Organization", id, id, "MOVE",
                "调整隶属关系 " + o.getName() + " → " + newParent.getName() + "（含下级 " + moved + " 个）",
                before, snapshot(o));
        return view(o);
    }

    @Transactional
    public OrganizationView retire(long id, LocalDate on, long version) {
        guard.requireBelow(Permission.ORG_WRITE, id);
        Organization o = load(id);
        checkVersion(o.getVersion(), version);
        Map<String, Object> before = snapshot(o);
        long activeMembers = queries.activeMemberCount(id);
        long accounts = accountService.enabledAccountsAt(id);
        if (accounts > 0) {
            throw new DomainException("org.retire.accounts", accounts);
        }
        o.retire(on == null ? LocalDate.now() : on, queries.activeChildCount(id), activeMembers);
        organizations.save(o); // publishes OrganizationRetired
        em.flush();
        audit.record("Organization", id, id, "RETIRE", "撤销党组织 " + o.getName(), before, snapshot(o));
        return view(o);
    }

    Organization load(long id) {
        return organizations.findById(id).orElseThrow(() -> new NotFoundException("organization", id));
    }

    private OrganizationView view(Organization o) {
        return view(o, o.getId() == null ? 0 : subtreeMembersAt(o.getPath()).value());
    }

    private OrganizationView view(Organization o, long subtreeMembers) {
        CurrentUser user = guard.currentUserIfAny().orElse(null);
        boolean showPhone = user != null && guard.can(Permission.ORG_WRITE, o.getId());
        Long authority = o.effectiveGradingAuthorityId();
        return new OrganizationView(o.getId(), o.getParentId(), queries.nameOf(o.getParentId()), o.getPath(),
                o.getDepth(), o.getName(), o.getKind(), o.getField(), o.getGradingAuthorityId(), authority,
                queries.nameOf(authority), o.getSecretary(), o.getContactPerson(),
                showPhone ? o.getContactPhone() : PhoneNumbers.mask(o.getContactPhone()), o.getUnitType(),
                o.getUnitName(), o.getEstablishedOn(), o.getLastElectionOn(), o.isRetired(), o.getRetiredOn(),
                o.getId() == null ? 0 : queries.memberCount(o.getId()),
                o.getId() == null ? 0 : queries.activeChildCount(o.getId()), o.getVersion(),
                subtreeMembers, o.getSortOrder());
    }

    static void checkVersion(long current, long submitted) {
        if (current != submitted) {
            throw new StaleRecordException();
        }
    }

    /** What the audit trail keeps of an organisation (the phone masked: the trail is no copy of personal data). */
    private static Map<String, Object> snapshot(Organization o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.getName());
        m.put("parentId", o.getParentId());
        m.put("path", o.getPath());
        m.put("kind", o.getKind());
        m.put("field", o.getField());
        m.put("gradingAuthorityId", o.getGradingAuthorityId());
        m.put("secretary", o.getSecretary());
        m.put("contactPerson", o.getContactPerson());
        m.put("contactPhone", PhoneNumbers.mask(o.getContactPhone()));
        m.put("unitType", o.getUnitType());
        m.put("unitName", o.getUnitName());
        m.put("establishedOn", o.getEstablishedOn());
        m.put("lastElectionOn", o.getLastElectionOn());
        m.put("retired", o.isRetired());
        m.put("retiredOn", o.getRetiredOn());
        return m;
    }
}
