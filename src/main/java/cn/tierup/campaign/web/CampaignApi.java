package cn.tierup.campaign.web;

import cn.tierup.campaign.CampaignDesk;
import cn.tierup.campaign.CampaignForm;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Desk;
import cn.tierup.campaign.ReminderService;
import cn.tierup.campaign.ReminderView;
import cn.tierup.identity.Permission;
import cn.tierup.identity.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api")
@Tag(name = "活动", description = "三分类三升级活动：年度、阶段、截止日期、年度目标、待办与提醒")
class CampaignApi {

    private final CampaignService campaigns;
    private final CampaignDesk desk;
    private final ReminderService reminders;

    CampaignApi(CampaignService campaigns, CampaignDesk desk, ReminderService reminders) {
        this.campaigns = campaigns;
        this.desk = desk;
        this.reminders = reminders;
    }

    @GetMapping("/campaigns")
    List<CampaignView> list() {
        return campaigns.list();
    }

    @RequiresPermission(Permission.CAMPAIGN_MANAGE)
    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "开启年度活动（日期、目标不填则按通知的默认值）")
    CampaignView open(@Valid @RequestBody CampaignForm form) {
        return campaigns.open(form);
    }

    @GetMapping("/campaigns/{id}")
    CampaignView get(@PathVariable long id) {
        return campaigns.get(id);
    }

    @RequiresPermission(Permission.CAMPAIGN_MANAGE)
    @PutMapping("/campaigns/{id}")
    @Operation(summary = "调整名称、阶段日期、年度目标（阶段开始前可改）")
    CampaignView update(@PathVariable long id, @Valid @RequestBody CampaignForm form) {
        return campaigns.update(id, form);
    }

    @RequiresPermission(Permission.CAMPAIGN_MANAGE)
    @PostMapping("/campaigns/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "由该活动复制开启另一年度")
    CampaignView copy(@PathVariable long id, @Valid @RequestBody Copy body) {
        return campaigns.copy(id, body.year(), body.name());
    }

    @GetMapping("/campaigns/{id}/desk")
    @Operation(summary = "本组织本阶段待办、下级进度、收到的提醒")
    Desk desk(@PathVariable long id) {
        CampaignView c = campaigns.get(id);
        return desk.desk(c, c.current());
    }

    @PostMapping("/campaigns/{id}/reminders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "向下级党组织发送提醒")
    ReminderView remind(@PathVariable long id, @Valid @RequestBody Remind body) {
        return reminders.send(id, body.organizationId(), body.message());
    }

    @GetMapping("/campaigns/{id}/reminders")
    @Operation(summary = "本组织收到的未读提醒")
    List<ReminderView> mine(@PathVariable long id) {
        return reminders.mine(id);
    }

    @PostMapping("/reminders/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable long id) {
        reminders.markRead(id);
    }

    record Copy(@NotNull(message = "{campaign.year.invalid}") Integer year, @Size(max = 100, message = "{field.tooLong}") String name) {
    }

    record Remind(@NotNull(message = "{campaign.notParticipant}") Long organizationId,
                  @Size(max = 300, message = "{field.tooLong}") String message) {
    }
}
