package cn.tierup.grading.internal;

import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.OpenWork;
import cn.tierup.campaign.OpenWorkSource;
import cn.tierup.campaign.Phase;
import cn.tierup.grading.Step;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Organisations of an earlier campaign whose grade was never decided (上级评定 not done, or grading never begun),
 * for the home pages. The campaign's root is graded by nobody and left out, as are retired organisations.
 */
@Component
class GradingOpenWork implements OpenWorkSource {

    private final JdbcClient jdbc;

    GradingOpenWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OpenWork.Kind kind() {
        return OpenWork.Kind.GRADE_UNDECIDED;
    }

    @Override
    public List<OpenWork> open(CampaignView campaign, String subtreePath, LocalDate today) {
        LocalDate due = campaign.phases().get(Phase.GRADING).dueOn();
        return jdbc.sql("select o.id, o.name, k.step from org_tree_view o"
                        + " join campaign_year_view c on c.id = :c join org_tree_view r on r.id = c.root_organization_id"
                        + " left join grading_case k on k.campaign_id = :c and k.organization_id = o.id"
                        + " where o.path like :path and o.path like r.path || '%' and o.id <> r.id and o.retired = false"
                        + " and (k.id is null or k.step <> 'DONE') order by o.sort_key, o.path")
                .param("c", campaign.id()).param("path", subtreePath + "%")
                .query((rs, n) -> {
                    String step = rs.getString(3);
                    String what = step == null ? "分类定级未开始，等次未评定"
                            : "分类定级停在第 " + Step.valueOf(step).number() + " 步，等次未评定";
                    return new OpenWork(OpenWork.Kind.GRADE_UNDECIDED, rs.getLong(1), rs.getString(2), what, due,
                            "/grading/case?campaign=" + campaign.id() + "&org=" + rs.getLong(1));
                })
                .list();
    }

    @Override
    public String overview(CampaignView campaign) {
        return "/grading?campaign=" + campaign.id();
    }
}
