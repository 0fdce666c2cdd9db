package cn.tierup.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Names the API document's schemas after the types that enclose them: {@code GradingApi.Sheet} becomes
 * {@code GradingApiSheet}, {@code SchemeApi.Sheet} {@code SchemeApiSheet}. By default a schema is named by the
 * simple name alone, and the second record of a name silently took the first one's schema, so the document
 * described the wrong body for it. Top-level types keep their simple name.
 */
@Configuration
class ApiSchemaNames {

    /**
     * Takes the place of springdoc's default resolver (same class, so it is replaced, not added). Registered
     * first, so springdoc's own converters, which each put themselves in front, still run before it.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver schemaNamesByEnclosingType(SpringDocConfigProperties springdoc) {
        boolean openapi31 = springdoc.isOpenapi31();
        ObjectMapper mapper = openapi31 ? Json31.mapper() : Json.mapper();
        return new ModelResolver(mapper, new EnclosingTypeNames()).openapi31(openapi31);
    }

    /** The simple name, prefixed by those of the enclosing types. */
    static final class EnclosingTypeNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> type) {
            Class<?> outer = type.getEnclosingClass();
            return outer == null ? type.getSimpleName() : getNameOfClass(outer) + type.getSimpleName();
        }
    }
}
