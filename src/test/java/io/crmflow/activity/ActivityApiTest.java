package io.crmflow.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Activities with attachments through the API (docs/product.md §13): recorded by the owner, seen where the customer is seen,
 * files checked by content and always served as downloads, late entries flagged, corrections audited, and every kind of bad
 * input refused with nothing stored.
 */
class ActivityApiTest extends IntegrationTest {

    private long customer() {
        return as("chen").postForObject("/api/customers", Map.of("name", unique("深圳康泰药房"), "region", "SOUTH", "industry", "PHARMACY"),
                JsonNode.class).get("id").asLong();
    }

    private static Map<String, Object> visit(Instant occurredAt) {
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("kind", "VISIT");
        visit.put("occurredAt", occurredAt.toString());
        visit.put("minutes", 45);
        visit.put("note", "陈列检查 Shelf check with the store manager");
        return visit;
    }

    static ResponseEntity<JsonNode> upload(TestRestTemplate as, long customer, Object activity, Map<String, byte[]> files) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        body.add("activity", new HttpEntity<>(activity, json));
        files.forEach((name, content) -> body.add("files", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as.postForEntity("/api/customers/" + customer + "/activities", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private long activitiesOf(long customer) {
        return jdbc.sql("select count(*) from activity where customer_id = ?").param(customer).query(Long.class).single();
    }

    private long attachmentsOf(long customer) {
        return jdbc.sql("select count(*) from activity_attachment a join activity v on v.id = a.activity_id where v.customer_id = ?")
                .param(customer).query(Long.class).single();
    }

    @Test
    void aVisitWithTwoPhotosIsStoredSeenWhereTheCustomerIsAndServedAsADownload() {
        long customer = customer();
        byte[] shelf = ActivityFiles.photo("png", 1);
        byte[] counter = ActivityFiles.photo("jpg", 2);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("货架 shelf.png", shelf);
        files.put("counter.jpg", counter);

        ResponseEntity<JsonNode> created = upload(as("chen"), customer, visit(Instant.now().minus(Duration.ofHours(2))), files);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode activity = created.getBody();
        assertThat(activity.get("kind").asText()).isEqualTo("VISIT");
        assertThat(activity.get("kindLabel").asText()).isEqualTo("拜访 Visit");
        assertThat(activity.get("late").asBoolean()).isFalse();
        assertThat(activity.get("recordedBy").asText()).isEqualTo("chen");
        assertThat(activity.get("attachments")).hasSize(2);
        assertThat(activity.get("attachments").get(0).get("contentType").asText()).isEqualTo("image/png");
        assertThat(activity.get("attachments").get(1).get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/customers/" + customer + "/activities/" + activity.get("id").asLong());

        ResponseEntity<byte[]> download = as("mia").getForEntity(activity.get("attachments").get(0).get("href").asText(), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(shelf);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("货架 shelf.png");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        assertThat(as("mia").getForObject("/api/customers/" + customer + "/activities", JsonNode.class)).hasSize(1);
        assertThat(as("sam").getForObject("/api/customers/" + customer + "/360", JsonNode.class).get("timeline")).anySatisfy(entry -> {
            assertThat(entry.get("source").asText()).isEqualTo("ACTIVITY");
            assertThat(entry.get("type").asText()).isEqualTo("VISIT");
            assertThat(entry.get("detail").asText()).contains("Shelf check", "45 min");
            assertThat(entry.get("attachments")).extracting(file -> file.get("href").asText())
                    .containsExactlyElementsOf(List.of(activity.get("attachments").get(0).get("href").asText(),
                            activity.get("attachments").get(1).get("href").asText()));
        });
        assertThat(as("sam").getForObject("/api/customers/" + customer + "/activities/" + activity.get("id").asLong(), JsonNode.class)
                .get("attachments")).hasSize(2);
        assertThat(as("alice").getForEntity("/api/customers/" + customer + "/activities", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("alice").getForEntity(activity.get("attachments").get(1).get("href").asText(), byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("sam").postForEntity("/api/customers/" + customer + "/activities", visit(Instant.now()), JsonNode.class).getStatusCode())
                .as("support reads customers but does not record their activities").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").getForObject("/api/audit?entity=activity&entityId=" + activity.get("id").asLong(), JsonNode.class))
                .anySatisfy(entry -> {
                    assertThat(entry.get("field").asText()).isEqualTo("attachments");
                    assertThat(entry.get("newValue").asText()).isEqualTo("货架 shelf.png, counter.jpg");
                    assertThat(entry.get("actor").asText()).isEqualTo("chen");
                });
    }

    @Test
    void anActivityRecordedMoreThan72HoursLaterIsLateAndACorrectionIsAudited() {
        long customer = customer();
        Map<String, Object> call = new LinkedHashMap<>(Map.of("kind", "CALL", "occurredAt", Instant.now().minus(Duration.ofHours(73)).toString(),
                "minutes", 12));
        JsonNode late = as("chen").postForObject("/api/customers/" + customer + "/activities", call, JsonNode.class);
        assertThat(late.get("late").asBoolean()).isTrue();
        assertThat(late.get("attachments")).isEmpty();

        call.put("occurredAt", Instant.now().minus(Duration.ofHours(70)).toString());
        call.put("note", "补记 Corrected date");
        ResponseEntity<JsonNode> corrected = as("mia").exchange("/api/customers/" + customer + "/activities/" + late.get("id").asLong(),
                HttpMethod.PUT, new HttpEntity<>(call), JsonNode.class);

        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(corrected.getBody().get("late").asBoolean()).isFalse();
        assertThat(corrected.getBody().get("recordedBy").asText()).isEqualTo("chen");
        assertThat(as("admin").getForObject("/api/audit?entity=activity&entityId=" + late.get("id").asLong(), JsonNode.class))
                .anySatisfy(entry -> {
                    assertThat(entry.get("field").asText()).isEqualTo("late");
                    assertThat(entry.get("oldValue").asText()).isEqualTo("true");
                    assertThat(entry.get("newValue").asText()).isEqualTo("false");
                    assertThat(entry.get("actor").asText()).isEqualTo("mia");
                });
    }

    @Test
    void pdfAndOfficeFilesAreAcceptedWithTheirOwnTypes() {
        long customer = customer();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("报价 quote.pdf", ActivityFiles.pdf());
        files.put("库存 stock.docx", ActivityFiles.docx(Map.of()));
        JsonNode activity = upload(as("chen"), customer, visit(Instant.now()), files).getBody();
        assertThat(activity.get("attachments")).extracting(file -> file.get("contentType").asText())
                .containsExactly("application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheFieldAndNothingIsStored() {
        long customer = customer();
        Instant now = Instant.now();
        Map<String, Object> unknownKind = new LinkedHashMap<>(visit(now));
        unknownKind.put("kind", "LUNCH");
        Map<String, Object> future = visit(now.plus(Duration.ofDays(3)));
        Map<String, Object> negative = new LinkedHashMap<>(visit(now));
        negative.put("minutes", -5);
        record Case(String what, ResponseEntity<JsonNode> answer, String field) {
        }
        List<Case> cases = List.of(
                new Case("an .exe renamed .jpg", upload(as("chen"), customer, visit(now), Map.of("photo.jpg", ActivityFiles.exe())), "files[0]"),
                new Case("a zip bomb named .docx", upload(as("chen"), customer, visit(now), Map.of("report.docx", ActivityFiles.zipBomb())), "files[0]"),
                new Case("an SVG with script", upload(as("chen"), customer, visit(now), Map.of("logo.svg", ActivityFiles.svgWithScript())), "files[0]"),
                new Case("a path in the file name", upload(as("chen"), customer, visit(now),
                        Map.of("../../etc/shelf.png", ActivityFiles.photo("png", 3))), "files[0]"),
                new Case("a good photo then a bad one", upload(as("chen"), customer, visit(now), orderedFiles()), "files[1]"),
                new Case("an unknown kind", as("chen").postForEntity("/api/customers/" + customer + "/activities", unknownKind, JsonNode.class), "kind"),
                new Case("after tomorrow", as("chen").postForEntity("/api/customers/" + customer + "/activities", future, JsonNode.class), "occurredAt"),
                new Case("negative minutes", as("chen").postForEntity("/api/customers/" + customer + "/activities", negative, JsonNode.class), "minutes"),
                new Case("eleven files", upload(as("chen"), customer, visit(now), elevenPhotos()), "files"));
        for (Case bad : cases) {
            assertThat(bad.answer().getStatusCode().is4xxClientError()).as(bad.what()).isTrue();
            assertThat(bad.answer().getHeaders().getContentType()).as(bad.what()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(bad.answer().getBody().get("errors").get(0).get("field").asText()).as(bad.what()).isEqualTo(bad.field());
        }
        assertThat(cases.get(2).answer().getBody().get("detail").asText()).contains("SVG");
        assertThat(cases.get(1).answer().getBody().get("detail").asText()).contains("zip bomb");
        assertThat(activitiesOf(customer)).isZero();
        assertThat(attachmentsOf(customer)).isZero();
    }

    private static Map<String, byte[]> orderedFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("ok.png", ActivityFiles.photo("png", 4));
        files.put("invoice.pdf", ActivityFiles.exe());
        return files;
    }

    private static Map<String, byte[]> elevenPhotos() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            files.put("p" + i + ".png", ActivityFiles.photo("png", i));
        }
        return files;
    }

    @Test
    void aContactOrOpportunityOfAnotherCustomerIsRefused() {
        long customer = customer();
        long other = customer();
        long contact = as("chen").postForObject("/api/customers/" + other + "/contacts", Map.of("name", "王店长"), JsonNode.class).get("id").asLong();
        Map<String, Object> call = new LinkedHashMap<>(Map.of("kind", "CALL", "occurredAt", Instant.now().toString(), "contactId", contact));
        ResponseEntity<JsonNode> refused = as("chen").postForEntity("/api/customers/" + customer + "/activities", call, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("contactId");

        ResponseEntity<JsonNode> accepted = as("chen").postForEntity("/api/customers/" + other + "/activities", call, JsonNode.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(accepted.getBody().get("contactId").asLong()).isEqualTo(contact);
        assertThat(activitiesOf(customer)).isZero();
    }
}
