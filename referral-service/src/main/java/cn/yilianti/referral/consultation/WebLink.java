package cn.yilianti.referral.consultation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

/** An absolute http(s) link of at most 2,000 characters (attachments, report links). */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.TYPE_USE,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WebLink.Validator.class)
@interface WebLink {

  String message() default "must be an absolute http or https link of at most 2000 characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks scheme, host and length. */
  class Validator implements ConstraintValidator<WebLink, URI> {
    @Override
    public boolean isValid(URI value, ConstraintValidatorContext context) {
      return value == null
          || (("http".equalsIgnoreCase(value.getScheme())
                  || "https".equalsIgnoreCase(value.getScheme()))
              && value.getHost() != null
              && value.toString().length() <= 2000);
    }
  }
}
