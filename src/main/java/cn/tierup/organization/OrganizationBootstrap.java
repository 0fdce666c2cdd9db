package cn.tierup.organization;

import cn.tierup.organization.internal.PiiCipher;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the tree without a logged-in user, for start-up data only (the first root of a fresh
 * installation and the demo data set). Everything a person does goes through the services, which
 * check scope and write the audit trail; nothing here is reachable from a request.
 */
@Service
public class OrganizationBootstrap {

    private final EntityManager em;
    private final PiiCipher cipher;

    OrganizationBootstrap(EntityManager em, PiiCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean isEmpty() {
        return em.createQuery("select count(o) from Organization o", Long.class).getSingleResult() == 0;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Organization root(OrganizationDetails details) {
        Organization o = Organization.root(details);
        em.persist(o);
        o.placeUnder(null);
        return o;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Organization child(Organization parent, OrganizationDetails details) {
        Organization o = Organization.childOf(parent, details);
        em.persist(o);
        o.placeUnder(parent);
        return o;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void assignGradingAuthority(Organization graded, Organization authority) {
        graded.assignGradingAuthority(authority);
    }

    /** A person in a post of the leadership since {@code startedOn}; a 书记 becomes the organisation's secretary. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LeadershipPost appoint(Organization org, String personName, Post post, LocalDate startedOn) {
        LeadershipPost p = new LeadershipPost(org.getId(), personName, post, startedOn, LocalDate.now());
        em.persist(p);
        if (post == Post.SECRETARY) {
            org.changeSecretary(p.getPersonName());
        }
        return p;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Member member(Organization org, MemberDetails details) {
        String hash = details.idNumber() == null ? null : cipher.index(ChineseIdNumber.parse(details.idNumber()).value());
        Member m = new Member(org.getId(), details, hash, LocalDate.now());
        em.persist(m);
        return m;
    }

    /** The first {@code limit} party members (正式 and 预备) on an organisation's roll, in the order they were entered. */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.List<Member> partyMembers(long organizationId, int limit) {
        return em.createQuery("select m from Member m where m.organizationId = :o and m.category in :c order by m.id", Member.class)
                .setParameter("o", organizationId).setParameter("c", java.util.List.of(MemberCategory.FULL, MemberCategory.PROBATIONARY))
                .setMaxResults(limit).getResultList();
    }
}
