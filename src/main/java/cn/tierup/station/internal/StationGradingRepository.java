package cn.tierup.station.internal;

import cn.tierup.station.StationGrading;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StationGradingRepository extends JpaRepository<StationGrading, Long> {

    Optional<StationGrading> findByCampaignIdAndStationId(long campaignId, long stationId);
}
