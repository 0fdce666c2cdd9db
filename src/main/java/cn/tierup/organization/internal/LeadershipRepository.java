package cn.tierup.organization.internal;

import cn.tierup.organization.LeadershipPost;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LeadershipRepository extends JpaRepository<LeadershipPost, Long> {

    List<LeadershipPost> findByOrganizationIdOrderByEndedOnAscStartedOnDesc(long organizationId);
}
