package cn.tierup.upgrade;

import cn.tierup.grading.Grade;
import cn.tierup.shared.files.AttachmentStore;
import cn.tierup.upgrade.internal.AssistanceRepository;
import cn.tierup.upgrade.internal.GoalRepository;
import cn.tierup.upgrade.internal.ItemRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A past year's 晋位升级 for the demo data set, through the same aggregate methods (so the same rules
 * hold), without a logged-in user. Not reachable from a request.
 */
@Service
public class UpgradeBootstrap {

    private final GoalRepository goals;
    private final ItemRepository items;
    private final AssistanceRepository assistances;
    private final AttachmentStore store;

    UpgradeBootstrap(GoalRepository goals, ItemRepository items, AssistanceRepository assistances, AttachmentStore store) {
        this.goals = goals;
        this.items = items;
        this.assistances = assistances;
        this.store = store;
    }

    /** A one-page PDF saying what it stands for, so that the demo's evidence opens. */
    private String evidence(String title) {
        String text = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%% " + title + "\n%%EOF\n";
        return store.put(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * An approved goal from the grade; for 一般 and 后进 a ledger of two lines — the first closed on
     * evidence, the second closed too when {@code allClosed}, else left open past its deadline — and
     * for 后进 a pairing with a visit and, when the ledger is closed, the conversion.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void year(long campaignId, int year, long organizationId, String grade, Grade level, Long helperId, String clerk,
                     String authority, boolean allClosed) {
        LocalDateTime april = LocalDate.of(year, 4, 20).atTime(10, 0);
        UpgradeGoal g = new UpgradeGoal(campaignId, organizationId, grade, level, april);
        g.write(level == Grade.ADVANCED ? ModelLevel.CITY : null,
                switch (level) {
                    case ADVANCED -> "巩固提高，争创市级先进基层党组织";
                    case AVERAGE -> "比学赶超，年底进入先进党组织行列";
                    case LAGGING -> "整顿软弱涣散问题，年底实现转化升级";
                },
                List.of(new Measure("规范“三会一课”和主题党日，每月按时开展", "组织委员", LocalDate.of(year, 12, 31)),
                        new Measure("围绕特色产业发展壮大村级集体经济", "党支部书记", LocalDate.of(year, 10, 31))),
                clerk, april);
        g.submit(year, clerk, april);
        g.approve(authority, april.plusDays(3));
        if (level == Grade.ADVANCED) {
            goals.save(g);
            return;
        }
        RectificationItem first = new RectificationItem(campaignId, organizationId, 1, "党员活动阵地设施陈旧，远程教育终端不能正常使用",
                "争取项目资金改造活动室，维修远程教育终端", "党支部书记", LocalDate.of(year, 6, 30), year, clerk, april);
        first.addNote("活动室改造完成，终端已恢复播放", null, null, null, null, clerk, april.plusDays(50));
        first.addNote("上传验收单", "验收单.pdf", "application/pdf", 300L, evidence("acceptance"), clerk, april.plusDays(51));
        first.close("已核实整改到位", authority, april.plusDays(55));
        RectificationItem second = new RectificationItem(campaignId, organizationId, 2, "部分党员长期不参加组织生活",
                "逐一谈心谈话，建立组织生活考勤登记", "组织委员", LocalDate.of(year, 9, 30), year, clerk, april);
        second.addNote("已完成 12 名党员谈心谈话", null, null, null, null, clerk, april.plusDays(80));
        if (allClosed) {
            second.addNote("考勤登记表", "考勤登记表.pdf", "application/pdf", 300L, evidence("attendance"), clerk, april.plusDays(150));
            second.close(null, authority, april.plusDays(152));
        }
        items.save(first);
        items.save(second);
        if (level == Grade.LAGGING && helperId != null) {
            // recorded on the day it starts: an assistance cannot start after the day it is recorded
            Assistance a = new Assistance(campaignId, organizationId, AssistanceKind.PAIRING, helperId, null, null,
                    LocalDate.of(year, 5, 1), "结对共建，帮助发展特色产业", authority, april.plusDays(11));
            a.recordVisit(LocalDate.of(year, 5, 20), "结对党组织书记", "召开座谈会，理清集体经济发展思路", authority, april.plusDays(31));
            assistances.save(a);
            if (allClosed) {
                g.markConverted(2, 0, authority, april.plusDays(160));
            }
        }
        goals.save(g);
    }

    /**
     * A past year's goal and ledger of a 一般 or 后进 远程教育站点, kept by its host: the goal approved, two ledger lines —
     * the first closed on evidence, the second too when {@code allClosed}, else left open past its deadline — and a 后进
     * station marked converted once its ledger is closed. Through the same aggregates, so the same rules hold.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stationYear(long campaignId, int year, long hostId, long stationId, String grade, Grade level, String clerk,
                            String authority, boolean allClosed) {
        LocalDateTime may = LocalDate.of(year, 5, 6).atTime(10, 0);
        UpgradeGoal g = new UpgradeGoal(campaignId, hostId, stationId, grade, level, may);
        g.write(level == Grade.ADVANCED ? ModelLevel.CITY : null, level == Grade.LAGGING
                        ? "整顿站点运行管理问题，年底转化为一般站点" : "规范站点管理、提高学用实效，年底争创先进站点",
                List.of(new Measure("每月至少组织 2 次集中学习，做好签到和学习记录", "站点管理员", LocalDate.of(year, 12, 31)),
                        new Measure("站点管理员参加县级远程教育操作培训", "党支部书记", LocalDate.of(year, 8, 31))),
                clerk, may);
        g.submit(year, clerk, may);
        g.approve(authority, may.plusDays(2));
        if (level == Grade.ADVANCED) {
            goals.save(g);
            return;
        }
        RectificationItem first = new RectificationItem(campaignId, hostId, stationId, 1, "卫星接收设备老化，课件经常无法正常播放",
                "申请县级远程教育专项经费维修、更换接收设备", "党支部书记", LocalDate.of(year, 7, 31), year, clerk, may);
        first.addNote("接收设备已更换，课件播放恢复正常", null, null, null, null, clerk, may.plusDays(60));
        first.addNote("上传设备更换验收单", "设备验收单.pdf", "application/pdf", 300L, evidence("station equipment"), clerk,
                may.plusDays(61));
        first.close("经镇远教中心实地查看，已整改到位", authority, may.plusDays(66));
        RectificationItem second = new RectificationItem(campaignId, hostId, stationId, 2, "学习活动记录、签到台账不全",
                "建立学习活动登记和签到制度，每月报镇远教中心检查", "站点管理员", LocalDate.of(year, 9, 30), year, clerk, may);
        second.addNote("已补建学习活动登记簿，6 月起按次签到", null, null, null, null, clerk, may.plusDays(40));
        if (allClosed) {
            second.addNote("学习台账", "学习台账.pdf", "application/pdf", 300L, evidence("station register"), clerk,
                    may.plusDays(140));
            second.close(null, authority, may.plusDays(143));
        }
        items.save(first);
        items.save(second);
        if (level == Grade.LAGGING && allClosed) {
            g.markConverted(2, 0, authority, may.plusDays(150));
        }
        goals.save(g);
    }
}
