package io.crmflow.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ChromiumIntegrationTest;
import io.crmflow.Tasklist;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pharmacy visit's steps in the real Tasklist, in headless Chromium (docs/product.md §13): the form names the evidence
 * the step needs; completing it without that evidence is refused and Tasklist shows what is missing; once the rep has
 * recorded the evidence as an activity, the same Complete moves the visit to its next step. A manager sees the hours per
 * step per rep and the steps open more than 72 hours on the dashboard, in Chinese and English.
 */
class PharmacyVisitBrowserTest extends ChromiumIntegrationTest {

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    /** A PHARMACY customer of chen's (SOUTH, manager mia). */
    private long pharmacy(String name) {
        return as("chen").postForObject("/api/customers", Map.of("name", name, "region", "SOUTH", "industry", "PHARMACY"), JsonNode.class)
                .get("id").asLong();
    }

    /** Starts the customer's visit as its owner; its process instance. */
    private String startVisit(long customer) {
        return as("chen").postForObject("/api/customers/" + customer + "/pharmacy-visits", null, JsonNode.class).get("processInstanceId").asText();
    }

    private String openStepOf(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getTaskDefinitionKey();
    }

    @Test
    void aStepIsRefusedInTasklistWithoutItsEvidenceAndCompletedWithIt() throws IOException {
        String name = unique("江门仁爱药房");
        long customer = pharmacy(name);
        String visit = startVisit(customer);
        Tasklist tasklist = new Tasklist(chromium.browser(), port);
        tasklist.logIn("chen");

        tasklist.openTask("预约拜访 Book the visit: " + name);
        tasklist.awaitFormShowing(name);
        assertThat(tasklist.formValues()).anyMatch(value -> value.contains("booked the visit"));
        chromium.screenshot("pharmacyVisitBookingForm");
        tasklist.complete();
        String refusal = tasklist.awaitError();
        chromium.screenshot("pharmacyVisitBookingRefused");
        assertThat(refusal).contains("Missing evidence", "Book the visit", "booked the visit");
        assertThat(openStepOf(visit)).isEqualTo("Task_BookVisit");

        as("chen").postForObject("/api/customers/" + customer + "/activities", Map.of("kind", "CALL", "occurredAt", Instant.now().toString(),
                "minutes", 5, "note", "预约周四上午拜访 Visit booked for Thursday morning"), JsonNode.class);
        tasklist.complete();

        tasklist.await().until(driver -> openStepOf(visit).equals("Task_CheckStock"));
        tasklist.reload();
        tasklist.openTask("库存检查 Stock check: " + name);
        tasklist.awaitFormShowing(name);
        assertThat(tasklist.formValues()).anyMatch(value -> value.contains("shelf photo"));
        chromium.screenshot("pharmacyVisitStockCheckForm");
    }

    @Test
    void managerSeesTheStepDwellAndTheSlowStepsOnTheDashboardInBothLanguages() throws IOException {
        String name = unique("肇庆看板药房");
        long customer = pharmacy(name);
        String visit = startVisit(customer);
        as("chen").postForObject("/api/customers/" + customer + "/activities", Map.of("kind", "CALL", "occurredAt", Instant.now().toString()),
                JsonNode.class);
        tasks.complete(tasks.createTaskQuery().processInstanceId(visit).singleResult().getId());
        Job slow = management.createJobQuery().processInstanceId(visit).timers().singleResult();
        ClockUtil.setCurrentTime(slow.getDuedate());
        try {
            management.executeJob(slow.getId());
        } finally {
            ClockUtil.reset();
        }
        ChromeDriver browser = chromium.browser();
        WebDriverWait wait = FollowUpTaskBrowserTest.logIn(browser, port, "mia", "/dashboard");

        wait.until(driver -> driver.findElements(By.cssSelector("#pharmacy-board-card tbody tr")).stream()
                .anyMatch(row -> row.getText().startsWith(name) && row.getText().contains("库存检查")));
        wait.until(driver -> !driver.findElements(By.cssSelector("#pharmacy-dwell-chart canvas")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#pharmacy-dwell-card h2")).getText()).isEqualTo("药房拜访步骤停留热力图（小时）");
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'});", browser.findElement(By.id("pharmacy-dwell-card")));
        chromium.screenshot("dashboard-pharmacy-visits-zh");

        browser.findElement(By.id("language")).click();
        wait.until(driver -> driver.findElement(By.cssSelector("#pharmacy-board-card h2")).getText().startsWith("Manager's board"));
        assertThat(browser.findElements(By.cssSelector("#pharmacy-board-card tbody tr")).stream().map(WebElement::getText).toList())
                .anyMatch(row -> row.startsWith(name) && row.contains("Stock check"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'});", browser.findElement(By.id("pharmacy-dwell-card")));
        chromium.screenshot("dashboard-pharmacy-visits-en");
        browser.findElement(By.id("language")).click();
    }
}
