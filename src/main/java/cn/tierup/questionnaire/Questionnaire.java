package cn.tierup.questionnaire;

import cn.tierup.questionnaire.internal.QuestionsConverter;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Slugs;
import cn.tierup.shared.crypto.SealedBox;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A questionnaire an organisation runs in a campaign: a frozen copy of a template's questions, a short
 * link, an answering window, a mode (open or coded) and a quota.
 */
@Entity
@Table(name = "questionnaire")
public class Questionnaire {


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long campaignId;
    private Long organizationId;
    private Long templateId;
    private String title;
    private String intro;
    @Convert(converter = QuestionsConverter.class)
    private List<Question> questions;
    private String slug;
    @Enumerated(EnumType.STRING)
    private AnswerMode mode;
    @Enumerated(EnumType.STRING)
    private Audience audience;
    private LocalDate opensOn;
    private LocalDate closesOn;
    private int quotaMinimum;
    private int quotaMemberShare;
    private String createdBy;
    private LocalDateTime createdAt;
    /** The public half of the key a coded questionnaire's answers are sealed to; null for open ones (and older coded ones). */
    private String sealKey;
    private LocalDateTime countedAt;
    private Integer codesIssuedAtCount;
    private Integer codesSpentAtCount;
    @Version
    private long version;

    protected Questionnaire() {
    }

    public Questionnaire(long campaignId, long organizationId, QuestionnaireTemplate template, AnswerMode mode,
                         LocalDate opensOn, LocalDate closesOn, int quotaMinimum, int quotaMemberShare, String by) {
        QuestionnairePolicy.check(template.getQuestions());
        this.campaignId = campaignId;
        this.organizationId = organizationId;
        this.templateId = template.getId();
        this.title = template.getTitle();
        this.intro = template.getIntro();
        this.questions = List.copyOf(template.getQuestions());
        this.mode = mode == null ? AnswerMode.OPEN : mode;
        this.audience = template.getAudience();
        this.slug = newSlug();
        this.createdBy = by;
        this.createdAt = LocalDateTime.now();
        reschedule(opensOn, closesOn);
        requota(quotaMinimum, quotaMemberShare);
    }

    public void reschedule(LocalDate opens, LocalDate closes) {
        if (opens == null || closes == null || closes.isBefore(opens)) {
            throw new DomainException("questionnaire.window");
        }
        this.opensOn = opens;
        this.closesOn = closes;
    }

    public void requota(int minimum, int memberShare) {
        if (minimum < 1 || minimum > 100000 || memberShare < 0 || memberShare > 100) {
            throw new DomainException("questionnaire.quota");
        }
        this.quotaMinimum = minimum;
        this.quotaMemberShare = memberShare;
    }

    /** Answers are taken from the first to the last day of the window, both included. */
    public boolean openOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    /**
     * Seals a coded questionnaire's answers to a key pair made now: the public half is kept, the private half is
     * answered to be printed for the organiser and never stored.
     */
    String seal() {
        if (mode != AnswerMode.CODED || sealKey != null) {
            throw new IllegalStateException("only a new coded questionnaire is sealed");
        }
        if (SealedAnswer.length(questions) > MAX_SEALED) {
            throw new DomainException("questionnaire.tooLargeToSeal");
        }
        SealedBox.Keys keys = SealedBox.generate();
        this.sealKey = keys.publicKey();
        return keys.closingKey();
    }

    /** The sealed answers' plain text is at most this long, so that a sealed answer fits its column. */
    static final int MAX_SEALED = 600_000;

    /** Whether answers wait sealed for the organiser's key (coded questionnaires launched since answers are sealed). */
    public boolean sealed() {
        return sealKey != null;
    }

    public boolean counted() {
        return countedAt != null;
    }

    /** Counted: the codes are about to be deleted, so how many were printed and used is kept here. */
    void markCounted(int codesIssued, int codesSpent) {
        if (countedAt != null) {
            throw new DomainException("questionnaire.counted");
        }
        this.countedAt = LocalDateTime.now();
        this.codesIssuedAtCount = codesIssued;
        this.codesSpentAtCount = codesSpent;
    }

    static String newSlug() {
        return Slugs.generate();
    }

    public Long getId() { return id; }
    public Long getCampaignId() { return campaignId; }
    public Long getOrganizationId() { return organizationId; }
    public Long getTemplateId() { return templateId; }
    public String getTitle() { return title; }
    public String getIntro() { return intro; }
    public List<Question> getQuestions() { return questions; }
    public String getSlug() { return slug; }
    public AnswerMode getMode() { return mode; }
    public Audience getAudience() { return audience; }
    public LocalDate getOpensOn() { return opensOn; }
    public LocalDate getClosesOn() { return closesOn; }
    public int getQuotaMinimum() { return quotaMinimum; }
    public int getQuotaMemberShare() { return quotaMemberShare; }
    public String getCreatedBy() { return createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
    public String getSealKey() { return sealKey; }
    public LocalDateTime getCountedAt() { return countedAt; }
    public Integer getCodesIssuedAtCount() { return codesIssuedAtCount; }
    public Integer getCodesSpentAtCount() { return codesSpentAtCount; }
}
