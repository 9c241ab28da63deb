package io.crmflow.rules;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** For tests of a feature's replayer: upload one changed rule file as a candidate, replay it, and pick the feature's report. */
public final class CandidateReplays {

    private CandidateReplays() {
    }

    /** {@code rulesOwner} uploads {@code fileName} with {@code content}, replays the last 1000 decisions; the report of {@code kind}. */
    public static JsonNode report(TestRestTemplate rulesOwner, String fileName, String content, String kind) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("files", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        long id = rulesOwner.postForObject("/api/rules/candidates", new HttpEntity<>(body, headers), JsonNode.class).get("id").asLong();
        JsonNode replay = rulesOwner.exchange("/api/rules/candidates/" + id + "/replay?last=1000", HttpMethod.POST, null, JsonNode.class).getBody();
        for (JsonNode report : replay.get("reports")) {
            if (report.get("kind").asText().equals(kind)) {
                return report;
            }
        }
        throw new AssertionError("no " + kind + " report in " + replay);
    }
}
