package cn.tierup.upgrade.internal;

import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.OpenWork;
import cn.tierup.campaign.OpenWorkSource;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Earlier years' 整改台账 lines past their deadline and not closed (销号), for the home pages. */
@Component
class UpgradeOpenWork implements OpenWorkSource {

    private final JdbcClient jdbc;

    UpgradeOpenWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OpenWork.Kind kind() {
        return OpenWork.Kind.LEDGER_OVERDUE;
    }

    @Override
    public List<OpenWork> open(CampaignView campaign, String subtreePath, LocalDate today) {
        return jdbc.sql("select i.organization_id, o.name, i.number, i.problem, i.deadline from rectification_item i"
                        + " join org_tree_view o on o.id = i.organization_id"
                        + " where i.campaign_id = :c and i.station_id is null and i.status = 'OPEN' and i.deadline < :today and o.path like :path"
                        + " order by i.deadline, o.sort_key, o.path, i.number")
                .param("c", campaign.id()).param("today", java.sql.Date.valueOf(today)).param("path", subtreePath + "%")
                .query((rs, n) -> new OpenWork(OpenWork.Kind.LEDGER_OVERDUE, rs.getLong(1), rs.getString(2),
                        "第 " + rs.getInt(3) + " 项：" + rs.getString(4), rs.getDate(5).toLocalDate(),
                        "/upgrade/ledger?campaign=" + campaign.id() + "&org=" + rs.getLong(1)))
                .list();
    }

    @Override
    public String overview(CampaignView campaign) {
        return "/upgrade?campaign=" + campaign.id() + "&overdue=true";
    }
}
