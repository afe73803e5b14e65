package com.rms.payment.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A card provider's token ({@link CardTokens}), or null. A card number is refused with a message that
 * never repeats it, so it is neither stored with an Idempotency-Key's answer nor logged.
 */
@Documented
@Constraint(validatedBy = CardToken.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CardToken {

    String message() default "must be a card provider's token (tok_, pm_, src_ or card_ and letters, digits or _; "
            + "at most 255 characters)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check; a card number gets its own message. */
    final class Check implements ConstraintValidator<CardToken, String> {

        @Override
        public boolean isValid(String token, ConstraintValidatorContext context) {
            if (token == null) {
                return true;
            }
            if (CardTokens.holdsCardNumber(token)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must be the card provider's token, never a card number")
                        .addConstraintViolation();
                return false;
            }
            return CardTokens.wellFormed(token);
        }
    }
}
