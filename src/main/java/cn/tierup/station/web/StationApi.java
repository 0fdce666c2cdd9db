package cn.tierup.station.web;

import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.station.EquipmentCondition;
import cn.tierup.station.SessionKind;
import cn.tierup.station.StationDetails;
import cn.tierup.station.StationImport;
import cn.tierup.station.StationSession.Particulars;
import cn.tierup.station.StationSheets;
import cn.tierup.station.StationStatus;
import cn.tierup.station.StationUsage;
import cn.tierup.station.StationUsage.Usage;
import cn.tierup.station.Stations;
import cn.tierup.station.Stations.SessionView;
import cn.tierup.station.Stations.Shown;
import cn.tierup.station.Stations.StationView;
import cn.tierup.station.TerminalKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

/**
 * 远程教育站点 over JSON: the registry of a unit's subtree (filtered, and as .xlsx), one station, registering, correcting
 * and retiring one; its 学习活动; the usage figures of a unit; import. Every rule and check is the services'.
 */
@RestController
@RequestMapping("/api/stations")
@Tag(name = "远程教育站点", description = "站点登记、学习活动记录、使用情况统计、导入导出")
class StationApi {

    private final Stations stations;
    private final StationUsage usage;
    private final StationSheets sheets;
    private final StationImport imports;
    private final ScopeGuard guard;
    private final Messages messages;

    StationApi(Stations stations, StationUsage usage, StationSheets sheets, StationImport imports, ScopeGuard guard,
               Messages messages) {
        this.stations = stations;
        this.usage = usage;
        this.sheets = sheets;
        this.imports = imports;
        this.guard = guard;
        this.messages = messages;
    }

    /** A station as registered: its host and its facts. */
    record StationBody(Long hostOrganizationId, String name, String address, TerminalKind terminalKind, String equipment,
                       EquipmentCondition equipmentCondition, String managerName, LocalDate managerTrainedOn,
                       String openingHours, BigDecimal yearlyFunding, String fundingSource, LocalDate openedOn,
                       StationStatus status, Long version) {

        StationDetails details() {
            return new StationDetails(name, address, terminalKind, equipment, equipmentCondition, managerName,
                    managerTrainedOn, openingHours, yearlyFunding, fundingSource, openedOn, status);
        }
    }

    record RetirementBody(LocalDate retiredOn, Long version) {
    }

    record SessionBody(LocalDate heldOn, String topic, SessionKind kind, Integer partyMembers, Integer publicAttendees,
                       Long version) {

        Particulars particulars() {
            return new Particulars(heldOn, topic, kind, partyMembers, publicAttendees);
        }
    }

    private long unit(Long org) {
        return org == null ? guard.currentUser().organizationId() : org;
    }

    @GetMapping
    @Operation(summary = "某单位及其下级依托的站点（org 缺省为本组织；shown：IN_USE 在用、SUSPENDED 停用、RETIRED 已撤销、ALL 全部，缺省为在册的；kind 终端类型）")
    List<StationView> list(@RequestParam(required = false) Long org, @RequestParam(required = false) Shown shown,
                           @RequestParam(required = false) TerminalKind kind) {
        return stations.list(unit(org), shown, kind);
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "站点名册（.xlsx，列名与导入模板相同）")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long org, @RequestParam(required = false) Shown shown,
                                  @RequestParam(required = false) TerminalKind kind) {
        long unit = unit(org);
        List<StationView> lines = stations.list(unit, shown, kind);
        var wb = sheets.registry(guard.require(cn.tierup.identity.Permission.ORG_READ, unit).name(), lines);
        return Downloads.xlsx(wb.fileName(), wb.bytes());
    }

    @GetMapping("/{id}")
    @Operation(summary = "一个站点")
    StationView one(@PathVariable long id) {
        return stations.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记站点（hostOrganizationId 为依托单位，须在本组织及下级范围内）")
    StationView register(@RequestBody StationBody body) {
        return stations.register(body.hostOrganizationId(), body.details());
    }

    @PutMapping("/{id}")
    @Operation(summary = "更正站点信息（version 为读取时的版本；依托单位不变）")
    StationView correct(@PathVariable long id, @RequestBody StationBody body) {
        return stations.correct(id, body.details(), body.version());
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "撤销站点（retiredOn 为撤销日期；version 为读取时的版本）")
    StationView retire(@PathVariable long id, @RequestBody RetirementBody body) {
        return stations.retire(id, body.retiredOn(), body.version());
    }

    @GetMapping("/{id}/sessions")
    @Operation(summary = "站点的学习活动（year 筛选年度，缺省为全部）")
    List<SessionView> sessions(@PathVariable long id, @RequestParam(required = false) Integer year) {
        return stations.sessions(id, year);
    }

    @GetMapping("/{id}/sessions/export.xlsx")
    @Operation(summary = "站点的学习活动（.xlsx）")
    ResponseEntity<byte[]> exportSessions(@PathVariable long id, @RequestParam(required = false) Integer year) {
        var wb = sheets.sessions(stations.get(id), year, stations.sessions(id, year));
        return Downloads.xlsx(wb.fileName(), wb.bytes());
    }

    @PostMapping("/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录学习活动（党员、群众人数合计 1 至 1000 人）")
    SessionView record(@PathVariable long id, @RequestBody SessionBody body) {
        return stations.record(id, body.particulars());
    }

    @PutMapping("/{id}/sessions/{sessionId}")
    @Operation(summary = "更正学习活动（version 为读取时的版本）")
    SessionView correctSession(@PathVariable long id, @PathVariable long sessionId, @RequestBody SessionBody body) {
        return stations.correct(id, sessionId, body.particulars(), body.version());
    }

    @DeleteMapping("/{id}/sessions/{sessionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除学习活动（version 为读取时的版本）")
    void deleteSession(@PathVariable long id, @PathVariable long sessionId, @RequestParam(required = false) Long version) {
        stations.delete(id, sessionId, version);
    }

    @GetMapping("/usage")
    @Operation(summary = "某单位某年度站点使用情况：各下级单位、本级、合计的站点数、活动次数、参加人次及逐月数")
    Usage figures(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year) {
        return usage.of(unit(org), year == null ? LocalDate.now().getYear() : year);
    }

    @GetMapping("/usage/export.xlsx")
    @Operation(summary = "站点使用情况（.xlsx）")
    ResponseEntity<byte[]> exportFigures(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year) {
        var wb = sheets.usage(usage.of(unit(org), year == null ? LocalDate.now().getYear() : year));
        return Downloads.xlsx(wb.fileName(), wb.bytes());
    }

    @GetMapping("/import/template.xlsx")
    @Operation(summary = "站点导入模板")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx(messages.get("station.file.template"), imports.template());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入站点（dryRun=true 只校验不写入）；有错误时返回 422 和每行的错误，不写入任何数据")
    ResponseEntity<?> importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        if (file.isEmpty()) {
            throw new DomainException("import.file.required");
        }
        if (dryRun) {
            return ResponseEntity.ok(imports.preview(file.getBytes()));
        }
        try {
            return ResponseEntity.ok(imports.apply(file.getBytes()));
        } catch (StationImport.Rejected e) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, messages.of(e));
            p.setProperty("code", e.code());
            p.setProperty("errors", e.preview().errors());
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
    }
}
