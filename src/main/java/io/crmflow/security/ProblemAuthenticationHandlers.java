package io.crmflow.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401, 403 and requests the firewall refuses (encoded slashes, {@code ..} segments, …) as RFC 9457 problem documents,
 * like every other error of the API.
 */
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ObjectMapper json;
    private final String challenge;
    private final String howToAuthenticate;

    /** {@code challenge}: the {@code WWW-Authenticate} header of a 401; {@code howToAuthenticate}: its detail. */
    ProblemAuthenticationHandlers(ObjectMapper json, String challenge, String howToAuthenticate) {
        this.json = json;
        this.challenge = challenge;
        this.howToAuthenticate = howToAuthenticate;
    }

    static ProblemAuthenticationHandlers httpBasic(ObjectMapper json) {
        return new ProblemAuthenticationHandlers(json, "Basic realm=\"crmflow\"", "Authentication required: use HTTP Basic with a crmflow user");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        write(response, HttpStatus.UNAUTHORIZED, howToAuthenticate, request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Your groups do not allow this request", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception) throws IOException {
        write(response, HttpStatus.BAD_REQUEST, "The request was refused: " + exception.getMessage(), null);
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail, HttpServletRequest request) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (request != null) {
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
