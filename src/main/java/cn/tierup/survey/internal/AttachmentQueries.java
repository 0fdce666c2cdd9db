package cn.tierup.survey.internal;

import cn.tierup.survey.ReportView.AttachmentView;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL over survey_attachment: the rows that name a report's files (the bytes sit in the attachment
 * store under {@code storage_key}). Whether the caller may touch the report is checked by {@code SurveyReports}.
 */
@Repository
public class AttachmentQueries {

    private final JdbcClient jdbc;

    public AttachmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long reportId, String fileName, String contentType, long sizeBytes, String storageKey, String sha256,
                       String uploadedBy, LocalDateTime uploadedAt) {
        jdbc.sql("insert into survey_attachment (report_id, file_name, content_type, size_bytes, storage_key, sha256,"
                        + " uploaded_by, uploaded_at) values (:r, :n, :t, :s, :k, :h, :by, :at)")
                .param("r", reportId).param("n", fileName).param("t", contentType).param("s", sizeBytes)
                .param("k", storageKey).param("h", sha256).param("by", uploadedBy)
                .param("at", Timestamp.valueOf(uploadedAt)).update();
    }

    /** The report an attachment belongs to; empty when there is no such attachment. */
    public Optional<Long> reportOf(long attachmentId) {
        return jdbc.sql("select report_id from survey_attachment where id = :id").param("id", attachmentId)
                .query(Long.class).optional();
    }

    public String fileName(long attachmentId) {
        return jdbc.sql("select file_name from survey_attachment where id = :id").param("id", attachmentId)
                .query(String.class).single();
    }

    public void delete(long attachmentId) {
        jdbc.sql("delete from survey_attachment where id = :id").param("id", attachmentId).update();
    }

    /** Where an attachment's bytes are kept, and how to hand them out; empty when there is no such attachment. */
    public Optional<Stored> find(long attachmentId) {
        return jdbc.sql("select report_id, file_name, content_type, storage_key from survey_attachment where id = :id")
                .param("id", attachmentId)
                .query((rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The attachments of a report, newest first. */
    public List<AttachmentView> ofReport(long reportId) {
        return jdbc.sql("select id, file_name, content_type, size_bytes, uploaded_by, uploaded_at from survey_attachment"
                        + " where report_id = :r order by id desc").param("r", reportId)
                .query((rs, i) -> new AttachmentView(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toLocalDateTime()))
                .list();
    }

    /** An attachment row as needed to hand its bytes out. */
    public record Stored(long reportId, String fileName, String contentType, String storageKey) {
    }
}
