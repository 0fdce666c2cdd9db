package cn.tierup.acceptance.web;

import cn.tierup.acceptance.CommendationExports;
import cn.tierup.acceptance.CommendationKind;
import cn.tierup.acceptance.CommendationLevel;
import cn.tierup.acceptance.Commendations;
import cn.tierup.acceptance.Commendations.CommendationForm;
import cn.tierup.acceptance.Commendations.CommendationView;
import cn.tierup.campaign.CampaignService;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * 表彰 over JSON: a superior's commendations of a year (filtered by kind, and as .xlsx), one commendation, recording,
 * correcting and withdrawing one. Every rule and check is {@link Commendations}'.
 */
@RestController
@RequestMapping("/api/acceptance/commendations")
@Tag(name = "表彰", description = "上级党组织表彰的先进基层党组织、优秀党支部、优秀共产党员、优秀党务工作者")
class CommendationApi {

    private final Commendations commendations;
    private final CommendationExports exports;
    private final CampaignService campaigns;
    private final ScopeGuard guard;

    CommendationApi(Commendations commendations, CommendationExports exports, CampaignService campaigns, ScopeGuard guard) {
        this.commendations = commendations;
        this.exports = exports;
        this.campaigns = campaigns;
        this.guard = guard;
    }

    /** A commendation as recorded: the honoured organisation, or the person (on the roll of that organisation). */
    record CommendationBody(CommendationKind kind, Long organizationId, Long memberId, CommendationLevel level,
                            LocalDate awardedOn, String documentNumber, String citation) {

        CommendationForm form() {
            return new CommendationForm(kind, organizationId, memberId, level, awardedOn, documentNumber, citation);
        }
    }

    /** A correction: the commendation as it should read, with the version read. */
    record CommendationCorrectionBody(CommendationKind kind, Long organizationId, Long memberId, CommendationLevel level,
                                      LocalDate awardedOn, String documentNumber, String citation, Long version) {
    }

    /** Why it is withdrawn, with the version read. */
    record CommendationWithdrawalBody(String reason, Long version) {
    }

    @GetMapping
    @Operation(summary = "某上级党组织某年度的表彰（org 为表彰单位，缺省为本组织；kind 筛选类别；withdrawn=true 含已撤销的）")
    List<CommendationView> list(@RequestParam long campaign, @RequestParam(required = false) Long org,
                                @RequestParam(required = false) CommendationKind kind,
                                @RequestParam(defaultValue = "false") boolean withdrawn) {
        return commendations.awardedBy(campaign, org == null ? guard.currentUser().organizationId() : org, kind, withdrawn);
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "某上级党组织某年度的表彰名单（.xlsx，含已撤销的并注明）")
    ResponseEntity<byte[]> export(@RequestParam long campaign, @RequestParam(required = false) Long org,
                                  @RequestParam(required = false) CommendationKind kind) {
        long awarder = org == null ? guard.currentUser().organizationId() : org;
        String name = guard.require(Permission.CAMPAIGN_READ, awarder).name();
        var wb = exports.list(campaign, awarder, kind, name, campaigns.get(campaign).year());
        return Downloads.xlsx(wb.fileName(), wb.bytes());
    }

    @GetMapping("/{id}")
    @Operation(summary = "一条表彰")
    CommendationView one(@PathVariable long id) {
        return commendations.get(id);
    }

    @PostMapping("/{campaign}/{org}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录表彰（org 为表彰单位；党组织须在其下级、年度等次不是后进类；个人须在其及下级的党员名册上；日期在活动年度内）")
    CommendationView record(@PathVariable long campaign, @PathVariable long org, @RequestBody CommendationBody body) {
        return commendations.record(campaign, org, body.form());
    }

    @PutMapping("/{id}")
    @Operation(summary = "更正表彰（version 为读取时的版本）")
    CommendationView correct(@PathVariable long id, @RequestBody CommendationCorrectionBody body) {
        return commendations.correct(id, new CommendationForm(body.kind(), body.organizationId(), body.memberId(),
                body.level(), body.awardedOn(), body.documentNumber(), body.citation()), body.version());
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "撤销表彰（须写明原因；version 为读取时的版本）")
    CommendationView withdraw(@PathVariable long id, @RequestBody CommendationWithdrawalBody body) {
        return commendations.withdraw(id, body.reason(), body.version());
    }
}
