package cn.tierup.acceptance.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What was done for each measure of the goal, in the measures' order, as one JSON list (null where unanswered). */
@Converter
public class ReviewResultsConverter implements AttributeConverter<List<String>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(List<String> results) {
        return results == null || results.isEmpty() ? null : JSON.writeValueAsString(results);
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        return json == null ? new ArrayList<>() : new ArrayList<>(JSON.readValue(json, new TypeReference<List<String>>() { }));
    }
}
