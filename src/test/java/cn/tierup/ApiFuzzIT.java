package cn.tierup;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every operation of the API document, called over HTTP with what a careless or hostile client sends: ids that are
 * not ids ({@code 0x1}, {@code -1}, twenty digits, {@code %00}), query parameters of the wrong type, and bodies with
 * nulls inside arrays, a wrong type in each field, cut off, 2 MB long, empty, not JSON, or under the wrong content
 * type, or with a field no body has (refused with its name, never dropped). No answer may be a 5xx; every refusal is a
 * problem document with a Chinese sentence; and a sample of the
 * refusals is checked to have written nothing (the row count of every table before and after).
 *
 * <p>Each operation is called as the city's administrator and, where the baseline request is not refused outright
 * (403), as the town account {@code zhen}. Ids in paths are records of this class's own: a village branch created
 * under 丽春镇 (in the town's scope), a campaign of a year of its own, and a member, an account, a report, a ledger
 * line and so on made for them. Bodies are built from the document's schemas with a fixed seed, so a run is
 * repeatable; versions in bodies are ones no record has, so an update that gets through stops at the stale check.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzIT {

    static final long SEED = 20261206L;
    /** A version and an id no record has. */
    static final long NOWHERE = 987_654_321L;
    static final int OVERSIZED = 2 * 1024 * 1024;
    static final String OVERSIZED_LABEL = "2 MB of JSON";
    /** A field no body of the API has, added to each object body: refused (400) with its name, never dropped. */
    static final String STRAY_FIELD = "strayField";
    static final String STRAY_LABEL = "an unknown field";
    static final List<String> ODD_IDS = List.of("0x1", "-1", "99999999999999999999", "%00", "0", "abc");
    /** Tables the framework writes on its own time (sessions, event publications): not counted. */
    static final List<String> NOT_COUNTED = List.of("flyway_schema_history", "spring_session", "spring_session_attributes",
            "event_publication");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired CampaignFixture campaignFixture;
    @Autowired DemoCity city;
    @LocalServerPort int port;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    final JsonNodeFactory nodes = JsonNodeFactory.instance;

    JsonNode doc;
    int year;
    List<String> tables;
    /** Path parameter values of this class's own records, by "path prefix|parameter" or by parameter name alone. */
    final Map<String, String> ids = new LinkedHashMap<>();
    long village;
    long template;
    long scheme;

    // ---- the records the requests point at --------------------------------------------------------

    @BeforeAll
    void prepare() throws Exception {
        year = campaignFixture.yearFor(ApiFuzzIT.class);
        long lichun = city.orgId(DemoCity.LICHUN);
        long campaign = created(post("/api/campaigns"), Map.of("rootOrganizationId", city.orgId(DemoCity.CITY), "year", year,
                "name", year + "年度接口健壮性测试活动"));
        village = created(post("/api/orgs"), Map.of("parentId", lichun, "organization",
                Map.of("name", "中共彭州市丽春镇接口测试村支部委员会", "kind", "BRANCH", "field", "VILLAGE")));
        long member = created(post("/api/orgs/{id}/members", village), Map.of("name", "接口测试党员", "sex", "FEMALE",
                "category", "FULL", "birthDate", "1980-03-02", "joinedOn", "2005-07-01", "regularizedOn", "2006-07-01",
                "retired", false, "floating", false, "inDifficulty", false));
        long account = created(post("/api/accounts"), Map.of("username", "fuzz-village", "displayName", "接口测试账户",
                "organizationId", village, "role", "MEMBER", "password", "Check2026pass", "enabled", false));
        long post = created(post("/api/orgs/{id}/leadership", village), Map.of("personName", "接口测试书记", "post", "SECRETARY",
                "startedOn", year + "-01-05"));
        template = jdbc.sql("select id from questionnaire_template where code = 'VILLAGE'").query(Long.class).single();
        scheme = jdbc.sql("select id from grading_scheme where code = 'FIVE_GOOD_VILLAGE'").query(Long.class).single();
        long templateCopy = created(post("/api/questionnaire-templates/{id}/copy", template), null);
        long schemeCopy = created(post("/api/grading-schemes/{id}/copy", scheme), null);
        long report = sent(put("/api/campaigns/{c}/orgs/{o}/report", campaign, village), Map.of("basicSituation", "接口测试。",
                "mainProblems", "无。", "causes", "无。", "measures", "无。", "meetingOn", year + "-03-20", "meetingAttendance", 1), 200)
                .get("id").asLong();
        long activity = created(post("/api/campaigns/{c}/orgs/{o}/activities", campaign, village), Map.of("kind", "SYMPOSIUM",
                "occurredOn", year + "-03-15", "amount", 1, "note", "接口测试座谈"));
        long reminder = created(post("/api/campaigns/{id}/reminders", campaign), Map.of("organizationId", village,
                "message", "接口测试提醒"));
        long questionnaire = created(post("/api/campaigns/{c}/orgs/{o}/questionnaires", campaign, village), Map.of("templateId",
                template, "mode", "CODED", "opensOn", LocalDate.now().toString(), "closesOn", LocalDate.now().plusMonths(1).toString()));
        long item = created(post("/api/upgrade/ledger/{c}/{o}", campaign, village), Map.of("problem", "接口测试问题",
                "measure", "接口测试措施", "responsible", "接口测试", "deadline", year + "-12-31"));
        long assistance = created(post("/api/upgrade/assistance/{c}/{o}", campaign, village), Map.of("kind", "LEADER_CONTACT",
                "helperName", "接口测试帮扶人", "startedOn", year + "-03-01"));
        long pledge = sent(put("/api/pledges/{c}/{o}/organisation", campaign, village).param("submit", "true"),
                Map.of("goal", "接口测试承诺目标", "items", List.of("接口测试承诺事项")), 200).path("organisationPledge").path("id").asLong();

        ids.put("campaign", "" + campaign);
        ids.put("campaignId", "" + campaign);
        ids.put("org", "" + village);
        ids.put("orgId", "" + village);
        ids.put("member", "" + member);
        ids.put("postId", "" + post);
        ids.put("number", "1");
        ids.put("note", "" + NOWHERE);
        ids.put("name", "members");
        ids.put("jobId", "no-such-job");
        ids.put("field", "VILLAGE");
        ids.put("/api/accounts|id", "" + account);
        ids.put("/api/orgs|id", "" + village);
        ids.put("/api/members|id", "" + member);
        ids.put("/api/campaigns|id", "" + campaign);
        ids.put("/api/reminders|id", "" + reminder);
        ids.put("/api/questionnaire-templates|id", "" + templateCopy);
        ids.put("/api/questionnaires|id", "" + questionnaire);
        ids.put("/api/grading-schemes|id", "" + schemeCopy);
        ids.put("/api/reports|id", "" + report);
        ids.put("/api/activities|id", "" + activity);
        ids.put("/api/attachments|id", "" + NOWHERE);
        ids.put("/api/pledges/suggestions|id", "" + NOWHERE);
        ids.put("/api/pledges|id", "" + pledge);
        ids.put("/api/upgrade/ledger/items|id", "" + item);
        ids.put("/api/upgrade/assistance|id", "" + assistance);
        // 总结验收: a 表彰 by the town of the test's village, in the test's year
        long commendation = created(post("/api/acceptance/commendations/{c}/{o}", campaign, lichun), Map.of("kind",
                "ADVANCED_ORGANIZATION", "organizationId", village, "level", "TOWNSHIP", "awardedOn", year + "-07-01",
                "documentNumber", "接口测试〔" + year + "〕1号", "citation", "接口测试表彰事迹"));
        ids.put("/api/acceptance/commendations|id", "" + commendation);
        // a 示范 recognition of the village by the city; the town as an appraisal's holder and a summary's authority; the
        // sittings' operations on a sitting that does not exist (holding one needs the 总结验收 phase)
        long recognition = created(post("/api/acceptance/recognitions"), Map.of("organizationId", village, "level", "CITY",
                "recognizedOn", year + "-07-01", "issuedBy", "接口测试", "documentNumber", "接口测试〔" + year + "〕2号"));
        ids.put("/api/acceptance/recognitions|id", "" + recognition);
        ids.put("holder", "" + lichun);
        ids.put("authorityId", "" + lichun);
        ids.put("/api/acceptance/appraisals/sittings|id", "" + NOWHERE);
        // 远程教育站点: a station of the test's village with one learning session
        long station = created(post("/api/stations"), Map.of("hostOrganizationId", village, "name", "接口测试远程教育站点",
                "address", "接口测试村党群服务中心", "terminalKind", "SATELLITE", "equipmentCondition", "GOOD",
                "managerName", "接口测试管理员", "openedOn", "2012-05-01", "status", "IN_USE"));
        long stationSession = created(post("/api/stations/{id}/sessions", station), Map.of("heldOn", "2013-05-01",
                "topic", "接口测试学习", "kind", "OTHER", "partyMembers", 3, "publicAttendees", 4));
        ids.put("/api/stations|id", "" + station);
        ids.put("sessionId", "" + stationSession);
        ids.put("station", "" + station);
        // 工作看板: a block of the cockpit, named in the path
        ids.put("block", "grading");
        // 情况通报: a bulletin that does not exist (issuing one is the API's own write, checked by BulletinApiIT)
        ids.put("/api/dashboard/bulletins|id", "" + NOWHERE);
        // its early warnings: a rule, named in the path of 一键提醒
        ids.put("rule", "no-secretary");

        doc = json.readTree(mvc.perform(get("/v3/api-docs").with(users.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        tables = jdbc.sql("select table_name from information_schema.tables where lower(table_schema) = 'public'"
                        + " and table_type = 'BASE TABLE' order by table_name")
                .query(String.class).list().stream().map(String::toLowerCase).filter(t -> !NOT_COUNTED.contains(t)).toList();
        assertThat(tables).contains("organization", "grading_case", "pledge_item");
    }

    // ---- the run ----------------------------------------------------------------------------------

    @Test
    void noMalformedRequestToAnyOperationGetsA5xxOrWritesAnything() {
        Random random = new Random(SEED);
        Tally tally = new Tally();
        long started = System.nanoTime();
        List<Operation> operations = operations();
        for (String user : List.of("admin", "zhen")) {
            for (Operation op : operations) {
                if (!user.equals("admin") && !scoped(op)) {
                    continue;
                }
                List<Attempt> attempts = attempts(op, random);
                Attempt baseline = attempts.get(0);
                Answer first = send(user, op, baseline, false, tally);
                if (!user.equals("admin") && first.status() == 403) {
                    continue;   // refused whatever it sends (that refusal is checked by AuthorizationIT and BadInputIT)
                }
                for (Attempt a : attempts.subList(1, attempts.size())) {
                    Answer answer = send(user, op, a, random.nextInt(6) == 0, tally);
                    if (!op.method().equals("GET") && a.label().startsWith("path ") && answer.status() < 400) {
                        tally.oddPathTaken.add(user + " " + op + " [" + a.label() + "] → " + answer.status());
                    }
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("ApiFuzzIT: %d operations, %d requests in %d s, %d of them 5xx, %d refusals checked for writes;"
                        + " answers by status: %s; %d bodies with an unknown field refused%n", operations.size(), tally.requests,
                seconds, tally.serverErrors.size(), tally.checked, tally.byStatus, tally.strayRefused);

        assertThat(operations).as("operations in the document").hasSizeGreaterThan(100);
        assertThat(tally.serverErrors).as("5xx answers, of " + tally.requests + " requests").isEmpty();
        assertThat(tally.notProblems).as("refusals without a Chinese problem detail").isEmpty();
        assertThat(tally.wrote).as("refused requests that changed a row count").isEmpty();
        assertThat(tally.oversizedNotRefused).as("2 MB JSON bodies not refused as too large (413)").isEmpty();
        assertThat(tally.oddPathTaken).as("changes accepted with an id or name in the path that names nothing").isEmpty();
        assertThat(tally.checked).as("refusals checked for writes").isGreaterThan(100);
        assertThat(tally.strayNotRefused).as("bodies with an unknown field not refused (400) with the field's name").isEmpty();
        assertThat(tally.strayRefused).as("bodies with an unknown field refused").isGreaterThan(50);
        assertThat(tally.baselineUnknown).as("bodies built from the API document refused for a field the handler does not take")
                .isEmpty();
    }

    /** Whether the operation acts on an organisation or a campaign, so a town account's scope comes into it. */
    static boolean scoped(Operation op) {
        List<JsonNode> params = new ArrayList<>(op.parameters("path"));
        params.addAll(op.parameters("query"));
        return params.stream().anyMatch(p -> SCOPING.contains(p.path("name").asText()))
                || op.path().startsWith("/api/orgs/") || op.path().startsWith("/api/members/");
    }

    record Operation(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    found.add(p);
                }
            });
            return found;
        }

        boolean multipart() {
            return node.path("requestBody").path("content").has("multipart/form-data");
        }

        JsonNode jsonBody() {
            return node.path("requestBody").path("content").path("application/json").path("schema");
        }
    }

    /** One request to make: path values, query, body and its content type (null: none). */
    record Attempt(String label, Map<String, String> path, Map<String, String> query, byte[] body, String contentType) {

        Attempt withPath(String name, String value, String label) {
            Map<String, String> p = new LinkedHashMap<>(path);
            p.put(name, value);
            return new Attempt(label, p, query, body, contentType);
        }

        Attempt withQuery(String name, String value, String label) {
            Map<String, String> q = new LinkedHashMap<>(query);
            if (value == null) {
                q.remove(name);
            } else {
                q.put(name, value);
            }
            return new Attempt(label, path, q, body, contentType);
        }

        Attempt withBody(byte[] bytes, String type, String label) {
            return new Attempt(label, path, query, bytes, type);
        }
    }

    record Answer(int status, String body) {
    }

    static final class Tally {
        int requests;
        int checked;
        final Map<Integer, Integer> byStatus = new TreeMap<>();
        final List<String> serverErrors = new ArrayList<>();
        final List<String> notProblems = new ArrayList<>();
        final List<String> wrote = new ArrayList<>();
        final List<String> oversizedNotRefused = new ArrayList<>();
        final List<String> oddPathTaken = new ArrayList<>();
        final List<String> strayNotRefused = new ArrayList<>();
        final List<String> baselineUnknown = new ArrayList<>();
        int strayRefused;
    }

    List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        doc.path("paths").properties().forEach(p -> p.getValue().properties()
                .forEach(m -> ops.add(new Operation(m.getKey().toUpperCase(), p.getKey(), m.getValue()))));
        ops.sort((a, b) -> a.toString().compareTo(b.toString()));
        return ops;
    }

    // ---- what to send -----------------------------------------------------------------------------

    /** The baseline first (well-formed, with this class's own ids), then each malformed variant of it. */
    List<Attempt> attempts(Operation op, Random random) {
        Map<String, String> path = new LinkedHashMap<>();
        for (JsonNode p : op.parameters("path")) {
            path.put(p.path("name").asText(), idFor(op.path(), p.path("name").asText()));
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode p : op.parameters("query")) {
            String name = p.path("name").asText();
            if (p.path("required").asBoolean() || SCOPING.contains(name)) {
                query.put(name, queryValue(name));
            }
        }
        JsonNode schema = op.jsonBody();
        JsonNode sample = schema.isMissingNode() ? null : sample(schema, "", 0);
        Attempt baseline = op.multipart()
                ? new Attempt("baseline", path, query, multipartBody("接口测试.txt", "接口测试".getBytes(StandardCharsets.UTF_8)), MULTIPART)
                : new Attempt("baseline", path, query, sample == null ? null : bytes(sample), sample == null ? null : JSON);

        List<Attempt> out = new ArrayList<>();
        out.add(baseline);
        for (String name : path.keySet()) {
            boolean number = op.parameters("path").stream().anyMatch(p -> p.path("name").asText().equals(name)
                    && p.path("schema").path("type").asText().equals("integer"));
            List<String> odd = number ? ODD_IDS : List.of("%00", "..%2F..%2Fetc", "x".repeat(300),
                    URLEncoder.encode("不存在", StandardCharsets.UTF_8), "0x1");
            for (String v : odd) {
                out.add(baseline.withPath(name, v, "path " + name + "=" + abbreviated(v)));
            }
        }
        for (JsonNode p : op.parameters("query")) {
            String name = p.path("name").asText();
            for (String v : wrongQueryValues(p.path("schema"))) {
                out.add(baseline.withQuery(name, v, "query " + name + "=" + abbreviated(v)));
            }
            if (p.path("required").asBoolean()) {
                out.add(baseline.withQuery(name, null, "query " + name + " missing"));
            }
        }
        if (op.multipart()) {
            out.addAll(multipartVariants(baseline));
        } else if (sample != null) {
            out.addAll(bodyVariants(baseline, schema, sample, random));
        } else if (!op.method().equals("GET")) {
            out.add(baseline.withBody("{\"unexpected\": [null]}".getBytes(StandardCharsets.UTF_8), JSON, "a body where none is read"));
            out.add(baseline.withBody("<x/>".getBytes(StandardCharsets.UTF_8), "application/xml", "xml where nothing is read"));
        }
        return out;
    }

    static final String JSON = "application/json";
    /** Parameters that say which organisation or campaign: given in the baseline even where optional. */
    static final java.util.Set<String> SCOPING = java.util.Set.of("org", "under", "campaign", "campaignId", "orgId", "member",
            "template");
    static final String MULTIPART = "multipart/form-data; boundary=fuzzb0undary";

    List<Attempt> bodyVariants(Attempt baseline, JsonNode schema, JsonNode sample, Random random) {
        List<Attempt> out = new ArrayList<>();
        String text = sample.toString();
        out.add(baseline.withBody(null, JSON, "no body"));
        out.add(baseline.withBody(new byte[0], JSON, "empty body"));
        out.add(baseline.withBody(utf8("{}"), JSON, "empty object"));
        out.add(baseline.withBody(utf8(allNull(sample).toString()), JSON, "every field null"));
        out.add(baseline.withBody(utf8(text.substring(0, text.length() / 2)), JSON, "cut off halfway"));
        out.add(baseline.withBody(utf8(text.substring(0, text.length() - 1)), JSON, "last brace missing"));
        out.add(baseline.withBody(utf8("null"), JSON, "null"));
        out.add(baseline.withBody(utf8("[" + text + "]"), JSON, "an array of it"));
        out.add(baseline.withBody(utf8("\"接口测试\""), JSON, "a string"));
        out.add(baseline.withBody(utf8("这不是 JSON"), JSON, "not JSON"));
        out.add(baseline.withBody(new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, JSON, "bad UTF-8"));
        out.add(baseline.withBody(utf8(text), "text/plain", "as text/plain"));
        out.add(baseline.withBody(utf8(text), "application/x-www-form-urlencoded", "as a form"));
        out.add(baseline.withBody(utf8(text), "application/xml", "as xml"));
        out.add(baseline.withBody(utf8(text), "application/json; charset=gb2312-nonsense", "unknown charset"));
        out.add(baseline.withBody(oversized(sample), JSON, OVERSIZED_LABEL));
        if (sample.isObject() && resolve(schema).has("properties")) {
            ObjectNode stray = ((ObjectNode) sample).deepCopy();
            stray.put(STRAY_FIELD, true);
            out.add(baseline.withBody(utf8(stray.toString()), JSON, STRAY_LABEL));
        }

        List<Leaf> leaves = new ArrayList<>();
        leaves(schema, sample, new ArrayList<>(), leaves, 0);
        for (Leaf leaf : leaves) {
            String where = String.join(".", leaf.path().stream().map(String::valueOf).toList());
            for (JsonNode wrong : wrongValues(leaf, random)) {
                JsonNode body = replaced(sample, leaf.path(), wrong);
                out.add(baseline.withBody(utf8(body.toString()), JSON, where + "=" + abbreviated(wrong.toString())));
            }
        }
        return out;
    }

    List<Attempt> multipartVariants(Attempt baseline) {
        List<Attempt> out = new ArrayList<>();
        out.add(baseline.withBody(null, MULTIPART, "no body"));
        out.add(baseline.withBody(new byte[0], "multipart/form-data", "no boundary"));
        out.add(baseline.withBody(utf8("--fuzzb0undary--\r\n"), MULTIPART, "no parts"));
        out.add(baseline.withBody(multipartBody("接口测试.pdf", new byte[] {'M', 'Z', 0, 0}), MULTIPART, "an .exe named .pdf"));
        out.add(baseline.withBody(multipartBody("接口测试.xlsx", utf8("not a workbook")), MULTIPART, "not a workbook"));
        out.add(baseline.withBody(multipartBody("", new byte[0]), MULTIPART, "an empty file without a name"));
        out.add(baseline.withBody(multipartBody("接口测试.pdf", "%PDF-1.4\n".concat("a".repeat(OVERSIZED)).getBytes(StandardCharsets.UTF_8)),
                MULTIPART, "a 2 MB file"));
        byte[] whole = multipartBody("接口测试.pdf", utf8("%PDF-1.4\n1 0 obj"));
        out.add(baseline.withBody(java.util.Arrays.copyOf(whole, whole.length - 20), MULTIPART, "cut off"));
        out.add(baseline.withBody(utf8("{\"file\": null}"), JSON, "JSON instead of a file"));
        return out;
    }

    byte[] multipartBody(String fileName, byte[] content) {
        String head = "--fuzzb0undary\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n接口测试进展\r\n"
                + "--fuzzb0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] h = utf8(head);
        byte[] t = utf8("\r\n--fuzzb0undary--\r\n");
        byte[] all = new byte[h.length + content.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(t, 0, all, h.length + content.length, t.length);
        return all;
    }

    /** The sample with its first text field (or an extra field, if it has none) 2 MB long. */
    byte[] oversized(JsonNode sample) {
        String big = "长".repeat(OVERSIZED / 3 + 1);
        List<Leaf> leaves = new ArrayList<>();
        leaves(null, sample, new ArrayList<>(), leaves, 0);
        for (Leaf leaf : leaves) {
            if (leaf.value().isString()) {
                return utf8(replaced(sample, leaf.path(), nodes.stringNode(big)).toString());
            }
        }
        if (sample.isObject()) {
            ObjectNode o = ((ObjectNode) sample).deepCopy();
            o.put("padding", big);
            return utf8(o.toString());
        }
        return utf8("{\"padding\": \"" + big + "\"}");
    }

    // ---- values -----------------------------------------------------------------------------------

    String idFor(String path, String param) {
        String best = null;
        int length = -1;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            int bar = e.getKey().indexOf('|');
            if (bar < 0) {
                continue;
            }
            String prefix = e.getKey().substring(0, bar);
            if (e.getKey().substring(bar + 1).equals(param) && path.startsWith(prefix + "/") && prefix.length() > length) {
                best = e.getValue();
                length = prefix.length();
            }
        }
        if (best != null) {
            return best;
        }
        String named = ids.get(param);
        assertThat(named).as("a value for path parameter " + param + " of " + path).isNotNull();
        return named;
    }

    String queryValue(String name) {
        return switch (name) {
            case "template" -> "" + template;
            case "org", "under" -> "" + village;
            default -> ids.getOrDefault(name, "1");
        };
    }

    static List<String> wrongQueryValues(JsonNode schema) {
        return switch (type(schema)) {
            case "integer" -> List.of("0x1", "-1", "99999999999999999999", "abc", "%00");
            case "boolean" -> List.of("maybe", "2");
            default -> schema.has("enum") || "date".equals(schema.path("format").asText())
                    ? List.of("NOT_A_VALUE", "%00", "2026-13-45")
                    : List.of("%00", "x".repeat(2000), "%27%3B--", "%E4%B8");
        };
    }

    /** A well-formed value of the schema, with this class's own ids where a field names an organisation. */
    JsonNode sample(JsonNode schema, String name, int depth) {
        JsonNode s = resolve(schema);
        switch (type(s)) {
            case "object" -> {
                ObjectNode o = nodes.objectNode();
                if (s.has("properties") && depth < 4) {
                    s.path("properties").properties().forEach(p -> o.set(p.getKey(), sample(p.getValue(), p.getKey(), depth + 1)));
                } else if (s.has("additionalProperties")) {
                    o.set("1.1", sample(s.path("additionalProperties"), name, depth + 1));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = nodes.arrayNode();
                a.add(sample(s.path("items"), name, depth + 1));
                return a;
            }
            case "integer" -> {
                String n = name.toLowerCase();
                if (n.equals("version")) {
                    return nodes.numberNode(NOWHERE);
                }
                if (n.contains("organization") || n.contains("parent") || n.contains("authority")) {
                    return nodes.numberNode(village);
                }
                if (n.equals("templateid")) {
                    return nodes.numberNode(template);
                }
                if (n.equals("schemeid")) {
                    return nodes.numberNode(scheme);
                }
                return nodes.numberNode(1);
            }
            case "number" -> {
                return nodes.numberNode(1.5);
            }
            case "boolean" -> {
                return nodes.booleanNode(false);
            }
            default -> {
                if (s.has("enum")) {
                    return nodes.stringNode(s.path("enum").get(0).asText());
                }
                return switch (s.path("format").asText()) {
                    case "date" -> nodes.stringNode(year + "-05-01");
                    case "date-time" -> nodes.stringNode(year + "-05-01T09:30:00");
                    default -> nodes.stringNode("接口测试");
                };
            }
        }
    }

    /** A field of the sample body: where it is, its schema (null when unknown) and its sample value. */
    record Leaf(List<Object> path, JsonNode schema, JsonNode value) {
    }

    void leaves(JsonNode schema, JsonNode value, List<Object> path, List<Leaf> into, int depth) {
        JsonNode s = schema == null ? null : resolve(schema);
        if (!path.isEmpty()) {
            into.add(new Leaf(List.copyOf(path), s, value));
        }
        if (depth >= 3) {
            return;
        }
        if (value.isObject()) {
            value.properties().forEach(e -> {
                path.add(e.getKey());
                JsonNode child = s == null ? null : s.path("properties").has(e.getKey()) ? s.path("properties").path(e.getKey())
                        : s.has("additionalProperties") ? s.path("additionalProperties") : null;
                leaves(child, e.getValue(), path, into, depth + 1);
                path.remove(path.size() - 1);
            });
        } else if (value.isArray() && !value.isEmpty()) {
            path.add(0);
            leaves(s == null ? null : s.path("items"), value.get(0), path, into, depth + 1);
            path.remove(path.size() - 1);
        }
    }

    /** What a careless client puts in this field instead: other JSON types, odd numbers, nulls inside arrays. */
    List<JsonNode> wrongValues(Leaf leaf, Random random) {
        JsonNode v = leaf.value();
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) {
            out.add(array(nodes.nullNode()));
            out.add(array(nodes.nullNode(), v.get(0)));
            out.add(nodes.objectNode());
            out.add(array(nodes.objectNode()));
            out.add(nodes.stringNode("接口测试"));
        } else if (v.isObject()) {
            out.add(nodes.arrayNode());
            out.add(nodes.stringNode("接口测试"));
            if (leaf.schema() != null && leaf.schema().has("additionalProperties")) {
                for (String key : List.of("", "abc", "1", "1.1.1", "-1.-1", "99999999999999999999.1", "1.x", "0.0")) {
                    ObjectNode o = nodes.objectNode();
                    o.set(key, v.isEmpty() ? nodes.numberNode(1) : v.iterator().next());
                    out.add(o);
                }
                ObjectNode nullValue = nodes.objectNode();
                nullValue.putNull("1.1");
                out.add(nullValue);
            }
        } else if (v.isIntegralNumber()) {
            out.add(nodes.numberNode(-1));
            out.add(nodes.numberNode(0));
            out.add(nodes.numberNode(2_147_483_648L));
            out.add(nodes.numberNode(new java.math.BigInteger("99999999999999999999")));
            out.add(nodes.stringNode("0x1"));
            out.add(pick(random, nodes.stringNode("abc"), nodes.objectNode(), array(nodes.numberNode(1)), nodes.booleanNode(true),
                    nodes.numberNode(1e300)));
        } else if (v.isBoolean()) {
            out.add(pick(random, nodes.stringNode("maybe"), nodes.numberNode(2), nodes.objectNode(), nodes.arrayNode()));
        } else if (v.isString()) {
            boolean date = leaf.schema() != null && leaf.schema().path("format").asText().startsWith("date");
            boolean enumerated = leaf.schema() != null && leaf.schema().has("enum");
            if (date) {
                out.add(nodes.stringNode("2026-13-45"));
                out.add(nodes.stringNode("99999-01-01"));
                out.add(pick(random, nodes.stringNode("昨天"), nodes.numberNode(20260101), nodes.objectNode()));
            } else if (enumerated) {
                out.add(nodes.stringNode("NOT_A_VALUE"));
                out.add(pick(random, nodes.numberNode(99), nodes.stringNode(""), nodes.objectNode()));
            } else {
                out.add(nodes.stringNode("接口\u0000测试"));
                out.add(pick(random, nodes.objectNode(), array(nodes.stringNode("接口测试")), nodes.stringNode("   ")));
            }
        }
        out.add(nodes.nullNode());
        return out;
    }

    ArrayNode array(JsonNode... items) {
        ArrayNode a = nodes.arrayNode();
        for (JsonNode i : items) {
            a.add(i);
        }
        return a;
    }

    static JsonNode pick(Random random, JsonNode... options) {
        return options[random.nextInt(options.length)];
    }

    JsonNode allNull(JsonNode sample) {
        if (!sample.isObject()) {
            return nodes.nullNode();
        }
        ObjectNode o = nodes.objectNode();
        sample.propertyNames().forEach(o::putNull);
        return o;
    }

    JsonNode replaced(JsonNode sample, List<Object> path, JsonNode value) {
        JsonNode copy = sample.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer n ? parent.get(n) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer n) {
            ((ArrayNode) parent).set(n, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5; i++) {
            String ref = s.has("$ref") ? s.get("$ref").asText() : null;
            if (ref == null) {
                Iterator<JsonNode> wrapped = s.path("allOf").iterator();
                if (wrapped.hasNext()) {
                    s = wrapped.next();
                    continue;
                }
                return s;
            }
            s = doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }

    static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!x.asText().equals("null")) {
                    return x.asText();
                }
            }
        }
        if (t.isMissingNode() && (schema.has("properties") || schema.has("additionalProperties"))) {
            return "object";
        }
        return t.asText("string");
    }

    // ---- sending and judging ----------------------------------------------------------------------

    Answer send(String user, Operation op, Attempt a, boolean checkWrites, Tally tally) {
        String path = op.path();
        for (Map.Entry<String, String> p : a.path().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        String query = a.query().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        String url = "http://localhost:" + port + path + (query.isEmpty() ? "" : "?" + query);
        HttpRequest.BodyPublisher publisher = a.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(a.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + DemoDataLoader.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, */*")
                .method(op.method(), publisher);
        if (a.contentType() != null) {
            request.header("Content-Type", a.contentType());
        }
        Map<String, Long> before = checkWrites ? counts() : null;
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(user + " " + op + " [" + a.label() + "]: " + e, e);
        }
        tally.requests++;
        int status = response.statusCode();
        tally.byStatus.merge(status, 1, Integer::sum);
        if (a.label().equals(OVERSIZED_LABEL) && status != 413 && status != 403) {
            tally.oversizedNotRefused.add(user + " " + op + " → " + status + " " + abbreviated(response.body()));
        }
        String what = user + " " + op.method() + " " + path + " [" + a.label() + "] → " + status;
        if (a.label().equals(STRAY_LABEL) && status != 403) {
            if (status == 400 && response.body().contains("\"" + STRAY_FIELD + "\"") && response.body().contains("不接受的字段")) {
                tally.strayRefused++;
            } else {
                tally.strayNotRefused.add(what + " " + abbreviated(response.body()));
            }
        }
        if (a.label().equals("baseline") && response.body().contains("\"unknownFields\"")) {
            tally.baselineUnknown.add(what + " " + abbreviated(response.body()));
        }
        if (status >= 500) {
            tally.serverErrors.add(what + " " + abbreviated(response.body()));
        } else if (status >= 400 && !chineseProblem(response)) {
            tally.notProblems.add(what + " " + response.headers().firstValue("Content-Type").orElse("") + " "
                    + abbreviated(response.body()));
        }
        if (before != null && status >= 400) {
            tally.checked++;
            Map<String, Long> after = counts();
            if (!after.equals(before)) {
                Map<String, String> changed = new TreeMap<>();
                after.forEach((t, n) -> {
                    if (!n.equals(before.get(t))) {
                        changed.put(t, before.get(t) + " → " + n);
                    }
                });
                tally.wrote.add(what + " " + changed);
            }
        }
        return new Answer(status, response.body());
    }

    boolean chineseProblem(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("json")) {
            return false;
        }
        try {
            String detail = json.readTree(response.body()).path("detail").asText("");
            return detail.matches("(?s).*\\p{IsHan}.*");
        } catch (RuntimeException e) {
            return false;
        }
    }

    Map<String, Long> counts() {
        String sql = tables.stream().map(t -> "(select count(*) from " + t + ") as " + t).collect(Collectors.joining(", ", "select ", ""));
        return jdbc.sql(sql).query(rs -> {
            Map<String, Long> counts = new TreeMap<>();
            rs.next();
            for (String t : tables) {
                counts.put(t, rs.getLong(t));
            }
            return counts;
        });
    }

    static String abbreviated(String s) {
        String one = s == null ? "" : s.replace('\n', ' ');
        return one.length() > 160 ? one.substring(0, 160) + "…(" + one.length() + ")" : one;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    byte[] bytes(JsonNode node) {
        return utf8(node.toString());
    }

    // ---- setting up -------------------------------------------------------------------------------

    long created(MockHttpServletRequestBuilder request, Object body) throws Exception {
        return sent(request, body, 201).get("id").asLong();
    }

    JsonNode sent(MockHttpServletRequestBuilder request, Object body, int status) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        MockHttpServletResponse r = mvc.perform(request.with(users.as("admin"))).andReturn().getResponse();
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(text).isEqualTo(status);
        return json.readTree(text);
    }
}
