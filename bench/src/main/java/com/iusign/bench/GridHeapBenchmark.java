package com.iusign.bench;

import com.iusign.platform.security.SuperAdminAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Live heap a SuperAdmin UI session holds for the Tenants grid over N synthetic tenants
 * (default 1,000,000). K headless Chromium sessions sign in; the heap after a full GC is read
 * with all K parked on the Platform view (no manifest grid), then with all K on the Tenants grid
 * scrolled to row {@code depth} (default 20,000), then back on Platform. Grid heap per session =
 * (grid − platform) / K, side by side in one JVM.
 */
public final class GridHeapBenchmark {

    private static final String PASSWORD = "grid heap benchmark 1";

    public static void main(String[] args) throws Exception {
        int tenants = Integer.getInteger("tenants", 1_000_000);
        int sessions = Integer.getInteger("sessions", 3);
        int depth = Integer.getInteger("depth", 20_000);
        ConfigurableApplicationContext app = BenchApp.start("--vaadin.devmode.devTools.enabled=false");
        List<WebDriver> browsers = new ArrayList<>();
        try {
            SyntheticTenants.load(app, tenants);
            String email = "heap-bench@iusign.test";
            app.getBean(SuperAdminAccounts.class).create(email, PASSWORD);
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            long empty = liveHeap();
            // One session first walks the whole path, so caches that fill once per JVM (statement caches,
            // class data, Vaadin's templates) are warm before the measured sessions start.
            WebDriver warmUp = chromium();
            browsers.add(warmUp);
            warmUp.get(base + "/platform");
            signIn(warmUp, email);
            waitFor(warmUp, "return !!document.getElementById('api-clients-grid')");
            warmUp.get(base + "/");
            waitFor(warmUp, "const g = document.getElementById('tenants-grid'); return !!g && g.size > 0 && !g.hasAttribute('loading')");
            scroll(warmUp, depth);
            warmUp.get(base + "/platform");
            waitFor(warmUp, "return !!document.getElementById('api-clients-grid')");
            long warm = liveHeap();
            for (int i = 0; i < sessions; i++) {
                WebDriver browser = chromium();
                browsers.add(browser);
                browser.get(base + "/platform");
                signIn(browser, email);
                waitFor(browser, "return !!document.getElementById('api-clients-grid')");
            }
            long platform = liveHeap();
            List<Integer> reached = new ArrayList<>();
            for (WebDriver browser : browsers.subList(1, browsers.size())) {
                browser.get(base + "/");
                waitFor(browser, "const g = document.getElementById('tenants-grid'); return !!g && g.size > 0 && !g.hasAttribute('loading')");
                reached.add(scroll(browser, depth));
            }
            long grid = liveHeap();
            if (Boolean.getBoolean("histogram")) {
                System.out.println(histogram());
            }
            for (WebDriver browser : browsers.subList(1, browsers.size())) {
                browser.get(base + "/platform");
                waitFor(browser, "return !!document.getElementById('api-clients-grid')");
            }
            long platformAgain = liveHeap();
            double perSession = (grid - (platform + platformAgain) / 2.0) / sessions;
            String report = String.format("""

                    | measure (%,d tenants, %d sessions, grid scrolled to row %s) | live heap after full GC |
                    |---|---|
                    | app, no UI session | %,.1f MB |
                    | after one warm-up session walked the same path | %,.1f MB |
                    | %d sessions on the Platform view | %,.1f MB |
                    | %d sessions on the Tenants grid, scrolled | %,.1f MB |
                    | %d sessions back on the Platform view | %,.1f MB |
                    | **grid heap per session** ((grid − mean platform) / %d) | **%,.0f KB** (goal ≤ 1,024 KB) |
                    | whole UI session on the Platform view (platform − warm) / %d | %,.0f KB |
                    """, tenants, sessions, reached, mb(empty), mb(warm), sessions, mb(platform), sessions, mb(grid), sessions, mb(platformAgain),
                    sessions, perSession / 1024, sessions, (platform - warm) / 1024.0 / sessions);
            BenchApp.report("grid-heap-benchmark.md", report);
        } finally {
            browsers.forEach(WebDriver::quit);
            app.close();
        }
    }

    /** Scrolls to the grid's current end until row {@code depth} is rendered; the size estimate grows as it goes. */
    private static int scroll(WebDriver browser, int depth) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (int step = 0; step < 10_000; step++) {
            long size = (Long) js.executeScript("const g = document.getElementById('tenants-grid');"
                    + " g.scrollToIndex(Math.min(g.size - 1, arguments[0])); return g.size;", depth);
            waitFor(browser, "return !document.getElementById('tenants-grid').hasAttribute('loading')");
            if (size > depth) {
                waitFor(browser, "const g = document.getElementById('tenants-grid');"
                        + " return [...g.querySelectorAll('vaadin-grid-cell-content')].some(c => c.textContent.includes('gen-'))");
                return ((Long) js.executeScript("const g = document.getElementById('tenants-grid'); return g._lastVisibleIndex;")).intValue();
            }
        }
        throw new IllegalStateException("the grid did not grow to row " + depth);
    }

    private static void signIn(WebDriver browser, String email) {
        waitFor(browser, "return !!document.querySelector(\"vaadin-login-form input[name='username']\")");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(email);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(PASSWORD, Keys.ENTER);
    }

    private static void waitFor(WebDriver browser, String script) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(RuntimeException.class)
                .until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(script)));
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build(), options);
    }

    /** Heap in use after repeated full collections: the live set, give or take the collector's slack. */
    private static long liveHeap() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(300);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static String histogram() throws Exception {
        Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        return String.join("\n", out.toString().lines().limit(40).toList());
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private GridHeapBenchmark() {
    }
}
