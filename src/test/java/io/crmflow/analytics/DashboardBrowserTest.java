package io.crmflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

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
        assertThat(browser.findElement(By.id("viewer")).getText()).contains("mia", "EAST", "SOUTH");

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
                .as("mia's regions' pools").hasSize(2).anyMatch(row -> row.startsWith("EAST")).anyMatch(row -> row.startsWith("SOUTH"));
        assertThat(browser.findElement(By.id("approvals-card")).isDisplayed()).as("a manager sees the approvals board").isTrue();
        chromium.screenshot("dashboard-funnel");

        browser.findElement(By.cssSelector("#funnel-table a.drill[data-stage=NEGOTIATION]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drilldown")));
        List<WebElement> rows = wait.until(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector("#drilldown-table tbody tr"));
            return found.size() == 5 ? found : null;
        });
        assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains(owner, "EAST"));
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
