package cn.tierup.questionnaire.internal;

import cn.tierup.questionnaire.Question;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Keeps a question list as one JSON document, so a launched questionnaire is a frozen copy. */
@Converter
public class QuestionsConverter implements AttributeConverter<List<Question>, String> {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(List<Question> questions) {
        return JSON.writeValueAsString(questions);
    }

    @Override
    public List<Question> convertToEntityAttribute(String json) {
        return JSON.readValue(json, new TypeReference<List<Question>>() { });
    }
}
