package cn.tierup.grading.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** Votes per grade name, kept as a small JSON object in the order the grades were given. */
@Converter
public class VotesConverter implements AttributeConverter<Map<String, Integer>, String> {

    @Override
    public String convertToDatabaseColumn(Map<String, Integer> votes) {
        return votes == null ? null : StandardConverter.JSON.writeValueAsString(votes);
    }

    @Override
    public Map<String, Integer> convertToEntityAttribute(String json) {
        return json == null ? null : StandardConverter.JSON.readValue(json, new TypeReference<LinkedHashMap<String, Integer>>() { });
    }
}
