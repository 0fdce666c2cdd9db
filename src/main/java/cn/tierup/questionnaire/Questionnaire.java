package cn.tierup.questionnaire;

import cn.tierup.questionnaire.internal.QuestionsConverter;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Slugs;
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
}
