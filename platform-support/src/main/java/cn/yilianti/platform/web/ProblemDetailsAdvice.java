package cn.yilianti.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as RFC 9457 problem+json. Bad input names each field and the rule it broke in an
 * {@code errors} array; unexpected failures answer 500 with an error id that is in the log, never a
 * stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e) {
    return ResponseEntity.status(e.status()).body(e.toProblemDetail());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
    List<FieldProblem> errors =
        e.getConstraintViolations().stream()
            .map(
                v ->
                    new FieldProblem(
                        lastNode(v.getPropertyPath().toString()),
                        v.getConstraintDescriptor()
                            .getAnnotation()
                            .annotationType()
                            .getSimpleName(),
                        v.getMessage()))
            .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ResponseEntity<ProblemDetail> accessDenied() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(
            Problems.of(
                HttpStatus.FORBIDDEN, "forbidden", "The token does not allow this request"));
  }

  @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
  ResponseEntity<ProblemDetail> unauthenticated() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header("WWW-Authenticate", "Bearer")
        .body(
            Problems.of(
                HttpStatus.UNAUTHORIZED, "unauthorized", "A valid bearer token is required"));
  }

  /**
   * The database did not answer in time (no free connection, server restarting): nothing was saved,
   * and the same request may be sent again.
   */
  @ExceptionHandler({
    org.springframework.dao.TransientDataAccessException.class,
    org.springframework.dao.DataAccessResourceFailureException.class,
    org.springframework.transaction.CannotCreateTransactionException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
    log.warn("Database unavailable: {}", e.toString());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                "The database is not reachable right now; nothing was saved, retry later"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    UUID errorId = UUID.randomUUID();
    log.error("Unexpected error {}", errorId, e);
    ProblemDetail problem =
        Problems.of(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "The request could not be completed; quote error id " + errorId);
    problem.setProperty("errorId", errorId.toString());
    return ResponseEntity.internalServerError().body(problem);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      errors.add(new FieldProblem(error.getField(), ruleOf(error), messageOf(error)));
    }
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(g -> errors.add(new FieldProblem(g.getObjectName(), ruleOf(g), messageOf(g))));
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    e.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            errors.add(
                                new FieldProblem(
                                    parameterName(result.getMethodParameter().getParameterName()),
                                    ruleOf(error),
                                    messageOf(error)))));
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getCause();
    while (cause != null) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
            .body(
                Problems.of(
                    HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", tooLarge.getMessage()));
      }
      if (cause instanceof DatabindException databind && !(cause instanceof StreamReadException)) {
        return ResponseEntity.badRequest().body(invalid(List.of(fieldProblem(databind))));
      }
      if (cause instanceof StreamReadException) {
        return ResponseEntity.badRequest()
            .body(invalid(List.of(new FieldProblem("body", "json", "The body is not valid JSON"))));
      }
      cause = cause.getCause();
    }
    return ResponseEntity.badRequest()
        .body(invalid(List.of(new FieldProblem("body", "required", "A JSON body is required"))));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(
      ServletRequestBindingException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (e instanceof MissingRequestHeaderException missing) {
      return ResponseEntity.badRequest()
          .body(
              invalid(
                  List.of(
                      new FieldProblem(
                          missing.getHeaderName(), "required", "The header is required"))));
    }
    return super.handleServletRequestBindingException(e, headers, status, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(
            invalid(
                List.of(
                    new FieldProblem(
                        e.getParameterName(), "required", "The parameter is required"))));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    String message =
        type != null && type.isEnum()
            ? "Must be one of " + Arrays.toString(type.getEnumConstants())
            : "Must be a valid " + (type == null ? "value" : type.getSimpleName());
    return ResponseEntity.badRequest()
        .body(invalid(List.of(new FieldProblem(e.getName(), "type", message))));
  }

  static ProblemDetail invalid(List<FieldProblem> errors) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " invalid fields");
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static FieldProblem fieldProblem(DatabindException e) {
    String path = path(e);
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new FieldProblem(path, "unknown", "Unknown field '" + unknown.getPropertyName() + "'");
    }
    if (e instanceof InvalidFormatException format) {
      Class<?> target = format.getTargetType();
      if (target != null && target.isEnum()) {
        return new FieldProblem(
            path, "enum", "Must be one of " + Arrays.toString(target.getEnumConstants()));
      }
      return new FieldProblem(
          path, "type", "Must be a valid " + (target == null ? "value" : target.getSimpleName()));
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return new FieldProblem(path, "type", "Must be a " + describe(mismatch.getTargetType()));
    }
    return new FieldProblem(path, "type", "Has the wrong type");
  }

  private static String describe(Class<?> type) {
    if (type.isArray()
        || List.class.isAssignableFrom(type)
        || java.util.Set.class.isAssignableFrom(type)) {
      return "list";
    }
    if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
      return "JSON object";
    }
    return type.getSimpleName();
  }

  private static String path(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String ruleOf(MessageSourceResolvable error) {
    String[] codes = error.getCodes();
    if (codes == null || codes.length == 0) {
      return "invalid";
    }
    String last = codes[codes.length - 1];
    return last.contains(".") ? last.substring(last.lastIndexOf('.') + 1) : last;
  }

  private static String messageOf(MessageSourceResolvable error) {
    String message = error.getDefaultMessage();
    return message == null ? "is invalid" : message;
  }

  private static String parameterName(@Nullable String name) {
    return name == null ? "parameter" : name;
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.indexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }
}
