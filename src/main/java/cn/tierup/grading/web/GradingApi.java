package cn.tierup.grading.web;

import cn.tierup.grading.BatchDecisions;
import cn.tierup.grading.CaseView;
import cn.tierup.grading.DecisionMeeting;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeRegister;
import cn.tierup.grading.GradingCases;
import cn.tierup.grading.GradingFigures;
import cn.tierup.grading.GradingFigures.Distribution;
import cn.tierup.grading.GradingSetups;
import cn.tierup.grading.MeetingRecord;
import cn.tierup.grading.PaperTally;
import cn.tierup.grading.ScoreSheet;
import cn.tierup.grading.Step;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import cn.tierup.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.*;

/**
 * 对标定级 over JSON: an organisation's five steps, the figures under an organisation (附件3, 附件4), the
 * register and a campaign's grading settings. Every rule and check is the grading services'; this only
 * binds requests to them.
 */
@RestController
@RequestMapping("/api/grading")
@Tag(name = "对标定级", description = "五个步骤（群众初评、党员评议、自评、党员群众会议审议、上级评定）、分类统计表、分类管理台账和活动的定级设置")
class GradingApi {

    private final GradingCases cases;
    private final GradingFigures figures;
    private final GradeRegister register;
    private final GradingSetups setups;
    private final ScopeGuard guard;
    private final BatchDecisions batch;
    private final Messages messages;

    GradingApi(GradingCases cases, GradingFigures figures, GradeRegister register, GradingSetups setups, ScopeGuard guard,
               BatchDecisions batch, Messages messages) {
        this.batch = batch;
        this.messages = messages;
        this.cases = cases;
        this.figures = figures;
        this.register = register;
        this.setups = setups;
        this.guard = guard;
    }

    // ---- one organisation's five steps ---------------------------------------------------------------

    @GetMapping("/cases/{campaign}/{org}")
    @Operation(summary = "该党组织在本活动中的对标定级：所处步骤、各次会议、评分表、自评与评定、近三年等次")
    CaseView get(@PathVariable long campaign, @PathVariable long org) {
        return cases.get(campaign, org);
    }

    @PostMapping("/cases/{campaign}/{org}/public-review")
    @Operation(summary = "第 1 步 群众初评：录入会议日期、地点、应到、实到和各等次得票（votes 以等次名称为键）")
    CaseView publicReview(@PathVariable long campaign, @PathVariable long org, @Valid @RequestBody Review body) {
        return cases.recordReview(campaign, org, Step.PUBLIC_REVIEW, body.record());
    }

    @PostMapping("/cases/{campaign}/{org}/member-review")
    @Operation(summary = "第 2 步 党员评议：党员大会须超过半数党员到会（应到不填则为党员人数）")
    CaseView memberReview(@PathVariable long campaign, @PathVariable long org, @Valid @RequestBody Review body) {
        return cases.recordReview(campaign, org, Step.MEMBER_REVIEW, body.record());
    }

    @PutMapping("/cases/{campaign}/{org}/score-sheet")
    @Operation(summary = "第 3 步 保存自查评分表：scores 以“维度序号.细则序号”为键，vetoes 为命中的一票否决序号，附上级年度考核情况")
    CaseView scoreSheet(@PathVariable long campaign, @PathVariable long org, @Valid @RequestBody Sheet body) {
        return cases.saveScoreSheet(campaign, org, new ScoreSheet(body.scores(), body.vetoes()), body.annualAssessment(),
                body.version());
    }

    @PostMapping("/cases/{campaign}/{org}/self-grade")
    @Operation(summary = "第 3 步 提出自评等次并写明自评说明（有一票否决事项时只能自评为最低等次）")
    CaseView selfGrade(@PathVariable long campaign, @PathVariable long org, @Valid @RequestBody SelfGrade body) {
        return cases.proposeSelfGrade(campaign, org, body.grade(), body.statement(), body.version());
    }

    @PostMapping("/cases/{campaign}/{org}/ballot/paper")
    @Operation(summary = "第 4 步 党员群众会议审议（纸质票）：录入发出、收回、同意、不同意、弃权、无效票数；未通过则退回自评")
    CaseView paperBallot(@PathVariable long campaign, @PathVariable long org, @Valid @RequestBody Paper body) {
        return cases.recordPaperBallot(campaign, org, body.tally());
    }

    @PostMapping("/cases/{campaign}/{org}/ballot/phone")
    @Operation(summary = "第 4 步 开启手机无记名测评并印制测评码（测评码只在此返回一次，系统只保存其摘要）")
    GradingCases.PhoneBallot openPhoneBallot(@PathVariable long campaign, @PathVariable long org,
                                             @Valid @RequestBody Phone body) {
        return cases.openPhoneBallot(campaign, org, body.heldOn(), body.place(), body.expected(), body.codes());
    }

    @PostMapping("/cases/{campaign}/{org}/ballot/phone/abandon")
    @Operation(summary = "第 4 步 作废进行中的手机测评（不计票，如计票密钥遗失），写明原因后可重新测评")
    CaseView abandonPhoneBallot(@PathVariable long campaign, @PathVariable long org, @RequestBody Abandon body) {
        return cases.abandonPhoneBallot(campaign, org, body.reason());
    }

    @PostMapping("/cases/{campaign}/{org}/ballot/phone/close")
    @Operation(summary = "第 4 步 结束手机测评并填写实到人数，按计票结果通过或退回自评")
    CaseView closePhoneBallot(@PathVariable long campaign, @PathVariable long org, @Valid @RequestBody Close body) {
        return cases.closePhoneBallot(campaign, org, body.attendance(), body.closingKey());
    }

    @PostMapping("/cases/{campaign}/{org}/decision")
    @Operation(summary = "第 5 步 上级评定（仅评定组织）：与自评等次不同时须写明理由")
    CaseView decide(@PathVariable long campaign, @PathVariable long org, @Valid @RequestBody Decision body) {
        return cases.decide(campaign, org, body.grade(), body.reason(), body.version(),
                DecisionMeeting.optional(body.meetingOn(), body.minutes(), LocalDate.now()));
    }

    // ---- many decisions at one meeting of the authority --------------------------------------------------

    @GetMapping("/decisions/{campaign}")
    @Operation(summary = "评定组织待评定的党组织及各自的自评等次（提议）、评分和审议结果；authority 缺省为本人所在组织")
    BatchDecisions.Sheet awaiting(@PathVariable long campaign, @RequestParam(required = false) Long authority) {
        return batch.awaiting(campaign, authority == null ? guard.currentUser().organizationId() : authority);
    }

    @PostMapping("/decisions/{campaign}")
    @Operation(summary = "在一次评定会议上评定多个党组织：会议日期和记录填写一次；与自评等次不同须写明理由；"
            + "全部通过才生效，有错误时返回 422，errors 逐行说明，一个也不评定")
    ResponseEntity<?> decideMany(@PathVariable long campaign, @Valid @RequestBody Meeting body) {
        long authority = body.authority() == null ? guard.currentUser().organizationId() : body.authority();
        try {
            int n = batch.decide(campaign, authority, body.meetingOn(), body.minutes(), body.lines());
            return ResponseEntity.ok(new Decided(n, batch.awaiting(campaign, authority)));
        } catch (BatchDecisions.Refused e) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, messages.of(e));
            p.setProperty("code", e.code());
            p.setProperty("errors", e.problems().stream().map(x -> new LineError(x.line(), x.organizationId(),
                    x.organizationName(), messages.of(x.reason()))).toList());
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
    }

    /** The authority's meeting and its decisions; {@code authority} defaults to the user's own organisation. */
    record Meeting(Long authority, LocalDate meetingOn, String minutes,
                   List<BatchDecisions.Line> lines) {
    }

    /** How many were decided, and who still awaits a decision. */
    record Decided(int decided, BatchDecisions.Sheet remaining) {
    }

    /** A refused line: its number (from 1), the organisation and what to fix. */
    record LineError(int line, Long organizationId, String organizationName, String message) {
    }

    @PostMapping("/cases/{campaign}/{org}/reopen")
    @Operation(summary = "评定组织退回重新开展某一步并说明原因：该步及以后的会议记录保留并标记作废")
    CaseView reopen(@PathVariable long campaign, @PathVariable long org, @Valid @RequestBody Reopen body) {
        return cases.reopen(campaign, org, body.step(), body.reason());
    }

    // ---- figures under an organisation ---------------------------------------------------------------

    @GetMapping("/overview")
    @Operation(summary = "下级党组织定级进度：各步骤数、已定等次、待评定和逾期的组织（org 不填为本组织）")
    GradingFigures.Overview overview(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        return figures.overview(campaign, orgOrMine(org));
    }

    /** The steps to filter the list by, and NOT_STARTED for those without a case yet. */
    enum StepFilter {
        NOT_STARTED, PUBLIC_REVIEW, MEMBER_REVIEW, SELF_GRADING, DELIBERATION, DECISION, DONE
    }

    @GetMapping("/list")
    @Operation(summary = "下级党组织逐个列出所处步骤、自评和评定等次；可按步骤、领域、类别、名称筛选")
    PageResult<GradingFigures.Line> list(@RequestParam long campaign, @RequestParam(required = false) Long org,
                                         @RequestParam(required = false) StepFilter step,
                                         @RequestParam(required = false) String field,
                                         @RequestParam(required = false) Grade level,
                                         @RequestParam(required = false) String name,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return figures.list(campaign, orgOrMine(org), step == null ? null : step.name(), field, level, name,
                PageResult.clampPage(page), PageResult.clampSize(size));
    }

    @GetMapping("/register")
    @Operation(summary = "分类管理台账：历年评定结果（评定组织、评定人、时间、理由），可按年度、领域、所属单位、类别、名称筛选")
    PageResult<GradeRegister.Entry> register(@RequestParam(required = false) Integer year,
                                             @RequestParam(required = false) String field,
                                             @RequestParam(required = false) Long under,
                                             @RequestParam(required = false) Grade level,
                                             @RequestParam(required = false) String name,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return register.find(new GradeRegister.Query(year, field, under, level, name, PageResult.clampPage(page),
                PageResult.clampSize(size)));
    }

    /** How 附件4 is broken down: by unit (each child's subtree) or by field. */
    enum By {
        unit, field
    }

    /** One line of 附件4 with the shares of the decided ones, in percent with one decimal. */
    record SummaryLine(Long unitId, String label, long total, long decided, long advanced, long average, long lagging,
                       double advancedShare, double averageShare, double laggingShare) {

        static SummaryLine of(Distribution d) {
            return new SummaryLine(d.unitId(), d.label(), d.total(), d.decided(), d.advanced(), d.average(), d.lagging(),
                    d.share(d.advanced()), d.share(d.average()), d.share(d.lagging()));
        }
    }

    record Summary(String by, List<SummaryLine> lines, SummaryLine total) {
    }

    @GetMapping("/tables/summary")
    @Operation(summary = "附件4 分类情况汇总表：按单位（by=unit）或按领域（by=field）统计先进、一般、后进的数量和比例，末行合计")
    Summary summary(@RequestParam long campaign, @RequestParam(required = false) Long org,
                    @RequestParam(defaultValue = "unit") By by) {
        long o = orgOrMine(org);
        List<Distribution> lines = by == By.unit ? figures.byUnit(campaign, o) : figures.byField(campaign, o);
        Distribution total = lines.stream().reduce(new Distribution(null, "合计", 0, 0, 0, 0, 0), Distribution::plus);
        return new Summary(by.name(), lines.stream().map(SummaryLine::of).toList(), SummaryLine.of(total));
    }

    @GetMapping("/tables/names")
    @Operation(summary = "附件3 分类名单统计表：已评定的党组织按单位列出名称、领域和等次")
    List<GradingFigures.Named> names(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        return figures.names(campaign, orgOrMine(org));
    }

    // ---- a campaign's settings ---------------------------------------------------------------------

    @GetMapping("/setup/{campaign}")
    @Operation(summary = "活动的定级设置：各领域采用的标准、审议通过比例，以及是否已不能更改")
    GradingSetups.SetupView setup(@PathVariable long campaign) {
        return setups.get(campaign);
    }

    @PutMapping("/setup/{campaign}/schemes/{field}")
    @Operation(summary = "为某领域选定标准（schemeId 为空则恢复系统提供的标准）；该领域已有组织开始定级后不能更换")
    GradingSetups.SetupView chooseScheme(@PathVariable long campaign, @PathVariable String field,
                                         @RequestBody SchemeChoice body) {
        return setups.choose(campaign, field, body.schemeId());
    }

    @PutMapping("/setup/{campaign}/pass-percent")
    @Operation(summary = "设置审议通过比例（50–99，同意票须超过该比例）；已有审议计票后不能更改")
    GradingSetups.SetupView passPercent(@PathVariable long campaign, @RequestBody PassPercent body) {
        if (body.percent() == null) {
            throw new DomainException("setup.passPercent");
        }
        return setups.passPercent(campaign, body.percent());
    }

    private long orgOrMine(Long org) {
        return org == null ? guard.currentUser().organizationId() : org;
    }

    // ---- forms ----------------------------------------------------------------------------------

    record Review(LocalDate heldOn, String place, Integer expected, Integer attendance, Map<String, Integer> votes) {

        MeetingRecord record() {
            return new MeetingRecord(heldOn, place, expected, attendance, votes);
        }
    }

    record Sheet(Map<String, Integer> scores, Set<@NotNull(message = "{field.nullItem}") Integer> vetoes, String annualAssessment,
                 @NotNull(message = "{field.required}") Long version) {
    }

    record SelfGrade(String grade, String statement, @NotNull(message = "{field.required}") Long version) {
    }

    record Paper(LocalDate heldOn, String place, Integer expected, Integer attendance, Integer issued, Integer returned,
                 Integer agree, Integer disagree, Integer abstain, Integer invalid) {

        PaperTally tally() {
            return new PaperTally(heldOn, place, expected, attendance, issued, returned, agree, disagree, abstain, invalid);
        }
    }

    /** codes: how many to print; left out, one per person expected. */
    record Phone(LocalDate heldOn, String place, Integer expected, Integer codes) {
    }

    /** Why a running phone ballot is abandoned uncounted. */
    record Abandon(String reason) {
    }

    /** The attendance and the closing key (计票密钥) printed when the ballot was opened. */
    record Close(Integer attendance, String closingKey) {
    }

    /** The grade, the reason where it differs from the self-grade, and optionally the authority's meeting. */
    record Decision(String grade, String reason, @NotNull(message = "{field.required}") Long version, LocalDate meetingOn,
                    String minutes) {
    }

    record Reopen(Step step, String reason) {
    }

    record SchemeChoice(Long schemeId) {
    }

    record PassPercent(Integer percent) {
    }
}
