package io.crmflow.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ChromiumIntegrationTest;
import io.crmflow.Tasklist;
import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import io.crmflow.notify.OutboxDispatcher;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front door (docs/product.md §16) in headless Chromium, in Chinese and in English: one sign-in, then the home page,
 * the dashboard, Tasklist and a customer page without signing in again; signing out (from Tasklist for mia, from the
 * home page for alice) shuts all of them. mia, a sales manager, sees the approvals panel; alice, a rep, does not.
 * Screenshots of every page in {@code target/screenshots/front-door-*}.
 */
class FrontDoorBrowserTest extends ChromiumIntegrationTest {

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    OutboxDispatcher dispatcher;

    private ChromeDriver browser;
    private WebDriverWait wait;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void miaSignsInOnceGoesEverywhereAndSigningOutOfTasklistShutsEverything() throws IOException {
        long customer = customerOf("alice", "EAST");
        tell("mia", "合同待审批 Contract awaiting your approval: HT-2026-0042", "经理审批 Manager approval: 380,000.00 CNY, by alice");
        for (String language : List.of("zh", "en")) {
            walkTheFrontDoor("mia", language, customer, "HT-2026-0042", true);

            // Camunda's own "Log out" ends the one session: crmflow's pages ask for a sign-in again too.
            browser.get(url("/camunda/app/tasklist/default/"));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account a.dropdown-toggle"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
            assertEverythingAsksForSignIn(customer, "front-door-mia-" + language);
        }
    }

    @Test
    void aliceARepSeesHerLinksNoApprovalsAndSigningOutOfTheHomePageShutsEverything() throws IOException {
        long customer = customerOf("alice", "EAST");
        tell("alice", "商机停滞 Opportunity idle: 苏州市立医院 监护仪", "14 天没有进展 No progress for 14 days");
        for (String language : List.of("zh", "en")) {
            walkTheFrontDoor("alice", language, customer, "苏州市立医院", false);

            browser.get(url("/"));
            wait.until(driver -> driver.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
            browser.findElement(By.id("logout")).click();
            assertEverythingAsksForSignIn(customer, "front-door-alice-" + language);
        }
    }

    /**
     * Signs in once, then home (the person's links and {@code notification} among their unread notifications), the
     * dashboard (with the approvals panel for managers only), Tasklist in {@code language} and the customer page.
     */
    private void walkTheFrontDoor(String user, String language, long customer, String notification, boolean approvals) throws IOException {
        String shot = "front-door-" + user + "-" + language;
        signIn(user, language, shot);
        assertThat(links()).contains("tasklist", "dashboard", "customers").doesNotContain("cockpit", "admin", "rules", "outbox");
        assertThat(browser.findElement(By.id("unread")).getText()).as("unread notifications").isNotBlank();
        assertThat(browser.findElement(By.id("notifications-table")).getText()).contains(notification);
        chromium.screenshot(shot + "-2-home");

        browser.findElement(By.cssSelector("a[data-link=dashboard]")).click();
        wait.until(ExpectedConditions.urlContains("/dashboard"));
        wait.until(driver -> driver.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
        assertThat(browser.findElement(By.id("approvals-card")).isDisplayed()).as("approvals panel of %s", user).isEqualTo(approvals);
        chromium.screenshot(shot + "-3-dashboard");

        browser.get(url("/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-link=tasklist]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters .task-filter")));
        assertThat(browser.getCurrentUrl()).as("no second sign-in").contains("/camunda/app/tasklist");
        wait.until(driver -> driver.getPageSource().contains(language.equals("zh") ? "启动流程" : "Start process"));
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
                .as("no Camunda 8 banner").isTrue();
        assertThat(browser.executeScript("return getComputedStyle(document.querySelector('.page-notifications')).left;"))
                .as("Tasklist's messages bottom left, clear of the Complete button").isEqualTo("20px");
        chromium.screenshot(shot + "-4-tasklist");

        browser.get(url("/customers/" + customer));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile")));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
        chromium.screenshot(shot + "-5-customer");
    }

    @Test
    void anAdministratorFindsCockpitAdminRulesAndTheOutbox() throws IOException {
        signIn("admin", "en", "front-door-admin-en");
        assertThat(links()).contains("tasklist", "cockpit", "admin", "dashboard", "customers", "rules", "outbox");
        chromium.screenshot("front-door-admin-en-2-home");
        // A mail nobody could deliver yet: no SMTP server listens in this test.
        transaction.executeWithoutResult(status -> notifications.send(new Notification(Channel.EMAIL, "fiona@crmflow.example",
                "回款逾期 Payment overdue: HT-2026-0007", "第 2 期 120,000.00 CNY 已逾期 3 天", unique("front-door"))));
        dispatcher.dispatchDue();
        browser.findElement(By.cssSelector("a[data-link=outbox]")).click();
        wait.until(driver -> driver.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
        assertThat(browser.findElement(By.id("counts")).getText()).contains("Pending", "Failed", "Sent");
        WebElement undelivered = browser.findElement(By.xpath("//tr[contains(., 'HT-2026-0007')]"));
        assertThat(undelivered.findElement(By.cssSelector("td.error")).getText()).as("the last error").isNotBlank();
        assertThat(undelivered.findElements(By.cssSelector("button.retry"))).hasSize(1);
        chromium.screenshot("front-door-admin-en-3-outbox");
        browser.findElement(By.id("language")).click();
        assertThat(browser.findElement(By.id("counts")).getText()).contains("待发送", "失败", "已发送");
        chromium.screenshot("front-door-admin-zh-3-outbox");
        browser.get(url("/camunda/app/welcome/default/"));
        WebElement home = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[@href='/'][contains(., 'crmflow')]")));
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
                .as("no Camunda 8 banner").isTrue();
        chromium.screenshot("front-door-admin-4-camunda-welcome");
        home.click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
    }

    /** A fresh browser session in {@code language}: any page sends a stranger to the one sign-in page, then home. */
    private void signIn(String user, String language, String shot) throws IOException {
        browser = chromium.browser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.executeScript("localStorage.setItem('crmflow.language', arguments[0]);", language);
        browser.navigate().refresh();
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main.sign-in h2")));
        assertThat(title.getText()).isEqualTo(language.equals("zh") ? "登录" : "Sign in");
        assertThat(browser.executeScript("return getComputedStyle(document.querySelector('header')).backgroundColor;"))
                .as("styled like crmflow's pages").isEqualTo("rgb(31, 58, 95)");
        chromium.screenshot(shot + "-1-sign-in");
        Tasklist.signIn(browser, wait, user);
        // Back to the page asked for (Spring Security marks the way back with "?continue").
        wait.until(ExpectedConditions.urlMatches("^" + Pattern.quote(url("/")) + "(\\?continue)?$"));
        wait.until(driver -> driver.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
        assertThat(browser.findElement(By.cssSelector("header h1")).getText()).isEqualTo(language.equals("zh") ? "首页" : "Home");
    }

    private List<String> links() {
        return browser.findElements(By.cssSelector("#links a")).stream().map(link -> link.getDomAttribute("data-link")).toList();
    }




    private void assertEverythingAsksForSignIn(long customer, String shot) throws IOException {
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        chromium.screenshot(shot + "-6-signed-out");
        for (String path : List.of("/", "/dashboard", "/camunda/app/tasklist/default/", "/customers/" + customer)) {
            browser.get(url(path));
            wait.until(ExpectedConditions.urlContains("/login"));
            assertThat(browser.findElements(By.id("username"))).as("signed out: %s asks for a sign-in", path).isNotEmpty();
        }
    }

    private long customerOf(String owner, String region) {
        JsonNode customer = as(owner).postForObject("/api/customers", Map.of("name", unique("常州第一人民医院"), "region", region,
                "industry", "HOSPITAL"), JsonNode.class);
        return customer.get("id").asLong();
    }

    private void tell(String user, String subject, String body) {
        transaction.executeWithoutResult(status -> notifications.send(new Notification(Channel.IM, user, subject, body, unique("front-door"))));
    }
}
