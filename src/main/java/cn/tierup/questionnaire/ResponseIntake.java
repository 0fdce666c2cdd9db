package cn.tierup.questionnaire;

import cn.tierup.questionnaire.internal.QuestionnaireRepository;
import cn.tierup.questionnaire.internal.ResponseQueries;
import cn.tierup.questionnaire.internal.ResponseQueries.TallyLine;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.OneTimeCodes;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.crypto.BrowserTokens;
import cn.tierup.shared.crypto.MasterKey;
import cn.tierup.shared.ratelimit.RateLimits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes answers from the public, without an account. One transaction writes the answers, counts them
 * and spends the browser's or code's right to answer — all or nothing. Nothing stored names who
 * answered: the browser token and the code are kept only as hashes, in tables with no key, order or
 * time in common with the answers, and the answers keep only the day. An open questionnaire's browser
 * token must be one this server issued with the form ({@link BrowserTokens}); the address an answer came
 * from only counts, as a keyed hash, towards the organiser's figure of answers per address.
 */
@Service
public class ResponseIntake {

    public static final int SHARDS = 8;
    /** The tally line that counts respondents (rather than an option). */
    public static final String RESPONDENTS = "*";

    private final QuestionnaireRepository questionnaires;
    private final RateLimits.Limit gate;
    private final ResponseQueries responses;
    private final BrowserTokens tokens;
    private final SecretKeySpec addressKey;
    private final TransactionTemplate transaction;
    private static final int CACHED_SLUGS = 10_000;
    private final Map<String, Questionnaire> bySlug = new ConcurrentHashMap<>();

    ResponseIntake(QuestionnaireRepository questionnaires, ResponseQueries responses, RateLimits limits,
                   BrowserTokens tokens, MasterKey master, PlatformTransactionManager transactions,
                   @org.springframework.beans.factory.annotation.Value("${tierup.questionnaire.submissions-per-minute-per-address:30}") int perMinute) {
        this.questionnaires = questionnaires;
        this.gate = limits.perMinute("answer", perMinute);
        this.responses = responses;
        this.tokens = tokens;
        this.addressKey = master.derive("answer-addresses");
        this.transaction = new TransactionTemplate(transactions);
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

    /** A new answering token for a browser that opens an open questionnaire's form (its cookie). */
    public String issueToken(Questionnaire q) {
        return tokens.issue(scope(q));
    }

    /** Whether the browser's token is one this server issued for this questionnaire and still takes. */
    public BrowserTokens.Check checkToken(Questionnaire q, String token) {
        return tokens.check(scope(q), token);
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
     * Checks an answer and its right to be taken, then stores it in one transaction. The per-address limit is asked
     * before that transaction begins: its store takes a connection of its own, which must never wait while this
     * request holds one.
     *
     * @param token the browser's answering token, issued with the form (open mode), or null
     * @param code the one-time code typed in (coded mode), or null
     * @param address the caller's address: for the per-address limit and, as a keyed hash, the count of answers per
     *                address; never stored with the answer
     */
    public void submit(String slug, String category, Map<String, List<String>> raw, String token, String code,
                       String address) {
        Questionnaire q = open(slug);
        LocalDate today = LocalDate.now();
        if (!q.openOn(today)) {
            throw new DomainException(today.isBefore(q.getOpensOn()) ? "answer.notYetOpen" : "answer.closed");
        }
        // every missing or wrong answer at once, the identity and the code first, as they stand on the form
        List<AnswerSheet.Problem> problems = new ArrayList<>();
        if (category == null || !q.getAudience().categories().contains(category)) {
            problems.add(new AnswerSheet.Problem(AnswersRejectedException.CATEGORY, 0,
                    q.getAudience() == Audience.MEMBER_PUBLIC ? "answer.category" : "answer.group", null));
        }
        if (q.getMode() == AnswerMode.CODED && OneTimeCodes.normalise(code).isEmpty()) {
            problems.add(new AnswerSheet.Problem(AnswersRejectedException.CODE, 0, "answer.code.required", null));
        }
        AnswerSheet sheet = AnswerSheet.check(q.getQuestions(), raw);
        problems.addAll(sheet.problems());
        if (!problems.isEmpty()) {
            throw new AnswersRejectedException(problems);
        }
        if (q.getMode() == AnswerMode.OPEN) {
            BrowserTokens.Check check = checkToken(q, token);
            if (check == BrowserTokens.Check.MISSING) {
                throw new DomainException("answer.noCookie");
            }
            if (check != BrowserTokens.Check.VALID) {
                throw new DomainException("answer.badToken");
            }
        }
        if (!gate.admit(address == null ? "?" : address)) {
            throw new DomainException("answer.tooFast");
        }
        transaction.executeWithoutResult(status -> store(q, category, sheet, token, code, address, today));
    }

    private void store(Questionnaire q, String category, AnswerSheet sheet, String token, String code, String address,
                       LocalDate today) {
        if (q.getMode() == AnswerMode.CODED) {
            String c = OneTimeCodes.normalise(code);
            boolean spent = !c.isEmpty() && responses.spendCode(q.getId(), hash(q.getSlug(), c));
            if (!spent) {
                throw new DomainException("answer.badCode");
            }
        } else if (!responses.markSeen(q.getId(), hash(q.getSlug(), token))) {
            throw new DomainException("answer.already");
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
        responses.countAddress(q.getId(), addressHash(q, address), ThreadLocalRandom.current().nextInt(SHARDS));
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

    /** The keyed hash an address is counted under for one questionnaire (128 bits: enough to tell addresses apart). */
    private String addressHash(Questionnaire q, String address) {
        return MasterKey.hex(addressKey, q.getId() + "|" + (address == null ? "?" : address)).substring(0, 32);
    }

    private static String scope(Questionnaire q) {
        return "questionnaire:" + q.getSlug();
    }
}
