package com.iusign.platform.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a search text matches, as ranked walks for a page in name order (issue 16). A tenant is listed once, in the
 * first tier it matches: 1. its exact slug or custom domain, or an id prefix; 2. its name starts with the text;
 * 3. a later word of its name does (ordered by the name from that word); 4. its slug starts with it; 5. its custom
 * domain does; 6. from three characters on, its name contains it anywhere. Within a tier rows go by name (tier 3: by
 * the name from the matching word, 4 and 5 by slug and domain). Names, slugs and domains are compared folded and in
 * the "C" collation, where a prefix is a range an index walk can read in order.
 */
record ManifestText(String lower, String folded, boolean idPrefix) {

    private static final Pattern ID_PREFIX = Pattern.compile("^[0-9a-f-]{4,36}$");
    /** Shorter texts match only at the start of a name, a word, a slug or a domain: anywhere would match nearly every name. */
    static final int MIN_CONTAINS = 3;
    /** How many characters before it each word start carries (manifest_preceding, inventory-014). */
    static final int PRECEDING = 8;

    private static final String NAME = ManifestWalk.NAME_KEY;
    private static final String SLUG = ManifestWalk.SLUG_KEY;
    private static final String DOMAIN = "lower(custom_domain) COLLATE \"C\"";
    /** The predicate of the marks index (inventory-013), word for word, so that the planner knows it may read it. */
    private static final String MARKED = "name_folded ~ '[^a-z0-9 ]'";
    /** The name contains the text (as a LIKE pattern, :fLike). */
    private static final String CONTAINS = "name_folded LIKE :fLike ESCAPE '\\'";

    /** {@code folded} is {@code manifest_fold} of the text, as the database folds names. */
    static ManifestText of(String q, String folded) {
        String lower = q.toLowerCase(Locale.ROOT);
        return new ManifestText(lower, folded, ID_PREFIX.matcher(lower).matches());
    }

    /** The tiers in rank order, each excluding the rows of the tiers before it. */
    List<ManifestWalk> tiers() {
        Map<String, Object> params = params();
        List<ManifestWalk> tiers = new ArrayList<>();
        String identifier = identifier();
        // A handful of rows by construction: read by their own indexes, never by a walk of the name index.
        tiers.add(new ManifestWalk(1, ManifestWalk.TABLE, NAME, false, ManifestWalk.KeyKind.TEXT, identifier, "true", identifier, params, false, false));
        List<String> before = new ArrayList<>(List.of("NOT " + identifier));
        if (!folded.isEmpty()) {
            String names = range(NAME, "f", "fEnd");
            tiers.add(walk(2, ManifestWalk.TABLE, NAME, names, and(before), names, params));
            before.add("NOT starts_with(name_folded, :f)");
            String words = range("w.tail", "f", "fEnd");
            List<String> firstWord = new ArrayList<>(before);
            firstWord.add("NOT EXISTS (SELECT 1 FROM unnest(name_tails) t WHERE starts_with(t, :f) AND length(t) > length({key}))");
            tiers.add(walk(3, ManifestWalk.WORDS, "w.tail", words, and(firstWord), words, params));
            before.add("NOT " + anyWord());
        }
        String slugs = range(SLUG, "ql", "qlEnd");
        tiers.add(walk(4, ManifestWalk.TABLE, SLUG, slugs, and(before), slugs, params));
        before.add("NOT starts_with(slug, :ql)");
        String domains = "custom_domain IS NOT NULL AND " + range(DOMAIN, "ql", "qlEnd");
        tiers.add(walk(5, ManifestWalk.TABLE, DOMAIN, domains, and(before), domains, params));
        before.add("NOT coalesce(starts_with(lower(custom_domain), :ql), false)");
        if (folded.length() >= MIN_CONTAINS) {
            // The fragment is tested on the name index alone: where its matches lie far along the name order (a trade
            // after "Acme"), the walk reads index entries, not rows.
            tiers.add(new ManifestWalk(6, ManifestWalk.TABLE, NAME, false, ManifestWalk.KeyKind.TEXT, CONTAINS, and(before),
                    innerWord() < 0 ? fragment() : fragment() + " AND tenant_id IN (SELECT tenant_id FROM tenant_manifest_word WHERE "
                            + range("tail", "fw", "fwEnd") + " AND right(preceding, :headLength) = :head)", params, true, true));
        }
        return tiers;
    }

    /** The walks of {@code sort}'s index keeping the rows any tier matches, for pages in another order than by name. */
    List<ManifestWalk> anyTier(ManifestSort sort) {
        List<String> any = new ArrayList<>(List.of(identifier()));
        List<String> ids = new ArrayList<>(List.of("SELECT tenant_id FROM tenant_manifest WHERE " + identifier()));
        if (!folded.isEmpty()) {
            any.add("starts_with(name_folded, :f)");
            any.add(anyWord());
            ids.add("SELECT tenant_id FROM tenant_manifest WHERE " + range(NAME, "f", "fEnd"));
            ids.add("SELECT tenant_id FROM tenant_manifest_word w WHERE " + range("w.tail", "f", "fEnd"));
        }
        any.add("starts_with(slug, :ql)");
        any.add("coalesce(starts_with(lower(custom_domain), :ql), false)");
        ids.add("SELECT tenant_id FROM tenant_manifest WHERE " + range(SLUG, "ql", "qlEnd"));
        ids.add("SELECT tenant_id FROM tenant_manifest WHERE custom_domain IS NOT NULL AND " + range(DOMAIN, "ql", "qlEnd"));
        if (folded.length() >= MIN_CONTAINS) {
            any.add(CONTAINS);
            ids.add("SELECT tenant_id FROM tenant_manifest WHERE " + fragment());
        }
        String condition = "(" + String.join(" OR ", any) + ")";
        String matching = "tenant_id IN (" + String.join(" UNION ALL ", ids) + ")";
        return ManifestWalk.of(sort).stream().map(walk -> walk.where(condition, matching, params())).toList();
    }

    /** Never null (a tenant without a domain is false, not unknown), so that {@code NOT} of it excludes exactly its rows. */
    private String identifier() {
        return "(slug = :ql OR (custom_domain IS NOT NULL AND " + DOMAIN + " = :ql)"
                + (idPrefix ? " OR (" + range("id_text COLLATE \"C\"", "ql", "qlEnd") + ")" : "") + ")";
    }

    /**
     * The names that contain the text, as their rows are found: a text with a character that is not a letter, a digit or
     * a space ("acme-", "o'b", "at&t") is also looked for among the names that hold each of its three-character pieces
     * with such a character (inventory-013), because the trigram index ignores those characters and would read every
     * name with "acme" for "acme-".
     */
    String fragment() {
        return marked() ? CONTAINS + " AND " + MARKED + " AND manifest_marks(name_folded) @> manifest_marks(:f)" : CONTAINS;
    }

    /** Whether the text has a piece {@code manifest_marks} keeps: three characters or more, one of them not a-z, 0-9 or a space. */
    boolean marked() {
        return folded.codePointCount(0, folded.length()) >= 3
                && folded.codePoints().anyMatch(c -> !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' '));
    }

    private static String anyWord() {
        return "EXISTS (SELECT 1 FROM unnest(name_tails) t WHERE starts_with(t, :f))";
    }

    /**
     * Where in the folded text a later word starts, or -1. Wherever a name contains the text, a word of
     * the name starts there too, so the fragment tier's matches are among the names with a word that starts with the
     * text from there on: "acme bank 42" among the ~400 tails "bank 42…" of a million names, which the word index reads
     * in a range, where the trigram index intersects posting lists of a third of the names (12 ms at 1,000,000 tenants
     * for no match). The planner weighs the two by their estimates ("acme b" leaves the range of every word in "b").
     * Only what starts a word in {@code manifest_tails} whatever the database's locale calls a letter counts: a space,
     * or an ASCII letter or digit after ASCII punctuation ("bank-42" of a slug typed as a name). The word index also
     * holds what precedes each word (its last {@link #PRECEDING} characters), which must end as the text before its
     * later word does ("acme "), so that the range's words are tested on the index alone and only theirs read.
     */
    int innerWord() {
        for (int i = 1; i < folded.length(); i++) {
            char before = folded.charAt(i - 1);
            char at = folded.charAt(i);
            if (before == ' ' ? at != ' ' : isAsciiAlnum(at) && before > ' ' && before < 0x7f && !isAsciiAlnum(before)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAsciiAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        int word = innerWord();
        String fromWord = word < 0 ? "" : folded.substring(word);
        String head = word < 0 ? "" : folded.substring(0, word);
        int headLength = head.codePointCount(0, head.length());
        head = headLength <= PRECEDING ? head : head.substring(head.offsetByCodePoints(0, headLength - PRECEDING));
        params.put("head", head);
        params.put("headLength", Math.min(headLength, PRECEDING));
        params.put("fw", fromWord);
        params.put("fwEnd", fromWord.isEmpty() ? "" : end(fromWord));
        params.put("ql", lower);
        params.put("qlEnd", end(lower));
        params.put("f", folded);
        params.put("fEnd", folded.isEmpty() ? "" : end(folded));
        params.put("fLike", "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        return params;
    }

    private static String range(String key, String from, String to) {
        return key + " >= :" + from + " AND " + key + " < :" + to;
    }

    private static String and(List<String> conditions) {
        return String.join(" AND ", conditions);
    }

    private static ManifestWalk walk(int rank, String source, String key, String range, String exclusions, String matches,
                                     Map<String, Object> params) {
        return new ManifestWalk(rank, source, key, false, ManifestWalk.KeyKind.TEXT, range, exclusions, matches, params, true, false);
    }

    /**
     * The least string above every string that starts with {@code prefix} in code point (the "C" collation's) order:
     * the prefix with its last code point raised by one (past the surrogates, which no string holds).
     */
    static String end(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        String head = prefix.substring(0, prefix.length() - Character.charCount(last));
        if (last == Character.MAX_CODE_POINT) {
            return head.isEmpty() ? Character.toString(last).repeat(256) : end(head);
        }
        return head + Character.toString(last == 0xD7FF ? 0xE000 : last + 1);
    }
}
