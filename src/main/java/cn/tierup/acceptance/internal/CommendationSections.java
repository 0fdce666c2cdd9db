package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.internal.CommendationQueries.Row;
import cn.tierup.organization.RecordSection;
import cn.tierup.organization.RecordSections;
import cn.tierup.shared.Messages;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 表彰 standing for an organisation (itself or a person on its roll) and for a person, as a section of their pages
 * in the organization module, every year, withdrawn ones left out. The page has checked who may see it.
 */
@Component
class CommendationSections implements RecordSections {

    private final CommendationQueries queries;
    private final Messages messages;

    CommendationSections(CommendationQueries queries, Messages messages) {
        this.queries = queries;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RecordSection> ofOrganization(long organizationId) {
        return Optional.of(section("org-commendations", queries.ofOrganization(organizationId), true));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RecordSection> ofMember(long memberId) {
        return Optional.of(section("member-commendations", queries.ofMember(memberId), false));
    }

    private RecordSection section(String id, List<Row> rows, boolean withHonoured) {
        List<String> headings = withHonoured
                ? List.of(m("col.date"), m("col.kind"), m("col.honoured"), m("col.level"), m("col.awarder"), m("col.document"), m("col.citation"))
                : List.of(m("col.date"), m("col.kind"), m("col.level"), m("col.awarder"), m("col.document"), m("col.citation"));
        List<List<String>> lines = rows.stream().map(r -> withHonoured
                ? List.of(r.awardedOn().toString(), m("kind." + r.kind().name()), r.honouredName(), m("level." + r.level().name()),
                        r.awardedByName(), r.documentNumber(), r.citation())
                : List.of(r.awardedOn().toString(), m("kind." + r.kind().name()), m("level." + r.level().name()),
                        r.awardedByName(), r.documentNumber(), r.citation())).toList();
        return new RecordSection(id, m("sectionTitle"), headings, lines, m("sectionNone"));
    }

    private String m(String key) {
        return messages.get("acceptance.commendation." + key);
    }
}
