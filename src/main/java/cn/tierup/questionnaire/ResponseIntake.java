package cn.tierup.questionnaire;

import cn.tierup.questionnaire.internal.QuestionnaireRepository;
import cn.tierup.questionnaire.internal.ResponseQueries;
import cn.tierup.questionnaire.internal.ResponseQueries.TallyLine;
import cn.tierup.shared.BurstLimit;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.OneTimeCodes;
import cn.tierup.shared.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes answers from the public, without an account. One transaction writes the answers, counts them
 * and spends the browser's or code's right to answer — all or nothing. Nothing stored names who
 * answered: the browser token and the code are kept only as hashes, in tables with no key, order or
 * time in common with the answers, and the answers keep only the day.
 */
@Service
public class ResponseIntake {

    public static final int SHARDS = 8;
    /** The tally line that counts respondents (rather than an option). */
    public static final String RESPONDENTS = "*";

    private final QuestionnaireRepository questionnaires;
    private final BurstLimit gate;
    private final ResponseQueries responses;
    private static final int CACHED_SLUGS = 10_000;
    private final Map<String, Questionnaire> bySlug = new ConcurrentHashMap<>();

    ResponseIntake(QuestionnaireRepository questionnaires, ResponseQueries responses,
                   @org.springframework.beans.factory.annotation.Value("${tierup.questionnaire.submissions-per-minute-per-address:30}") int perMinute) {
        this.questionnaires = questionnaires;
        this.gate = new BurstLimit(perMinute);
        this.responses = responses;
    }

    /**
     * The questionnaire behind a short link, as the public may see it. A launched questionnaire never
     * changes (its questions are a frozen copy, and window, mode and quota are fixed at launch: nothing
     * updates the row), so each instance looks a slug up once and answering reads no questionnaire row:
     * under load those reads (twice per answer, one in a transaction of its own) held the connection pool
     * up — see QuestionnaireSubmitBenchmark. Should questionnaires ever become editable, their edit must
     * drop the slug from this cache.
     */
    public Questionnaire open(String slug) {
        String key = slug == null ? "" : slug;
        Questionnaire q = bySlug.get(key);
        if (q == null) {
            q = questionnaires.findBySlug(key).orElseThrow(() -> new NotFoundException("questionnaire", slug));
            if (bySlug.size() >= CACHED_SLUGS) {
                bySlug.clear();
            }
            bySlug.put(key, q);
        }
        return q;
    }

    /** Whether this browser has already answered an open questionnaire (so the form need not be shown again). */
    @Transactional(readOnly = true)
    public boolean answered(Questionnaire q, String token) {
        if (q.getMode() != AnswerMode.OPEN || token == null || token.isBlank()) {
            return false;
        }
        return responses.seen(q.getId(), hash(q.getSlug(), token));
    }

    /**
     * @param token the browser's random answering token (open mode), or null
     * @param code the one-time code typed in (coded mode), or null
     * @param address the caller's address, used for the burst limit only and never stored
     */
    @Transactional
    public void submit(String slug, String category, Map<String, List<String>> raw, String token, String code,
                       String address) {
        Questionnaire q = open(slug);
        LocalDate today = LocalDate.now();
        if (!q.openOn(today)) {
            throw new DomainException(today.isBefore(q.getOpensOn()) ? "answer.notYetOpen" : "answer.closed");
        }
        if (category == null || !q.getAudience().categories().contains(category)) {
            throw new DomainException(q.getAudience() == Audience.MEMBER_PUBLIC ? "answer.category" : "answer.group");
        }
        AnswerSheet sheet = AnswerSheet.check(q.getQuestions(), raw);
        if (!sheet.ok()) {
            throw new AnswersRejectedException(sheet.problems());
        }
        if (!gate.admit(address == null ? "?" : address)) {
            throw new DomainException("answer.tooFast");
        }
        if (q.getMode() == AnswerMode.CODED) {
            String c = OneTimeCodes.normalise(code);
            boolean spent = !c.isEmpty() && responses.spendCode(q.getId(), hash(q.getSlug(), c));
            if (!spent) {
                throw new DomainException("answer.badCode");
            }
        } else {
            if (token == null || token.isBlank()) {
                throw new DomainException("answer.noCookie");
            }
            if (!responses.markSeen(q.getId(), hash(q.getSlug(), token))) {
                throw new DomainException("answer.already");
            }
        }
        responses.insertResponse(q.getId(), category, sheet.answers(), today);
        int shard = ThreadLocalRandom.current().nextInt(SHARDS);
        List<TallyLine> counts = new ArrayList<>();
        counts.add(new TallyLine(RESPONDENTS, 0));
        sheet.answers().forEach((key, value) -> {
            if (value instanceof Integer option) {
                counts.add(new TallyLine(key, option));
            } else if (value instanceof List<?> options) {
                for (Object option : options) {
                    counts.add(new TallyLine(key, (Integer) option));
                }
            }
        });
        responses.count(q.getId(), category, shard, counts);
    }

    /** The tally lines of a new questionnaire, so that counting is an update and never an insert race. */
    void prepareTally(Questionnaire q) {
        List<TallyLine> lines = new ArrayList<>();
        lines.add(new TallyLine(RESPONDENTS, 0));
        for (Question question : q.getQuestions()) {
            for (int o = 0; o < question.options().size(); o++) {
                lines.add(new TallyLine(question.key(), o));
            }
        }
        responses.createTally(q.getId(), q.getAudience().categories(), SHARDS, lines);
    }

    static String hash(String salt, String secret) {
        return OneTimeCodes.hash(salt, secret);
    }
}
