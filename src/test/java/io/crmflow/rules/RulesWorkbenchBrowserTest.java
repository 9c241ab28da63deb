package io.crmflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ChromiumIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * rui, the rules owner, works on the rules in Debian's headless Chromium (docs/product.md §15): sees the active version and its DMN
 * tables drawn by dmn-js, raises the WEBSITE points of {@code lead-score.dmn} in dmn-js' modeler, saves the table as a
 * candidate, replays it over the last 1000 leads and tickets with the progress shown, activates it with a note, sees new
 * leads scored by it, compares the new version with the old one row by row, looks at the calibration of the grades, and
 * rolls back. Screenshots in Chinese and English in {@code target/screenshots}. Runs with {@code ./mvnw verify -Pbrowser}.
 */
class RulesWorkbenchBrowserTest extends ChromiumIntegrationTest {

    /** The WEBSITE row of the source-points table, and its points column. */
    private static final By WEBSITE_POINTS = By.cssSelector("td[data-row-id='SourcePoints_Row3'][data-col-id='Table_SourcePoints_Output']");

    private JsonNode original;
    private WebDriverWait wait;

    @BeforeEach
    void rememberTheActiveVersion() {
        original = as("rui").getForObject("/api/rules", JsonNode.class).get("active");
        wait = new WebDriverWait(chromium.browser(), Duration.ofSeconds(60));
        // Tall enough for the whole workbench in one screenshot.
        chromium.browser().manage().window().setSize(new Dimension(1400, 2600));
        // The page is replaced while logging in and parts of it are redrawn: an element found a moment before may be gone.
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Other tests share this application and its rules: leave the version this test found active. */
    @AfterEach
    void restoreTheActiveVersion() {
        if (!as("rui").getForObject("/api/rules", JsonNode.class).get("active").get("id").equals(original.get("id"))) {
            as("rui").postForEntity("/api/rules/candidates/" + original.get("id").asText() + "/activate", null, String.class);
        }
    }

    @Test
    void ruiRaisesTheWebsitePointsReplaysActivatesAndRollsBack() throws IOException {
        List<Long> websiteLeads = List.of(submitScoredLead("WEBSITE"), submitScoredLead("WEBSITE"), submitScoredLead("WEBSITE"));
        assertThat(websiteLeads).allSatisfy(lead -> assertThat(leadScore(lead)).as("25 + 20 visits + 20 dwell").isEqualTo(65));
        submitTicket();
        ChromeDriver browser = chromium.browser();
        logIn(browser, "rui");

        assertThat(text("active-version")).isEqualTo("#" + original.get("id").asText() + " · " + original.get("version").asText());
        assertThat(browser.findElements(By.cssSelector("#active-files button")).stream().map(WebElement::getText).toList())
                .contains("lead-score.dmn", "lead-assignment.drl", "business-calendar.yaml");
        browser.findElement(By.cssSelector("#file-tabs button[data-name='lead-score.dmn']")).click();
        wait.until(driver -> "lead-score.dmn".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-shown-file")));
        WebElement websitePoints = wait.until(ExpectedConditions.visibilityOfElementLocated(WEBSITE_POINTS));
        assertThat(websitePoints.getText()).isEqualTo("25");
        assertThat(browser.findElement(By.id("dmn")).getText()).contains("\"REFERRAL\"", "\"WEBSITE\",\"PARTNER\"");
        assertThat(browser.findElements(By.cssSelector("#table-tabs button")).stream().map(WebElement::getText).toList())
                .as("one tab per decision table").contains("sourcePoints", "visitPoints", "dwellPoints", "leadGrade");
        chromium.screenshot("rules-active-zh");

        browser.findElement(By.cssSelector("#file-tabs button[data-name='lead-assignment.drl']")).click();
        wait.until(driver -> "lead-assignment.drl".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-shown-file")));
        assertThat(browser.findElements(By.cssSelector("#source .line-numbers-rows > span"))).as("a number per line").hasSizeGreaterThan(10);
        assertThat(browser.findElements(By.cssSelector("#source-code .token.keyword"))).as("highlighted").isNotEmpty();
        chromium.screenshot("rules-drl-zh");

        // Edit the WEBSITE points in dmn-js' modeler: 25 → 40 lifts the leads above from 65 (B) to 80 (A).
        browser.findElement(By.cssSelector("#file-tabs button[data-name='lead-score.dmn']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(WEBSITE_POINTS));
        browser.findElement(By.id("edit")).click();
        wait.until(driver -> "true".equals(driver.findElement(By.id("dmn")).getDomAttribute("data-editing")));
        wait.until(ExpectedConditions.elementToBeClickable(WEBSITE_POINTS)).click();
        // Typed into whatever dmn-js focused in the cell (its expression editor), as a person would.
        browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "a"), "40");
        wait.until(driver -> driver.findElement(WEBSITE_POINTS).getText().equals("40"));
        chromium.screenshot("rules-editing-zh");
        browser.findElement(By.id("save")).click();

        WebElement candidateCard = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("candidate-card")));
        long candidate = Long.parseLong(text("candidate-version").substring(1, text("candidate-version").indexOf(' ')));
        assertThat(candidate).isNotEqualTo(original.get("id").asLong());
        assertThat(as("rui").getForObject("/api/rules/candidates/" + candidate + "/files/lead-score.dmn", String.class))
                .as("the saved table has the new points").containsPattern("SourcePoints_Row3_Out\"[^>]*>\\s*<text>40</text>");
        assertThat(candidateCard.getText()).contains("候选");

        WebElement last = browser.findElement(By.id("last"));
        last.clear();
        last.sendKeys("1000");
        browser.findElement(By.id("replay")).click();
        wait.until(driver -> driver.findElement(By.id("replay-result")).getDomAttribute("data-replayed") != null);
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("#replaying .replay-progress")).getDomAttribute("data-decided")))
                .as("the page was told how far the replay had come").isPositive();
        WebElement gradeRow = browser.findElement(By.cssSelector("#summary-table tr[data-kind=lead][data-field=grade]"));
        List<String> gradeCells = gradeRow.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(gradeCells.get(0)).isEqualTo("线索");
        int replayed = Integer.parseInt(gradeCells.get(1));
        assertThat(replayed).as("the last 1000 leads, or all there are").isBetween(websiteLeads.size(), 1000);
        assertThat(gradeCells.get(2)).isEqualTo("等级");
        assertThat(Integer.parseInt(gradeCells.get(3))).as("at least the WEBSITE leads above").isGreaterThanOrEqualTo(websiteLeads.size());
        assertThat(browser.findElement(By.cssSelector("#summary-table tr[data-kind=ticket]")).getText()).startsWith("工单");
        @SuppressWarnings("unchecked")
        List<String> grades = (List<String>) browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('grade-chart')).getOption().xAxis[0].data;");
        assertThat(grades).contains("A", "B");
        @SuppressWarnings("unchecked")
        List<List<Long>> gradeBars = (List<List<Long>>) browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('grade-chart')).getOption().series.map(s => s.data);");
        int a = grades.indexOf("A");
        assertThat(gradeBars.get(1).get(a)).as("more A leads after than before").isGreaterThan(gradeBars.get(0).get(a));
        assertThat(browser.findElement(By.cssSelector("#priority-chart canvas")).getSize().getHeight()).isPositive();
        for (long lead : websiteLeads) {
            List<String> changes = browser.findElements(By.cssSelector("#changes-table a[href='/api/leads/" + lead + "']")).stream()
                    .map(link -> link.findElement(By.xpath("../..")).getText()).toList();
            assertThat(changes).as("each changed field of the lead, linking to it").contains("线索 " + lead + " 分数 65 80", "线索 " + lead + " 等级 B A");
        }
        chromium.screenshot("rules-replay-zh");

        browser.findElement(By.id("language")).click();
        wait.until(driver -> driver.findElement(By.tagName("h1")).getText().equals("Rules workbench"));
        wait.until(driver -> driver.findElement(By.cssSelector("#summary-table tr[data-kind=lead][data-field=grade]")).getText()
                .startsWith("Leads " + replayed + " Grade"));
        chromium.screenshot("rules-replay-en");

        // Activate: the confirmation repeats the replay summary and will not go on without a note.
        browser.findElement(By.id("activate")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-ok")));
        assertThat(browser.findElement(By.id("confirm-summary")).getText()).contains("Leads: " + replayed + " replayed", "Grade changed for");
        chromium.screenshot("rules-confirm-en");
        browser.findElement(By.id("confirm-ok")).click();
        assertThat(browser.findElement(By.id("confirm")).isDisplayed()).as("no note, no activation").isTrue();
        browser.findElement(By.id("confirm-note")).sendKeys("官网线索转化好 WEBSITE leads convert well");
        browser.findElement(By.id("confirm-ok")).click();
        wait.until(driver -> text("active-version").startsWith("#" + candidate + " "));
        assertThat(text("message")).isEqualTo("Version " + text("active-version") + " is active");
        assertThat(text("active-by")).isEqualTo("rui");
        assertThat(text("active-note")).isEqualTo("官网线索转化好 WEBSITE leads convert well");
        assertThat(browser.findElement(By.cssSelector("#history-table tbody tr")).getText())
                .contains("Activated", "rui", "lead-score.dmn changed", "官网线索转化好 WEBSITE leads convert well");
        chromium.screenshot("rules-activated-en");
        long scoredByTheNewTable = submitScoredLead("WEBSITE");
        assertThat(leadScore(scoredByTheNewTable)).isEqualTo(80);

        // What the activation changed, from the history: the WEBSITE row of the source points, cell by cell.
        browser.findElement(By.cssSelector("#history-table tbody tr[data-to='" + candidate + "'][data-action=ACTIVATE] button.compare")).click();
        WebElement changedRow = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#diff-result [data-file='lead-score.dmn'] [data-decision=sourcePoints] tr.rowChanged")));
        assertThat(changedRow.getDomAttribute("data-row")).isEqualTo("SourcePoints_Row3");
        assertThat(changedRow.getText()).contains("Row changed", "row 3", "来源得分 Source points: 25 → 40");
        assertThat(text("diff-result")).contains("From version #" + original.get("id").asText(), "lead-score.dmn changed",
                "Unchanged files:", "lead-assignment.drl");
        scrollTo("history-card");
        chromium.screenshot("rules-diff-en");

        // The calibration of the grades, asked for again: the lead just scored A is among those of the last 12 months.
        browser.findElement(By.id("calibrate")).click();
        // The table shown since the activation is replaced when the answer comes: wait for the new one's count of A leads.
        wait.ignoring(StaleElementReferenceException.class).until(driver -> driver.findElements(
                By.cssSelector("#calibration-table tr[data-grade=A] td:nth-child(2)")).stream().anyMatch(leads -> leads.getText().matches("[1-9][0-9]*")));
        assertThat(browser.findElement(By.cssSelector("#calibration-source-table tr[data-source=WEBSITE]")).getText()).startsWith("Website ");
        assertThat(text("calibration-hint")).startsWith("Leads created in the last 12 months")
                .contains("version " + text("active-version").substring(text("active-version").indexOf("· ") + 2) + " grades new leads");
        scrollTo("calibration-card");
        chromium.screenshot("rules-calibration-en");

        // Roll back, in Chinese this time.
        browser.findElement(By.id("language")).click();
        wait.until(driver -> driver.findElement(By.tagName("h1")).getText().equals("规则工作台"));
        browser.findElement(By.id("rollback")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-ok")));
        assertThat(text("confirm-title")).isEqualTo("回滚到版本 #" + original.get("id").asText() + " · " + original.get("version").asText() + "？");
        assertThat(browser.findElement(By.id("confirm-summary")).getText()).contains("线索：回放 ", "等级 变化");
        chromium.screenshot("rules-rollback-zh");
        browser.findElement(By.id("confirm-note")).sendKeys("先观察一周 Watch one more week");
        browser.findElement(By.id("confirm-ok")).click();
        wait.until(driver -> text("active-version").startsWith("#" + original.get("id").asText() + " "));
        assertThat(browser.findElement(By.cssSelector("#history-table tbody tr")).getText()).contains("回滚", "先观察一周 Watch one more week");
        chromium.screenshot("rules-rolled-back-zh");
        assertThat(text("diff-result")).as("the difference shown before, now in Chinese").contains("来源得分 Source points: 25 → 40", "已修改", "修改行");
        assertThat(browser.findElement(By.cssSelector("#calibration-source-table tr[data-source=WEBSITE]")).getText()).startsWith("官网 ");
        scrollTo("history-card");
        chromium.screenshot("rules-diff-calibration-zh");
        assertThat(leadScore(submitScoredLead("WEBSITE"))).isEqualTo(65);
    }

    @Test
    void aBrokenUploadIsShownAtFileAndLineAndNotStored(@TempDir Path folder) throws IOException {
        Path broken = Files.writeString(folder.resolve("broken-rule.drl"), """
                package io.crmflow.rules.broken;

                rule "no end"
                when
                    String( length > )
                then
                """);
        int versionsBefore = as("rui").getForObject("/api/rules", JsonNode.class).get("versions").size();
        ChromeDriver browser = chromium.browser();
        logIn(browser, "rui");

        browser.findElement(By.id("upload-files")).sendKeys(broken.toString());
        browser.findElement(By.id("upload")).click();

        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#problems-table tbody tr")));
        List<WebElement> cells = problem.findElements(By.tagName("td"));
        assertThat(cells.get(0).getText()).isEqualTo("broken-rule.drl");
        assertThat(Integer.parseInt(cells.get(1).getText())).isBetween(3, 7);
        assertThat(cells.get(2).getText()).isNotBlank();
        assertThat(text("message")).isEqualTo("候选版本未通过校验，未保存");
        assertThat(browser.findElement(By.id("candidate-card")).isDisplayed()).as("nothing to replay or activate").isFalse();
        assertThat(as("rui").getForObject("/api/rules", JsonNode.class).get("versions").size()).isEqualTo(versionsBefore);
        chromium.screenshot("rules-invalid-zh");
    }

    @Test
    void aSalesRepIsRefused() {
        ChromeDriver browser = chromium.browser();
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/rules");
        logInAt(browser, "alice");
        wait.until(driver -> driver.getPageSource().contains("403"));
        assertThat(browser.getPageSource()).contains("Only rules owners and administrators").doesNotContain("规则工作台");
    }

    /** A fresh session: the workbench sends a stranger to the login form, and back after it. */
    private void logIn(ChromeDriver browser, String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/rules");
        logInAt(browser, user);
        wait.until(driver -> driver.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
    }

    private void logInAt(ChromeDriver browser, String user) {
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void scrollTo(String id) {
        chromium.browser().executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private String text(String id) {
        return chromium.browser().findElement(By.id(id)).getText();
    }



    private void submitTicket() {
        long customer = jdbc.sql("select id from customer where name = ?").param("上海仁济医疗器械有限公司").query(Long.class).single();
        ResponseEntity<JsonNode> ticket = as("sam").postForEntity("/api/tickets", Map.of("customerId", customer, "severity", "HIGH",
                "channel", "EMAIL", "subject", unique("设备故障"), "description", "监护仪无法开机"), JsonNode.class);
        assertThat(ticket.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
}
