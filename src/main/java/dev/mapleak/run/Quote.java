package dev.mapleak.run;

/**
 * Echoes what a user typed back in a message, quoted, and cut short when it is long: a 100 KB profile name or
 * option must not become a 100 KB error line.
 */
public final class Quote {

    /** Characters of a long input shown before it is cut. */
    static final int SHOWN = 60;

    private Quote() {
    }

    /** {@code 'text'}, or {@code 'first 60 characters…' (100000 characters)}. */
    public static String of(String text) {
        if (text.length() <= SHOWN) {
            return "'" + text + "'";
        }
        return "'" + text.substring(0, SHOWN) + "…' (" + text.length() + " characters)";
    }

    /** {@code text} unquoted, or {@code first 60 characters… (100000 characters)}. */
    public static String cut(String text) {
        return cut(text, SHOWN);
    }

    /** {@code text} unquoted, cut after {@code shown} characters. */
    public static String cut(String text, int shown) {
        return text.length() <= shown ? text : text.substring(0, shown) + "… (" + text.length() + " characters)";
    }
}
