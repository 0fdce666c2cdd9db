package cn.tierup.campaign;

import cn.tierup.campaign.internal.CampaignQueries;
import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.Role;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.shared.FigureKeeping;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The home page of a campaign's root totals every phase over the whole tree. A province's tree has 100,000
 * organisations, and PostgreSQL's driver refuses a statement with more than 65,535 values (the province's home page
 * answered 400): the sources are asked a slice at a time, and the totals still count everyone once.
 */
class CampaignDeskTotalsTest {

    @Test
    void aProvincesRootIsTotalledOverEveryOrganisationInSlicesTheDatabaseTakes() {
        long root = 2;
        int organisations = 100_002;
        List<Long> everyone = LongStream.rangeClosed(root, root + organisations - 1).boxed().toList();
        List<Integer> asked = new ArrayList<>();
        ObligationSource survey = new ObligationSource() {
            @Override
            public Phase phase() {
                return Phase.SURVEY;
            }

            @Override
            public List<Obligation> obligations(CampaignView campaign, List<Long> ids) {
                asked.add(ids.size());
                // every organisation owes one report; those with an even id handed it in
                return ids.stream().map(id -> new Obligation(id, "自查报告", id % 2 == 0 ? ObligationStatus.SUBMITTED
                        : ObligationStatus.NOT_STARTED, LocalDate.now().plusDays(5), null, "/survey", null)).toList();
            }
        };
        Map<Phase, PhaseDates> phases = new EnumMap<>(Phase.class);
        Map<Phase, PhaseStatus> status = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            phases.put(p, new PhaseDates(LocalDate.now().minusDays(10), LocalDate.now().plusDays(10), LocalDate.now().plusDays(5)));
            status.put(p, PhaseStatus.RUNNING);
        }
        CampaignView campaign = new CampaignView(1, root, "中共蜀川省委员会", LocalDate.now().getYear(), "三分类三升级活动", null,
                phases, Map.of(), Targets.notice(), Phase.SURVEY, 0, status, false);

        CampaignService campaigns = mock(CampaignService.class);
        when(campaigns.list()).thenReturn(List.of(campaign));
        ScopeGuard guard = mock(ScopeGuard.class);
        when(guard.currentUser()).thenReturn(new CurrentUser(1, "admin", "省委组织部", root, Role.ADMIN));
        OrganizationDirectory directory = mock(OrganizationDirectory.class);
        when(directory.find(root)).thenReturn(Optional.of(new OrganizationDirectory.OrgRef(root, "中共蜀川省委员会", "/2/", false)));
        CampaignQueries queries = mock(CampaignQueries.class);
        when(queries.activeIdsUnder("/2/")).thenReturn(everyone);
        CampaignDesk desk = new CampaignDesk(campaigns, mock(ReminderService.class), mock(OrganizationService.class),
                List.of(survey), List.of(), guard, directory, queries, new FigureKeeping(Duration.ofSeconds(1), Duration.ofMinutes(1)));

        Outlook outlook = desk.outlook(campaign);

        Outlook.PhaseTotals totals = outlook.totals().stream().filter(t -> t.phase() == Phase.SURVEY).findFirst().orElseThrow();
        assertThat(totals.organisations()).isEqualTo(organisations);
        assertThat(totals.owed()).isEqualTo(organisations);
        assertThat(totals.handedIn()).isEqualTo(everyone.stream().filter(id -> id % 2 == 0).count());
        assertThat(asked).as("organisations per statement").allMatch(n -> n <= 65_535);
        assertThat(asked.stream().mapToInt(Integer::intValue).sum()).as("everyone asked once").isEqualTo(organisations);
    }
}
