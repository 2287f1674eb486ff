package com.chaching.accounts;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/** A retry schedule's days come in strictly increasing order: each retry falls after the one before. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IncreasingDays.Validator.class)
@interface IncreasingDays {

    String message() default "must list days in strictly increasing order";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IncreasingDays, List<Integer>> {
        @Override
        public boolean isValid(List<Integer> days, ConstraintValidatorContext context) {
            if (days == null) {
                return true;
            }
            for (int i = 1; i < days.size(); i++) {
                Integer previous = days.get(i - 1);
                Integer day = days.get(i);
                if (previous != null && day != null && day <= previous) {
                    return false;
                }
            }
            return true;
        }
    }
}
