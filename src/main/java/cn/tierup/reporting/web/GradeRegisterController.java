package cn.tierup.reporting.web;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeRegister;
import cn.tierup.reporting.GradeRegisterTable;
import cn.tierup.shared.Downloads;
import java.io.ByteArrayOutputStream;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The 分类管理台账 as .xlsx, under the filter of the register page it is downloaded from. */
@Controller
class GradeRegisterController {

    private final GradeRegisterTable table;

    GradeRegisterController(GradeRegisterTable table) {
        this.table = table;
    }

    @GetMapping("/grading/register.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Integer year, @RequestParam(required = false) String field,
                                @RequestParam(required = false) Long under, @RequestParam(required = false) Grade level,
                                @RequestParam(required = false) String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.write(new GradeRegister.Query(year, field, under, level, name, 0, 0), out);
        return Downloads.xlsx(GradeRegisterTable.TITLE + ".xlsx", out.toByteArray());
    }
}
