package io.crmflow;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the real Camunda 7 Tasklist in the browser the way a person does: log in, pick a filter, open a task, claim
 * it, fill in its Camunda Form (form-js), complete it, read Tasklist's notifications. Every step waits explicitly
 * (Angular and form-js render asynchronously, and the machine may be busy); nothing sleeps.
 */
public final class Tasklist {

    private final WebDriver browser;
    private final int port;
    private final WebDriverWait wait;

    public Tasklist(WebDriver browser, int port) {
        this.browser = browser;
        this.port = port;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class);
    }

    public WebDriverWait await() {
        return wait;
    }

    private String url(String path) {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/" + path;
    }

    /**
     * Logs out whoever is logged in (by dropping the session cookies) and logs in as {@code user} (password = user id):
     * Tasklist sends a stranger to crmflow's sign-in page and, once signed in, back to Tasklist.
     */
    public void logIn(String user) {
        logOut();
        browser.get(url(""));
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn(browser, wait, user);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters .task-filter")));
    }

    /** Fills in and posts crmflow's sign-in page, which the browser shows now. */
    public static void signIn(WebDriver browser, WebDriverWait wait, String user) {
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.clear();
        name.sendKeys(user);
        WebElement password = browser.findElement(By.id("password"));
        password.clear();
        password.sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    /** Logs out: the one sign-in lives in the session cookie only. */
    public void logOut() {
        browser.manage().deleteAllCookies();
    }

    /** Reloads Tasklist (the task list of the filter shown), e.g. after the process has moved on. */
    public void reload() {
        browser.get(url("#/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters .task-filter")));
    }

    /** Selects the filter whose name contains {@code name}, e.g. "Approvals". */
    public void filter(String name) {
        click(By.xpath("//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]//a[contains(., '" + name + "')]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@class,'task-filter')][contains(@class,'active')]//h4[contains(., '" + name + "')]")));
    }

    /** Opens the task of the list shown whose name contains all of {@code texts}. */
    public void openTask(String... texts) {
        String matches = Arrays.stream(texts).map(text -> "contains(., '" + text + "')").collect(Collectors.joining(" and "));
        click(By.xpath("//*[contains(@class,'task')]//a[" + matches + "]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[contains(@class,'task-details')]//*[" + matches + "]")));
    }

    /** Claims the open task if it is not assigned yet (a candidate-group task); the form can be completed only then. */
    public void claimIfNeeded() {
        By claim = By.xpath("//*[contains(@class,'task-details')]//*[self::a or self::button]"
                + "[contains(normalize-space(.), 'Claim') and not(contains(., 'Unclaim'))]");
        if (browser.findElements(claim).stream().anyMatch(WebElement::isDisplayed)) {
            click(claim);
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']")));
        }
    }

    /** Waits until the form of the open task is rendered and shows {@code value} in one of its fields. */
    public void awaitFormShowing(String value) {
        wait.until(driver -> formValues().contains(value));
    }

    /** The values of the form's inputs and text areas, as shown. */
    public List<String> formValues() {
        return browser.findElements(By.cssSelector(".fjs-form input, .fjs-form textarea")).stream()
                .map(input -> input.getDomProperty("value")).toList();
    }

    /** Opens a form-js select and picks the option whose label contains {@code label}. */
    public void choose(String fieldId, String label) {
        click(By.xpath("//*[contains(@class,'fjs-form-field-select')][.//*[contains(@id,'" + fieldId + "')]]//*[contains(@class,'fjs-input-group')]"));
        click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., '" + label + "')]"));
    }

    /** Picks the option of a form-js radio group whose label contains {@code label}. */
    public void pick(String fieldId, String label) {
        By option = By.xpath("//*[contains(@class,'fjs-form-field-radio')][.//*[contains(@id,'" + fieldId + "')]]//label[contains(., '" + label + "')]//input");
        click(option);
        wait.until(driver -> driver.findElement(option).isSelected());
    }

    /** Types into the form's text field, text area or number field {@code fieldId}. */
    public void type(String fieldId, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[id$='" + fieldId + "'], textarea[id$='" + fieldId + "']")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.clear();
        field.sendKeys(text);
        wait.until(driver -> text.equals(field.getDomProperty("value")));
        // form-js takes a field's input into the form's data after a short debounce, or at once when the field loses
        // focus: leave the field, or a Complete clicked right away would submit the form without it.
        field.sendKeys(Keys.TAB);
    }

    /** The link of the form whose text is {@code text}, e.g. the customer page's, once it is shown. */
    public WebElement link(String text) {
        return wait.until(driver -> driver.findElement(By.xpath("//*[contains(@class,'fjs-form')]//a[normalize-space(.)='" + text + "']")));
    }

    /** Ticks the form-js checkbox {@code fieldId}. */
    public void check(String fieldId) {
        By box = By.cssSelector("input[type='checkbox'][id$='" + fieldId + "']");
        click(box);
        wait.until(driver -> driver.findElement(box).isSelected());
    }

    /** Whether the form currently shows field {@code fieldId}. */
    public boolean shows(String fieldId) {
        return browser.findElements(By.cssSelector("[id$='" + fieldId + "']")).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Clicks Tasklist's "Complete" (完成) button under the form, in whichever language Tasklist shows. */
    public void complete() {
        click(By.xpath("//button[normalize-space(.)='Complete' or normalize-space(.)='完成']"));
    }

    /** Waits for the error notification Tasklist shows when the engine refuses an action, and returns its text. */
    public String awaitError() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".page-notifications .alert-danger"))).getText();
    }

    /**
     * Clicks what {@code locator} finds as a person would: Tasklist's fixed footer can cover the lower part of the form
     * (so the element is brought to the middle first), and its notifications ("You are assigned to the following tasks
     * in the same process") can cover the Complete button (so they are closed first). Retried until the click lands.
     */
    private void click(By locator) {
        wait.until(driver -> {
            WebElement element = driver.findElement(locator);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            for (WebElement close : driver.findElements(By.cssSelector(".page-notifications .alert button.close"))) {
                if (close.isDisplayed()) {
                    close.click();
                }
            }
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
            return true;
        });
    }
}
