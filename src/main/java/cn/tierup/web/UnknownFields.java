package cn.tierup.web;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * A JSON body with a field the API does not take is refused, every such field named at once. Jackson refuses an
 * unknown field anywhere ({@code fail-on-unknown-properties} in {@code application.yml}); while the body of an API
 * request is read, the fields it does not know are collected here instead, so that the answer (400, by
 * {@link ApiErrors}) names all of them and the fields that the place takes, not only the first. Before, a client that
 * sent {@code "submit": true} with a pledge got 200 and a draft: the field was silently dropped.
 */
@ControllerAdvice
class UnknownFields extends RequestBodyAdviceAdapter {

    /** The fields not known in the body being read on this thread; null outside the reading of a request body. */
    private static final ThreadLocal<Found> READING = new ThreadLocal<>();

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) {
        READING.set(new Found());
        return input;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        Found found = READING.get();
        READING.remove();
        if (found != null && !found.names.isEmpty()) {
            throw new Refused(found.names, found.known);
        }
        return body;
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                  Class<? extends HttpMessageConverter<?>> converterType) {
        READING.remove();
        return body;
    }

    /** A body that could not be read at all ends here instead of in {@link #afterBodyRead}. */
    static void forget() {
        READING.remove();
    }

    private static final class Found {
        final List<String> names = new ArrayList<>();
        final Set<String> known = new TreeSet<>();
    }

    /** Collects an unknown field while a request body is read; elsewhere lets Jackson refuse it as configured. */
    static final class Collector extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, ValueDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws JacksonException {
            Found found = READING.get();
            if (found == null) {
                return false;
            }
            found.names.add(where(parser, propertyName));
            if (found.known.isEmpty() && deserializer != null) {
                Collection<Object> known = deserializer.getKnownPropertyNames();
                if (known != null) {
                    known.forEach(k -> found.known.add(String.valueOf(k)));
                }
            }
            parser.skipChildren();
            return true;
        }

        /** The field with the path to it, {@code items[0].submit}, from the parser's position. */
        static String where(JsonParser parser, String propertyName) {
            String pointer = parser.streamReadContext().pathAsPointer().toString();
            StringBuilder path = new StringBuilder();
            for (String part : pointer.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                String name = part.replace("~1", "/").replace("~0", "~");
                if (name.chars().allMatch(Character::isDigit)) {
                    path.append('[').append(name).append(']');
                } else {
                    path.append(path.isEmpty() ? "" : ".").append(name);
                }
            }
            String at = path.toString();
            return at.isEmpty() || !at.endsWith(propertyName) ? (at.isEmpty() ? propertyName : at + "." + propertyName) : at;
        }
    }

    /** The body named fields the API does not take. */
    static final class Refused extends RuntimeException {

        private final List<String> names;
        private final Set<String> known;

        Refused(List<String> names, Collection<String> known) {
            super("unknown fields in the request body: " + names);
            this.names = List.copyOf(names);
            this.known = new TreeSet<>(known);
        }

        List<String> names() {
            return names;
        }

        Set<String> known() {
            return known;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        JsonMapperBuilderCustomizer unknownFieldsCollector() {
            return builder -> builder.addHandler(new Collector());
        }
    }
}
