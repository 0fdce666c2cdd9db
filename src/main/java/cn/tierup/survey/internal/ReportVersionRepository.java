package cn.tierup.survey.internal;

import cn.tierup.survey.ReportVersion;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportVersionRepository extends JpaRepository<ReportVersion, Long> {

    List<ReportVersion> findByReportIdOrderByNumberDesc(long reportId);

    Optional<ReportVersion> findByReportIdAndNumber(long reportId, int number);
}
