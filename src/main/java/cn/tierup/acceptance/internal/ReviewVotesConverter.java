package cn.tierup.acceptance.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The member meeting's votes per grade name, in the order entered, as one JSON object. */
@Converter
public class ReviewVotesConverter implements AttributeConverter<Map<String, Integer>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(Map<String, Integer> votes) {
        return votes == null || votes.isEmpty() ? null : JSON.writeValueAsString(votes);
    }

    @Override
    public Map<String, Integer> convertToEntityAttribute(String json) {
        return json == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(JSON.readValue(json, new TypeReference<LinkedHashMap<String, Integer>>() { }));
    }
}
