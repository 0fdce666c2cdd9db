package cn.tierup.upgrade.web;

import cn.tierup.grading.Grade;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.PageResult;
import cn.tierup.upgrade.Assistance;
import cn.tierup.upgrade.AssistanceKind;
import cn.tierup.upgrade.AssistanceVisit;
import cn.tierup.upgrade.Assistances;
import cn.tierup.upgrade.GoalStatus;
import cn.tierup.upgrade.GoalView;
import cn.tierup.upgrade.ItemStatus;
import cn.tierup.upgrade.LedgerView;
import cn.tierup.upgrade.LedgerLine;
import cn.tierup.upgrade.RectificationLedger;
import cn.tierup.upgrade.Subject;
import cn.tierup.upgrade.UpgradeFigures;
import cn.tierup.upgrade.UpgradeGoals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

/**
 * 晋位升级 over JSON: an organisation's goal (and those of the 远程教育站点 it hosts, under {@code /stations}) (write, hand in, approve or return, mark converted), its
 * rectification ledger (lines, progress notes with evidence, 销号 or not), its assistance with visits, and
 * the figures under an organisation. Every rule and check is the upgrade services'; this only binds
 * requests to them and shows ledger lines and assistance as views (no storage keys).
 */
@RestController
@RequestMapping("/api/upgrade")
@Tag(name = "晋位升级", description = "争创目标（制定、提交、审核、整顿转化）、整改台账（进展、佐证材料、销号）、帮扶及走访、晋位升级统计")
class UpgradeApi {

    private final UpgradeGoals goals;
    private final RectificationLedger ledger;
    private final Assistances assistances;
    private final UpgradeFigures figures;
    private final ScopeGuard guard;

    UpgradeApi(UpgradeGoals goals, RectificationLedger ledger, Assistances assistances, UpgradeFigures figures,
               ScopeGuard guard) {
        this.goals = goals;
        this.ledger = ledger;
        this.assistances = assistances;
        this.figures = figures;
        this.guard = guard;
    }

    // ---- goal ----------------------------------------------------------------------------------------

    @GetMapping("/goals/{campaign}/{org}")
    @Operation(summary = "该党组织的争创目标：上级评定等次、本年度方向、目标和措施、审核情况、整改台账项数")
    GoalView goal(@PathVariable long campaign, @PathVariable long org) {
        return goals.get(campaign, org);
    }

    @PutMapping("/goals/{campaign}/{org}")
    @Operation(summary = "保存争创目标草稿（定级后才能制定；先进类须选择争创示范等级；version 为读取时的版本）")
    GoalView saveGoal(@PathVariable long campaign, @PathVariable long org, @RequestBody UpgradeGoals.GoalForm body) {
        return goals.save(campaign, org, body);
    }

    @PostMapping("/goals/{campaign}/{org}/submit")
    @Operation(summary = "保存并提交争创目标报评定组织审核（至少一条措施，写明责任人和本年度内的完成时限）")
    GoalView submitGoal(@PathVariable long campaign, @PathVariable long org, @RequestBody UpgradeGoals.GoalForm body) {
        return goals.submit(campaign, org, body);
    }

    @PostMapping("/goals/{campaign}/{org}/approve")
    @Operation(summary = "评定组织审核同意争创目标（提交人本人不能审核）")
    GoalView approveGoal(@PathVariable long campaign, @PathVariable long org, @Valid @RequestBody Version body) {
        return goals.approve(campaign, org, body.version());
    }

    @PostMapping("/goals/{campaign}/{org}/return")
    @Operation(summary = "评定组织退回争创目标并写明原因")
    GoalView returnGoal(@PathVariable long campaign, @PathVariable long org, @Valid @RequestBody Reason body) {
        return goals.returnForRevision(campaign, org, body.reason(), body.version());
    }

    @PostMapping("/goals/{campaign}/{org}/convert")
    @Operation(summary = "评定组织确认后进党组织整顿转化完成（整顿方案已审核同意，整改台账至少一项且全部销号）")
    GoalView convert(@PathVariable long campaign, @PathVariable long org) {
        return goals.markConverted(campaign, org);
    }

    // ---- ledger --------------------------------------------------------------------------------------

    @GetMapping("/ledger/{campaign}/{org}")
    @Operation(summary = "该党组织的整改台账：各项问题、措施、责任人、时限、进展和佐证材料，整改中、已销号、逾期项数")
    Ledger ledger(@PathVariable long campaign, @PathVariable long org) {
        return Ledger.of(ledger.get(campaign, org));
    }

    @PostMapping("/ledger/{campaign}/{org}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增整改事项（完成时限在活动年度或次年内）")
    Item addItem(@PathVariable long campaign, @PathVariable long org, @RequestBody RectificationLedger.ItemForm body) {
        return Item.of(ledger.add(campaign, org, body));
    }

    @PutMapping("/ledger/items/{id}")
    @Operation(summary = "修改整改中的事项（version 为读取时的版本）")
    Item revise(@PathVariable long id, @RequestBody RectificationLedger.ItemForm body) {
        return Item.of(ledger.revise(id, body));
    }

    @PostMapping(path = "/ledger/items/{id}/notes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录整改进展，可附佐证材料（PDF、Word、Excel、图片，≤10MB，内容须与扩展名相符）")
    Item addNote(@PathVariable long id, @RequestParam(required = false) String note,
                 @RequestParam(required = false) MultipartFile file) throws IOException {
        byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
        return Item.of(ledger.addNote(id, note, file == null ? null : file.getOriginalFilename(), bytes));
    }

    @GetMapping("/ledger/items/{id}/notes/{note}")
    @Operation(summary = "下载进展记录所附的佐证材料")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long note) {
        RectificationLedger.Evidence e = ledger.evidence(id, note);
        return Downloads.file(e.fileName(), MediaType.parseMediaType(e.contentType()), e.bytes());
    }

    @PostMapping("/ledger/items/{id}/close")
    @Operation(summary = "评定组织凭佐证材料销号（无佐证材料不能销号；录入该事项的人不能销号）")
    Item close(@PathVariable long id, @Valid @RequestBody Close body) {
        return Item.of(ledger.close(id, body.remark(), body.version()));
    }

    @PostMapping("/ledger/items/{id}/return")
    @Operation(summary = "评定组织不予销号并写明原因（事项仍为整改中）")
    Item sendBack(@PathVariable long id, @Valid @RequestBody Reason body) {
        return Item.of(ledger.sendBack(id, body.reason(), body.version()));
    }

    // ---- a hosted station's goal and ledger -----------------------------------------------------------

    @GetMapping("/stations/{campaign}/{station}/goal")
    @Operation(summary = "远程教育站点的争创目标：站点评定等次、本年度方向（一般争当先进、后进整顿转化）、目标和措施、审核情况；由承办党组织制定，其评定组织审核")
    GoalView stationGoal(@PathVariable long campaign, @PathVariable long station) {
        return goals.get(campaign, Subject.station(station));
    }

    @PutMapping("/stations/{campaign}/{station}/goal")
    @Operation(summary = "承办党组织保存站点争创目标草稿（站点评定等次后才能制定；version 为读取时的版本）")
    GoalView saveStationGoal(@PathVariable long campaign, @PathVariable long station, @RequestBody UpgradeGoals.GoalForm body) {
        return goals.save(campaign, Subject.station(station), body);
    }

    @PostMapping("/stations/{campaign}/{station}/goal/submit")
    @Operation(summary = "承办党组织保存并提交站点争创目标报评定组织审核")
    GoalView submitStationGoal(@PathVariable long campaign, @PathVariable long station, @RequestBody UpgradeGoals.GoalForm body) {
        return goals.submit(campaign, Subject.station(station), body);
    }

    @PostMapping("/stations/{campaign}/{station}/goal/approve")
    @Operation(summary = "承办党组织的评定组织审核同意站点争创目标（提交人本人不能审核）")
    GoalView approveStationGoal(@PathVariable long campaign, @PathVariable long station, @Valid @RequestBody Version body) {
        return goals.approve(campaign, Subject.station(station), body.version());
    }

    @PostMapping("/stations/{campaign}/{station}/goal/return")
    @Operation(summary = "评定组织退回站点争创目标并写明原因")
    GoalView returnStationGoal(@PathVariable long campaign, @PathVariable long station, @Valid @RequestBody Reason body) {
        return goals.returnForRevision(campaign, Subject.station(station), body.reason(), body.version());
    }

    @PostMapping("/stations/{campaign}/{station}/goal/convert")
    @Operation(summary = "评定组织确认后进站点整顿转化完成（整顿方案已审核同意，站点整改台账至少一项且全部销号）")
    GoalView convertStation(@PathVariable long campaign, @PathVariable long station) {
        return goals.markConverted(campaign, Subject.station(station));
    }

    @GetMapping("/stations/{campaign}/{station}/ledger")
    @Operation(summary = "远程教育站点的整改台账（各事项的进展、佐证材料、销号，用 /ledger/items/{id} 下的接口办理）")
    Ledger stationLedger(@PathVariable long campaign, @PathVariable long station) {
        return Ledger.of(ledger.get(campaign, Subject.station(station)));
    }

    @PostMapping("/stations/{campaign}/{station}/ledger")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "承办党组织为站点新增整改事项（站点评定等次后；完成时限在活动年度或次年内）")
    Item addStationItem(@PathVariable long campaign, @PathVariable long station, @RequestBody RectificationLedger.ItemForm body) {
        return Item.of(ledger.add(campaign, Subject.station(station), body));
    }

    // ---- assistance ----------------------------------------------------------------------------------

    @GetMapping("/assistance/{campaign}/{org}")
    @Operation(summary = "该党组织的帮扶：城乡结对帮扶、领导定点联系、干部驻点帮扶及走访记录")
    List<Help> assistance(@PathVariable long campaign, @PathVariable long org) {
        return assistances.of(campaign, org).stream().map(v -> Help.of(v.assistance(), v.helperOrganizationName())).toList();
    }

    @PostMapping("/assistance/{campaign}/{org}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记帮扶（结对帮扶填 helperOrganizationId，领导定点联系和干部驻点帮扶填 helperName）")
    Help arrange(@PathVariable long campaign, @PathVariable long org, @RequestBody Assistances.AssistanceForm body) {
        Assistance a = assistances.arrange(campaign, org, body);
        return helpOf(campaign, org, a.getId());
    }

    @PostMapping("/assistance/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录一次帮扶走访（日期不早于帮扶开始、不晚于今天）")
    Help visit(@PathVariable long id, @RequestBody Assistances.VisitForm body) {
        Assistance a = assistances.visit(id, body);
        return helpOf(a.getCampaignId(), a.getOrganizationId(), a.getId());
    }

    // ---- figures -------------------------------------------------------------------------------------

    @GetMapping("/overview")
    @Operation(summary = "某党组织以下的晋位升级情况：合计和各单位（定级、目标审核、后进转化、整改项、逾期、未落实帮扶的后进）；org 不填为本组织")
    UpgradeFigures.Overview overview(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        return figures.overview(campaign, org == null ? guard.currentUser().organizationId() : org);
    }

    @GetMapping("/list")
    @Operation(summary = "某党组织以下各党组织的等次、争创目标状态、整改和帮扶情况，可按类别、目标状态、是否有逾期筛选，分页（page 从 0 起）")
    PageResult<UpgradeFigures.Line> list(@RequestParam long campaign, @RequestParam(required = false) Long org,
                                         @RequestParam(required = false) Grade level,
                                         @RequestParam(required = false) GoalStatus goal,
                                         @RequestParam(defaultValue = "false") boolean overdue,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return figures.list(campaign, org == null ? guard.currentUser().organizationId() : org, level, goal, overdue,
                PageResult.clampPage(page), PageResult.clampSize(size));
    }

    // ---- bodies and views ----------------------------------------------------------------------------

    private Help helpOf(long campaign, long org, long id) {
        return assistances.of(campaign, org).stream().filter(v -> v.assistance().getId() == id)
                .map(v -> Help.of(v.assistance(), v.helperOrganizationName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("assistance " + id + " not found after saving"));
    }

    record Version(@NotNull(message = "{field.required}") Long version) {
    }

    record Reason(String reason, @NotNull(message = "{field.required}") Long version) {
    }

    record Close(String remark, @NotNull(message = "{field.required}") Long version) {
    }

    /** The ledger of an organisation or of a station it hosts ({@code stationId}), as shown. */
    record Ledger(long campaignId, int year, long organizationId, String organizationName, Long stationId, String stationName,
                  String authorityName,
                  List<Item> items, long open, long closed, long overdue, LocalDate today, boolean canWrite,
                  boolean canClose) {

        static Ledger of(LedgerView l) {
            return new Ledger(l.campaignId(), l.year(), l.organizationId(), l.organizationName(), l.stationId(), l.stationName(),
                    l.authorityName(),
                    l.items().stream().map(Item::of).toList(), l.open(), l.closed(), l.overdue(), l.today(),
                    l.canWrite(), l.canClose());
        }
    }

    /** One line of the ledger, overdue or not as of today. */
    record Item(long id, long campaignId, long organizationId, Long stationId, int number, String problem, String measure,
                String responsible, LocalDate deadline, ItemStatus status, boolean overdue, String returnReason,
                String createdBy, LocalDateTime createdAt, String closedBy, LocalDateTime closedAt, String closeRemark,
                List<Note> notes, long version) {

        static Item of(LedgerLine i) {
            return new Item(i.id(), i.campaignId(), i.organizationId(), i.stationId(), i.number(), i.problem(), i.measure(),
                    i.responsible(), i.deadline(), i.status(), i.overdue(), i.returnReason(), i.createdBy(), i.createdAt(),
                    i.closedBy(), i.closedAt(), i.closeRemark(), i.notes().stream().map(n -> Note.of(i.id(), n)).toList(),
                    i.version());
        }
    }

    /** A progress note; {@code download} is where its evidence file is, if it has one. */
    record Note(long id, String note, boolean evidence, String fileName, String contentType, Long sizeBytes,
                String writtenBy, LocalDateTime writtenAt, String download) {

        static Note of(long itemId, LedgerLine.Note n) {
            return new Note(n.id(), n.note(), n.evidence(), n.fileName(), n.contentType(), n.sizeBytes(), n.writtenBy(),
                    n.writtenAt(), n.evidence() ? "/api/upgrade/ledger/items/" + itemId + "/notes/" + n.id() : null);
        }
    }

    /** One arrangement of 帮扶 with its visits. */
    record Help(long id, long campaignId, long organizationId, AssistanceKind kind, Long helperOrganizationId,
                String helperOrganizationName, String helperName, String helperPost, LocalDate startedOn, String note,
                String createdBy, LocalDateTime createdAt, List<Visit> visits) {

        static Help of(Assistance a, String helperOrganizationName) {
            return new Help(a.getId(), a.getCampaignId(), a.getOrganizationId(), a.getKind(), a.getHelperOrganizationId(),
                    helperOrganizationName, a.getHelperName(), a.getHelperPost(), a.getStartedOn(), a.getNote(),
                    a.getCreatedBy(), a.getCreatedAt(), a.getVisits().stream().map(Visit::of).toList());
        }
    }

    record Visit(long id, LocalDate visitedOn, String visitor, String what, String recordedBy, LocalDateTime recordedAt) {

        static Visit of(AssistanceVisit v) {
            return new Visit(v.getId(), v.getVisitedOn(), v.getVisitor(), v.getWhat(), v.getRecordedBy(), v.getRecordedAt());
        }
    }
}
