package cn.tierup.organization.internal;

import cn.tierup.organization.Member;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MemberRepository extends JpaRepository<Member, Long> {

    @Query("select count(m) from Member m where m.organizationId = ?1 and m.status = cn.tierup.organization.MemberStatus.ACTIVE")
    long countActive(long organizationId);

    @Query("select count(m) > 0 from Member m where m.idNumberHash = ?1 and m.status = cn.tierup.organization.MemberStatus.ACTIVE and (?2 is null or m.id <> ?2)")
    boolean activeWithIdNumberExists(String idNumberHash, Long exceptId);
}
