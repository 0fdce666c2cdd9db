package cn.tierup.setup;

import cn.tierup.acceptance.YearEndReviewBootstrap;
import cn.tierup.grading.Grade;
import cn.tierup.organization.Field;
import cn.tierup.organization.Organization;
import cn.tierup.shared.Actors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Last year's 自查初评 and 上级审评 in the demo: every organisation graded by 丽春镇 and by the two other towns with the
 * most 后进 organisations that year, reviewed and decided by the town's own account — most keep their class or move
 * up (一般 → 先进), the 后进 are converted but the first (kept 后进, with the reason), every third 一般 proposing 先进 is
 * kept 一般 with the reason, and one in 丽春镇 was returned once before its decision. The demo account "cun" hands in
 * its own village's review; the others are entered by the system.
 */
@Component
class DemoYearEndReviews {

    private static final String LICHUN = "中共彭州市丽春镇委员会";

    private final YearEndReviewBootstrap reviews;

    DemoYearEndReviews(YearEndReviewBootstrap reviews) {
        this.reviews = reviews;
    }

    /**
     * Runs inside the demo loader's transaction, after last year's grading, goals and pledges; answers the towns
     * other than 丽春镇 whose reviews it decided, with the account that decided them.
     */
    Map<Long, String> lastYear(long campaignId, int year, List<Organization> all, long accountVillageId, Map<Long, String> accountOf) {
        // each town's own units (not one graded by a department, as a school by 教育局) with their 年初定级
        Map<Organization, Map<Organization, Grade>> towns = new LinkedHashMap<>();
        for (Organization town : all) {
            if (town.getField() != Field.TOWN || accountOf.get(town.getId()) == null) {
                continue;
            }
            Map<Organization, Grade> graded = new LinkedHashMap<>();
            for (Organization o : all) {
                if (town.getId().equals(o.getParentId()) && town.getId().equals(o.effectiveGradingAuthorityId())) {
                    reviews.startLevel(campaignId, o.getId()).ifPresent(g -> graded.put(o, g));
                }
            }
            towns.put(town, graded);
        }
        List<Organization> chosen = new ArrayList<>(towns.keySet().stream().filter(t -> t.getName().equals(LICHUN)).toList());
        towns.keySet().stream().filter(t -> !t.getName().equals(LICHUN))
                .sorted(Comparator.comparingLong((Organization t) -> lagging(towns.get(t))).reversed())
                .limit(2).forEach(chosen::add);
        boolean keptLagging = false;
        for (Organization town : chosen) {
            String decider = accountOf.get(town.getId());
            int n = 0;
            for (Map.Entry<Organization, Grade> e : towns.get(town).entrySet()) {
                Organization o = e.getKey();
                Grade start = e.getValue();
                String clerk = o.getId() == accountVillageId ? "cun" : Actors.SYSTEM;
                Grade proposed = start == Grade.LAGGING ? Grade.AVERAGE : Grade.ADVANCED;
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
                String returned = n == 2 && town.getName().equals(LICHUN) ? "请补充村集体经济收入和承诺事项兑现的具体情况。" : null;
                reviews.reviewed(campaignId, year, o.getId(), proposed, decided, reason, returned, clerk, decider);
                n++;
            }
        }
        Map<Long, String> others = new LinkedHashMap<>();
        chosen.stream().filter(t -> !t.getName().equals(LICHUN)).forEach(t -> others.put(t.getId(), accountOf.get(t.getId())));
        return others;
    }

    private static long lagging(Map<Organization, Grade> graded) {
        return graded.values().stream().filter(g -> g == Grade.LAGGING).count();
    }
}
