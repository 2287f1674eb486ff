package com.chaching.platform;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict JSON reading (api.md: unknown fields and wrong types are a 400): no unknown properties, no
 * {@code "5"} for a number or {@code 5} for a string, no {@code 1.5} for an integer, and no NUL
 * character in any string, which PostgreSQL cannot store. Instants are ISO-8601 strings only (api.md
 * "Representation"), never epoch numbers, and within {@link InstantRange}.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("chaching-strings")
                        .addDeserializer(String.class, new NulFreeStringDeserializer())
                        .addKeyDeserializer(String.class, new NulFreeKeyDeserializer())
                        .addDeserializer(Instant.class, new IsoInstantDeserializer())
                        .setSerializerModifier(new LivemodeProperty()));
    }

    /**
     * The API's JSON converter in place of Spring Boot's (whose customizer is {@code @Order(0)}), where Boot puts
     * its own: the same mapper, and each object in an answer says whether its account is live.
     */
    @Bean
    @Order(1)
    ServerHttpMessageConvertersCustomizer tenantJsonConverter(JsonMapper json) {
        return converters -> converters.withJsonConverter(new TenantJsonConverter(json));
    }

    static void rejectNul(String value, DeserializationContext context) {
        if (value.indexOf('\u0000') >= 0) {
            throw context.weirdStringException(value, String.class, "the NUL character is not allowed");
        }
    }

    static final class NulFreeStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null) {
                rejectNul(value, context);
            }
            return value;
        }
    }

    static final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {
        IsoInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getString();
            Instant instant;
            try {
                instant = Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
            if (!InstantRange.contains(instant)) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not " + InstantRange.DESCRIPTION);
            }
            return instant;
        }
    }

    static final class NulFreeKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
            rejectNul(key, context);
            return key;
        }
    }
}
