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
import cn.tierup.shared.crypto.SealedBox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes answers from the public, without an account. One transaction writes the answers, counts them
 * and spends the browser's or code's right to answer — all or nothing. A coded questionnaire's answer is
 * instead sealed to the key made at its launch ({@link SealedAnswer}, {@link SealedBox}): the transaction
 * spends the code and stores the sealed text, nothing else, and the organiser's printed key counts them all at
 * once ({@link #countSealed}). Nothing stored names who
 * answered: the browser token and the code are kept only as hashes, in tables with no key, order or
 * time in common with the answers, and the answers keep only the day. An open questionnaire's browser
 * token must be one this server issued with the form ({@link BrowserTokens}); the address an answer came
 * from only counts, as a keyed hash, towards the organiser's figure of answers per address.
 */
@Service
public class ResponseIntake {

    public static final int SHARDS = 8;
    private static final SecureRandom SHUFFLE = new SecureRandom();
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
     * @return the answer's receipt where the answer was sealed (a coded questionnaire), else null
     */
    public String submit(String slug, String category, Map<String, List<String>> raw, String token, String code,
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
        return transaction.execute(status -> store(q, category, sheet, token, code, address, today));
    }

    private String store(Questionnaire q, String category, AnswerSheet sheet, String token, String code, String address,
                         LocalDate today) {
        if (q.getMode() == AnswerMode.CODED) {
            String c = OneTimeCodes.normalise(code);
            boolean spent = !c.isEmpty() && responses.spendCode(q.getId(), hash(q.getSlug(), c));
            if (!spent) {
                throw new DomainException(q.sealed() && responses.counted(q.getId()) ? "answer.counted" : "answer.badCode");
            }
            if (q.sealed()) {
                // the code's spent flag and one sealed answer of the questionnaire's one length: nothing else moves
                byte[] plain = new SealedAnswer(category, today, sheet.answers())
                        .encode(q.getQuestions(), q.getAudience().categories());
                byte[] sealed = SealedBox.seal(q.getSealKey(), plain, context(q));
                responses.insertSealed(q.getId(), Base64.getEncoder().encodeToString(sealed));
                return SealedBox.receipt(sealed);
            }
        } else if (!responses.markSeen(q.getId(), hash(q.getSlug(), token))) {
            throw new DomainException("answer.already");
        }
        record(q, category, sheet.answers(), today);
        responses.countAddress(q.getId(), addressHash(q, address), ThreadLocalRandom.current().nextInt(SHARDS));
        return null;
    }

    /** Stores one answer and counts it in a random shard of the tally. */
    private void record(Questionnaire q, String category, Map<String, Object> answers, LocalDate day) {
        responses.insertResponse(q.getId(), category, answers, day);
        List<TallyLine> counts = new ArrayList<>();
        counts.add(new TallyLine(RESPONDENTS, 0));
        answers.forEach((key, value) -> {
            if (value instanceof Integer option) {
                counts.add(new TallyLine(key, option));
            } else if (value instanceof List<?> options) {
                for (Object option : options) {
                    counts.add(new TallyLine(key, (Integer) option));
                }
            }
        });
        responses.count(q.getId(), category, ThreadLocalRandom.current().nextInt(SHARDS), counts);
    }

    /** What a count of sealed answers found: answers opened and counted, and sealed texts the key did not open. */
    public record SealedCount(int counted, int unreadable) {
    }

    /**
     * Opens a coded questionnaire's sealed answers with the organiser's key and counts them as answers, in random
     * order; keeps their receipts, deletes the codes and the sealed answers. Runs in the caller's transaction, which
     * holds the questionnaire's lock. The codes go first: an answer being stored at this moment holds its code's
     * row, so this waits for it, and counts it; an answer after this finds no code.
     */
    SealedCount countSealed(Questionnaire q, SealedBox.Opener opener) {
        responses.deleteCodes(q.getId());
        List<String> sealed = new ArrayList<>(responses.sealed(q.getId()));
        // the order the answers are read in is the order they are counted in: let it be none
        Collections.shuffle(sealed, SHUFFLE);
        List<String> receipts = new ArrayList<>();
        int unreadable = 0;
        for (String text : sealed) {
            byte[] bytes = Base64.getDecoder().decode(text);
            Optional<SealedAnswer> answer = opener.open(bytes, context(q))
                    .flatMap(p -> SealedAnswer.decode(p, q.getQuestions(), q.getAudience().categories()));
            if (answer.isEmpty()) {
                unreadable++;
                continue;
            }
            record(q, answer.get().category(), answer.get().answers(), answer.get().day());
            receipts.add(SealedBox.receipt(bytes));
        }
        responses.deleteSealed(q.getId());
        responses.insertReceipts(q.getId(), receipts.stream().sorted().toList());
        bySlug.remove(q.getSlug());
        return new SealedCount(receipts.size(), unreadable);
    }

    /** Whether a sealed questionnaire has been counted (read from the database: another instance may have). */
    @Transactional(readOnly = true)
    public boolean counted(Questionnaire q) {
        return q.sealed() && (q.counted() || responses.counted(q.getId()));
    }

    /** The receipts a counted questionnaire counted, sorted; empty before. */
    @Transactional(readOnly = true)
    public List<String> receipts(Questionnaire q) {
        return responses.receipts(q.getId());
    }

    /** Sealed answers waiting for the count. */
    int waiting(long questionnaireId) {
        return responses.sealedCount(questionnaireId);
    }

    /** What a sealed answer is bound to: the questionnaire's link, so it cannot be moved to another. */
    private static byte[] context(Questionnaire q) {
        return ("questionnaire:" + q.getSlug()).getBytes(StandardCharsets.UTF_8);
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
