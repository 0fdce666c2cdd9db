package cn.tierup.survey;

import cn.tierup.survey.internal.ReportVersionRepository;
import cn.tierup.survey.internal.SurveyActivityRepository;
import cn.tierup.survey.internal.SurveyReportRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey work for the demo data set, written without a logged-in user but through the same aggregate
 * methods (so the same rules hold). Not reachable from a request.
 */
@Service
public class SurveyBootstrap {

    private final SurveyReportRepository reports;
    private final ReportVersionRepository versions;
    private final SurveyActivityRepository activities;

    SurveyBootstrap(SurveyReportRepository reports, ReportVersionRepository versions, SurveyActivityRepository activities) {
        this.reports = reports;
        this.versions = versions;
        this.activities = activities;
    }

    /** A report written by {@code by}, handed in when {@code dueOn} is given, accepted when {@code accept}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void report(long campaignId, long organizationId, ReportType type, ReportContent content, String by,
                       LocalDateTime at, LocalDate dueOn, long membersOnRoll, boolean accept, String reviewer) {
        SurveyReport r = new SurveyReport(campaignId, organizationId, type);
        r.write(content, by, at);
        reports.saveAndFlush(r);
        if (dueOn != null) {
            ReportVersion v = r.submit(by, at, dueOn, membersOnRoll);
            reports.saveAndFlush(r);
            versions.saveAndFlush(v);
            if (accept) {
                r.accept(v, reviewer, at.plusHours(20));
                reports.saveAndFlush(r);
            }
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void activity(long campaignId, long organizationId, ActivityEntry entry, int campaignYear, String by,
                         LocalDateTime now) {
        activities.save(new SurveyActivity(campaignId, organizationId, entry, campaignYear, by, now));
    }
}
