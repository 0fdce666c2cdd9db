package cn.tierup.grading.web;

import cn.tierup.grading.GradingScheme;
import cn.tierup.grading.GradingSchemes;
import cn.tierup.grading.Standard;
import cn.tierup.identity.Permission;
import cn.tierup.identity.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/grading-schemes")
@Tag(name = "分类定级标准", description = "附件1：各领域“五个好”标准（维度、细则分值、等次分数线、一票否决），可复制修改；评分表试算")
class SchemeApi {

    private final GradingSchemes schemes;

    SchemeApi(GradingSchemes schemes) {
        this.schemes = schemes;
    }

    @GetMapping
    List<GradingScheme> list() {
        return schemes.list();
    }

    @GetMapping("/{id}")
    GradingScheme get(@PathVariable long id) {
        return schemes.get(id);
    }

    @PostMapping("/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "复制标准（组织部管理员），复制后可修改")
    GradingScheme copy(@PathVariable long id) {
        return schemes.copy(id);
    }

    @RequiresPermission(Permission.CAMPAIGN_MANAGE)
    @PutMapping("/{id}")
    @Operation(summary = "修改复制的标准：可把 GET 返回的内容改后原样提交；standard 可以是 GET 返回的结构"
            + "（dimensions、grades、vetoes），也可以是标准文本（【维度】、“- 细则 分值”、【等次】名称 分数线 类别、【一票否决】）")
    GradingScheme revise(@PathVariable long id, @Valid @RequestBody Revise body) {
        return schemes.revise(id, body.name(), body.description(), body.standard()::standard, body.version(),
                new GradingSchemes.Echo(body.id(), body.code(), body.field(), body.ownerOrganizationId(), body.copiedFromId()));
    }

    @PostMapping("/{id}/evaluate")
    @Operation(summary = "评分表试算：scores 以“维度序号.细则序号”为键；vetoes 为命中的一票否决序号")
    Standard.Evaluation evaluate(@PathVariable long id, @Valid @RequestBody Sheet body) {
        return schemes.evaluate(id, body.scores() == null ? Map.of() : body.scores(), body.vetoes() == null ? Set.of() : body.vetoes());
    }

    /**
     * A change of a copied scheme: what {@code GET} returns, changed, or only the four fields that change. The
     * fields that never change by this request ({@code id}, {@code code}, {@code field}, {@code ownerOrganizationId},
     * {@code copiedFromId}) may come back as {@code GET} gave them and must then be the scheme's own; {@code updatedAt}
     * is the server's and is not compared (the {@code version} says whether someone else changed it meanwhile).
     */
    record Revise(@NotNull(message = "{scheme.name}") String name, String description,
                  @NotNull(message = "{scheme.dimensions}")
                  @Schema(oneOf = {String.class, StandardBody.Fields.class},
                          description = "GET 返回的 standard 结构，或标准文本") StandardBody standard,
                  @NotNull(message = "{field.required}") Long version,
                  @Schema(description = "只读：可按 GET 返回的原样带回，须与地址中的标准一致") Long id,
                  @Schema(description = "只读：可按 GET 返回的原样带回") String code,
                  @Schema(description = "只读：可按 GET 返回的原样带回") String field,
                  @Schema(description = "只读：可按 GET 返回的原样带回") Long ownerOrganizationId,
                  @Schema(description = "只读：可按 GET 返回的原样带回") Long copiedFromId,
                  @Schema(description = "只读：由系统记录，带回时不比较（是否被他人修改以 version 判断）") LocalDateTime updatedAt) {
    }

    record Sheet(Map<String, Integer> scores, Set<@NotNull(message = "{field.nullItem}") Integer> vetoes) {
    }
}
