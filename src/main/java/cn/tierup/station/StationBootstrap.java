package cn.tierup.station;

import cn.tierup.grading.Criterion;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeBand;
import cn.tierup.grading.GradingScheme;
import cn.tierup.grading.GradingSetups;
import cn.tierup.grading.ScoreSheet;
import cn.tierup.grading.Standard;
import cn.tierup.station.StationSession.Particulars;
import cn.tierup.station.internal.GradingBatch;
import cn.tierup.station.internal.SessionBatch;
import cn.tierup.station.internal.StationRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stations and their sessions for the demo data set, held to the same rules as a user's ({@link Station},
 * {@link StationSession}). Not reachable from a request: it acts for no user, so it records who it acts as; the
 * sessions go in one batch, since a demo city has thousands of them, and so do an earlier year's station gradings.
 */
@Service
public class StationBootstrap {

    private final StationRepository stations;
    private final SessionBatch batch;
    private final GradingBatch gradingBatch;
    private final GradingSetups setups;

    StationBootstrap(StationRepository stations, SessionBatch batch, GradingBatch gradingBatch, GradingSetups setups) {
        this.stations = stations;
        this.batch = batch;
        this.gradingBatch = gradingBatch;
        this.setups = setups;
    }

    /** A station registered by {@code by} on the day it opened, with the sessions held at it since; answers its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long registered(long hostId, StationDetails details, List<Particulars> held, String by) {
        LocalDateTime now = LocalDateTime.now();
        Station s = stations.saveAndFlush(new Station(hostId, details, by, now));
        List<StationSession> sessions = new ArrayList<>();
        for (Particulars p : held) {
            LocalDateTime at = p.heldOn().atTime(18, 0).isAfter(now) ? now : p.heldOn().atTime(18, 0);
            sessions.add(new StationSession(s, p, by, at));
        }
        batch.insert(sessions);
        return s.getId();
    }

    /**
     * One station's grading in an earlier campaign: the host's self-assessment ({@code score} points out of the
     * standard's, {@code vetoes} the veto items found, from 1) handed in by {@code assessedBy}, and the grade of
     * {@code decided} level given by {@code decidedBy} for the host's grading authority — with {@code reason} where it
     * differs from the self-assessed one.
     */
    public record PastGrade(long stationId, long hostId, int score, Set<Integer> vetoes, String statement,
                            String assessedBy, String assessedByName, Grade decided, String reason, long authorityId,
                            String decidedBy, String decidedByName) {
    }

    /**
     * Earlier years' station gradings for the demo, each taken through the aggregate's three steps (so the same rules
     * hold: a reason where the grade differs, never decided by its own assessor) and written in one batch. Dated in that
     * year's April, after the organisations' own grading meetings: self-assessed on the 12th, handed in the 13th,
     * decided the 20th.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void graded(long campaignId, int year, List<PastGrade> grades) {
        graded(campaignId, year, StationGradingRound.START, grades);
    }

    /**
     * The same for either round; the 年末审定 of an earlier campaign is dated in that year's December (self-assessed on
     * the 5th, handed in the 6th, decided the 15th), against the standard of the start.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void graded(long campaignId, int year, StationGradingRound round, List<PastGrade> grades) {
        GradingScheme scheme = setups.schemeInForce(campaignId, StationGradings.FIELD);
        Standard standard = scheme.getStandard();
        boolean start = round == StationGradingRound.START;
        LocalDateTime assessedAt = start ? LocalDate.of(year, 4, 12).atTime(10, 0) : LocalDate.of(year, 12, 5).atTime(10, 0);
        LocalDateTime submittedAt = start ? LocalDate.of(year, 4, 13).atTime(9, 30) : LocalDate.of(year, 12, 6).atTime(9, 30);
        LocalDateTime decidedAt = start ? LocalDate.of(year, 4, 20).atTime(15, 0) : LocalDate.of(year, 12, 15).atTime(15, 0);
        List<StationGrading> out = new ArrayList<>();
        for (PastGrade p : grades) {
            StationGrading g = new StationGrading(campaignId, p.stationId(), round, p.hostId(), scheme.getId(), assessedAt);
            g.assess(sheet(standard, p.score(), p.vetoes(), (int) (p.stationId() % 7)), p.statement(), standard,
                    p.assessedBy(), p.assessedByName(), assessedAt);
            g.submit(submittedAt);
            String grade = standard.grades().stream().filter(b -> b.level() == p.decided()).map(GradeBand::name)
                    .findFirst().orElseThrow();
            g.decide(grade, p.reason(), standard, p.authorityId(), p.authorityId(), p.decidedBy(), p.decidedByName(),
                    decidedAt);
            out.add(g);
        }
        gradingBatch.insert(out);
    }

    /**
     * A score sheet adding up to {@code total}: every criterion at about the same share of its points, the remainder
     * spread one point at a time from criterion {@code offset} on, so that sheets of the same total differ a little.
     */
    private static ScoreSheet sheet(Standard standard, int total, Set<Integer> vetoes, int offset) {
        List<String> keys = new ArrayList<>();
        List<Integer> points = new ArrayList<>();
        for (int d = 0; d < standard.dimensions().size(); d++) {
            List<Criterion> cs = standard.dimensions().get(d).criteria();
            for (int c = 0; c < cs.size(); c++) {
                keys.add((d + 1) + "." + (c + 1));
                points.add(cs.get(c).points());
            }
        }
        int target = Math.max(0, Math.min(total, standard.maximum()));
        double share = target / (double) standard.maximum();
        Map<String, Integer> scores = new HashMap<>();
        int sum = 0;
        for (int i = 0; i < keys.size(); i++) {
            int s = (int) Math.floor(points.get(i) * share);
            scores.put(keys.get(i), s);
            sum += s;
        }
        for (int i = 0; sum != target && i < keys.size() * 20; i++) {
            String k = keys.get((i + offset) % keys.size());
            int max = points.get((i + offset) % keys.size());
            int s = scores.get(k);
            if (sum < target && s < max) {
                scores.put(k, s + 1);
                sum++;
            } else if (sum > target && s > 0) {
                scores.put(k, s - 1);
                sum--;
            }
        }
        return new ScoreSheet(scores, vetoes);
    }
}
