package io.crmflow.web;

import java.io.IOException;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Thrown while reading a body that grows past the limit without announcing its length. */
class RequestTooLargeException extends IOException {

    static final String DETAIL = "The request body is larger than this endpoint accepts";

    RequestTooLargeException() {
        super(DETAIL);
    }

    static boolean isCause(Throwable error) {
        return ExceptionUtils.indexOfType(error, RequestTooLargeException.class) >= 0;
    }

    static ProblemDetail problem() {
        return ApiProblems.problem(HttpStatus.BAD_REQUEST, "Request too large", DETAIL,
                java.util.List.of(new ApiProblems.FieldProblem("body", "too large")));
    }
}
