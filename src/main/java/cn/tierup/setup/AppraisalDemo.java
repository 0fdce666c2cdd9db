package cn.tierup.setup;

import cn.tierup.acceptance.AppraisalBootstrap;
import java.time.LocalDate;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * Last year's 党员群众民主测评 in 丽春镇 for the demo: one counted paper sitting of the town's members and public
 * representatives rating every village it graded, on 15 November, with most sheets 满意 and a few 不满意 — figures
 * drawn from a fixed seed, so every fresh installation shows the same.
 */
@Component
class AppraisalDemo {

    private final AppraisalBootstrap appraisals;

    AppraisalDemo(AppraisalBootstrap appraisals) {
        this.appraisals = appraisals;
    }

    void lastYear(long campaignId, int year, long lichun, String lichunPath) {
        Random random = new Random(20251115L);
        int returned = 58;
        appraisals.countedPaperSitting(campaignId, lichun, lichunPath, LocalDate.of(year, 11, 15), "丽春镇党群服务中心大会议室",
                45, 42, 20, 18, returned, i -> {
                    int dissatisfied = random.nextInt(4);
                    int invalid = random.nextInt(2);
                    int fairly = 4 + random.nextInt(10);
                    return new int[] {returned - dissatisfied - invalid - fairly, fairly, dissatisfied};
                }, "zhen");
    }
}
