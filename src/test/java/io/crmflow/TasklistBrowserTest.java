package io.crmflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sales staff work their tasks in the real Tasklist, in Debian's headless Chromium: log in, find the task in
 * "My tasks", see the record's data in the Camunda Form from {@code forms/}, fill it in, complete it, and the process
 * moves on. Runs with {@code ./mvnw verify -Pbrowser}.
 */
class TasklistBrowserTest extends IntegrationTest {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** A picture of the page after each test, to see what the browser saw when one fails. */
    @AfterEach
    void screenshot(TestInfo test) throws IOException {
        chromium.screenshot(test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void repCompletesTheContactFormInTasklist() {
        String company = unique("杭州邵逸夫医院");
        JsonNode lead = as("mia").postForObject("/api/leads", Map.of("name", "李娜", "company", company,
                "email", company + "@example.cn", "phone", uniquePhone(), "source", "REFERRAL", "region", "EAST",
                "industry", "HOSPITAL", "productLine", "DEVICES", "visits30d", 12, "dwellSeconds", 640), JsonNode.class);
        String owner = lead.get("owner").asText();
        WebDriverWait wait = openTaskInTasklist(owner, company);

        wait.until(driver -> formInputs().stream().anyMatch(input -> company.equals(input.getDomProperty("value"))));
        assertThat(formInputs()).extracting(input -> input.getDomProperty("value"))
                .contains("李娜", "REFERRAL", "EAST", "A", lead.get("phone").asText());

        choose(wait, "Field_contactChannel", "Phone");
        browser.findElement(By.cssSelector(".fjs-form-field-textarea textarea")).sendKeys("电话沟通，客户下周二可以演示");
        complete(wait);

        String processInstanceId = lead.get("processInstanceId").asText();
        wait.until(driver -> "Task_QualifyLead".equals(currentTask(owner, processInstanceId)));
        JsonNode contacted = as(owner).getForObject("/api/leads/" + lead.get("id").asText() + "/timeline", JsonNode.class);
        assertThat(contacted.findValuesAsText("detail")).anyMatch(detail -> detail.contains("PHONE: 电话沟通，客户下周二可以演示"));
    }

    @Test
    void ownerMovesAnOpportunityToTheNextStageWithItsExitNeeds() {
        String name = unique("广州中山医院 监护仪");
        JsonNode opportunity = as("mia").postForObject("/api/opportunities", Map.of("name", name, "company", "广州中山医院",
                "region", "SOUTH", "productLine", "DEVICES", "owner", "chen"), JsonNode.class);
        WebDriverWait wait = openTaskInTasklist("chen", name);

        wait.until(driver -> formInputs().stream().anyMatch(input -> name.equals(input.getDomProperty("value"))));
        assertThat(formInputs()).extracting(input -> input.getDomProperty("value"))
                .contains("初步接洽 Initial contact", "10", "联系人 Contact person; 首次会面记录 First meeting note");
        choose(wait, "Field_targetStage", "NEEDS_CONFIRMED");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[id$='Field_contactPerson']"))).sendKeys("陈主任");
        browser.findElement(By.cssSelector("textarea[id$='Field_firstMeetingNote']")).sendKeys("设备科陈主任，明年预算已批");
        assertThat(browser.findElements(By.cssSelector("[id$='Field_lossReason']"))).as("loss reason only for LOST").isEmpty();
        complete(wait);

        String path = "/api/opportunities/" + opportunity.get("id").asLong();
        wait.until(driver -> "NEEDS_CONFIRMED".equals(as("chen").getForObject(path, JsonNode.class).get("stage").asText()));
        assertThat(as("chen").getForObject(path, JsonNode.class).get("contactPerson").asText()).isEqualTo("陈主任");
    }

    /** Logs in afresh as {@code user} and opens the task whose name contains {@code text} from "My tasks". */
    private WebDriverWait openTaskInTasklist(String user, String text) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class).ignoring(ElementNotInteractableException.class);
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/login");
        // The login form is rendered by Angular and can be re-rendered while typing on a busy machine: type until both
        // fields hold what was typed, then log in.
        wait.until(driver -> {
            WebElement name = driver.findElement(By.cssSelector("form input[type='text']"));
            WebElement password = driver.findElement(By.cssSelector("form input[type='password']"));
            name.clear();
            name.sendKeys(user);
            password.clear();
            password.sendKeys(user);
            return user.equals(name.getDomProperty("value")) && user.equals(password.getDomProperty("value"));
        });
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'task')]//a[contains(., '" + text + "')]")))
                .click();
        return wait;
    }

    /** Opens a form-js select and picks the option whose label contains {@code label}. */
    private static void choose(WebDriverWait wait, String fieldId, String label) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@class,'fjs-form-field-select')][.//*[contains(@id,'" + fieldId + "')]]//*[contains(@class,'fjs-input-group')]"))));
        click(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., '" + label + "')]"))));
    }

    private static void complete(WebDriverWait wait) {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))));
    }

    /** Tasklist's fixed footer can cover the lower part of the form: bring the element to the middle first. */
    private static void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private List<WebElement> formInputs() {
        return browser.findElements(By.cssSelector(".fjs-form input"));
    }

    private String currentTask(String user, String processInstanceId) {
        JsonNode tasks = as(user).getForObject("/engine-rest/task?processInstanceId=" + processInstanceId, JsonNode.class);
        return tasks.isEmpty() ? null : tasks.get(0).get("taskDefinitionKey").asText();
    }
}
