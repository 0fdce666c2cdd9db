package cn.tierup.pledge.internal;

import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.OpenWork;
import cn.tierup.campaign.OpenWorkSource;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Earlier years' published pledges (an organisation's 承诺书 or a member's 党员公开承诺书) with items still 已承诺 or
 * 推进中 — neither fulfilled nor settled as not fulfilled — for the home pages.
 */
@Component
class PledgeOpenWork implements OpenWorkSource {

    private final JdbcClient jdbc;

    PledgeOpenWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OpenWork.Kind kind() {
        return OpenWork.Kind.PLEDGE_UNFULFILLED;
    }

    @Override
    public List<OpenWork> open(CampaignView campaign, String subtreePath, LocalDate today) {
        LocalDate due = campaign.phases().values().stream().map(p -> p.endsOn()).max(LocalDate::compareTo).orElse(today);
        return jdbc.sql("select b.organization_id, o.name, p.member_id, p.pledger_name, count(*) from pledge p"
                        + " join pledge_board b on b.id = p.board_id join org_tree_view o on o.id = b.organization_id"
                        + " join pledge_item i on i.pledge_id = p.id"
                        + " where b.campaign_id = :c and p.published_at is not null and o.path like :path"
                        + " and i.status in ('PLEDGED', 'IN_PROGRESS')"
                        + " group by b.organization_id, o.name, o.sort_key, o.path, p.member_id, p.pledger_name"
                        + " order by o.sort_key, o.path, p.member_id nulls first")
                .param("c", campaign.id()).param("path", subtreePath + "%")
                .query((rs, n) -> {
                    long org = rs.getLong(1);
                    boolean member = rs.getObject(3) != null;
                    String whose = member ? "党员公开承诺书（" + rs.getString(4) + "）" : "承诺书";
                    return new OpenWork(OpenWork.Kind.PLEDGE_UNFULFILLED, org, rs.getString(2),
                            whose + "：" + rs.getLong(5) + " 项未兑现", due,
                            "/pledges?campaign=" + campaign.id() + "&org=" + org + (member ? "&member=" + rs.getLong(3) : ""));
                })
                .list();
    }

    @Override
    public String overview(CampaignView campaign) {
        return "/pledges/overview?campaign=" + campaign.id();
    }
}
