package cn.tierup.grading.internal;

import cn.tierup.grading.Standard;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/** Keeps a scheme's standard as one JSON document. */
@Converter
public class StandardConverter implements AttributeConverter<Standard, String> {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(Standard standard) {
        return JSON.writeValueAsString(standard);
    }

    @Override
    public Standard convertToEntityAttribute(String json) {
        return JSON.readValue(json, Standard.class);
    }
}
