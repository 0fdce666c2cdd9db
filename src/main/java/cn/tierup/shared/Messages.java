package cn.tierup.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/** Turns codes into the Chinese sentences of the message bundle. The product speaks zh-CN. */
@Component
public class Messages {

    public static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String code, Object... args) {
        try {
            return source.getMessage(code, args, LOCALE);
        } catch (NoSuchMessageException e) {
            return code;
        }
    }

    public String of(DomainException e) {
        Object[] args = e.args() == null ? new Object[0] : e.args().clone();
        if (e instanceof NotFoundException && args.length > 0 && args[0] instanceof String what) {
            args[0] = get("entity." + what);
        }
        for (int i = 0; i < args.length; i++) {
            // plain digits: MessageFormat would print the year 2026 as "2,026"
            if (args[i] instanceof Integer || args[i] instanceof Long) {
                args[i] = String.valueOf(args[i]);
            } else if (args[i] instanceof Enum<?> value) {
                // an enum names itself by its label: Phase.GRADING → 对标定级
                args[i] = label(value);
            }
        }
        return get(e.code(), args);
    }

    /**
     * A rule violation as an error beside its input: codes name the field they are about
     * ("member.idNumber.checksum" → idNumber), so a form can show the sentence where the mistake is.
     */
    public Map<String, String> beside(DomainException e) {
        String[] parts = e.code().split("\\.");
        Map<String, String> out = new LinkedHashMap<>();
        if (parts.length >= 3) {
            out.put(parts[1], of(e));
        }
        return out;
    }

    /** Label of an enum value, e.g. Field.VILLAGE → 村. */
    public String label(Enum<?> value) {
        return value == null ? "" : get(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** Field name → message, for showing beside each input; global errors under the key "". */
    public Map<String, String> fieldErrors(BindingResult result) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldError fe : result.getFieldErrors()) {
            out.putIfAbsent(fe.getField(), fieldMessage(fe));
        }
        for (ObjectError oe : result.getGlobalErrors()) {
            out.putIfAbsent("", source.getMessage(oe, LOCALE));
        }
        return out;
    }

    public List<String> allErrors(BindingResult result) {
        List<String> out = new ArrayList<>();
        for (FieldError fe : result.getFieldErrors()) {
            out.add(get("error.field", fieldLabel(fe.getObjectName(), fe.getField()), fieldMessage(fe)));
        }
        return out;
    }

    /**
     * The Chinese name of a bound field: "vetoes[]" and "organizationIds[0]" are their lists, "content.causes" is
     * its last part. A form may name a field its own way ("field.activityEntry.kind" is 调查方式 where "field.kind"
     * is 组织类别). A field with no label gets a general one, so a raw key never reaches the user.
     */
    String fieldLabel(String form, String field) {
        String name = field.replaceAll("\\[[^]]*]", "");
        name = name.substring(name.lastIndexOf('.') + 1);
        String own = get("field." + form + "." + name);
        if (!own.equals("field." + form + "." + name)) {
            return own;
        }
        String label = get("field." + name);
        return label.equals("field." + name) ? get("field.unnamed") : label;
    }

    private String fieldMessage(FieldError fe) {
        if (fe.isBindingFailure()) {
            return get("error.typeMismatch", fieldLabel(fe.getObjectName(), fe.getField()), String.valueOf(fe.getRejectedValue()));
        }
        return source.getMessage(fe, LOCALE);
    }
}
