package cn.tierup.pledge.web;

import cn.tierup.pledge.BoardView;
import cn.tierup.pledge.Fulfilment;
import cn.tierup.pledge.PledgeSheet;
import cn.tierup.shared.QrCodes;
import java.time.LocalDate;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The model of an organisation's pledge page: the board, and the rows of its two forms — as stored, or
 * as typed when a form came back refused ({@code typed} with {@code which} form it was).
 */
final class BoardPage {

    static final String ORGANISATION = "organisation";
    static final String MEMBER = "member";

    private BoardPage() {
    }

    static String show(BoardView b, Long member, PledgeFields typed, String which, Model model) {
        model.addAttribute("b", b);
        model.addAttribute("fulfilments", Fulfilment.values());
        model.addAttribute("today", LocalDate.now());
        PledgeSheet own = b.organisationPledge();
        model.addAttribute("ownRows", ORGANISATION.equals(which) ? PledgeFields.rows(typed.items()) : PledgeFields.rows(texts(own)));
        model.addAttribute("ownGoal", ORGANISATION.equals(which) ? typed.goal() : own == null ? null : own.goal());
        PledgeSheet mine = member == null ? null
                : b.memberPledges().stream().filter(p -> member.equals(p.memberId())).findFirst().orElse(null);
        model.addAttribute("member", member == null ? null : b.members().stream().filter(m -> m.id() == member).findFirst().orElse(null));
        model.addAttribute("memberPledge", mine);
        model.addAttribute("memberRows", MEMBER.equals(which) ? PledgeFields.rows(typed.items()) : PledgeFields.rows(texts(mine)));
        model.addAttribute("memberShow", MEMBER.equals(which) ? typed.showName() : mine != null && mine.showName());
        if (b.slug() != null) {
            String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/q/p/" + b.slug()).toUriString();
            model.addAttribute("link", link);
            model.addAttribute("qr", QrCodes.dataUrl(link, 200));
        }
        return "pledges/board";
    }

    static String show(BoardView b, Long member, Model model) {
        return show(b, member, null, null, model);
    }

    private static List<String> texts(PledgeSheet p) {
        return p == null ? List.of() : p.items().stream().map(PledgeSheet.Item::text).toList();
    }
}
