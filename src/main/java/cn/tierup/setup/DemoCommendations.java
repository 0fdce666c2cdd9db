package cn.tierup.setup;

import cn.tierup.acceptance.Commendation.Particulars;
import cn.tierup.acceptance.CommendationBootstrap;
import cn.tierup.acceptance.CommendationKind;
import cn.tierup.acceptance.CommendationLevel;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Last year's 七一 表彰 of 丽春镇 in the demo: its first village graded 先进 that year as 先进基层党组织, and two full
 * members of its villages' rolls as 优秀共产党员 and 优秀党务工作者, under one 文号, recorded by the town's account.
 */
@Component
class DemoCommendations {

    private final CommendationBootstrap commendations;

    DemoCommendations(CommendationBootstrap commendations) {
        this.commendations = commendations;
    }

    void lastYear(long campaignId, int year, long townId, String townAccount) {
        LocalDate july = LocalDate.of(year, 7, 1);
        String document = "丽委发〔" + year + "〕18号";
        for (Long org : commendations.advancedUnder(campaignId, townId, 1)) {
            commendations.honoured(campaignId, townId, CommendationKind.ADVANCED_ORGANIZATION, org, null,
                    new Particulars(CommendationLevel.TOWNSHIP, july, document,
                            "坚持“三会一课”制度，带领群众发展特色种植，村集体经济收入稳步增长，群众满意度高。"), townAccount);
        }
        List<Long> members = commendations.fullMembersUnder(townId, 2);
        if (!members.isEmpty()) {
            commendations.honoured(campaignId, townId, CommendationKind.EXCELLENT_MEMBER, null, members.get(0),
                    new Particulars(CommendationLevel.TOWNSHIP, july, document,
                            "带头履行公开承诺，帮助困难群众解决实际问题，在产业发展中发挥先锋模范作用。"), townAccount);
        }
        if (members.size() > 1) {
            commendations.honoured(campaignId, townId, CommendationKind.EXCELLENT_PARTY_WORKER, null, members.get(1),
                    new Particulars(CommendationLevel.TOWNSHIP, july, document,
                            "认真落实党员发展和组织生活制度，党务台账规范完整。"), townAccount);
        }
    }
}
