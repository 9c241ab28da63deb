package io.crmflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class LeadImportTest extends IntegrationTest {

    private ResponseEntity<JsonNode> upload(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        return as("mia").postForEntity("/api/leads/import", new HttpEntity<>(csv, headers), JsonNode.class);
    }

    @Test
    void eachRowIsSubmittedAndBadRowsAreReportedWithTheirLine() {
        String company = unique("导入医院");
        String csv = "\uFEFFexternalId,name,company,email,phone,source,region,industry,productLine,visits30d,dwellSeconds\n"
                + unique("csv") + ",赵敏," + company + "有限公司,zhao@" + company + ".cn,,REFERRAL,SOUTH,HOSPITAL,DEVICES,10,600\n"
                + ",钱伟,\"" + company + " Co., Ltd.\",,,WEBSITE,SOUTH,HOSPITAL,DEVICES,3,100\n"
                + ",孙丽,Other,,,BILLBOARD,SOUTH,,,1,1\n"
                + ",,Nameless,,,WEBSITE,SOUTH,,,-4,1\n"
                + unique("csv") + ",周杰," + unique("Clinic") + ",,,WECHAT,NORTH,CLINIC,OTC,many,0\n";
        long leads = count("leads");

        ResponseEntity<JsonNode> response = upload(csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = response.getBody();
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("duplicates").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isEqualTo(3);
        JsonNode rows = report.get("rows");
        assertThat(rows.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(rows.get(0).get("outcome").asText()).isEqualTo("CREATED");
        assertThat(rows.get(1).get("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(rows.get(1).get("leadId").asLong()).isEqualTo(rows.get(0).get("leadId").asLong());
        assertThat(rows.get(2).get("row").asInt()).isEqualTo(4);
        assertThat(rows.get(2).get("errors").findValuesAsText("field")).containsExactly("source");
        assertThat(rows.get(3).get("errors").findValuesAsText("field")).containsExactly("name", "visits30d");
        assertThat(rows.get(4).get("errors").findValuesAsText("field")).containsExactly("visits30d");
        assertThat(count("leads")).isEqualTo(leads + 1);
        JsonNode timeline = as("mia").getForObject("/api/leads/" + rows.get(0).get("leadId").asLong() + "/timeline", JsonNode.class);
        assertThat(timeline.findValuesAsText("type")).contains("DUPLICATE_SUBMISSION");
    }

    @Test
    void malformedFileIsRefusedWholeAndWritesNothing() {
        long leads = count("leads");
        String csv = "name,source,region\n" + unique("ok") + ",WEBSITE,EAST\n\"unterminated,WEBSITE,EAST\n";

        ResponseEntity<JsonNode> response = upload(csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).contains("Malformed CSV");
        assertThat(count("leads")).isEqualTo(leads);
    }

    @Test
    void unknownOrMissingColumnsAreNamed() {
        ResponseEntity<JsonNode> unknown = upload("name,source,region,owner\nx,WEBSITE,EAST,alice\n");
        ResponseEntity<JsonNode> missing = upload("name,source\nx,WEBSITE\n");
        ResponseEntity<JsonNode> ragged = upload("name,source,region\nx,WEBSITE\n");

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("detail").asText()).contains("owner");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("detail").asText()).contains("region");
        assertThat(ragged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ragged.getBody().get("errors").findValuesAsText("field")).containsExactly("line 2");
    }

    @Test
    void fileWhoseRowsAreAllBadIsUnprocessable() {
        long leads = count("leads");

        ResponseEntity<JsonNode> response = upload("name,source,region\nx,WEBSITE,MARS\ny,NOWHERE,EAST\n");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("rejected").asInt()).isEqualTo(2);
        assertThat(response.getBody().get("rows").findValuesAsText("row")).containsExactly("2", "3");
        assertThat(count("leads")).isEqualTo(leads);
    }
}
