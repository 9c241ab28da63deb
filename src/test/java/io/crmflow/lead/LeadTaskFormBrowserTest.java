package io.crmflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ChromiumIntegrationTest;
import io.crmflow.Tasklist;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.http.HttpStatus;

/**
 * A lead's task form in the real Tasklist, in Debian's headless Chromium (docs/product.md §8): the owner sees the phone and email
 * to call, a colleague the task was handed to sees them masked, in the form and in what Tasklist loads for it; and
 * markup in a lead's name or company is shown as text, never run.
 */
class LeadTaskFormBrowserTest extends ChromiumIntegrationTest {

    /** Reads a URL of the Camunda webapps with the browser's session, as Tasklist does, and returns status and body. */
    private static final String FETCH = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {credentials: 'same-origin', headers: {Accept: 'application/json'}})
                .then(response => response.text().then(body => done(response.status + ' ' + body)))
                .catch(error => done('failed ' + error));""";

    @Test
    void theOwnerSeesTheContactDetailsAColleagueSeesThemMasked() {
        String company = unique("宁波第二医院");
        String phone = uniquePhone();
        String email = unique("li.na") + "@example.cn";
        JsonNode lead = submitLead("李娜", company, phone, email);
        String owner = lead.get("owner").asText();
        String taskId = contactTask(owner, lead);
        Tasklist tasklist = new Tasklist(chromium.browser(), port);

        tasklist.logIn(owner);
        tasklist.openTask(company);
        tasklist.awaitFormShowing(phone);
        assertThat(tasklist.formValues()).contains(company, phone, email);

        String colleague = "bob";
        assertThat(as(owner).postForEntity("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", colleague), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        tasklist.logIn(colleague);
        tasklist.openTask(company);
        String maskedPhone = "139****" + phone.substring(phone.length() - 4);
        tasklist.awaitFormShowing(maskedPhone);

        assertThat(tasklist.formValues()).contains(company, maskedPhone, "l***@example.cn").doesNotContain(phone, email);
        assertThat(chromium.browser().getPageSource()).doesNotContain(phone, email);
        String formVariables = fetch("/camunda/api/engine/engine/default/task/" + taskId + "/form-variables?deserializeValues=false");
        assertThat(formVariables).startsWith("200 ").contains(maskedPhone, "l***@example.cn").doesNotContain(phone, email);
        String restFormVariables = as(colleague).getForObject("/engine-rest/task/" + taskId + "/form-variables", String.class);
        assertThat(restFormVariables).contains(maskedPhone).doesNotContain(phone, email);
    }

    @Test
    void markupInALeadIsShownAsTextAndNeverRuns() {
        String name = "<img src=x onerror=\"window.__xss=1\">";
        String company = "<script>window.__xss=2</script>" + unique("医院");
        String marker = company.substring(company.indexOf("医院"));
        JsonNode lead = submitLead(name, company, uniquePhone(), unique("x") + "@example.cn");
        Tasklist tasklist = new Tasklist(chromium.browser(), port);

        tasklist.logIn(lead.get("owner").asText());
        tasklist.openTask(marker);
        tasklist.awaitFormShowing(company);

        ChromeDriver browser = chromium.browser();
        assertThat(tasklist.formValues()).contains(name, company);
        assertThat(browser.findElement(By.cssSelector(".task-details")).getText()).as("the task's name, as its heading")
                .contains("<script>window.__xss=2</script>");
        assertThat(browser.findElement(By.cssSelector(".tasks-list")).getText()).as("the task in the list")
                .contains("<script>window.__xss=2</script>");
        assertThat(browser.findElements(By.cssSelector("img[src='x'], .tasks-list script, .task-details script"))).isEmpty();
        assertThat(browser.executeScript("return window.__xss === undefined;")).isEqualTo(true);
    }

    private JsonNode submitLead(String name, String company, String phone, String email) {
        return as("mia").postForObject("/api/leads", Map.of("name", name, "company", company, "email", email, "phone", phone,
                "source", "REFERRAL", "region", "EAST", "industry", "HOSPITAL", "productLine", "DEVICES", "visits30d", 12,
                "dwellSeconds", 640), JsonNode.class);
    }

    private String contactTask(String owner, JsonNode lead) {
        return as(owner).getForObject("/engine-rest/task?processInstanceId=" + lead.get("processInstanceId").asText(), JsonNode.class)
                .get(0).get("id").asText();
    }

    private String fetch(String path) {
        return (String) chromium.browser().executeAsyncScript(FETCH, "http://localhost:" + port + path);
    }
}
