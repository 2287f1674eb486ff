package com.chaching.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** api.md "Representation": metadata is string → string, at most 50 keys, keys ≤ 40 characters, values ≤ 500. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidMetadata.Validator.class)
public @interface ValidMetadata {

    int MAX_KEYS = 50;
    int MAX_KEY_LENGTH = 40;
    int MAX_VALUE_LENGTH = 500;

    String message() default "must have at most 50 keys of at most 40 characters, with values of at most 500 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidMetadata, Map<String, String>> {
        @Override
        public boolean isValid(Map<String, String> metadata, ConstraintValidatorContext context) {
            if (metadata == null) {
                return true;
            }
            if (metadata.size() > MAX_KEYS) {
                return false;
            }
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                String key = entry.getKey();
                if (key.isBlank() || key.length() > MAX_KEY_LENGTH || key.contains("[") || key.contains("]")) {
                    return false;
                }
                if (entry.getValue() != null && entry.getValue().length() > MAX_VALUE_LENGTH) {
                    return false;
                }
            }
            return true;
        }
    }
}
