package io.crmflow.customer360;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ChromiumIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpStatus;

/**
 * alice finds her customer on the customer list and opens its 360 page in headless Chromium: profile, contacts in full,
 * tier with the decision that set it, the ticket support filed with its SLA clocks, the timeline; in Chinese and in
 * English. bob, a rep of the same region who does not own it, gets the page's "not found" message and no data.
 * Screenshots in {@code target/screenshots}. Runs with {@code ./mvnw verify -Pbrowser}.
 */
class CustomerPageBrowserTest extends ChromiumIntegrationTest {

    @Test
    void theOwnerSeesTheWholeCustomerInBothLanguagesAndAnotherRepSeesNothing() throws IOException {
        String name = unique("无锡人民医院");
        JsonNode customer = as("alice").postForObject("/api/customers", Map.of("name", name, "region", "EAST", "industry", "HOSPITAL",
                "address", "无锡市梁溪区清扬路"), JsonNode.class);
        long id = customer.get("id").asLong();
        as("alice").postForObject("/api/customers/" + id + "/contacts", Map.of("name", "钱主任", "role", "DECISION_MAKER",
                "title", "设备科主任", "phone", "13800138000", "email", "qian@wuxi.example"), JsonNode.class);
        as("alice").postForObject("/api/customers/" + id + "/contacts", Map.of("name", "孙会计", "role", "FINANCE"), JsonNode.class);
        assertThat(as("sam").postForEntity("/api/tickets", Map.of("customerId", id, "severity", "HIGH", "channel", "PHONE",
                "subject", "监护仪报警", "description", "监护仪反复报警"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ChromeDriver browser = chromium.browser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);

        logIn(browser, wait, "alice", "/customers");
        browser.findElement(By.id("q")).sendKeys(name);
        String loaded = browser.findElement(By.tagName("body")).getDomAttribute("data-loaded");
        browser.findElement(By.id("apply")).click();
        wait.until(driver -> !loaded.equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        List<WebElement> listed = browser.findElements(By.cssSelector("#customer-table tbody tr"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).getText()).contains(name, "C 类 C tier", "潜在客户", "华东", "医院", "alice");
        chromium.screenshot("customer-list");

        listed.get(0).findElement(By.linkText(name)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile")));
        assertThat(browser.findElement(By.id("customer-name")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("profile")).getText()).contains("无锡市梁溪区清扬路", "华东", "医院");
        assertThat(browser.findElement(By.id("tier")).getText()).contains("C 类 C tier", "近 12 个月赢单额: 0.00 CNY", "潜在客户");
        assertThat(texts(browser, "#contacts-table tbody tr")).anyMatch(row -> row.contains("钱主任") && row.contains("决策人")
                && row.contains("13800138000")).anyMatch(row -> row.contains("孙会计") && row.contains("财务"));
        assertThat(texts(browser, "#tickets-table tbody tr")).singleElement().asString().contains("监护仪报警", "计时中");
        assertThat(texts(browser, "#timeline-table tbody tr")).anyMatch(row -> row.contains("客户 #" + id) && row.contains("创建"))
                .anyMatch(row -> row.contains("工单 #") && row.contains("新建"));
        assertThat(browser.findElement(By.tagName("body")).getText()).as("labels, not codes")
                .doesNotContain("DECISION_MAKER", "POTENTIAL", "RUNNING", "wonAmount12m");
        chromium.screenshot("customer-360-zh");
        browser.executeScript("document.getElementById('timeline-card').scrollIntoView();");
        chromium.screenshot("customer-360-timeline-zh");

        browser.findElement(By.id("language")).click();
        wait.until(driver -> driver.findElement(By.id("tier")).getText().contains("Potential"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Customer 360");
        assertThat(texts(browser, "#contacts-table tbody tr")).anyMatch(row -> row.contains("Decision maker"));
        assertThat(texts(browser, "#tickets-table tbody tr")).singleElement().asString().contains("First response: Running");
        chromium.screenshot("customer-360-en");

        logIn(browser, wait, "bob", "/customers");
        chromium.consoleErrors();
        browser.get("http://localhost:" + port + "/customers/" + id);
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-status")).isEqualTo("404");
        assertThat(browser.findElement(By.id("not-found")).getText()).contains("没有找到这个客户 Customer not found",
                "没有这个客户，或它不是您的客户，您无权查看。\nThere is no such customer, or it is not yours to see.");
        assertThat(browser.getPageSource()).doesNotContain(name, "钱主任", "\"status\"");
        List<String> errors = chromium.consoleErrors();
        chromium.screenshot("customer-360-not-yours");
        assertThat(errors).as("no failed request, no script error").isEmpty();
        browser.findElement(By.linkText("查看您能看到的客户 See the customers you may see")).click();
        wait.until(driver -> driver.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
        assertThat(browser.getCurrentUrl()).endsWith("/customers");
    }

    private static List<String> texts(ChromeDriver browser, String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    /** A fresh session: the page sends a stranger to the login form, and back after it. */
    private void logIn(ChromeDriver browser, WebDriverWait wait, String user, String path) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> driver.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
    }
}
