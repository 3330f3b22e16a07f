package coop.portal.ingest;

import coop.portal.vocab.TextKeys;

/** Readable identifiers: {@code Xi'an} → {@code xian}, {@code Castilla y León} → {@code castilla-y-leon}. */
final class Slugs {

    private static final int MAX_LENGTH = 60;

    private Slugs() {
    }

    static String slug(String s) {
        String key = TextKeys.key(s == null ? "" : s).replace("'", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ascii = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (ascii || Character.isLetterOrDigit(c)) {
                out.append(c);
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        String slug = out.toString().replaceAll("-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "untitled" : slug;
    }
}
