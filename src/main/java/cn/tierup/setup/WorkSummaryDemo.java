package cn.tierup.setup;

import cn.tierup.acceptance.RecognitionDetails;
import cn.tierup.acceptance.WorkSummaryBootstrap;
import cn.tierup.acceptance.WorkSummaryText;
import cn.tierup.campaign.RecognitionLevel;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Last year's 工作总结 of 丽春镇 in the demo: one of its villages graded 先进 at the start of the year named a city
 * 示范 in July (recorded by the town), and the town's summary handed in on 11月18日 and accepted by the city's
 * organisation department a week later; the other towns whose reviews were decided hand theirs in on the due date.
 * Their figures are whatever the register holds: nothing is typed.
 */
@Component
class WorkSummaryDemo {

    private final WorkSummaryBootstrap summaries;

    WorkSummaryDemo(WorkSummaryBootstrap summaries) {
        this.summaries = summaries;
    }

    /**
     * 丽春镇's summary accepted, and those of the other towns whose reviews the demo decided handed in on the due
     * date, awaiting the city's organisation department.
     */
    void lastYear(long campaignId, int year, long lichunId, Map<Long, String> otherTowns) {
        summaries.firstAdvancedAtStart(campaignId, lichunId).ifPresent(village -> summaries.recognized(village, lichunId,
                new RecognitionDetails(village, null, RecognitionLevel.CITY, LocalDate.of(year, 7, 1), "中共成都市委组织部",
                        "成组通〔" + year + "〕36号", null), "zhen", LocalDate.of(year, 7, 8).atTime(9, 30)));
        WorkSummaryText text = new WorkSummaryText(
                "镇党委把“三分类三升级”作为基层组织建设年的主抓手，书记负总责、分管领导具体抓。一是对标定级严格程序，"
                        + "各村（社区）党组织经群众初评、党员评议、自评、审议，由镇党委逐一评定；二是围绕升级目标公开承诺、"
                        + "兑现承诺，开展“上评下议”和群众测评；三是对后进村选优配强班子，落实城乡结对帮扶和干部驻点。",
                "个别村党组织书记年龄偏大、后备力量不足；部分党员参加组织生活不够经常；少数村集体经济薄弱，为民办事能力不强。",
                "一是巩固先进、争创示范，推荐先进村党组织参评市级以上示范；二是抓好一般村晋位，落实领导联系点；"
                        + "三是对未转化的后进村继续整顿，整改事项逐项销号；四是更新分类管理台账，作为下年度定级的起点。",
                null);
        summaries.accepted(campaignId, lichunId, text, "zhen", LocalDate.of(year, 11, 18).atTime(16, 20),
                LocalDate.of(year, 11, 20), "admin", LocalDate.of(year, 11, 25).atTime(10, 0));
        otherTowns.forEach((town, account) -> summaries.awaiting(campaignId, town, text, account,
                LocalDate.of(year, 11, 20).atTime(11, 0), LocalDate.of(year, 11, 20)));
    }
}
