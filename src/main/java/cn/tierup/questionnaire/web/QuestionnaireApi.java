package cn.tierup.questionnaire.web;

import cn.tierup.identity.Permission;
import cn.tierup.identity.RequiresPermission;
import cn.tierup.questionnaire.AnswerMode;
import cn.tierup.questionnaire.QuestionnaireService;
import cn.tierup.questionnaire.QuestionnaireTemplate;
import cn.tierup.questionnaire.QuestionnaireView;
import cn.tierup.questionnaire.ResponseIntake;
import cn.tierup.questionnaire.Statistics;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api")
@Tag(name = "问卷调查", description = "问卷模板、发布问卷、答题码、配额进度与统计（作答走公开页面 /q/{slug}）")
class QuestionnaireApi {

    private final QuestionnaireService questionnaires;

    QuestionnaireApi(QuestionnaireService questionnaires) {
        this.questionnaires = questionnaires;
    }

    @GetMapping("/questionnaire-templates")
    List<QuestionnaireTemplate> templates() {
        return questionnaires.templates();
    }

    @GetMapping("/questionnaire-templates/{id}")
    QuestionnaireTemplate template(@PathVariable long id) {
        return questionnaires.template(id);
    }

    @PostMapping("/questionnaire-templates/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "复制模板（组织部管理员），复制后可修改")
    QuestionnaireTemplate copy(@PathVariable long id) {
        return questionnaires.copyTemplate(id);
    }

    @RequiresPermission(Permission.CAMPAIGN_MANAGE)
    @PutMapping("/questionnaire-templates/{id}")
    @Operation(summary = "修改复制的模板；questions 为题目文本（“1. 【单选】【必答】题目”，选项以“- ”开头）")
    QuestionnaireTemplate revise(@PathVariable long id, @Valid @RequestBody Revise body) {
        return questionnaires.reviseTemplate(id, body.title(), body.intro(), body.questions(), body.version());
    }

    @GetMapping("/campaigns/{campaignId}/orgs/{orgId}/questionnaires")
    @Operation(summary = "本组织及直接下级发布的问卷，含配额进度")
    List<QuestionnaireView> list(@PathVariable long campaignId, @PathVariable long orgId) {
        return questionnaires.list(campaignId, orgId);
    }

    @PostMapping("/campaigns/{campaignId}/orgs/{orgId}/questionnaires")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发布问卷（配额不填则按通知的默认值）；答题码式问卷的答卷密封保存，closingKey 为计票密钥，只在此时返回，系统不保存")
    LaunchedQuestionnaire launch(@PathVariable long campaignId, @PathVariable long orgId, @Valid @RequestBody Launch body) {
        var launched = questionnaires.launch(campaignId, orgId, body.templateId(), body.mode(), body.opensOn(), body.closesOn(),
                body.quotaMinimum(), body.quotaMemberShare());
        return new LaunchedQuestionnaire(launched.questionnaire(), launched.closingKey());
    }

    @PostMapping("/questionnaires/{id}/count")
    @Operation(summary = "用发布时的计票密钥开启答题码式问卷的密封答卷并统计；计票后问卷结束，答题码和密文删除")
    ResponseIntake.SealedCount count(@PathVariable long id, @Valid @RequestBody QuestionnaireCountForm body) {
        return questionnaires.count(id, body.closingKey());
    }

    @GetMapping("/campaigns/{campaignId}/orgs/{orgId}/questionnaire-rollup")
    @Operation(summary = "下级同一模板问卷的汇总统计（镇看各村合计），并列出各份问卷")
    QuestionnaireService.Rollup rollup(@PathVariable long campaignId, @PathVariable long orgId, @RequestParam long template) {
        return questionnaires.rollup(campaignId, orgId, template);
    }

    @GetMapping("/questionnaires/{id}")
    QuestionnaireView get(@PathVariable long id) {
        return questionnaires.get(id);
    }

    @GetMapping("/questionnaires/{id}/statistics")
    @Operation(summary = "逐题统计：各选项人数（党员、群众）和占比，文字回答")
    Statistics statistics(@PathVariable long id) {
        return questionnaires.statistics(id);
    }

    @PostMapping("/questionnaires/{id}/codes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "印制一次性答题码（只在此时返回明文，系统只保存其摘要）")
    List<String> codes(@PathVariable long id, @Valid @RequestBody Codes body) {
        return questionnaires.issueCodes(id, body.count());
    }

    record Launch(@NotNull(message = "{questionnaire.empty}") Long templateId, AnswerMode mode, LocalDate opensOn,
                  LocalDate closesOn, Integer quotaMinimum, Integer quotaMemberShare) {
    }

    record Revise(@NotNull(message = "{questionnaire.title}") String title, String intro,
                  @NotNull(message = "{questionnaire.empty}") String questions,
                  @NotNull(message = "{field.required}") Long version) {
    }

    record Codes(@NotNull(message = "{questionnaire.codeCount}") Integer count) {
    }

    /** A questionnaire just launched; a coded one's closing key beside it, this once. */
    record LaunchedQuestionnaire(@JsonUnwrapped QuestionnaireView questionnaire, String closingKey) {
    }

    record QuestionnaireCountForm(@NotNull(message = "{questionnaire.key.required}") String closingKey) {
    }
}
