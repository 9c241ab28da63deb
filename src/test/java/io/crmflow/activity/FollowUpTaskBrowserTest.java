package io.crmflow.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ChromiumIntegrationTest;
import io.crmflow.Tasklist;
import io.crmflow.persistence.SqlTimes;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rep records a call from the *Follow up customer* task in the real Tasklist, in headless Chromium (docs/product.md §13):
 * the form shows the customer, why it is behind and what its tier needs; the completed form becomes the customer's activity.
 * A manager sees the reps' weeks and the cadence compliance on the dashboard, in Chinese and English.
 */
class FollowUpTaskBrowserTest extends ChromiumIntegrationTest {

    @Autowired
    FollowUps followUps;

    @Test
    void repRecordsACallFromTheFollowUpTaskInTasklist() throws IOException {
        String name = unique("东莞康复药房");
        long customer = as("chen").postForObject("/api/customers", Map.of("name", name, "region", "SOUTH"), JsonNode.class).get("id").asLong();
        jdbc.sql("update customer set created_at = ? where id = ?").params(SqlTimes.timestamp(Instant.now().minus(Duration.ofDays(40))), customer)
                .update();
        followUps.openFollowUps();
        Tasklist tasklist = new Tasklist(chromium.browser(), port);
        tasklist.logIn("chen");
        tasklist.openTask(name);

        tasklist.awaitFormShowing(name);
        assertThat(tasklist.formValues()).anyMatch(value -> value.contains("Tier C")).anyMatch(value -> value.contains("every 30 days"));
        tasklist.type("Field_activityNote", "电话回访 Called, the store restocks next month");
        tasklist.type("Field_activityMinutes", "20");
        tasklist.choose("Field_activityKind", "电话 Call");
        chromium.screenshot("followUpFormFilled");
        tasklist.complete();

        tasklist.await().until(driver -> as("chen").getForObject("/api/customers/" + customer + "/activities", JsonNode.class).size() == 1);
        JsonNode call = as("chen").getForObject("/api/customers/" + customer + "/activities", JsonNode.class).get(0);
        assertThat(call.get("kind").asText()).isEqualTo("CALL");
        assertThat(call.get("minutes").asInt()).isEqualTo(20);
        assertThat(call.get("recordedBy").asText()).isEqualTo("chen");
        assertThat(call.get("note").asText()).contains("restocks next month");
    }

    @Test
    void managerSeesTheRepsWeekAndTheCadenceOnTheDashboardInBothLanguages() throws IOException {
        long customer = as("chen").postForObject("/api/customers", Map.of("name", unique("惠州看板药房"), "region", "SOUTH"), JsonNode.class)
                .get("id").asLong();
        as("chen").postForObject("/api/customers/" + customer + "/activities", Map.of("kind", "VISIT", "occurredAt", Instant.now().toString(),
                "minutes", 30), JsonNode.class);
        ChromeDriver browser = chromium.browser();
        WebDriverWait wait = logIn(browser, port, "mia", "/dashboard");

        WebElement weeks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#activity-weeks-card tbody tr td")));
        wait.until(driver -> driver.findElements(By.cssSelector("#activity-weeks-card tbody tr")).stream()
                .anyMatch(row -> row.getText().startsWith("chen")));
        assertThat(browser.findElement(By.cssSelector("#activity-weeks-card h2")).getText()).isEqualTo("拜访与电话（每周）");
        assertThat(browser.findElements(By.cssSelector("#cadence-card tbody tr")).stream().map(WebElement::getText).toList())
                .anyMatch(row -> row.startsWith("C ") && row.endsWith("%"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'});", weeks);
        chromium.screenshot("dashboard-field-work-zh");

        browser.findElement(By.id("language")).click();
        wait.until(driver -> driver.findElement(By.cssSelector("#cadence-card h2")).getText().equals("Follow-up cadence compliance"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'});", browser.findElement(By.id("activity-weeks-card")));
        chromium.screenshot("dashboard-field-work-en");
        browser.findElement(By.id("language")).click();
    }

    @Test
    void theCustomerPageShowsAVisitWithItsPhotoOnTheTimeline() throws IOException {
        long customer = as("chen").postForObject("/api/customers", Map.of("name", unique("汕头时间线药房"), "region", "SOUTH"), JsonNode.class)
                .get("id").asLong();
        ActivityApiTest.upload(as("chen"), customer, Map.of("kind", "VISIT", "occurredAt", Instant.now().toString(), "minutes", 35,
                "note", "货架拍照 Shelf photographed"), Map.of("货架 shelf.png", ActivityFiles.photo("png", 7)));
        ChromeDriver browser = chromium.browser();
        WebDriverWait wait = logIn(browser, port, "mia", "/customers/" + customer);

        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#timeline-table a.attachment")));
        assertThat(link.getText()).contains("货架 shelf.png");
        assertThat(link.getDomAttribute("href")).startsWith("/api/customers/" + customer + "/activities/");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
        chromium.screenshot("customer-timeline-activity");
    }

    /** Logs {@code user} in through the login page that {@code path} leads to; a wait that looks again for replaced elements. */
    static WebDriverWait logIn(ChromeDriver browser, int port, String user, String path) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        return wait;
    }
}
