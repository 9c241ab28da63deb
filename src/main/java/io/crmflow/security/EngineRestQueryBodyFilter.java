package io.crmflow.security;

import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API answers a POST query ({@code POST /engine-rest/task}, {@code …/process-instance/count},
 * {@code …/history/…}) that has no body with a 500 (its query DTO is null). Such a request is bad input: 400.
 * POSTs to a single resource ({@code /engine-rest/job/{id}/execute}) legitimately have no body and pass.
 */
class EngineRestQueryBodyFilter extends OncePerRequestFilter {

    private static final Pattern QUERY = Pattern.compile("/engine-rest/(history/)?[a-z-]+(/count)?/?");

    private final ObjectMapper json;

    EngineRestQueryBodyFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !QUERY.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean noBody = request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
        if (noBody) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "A query needs a JSON body, e.g. {}");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
