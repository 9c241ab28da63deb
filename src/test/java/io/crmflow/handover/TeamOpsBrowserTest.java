package io.crmflow.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ChromiumIntegrationTest;
import io.crmflow.Tasklist;
import io.crmflow.team.SalesTeam;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Team operations in the browser (docs/product.md §14): the handover's preview and confirmation in the real Tasklist, and the
 * dashboard's panel of today's stand-ins in both languages. Screenshots in {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamOpsBrowserTest extends ChromiumIntegrationTest {

    @Autowired
    IdentityService identity;

    @Autowired
    SalesTeam team;

    @Test
    @Order(2)
    void miaPreviewsAndConfirmsAHandoverInTasklistAndBobFindsTheLeadsTask() throws IOException {
        String leaver = unique("leaver").toLowerCase();
        LeavingRep.create(identity, team, leaver);
        String company = unique("交接浏览器医院");
        long lead = LeavingRep.leadDispatchedTo(as("mia"), leaver, company);
        ResponseEntity<JsonNode> started = as("mia").postForEntity("/api/handovers", Map.of("rep", leaver), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Tasklist tasklist = new Tasklist(chromium.browser(), port);

        tasklist.logIn("mia");
        tasklist.openTask("确认交接", leaver);
        tasklist.await().until(driver -> String.join("\n", tasklist.formValues()).contains("lead:" + lead + "  " + company + " (EAST)  → ?"));
        chromium.screenshot("handover-preview");
        tasklist.type("Field_defaultSuccessor", "bob");
        tasklist.check("Field_confirmed");
        chromium.screenshot("handover-confirm");
        tasklist.complete();
        tasklist.await().until(driver -> as("mia").getForEntity("/api/handovers/" + started.getBody().get("processInstanceId").asText(),
                String.class).getStatusCode() == HttpStatus.NOT_FOUND);

        tasklist.logIn("bob");
        tasklist.openTask(company);
        chromium.screenshot("handover-successor-task");
        assertThat(jdbc.sql("select owner_id from leads where id = ?").param(lead).query(String.class).single()).isEqualTo("bob");
    }

    /** First, on a fresh browser: the dashboard's login is its own, apart from Tasklist's session. */
    @Test
    @Order(1)
    void theDashboardListsTodaysStandInsPerRegion() throws IOException {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        ResponseEntity<JsonNode> absence = as("dana").postForEntity("/api/team/dana/absences", Map.of("from", today, "to", today), JsonNode.class);
        assertThat(absence.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        try {
            ChromeDriver browser = chromium.browser();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
            browser.manage().deleteAllCookies();
            browser.get("http://localhost:" + port + "/dashboard");
            wait.until(ExpectedConditions.urlContains("/login"));
            browser.findElement(By.id("username")).sendKeys("noah");
            browser.findElement(By.id("password")).sendKeys("noah");
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            wait.until(driver -> driver.findElement(By.id("stand-ins-table")).getText().contains("dana"));
            assertThat(browser.findElement(By.id("stand-ins-table")).getText()).contains("NORTH", "dana", "外出", "（其经理）");
            browser.executeScript("document.getElementById('stand-ins-card').scrollIntoView({block: 'center'});");
            chromium.screenshot("dashboard-stand-ins");
            browser.findElement(By.id("language")).click();
            wait.until(driver -> driver.findElement(By.id("stand-ins-table")).getText().contains("Out of office"));
            assertThat(browser.findElement(By.cssSelector("#stand-ins-card h2")).getText()).isEqualTo("Stand-ins today");
            browser.executeScript("document.getElementById('stand-ins-card').scrollIntoView({block: 'center'});");
            chromium.screenshot("dashboard-stand-ins-english");
            browser.findElement(By.id("language")).click();
        } finally {
            as("dana").delete("/api/team/dana/absences/" + absence.getBody().get("id").asLong());
        }
    }
}
