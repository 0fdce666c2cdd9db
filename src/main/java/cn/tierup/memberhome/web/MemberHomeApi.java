package cn.tierup.memberhome.web;

import cn.tierup.memberhome.MemberHome;
import cn.tierup.memberhome.MemberHomeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The party member's home over JSON: read-only, their own branch only. */
@RestController
@RequestMapping("/api/member")
@Tag(name = "党员之家", description = "党员查看本支部的年度活动：当前阶段和支部进展、评定等次、已审核的争创目标、已公开的承诺和本人承诺、开放中的问卷和测评链接（只读）")
class MemberHomeApi {

    private final MemberHome home;

    MemberHomeApi(MemberHome home) {
        this.home = home;
    }

    @GetMapping("/home")
    @Operation(summary = "本人所在支部的年度活动（campaign 缺省为本年度；org 缺省为本支部，其他党组织一律拒绝）")
    MemberHomeView home(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long org) {
        return home.view(campaign, org);
    }
}
