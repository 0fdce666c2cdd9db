package cn.tierup.acceptance.web;

import cn.tierup.acceptance.RecognitionDetails;
import cn.tierup.acceptance.RecognitionView;
import cn.tierup.acceptance.Recognitions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

/** 示范 recognitions over JSON: list (own subtree), record for an organisation below or a station it hosts (示范站点), correct. */
@RestController
@RequestMapping("/api/acceptance/recognitions")
@Tag(name = "总结验收·示范", description = "党组织被命名为先进（示范）党组织、远程教育站点被命名为示范站点的记录：级别、日期、命名机关、文号")
class RecognitionApi {

    private final Recognitions recognitions;

    RecognitionApi(Recognitions recognitions) {
        this.recognitions = recognitions;
    }

    @GetMapping
    @Operation(summary = "本组织及下级的示范命名记录，含下级承办的示范站点（可按年度、党组织、站点筛选）")
    List<RecognitionView> list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long organizationId,
                               @RequestParam(required = false) Long stationId) {
        return recognitions.list(year, organizationId, stationId);
    }

    @GetMapping("/{id}")
    RecognitionView get(@PathVariable long id) {
        return recognitions.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记下级党组织的示范命名；带 stationId 时登记下级承办的站点被命名为示范站点（党组织可不填，即其承办党组织）")
    RecognitionView record(@RequestBody RecognitionDetails body) {
        return recognitions.record(body);
    }

    @PutMapping("/{id}")
    @Operation(summary = "更正示范命名记录（须带版本号）")
    RecognitionView correct(@PathVariable long id, @RequestBody RecognitionDetails body) {
        return recognitions.correct(id, body);
    }
}
