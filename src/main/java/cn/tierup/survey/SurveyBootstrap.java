package cn.tierup.survey;

import cn.tierup.survey.internal.HostedStations;
import cn.tierup.survey.internal.ReportVersionRepository;
import cn.tierup.survey.internal.SurveyActivityRepository;
import cn.tierup.survey.internal.SurveyReportRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
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
    private final HostedStations hostedStations;

    SurveyBootstrap(SurveyReportRepository reports, ReportVersionRepository versions, SurveyActivityRepository activities,
                    HostedStations hostedStations) {
        this.reports = reports;
        this.versions = versions;
        this.activities = activities;
        this.hostedStations = hostedStations;
    }

    /** The stations an organisation hosts, as its report's 远程教育站点 section lists them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<HostedStation> hostedStations(long organizationId) {
        return hostedStations.of(organizationId);
    }

    /**
     * A report written by {@code by}, handed in when {@code dueOn} is given, accepted when {@code accept}. Where the
     * content carries station entries they are held to the registry as a user's are; where it carries none (the
     * earlier years', written before stations were part of the report), the station section is left out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void report(long campaignId, long organizationId, ReportType type, ReportContent content, String by,
                       LocalDateTime at, LocalDate dueOn, long membersOnRoll, boolean accept, String reviewer) {
        List<HostedStation> hosted = content.stations() == null ? List.of() : hostedStations.of(organizationId);
        SurveyReport r = new SurveyReport(campaignId, organizationId, type);
        r.write(content, hosted, by, at);
        reports.saveAndFlush(r);
        if (dueOn != null) {
            ReportVersion v = r.submit(by, at, dueOn, membersOnRoll, hosted);
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
