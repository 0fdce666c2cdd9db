package cn.tierup.upgrade.internal;

import cn.tierup.upgrade.Measure;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A goal's measures as one JSON list. */
@Converter
public class MeasuresConverter implements AttributeConverter<List<Measure>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(List<Measure> measures) {
        return measures == null ? null : JSON.writeValueAsString(measures);
    }

    @Override
    public List<Measure> convertToEntityAttribute(String json) {
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<Measure>>() { });
    }
}
