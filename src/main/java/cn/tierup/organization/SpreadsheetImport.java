package cn.tierup.organization;

import cn.tierup.shared.BoundedText;
import cn.tierup.identity.OrgScope;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.ImportPreview.PreviewRow;
import cn.tierup.organization.ImportPreview.RowError;
import cn.tierup.organization.internal.MemberRollWriter;
import cn.tierup.organization.internal.OrganizationQueries;
import cn.tierup.organization.internal.OrganizationRepository;
import cn.tierup.organization.internal.PiiCipher;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.ImportTemplate;
import cn.tierup.shared.xlsx.XlsxSheetReader;
import cn.tierup.shared.xlsx.XlsxSheetReader.SheetRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports organisations and people from the spreadsheets offices keep, in the column names of the
 * national 党员管理信息系统 collection sheets. The sheet is streamed, never held whole. A file is checked row by row
 * first; it is written only if every row is right, all in one transaction. Organisations (a province's tree: 100,000
 * rows) are made by the {@link Organization} aggregate under the same rules as a form, each with its audit entry, and
 * written in batches; people (a city's roll: 100,000 rows) go in JDBC batches of entries made by the {@link Member}
 * aggregate, each target organisation checked once against the user's scope, with one audit entry per organisation.
 */
@Service
public class SpreadsheetImport {

    /** A roll of this many people in one file is accepted (a city's, twice over); the sheet itself allows a million. */
    public static final int MAX_MEMBER_ROWS = 200_000;
    /**
     * A tree of this many organisations in one file (a province's); a row's parent may be a row above it, so the rows
     * are checked whole before {@link OrganizationService#createAll} writes them in batches.
     */
    public static final int MAX_ORG_ROWS = 100_000;
    /** Wrong rows listed in a preview (all are counted). */
    static final int LISTED_ERRORS = 1000;
    /** Rows shown as read in a preview. */
    static final int PREVIEW_ROWS = 200;
    /** Rows per JDBC batch (and per look-up of ID numbers already on the roll). */
    static final int CHUNK = 1000;
    private static final Map<String, String> EDUCATION_ALIASES = Map.of("本科", "UNDERGRADUATE", "大专", "COLLEGE",
            "专科", "COLLEGE", "初中", "JUNIOR_HIGH_OR_BELOW", "小学", "JUNIOR_HIGH_OR_BELOW");

    /** A column: its name in the template, whether it must be filled, and other names offices use. */
    public record Column(String header, boolean required, String... aliases) {
    }

    static final List<Column> ORG_COLUMNS = List.of(
            new Column("党组织全称", true, "党组织名称", "组织名称"),
            new Column("上级党组织", true, "上级党组织名称", "隶属党组织"),
            new Column("组织类别", true, "党组织类别"),
            new Column("所属领域", true, "领域"),
            new Column("党组织书记", false, "书记"),
            new Column("联系人", false, "党务工作者"),
            new Column("联系电话", false),
            new Column("所在单位情况", false),
            new Column("单位名称", false, "所在单位名称"),
            new Column("成立日期", false),
            new Column("最近换届日期", false, "换届日期"),
            new Column("评定组织", false),
            new Column("排序号", false, "序号排序"));

    static final List<Column> MEMBER_COLUMNS = List.of(
            new Column("姓名", true),
            new Column("性别", true),
            new Column("公民身份号码", false, "身份证号码", "身份证号"),
            new Column("民族", false),
            new Column("出生日期", false),
            new Column("学历", false),
            new Column("人员类别", true),
            new Column("所在党组织", true, "所在党支部"),
            new Column("入党日期", false),
            new Column("转正日期", false),
            new Column("确定为入党积极分子日期", false),
            new Column("确定为发展对象日期", false),
            new Column("联系电话", false),
            new Column("是否离退休", false),
            new Column("是否流动党员", false),
            new Column("是否困难党员", false));

    private static final Map<String, String> FIELD_ALIASES = Map.of("镇", "TOWN", "街道", "TOWN", "社区", "COMMUNITY",
            "非公企业", "PRIVATE_ENTERPRISE", "学校", "SCHOOL", "国企", "STATE_ENTERPRISE", "文化", "CULTURE",
            "医院", "HEALTH");

    private final ScopeGuard guard;
    private final OrganizationRepository organizations;
    private final OrganizationQueries queries;
    private final MemberRollWriter writer;
    private final OrganizationService organizationService;
    private final PiiCipher cipher;
    private final AuditRecorder audit;
    private final Messages messages;

    SpreadsheetImport(ScopeGuard guard, OrganizationRepository organizations, OrganizationQueries queries,
                      MemberRollWriter writer, OrganizationService organizationService, PiiCipher cipher,
                      AuditRecorder audit, Messages messages) {
        this.guard = guard;
        this.organizations = organizations;
        this.queries = queries;
        this.writer = writer;
        this.organizationService = organizationService;
        this.cipher = cipher;
        this.audit = audit;
        this.messages = messages;
    }

    /** The empty template: the header row, one example row, and a sheet explaining the allowed values. */
    public byte[] template(ImportKind kind) {
        List<String> example = kind == ImportKind.ORGANIZATIONS
                ? List.of("中共××镇××村支部委员会", "中共××镇委员会", "党支部", "村", "张三", "李四", "13800000000",
                "法人单位", "××村村民委员会", "1985-07-01", "2024-03-15", "")
                : List.of("王五", "男", "510182198001011234", "汉族", "1980-01-01", "大学本科", "正式党员",
                "中共××镇××村支部委员会", "2005-07-01", "2006-07-01", "", "", "13900000000", "否", "否", "否");
        List<String> lines = new ArrayList<>(List.of(
                "带 * 的列必须填写；第 2 行是示例，导入前请删除或改写。",
                "日期写作 2025-03-31（也可用 Excel 日期格式）；公民身份号码请按文本格式填写，否则后几位会丢失。",
                "上级党组织、所在党组织、评定组织填写系统中已有（或本文件中靠前行）的党组织全称。",
                "文件中只要有一行有错误，就不会导入任何数据；请按错误提示修改后重新上传。"));
        lines.add("组织类别：" + labels(OrgKind.values()));
        lines.add("所属领域：" + labels(Field.values()));
        lines.add("所在单位情况：" + labels(UnitType.values()));
        lines.add("性别：" + labels(Sex.values()));
        lines.add("学历：" + labels(Education.values()));
        lines.add("人员类别：" + labels(MemberCategory.values()));
        lines.add("是否离退休 / 是否流动党员 / 是否困难党员：是 或 否");
        return ImportTemplate.write(kind == ImportKind.ORGANIZATIONS ? "党组织" : "党员",
                columns(kind).stream().map(c -> new ImportTemplate.Header(c.header(), c.required())).toList(), example,
                "填写说明", lines);
    }

    @Transactional(readOnly = true)
    public ImportPreview preview(ImportKind kind, byte[] file) {
        return onDisk(file, path -> preview(kind, path, ImportProgress.unwatched()));
    }

    /** Writes the whole file or nothing. */
    @Transactional
    public ImportResult apply(ImportKind kind, byte[] file) {
        return onDisk(file, path -> apply(kind, path, ImportProgress.unwatched()));
    }

    /** Checks every row of the file on disk, writing nothing; {@code progress} follows it. */
    @Transactional(readOnly = true)
    public ImportPreview preview(ImportKind kind, Path file, ImportProgress progress) {
        guard.scope(Permission.IMPORT);
        try {
            return kind == ImportKind.ORGANIZATIONS ? analyseOrganizations(file, progress).preview()
                    : new MemberRun(false, progress).run(file).preview();
        } finally {
            progress.phase(ImportProgress.Phase.FINISHED);
        }
    }

    /**
     * Writes the whole file or nothing, in this one transaction: a wrong row anywhere (checked again here, as the
     * roll may have changed since the preview) rolls back whatever was written before it.
     */
    @Transactional
    public ImportResult apply(ImportKind kind, Path file, ImportProgress progress) {
        guard.scope(Permission.IMPORT);
        try {
            return kind == ImportKind.ORGANIZATIONS ? applyOrganizations(file, progress) : applyMembers(file, progress);
        } finally {
            progress.phase(ImportProgress.Phase.FINISHED);
        }
    }

    private <T> T onDisk(byte[] file, Function<Path, T> action) {
        if (file == null || file.length == 0) {
            throw new DomainException("import.file.required");
        }
        Path path = null;
        try {
            path = Files.createTempFile("tierup-import-", ".xlsx");
            Files.write(path, file);
            return action.apply(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (path != null) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a temporary file the system cleans
                }
            }
        }
    }

    private ImportResult applyOrganizations(Path file, ImportProgress progress) {
        Analysis a = analyseOrganizations(file, progress);
        if (a.preview().errorCount() > 0) {
            throw new ImportRejectedException(a.preview());
        }
        if (a.orgRows().isEmpty()) {
            throw new DomainException("import.nothing");
        }
        progress.phase(ImportProgress.Phase.WRITING);
        int written = organizationService.createAll(a.orgRows().stream()
                .map(r -> new OrganizationService.NewInFile(r.details(), r.parentId(), r.parentName(), r.authorityId()))
                .toList(), progress::written);
        return new ImportResult(ImportKind.ORGANIZATIONS, written);
    }

    private ImportResult applyMembers(Path file, ImportProgress progress) {
        MemberRun run = new MemberRun(true, progress).run(file);
        ImportPreview preview = run.preview();
        if (preview.errorCount() > 0) {
            throw new ImportRejectedException(preview);
        }
        if (preview.rowCount() == 0) {
            throw new DomainException("import.nothing");
        }
        run.audit();
        return new ImportResult(ImportKind.MEMBERS, run.written);
    }

    private record OrgRow(int row, OrganizationDetails details, Long parentId, String parentName, Long authorityId) {
    }

    private record Analysis(ImportPreview preview, List<OrgRow> orgRows) {
    }

    /** The file's columns mapped to the template's: every alias to its column, and the columns the product ignores. */
    private record Header(Map<String, String> canonical, List<String> ignored) {

        static Header of(List<Column> columns, List<String> sheetHeaders) {
            Map<String, String> canonical = new HashMap<>();
            for (Column c : columns) {
                canonical.put(c.header(), c.header());
                for (String alias : c.aliases()) {
                    canonical.put(alias, c.header());
                }
            }
            List<String> ignored = new ArrayList<>();
            for (String h : sheetHeaders) {
                if (!h.isEmpty() && !canonical.containsKey(h)) {
                    ignored.add(h);
                }
            }
            for (Column c : columns) {
                if (c.required() && sheetHeaders.stream().noneMatch(h -> c.header().equals(canonical.get(h)))) {
                    throw new DomainException("import.header.missing", c.header());
                }
            }
            return new Header(canonical, ignored);
        }

        /** A row's cells under the template's column names; of a column given twice, the filled cell. */
        Map<String, String> cells(SheetRow raw) {
            Map<String, String> cells = new LinkedHashMap<>();
            raw.cells().forEach((h, v) -> {
                String key = canonical.get(h);
                if (key != null && (v != null && !v.isBlank() || !cells.containsKey(key))) {
                    cells.put(key, v == null || v.isBlank() ? null : v.strip());
                }
            });
            return cells;
        }
    }

    /**
     * The rows wrong so far, by row number (the first {@link #LISTED_ERRORS} listed, all counted), and the first rows
     * as read, for the preview.
     */
    private static final class Findings {
        final TreeMap<Integer, String> errors = new TreeMap<>();
        final List<PreviewRow> shown = new ArrayList<>();
        int errorCount;
        int rows;

        void error(int row, String message) {
            String earlier = errors.get(row);
            if (earlier != null) {
                errors.put(row, earlier + "；" + message);
                return;
            }
            errorCount++;
            errors.put(row, message);
            if (errors.size() > LISTED_ERRORS) {
                errors.pollLastEntry();
            }
        }

        void show(int row, List<String> headers, Map<String, String> cells) {
            rows++;
            if (shown.size() < PREVIEW_ROWS) {
                shown.add(new PreviewRow(row, headers.stream().map(h -> cells.getOrDefault(h, "")).toList()));
            }
        }

        ImportPreview preview(ImportKind kind, List<String> headers, List<String> ignored) {
            if (rows == 0) {
                throw new DomainException("import.file.empty");
            }
            List<RowError> listed = errors.entrySet().stream().map(e -> new RowError(e.getKey(), e.getValue())).toList();
            return new ImportPreview(kind, headers, shown, listed, ignored, rows, errorCount);
        }
    }

    /** The organisations' file: every row checked (names, parents in the tree or above in the file, scope), kept for the write. */
    private Analysis analyseOrganizations(Path file, ImportProgress progress) {
        progress.phase(ImportProgress.Phase.CHECKING);
        List<String> headers = ORG_COLUMNS.stream().map(Column::header).toList();
        Findings findings = new Findings();
        List<OrgRow> orgRows = new ArrayList<>();
        OrgScope scope = guard.scope(Permission.IMPORT);
        Map<String, Integer> namesInFile = new HashMap<>();
        Map<String, OrgKind> kindsInFile = new HashMap<>();
        Map<String, Long> parentsInTree = new HashMap<>();
        Map<String, Boolean> treeHas = new HashMap<>();
        // names of rows otherwise right, to be looked up in the tree together
        Map<String, Integer> unchecked = new LinkedHashMap<>();
        Header[] header = new Header[1];
        XlsxSheetReader.stream(file, headers.get(0), MAX_ORG_ROWS, new XlsxSheetReader.RowSink() {
            @Override
            public void headers(List<String> sheetHeaders, int lastRow) {
                header[0] = Header.of(ORG_COLUMNS, sheetHeaders);
                progress.expected(lastRow - 1);
            }

            @Override
            public void row(SheetRow raw) {
                Map<String, String> cells = header[0].cells(raw);
                findings.show(raw.number(), headers, cells);
                progress.read(findings.rows);
                List<String> problems = new ArrayList<>();
                RowReader r = new RowReader(cells, problems);
                try {
                    OrgRow row = orgRow(raw.number(), r, scope, namesInFile, kindsInFile, parentsInTree, treeHas);
                    if (row != null && problems.isEmpty()) {
                        orgRows.add(row);
                        unchecked.put(row.details().name(), raw.number());
                        if (unchecked.size() == CHUNK) {
                            refuseExistingNames(unchecked, scope, findings);
                        }
                    }
                } catch (DomainException e) {
                    problems.add(messages.of(e));
                }
                if (!problems.isEmpty()) {
                    findings.error(raw.number(), String.join("；", problems));
                }
                progress.checked(findings.rows);
            }
        });
        refuseExistingNames(unchecked, scope, findings);
        return new Analysis(findings.preview(ImportKind.ORGANIZATIONS, headers, header[0].ignored()), orgRows);
    }

    /** Rows naming an organisation that already exists in the user's scope, looked up {@link #CHUNK} names at a time. */
    private void refuseExistingNames(Map<String, Integer> unchecked, OrgScope scope, Findings findings) {
        for (String name : queries.activeNamesIn(unchecked.keySet(), scope.likePattern())) {
            findings.error(unchecked.get(name), messages.of(new DomainException("import.row.existingName", name)));
        }
        unchecked.clear();
    }

    /**
     * One pass over a members' file: each row read, checked by the rules of the roll, and — when writing and no row
     * has been wrong so far — written in JDBC batches of {@link #CHUNK} in the caller's transaction. Organisations are
     * looked up and scope-checked once per distinct name; ID numbers already on the roll are looked up once per batch.
     */
    private final class MemberRun implements XlsxSheetReader.RowSink {
        private final boolean write;
        private final ImportProgress progress;
        private final List<String> headers = MEMBER_COLUMNS.stream().map(Column::header).toList();
        private final Findings findings = new Findings();
        private final OrgScope scope = guard.scope(Permission.IMPORT);
        private final LocalDate today = LocalDate.now();
        /** An organisation's name → its id, or the reason it cannot take this user's import. */
        private final Map<String, Object> organisations = new HashMap<>();
        private final Map<String, Integer> idsInFile = new HashMap<>();
        private final List<Pending> pending = new ArrayList<>(CHUNK);
        /** Per organisation written to: the people written, for its audit entry. */
        private final Map<Long, List<Map<String, Object>>> writtenTo = new LinkedHashMap<>();
        private Header header;
        private int checked;
        private int written;

        MemberRun(boolean write, ImportProgress progress) {
            this.write = write;
            this.progress = progress;
        }

        MemberRun run(Path file) {
            progress.phase(write ? ImportProgress.Phase.WRITING : ImportProgress.Phase.CHECKING);
            XlsxSheetReader.stream(file, headers.get(0), MAX_MEMBER_ROWS, this);
            flush();
            return this;
        }

        ImportPreview preview() {
            return findings.preview(ImportKind.MEMBERS, headers, header.ignored());
        }

        @Override
        public void headers(List<String> sheetHeaders, int lastRow) {
            header = Header.of(MEMBER_COLUMNS, sheetHeaders);
            progress.expected(lastRow - 1);
        }

        @Override
        public void row(SheetRow raw) {
            Map<String, String> cells = header.cells(raw);
            findings.show(raw.number(), headers, cells);
            progress.read(findings.rows);
            List<String> problems = new ArrayList<>();
            RowReader r = new RowReader(cells, problems);
            Member member = null;
            try {
                member = memberRow(raw.number(), r);
            } catch (DomainException e) {
                problems.add(messages.of(e));
            }
            if (!problems.isEmpty()) {
                findings.error(raw.number(), String.join("；", problems));
                checked++;
            } else if (member != null) {
                pending.add(new Pending(raw.number(), member));
                if (pending.size() == CHUNK) {
                    flush();
                }
            }
            // a pending row has passed its own rules; the look-up of its ID number on the roll follows with its batch
            progress.checked(checked + pending.size());
        }

        private Member memberRow(int number, RowReader r) {
            String name = r.required("姓名");
            Sex sex = r.enumValue("性别", Sex.values(), Map.of());
            MemberCategory category = r.enumValue("人员类别", MemberCategory.values(), Map.of("党员", "FULL"));
            Education education = r.enumValue("学历", Education.values(), EDUCATION_ALIASES);
            String orgName = r.required("所在党组织");
            LocalDate birth = r.date("出生日期");
            LocalDate joined = r.date("入党日期");
            LocalDate regularized = r.date("转正日期");
            LocalDate activist = r.date("确定为入党积极分子日期");
            LocalDate target = r.date("确定为发展对象日期");
            boolean retired = r.bool("是否离退休");
            boolean floating = r.bool("是否流动党员");
            boolean difficulty = r.bool("是否困难党员");
            if (!r.problems.isEmpty()) {
                return null;
            }
            String idNumber = r.optional("公民身份号码");
            MemberDetails details = new MemberDetails(name, sex, r.optional("民族"), birth, education, category, activist,
                    target, joined, regularized, retired, floating, difficulty, idNumber, r.optional("联系电话"));
            BoundedText.PERSON_NAME.required(name, "field.tooLong");
            MemberPolicy.check(details, today);
            long orgId = organisation(orgName);
            String hash = null;
            if (idNumber != null) {
                String normal = ChineseIdNumber.parse(idNumber).value();
                Integer earlier = idsInFile.putIfAbsent(normal, number);
                if (earlier != null) {
                    throw new DomainException("import.row.duplicateId", earlier);
                }
                hash = cipher.index(normal);
            }
            // the aggregate's own constructor: the same rules and normalisation as a form's new entry
            return new Member(orgId, details, hash, today);
        }

        /** The one guard, asked once per distinct organisation named in the file. */
        private long organisation(String name) {
            Object known = organisations.computeIfAbsent(name, n -> {
                try {
                    Organization org = uniqueByName(n, scope);
                    guard.decide(Permission.MEMBER_WRITE, org.getId(), "import.row.outOfScope", n).orThrow();
                    return org.getId();
                } catch (DomainException e) {
                    return e;
                }
            });
            if (known instanceof DomainException e) {
                throw e;
            }
            return (Long) known;
        }

        /** The batch's look-up of ID numbers already on the roll, then (writing, nothing wrong yet) its insert. */
        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Set<String> onRoll = writer.activeIdHashesAmong(pending.stream().map(p -> p.member().getIdNumberHash())
                    .filter(java.util.Objects::nonNull).toList());
            List<Member> ok = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                if (p.member().getIdNumberHash() != null && onRoll.contains(p.member().getIdNumberHash())) {
                    findings.error(p.row(), messages.get("member.idNumber.duplicate"));
                } else {
                    ok.add(p.member());
                }
            }
            checked += pending.size();
            pending.clear();
            progress.checked(checked);
            if (!write || findings.errorCount > 0 || ok.isEmpty()) {
                return;
            }
            long[] ids = writer.ids(ok.size());
            List<String> idNumbers = new ArrayList<>(ok.size());
            List<String> phones = new ArrayList<>(ok.size());
            for (int i = 0; i < ok.size(); i++) {
                Member m = ok.get(i);
                idNumbers.add(cipher.encrypt(m.getIdNumber()));
                phones.add(cipher.encrypt(m.getPhone()));
                writtenTo.computeIfAbsent(m.getOrganizationId(), o -> new ArrayList<>())
                        .add(Map.of("id", ids[i], "name", m.getName()));
            }
            writer.insert(ok, ids, idNumbers, phones, LocalDateTime.now());
            written += ok.size();
            progress.written(written);
        }

        /** One audit entry per organisation whose roll the import added to: how many, and who (ids and names). */
        void audit() {
            writtenTo.forEach((orgId, people) -> {
                String names = people.stream().limit(20).map(p -> (String) p.get("name")).collect(Collectors.joining("、"));
                String summary = messages.get(people.size() > 20 ? "import.audit.members.more" : "import.audit.members",
                        people.size(), names);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("imported", people.size());
                after.put("members", people);
                audit.record("Member", null, orgId, "IMPORT", summary, null, after);
            });
        }
    }

    private record Pending(int row, Member member) {
    }

    private OrgRow orgRow(int number, RowReader r, OrgScope scope, Map<String, Integer> namesInFile,
                          Map<String, OrgKind> kindsInFile, Map<String, Long> parentsInTree,
                          Map<String, Boolean> treeHas) {
        String name = r.required("党组织全称");
        String parentName = r.required("上级党组织");
        OrgKind kind = r.enumValue("组织类别", OrgKind.values(), Map.of());
        Field field = r.enumValue("所属领域", Field.values(), FIELD_ALIASES);
        UnitType unitType = r.enumValue("所在单位情况", UnitType.values(), Map.of());
        LocalDate established = r.date("成立日期");
        LocalDate election = r.date("最近换届日期");
        String phone = r.optional("联系电话");
        Integer sortOrder = r.sortOrder("排序号");
        if (!r.problems.isEmpty()) {
            return null;
        }
        OrganizationDetails details = new OrganizationDetails(name, kind, field, r.optional("党组织书记"),
                r.optional("联系人"), phone, unitType, r.optional("单位名称"), established, election, sortOrder);
        BoundedText.NAME.required(name, "field.tooLong");
        Organization.root(details); // the same rules as the form: throws on a broken one
        Integer earlier = namesInFile.get(name);
        if (earlier != null) {
            throw new DomainException("import.row.duplicateName", name, earlier);
        }
        // the parent is the tree's if the tree has the name (a row bearing it too is refused as existing), else a row
        // above; each distinct parent is looked up and checked once for all its rows (a town's 200 branches)
        Long parentId = parentsInTree.get(parentName);
        if (parentId == null) {
            if (namesInFile.containsKey(parentName) && !treeHas.computeIfAbsent(parentName,
                    n -> !queries.activeNamesIn(List.of(n), scope.likePattern()).isEmpty())) {
                TreePlacementPolicy.parent(parentName, kindsInFile.get(parentName), false).orThrow();
            } else {
                Organization parent = uniqueByName(parentName, scope);
                guard.decide(Permission.ORG_WRITE, parent.getId(), "import.row.outOfScope", parentName).orThrow();
                TreePlacementPolicy.parent(parent).orThrow();
                parentId = parent.getId();
                parentsInTree.put(parentName, parentId);
            }
        }
        Long authorityId = null;
        String authorityName = r.optional("评定组织");
        if (authorityName != null) {
            if (!guard.currentUser().has(Permission.ORG_AUTHORITY)) {
                throw new DomainException("import.row.outOfScope", authorityName);
            }
            Organization authority = uniqueByName(authorityName, scope);
            GradingAuthorityPolicy.decide(null, authority).orThrow();
            authorityId = authority.getId();
        }
        namesInFile.put(name, number);
        kindsInFile.put(name, kind);
        return new OrgRow(number, details, parentId, parentName, authorityId);
    }

    private Organization uniqueByName(String name, OrgScope scope) {
        List<Organization> found = organizations.findActiveByNameInScope(name, scope.likePattern());
        if (found.isEmpty()) {
            throw new DomainException("import.row.parentNotFound", name);
        }
        if (found.size() > 1) {
            throw new DomainException("import.row.parentAmbiguous", name);
        }
        return found.get(0);
    }

    private List<Column> columns(ImportKind kind) {
        return kind == ImportKind.ORGANIZATIONS ? ORG_COLUMNS : MEMBER_COLUMNS;
    }

    private String labels(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) {
            out.add(messages.label(v));
        }
        return String.join("、", out);
    }

    /** Reads one row's cells, collecting every problem instead of stopping at the first. */
    private final class RowReader {
        private final Map<String, String> cells;
        private final List<String> problems;

        RowReader(Map<String, String> cells, List<String> problems) {
            this.cells = cells;
            this.problems = problems;
        }

        String optional(String column) {
            return cells.get(column);
        }

        /** A 排序号: a whole number in range, or empty. */
        Integer sortOrder(String column) {
            String v = cells.get(column);
            if (v == null) {
                return null;
            }
            try {
                int n = new java.math.BigDecimal(v).intValueExact();
                if (n >= Organization.FIRST_SORT_ORDER && n <= Organization.LAST_SORT_ORDER) {
                    return n;
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
            problems.add(messages.get("org.sortOrder.range"));
            return null;
        }

        String required(String column) {
            String v = cells.get(column);
            if (v == null) {
                problems.add(messages.get("import.row.required", column));
            }
            return v;
        }

        <E extends Enum<E>> E enumValue(String column, E[] values, Map<String, String> aliases) {
            String v = cells.get(column);
            if (v == null) {
                if (isRequired(column)) {
                    problems.add(messages.get("import.row.required", column));
                }
                return null;
            }
            Function<E, String> label = messages::label;
            for (E e : values) {
                String l = label.apply(e);
                if (l.equals(v) || l.replaceAll("（.*）", "").equals(v)) {
                    return e;
                }
            }
            String alias = aliases.get(v);
            if (alias != null) {
                for (E e : values) {
                    if (e.name().equals(alias)) {
                        return e;
                    }
                }
            }
            problems.add(messages.get("import.row.unknownValue", column, v, labels(values)));
            return null;
        }

        LocalDate date(String column) {
            String v = cells.get(column);
            if (v == null) {
                return null;
            }
            return ImportTemplate.date(v).orElseGet(() -> {
                problems.add(messages.get("import.row.badDate", column, v));
                return null;
            });
        }

        boolean bool(String column) {
            String v = cells.get(column);
            if (v == null || v.equals("否") || v.equalsIgnoreCase("N") || v.equals("0")) {
                return false;
            }
            if (v.equals("是") || v.equalsIgnoreCase("Y") || v.equals("1")) {
                return true;
            }
            problems.add(messages.get("import.row.badBool", column, v));
            return false;
        }

        private boolean isRequired(String column) {
            return ORG_COLUMNS.stream().anyMatch(c -> c.header().equals(column) && c.required())
                    || MEMBER_COLUMNS.stream().anyMatch(c -> c.header().equals(column) && c.required());
        }
    }
}
