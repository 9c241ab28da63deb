package io.crmflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * mia opens the managers' dashboard in Debian's headless Chromium: logs in, narrows it to one rep, sees the funnel
 * drawn by ECharts with the imported numbers, clicks a stage and sees the opportunities behind it. Screenshots in
 * {@code target/screenshots}. Runs with {@code ./mvnw verify -Pbrowser}.
 */
class DashboardBrowserTest extends ChromiumIntegrationTest {

    @Test
    void miaSeesTheFunnelOfHerRepAndTheOpportunitiesBehindAStage() throws IOException {
        String owner = "dash-" + unique("rep").substring(4);
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv; charset=UTF-8"));
        assertThat(as("admin").postForEntity("/api/import/opportunities",
                new HttpEntity<>(HistoryCsv.funnel(owner, "EAST", LocalDate.of(2025, 6, 2), 50, 20, 10, 5, 3), csv), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        ChromeDriver browser = chromium.browser();
        // The page is replaced while logging in: an element found a moment before may be gone; look again.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);

        logIn(browser, wait, "mia");
        assertThat(browser.findElement(By.id("viewer")).getText()).as("people by name, regions by label").contains("Mia Chen", "华东", "华南");

        String loaded = browser.findElement(By.tagName("body")).getDomAttribute("data-loaded");
        browser.findElement(By.id("owner")).sendKeys(owner);
        browser.findElement(By.id("apply")).click();
        wait.until(driver -> !loaded.equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

        @SuppressWarnings("unchecked")
        List<Long> drawn = (List<Long>) browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('funnel-chart')).getOption().series[0].data.map(d => d.value);");
        assertThat(drawn).containsExactly(50L, 20L, 10L, 5L, 3L);
        assertThat(browser.findElements(By.cssSelector("#funnel-table tbody tr")).stream().map(row -> row.findElements(By.tagName("td")).get(3)
                .getText()).toList()).containsExactly("40.0 %", "50.0 %", "50.0 %", "60.0 %", "–");
        assertThat(browser.findElement(By.cssSelector("#funnel-chart canvas")).getSize().getHeight()).isPositive();
        @SuppressWarnings("unchecked")
        List<List<Number>> dwell = (List<List<Number>>) browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('dwell-chart')).getOption().series[0].data;");
        assertThat(dwell).as("one rep × four stages, INITIAL_CONTACT averaging 2.4 days").hasSize(4)
                .anySatisfy(cell -> assertThat(cell).containsExactly(0L, 0L, 2.4));
        assertThat(browser.findElements(By.cssSelector("#pool-table tbody tr")).stream().map(WebElement::getText).toList())
                .as("mia's regions' pools").hasSize(2).anyMatch(row -> row.startsWith("华东")).anyMatch(row -> row.startsWith("华南"));
        assertThat(browser.findElement(By.id("approvals-card")).isDisplayed()).as("a manager sees the approvals board").isTrue();
        chromium.screenshot("dashboard-funnel");

        browser.findElement(By.cssSelector("#funnel-table a.drill[data-stage=NEGOTIATION]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drilldown")));
        List<WebElement> rows = wait.until(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector("#drilldown-table tbody tr"));
            return found.size() == 5 ? found : null;
        });
        assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains(owner, "华东", "¥10,000.00"));
        assertThat(rows.stream().filter(row -> row.getText().contains("赢单")).count()).as("3 of the 5 were won").isEqualTo(3);
        chromium.screenshot("dashboard-drilldown");

        browser.findElement(By.id("language")).click();
        wait.until(driver -> driver.findElement(By.tagName("h1")).getText().equals("Sales dashboard"));
        assertThat(browser.findElement(By.cssSelector("#funnel-table tbody tr")).getText()).startsWith("Initial contact");
        chromium.screenshot("dashboard-english");
    }

    @Test
    void markupInARecordIsShownAsTextAndNeverRuns() throws IOException {
        String owner = "xss-" + unique("rep").substring(4);
        String csv = HistoryCsv.HEADER + owner + "-1,<img src=x onerror=window.__xss=1>监护仪,<script>window.__xss=2</script>医院," + owner
                + ",EAST,1000.00,,2025-07-01,,,,2025-07-03,LOST,PRICE\n";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv; charset=UTF-8"));
        assertThat(as("admin").postForEntity("/api/import/opportunities", new HttpEntity<>(csv, headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ChromeDriver browser = chromium.browser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        logIn(browser, wait, "mia");

        String loaded = browser.findElement(By.tagName("body")).getDomAttribute("data-loaded");
        browser.findElement(By.id("owner")).sendKeys(owner);
        browser.findElement(By.id("apply")).click();
        wait.until(driver -> !loaded.equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        browser.findElement(By.cssSelector("#funnel-table a.drill[data-stage=INITIAL_CONTACT]")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#drilldown-table tbody tr")));

        assertThat(row.getText()).contains("<img src=x onerror=window.__xss=1>监护仪", "<script>window.__xss=2</script>医院");
        assertThat(browser.findElements(By.cssSelector("#drilldown-table img, #drilldown-table script"))).isEmpty();
        assertThat(browser.executeScript("return window.__xss === undefined;")).isEqualTo(true);
        chromium.screenshot("dashboard-markup-as-text");

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        browser.get("http://localhost:" + port + "/dashboard");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElements(By.id("username"))).as("logged out: the dashboard asks for a login again").isNotEmpty();
    }

    @Test
    void theGmSeesEveryPanelWithLabelsAmountsAndNamesInBothLanguages() throws IOException {
        // frank's won history (a person with a name), a trade-show lead and a ticket, so that every panel has rows.
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv; charset=UTF-8"));
        assertThat(as("admin").postForEntity("/api/import/opportunities",
                new HttpEntity<>(HistoryCsv.funnel("frank", "EAST", LocalDate.of(2025, 3, 3), 20, 8, 4, 3, 2).replace("frank-", unique("fz")),
                        csv), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        submitScoredLead("TRADE_SHOW");
        long customer = as("sam").getForObject("/api/customers?size=1", JsonNode.class).get("items").get(0).get("id").asLong();
        assertThat(as("sam").postForEntity("/api/tickets", Map.of("customerId", customer, "severity", "HIGH", "channel", "PHONE",
                "subject", "看板测试 Dashboard test", "description", "监护仪报警"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ChromeDriver browser = chromium.browser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);

        logIn(browser, wait, "grace");
        for (String card : List.of("sla-card", "sources-card", "quality-card", "rfm-card", "churn-card", "approvals-card", "pool-card")) {
            assertThat(browser.findElement(By.id(card)).isDisplayed()).as(card + " is shown to the GM").isTrue();
        }
        assertThat(texts(browser, "#region option")).as("the GM may filter by every region").containsExactly("全部", "华东", "华南", "华北", "西南");
        assertThat(texts(browser, "#sources-table tbody td:first-child")).contains("展会").noneMatch(text -> text.matches("[A-Z_]+"));
        assertThat(texts(browser, "#sla-table tbody td:first-child")).isNotEmpty().allMatch(text -> text.matches("P[1-4] \\S+"));
        assertThat(texts(browser, "#quality-list li")).hasSize(3);
        assertThat(texts(browser, "#loss-reasons li")).isNotEmpty().noneMatch(text -> text.matches("[A-Z_]+: \\d+"));
        assertNoOverflow(browser);
        screenshots(browser, "dashboard-gm-zh");

        browser.findElement(By.id("owner")).sendKeys("frank");
        reload(browser, wait, () -> browser.findElement(By.id("apply")).click());
        @SuppressWarnings("unchecked")
        List<String> leaders = (List<String>) browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('leaderboard-chart')).getOption().yAxis[0].data;");
        assertThat(leaders).as("people by name").containsExactly("Frank Zhou");

        reload(browser, wait, () -> browser.findElement(By.id("language")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sales dashboard");
        assertThat(texts(browser, "#region option")).containsExactly("All", "East", "South", "North", "Southwest");
        assertThat(browser.findElement(By.id("sources-card")).getText()).contains("Lead sources");
        assertNoOverflow(browser);
        screenshots(browser, "dashboard-gm-en");
        browser.findElement(By.id("language")).click();
    }

    @Test
    void aRepSeesHerOwnNumbersWithoutTheApprovalsPanelAndARefusedFilterClearsTheCharts() throws IOException {
        ChromeDriver browser = chromium.browser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        chromium.consoleErrors();

        logIn(browser, wait, "alice");
        assertThat(browser.findElement(By.id("approvals-card")).isDisplayed()).as("approvals are for managers").isFalse();
        assertThat(browser.findElement(By.id("sla-card")).isDisplayed()).as("service numbers are the support desk's").isFalse();
        assertThat(texts(browser, "#region option")).as("alice works in EAST only").containsExactly("全部", "华东");
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
        // The sign-in page is not the dashboard's: only what the dashboard logged counts here.
        assertThat(chromium.consoleErrors()).as("no refused request in the console").noneMatch(line -> !line.contains("/login"));
        screenshots(browser, "dashboard-rep-zh");

        browser.findElement(By.id("owner")).sendKeys("bob");
        reload(browser, wait, () -> browser.findElement(By.id("apply")).click());
        assertThat(browser.findElement(By.id("message")).getText()).contains("无权查看");
        assertThat(browser.findElements(By.cssSelector("#funnel-table tbody tr, #sources-table tbody tr"))).as("no stale rows").isEmpty();
        assertThat(browser.executeScript("const o = echarts.getInstanceByDom(document.getElementById('funnel-chart')).getOption();"
                + " return !o || !o.series || o.series.length === 0;")).as("the funnel chart is cleared").isEqualTo(true);
        chromium.screenshot("dashboard-rep-refused");
    }

    private static List<String> texts(ChromeDriver browser, String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(element -> element.getDomProperty("textContent").trim()).toList();
    }

    /** Clicks and waits until the page has drawn again. */
    private static void reload(ChromeDriver browser, WebDriverWait wait, Runnable action) {
        String loaded = browser.findElement(By.tagName("body")).getDomAttribute("data-loaded");
        action.run();
        wait.until(driver -> !loaded.equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    /** No table sticks out of its card, in either language (the card scrolls a table that is too wide). */
    private static void assertNoOverflow(ChromeDriver browser) {
        assertThat(browser.executeScript("return [...document.querySelectorAll('.card')].filter(card => !card.hidden"
                + " && card.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(card => card.id);"))
                .as("cards inside the page").isEqualTo(List.of());
    }

    /** The whole page, a screen at a time from the top. */
    private static void screenshots(ChromeDriver browser, String name) throws IOException {
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        long screen = (Long) browser.executeScript("return window.innerHeight;");
        for (int part = 0; part * screen < height; part++) {
            browser.executeScript("window.scrollTo(0, arguments[0]);", part * screen);
            chromium.screenshot(name + "-" + (part + 1));
        }
        browser.executeScript("window.scrollTo(0, 0);");
    }

    /** A fresh session: the dashboard sends a stranger to its login form. */
    private void logIn(ChromeDriver browser, WebDriverWait wait, String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/dashboard");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> driver.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
    }
}
