package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.YearEndReview;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ReviewRepository extends JpaRepository<YearEndReview, Long> {

    Optional<YearEndReview> findByCampaignIdAndOrganizationId(long campaignId, long organizationId);

    @Query("select new cn.tierup.acceptance.internal.ReviewProgress(r.organizationId, r.status, r.decidedGrade, r.handedInAt,"
            + " r.returnedReason) from YearEndReview r where r.campaignId = :campaign and r.organizationId in :organizations")
    List<ReviewProgress> progress(@Param("campaign") long campaignId, @Param("organizations") Collection<Long> organizationIds);

    List<YearEndReview> findByCampaignIdAndAuthorityOrganizationIdIn(long campaignId, Collection<Long> authorityIds);
}
