package com.iusign.platform.app.ui;

import com.iusign.platform.security.SuperAdminAccounts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * Headless Debian Chromium driven through Debian's chromedriver: nothing downloads a browser.
 * Background networking is off because this machine's network is closed.
 *
 * <p>A JUnit extension that owns the browser of each test: a test class declares
 * {@code @RegisterExtension final BrowserSession browser = new BrowserSession();} and uses it;
 * the browser starts on first use, against the test's running server ({@code local.server.port}
 * of its Spring context), and is closed after the test whatever its outcome.
 */
final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String SUPERADMIN_PASSWORD = "browser test password 7";

    private @Nullable WebDriver driver;
    private @Nullable String baseUrl;

    @Override
    public void beforeEach(ExtensionContext context) {
        baseUrl = "http://localhost:" + SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /**
     * Signs in as a new SuperAdmin (created for this test, so tests never share a session or a
     * lockout) at {@code path}, and returns its e-mail.
     */
    String signInAsNewSuperAdmin(SuperAdminAccounts accounts, String path) {
        String email = accounts.create("browser-" + UUID.randomUUID() + "@iusign.test", SUPERADMIN_PASSWORD).email();
        open(path);
        signIn(email, SUPERADMIN_PASSWORD);
        return email;
    }

    private static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--window-size=1400,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    void open(String path) {
        driver().get(baseUrl + path);
    }

    /** Types the e-mail and password into the Vaadin login form (replacing what is there) and submits with Enter. */
    void signIn(String email, String password) {
        WebElement username = visible(By.cssSelector("vaadin-login-form input[name='username']"));
        username.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), email);
        WebElement passwordField = visible(By.cssSelector("vaadin-login-form input[name='password']"));
        passwordField.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), password,
                org.openqa.selenium.Keys.ENTER);
    }

    WebDriver driver() {
        if (baseUrl == null) {
            throw new IllegalStateException("Register the browser with @RegisterExtension in a @SpringBootTest with a web server");
        }
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        // Vaadin re-renders parts of the page after each action: an element read mid-render is simply read again.
        return new WebDriverWait(driver(), Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement visible(By locator) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the page's visible text contains {@code text}, the way a person reads it. */
    void waitForText(String text) {
        waitFor(webDriver -> pageText().contains(text));
    }

    String pageText() {
        Object text = ((org.openqa.selenium.JavascriptExecutor) driver()).executeScript("""
                const collect = (root) => {
                  let out = '';
                  for (const node of root.querySelectorAll('*')) {
                    if (node.shadowRoot) out += ' ' + collect(node.shadowRoot);
                  }
                  return (root.innerText || root.textContent || '') + out;
                };
                return document.body.innerText + ' ' + collect(document.body);""");
        return text == null ? "" : text.toString();
    }

    /** Scrolls the element to the middle of the window and clicks it (a long tab puts buttons below the fold). */
    void click(By locator) {
        WebElement element = visible(locator);
        ((org.openqa.selenium.JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Replaces the value of the Vaadin text field, text area or e-mail field with id {@code fieldId}. */
    void type(String fieldId, String text) {
        WebElement input = visible(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
    }

    /** Ends the browser's session (all cookies gone), as a second person at the same machine would start. */
    void signOut() {
        driver().manage().deleteAllCookies();
    }

    /**
     * Runs Deque's axe-core in this browser on the page as it is and returns every critical or
     * serious violation as "rule (impact): node, node" — empty when the page passes.
     */
    java.util.List<String> seriousAccessibilityViolations() {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder().analyze(driver());
        return results.getViolations().stream().filter(rule -> "critical".equals(rule.getImpact()) || "serious".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream().limit(5)
                        .map(node -> node.getTarget() + " — " + String.valueOf(node.getFailureSummary()).replace('\n', ' '))
                        .collect(java.util.stream.Collectors.joining(", ")))
                .toList();
    }

    /** Switches the page's preferred colour scheme (the console follows it: light and dark), as the OS setting would. */
    void colorScheme(String scheme) {
        ((org.openqa.selenium.chromium.HasCdp) driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                java.util.Map.of("features", java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        File shot = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
