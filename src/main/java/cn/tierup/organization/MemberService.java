package cn.tierup.organization;

import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.internal.MemberRepository;
import cn.tierup.organization.internal.OrganizationRepository;
import cn.tierup.organization.internal.PiiCipher;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.PageResult;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases on the member roll (党员名册): add, edit, transfer, leave; lists scoped and masked. */
@Service
public class MemberService {

    private final MemberRepository members;
    private final OrganizationRepository organizations;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final PiiCipher cipher;
    private final EntityManager em;

    MemberService(MemberRepository members, OrganizationRepository organizations, ScopeGuard guard,
                  AuditRecorder audit, PiiCipher cipher, EntityManager em) {
        this.members = members;
        this.organizations = organizations;
        this.guard = guard;
        this.audit = audit;
        this.cipher = cipher;
        this.em = em;
    }

    @Transactional(readOnly = true)
    public PageResult<MemberView> list(MemberCriteria c) {
        OrgRef org = guard.require(Permission.MEMBER_READ, c.organizationId());
        int page = PageResult.clampPage(c.page());
        int size = PageResult.clampSize(c.size());
        StringBuilder where = new StringBuilder(c.subtree()
                ? " from Member m, Organization o where o.id = m.organizationId and o.path like :prefix"
                : " from Member m where m.organizationId = :org");
        Map<String, Object> params = new HashMap<>();
        if (c.subtree()) {
            params.put("prefix", org.path() + "%");
        } else {
            params.put("org", org.id());
        }
        if (c.q() != null && !c.q().isBlank()) {
            where.append(" and m.name like :q");
            params.put("q", "%" + c.q().strip() + "%");
        }
        if (c.category() != null) {
            where.append(" and m.category = :category");
            params.put("category", c.category());
        }
        where.append(" and m.status = :status");
        params.put("status", c.status() == null ? MemberStatus.ACTIVE : c.status());
        TypedQuery<Long> count = em.createQuery("select count(m)" + where, Long.class);
        TypedQuery<Member> query = em.createQuery("select m" + where + " order by m.organizationId, m.nameKey, m.name, m.id", Member.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            query.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<Member> found = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<Long, String> orgNames = new HashMap<>();
        List<MemberView> views = found.stream().map(m -> view(m, orgNames)).toList();
        return new PageResult<>(views, page, size, total);
    }

    @Transactional(readOnly = true)
    public MemberView get(long id) {
        Member m = load(id, Permission.MEMBER_READ);
        return view(m, new HashMap<>());
    }

    @Transactional
    public MemberView add(long organizationId, MemberDetails details) {
        guard.require(Permission.MEMBER_WRITE, organizationId);
        Organization org = organizations.findById(organizationId)
                .orElseThrow(() -> new NotFoundException("organization", organizationId));
        if (org.isRetired()) {
            throw new DomainException("org.retired", org.getName());
        }
        String hash = idHash(details.idNumber(), null);
        Member m = new Member(organizationId, details, hash, LocalDate.now());
        em.persist(m);
        em.flush();
        audit.record("Member", m.getId(), organizationId, "CREATE", "新增党员 " + m.getName(), null, snapshot(m));
        return view(m, new HashMap<>());
    }

    @Transactional
    public MemberView update(long id, MemberDetails details, long version) {
        Member m = load(id, Permission.MEMBER_WRITE);
        OrganizationService.checkVersion(m.getVersion(), version);
        Map<String, Object> before = snapshot(m);
        m.update(details, idHash(details.idNumber(), id), LocalDate.now());
        em.flush();
        audit.record("Member", id, m.getOrganizationId(), "UPDATE", "修改党员信息 " + m.getName(), before, snapshot(m));
        return view(m, new HashMap<>());
    }

    /** Transfers a person to another organisation's roll; the user must hold both rolls in scope. */
    @Transactional
    public MemberView transfer(long id, long targetOrganizationId, long version) {
        Member m = load(id, Permission.MEMBER_WRITE);
        OrganizationService.checkVersion(m.getVersion(), version);
        guard.require(Permission.MEMBER_WRITE, targetOrganizationId);
        Organization target = organizations.findById(targetOrganizationId)
                .orElseThrow(() -> new NotFoundException("organization", targetOrganizationId));
        Map<String, Object> before = snapshot(m);
        long from = m.getOrganizationId();
        m.transferTo(target);
        members.save(m); // publishes MemberTransferred
        em.flush();
        audit.record("Member", id, from, "TRANSFER", "党员 " + m.getName() + " 转至 " + target.getName(), before, snapshot(m));
        audit.record("Member", id, target.getId(), "TRANSFER_IN", "党员 " + m.getName() + " 转入", before, snapshot(m));
        return view(m, new HashMap<>());
    }

    @Transactional
    public MemberView leave(long id, LocalDate on, LeaveReason reason, long version) {
        Member m = load(id, Permission.MEMBER_WRITE);
        OrganizationService.checkVersion(m.getVersion(), version);
        Map<String, Object> before = snapshot(m);
        m.leave(on, reason, LocalDate.now());
        em.flush();
        audit.record("Member", id, m.getOrganizationId(), "LEAVE", "党员 " + m.getName() + " 出列", before, snapshot(m));
        return view(m, new HashMap<>());
    }

    private Member load(long id, Permission permission) {
        Member m = members.findById(id).orElseThrow(() -> new NotFoundException("member", id));
        guard.require(permission, m.getOrganizationId());
        return m;
    }

    /** Refuses a second active entry with the same ID number anywhere in the roll. */
    private String idHash(String idNumber, Long exceptId) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        String hash = cipher.index(ChineseIdNumber.parse(idNumber).value());
        if (members.activeWithIdNumberExists(hash, exceptId)) {
            throw new DomainException("member.idNumber.duplicate");
        }
        return hash;
    }

    MemberView view(Member m, Map<Long, String> orgNames) {
        boolean pii = guard.can(Permission.MEMBER_PII, m.getOrganizationId());
        String orgName = orgNames.computeIfAbsent(m.getOrganizationId(),
                id -> organizations.findById(id).map(Organization::getName).orElse(""));
        return new MemberView(m.getId(), m.getOrganizationId(), orgName, m.getName(), m.getSex(), m.getEthnicity(),
                m.getBirthDate(), m.getEducation(), m.getCategory(), m.getActivistOn(), m.getDevelopmentTargetOn(),
                m.getJoinedOn(), m.getRegularizedOn(), m.isRetired(), m.isFloating(), m.isInDifficulty(),
                pii ? m.getIdNumber() : ChineseIdNumber.mask(m.getIdNumber()),
                pii ? m.getPhone() : PhoneNumbers.mask(m.getPhone()), pii, m.getStatus(), m.getLeftOn(),
                m.getLeaveReason(), m.getVersion());
    }

    private static Map<String, Object> snapshot(Member m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("organizationId", m.getOrganizationId());
        s.put("name", m.getName());
        s.put("sex", m.getSex());
        s.put("ethnicity", m.getEthnicity());
        s.put("birthDate", m.getBirthDate());
        s.put("education", m.getEducation());
        s.put("category", m.getCategory());
        s.put("activistOn", m.getActivistOn());
        s.put("developmentTargetOn", m.getDevelopmentTargetOn());
        s.put("joinedOn", m.getJoinedOn());
        s.put("regularizedOn", m.getRegularizedOn());
        s.put("retired", m.isRetired());
        s.put("floating", m.isFloating());
        s.put("inDifficulty", m.isInDifficulty());
        s.put("idNumber", ChineseIdNumber.mask(m.getIdNumber()));
        s.put("phone", PhoneNumbers.mask(m.getPhone()));
        s.put("status", m.getStatus());
        s.put("leftOn", m.getLeftOn());
        s.put("leaveReason", m.getLeaveReason());
        return s;
    }
}
