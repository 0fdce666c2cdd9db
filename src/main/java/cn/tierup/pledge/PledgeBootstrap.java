package cn.tierup.pledge;

import cn.tierup.pledge.internal.BoardRepository;
import cn.tierup.pledge.internal.CommentRepository;
import cn.tierup.pledge.internal.PledgeRepository;
import cn.tierup.pledge.internal.SuggestionRepository;
import cn.tierup.shared.Slugs;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import cn.tierup.pledge.internal.PledgeQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A past year's 公开承诺 for the demo data set, through the same aggregate methods, without a logged-in
 * user: a suggestion taken up, the 承诺书 signed by the authority and published, members' pledges,
 * fulfilment, a comment and residents' ratings. Not reachable from a request.
 */
@Service
public class PledgeBootstrap {

    private static final String[] ITEMS = {"硬化村组道路 2 公里，解决群众出行难", "建成村级便民服务代办点，群众办事不出村",
            "发展特色种植合作社，带动 30 户群众增收", "每月开展一次“三会一课”和主题党日", "为留守老人、儿童开展结对关爱服务"};
    private static final String[] MEMBER_ITEMS = {"带头学习提高，每月参加支部学习", "带头服务群众，结对帮扶 2 户困难群众",
            "带头遵纪守法，调解邻里纠纷"};

    private final BoardRepository boards;
    private final PledgeRepository pledges;
    private final SuggestionRepository suggestions;
    private final CommentRepository comments;
    private final PledgeQueries queries;

    PledgeBootstrap(BoardRepository boards, PledgeRepository pledges, SuggestionRepository suggestions,
                    CommentRepository comments, PledgeQueries queries) {
        this.boards = boards;
        this.pledges = pledges;
        this.suggestions = suggestions;
        this.comments = comments;
        this.queries = queries;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void year(long campaignId, int year, long organizationId, List<Long> memberIds, List<String> memberNames,
                     String clerk, String authority, Random random) {
        LocalDateTime may = LocalDate.of(year, 5, 6).atTime(9, 30);
        PledgeBoard b = boards.save(new PledgeBoard(campaignId, organizationId, Slugs.generate(random), may));
        queries.openTally(b.getId());
        Suggestion s = new Suggestion(b.getId(), "村口路灯坏了很久，希望尽快修好", LocalDate.of(year, 5, 2));
        Pledge own = new Pledge(b.getId(), null, null, may);
        own.write("围绕争创目标，为群众办好实事", List.of(ITEMS[random.nextInt(3)], ITEMS[3], ITEMS[4]), false, may);
        own.take(s.getText(), may);
        s.moderate(SuggestionStatus.TAKEN, clerk, may);
        suggestions.save(s);
        own.submit(clerk, may);
        own.sign(authority, may.plusDays(2));
        own.publish(may.plusDays(3));
        b.published(may.plusDays(3));
        LocalDateTime oct = LocalDate.of(year, 10, 20).atTime(15, 0);
        for (PledgeItem i : own.getItems()) {
            int roll = random.nextInt(10);
            Fulfilment f = roll < 7 ? Fulfilment.FULFILLED : roll < 9 ? Fulfilment.IN_PROGRESS : Fulfilment.NOT_FULFILLED;
            own.fulfil(i.getNumber(), f, f.settled() ? (f == Fulfilment.FULFILLED ? "已按期兑现，群众认可" : "受项目资金影响未能兑现，已向群众说明")
                    : "正在推进", f.settled() ? LocalDate.of(year, 10, 15) : null, clerk, oct);
        }
        pledges.save(own);
        for (int m = 0; m < memberIds.size(); m++) {
            Pledge p = new Pledge(b.getId(), memberIds.get(m), memberNames.get(m), may);
            p.write(null, List.of(MEMBER_ITEMS), m % 2 == 0, may);
            p.submit(clerk, may);
            p.sign(clerk, may.plusDays(1));
            p.publish(may.plusDays(3));
            for (int i = 1; i <= MEMBER_ITEMS.length; i++) {
                if (random.nextInt(8) > 0) {
                    p.fulfil(i, Fulfilment.FULFILLED, "已按承诺做到，支部党员大会上评下议认可", LocalDate.of(year, 10, 10), clerk, oct);
                } else {
                    p.fulfil(i, Fulfilment.IN_PROGRESS, "正在推进", null, clerk, oct);
                }
            }
            pledges.save(p);
        }
        comments.save(new Comment(b.getId(), "承诺事项贴近群众需求，兑现较好；下一步要在发展集体经济上再加力。", authority, null, oct.plusDays(5)));
        int voters = 20 + random.nextInt(30);
        int unhappy = random.nextInt(3);
        int fairly = random.nextInt(6);
        queries.setTally(b.getId(), voters - fairly - unhappy, fairly, unhappy);
        boards.save(b);
    }
}
