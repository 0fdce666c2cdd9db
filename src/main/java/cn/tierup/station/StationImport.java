package cn.tierup.station;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.ImportTemplate;
import cn.tierup.shared.xlsx.XlsxSheetReader;
import cn.tierup.shared.xlsx.XlsxSheetReader.SheetContent;
import cn.tierup.shared.xlsx.XlsxSheetReader.SheetRow;
import cn.tierup.station.Stations.StationView;
import cn.tierup.station.internal.StationQueries;
import cn.tierup.station.internal.StationQueries.Place;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the station registry from .xlsx in the columns of the template and the export. Every row is checked first
 * (its host named by its full name, in the user's scope to write; the station's own rules); the file is written only
 * when every row is right, all in one transaction, each row through the same use case as a form. A row naming a
 * station its host already keeps on the registry corrects it, so an exported file imports again unchanged.
 */
@Service
public class StationImport {

    public static final int MAX_ROWS = 3000;

    private final Stations stations;
    private final StationQueries queries;
    private final StationSheets sheets;
    private final ScopeGuard guard;
    private final Messages messages;

    StationImport(Stations stations, StationQueries queries, StationSheets sheets, ScopeGuard guard, Messages messages) {
        this.stations = stations;
        this.queries = queries;
        this.sheets = sheets;
        this.guard = guard;
        this.messages = messages;
    }

    /** What a file would do: its rows as typed, the wrong ones with their reasons, and how many are corrections. */
    public record Preview(List<String> columns, List<PreviewRow> rows, List<RowError> errors, int corrections) {

        public boolean ok() {
            return errors.isEmpty() && !rows.isEmpty();
        }
    }

    public record PreviewRow(int row, List<String> values) {
    }

    public record RowError(int row, String message) {
    }

    /** The outcome of an import that went through. */
    public record Result(int registered, int corrected) {
    }

    /** The file had wrong rows; nothing was written. */
    public static class Rejected extends DomainException {

        private final transient Preview preview;

        Rejected(Preview preview) {
            super("import.hasErrors", preview.errors().size());
            this.preview = preview;
        }

        public Preview preview() {
            return preview;
        }
    }

    private record Checked(int row, long hostId, Long existingId, Long existingVersion, StationDetails details) {
    }

    private record Analysis(Preview preview, List<Checked> rows) {
    }

    /** The empty template: the header row (required ones marked *), an example row, and a sheet of allowed values. */
    public byte[] template() {
        List<String> lines = new ArrayList<>(List.of(messages.get("station.template.help").split("\\|")));
        lines.add(messages.get("station.col.terminalKind") + "：" + labels("station.terminalKind.", TerminalKind.values()));
        lines.add(messages.get("station.col.equipmentCondition") + "：" + labels("station.equipmentCondition.",
                EquipmentCondition.values()));
        lines.add(messages.get("station.col.status") + "：" + labels("station.status.", StationStatus.values()));
        return ImportTemplate.write(messages.get("station.sheet.registry"), StationSheets.COLUMNS.stream()
                        .map(c -> new ImportTemplate.Header(messages.get(c.key()), c.required())).toList(),
                List.of(messages.get("station.template.example").split("\\|", -1)),
                messages.get("station.template.helpSheet"), lines);
    }

    @Transactional(readOnly = true)
    public Preview preview(byte[] file) {
        guard.scope(Permission.IMPORT);
        return analyse(file).preview();
    }

    /** Writes the whole file or nothing. */
    @Transactional
    public Result apply(byte[] file) {
        guard.scope(Permission.IMPORT);
        Analysis a = analyse(file);
        if (!a.preview().errors().isEmpty()) {
            throw new Rejected(a.preview());
        }
        if (a.rows().isEmpty()) {
            throw new DomainException("import.nothing");
        }
        int registered = 0;
        int corrected = 0;
        for (Checked c : a.rows()) {
            if (c.existingId() == null) {
                stations.register(c.hostId(), c.details());
                registered++;
            } else {
                StationView now = stations.get(c.existingId());
                if (!now.details().equals(normalised(c.details()))) {
                    stations.correct(c.existingId(), c.details(), c.existingVersion());
                    corrected++;
                }
            }
        }
        return new Result(registered, corrected);
    }

    private Analysis analyse(byte[] file) {
        List<String> headers = sheets.headers();
        SheetContent sheet = XlsxSheetReader.read(file, headers.get(0), MAX_ROWS);
        for (int i = 0; i < headers.size(); i++) {
            if (StationSheets.COLUMNS.get(i).required() && !sheet.headers().contains(headers.get(i))) {
                throw new DomainException("import.header.missing", headers.get(i));
            }
        }
        List<PreviewRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<Place>> hostsByName = new HashMap<>();
        Map<Long, List<StationView>> keptBy = new HashMap<>();
        LocalDateTime now = LocalDateTime.now();
        for (SheetRow raw : sheet.rows()) {
            Map<String, String> cells = raw.cells();
            rows.add(new PreviewRow(raw.number(), headers.stream().map(h -> cells.getOrDefault(h, "")).map(v -> v == null ? "" : v).toList()));
            List<String> problems = new ArrayList<>();
            Values v = new Values(cells, problems);
            String name = v.required(0);
            String hostName = v.required(1);
            Long hostId = null;
            if (hostName != null) {
                List<Place> found = hostsByName.computeIfAbsent(hostName, n -> queries.named(n).stream()
                        .filter(p -> guard.can(Permission.ORG_WRITE, p.id())).toList());
                if (found.isEmpty()) {
                    problems.add(messages.get("station.import.hostUnknown", hostName));
                } else if (found.size() > 1) {
                    problems.add(messages.get("station.import.hostAmbiguous", hostName));
                } else {
                    hostId = found.get(0).id();
                }
            }
            StationDetails details = new StationDetails(name, v.required(2),
                    v.choice(3, "station.terminalKind.", TerminalKind.values()), v.text(4),
                    v.choice(5, "station.equipmentCondition.", EquipmentCondition.values()), v.required(6), v.date(7),
                    v.text(8), v.money(9), v.text(10), v.date(11), v.status(12));
            Long existing = null;
            Long existingVersion = null;
            if (problems.isEmpty()) {
                try {
                    new Station(hostId, details, Actors.current(), now); // the station's own rules, nothing saved
                    String key = hostId + "|" + details.name().strip();
                    Integer first = seen.putIfAbsent(key, raw.number());
                    if (first != null) {
                        problems.add(messages.get("station.import.duplicate", details.name().strip(), first));
                    }
                    long host = hostId;
                    StationView same = keptBy.computeIfAbsent(host, h -> queries.stations(queries.place(h).orElseThrow().path(),
                                    false, null, null).stream().filter(r -> r.hostId() == h).map(Stations.StationView::of).toList())
                            .stream().filter(s -> s.name().equals(details.name().strip())).findFirst().orElse(null);
                    if (same != null) {
                        existing = same.id();
                        existingVersion = same.version();
                    }
                } catch (DomainException e) {
                    problems.add(messages.of(e));
                }
            }
            if (problems.isEmpty()) {
                checked.add(new Checked(raw.number(), hostId, existing, existingVersion, details));
            } else {
                errors.add(new RowError(raw.number(), String.join("；", problems)));
            }
        }
        int corrections = (int) checked.stream().filter(c -> c.existingId() != null).count();
        return new Analysis(new Preview(headers, rows, errors, corrections), checked);
    }

    /** The details as the registry keeps them (funding to the fen), to tell a real correction from the same facts. */
    private static StationDetails normalised(StationDetails d) {
        BigDecimal funding = d.yearlyFunding() == null ? BigDecimal.ZERO : d.yearlyFunding();
        return new StationDetails(d.name(), d.address(), d.terminalKind(), d.equipment(), d.equipmentCondition(),
                d.managerName(), d.managerTrainedOn(), d.openingHours(), funding.setScale(2, java.math.RoundingMode.HALF_UP),
                d.fundingSource(), d.openedOn(), d.status());
    }

    private String labels(String prefix, Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : values) {
            out.add(messages.get(prefix + e.name()));
        }
        return String.join("、", out);
    }

    /** The cells of one row read as the registry's facts; what does not read is added to the row's problems. */
    private final class Values {

        private final Map<String, String> cells;
        private final List<String> problems;
        private final List<String> headers = sheets.headers();

        Values(Map<String, String> cells, List<String> problems) {
            this.cells = new LinkedHashMap<>(cells);
            this.problems = problems;
        }

        String text(int column) {
            String s = cells.get(headers.get(column));
            return s == null || s.isBlank() ? null : s.strip();
        }

        String required(int column) {
            String s = text(column);
            if (s == null) {
                problems.add(messages.get("import.row.required", headers.get(column)));
            }
            return s;
        }

        <E extends Enum<E>> E choice(int column, String prefix, E[] values) {
            String s = text(column);
            if (s == null) {
                return null; // the station's rule names the missing choice
            }
            for (E e : values) {
                if (messages.get(prefix + e.name()).equals(s)) {
                    return e;
                }
            }
            problems.add(messages.get("import.row.unknownValue", headers.get(column), s, labels(prefix, values)));
            return null;
        }

        StationStatus status(int column) {
            return text(column) == null ? StationStatus.IN_USE : choice(column, "station.status.", StationStatus.values());
        }

        LocalDate date(int column) {
            String s = text(column);
            if (s == null) {
                return null;
            }
            return ImportTemplate.date(s).orElseGet(() -> {
                problems.add(messages.get("import.row.badDate", headers.get(column), s));
                return null;
            });
        }

        BigDecimal money(int column) {
            String s = text(column);
            if (s == null) {
                return null;
            }
            try {
                return new BigDecimal(s.replace(",", "").replace("，", ""));
            } catch (NumberFormatException e) {
                problems.add(messages.get("station.import.badMoney", headers.get(column), s));
                return null;
            }
        }
    }
}
