package cn.tierup.grading.internal;

import cn.tierup.grading.ScoreSheet;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A score sheet as one JSON document. */
@Converter
public class ScoreSheetConverter implements AttributeConverter<ScoreSheet, String> {

    @Override
    public String convertToDatabaseColumn(ScoreSheet sheet) {
        return sheet == null ? null : StandardConverter.JSON.writeValueAsString(sheet);
    }

    @Override
    public ScoreSheet convertToEntityAttribute(String json) {
        return json == null ? null : StandardConverter.JSON.readValue(json, ScoreSheet.class);
    }
}
