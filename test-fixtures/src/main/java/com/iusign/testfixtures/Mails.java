package com.iusign.testfixtures;

import com.iusign.embedded.EmbeddedMailbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Reads what a person would read in their mailbox: the links and codes the platform mailed, from
 * the test's SMTP server. Waits (bounded, polling) for mail that is delivered after a commit.
 */
public final class Mails {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern CODE = Pattern.compile("(?m): (\\d{8})\\s*$");

    private Mails() {
    }

    /** The path and query ({@code /activate?token=…}) of the latest link to {@code path} once {@code count} such mails arrived. */
    public static String link(EmbeddedMailbox mailbox, String address, String path, int count) {
        Pattern link = Pattern.compile("(" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_.%-]+)");
        List<EmbeddedMailbox.Received> mails = await().atMost(WAIT).until(() -> mailbox.to(address).stream()
                .filter(mail -> link.matcher(mail.text()).find()).toList(), found -> found.size() >= count);
        Matcher matcher = link.matcher(mails.get(count - 1).text());
        matcher.find();
        return matcher.group(1);
    }

    /** The token of the {@code count}-th link to {@code path} mailed to {@code address}, decoded. */
    public static String token(EmbeddedMailbox mailbox, String address, String path, int count) {
        String link = link(mailbox, address, path, count);
        return URLDecoder.decode(link.substring(link.indexOf("?token=") + 7), StandardCharsets.UTF_8);
    }

    /** The latest verification code mailed to {@code address}. */
    public static String code(EmbeddedMailbox mailbox, String address) {
        List<EmbeddedMailbox.Received> mails = await().atMost(WAIT).until(() -> mailbox.to(address).stream()
                .filter(mail -> mail.subject().contains("verification code")).toList(), found -> !found.isEmpty());
        Matcher matcher = CODE.matcher(mails.getLast().text());
        if (!matcher.find()) {
            throw new AssertionError("No code in the mail to " + address + ": " + mails.getLast().text());
        }
        return matcher.group(1);
    }
}
