package io.crmflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * crmflow's own metrics: the job executor's backlog and leads coming in, read through {@code /actuator/metrics} (the
 * Prometheus endpoint serves the same meters; Spring Boot switches its export off in tests).
 */
class MetricsTest extends IntegrationTest {

    @Test
    void jobBacklogAndLeadsPerSourceAreMeasured() {
        double before = leadsCreated("WEBSITE");
        as("mia").postForObject("/api/leads", Map.of("name", "孙悦", "company", unique("指标医院"), "source", "WEBSITE", "region", "EAST",
                "phone", uniquePhone(), "visits30d", 1, "dwellSeconds", 30), String.class);

        assertThat(leadsCreated("WEBSITE")).isEqualTo(before + 1);
        assertThat(metric("crmflow.jobs.due").get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(metric("crmflow.jobs.failed").get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(http.getForEntity("/actuator/metrics/crmflow.jobs.due", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode metric(String name) {
        return as("admin").getForObject("/actuator/metrics/" + name, JsonNode.class);
    }

    private double leadsCreated(String source) {
        JsonNode metric = as("admin").getForObject("/actuator/metrics/crmflow.leads.created?tag=source:" + source, JsonNode.class);
        return metric == null || !metric.has("measurements") ? 0 : metric.get("measurements").get(0).get("value").asDouble();
    }
}
