package cn.tierup.setup;

import cn.tierup.acceptance.YearEndReviewBootstrap;
import cn.tierup.grading.Grade;
import cn.tierup.organization.Organization;
import cn.tierup.shared.Actors;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Last year's 自查初评 and 上级审评 in the demo: every village and community graded by 丽春镇, 天彭镇 and 致和镇 reviewed
 * and decided by its town — most keep their class or move up (一般 → 先进), the 后进 are converted but one (kept 后进
 * with the reason), one 一般 proposing 先进 is kept 一般 with the reason, and one in 丽春镇 was returned once before its
 * decision. The demo account "cun" hands in its own village's review; the others are entered by the system.
 */
@Component
class DemoYearEndReviews {

    /** The towns whose reviews are done, and the account deciding for each. */
    private static final Map<String, String> TOWNS = Map.of("中共彭州市丽春镇委员会", "zhen", "中共彭州市天彭镇委员会", "tianpeng",
            "中共彭州市致和镇委员会", "zhihe");

    private final YearEndReviewBootstrap reviews;

    DemoYearEndReviews(YearEndReviewBootstrap reviews) {
        this.reviews = reviews;
    }

    /** Runs inside the demo loader's transaction, after last year's grading, goals and pledges. */
    void lastYear(long campaignId, int year, List<Organization> all, long accountVillageId) {
        boolean keptLagging = false;
        for (Organization town : all) {
            String decider = TOWNS.get(town.getName());
            if (decider == null) {
                continue;
            }
            int n = 0;
            for (Organization o : all) {
                // the town reviews those it graded: its own units, not one graded by a department (a school by 教育局)
                if (!town.getId().equals(o.getParentId()) || !town.getId().equals(o.effectiveGradingAuthorityId())) {
                    continue;
                }
                Grade start = reviews.startLevel(campaignId, o.getId()).orElse(null);
                if (start == null) {
                    continue;
                }
                String clerk = o.getId() == accountVillageId ? "cun" : Actors.SYSTEM;
                Grade proposed = start == Grade.ADVANCED ? Grade.ADVANCED : start == Grade.AVERAGE ? Grade.ADVANCED : Grade.AVERAGE;
                Grade decided = proposed;
                String reason = null;
                if (start == Grade.AVERAGE && n % 3 == 1) {
                    decided = Grade.AVERAGE;
                    reason = "整改台账尚有事项未按期销号，群众满意度不足九成，维持一般等次，明年继续争创。";
                } else if (start == Grade.LAGGING && !keptLagging) {
                    keptLagging = true;
                    decided = Grade.LAGGING;
                    reason = "软弱涣散问题整顿尚未完成，班子建设仍需加强，暂不转化，继续整顿。";
                }
                String returned = n == 2 && decider.equals("zhen") ? "请补充村集体经济收入和承诺事项兑现的具体情况。" : null;
                reviews.reviewed(campaignId, year, o.getId(), proposed, decided, reason, returned, clerk, decider);
                n++;
            }
        }
    }
}
