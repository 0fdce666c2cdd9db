package cn.tierup.station.internal;

import cn.tierup.grading.ScoreSheet;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/** A station's filled score sheet as one JSON document, as grading keeps an organisation's. */
@Converter
public class StationScoreSheetConverter implements AttributeConverter<ScoreSheet, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(ScoreSheet sheet) {
        return sheet == null ? null : JSON.writeValueAsString(sheet);
    }

    @Override
    public ScoreSheet convertToEntityAttribute(String json) {
        return json == null ? null : JSON.readValue(json, ScoreSheet.class);
    }
}
