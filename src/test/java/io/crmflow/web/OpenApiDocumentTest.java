package io.crmflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What /v3/api-docs tells a client: who crmflow is, how to sign in, the real status codes, realistic examples. */
class OpenApiDocumentTest extends IntegrationTest {

    private JsonNode api;

    @BeforeEach
    void readTheDocument() {
        ResponseEntity<JsonNode> response = as("alice").getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        api = response.getBody();
    }

    @Test
    void namesCrmflowWithItsVersion() {
        assertThat(api.at("/info/title").asText()).isEqualTo("crmflow API");
        assertThat(api.at("/info/version").asText()).isNotBlank().isNotEqualTo("v0");
        assertThat(api.at("/info/description").asText()).contains("problem+json", "ISO-8601");
    }

    @Test
    void offersHttpBasicAndBearerSignIn() {
        assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        List<String> required = new ArrayList<>();
        api.get("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(required::add));
        assertThat(required).containsExactlyInAnyOrder("basicAuth", "bearerAuth");
    }

    @Test
    void creationsAnswer201AndEveryOperationItsProblemDocuments() {
        assertThat(api.at("/paths/~1api~1customers/post/responses").has("201")).isTrue();
        assertThat(api.at("/paths/~1api~1customers/post/responses").has("200")).as("a creation is not documented as 200").isFalse();
        assertThat(api.at("/paths/~1api~1tickets/post/responses").has("201")).isTrue();
        JsonNode leadIntake = api.at("/paths/~1api~1leads/post/responses");
        assertThat(leadIntake.has("201")).isTrue();
        assertThat(leadIntake.at("/200/description").asText()).as("a resent lead answers 200").contains("repeated externalId");
        assertThat(leadIntake.at("/422/$ref").asText()).isEqualTo("#/components/responses/422");
        assertThat(api.at("/components/responses/422/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.at("/paths/~1api~1leads~1{id}/get/responses").has("404")).isTrue();
        api.get("paths").forEach(path -> path.forEach(operation ->
                assertThat(operation.get("responses").has("401")).as("every operation documents 401").isTrue()));
    }

    @Test
    void examplesAreRealisticAndTheDashboardsOwnEndpointsHidden() {
        JsonNode lead = api.at("/components/schemas/NewLead/properties");
        assertThat(lead.at("/visits30d/example").asInt()).isBetween(1, 100);
        assertThat(lead.at("/source/example").asText()).isEqualTo("TRADE_SHOW");
        assertThat(api.at("/components/schemas/NewOpportunity/properties/amount/example").asDouble()).isEqualTo(480_000.0);
        List<String> paths = new ArrayList<>();
        api.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/analytics/funnel").noneMatch(path -> path.startsWith("/dashboard"));
    }
}
