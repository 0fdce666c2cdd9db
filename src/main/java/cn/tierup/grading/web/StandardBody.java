package cn.tierup.grading.web;

import cn.tierup.grading.Criterion;
import cn.tierup.grading.Dimension;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeBand;
import cn.tierup.grading.Standard;
import cn.tierup.grading.StandardText;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * The standard of a scheme in a request body, in either shape the API has: the structure {@code GET} returns
 * (dimensions, grades, vetoes) or the text an office worker types. Read without the standard's rules, so that a
 * standard breaking them is answered with the rule it breaks (422), as the text is, not as unreadable JSON.
 */
@JsonDeserialize(using = StandardBody.Reader.class)
final class StandardBody {

    private final String text;
    private final Fields fields;

    private StandardBody(String text, Fields fields) {
        this.text = text;
        this.fields = fields;
    }

    /** The standard it says; a standard against the rules is refused here with the rule ({@code SchemePolicy}). */
    Standard standard() {
        if (fields == null) {
            return StandardText.parse(text);
        }
        List<Dimension> dimensions = fields.dimensions() == null ? null : fields.dimensions().stream()
                .map(d -> d == null ? new Dimension(null, null) : new Dimension(d.name(), d.criteria() == null ? null
                        : d.criteria().stream().map(c -> c == null ? new Criterion(null, 0)
                        : new Criterion(c.text(), c.points() == null ? 0 : c.points())).toList()))
                .toList();
        List<GradeBand> grades = fields.grades() == null ? null : fields.grades().stream()
                .map(g -> g == null ? new GradeBand(null, 0, null)
                        : new GradeBand(g.name(), g.minimum() == null ? -1 : g.minimum(), g.level()))
                .toList();
        return new Standard(dimensions, grades, fields.vetoes() == null ? null
                : fields.vetoes().stream().map(v -> v == null ? "" : v).toList());
    }

    /** The structure {@code GET} returns as {@code standard}. */
    record Fields(List<DimensionFields> dimensions, List<GradeFields> grades, List<String> vetoes) {
    }

    record DimensionFields(String name, List<CriterionFields> criteria) {
    }

    record CriterionFields(String text, Integer points) {
    }

    record GradeFields(String name, Integer minimum, Grade level) {
    }

    static final class Reader extends StdDeserializer<StandardBody> {

        Reader() {
            super(StandardBody.class);
        }

        @Override
        public StandardBody deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                return new StandardBody(parser.getString(), null);
            }
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                return new StandardBody(null, context.readValue(parser, Fields.class));
            }
            return (StandardBody) context.handleUnexpectedToken(StandardBody.class, parser);
        }
    }
}
