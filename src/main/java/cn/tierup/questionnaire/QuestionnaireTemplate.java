package cn.tierup.questionnaire;

import cn.tierup.shared.BoundedText;
import cn.tierup.questionnaire.internal.QuestionsConverter;
import jakarta.persistence.*;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A 问卷调查表 template. The shipped ones (no owner) are the notice's, kept as they are; an
 * administrator copies one to adapt it. Launching a questionnaire freezes a copy of its questions.
 */
@Entity
@Table(name = "questionnaire_template")
public class QuestionnaireTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String title;
    private String field;
    private String intro;
    @Convert(converter = QuestionsConverter.class)
    private List<Question> questions;
    @Enumerated(EnumType.STRING)
    private Audience audience = Audience.MEMBER_PUBLIC;
    private Long ownerOrganizationId;
    private Long copiedFromId;
    @Version
    private long version;
    private LocalDateTime updatedAt = LocalDateTime.now();

    protected QuestionnaireTemplate() {
    }

    public QuestionnaireTemplate(String code, String title, String field, String intro, List<Question> questions,
                                 Long ownerOrganizationId) {
        this.code = code;
        this.ownerOrganizationId = ownerOrganizationId;
        revise(title, intro, questions);
        this.field = field;
    }

    public QuestionnaireTemplate forAudience(Audience a) {
        this.audience = a == null ? Audience.MEMBER_PUBLIC : a;
        return this;
    }

    public QuestionnaireTemplate copyFor(long organizationId, String newCode) {
        QuestionnaireTemplate t = new QuestionnaireTemplate(newCode, title + "（副本）", field, intro, questions, organizationId)
                .forAudience(audience);
        t.copiedFromId = id;
        return t;
    }

    public void revise(String newTitle, String newIntro, List<Question> newQuestions) {
        String title = BoundedText.TITLE.required(newTitle, "questionnaire.title");
        QuestionnairePolicy.check(newQuestions);
        this.title = title;
        this.intro = newIntro == null || newIntro.isBlank() ? null : newIntro.strip();
        this.questions = List.copyOf(newQuestions);
        this.updatedAt = LocalDateTime.now();
    }

    public boolean shipped() {
        return ownerOrganizationId == null;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getTitle() { return title; }
    public String getField() { return field; }
    public String getIntro() { return intro; }
    public List<Question> getQuestions() { return questions; }
    public Audience getAudience() { return audience; }
    public Long getOwnerOrganizationId() { return ownerOrganizationId; }
    public Long getCopiedFromId() { return copiedFromId; }
    public long getVersion() { return version; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
}
