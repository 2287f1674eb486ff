package com.chaching.accounts;

import java.text.Normalizer;
import java.util.Locale;

/** The default invoice prefix, made from the account's name (billing.md "Invoices": {@code ACME-000042}). */
final class InvoicePrefixes {

    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 12;

    private InvoicePrefixes() {
    }

    /**
     * The name's first word in A–Z0–9 ({@code "Acme Inc"} → {@code ACME}); the whole name when that word is
     * shorter than 3; padded with {@code X} to 3 and cut at 12 ({@code "日本"} → {@code XXX}).
     */
    static String fromName(String name) {
        // Decompose, then drop the accents themselves: "Zürich" → "ZURICH", not "ZU RICH".
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        String[] words = ascii.replaceAll("[^A-Z0-9]+", " ").trim().split(" ");
        String prefix = words[0].length() >= MIN_LENGTH ? words[0] : String.join("", words);
        if (prefix.length() > MAX_LENGTH) {
            prefix = prefix.substring(0, MAX_LENGTH);
        }
        return prefix.length() >= MIN_LENGTH ? prefix : (prefix + "XXX").substring(0, MIN_LENGTH);
    }
}
