package cn.tierup.campaign;

import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.FigureKeeping;
import cn.tierup.shared.Messages;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The campaign module on its own (no other module's beans, on an empty database of its own): the guard,
 * the directory and the audit trail are stand-ins, so what is tested is the module's own rule that a
 * root opens one campaign a year, with the notice's calendar where no dates are given.
 */
@ApplicationModuleTest
class CampaignModuleTest {

    static final OrgRef TOWN = new OrgRef(7001, "中共彭州市敖平镇委员会", "/7000/7001/", false);
    static final OrgRef OTHER_TOWN = new OrgRef(7002, "中共彭州市新兴镇委员会", "/7000/7002/", false);

    @MockitoBean ScopeGuard guard;
    @MockitoBean OrganizationDirectory directory;
    @MockitoBean AuditRecorder audit;
    @MockitoBean OrganizationService organizations;
    @MockitoBean Messages messages;
    /** The shared keeper of slow counts the desk uses, real (shared's beans are not part of a module's own test). */
    @TestBean FigureKeeping keeping;

    static FigureKeeping keeping() {
        return new FigureKeeping(Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    @Autowired CampaignService campaigns;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void twoTownsTheManagerMayRun() {
        // the organisation table belongs to another module; the rows exist here only for the foreign key
        if (jdbc.sql("select count(*) from organization where id = 7000").query(Long.class).single() == 0) {
            jdbc.sql("insert into organization (id, path, depth, name, kind, field) values (7000, '/7000/', 0, '中共彭州市委员会', 'COMMITTEE', 'AGENCY')").update();
            for (OrgRef t : new OrgRef[] {TOWN, OTHER_TOWN}) {
                jdbc.sql("insert into organization (id, parent_id, path, depth, name, kind, field) values (:id, 7000, :path, 1, :name, 'COMMITTEE', 'TOWN')")
                        .param("id", t.id()).param("path", t.path()).param("name", t.name()).update();
            }
        }
        when(directory.find(anyLong())).thenReturn(Optional.empty());
        for (OrgRef t : new OrgRef[] {TOWN, OTHER_TOWN}) {
            when(directory.find(t.id())).thenReturn(Optional.of(t));
            when(guard.require(Permission.CAMPAIGN_MANAGE, t.id())).thenReturn(t);
        }
    }

    @Test
    void aRootOpensOneCampaignAYearAndAnotherRootItsOwn() {
        CampaignView opened = campaigns.open(form(TOWN, 2019));

        assertThat(opened.year()).isEqualTo(2019);
        assertThat(opened.name()).isEqualTo("2019年度三分类三升级活动");
        assertThat(opened.rootName()).isEqualTo(TOWN.name());
        assertThat(opened.phases().get(Phase.GRADING)).isEqualTo(Campaign.noticeSchedule(2019).get(Phase.GRADING));
        verify(audit).record(eq("Campaign"), eq(opened.id()), eq(TOWN.id()), eq("CREATE"), startsWith("开启活动 "),
                isNull(), any());

        assertThatThrownBy(() -> campaigns.open(form(TOWN, 2019)))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("campaign.exists"));
        verify(audit, times(1)).record(eq("Campaign"), any(), eq(TOWN.id()), eq("CREATE"), any(), any(), any());

        assertThat(campaigns.open(form(OTHER_TOWN, 2019)).rootOrganizationId()).isEqualTo(OTHER_TOWN.id());
    }

    @Test
    void copyingOffersTheFirstYearWithoutACampaignNotOneCertainToFail() {
        when(guard.currentUser()).thenReturn(new cn.tierup.identity.CurrentUser(1, "xx-admin", "新兴镇组织委员", OTHER_TOWN.id(),
                cn.tierup.identity.Role.SUPERVISOR));
        CampaignView first = campaigns.open(form(OTHER_TOWN, 2011));
        assertThat(campaigns.firstFreeYearAfter(first.id())).isEqualTo(2012);
        campaigns.open(form(OTHER_TOWN, 2012));
        campaigns.open(form(OTHER_TOWN, 2013));
        campaigns.open(form(TOWN, 2014));
        assertThat(campaigns.firstFreeYearAfter(first.id())).as("2012 and 2013 are taken; another root's 2014 is not").isEqualTo(2014);
        assertThat(campaigns.copy(first.id(), campaigns.firstFreeYearAfter(first.id()), null).year()).isEqualTo(2014);
    }

    static CampaignForm form(OrgRef root, int year) {
        return new CampaignForm(root.id(), year, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }
}
