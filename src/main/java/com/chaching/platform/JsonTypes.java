package com.chaching.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Names a Java target type in the words a JSON client understands, for error details. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getFields()).filter(Field::isEnumConstant).map(JsonTypes::jsonName)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Instant.class) {
            return InstantRange.DESCRIPTION;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another type";
    }

    /** An enum constant's name in JSON: its {@code @JsonProperty} value, else its Java name. */
    static String jsonName(Field constant) {
        JsonProperty property = constant.getAnnotation(JsonProperty.class);
        return property != null ? property.value() : constant.getName();
    }
}
