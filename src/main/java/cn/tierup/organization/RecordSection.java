package cn.tierup.organization;

import java.util.List;

/**
 * A section another module adds to an organisation's page or a person's record (their 表彰, say): a title and a small
 * table of text, already in Chinese. The organisation's pages show it without knowing the module that keeps it.
 */
public record RecordSection(String id, String title, List<String> headings, List<List<String>> rows, String emptyText) {

    public RecordSection {
        headings = List.copyOf(headings);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
