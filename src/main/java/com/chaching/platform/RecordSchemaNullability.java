package com.chaching.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Says in the OpenAPI description what the records say in Java: a component marked {@code @Nullable} is
 * {@code nullable}, and every component the JSON always carries is listed under {@link #ALWAYS_PRESENT}
 * for {@link OpenApiContract} to make required where the schema is a response. The code is
 * {@code @NullMarked}, so a component without {@code @Nullable} is never null.
 */
@Component
class RecordSchemaNullability implements ModelConverter {

    /** A working extension, removed before the description is served. */
    static final String ALWAYS_PRESENT = "x-chaching-always-present";

    @Override
    @SuppressWarnings("rawtypes")
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord()) {
            return resolved;
        }
        Schema model = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (model != null && model.getProperties() != null) {
            describe(raw, model);
        }
        return resolved;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describe(Class<?> record, Schema model) {
        boolean omitsEmpty = omitsEmpty(record.getAnnotation(JsonInclude.class));
        List<String> alwaysPresent = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            JsonProperty renamed = component.getAnnotation(JsonProperty.class);
            String name = renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
            Schema property = (Schema) model.getProperties().get(name);
            // Jackson's annotations do not target record components: javac puts them on the accessor (and field).
            if (property == null || omitsEmpty || omitsEmpty(component.getAccessor().getAnnotation(JsonInclude.class))) {
                continue;
            }
            alwaysPresent.add(name);
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                model.getProperties().put(name, nullable(property));
            }
        }
        if (LivemodeProperty.applies(record)) {
            // Not a component: LivemodeProperty writes it after object, from the account that reads it.
            Map<String, Schema> properties = new LinkedHashMap<>();
            model.getProperties().forEach((name, schema) -> {
                properties.put((String) name, (Schema) schema);
                if (name.equals("object")) {
                    properties.put(LivemodeProperty.NAME, new BooleanSchema()
                            .description("true in a live account, false in a sandbox: the account reading it."));
                }
            });
            model.setProperties(properties);
            alwaysPresent.add(LivemodeProperty.NAME);
        }
        model.addExtension(ALWAYS_PRESENT, alwaysPresent);
    }

    private static boolean omitsEmpty(@Nullable JsonInclude include) {
        return include != null && include.value() != JsonInclude.Include.ALWAYS && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }

    /**
     * OpenAPI 3.0 allows nothing beside a $ref, so a nullable reference is an allOf of one; nullable needs a
     * type beside it, and every record is an object.
     */
    @SuppressWarnings("rawtypes")
    private static Schema nullable(Schema property) {
        if (property.get$ref() == null) {
            return property.nullable(true);
        }
        Schema wrapped = new ComposedSchema().addAllOfItem(new Schema<>().$ref(property.get$ref())).type("object").nullable(true);
        return wrapped.description(property.getDescription());
    }
}
