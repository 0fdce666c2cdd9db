package cn.tierup.questionnaire;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.organization.OrganizationView;
import cn.tierup.questionnaire.internal.QuestionnaireQueries;
import cn.tierup.questionnaire.internal.QuestionnaireRepository;
import cn.tierup.questionnaire.internal.TemplateRepository;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.OneTimeCodes;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Launching questionnaires, printing codes, and watching progress and statistics. */
@Service
public class QuestionnaireService {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int MAX_CODES = 2000;

    private final QuestionnaireRepository questionnaires;
    private final TemplateRepository templates;
    private final CampaignService campaigns;
    private final OrganizationService organizations;
    private final ResponseIntake intake;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final QuestionnaireQueries queries;

    QuestionnaireService(QuestionnaireRepository questionnaires, TemplateRepository templates, CampaignService campaigns,
                         OrganizationService organizations, ResponseIntake intake, ScopeGuard guard, AuditRecorder audit,
                         QuestionnaireQueries queries) {
        this.questionnaires = questionnaires;
        this.templates = templates;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.intake = intake;
        this.guard = guard;
        this.audit = audit;
        this.queries = queries;
    }

    /** Templates the user may launch: the shipped ones and those copied within their scope. */
    @Transactional(readOnly = true)
    public List<QuestionnaireTemplate> templates() {
        guard.scope(Permission.CAMPAIGN_READ);
        return templates.findAll().stream()
                .filter(t -> t.shipped() || guard.can(Permission.CAMPAIGN_READ, t.getOwnerOrganizationId()))
                .sorted(java.util.Comparator.comparing(QuestionnaireTemplate::shipped).reversed()
                        .thenComparing(QuestionnaireTemplate::getId))
                .toList();
    }

    @Transactional(readOnly = true)
    public QuestionnaireTemplate template(long id) {
        // the shipped templates are for everyone who takes part in campaigns, not for every account
        guard.scope(Permission.CAMPAIGN_READ);
        QuestionnaireTemplate t = templates.findById(id).orElseThrow(() -> new NotFoundException("template", id));
        if (!t.shipped()) {
            guard.require(Permission.CAMPAIGN_READ, t.getOwnerOrganizationId());
        }
        return t;
    }

    /** A copy of a template, owned by the administrator's organisation, to adapt before launching. */
    @Transactional
    public QuestionnaireTemplate copyTemplate(long id) {
        long org = guard.currentUser().organizationId();
        guard.require(Permission.CAMPAIGN_MANAGE, org);
        QuestionnaireTemplate from = template(id);
        QuestionnaireTemplate copy = from.copyFor(org, "COPY-" + org + "-" + Questionnaire.newSlug());
        templates.saveAndFlush(copy);
        audit.record("QuestionnaireTemplate", copy.getId(), org, "COPY", "复制问卷模板 " + from.getTitle(), null,
                Map.of("title", copy.getTitle()));
        return copy;
    }

    /** Changes a copied template; the shipped ones stay as the notice has them. Launched questionnaires keep their copy. */
    @Transactional
    public QuestionnaireTemplate reviseTemplate(long id, String title, String intro, String questionsText, long version) {
        QuestionnaireTemplate t = template(id);
        if (t.shipped()) {
            throw new DomainException("template.shipped");
        }
        guard.require(Permission.CAMPAIGN_MANAGE, t.getOwnerOrganizationId());
        if (t.getVersion() != version) {
            throw new cn.tierup.shared.StaleRecordException();
        }
        Map<String, Object> before = Map.of("title", t.getTitle(), "questions", QuestionText.format(t.getQuestions()));
        t.revise(title, intro, QuestionText.parse(questionsText));
        templates.saveAndFlush(t);
        audit.record("QuestionnaireTemplate", id, t.getOwnerOrganizationId(), "UPDATE", "修改问卷模板 " + t.getTitle(), before,
                Map.of("title", t.getTitle(), "questions", QuestionText.format(t.getQuestions())));
        return t;
    }

    /** The quota an organisation gets by default (the notice's numbers for its kind). */
    @Transactional(readOnly = true)
    public QuotaPolicy.Quota defaultQuota(long organizationId) {
        OrganizationView org = organizations.get(organizationId);
        return QuotaPolicy.defaults(org.name(), org.field().name(), org.childCount() > 0);
    }

    /**
     * Launches a questionnaire. A coded one has its answers sealed to a key pair made now: the closing key (计票密钥)
     * is answered this once, to be printed for the organiser, and never stored.
     */
    @Transactional
    public Launched launch(long campaignId, long organizationId, long templateId, AnswerMode mode,
                           LocalDate opensOn, LocalDate closesOn, Integer quotaMinimum, Integer quotaMemberShare) {
        guard.require(Permission.SURVEY_WRITE, organizationId);
        CampaignView c = campaigns.get(campaignId);
        if (!campaigns.takesPart(campaignId, organizationId)) {
            throw new DomainException("campaign.notParticipant");
        }
        QuestionnaireTemplate t = template(templateId);
        QuotaPolicy.Quota quota = t.getAudience() == Audience.EVALUATOR_GROUPS ? QuotaPolicy.APPRAISAL
                : defaultQuota(organizationId);
        var survey = c.phases().get(Phase.SURVEY);
        Questionnaire q = new Questionnaire(campaignId, organizationId, t, mode,
                opensOn == null ? LocalDate.now() : opensOn, closesOn == null ? survey.endsOn() : closesOn,
                quotaMinimum == null ? quota.minimum() : quotaMinimum,
                quotaMemberShare == null ? quota.memberShare() : quotaMemberShare, Actors.current());
        String closingKey = q.getMode() == AnswerMode.CODED ? q.seal() : null;
        questionnaires.saveAndFlush(q);
        intake.prepareTally(q);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("title", q.getTitle());
        after.put("mode", q.getMode());
        after.put("window", q.getOpensOn() + " ~ " + q.getClosesOn());
        after.put("quota", q.getQuotaMinimum() + "，党员占 " + q.getQuotaMemberShare() + "%");
        audit.record("Questionnaire", q.getId(), organizationId, "LAUNCH", "发布问卷 " + q.getTitle(), null, after);
        return new Launched(view(q), closingKey);
    }

    /** A questionnaire just launched, with the closing key of a coded one (null for an open one), shown this once. */
    public record Launched(QuestionnaireView questionnaire, String closingKey) {
        @Override
        public String toString() {
            return "Launched[" + questionnaire.id() + ", closingKey=…]";
        }
    }

    /**
     * Counts a coded questionnaire's sealed answers with the closing key printed at its launch, and ends it: no
     * answer is taken after the count. A key that is not this questionnaire's is refused before anything is opened.
     */
    @Transactional
    public ResponseIntake.SealedCount count(long id, String closingKey) {
        // locked before it is read, so that a count that just finished elsewhere is seen
        Questionnaire q = questionnaires.lockById(id).orElseThrow(() -> new NotFoundException("questionnaire", id));
        guard.require(Permission.SURVEY_WRITE, q.getOrganizationId());
        if (!q.sealed()) {
            throw new DomainException("questionnaire.notSealed");
        }
        if (q.counted()) {
            throw new DomainException("questionnaire.counted");
        }
        if (closingKey == null || closingKey.isBlank()) {
            throw new DomainException("questionnaire.key.required");
        }
        var opener = cn.tierup.shared.crypto.SealedBox.opener(q.getSealKey(), closingKey)
                .orElseThrow(() -> new DomainException("questionnaire.key.wrong"));
        int issued = (int) queries.codesIssued(id);
        int spent = (int) queries.codesSpent(id);
        ResponseIntake.SealedCount result = intake.countSealed(q, opener);
        q.markCounted(issued, spent);
        questionnaires.saveAndFlush(q);
        audit.record("Questionnaire", id, q.getOrganizationId(), "COUNT", "计票：开启密封答卷 " + result.counted() + " 份", null,
                Map.of("counted", result.counted(), "unreadable", result.unreadable(), "codesIssued", issued, "codesSpent", spent));
        return result;
    }

    /** Questionnaires of an organisation and of its children in a campaign, newest first. */
    @Transactional(readOnly = true)
    public List<QuestionnaireView> list(long campaignId, long organizationId) {
        guard.require(Permission.CAMPAIGN_READ, organizationId);
        campaigns.get(campaignId);
        List<Long> ids = queries.idsOfOrganizationAndChildren(campaignId, organizationId);
        return ids.stream().map(id -> view(questionnaires.findById(id).orElseThrow())).toList();
    }

    @Transactional(readOnly = true)
    public QuestionnaireView get(long id) {
        return view(load(id));
    }

    /**
     * Prints {@code count} one-time codes for a coded questionnaire. They are shown once, here; only
     * their hashes are kept, so a lost sheet cannot be reprinted — print new codes instead.
     */
    @Transactional
    public List<String> issueCodes(long id, int count) {
        Questionnaire q = load(id);
        guard.require(Permission.SURVEY_WRITE, q.getOrganizationId());
        if (q.getMode() != AnswerMode.CODED) {
            throw new DomainException("questionnaire.notCoded");
        }
        if (count < 1 || count > MAX_CODES) {
            throw new DomainException("questionnaire.codeCount", MAX_CODES);
        }
        List<String> codes = OneTimeCodes.generate(count);
        queries.insertCodes(q.getId(), codes.stream()
                .map(code -> OneTimeCodes.hash(q.getSlug(), OneTimeCodes.normalise(code))).toList());
        audit.record("Questionnaire", q.getId(), q.getOrganizationId(), "ISSUE_CODES", "印制一次性答题码 " + count + " 个", null, null);
        return codes;
    }

    @Transactional(readOnly = true)
    public Statistics statistics(long id) {
        Questionnaire q = load(id);
        return tally(q.getQuestions(), q.getAudience(), List.of(q.getId()), texts(q));
    }

    /**
     * The statistics of every questionnaire launched from one template in an organisation's subtree, added
     * up (a town sees its villages together). Questionnaires whose questions differ from the newest one's
     * (launched before the template was edited) are left out, so that only like is added to like.
     */
    @Transactional(readOnly = true)
    public Rollup rollup(long campaignId, long organizationId, long templateId) {
        var org = guard.require(Permission.CAMPAIGN_READ, organizationId);
        campaigns.get(campaignId);
        List<Questionnaire> all = queries.idsFromTemplateUnder(campaignId, templateId, org.path()).stream()
                .map(id -> questionnaires.findById(id).orElseThrow()).toList();
        if (all.isEmpty()) {
            throw new NotFoundException("questionnaire", templateId);
        }
        List<Question> questions = all.get(0).getQuestions();
        List<Questionnaire> alike = all.stream().filter(q -> q.getQuestions().equals(questions)).toList();
        Statistics stats = tally(questions, all.get(0).getAudience(), alike.stream().map(Questionnaire::getId).toList(), Map.of());
        return new Rollup(all.get(0).getTitle(), org.name(), alike.stream().map(this::view).toList(), all.size() - alike.size(),
                stats);
    }

    /**
     * A questionnaire launched in a subtree, where it stands against its quota; {@code unitId} and {@code unitName} the
     * child of the subtree's organisation it lies under (null for the organisation's own).
     */
    public record QuotaLine(long questionnaireId, long organizationId, String organizationName, Long unitId, String unitName,
                            String title, Audience audience, QuotaProgress progress, java.time.LocalDate opensOn,
                            java.time.LocalDate closesOn) {
    }

    /**
     * Every questionnaire launched in an organisation's subtree (itself included) in a campaign with its quota progress,
     * counted in one statement for the whole subtree: the cockpit's questionnaire block.
     */
    @Transactional(readOnly = true)
    public List<QuotaLine> quotasUnder(long campaignId, long organizationId) {
        var org = guard.require(Permission.CAMPAIGN_READ, organizationId);
        return queries.quotasUnder(campaignId, organizationId, org.path()).stream().map(r -> {
            Audience audience = Audience.valueOf(r.audience());
            return new QuotaLine(r.questionnaireId(), r.organizationId(), r.organizationName(), r.unitId(), r.unitName(),
                    r.title(), audience,
                    QuotaProgress.of(r.minimum(), r.memberShare(), r.members(), r.publics(),
                            audience == Audience.MEMBER_PUBLIC), r.opensOn(), r.closesOn());
        }).toList();
    }

    /** Adds up the tallies of questionnaires with the same questions, per question, option and respondent category. */
    private Statistics tally(List<Question> questions, Audience audience, List<Long> questionnaireIds,
                             Map<String, List<String>> texts) {
        Map<String, Map<String, Long>> counts = queries.tallies(questionnaireIds);
        Map<String, Long> people = new LinkedHashMap<>();
        for (String c : audience.categories()) {
            people.put(c, counts.getOrDefault(ResponseIntake.RESPONDENTS + "#0", Map.of()).getOrDefault(c, 0L));
        }
        long respondents = people.values().stream().mapToLong(Long::longValue).sum();
        List<Statistics.QuestionStats> out = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            List<Map<String, Long>> byOption = new ArrayList<>();
            for (int o = 0; o < question.options().size(); o++) {
                byOption.add(counts.getOrDefault(question.key() + "#" + o, Map.of()));
            }
            // one line of shares per question: they add up to 100.00 where every respondent chose one option
            List<java.math.BigDecimal> shares = cn.tierup.shared.Shares.of(byOption.stream()
                    .map(m -> m.values().stream().mapToLong(Long::longValue).sum()).toList(), respondents);
            List<Statistics.OptionStats> options = new ArrayList<>();
            for (int o = 0; o < question.options().size(); o++) {
                options.add(new Statistics.OptionStats(question.options().get(o), byOption.get(o), respondents,
                        shares.get(o)));
            }
            out.add(new Statistics.QuestionStats(i + 1, question, options, texts.getOrDefault(question.key(), List.of())));
        }
        return new Statistics(audience, audience.categories(), people, out);
    }

    /** Added-up statistics of a subtree, with the questionnaires they come from one by one. */
    public record Rollup(String title, String organizationName, List<QuestionnaireView> questionnaires, int leftOut,
                         Statistics statistics) {
    }

    /** The latest text answers per text question (at most 100 each). */
    private Map<String, List<String>> texts(Questionnaire q) {
        List<String> keys = q.getQuestions().stream().filter(x -> !x.kind().hasOptions()).map(Question::key).toList();
        if (keys.isEmpty()) {
            return new HashMap<>();
        }
        return queries.latestTexts(q.getId(), keys);
    }

    private Questionnaire load(long id) {
        Questionnaire q = questionnaires.findById(id).orElseThrow(() -> new NotFoundException("questionnaire", id));
        guard.require(Permission.CAMPAIGN_READ, q.getOrganizationId());
        return q;
    }

    private QuestionnaireView view(Questionnaire q) {
        long[] people = new long[2];
        queries.lineByCategory(q.getId(), ResponseIntake.RESPONDENTS).forEach((category, n) -> {
            // a 民主测评 counts all its evaluators together
            people["PUBLIC".equals(category) ? 1 : 0] += n;
        });
        long issued = 0;
        long spent = 0;
        if (q.counted()) {
            issued = q.getCodesIssuedAtCount();
            spent = q.getCodesSpentAtCount();
        } else if (q.getMode() == AnswerMode.CODED) {
            issued = queries.codesIssued(q.getId());
            spent = queries.codesSpent(q.getId());
        }
        QuestionnaireView.Sealing sealing = new QuestionnaireView.Sealing(q.sealed(), q.getCountedAt(),
                q.sealed() && !q.counted() ? intake.waiting(q.getId()) : 0);
        String orgName = organizations.get(q.getOrganizationId()).name();
        return new QuestionnaireView(q.getId(), q.getCampaignId(), q.getOrganizationId(), orgName, q.getTemplateId(),
                q.getTitle(), q.getIntro(),
                q.getQuestions(), q.getSlug(), q.getMode(), q.getOpensOn(), q.getClosesOn(), q.openOn(LocalDate.now()),
                QuotaProgress.of(q.getQuotaMinimum(), q.getQuotaMemberShare(), people[0], people[1],
                        q.getAudience() == Audience.MEMBER_PUBLIC), q.getAudience(), issued, spent,
                queries.addressSpread(q.getId()), q.getVersion(), sealing);
    }
}
