package com.iusign.platform.app.ui;

import com.iusign.platform.security.SuperAdminAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A SuperAdmin registers an admin API client in the console, and automation uses its secret. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiClientBrowserTests {


    private final SuperAdminAccounts accounts;
    private final int port;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    ApiClientBrowserTests(SuperAdminAccounts accounts, @LocalServerPort int port) {
        this.accounts = accounts;
        this.port = port;
    }

    @BeforeEach
    void signIn() {
        browser.signInAsNewSuperAdmin(accounts, "/platform");
        browser.waitForText("Admin API clients");
    }


    @Test
    void registeredClientsSecretIsShownOnceAndObtainsAToken() throws Exception {
        String name = "Browser-registered " + UUID.randomUUID().toString().substring(0, 8);
        browser.visible(By.id("register-api-client")).click();
        browser.visible(By.cssSelector("#api-client-name input")).sendKeys(name);
        browser.visible(By.xpath("//vaadin-button[normalize-space(.)='Register']")).click();

        String clientId = fieldValue("registered-client-id");
        String secret = fieldValue("registered-client-secret");
        browser.waitForText("shown only this once");
        browser.screenshot("05-api-client-registered");
        browser.visible(By.xpath("//vaadin-button[normalize-space(.)='I have copied the secret']")).click();
        browser.waitForText(name);

        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(browser.pageText()).contains(clientId).doesNotContain(secret);
        assertThat(tokenStatus(clientId, secret)).isEqualTo(200);
    }

    @Test
    void tooShortNameIsRefusedOnTheField() throws Exception {
        browser.visible(By.id("register-api-client")).click();
        browser.visible(By.cssSelector("#api-client-name input")).sendKeys("x");
        browser.visible(By.xpath("//vaadin-button[normalize-space(.)='Register']")).click();

        browser.waitForText("3 to 80 characters");
        assertThat(browser.visible(By.id("api-client-name")).getDomAttribute("invalid")).isNotNull();
    }

    @Test
    void anExpiredSessionSendsTheSuperAdminBackToSignInWithAWordOfWhy() throws Exception {
        // What the server sees when a session has timed out: a session id it no longer knows.
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.driver().manage().addCookie(new Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF", "/"));
        browser.visible(By.xpath("//vaadin-side-nav-item[normalize-space(.)='Tenants']")).click();

        browser.waitFor(driver -> driver.getCurrentUrl().contains("/login"));
        browser.waitForText("signed out after a period of inactivity");
        browser.screenshot("06-session-expired");
    }

    private String fieldValue(String id) {
        WebElement field = browser.visible(By.id(id));
        browser.waitFor(driver -> !field.getDomProperty("value").isEmpty());
        return field.getDomProperty("value");
    }

    private int tokenStatus(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
