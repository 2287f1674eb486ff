package com.chaching.platform;

/** Text searched "anywhere, as typed" with SQL {@code LIKE}: its wildcards must match themselves. */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** Escapes {@code \}, {@code %} and {@code _} for a {@code like … escape '\'} pattern. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern matching {@code text} anywhere. */
    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }
}
