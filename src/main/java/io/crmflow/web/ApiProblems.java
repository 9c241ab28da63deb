package io.crmflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every client error of the API as an RFC 9457 problem document that names the offending field: syntax and type errors
 * are 400, well-formed input that breaks a rule is 422, a missing record 404. Errors are raised before anything is
 * written, and the service methods are transactional, so a rejected request leaves no trace.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> errors.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        String fields = errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", "Invalid value for: " + fields, errors);
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (RequestTooLargeException.isCause(ex)) {
            return ResponseEntity.badRequest().body(RequestTooLargeException.problem());
        }
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return badRequest("Unknown field", "Field '" + path(unknown) + "' is not part of this request; known fields: "
                    + unknown.getKnownPropertyIds(), path(unknown), "unknown field");
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            String allowed = java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
            return badRequest("Unknown value", "'" + invalid.getValue() + "' is not a valid " + path(invalid) + "; allowed: " + allowed,
                    path(invalid), "must be one of " + allowed);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badRequest("Wrong type", "Field '" + path(mapping) + "' has the wrong type: " + mapping.getOriginalMessage(),
                    path(mapping), "wrong type");
        }
        if (cause instanceof JsonProcessingException parse) {
            String where = parse.getLocation() == null ? "" : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return badRequest("Malformed JSON", "The request body is not valid JSON" + where + ": " + parse.getOriginalMessage(), "body", "malformed JSON");
        }
        return badRequest("Unreadable request", "The request body is missing or unreadable", "body", "missing or unreadable");
    }

    /** An upload over {@code spring.servlet.multipart} limits: 400, like any other oversized body of the API. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(RequestTooLargeException.problem());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return badRequest("Wrong type", "Parameter '" + ex.getName() + "' has the wrong type: '" + ex.getValue() + "'", ex.getName(), "wrong type");
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), List.of()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException ex) {
        return ResponseEntity.unprocessableEntity().body(invalidInput(ex));
    }

    static ProblemDetail invalidInput(InvalidRequestException ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", ex.getMessage(),
                List.of(new FieldProblem(ex.field(), ex.getMessage())));
        ex.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> unreadable(BadRequestException ex) {
        return badRequest("Unreadable input", ex.getMessage(), ex.field(), ex.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage(), List.of());
        ex.details().forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Two people changed the same process at once (e.g. claimed the same pool lead): the later one lost. */
    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "Conflict",
                "Someone else changed this record at the same time; reload and try again", List.of()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(violation -> {
                    String path = violation.getPropertyPath().toString();
                    return new FieldProblem(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
                }).toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                "Invalid value for: " + errors.stream().map(FieldProblem::field).collect(Collectors.joining(", ")), errors));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage(), List.of()));
    }

    /**
     * A fault of crmflow, not of the request: logged with a reference the caller can quote. The database being out of
     * reach is neither, and gets a 503 the caller may retry.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (DatabaseUnavailable.isCause(ex)) {
            log.warn("Database unreachable, answered 503: {}", ex.toString());
            return DatabaseUnavailable.response();
        }
        String reference = java.util.UUID.randomUUID().toString();
        log.error("Unexpected error {}", reference, ex);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "crmflow could not process this request; nothing was saved. Reference: " + reference, List.of()));
    }

    private ResponseEntity<Object> badRequest(String title, String detail, String field, String message) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, title, detail, List.of(new FieldProblem(field, message))));
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private static String path(JsonMappingException ex) {
        return ex.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** One field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
