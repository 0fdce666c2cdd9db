package cn.tierup.acceptance;

import cn.tierup.acceptance.internal.TransitionQueries;
import cn.tierup.acceptance.internal.TransitionQueries.Decided;
import cn.tierup.acceptance.internal.TransitionQueries.Graded;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeBand;
import cn.tierup.grading.GradingSetups;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.Field;
import cn.tierup.shared.ChineseOrder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grade transitions under a unit, per field or all fields: this year's 年初定级 × 年末审定, and last year's 年末审定 (the
 * previous campaign of the same root) × this year's 年初定级 — by class (先进/一般/后进) always, and by grade name where
 * the standards have more grades than classes — with the organisations whose 年末审定 was in the lowest class two years
 * running. Read by anyone who reads the campaign at the unit.
 */
@Service
public class Transitions {

    private final TransitionQueries queries;
    private final CampaignService campaigns;
    private final GradingSetups setups;
    private final ScopeGuard guard;
    private final Messages messages;

    Transitions(TransitionQueries queries, CampaignService campaigns, GradingSetups setups, ScopeGuard guard,
                Messages messages) {
        this.queries = queries;
        this.campaigns = campaigns;
        this.setups = setups;
        this.guard = guard;
        this.messages = messages;
    }

    /** A grade on a name axis: its class and name (the same name in two classes is two grades). */
    record NamedGrade(Grade level, String name) {
    }

    /** An organisation named in a list. */
    public record Named(long id, String name, String field) {
    }

    /**
     * Everything the page, the API and the workbook show.
     *
     * @param previousYear       the year of the previous campaign, null when the root had none
     * @param startToEndByName   null unless the standards in force have more grades than classes
     * @param lastToStartByName  likewise; null too when there is no previous campaign
     * @param lastToStartByClass null when there is no previous campaign
     */
    public record TransitionReport(long campaignId, int year, String campaignName, long unitId, String unitName,
                                   String field, Long previousCampaignId, Integer previousYear,
                                   TransitionMatrix startToEndByClass, TransitionMatrix startToEndByName,
                                   TransitionMatrix lastToStartByClass, TransitionMatrix lastToStartByName,
                                   List<Named> laggingTwice, long organizations) {
    }

    @Transactional(readOnly = true)
    public TransitionReport report(long campaignId, long unitId, String field) {
        OrgRef unit = guard.require(Permission.CAMPAIGN_READ, unitId);
        CampaignView c = campaigns.get(campaignId);
        if (field != null && Arrays.stream(Field.values()).noneMatch(f -> f.name().equals(field))) {
            throw new DomainException("acceptance.transition.field");
        }
        Long previous = queries.previousCampaign(campaignId).orElse(null);
        List<Graded> graded = queries.graded(campaignId, previous, c.rootOrganizationId(),
                queries.path(c.rootOrganizationId()), unit.id(), unit.path(), field);
        List<Grade> classes = List.of(Grade.values());
        Function<Grade, String> classLabel = g -> messages.get("acceptance.transition.class." + g.name());
        Function<NamedGrade, String> nameLabel = NamedGrade::name;

        TransitionMatrix startEnd = TransitionMatrix.count(graded, g -> level(g.start()), g -> level(g.end()), classes,
                classes, classLabel);
        List<String> fields = field != null ? List.of(field) : graded.stream().map(Graded::field).distinct().toList();
        List<NamedGrade> thisYear = nameAxis(campaignId, fields, graded, List.of(Graded::start, Graded::end));
        TransitionMatrix startEndNames = more(thisYear) ? TransitionMatrix.count(graded, g -> named(g.start()),
                g -> named(g.end()), thisYear, thisYear, nameLabel) : null;

        TransitionMatrix lastStart = null;
        TransitionMatrix lastStartNames = null;
        Integer previousYear = null;
        if (previous != null) {
            previousYear = queries.year(previous);
            lastStart = TransitionMatrix.count(graded, g -> level(g.lastEnd()), g -> level(g.start()), classes, classes,
                    classLabel);
            List<NamedGrade> lastYear = nameAxis(previous, fields, graded, List.of(Graded::lastEnd));
            List<NamedGrade> startAxis = nameAxis(campaignId, fields, graded, List.of(Graded::start));
            if (more(lastYear) || more(startAxis)) {
                lastStartNames = TransitionMatrix.count(graded, g -> named(g.lastEnd()), g -> named(g.start()), lastYear,
                        startAxis, nameLabel);
            }
        }
        List<Named> twice = graded.stream()
                .filter(g -> g.end() != null && g.end().level() == Grade.LAGGING && g.lastEnd() != null
                        && g.lastEnd().level() == Grade.LAGGING)
                .map(g -> new Named(g.id(), g.name(), g.field()))
                .sorted(ChineseOrder.by(Named::name).thenComparing(Named::id)).toList();
        return new TransitionReport(campaignId, c.year(), c.name(), unit.id(), unit.name(), field, previous, previousYear,
                startEnd, startEndNames, lastStart, lastStartNames, twice, graded.size());
    }

    /**
     * The organisations under a unit graded in the lowest class two years running as the year stands now: last year's
     * 年末审定 后进 and this year's latest decided grade (the 年末审定, before it the 年初定级) 后进 again. One statement.
     */
    @Transactional(readOnly = true)
    public List<Named> laggingTwiceSoFar(long campaignId, long unitId) {
        OrgRef unit = guard.require(Permission.CAMPAIGN_READ, unitId);
        CampaignView c = campaigns.get(campaignId);
        Long previous = queries.previousCampaign(campaignId).orElse(null);
        if (previous == null) {
            return List.of();
        }
        return queries.graded(campaignId, previous, c.rootOrganizationId(), queries.path(c.rootOrganizationId()), unit.id(),
                        unit.path(), null).stream()
                .filter(g -> g.lastEnd() != null && g.lastEnd().level() == Grade.LAGGING
                        && level(g.end() != null ? g.end() : g.start()) == Grade.LAGGING)
                .map(g -> new Named(g.id(), g.name(), g.field()))
                .sorted(ChineseOrder.by(Named::name).thenComparing(Named::id)).toList();
    }

    /** The units a user may pick: their own organisation (or the one asked for) and its children. */
    @Transactional(readOnly = true)
    public List<Map.Entry<Long, String>> units(long organizationId) {
        OrgRef unit = guard.require(Permission.CAMPAIGN_READ, organizationId);
        List<Map.Entry<Long, String>> out = new ArrayList<>();
        out.add(Map.entry(unit.id(), unit.name()));
        out.addAll(queries.children(unit.id()));
        return out;
    }

    /**
     * The grades of the standards in force in the campaign for these fields, in each standard's order, then any other
     * grade found among the organisations' — ordered by class (先进, 一般, 后进).
     */
    private List<NamedGrade> nameAxis(long campaignId, List<String> fields, List<Graded> graded,
                                      List<Function<Graded, Decided>> sides) {
        Set<NamedGrade> found = new LinkedHashSet<>();
        for (GradeBand b : setups.gradesInForce(campaignId, fields)) {
            found.add(new NamedGrade(b.level(), b.name()));
        }
        for (Graded g : graded) {
            for (Function<Graded, Decided> side : sides) {
                NamedGrade n = named(side.apply(g));
                if (n != null) {
                    found.add(n);
                }
            }
        }
        List<NamedGrade> ordered = new ArrayList<>();
        for (Grade level : Grade.values()) {
            found.stream().filter(n -> n.level() == level).forEach(ordered::add);
        }
        return List.copyOf(ordered);
    }

    /** True when an axis has more grades than the three classes: only then is the matrix by name worth showing. */
    private static boolean more(List<NamedGrade> axis) {
        return axis.size() > Grade.values().length;
    }

    private static Grade level(Decided d) {
        return d == null ? null : d.level();
    }

    private static NamedGrade named(Decided d) {
        return d == null ? null : new NamedGrade(d.level(), d.grade());
    }
}
