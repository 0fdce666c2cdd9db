package cn.tierup.questionnaire.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import cn.tierup.shared.DatabaseKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of answering: the right to answer (a browser token or a one-time code, both as hashes), the
 * answers, and the sharded tallies. Each method is one statement or one batch; {@code ResponseIntake}
 * runs them in its single transaction.
 */
@Repository
public class ResponseQueries {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public ResponseQueries(JdbcTemplate jdbc, DatabaseKind database) {
        this.jdbc = jdbc;
        this.postgres = database.postgres();
    }

    /** Whether the browser with this token hash has answered the questionnaire. */
    public boolean seen(long questionnaireId, String tokenHash) {
        Integer n = jdbc.queryForObject("select count(*) from questionnaire_seen where questionnaire_id = ? and token_hash = ?",
                Integer.class, questionnaireId, tokenHash);
        return n != null && n > 0;
    }

    /** Spends an unspent code; false when there is no such code or it was spent already. */
    public boolean spendCode(long questionnaireId, String codeHash) {
        return jdbc.update("update questionnaire_code set spent = true"
                + " where questionnaire_id = ? and code_hash = ? and spent = false", questionnaireId, codeHash) == 1;
    }

    /** Records that the browser has answered; false when it had already (the key refuses a second row). */
    public boolean markSeen(long questionnaireId, String tokenHash) {
        try {
            jdbc.update("insert into questionnaire_seen (questionnaire_id, token_hash) values (?, ?)", questionnaireId,
                    tokenHash);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Stores one set of answers under a random id, with the day only (no time, nothing naming who answered). */
    public void insertResponse(long questionnaireId, String category, Map<String, Object> answers, LocalDate day) {
        jdbc.update("insert into questionnaire_response (id, questionnaire_id, category, answers, submitted_on) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), questionnaireId, category, QuestionsConverter.JSON.writeValueAsString(answers),
                Date.valueOf(day));
    }

    /** Adds one to each line in the shard; the lines exist already (see {@link #createTally}). */
    public void count(long questionnaireId, String category, int shard, List<TallyLine> lines) {
        List<Object[]> counts = new ArrayList<>();
        for (TallyLine line : lines) {
            counts.add(new Object[] {questionnaireId, line.questionKey(), line.option(), category, shard});
        }
        jdbc.batchUpdate("update questionnaire_tally set n = n + 1 where questionnaire_id = ? and question_key = ?"
                + " and option_index = ? and category = ? and shard = ?", counts);
    }

    /**
     * Adds one to the answers counted for an address (its keyed hash) in a shard. PostgreSQL would abort the whole
     * answer's transaction on a failed insert, so it upserts in one statement; H2 (without {@code on conflict ... do
     * update}) fails only the statement, so a lost race to insert becomes an update.
     */
    public void countAddress(long questionnaireId, String addressHash, int shard) {
        if (postgres) {
            jdbc.update("insert into questionnaire_address (questionnaire_id, address_hash, shard, answers) values (?, ?, ?, 1)"
                    + " on conflict (questionnaire_id, address_hash, shard) do update set answers = questionnaire_address.answers + 1",
                    questionnaireId, addressHash, shard);
            return;
        }
        if (addOneForAddress(questionnaireId, addressHash, shard)) {
            return;
        }
        try {
            jdbc.update("insert into questionnaire_address (questionnaire_id, address_hash, shard, answers) values (?, ?, ?, 1)",
                    questionnaireId, addressHash, shard);
        } catch (DuplicateKeyException e) {
            addOneForAddress(questionnaireId, addressHash, shard);
        }
    }

    private boolean addOneForAddress(long questionnaireId, String addressHash, int shard) {
        return jdbc.update("update questionnaire_address set answers = answers + 1 where questionnaire_id = ? and address_hash = ?"
                + " and shard = ?", questionnaireId, addressHash, shard) == 1;
    }

    /** Creates every line at zero, for each category and shard, so that counting never has to insert. */
    public void createTally(long questionnaireId, List<String> categories, int shards, List<TallyLine> lines) {
        List<Object[]> rows = new ArrayList<>();
        for (String c : categories) {
            for (int s = 0; s < shards; s++) {
                for (TallyLine line : lines) {
                    rows.add(new Object[] {questionnaireId, line.questionKey(), line.option(), c, s});
                }
            }
        }
        jdbc.batchUpdate("insert into questionnaire_tally (questionnaire_id, question_key, option_index, category, shard, n)"
                + " values (?, ?, ?, ?, ?, 0)", rows);
    }

    // ---- sealed answers of coded questionnaires --------------------------------------------------

    /** Stores one sealed answer: the questionnaire it belongs to and the sealed text, nothing else. */
    public void insertSealed(long questionnaireId, String sealed) {
        jdbc.update("insert into questionnaire_sealed (questionnaire_id, sealed) values (?, ?)", questionnaireId, sealed);
    }

    public List<String> sealed(long questionnaireId) {
        return jdbc.queryForList("select sealed from questionnaire_sealed where questionnaire_id = ?", String.class,
                questionnaireId);
    }

    public int sealedCount(long questionnaireId) {
        Integer n = jdbc.queryForObject("select count(*) from questionnaire_sealed where questionnaire_id = ?",
                Integer.class, questionnaireId);
        return n == null ? 0 : n;
    }

    /**
     * Deletes a questionnaire's codes, spent or not. Counting does this first: a code being spent at that moment
     * holds its row, so the delete waits for that answer's transaction, whose sealed answer is then counted too;
     * any answer after it finds no code.
     */
    public void deleteCodes(long questionnaireId) {
        jdbc.update("delete from questionnaire_code where questionnaire_id = ?", questionnaireId);
    }

    public void deleteSealed(long questionnaireId) {
        jdbc.update("delete from questionnaire_sealed where questionnaire_id = ?", questionnaireId);
    }

    public void insertReceipts(long questionnaireId, List<String> receipts) {
        jdbc.batchUpdate("insert into questionnaire_receipt (questionnaire_id, receipt) values (?, ?)",
                receipts.stream().distinct().map(r -> new Object[] {questionnaireId, r}).toList());
    }

    public List<String> receipts(long questionnaireId) {
        return jdbc.queryForList("select receipt from questionnaire_receipt where questionnaire_id = ? order by receipt",
                String.class, questionnaireId);
    }

    /** Whether the questionnaire's sealed answers have been counted (read from the row, not from any cache). */
    public boolean counted(long questionnaireId) {
        Integer n = jdbc.queryForObject("select count(*) from questionnaire where id = ? and counted_at is not null",
                Integer.class, questionnaireId);
        return n != null && n > 0;
    }

    /** One counted line: an option of a question (or the respondents line). */
    public record TallyLine(String questionKey, int option) {
    }
}
