package cn.tierup.organization.internal;

import cn.tierup.organization.Organization;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrganizationRepository extends JpaRepository<Organization, Long> {

    @Query("select count(o) from Organization o where o.parentId = ?1 and o.retired = false")
    long countActiveChildren(long parentId);

    @Query("select o from Organization o where o.name = ?1 and o.path like ?2 and o.retired = false")
    List<Organization> findActiveByNameInScope(String name, String pathPattern);
}
