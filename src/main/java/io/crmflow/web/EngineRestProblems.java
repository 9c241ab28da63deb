package io.crmflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Camunda's REST APIs answer any exception they do not know with 500: {@code /engine-rest}, and the webapps' own copy
 * of it that Tasklist completes tasks through. A business rule that refuses a task completion inside the engine (a
 * stage form completed before the stage's exit data is recorded, say) is the caller's to fix, and nothing was saved:
 * the same 422 problem document as crmflow's own API gives, with Camunda's {@code message} member as well, which
 * Tasklist shows. Registered in every Jersey application through {@code META-INF/services}, as the webapps' JAX-RS
 * applications are Camunda's, not Spring beans.
 */
public class EngineRestProblems implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext jaxRsApplication) {
        if (!jaxRsApplication.getConfiguration().isRegistered(RefusalMapper.class)) {
            jaxRsApplication.register(RefusalMapper.class);
        }
    }

    public static class RefusalMapper implements ExceptionMapper<InvalidRequestException> {

        private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

        @Override
        public Response toResponse(InvalidRequestException refusal) {
            ProblemDetail problem = ApiProblems.invalidInput(refusal);
            problem.setProperty("message", refusal.getMessage());
            try {
                return Response.status(HttpStatus.UNPROCESSABLE_ENTITY.value()).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .entity(JSON.writeValueAsBytes(problem)).build();
            } catch (JsonProcessingException unwritable) {
                throw new IllegalStateException(unwritable);
            }
        }
    }
}
