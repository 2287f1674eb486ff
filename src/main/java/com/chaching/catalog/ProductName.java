package com.chaching.catalog;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A product name once trimmed: 1 to 120 characters, starting with a letter or digit, of letters, digits,
 * spaces and {@code - _ . & ( ) + / '} only.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ProductName.Validator.class)
@interface ProductName {

    String message() default "must be 1 to 120 characters, start with a letter or digit, and hold only letters, digits, "
            + "spaces and - _ . & ( ) + / '";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ProductName, String> {
        private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} \\-_.&()+/']{0,119}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || NAME.matcher(value.strip()).matches();
        }
    }
}
