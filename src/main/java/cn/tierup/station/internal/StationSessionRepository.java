package cn.tierup.station.internal;

import cn.tierup.station.StationSession;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StationSessionRepository extends JpaRepository<StationSession, Long> {
}
