package coop.portal.vocab;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Comparison keys for names: case, diacritics, punctuation and spacing folded away, so that
 * {@code Bielsko -Biała}, {@code bielsko-biala} and {@code BIELSKO BIAŁA} share one key.
 */
public final class TextKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextKeys() {
    }

    /** Lower case, no diacritics, words separated by one space; apostrophes kept ({@code xi'an}). */
    public static String key(String s) {
        String folded = isAscii(s) ? s : fold(s);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || cp == '\'') {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                out.appendCodePoint(Character.toLowerCase(cp));
                space = false;
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** {@link #key} without spaces or apostrophes: {@code Xi'an} and {@code Xian} share it. */
    public static String compactKey(String s) {
        return key(s).replace(" ", "").replace("'", "");
    }

    /** Lower case without diacritics; letters that do not decompose (ł, ø, ß) are spelled out. */
    public static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (char c : MARKS.matcher(decomposed).replaceAll("").toCharArray()) {
            switch (c) {
                case 'ł', 'Ł' -> out.append('l');
                case 'ø', 'Ø' -> out.append('o');
                case 'đ', 'Đ' -> out.append('d');
                case 'ß' -> out.append("ss");
                case 'æ', 'Æ' -> out.append("ae");
                case 'œ', 'Œ' -> out.append("oe");
                case '’', '‘', 'ʼ', '`' -> out.append('\'');
                default -> out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance between two short strings: the number of typing slips between them. */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** True if the string holds a Han character, which is matched inside longer runs. */
    public static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
