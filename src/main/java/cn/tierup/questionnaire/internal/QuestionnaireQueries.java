package cn.tierup.questionnaire.internal;

import cn.tierup.questionnaire.AddressSpread;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads over launched questionnaires, their codes, tallies and answers, and the printing of codes.
 * Who may ask is checked by {@code QuestionnaireService} before it calls here.
 */
@Repository
public class QuestionnaireQueries {

    private final JdbcTemplate jdbc;

    public QuestionnaireQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids of the questionnaires of an organisation and of its children in a campaign, newest first. */
    public List<Long> idsOfOrganizationAndChildren(long campaignId, long organizationId) {
        return jdbc.queryForList("select q.id from questionnaire q join org_tree_view o on o.id = q.organization_id"
                + " where q.campaign_id = ? and (o.id = ? or o.parent_id = ?) order by q.id desc", Long.class,
                campaignId, organizationId, organizationId);
    }

    /** One launched questionnaire under a path with its respondents counted so far (党员 and 群众; a 民主测评's all as 党员). */
    public record QuotaRow(long questionnaireId, long organizationId, String organizationName, Long unitId, String unitName,
                           String title, String audience, int minimum, int memberShare, long members, long publics,
                           java.time.LocalDate opensOn, java.time.LocalDate closesOn) {
    }

    /**
     * Every questionnaire launched anywhere under the path in a campaign, with its respondents, in one grouped statement
     * over the tallies (the respondents' line counts each answer sheet once), by the tree's order; each with the child of
     * {@code organizationId} it lies under (its unit; none for the organisation's own).
     */
    public List<QuotaRow> quotasUnder(long campaignId, long organizationId, String pathPrefix) {
        List<QuotaRow> out = new ArrayList<>();
        jdbc.query("select q.id, q.organization_id, o.name, u.id as unit_id, u.name as unit_name, q.title, q.audience, q.quota_minimum, q.quota_member_share,"
                        + " q.opens_on, q.closes_on, coalesce(sum(case when t.category = 'PUBLIC' then 0 else t.n end), 0) as members,"
                        + " coalesce(sum(case when t.category = 'PUBLIC' then t.n else 0 end), 0) as publics"
                        + " from questionnaire q join org_tree_view o on o.id = q.organization_id"
                        + " left join org_tree_view u on u.parent_id = ? and u.retired = false and o.path like u.path || '%'"
                        + " left join questionnaire_tally t on t.questionnaire_id = q.id and t.question_key = ?"
                        + " where q.campaign_id = ? and o.path like ?"
                        + " group by q.id, q.organization_id, o.name, u.id, u.name, o.path, o.sort_key, q.title, q.audience, q.quota_minimum,"
                        + " q.quota_member_share, q.opens_on, q.closes_on order by o.sort_key, o.path, q.id", (ResultSet rs) -> {
                    long unit = rs.getLong("unit_id");
                    Long unitId = rs.wasNull() ? null : unit;
                    out.add(new QuotaRow(rs.getLong(1), rs.getLong(2), rs.getString(3), unitId, rs.getString("unit_name"),
                            rs.getString("title"), rs.getString("audience"), rs.getInt("quota_minimum"),
                            rs.getInt("quota_member_share"), rs.getLong("members"), rs.getLong("publics"),
                            rs.getDate("opens_on").toLocalDate(), rs.getDate("closes_on").toLocalDate()));
                }, organizationId, cn.tierup.questionnaire.ResponseIntake.RESPONDENTS, campaignId, pathPrefix + "%");
        return out;
    }

    /** Ids of the questionnaires launched from a template anywhere under the path in a campaign, newest first. */
    public List<Long> idsFromTemplateUnder(long campaignId, long templateId, String pathPrefix) {
        return jdbc.queryForList("select q.id from questionnaire q join org_tree_view o on o.id = q.organization_id"
                        + " where q.campaign_id = ? and q.template_id = ? and o.path like ? order by q.id desc", Long.class,
                campaignId, templateId, pathPrefix + "%");
    }

    /** Answers counted per address of a questionnaire, added up over the shards: total, addresses, the most from one. */
    public AddressSpread addressSpread(long questionnaireId) {
        return jdbc.queryForObject("select coalesce(sum(n), 0), count(*), coalesce(max(n), 0) from"
                        + " (select sum(answers) n from questionnaire_address where questionnaire_id = ? group by address_hash) a",
                (rs, i) -> new AddressSpread(rs.getLong(1), rs.getLong(2), rs.getLong(3)), questionnaireId);
    }

    /** Stores the hashes of newly printed codes, unspent. */
    public void insertCodes(long questionnaireId, List<String> codeHashes) {
        List<Object[]> rows = new ArrayList<>();
        for (String hash : codeHashes) {
            rows.add(new Object[] {questionnaireId, hash});
        }
        jdbc.batchUpdate("insert into questionnaire_code (questionnaire_id, code_hash, spent) values (?, ?, false)", rows);
    }

    public long codesIssued(long questionnaireId) {
        return jdbc.queryForObject("select count(*) from questionnaire_code where questionnaire_id = ?", Long.class,
                questionnaireId);
    }

    public long codesSpent(long questionnaireId) {
        return jdbc.queryForObject("select count(*) from questionnaire_code where questionnaire_id = ? and spent = true",
                Long.class, questionnaireId);
    }

    /**
     * The tallies of the questionnaires added up over their shards: keyed by {@code questionKey#optionIndex},
     * then by respondent category.
     */
    public Map<String, Map<String, Long>> tallies(List<Long> questionnaireIds) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        String in = String.join(", ", java.util.Collections.nCopies(questionnaireIds.size(), "?"));
        jdbc.query("select question_key, option_index, category, sum(n) as n from questionnaire_tally where questionnaire_id in ("
                + in + ") group by question_key, option_index, category", (ResultSet rs) -> {
            counts.computeIfAbsent(rs.getString("question_key") + "#" + rs.getInt("option_index"), k -> new LinkedHashMap<>())
                    .merge(rs.getString("category"), rs.getLong("n"), Long::sum);
        }, questionnaireIds.toArray());
        return counts;
    }

    /** One tally line of a questionnaire added up over its shards, per respondent category. */
    public Map<String, Long> lineByCategory(long questionnaireId, String questionKey) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.query("select category, sum(n) as n from questionnaire_tally where questionnaire_id = ? and question_key = ?"
                + " group by category", (ResultSet rs) -> {
            out.merge(rs.getString("category"), rs.getLong("n"), Long::sum);
        }, questionnaireId, questionKey);
        return out;
    }

    /** The latest text answers to the given questions (from the latest 2000 responses, at most 100 per question). */
    public Map<String, List<String>> latestTexts(long questionnaireId, List<String> keys) {
        Map<String, List<String>> out = new HashMap<>();
        jdbc.query("select answers from questionnaire_response where questionnaire_id = ? order by submitted_on desc limit 2000",
                (ResultSet rs) -> {
                    Map<?, ?> answers = QuestionsConverter.JSON.readValue(rs.getString(1), Map.class);
                    for (String k : keys) {
                        if (answers.get(k) instanceof String s && !s.isBlank()) {
                            List<String> list = out.computeIfAbsent(k, x -> new ArrayList<>());
                            if (list.size() < 100) {
                                list.add(s);
                            }
                        }
                    }
                }, questionnaireId);
        return out;
    }
}
