package cn.tierup;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The API document ({@code /v3/api-docs}) describes what each operation really reads and returns: walking the
 * handler methods of every {@code /api} route beside the document, each request body's schema has exactly the
 * properties of the record the handler's {@code @RequestBody} declares (and so on down its nested records), and no
 * schema name stands for two different Java types. Two nested records of one simple name in different controllers
 * ({@code GradingApi.Sheet} and {@code SchemeApi.Sheet}, say) used to share one schema, so one of them was documented
 * with the other's fields.
 */
@IntegrationTest
class ApiDocumentIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JsonMapper json;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyRequestBodyIsDocumentedWithTheFieldsOfTheRecordItsHandlerReads() throws Exception {
        Walk walk = new Walk(document());
        int bodies = 0;
        for (Operation op : operations(walk)) {
            for (MethodParameter p : op.handler().getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    bodies++;
                    JsonNode schema = op.node().path("requestBody").path("content").path("application/json").path("schema");
                    walk.compare(op + " request body", ResolvableType.forMethodParameter(p), schema);
                }
            }
        }
        assertThat(walk.undocumented).as("handler methods of /api without an operation in the document").isEmpty();
        assertThat(bodies).as("request bodies walked").isGreaterThan(40);
        assertThat(walk.mismatches).as("documented request bodies that differ from the handler's record").isEmpty();
    }

    @Test
    void noSchemaNameStandsForTwoJavaTypes() throws Exception {
        Walk walk = new Walk(document());
        for (Operation op : operations(walk)) {
            for (MethodParameter p : op.handler().getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    walk.compare(op + " request body", ResolvableType.forMethodParameter(p),
                            op.node().path("requestBody").path("content").path("application/json").path("schema"));
                }
            }
            JsonNode ok = null;
            for (Map.Entry<String, JsonNode> r : op.node().path("responses").properties()) {
                if (r.getKey().startsWith("2")) {
                    ok = r.getValue().path("content");
                }
            }
            if (ok != null && ok.size() > 0) {
                ResolvableType returned = ResolvableType.forMethodReturnType(op.handler().getMethod());
                walk.compare(op + " response", returned, ok.values().iterator().next().path("schema"));
            }
        }
        assertThat(walk.clashes()).as("schema names given to more than one Java type").isEmpty();
        assertThat(walk.mismatches).as("documented schemas that differ from their Java type").isEmpty();
        assertThat(walk.names).as("schemas walked").hasSizeGreaterThan(80);
    }

    // ---- the walk -------------------------------------------------------------------------------------

    record Operation(String method, String path, HandlerMethod handler, JsonNode node) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    List<Operation> operations(Walk walk) {
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods) {
                    JsonNode node = walk.doc.path("paths").path(path).path(m.name().toLowerCase());
                    if (node.isMissingNode()) {
                        walk.undocumented.add(m + " " + path);
                    } else {
                        ops.add(new Operation(m.name(), path, e.getValue(), node));
                    }
                }
            }
        }
        ops.sort((a, b) -> a.toString().compareTo(b.toString()));
        return ops;
    }

    JsonNode document() throws Exception {
        return json.readTree(mvc.perform(get("/v3/api-docs").with(users.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** Compares Java types with the document's schemas, following both down together. */
    static final class Walk {

        final JsonNode doc;
        final List<String> undocumented = new ArrayList<>();
        final List<String> mismatches = new ArrayList<>();
        /** Schema name → the Java types found under it (one each, if the names are right). */
        final Map<String, Set<String>> names = new TreeMap<>();

        Walk(JsonNode doc) {
            this.doc = doc;
        }

        Map<String, Set<String>> clashes() {
            Map<String, Set<String>> clashes = new TreeMap<>();
            names.forEach((name, types) -> {
                if (types.size() > 1) {
                    clashes.put(name, types);
                }
            });
            return clashes;
        }

        void compare(String where, ResolvableType type, JsonNode schema) {
            Class<?> raw = type.resolve(Object.class);
            if (raw == Optional.class || HttpEntity.class.isAssignableFrom(raw)) {
                compare(where, type.getGeneric(0), schema);
                return;
            }
            String ref = ref(schema);
            if (ref != null) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                boolean first = !names.containsKey(name);
                names.computeIfAbsent(name, n -> new TreeSet<>()).add(type.toString());
                if (first && raw.isRecord()) {
                    compareRecord(where + " → " + name, type, doc.path("components").path("schemas").path(name));
                }
                return;
            }
            if (Collection.class.isAssignableFrom(raw) || raw.isArray() && raw != byte[].class) {
                ResolvableType element = raw.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0);
                compare(where + "[]", element, schema.path("items"));
            } else if (Map.class.isAssignableFrom(raw)) {
                compare(where + "{}", type.asMap().getGeneric(1), schema.path("additionalProperties"));
            } else if (raw.isRecord()) {
                mismatches.add(where + ": " + type + " is not described by a named schema: " + schema);
            }
        }

        private void compareRecord(String where, ResolvableType type, JsonNode schema) {
            Map<String, ResolvableType> properties = new TreeMap<>();
            jsonProperties(type, properties);
            Set<String> documented = new TreeSet<>();
            schema.path("properties").propertyNames().forEach(documented::add);
            if (!documented.equals(properties.keySet())) {
                mismatches.add(where + ": documented " + documented + ", but " + type + " has " + properties.keySet());
                return;
            }
            properties.forEach((name, t) -> compare(where + "." + name, t, schema.path("properties").path(name)));
        }

        /** The JSON properties of a record: its components by their JSON names, those of unwrapped ones in their place. */
        private static void jsonProperties(ResolvableType type, Map<String, ResolvableType> into) {
            for (RecordComponent c : type.resolve().getRecordComponents()) {
                Field field = ReflectionUtils.findField(type.resolve(), c.getName());
                ResolvableType componentType = ResolvableType.forField(field, type);
                if (c.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                if (c.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                    jsonProperties(componentType, into);
                    continue;
                }
                JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
                into.put(renamed == null || renamed.value().isEmpty() ? c.getName() : renamed.value(), componentType);
            }
        }

        /** The schema a node names: a $ref, or the one $ref of an allOf/oneOf/anyOf wrapper. */
        private static String ref(JsonNode schema) {
            if (schema.has("$ref")) {
                return schema.get("$ref").asText();
            }
            for (String wrapper : List.of("allOf", "oneOf", "anyOf")) {
                Iterator<JsonNode> parts = schema.path(wrapper).iterator();
                while (parts.hasNext()) {
                    JsonNode part = parts.next();
                    if (part.has("$ref")) {
                        return part.get("$ref").asText();
                    }
                }
            }
            return null;
        }
    }
}
