package io.crmflow.web;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /v3/api-docs} and Swagger UI say about crmflow: its name and version, how to sign in (HTTP Basic in the
 * embedded default and {@code postgres}, a Keycloak bearer token under {@code keycloak}; the Authorize button offers
 * both) and the problem documents every operation may answer ({@link ApiProblems}), so that a client generator sees the
 * real status codes. The dashboard's own {@code /dashboard/data} copies are left out ({@code springdoc.paths-to-exclude}).
 */
@Configuration
class OpenApiDocumentation {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** The client errors {@link ApiProblems} answers, by status: what each means to the caller. */
    private static final Map<String, String> CLIENT_ERRORS = Map.of(
            "400", "Malformed request: unreadable JSON or CSV, an unknown field, a wrong type or enum value (problem document naming the field)",
            "401", "No or wrong credentials",
            "403", "Your role may not make this call",
            "404", "No such record, or one you may not see",
            "409", "The record changed meanwhile or is in a state that refuses this step",
            "422", "Well-formed input that breaks a rule (problem document with errors[].field)");

    @Bean
    OpenAPI crmflowOpenApi() {
        // The jar's manifest (Implementation-Version, written by Spring Boot's parent POM); classes run from an IDE or a test have none.
        String version = OpenApiDocumentation.class.getPackage().getImplementationVersion();
        Components components = new Components()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A crmflow user (embedded default and postgres profile); demo users sign in with their id as password"))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A Keycloak access token (keycloak profile; HTTP Basic is off there)"))
                .addSchemas(PROBLEM, problemSchema());
        CLIENT_ERRORS.forEach((status, meaning) -> components.addResponses(status, new ApiResponse().description(meaning)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
        return new OpenAPI()
                .info(new Info().title("crmflow API")
                        .version(version == null ? "development build" : version)
                        .description("""
                                crmflow: leads, opportunities, quotes, contracts, payments, customers and service tickets, \
                                run as Camunda 7 processes with decisions in rule files. JSON in and out, timestamps ISO-8601 \
                                with an offset, amounts in CNY with two decimals. Records you may not see answer 404; errors \
                                are RFC 9457 application/problem+json naming the field. Sign in with Authorize: HTTP Basic \
                                (embedded default, postgres profile) or a Keycloak bearer token (keycloak profile).""")
                        .license(new License().name("Proprietary")))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Adds the problem documents to each operation: 401 and 403 everywhere, 404 where the path names a record, 400 and
     * 422 where the caller sends something (parameters or a body), 409 where a step changes a record's state.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses();
            add(responses, "401");
            add(responses, "403");
            if (path.contains("{")) {
                add(responses, "404");
            }
            if (sendsInput(operation)) {
                add(responses, "400");
                add(responses, "422");
            }
            if (method != PathItem.HttpMethod.GET && path.contains("{")) {
                add(responses, "409");
            }
        }));
    }

    private static boolean sendsInput(Operation operation) {
        return operation.getRequestBody() != null || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    }

    private static void add(ApiResponses responses, String status) {
        responses.putIfAbsent(status, new ApiResponse().$ref("#/components/responses/" + status));
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema().description("One offending field")
                .addProperty("field", new StringSchema().example("email"))
                .addProperty("message", new StringSchema().example("must be a well-formed email address"));
        return new ObjectSchema().description("RFC 9457 problem document")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid input"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example("Invalid value for: email"))
                .addProperty("instance", new StringSchema().example("/api/leads"))
                .addProperty("errors", new ArraySchema().items(fieldProblem));
    }
}
