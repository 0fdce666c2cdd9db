package cn.tierup.acceptance;

import cn.tierup.acceptance.internal.RecognitionRepository;
import cn.tierup.acceptance.internal.SummaryQueries;
import cn.tierup.acceptance.internal.SummaryRepository;
import cn.tierup.grading.Grade;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's 工作总结 and the 示范 it cites, written without a user inside the demo loader's transaction: the same
 * aggregates and rules as {@link WorkSummaries} and {@link Recognitions}, with the people and times given.
 */
@Component
public class WorkSummaryBootstrap {

    private final SummaryRepository summaries;
    private final RecognitionRepository recognitions;
    private final SummaryQueries queries;

    WorkSummaryBootstrap(SummaryRepository summaries, RecognitionRepository recognitions, SummaryQueries queries) {
        this.summaries = summaries;
        this.recognitions = recognitions;
        this.queries = queries;
    }

    /** The authority's summary written by {@code writer}, handed in at {@code handedInAt} and accepted by {@code reviewer}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void accepted(long campaignId, long authorityId, WorkSummaryText text, String writer, LocalDateTime handedInAt,
                         LocalDate dueOn, String reviewer, LocalDateTime acceptedAt) {
        WorkSummary s = handedIn(campaignId, authorityId, text, writer, handedInAt, dueOn);
        s.accept(reviewer, acceptedAt);
        summaries.save(s);
    }

    /** The authority's summary written by {@code writer} and handed in at {@code handedInAt}, awaiting the root's review. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void awaiting(long campaignId, long authorityId, WorkSummaryText text, String writer, LocalDateTime handedInAt,
                         LocalDate dueOn) {
        summaries.save(handedIn(campaignId, authorityId, text, writer, handedInAt, dueOn));
    }

    private static WorkSummary handedIn(long campaignId, long authorityId, WorkSummaryText text, String writer,
                                        LocalDateTime handedInAt, LocalDate dueOn) {
        WorkSummary s = new WorkSummary(campaignId, authorityId);
        s.write(text, writer, handedInAt.minusDays(2));
        s.handIn(writer, handedInAt, dueOn);
        return s;
    }

    /** A 示范 recorded by {@code recorderId}'s {@code by}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recognized(long organizationId, long recorderId, RecognitionDetails details, String by, LocalDateTime at) {
        recognitions.save(new Recognition(organizationId, recorderId, details, by, at));
    }

    /** A 示范站点 recognition of a station its host keeps, recorded by {@code recorderId}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stationRecognized(long hostId, long stationId, long recorderId, RecognitionDetails details, String by,
                                  LocalDateTime at) {
        recognitions.save(new Recognition(hostId, stationId, recorderId, details, by, at));
    }

    /** The first organisation (in the tree's order) the authority graded 先进 at the start of the campaign's year. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> firstAdvancedAtStart(long campaignId, long authorityId) {
        return queries.covered(campaignId, authorityId).stream().filter(r -> r.startLevel() == Grade.ADVANCED)
                .map(SummaryQueries.CoveredRow::organizationId).findFirst();
    }
}
