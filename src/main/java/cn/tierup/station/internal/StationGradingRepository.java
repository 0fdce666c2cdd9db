package cn.tierup.station.internal;

import cn.tierup.station.StationGrading;
import cn.tierup.station.StationGradingRound;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StationGradingRepository extends JpaRepository<StationGrading, Long> {

    Optional<StationGrading> findByCampaignIdAndStationIdAndRound(long campaignId, long stationId, StationGradingRound round);
}
