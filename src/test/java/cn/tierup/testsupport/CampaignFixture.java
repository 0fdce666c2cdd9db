package cn.tierup.testsupport;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.identity.AccountPrincipal;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A campaign year of its own for each test class, so integration tests sharing one application context
 * (and one database) never meet in a campaign, a register year or a figure — without any class
 * reserving a year by hand.
 *
 * <p>Campaigns are keyed by root organisation and year (one a year per root), and the journeys need the
 * city's campaign of a past year: every phase begun or over, and deadlines in the year after it past
 * too. So years are handed out from two years back downwards, one per class, skipping any year a
 * campaign of any root already has (the demo's past years among them). The years still claimed by hand lie
 * outside that range: this year and last year (the running campaign's journeys), {@link #LOWEST_YEAR} − 1 and − 2
 * (the authorization walk) and {@link #OWN_TOWN_YEAR} and the year before it.
 *
 * <p>There are only so many years between 2000 (the first a campaign may have) and now, so a class that does not need
 * the city's campaign does not take one: its campaigns are rooted at a town no other class roots one at in those
 * years (a town of its own, or a demo town it names), in {@link #OWN_TOWN_YEAR} (and the year before, where it reads
 * a history). No campaign of the city ever has those years, so nobody's city-wide figures and no user's choice of
 * year meet them, and two such classes never meet because their towns differ. Demo towns taken in those years:
 * 丽春镇 (DomainEventsIT), 九尺镇, 升平镇 and 桂花镇 (the 民主测评 tests), 磁峰镇 (ReviewFlowIT), 新兴镇 (ReviewBrowserIT),
 * 葛仙山镇 (CampaignPhasesIT), 军乐镇 (QuestionNumbersBrowserIT);
 * the commendation and transition tests make towns of their own.
 * Within one test JVM (one database) a year is never handed out twice; a class asking again gets its own
 * year back. Tests that read a grade history across years grade organisations no other class grades.
 */
@TestComponent
public class CampaignFixture {

    /** The lowest year handed out: the authorization walk keeps 2002 and 2003 for itself. */
    static final int LOWEST_YEAR = 2004;

    /**
     * The year of the campaigns rooted at a town of one test class (the year before it, 2000, is that town's previous
     * year): shared by every such class, never the year of a campaign of the city.
     */
    public static final int OWN_TOWN_YEAR = 2001;

    /** One per test JVM, that is per database: the context and its data live as long as the JVM. */
    private static final CampaignYears YEARS = new CampaignYears(OfficeDay.today().getYear() - 2, LOWEST_YEAR);

    private final CampaignService campaigns;
    private final TestUsers users;

    CampaignFixture(CampaignService campaigns, TestUsers users) {
        this.campaigns = campaigns;
        this.users = users;
    }

    /**
     * The past year that belongs to this test class: no campaign of any root uses it when it is handed
     * out, and no other class gets it. At least two years back, so deadlines in the year after it are past.
     */
    public int yearFor(Class<?> testClass) {
        return YEARS.claim(testClass,
                () -> asAdmin(() -> campaigns.list().stream().map(CampaignView::year).collect(Collectors.toSet())));
    }

    /** Runs as the demo city's admin, who sees every campaign, and restores whoever was acting before. */
    private <T> T asAdmin(Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        AccountPrincipal admin = users.principal("admin");
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
