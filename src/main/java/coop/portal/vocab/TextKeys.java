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
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}']+");

    private TextKeys() {
    }

    /** Lower case, no diacritics, words separated by one space; apostrophes kept ({@code xi'an}). */
    public static String key(String s) {
        return SEPARATORS.matcher(fold(s)).replaceAll(" ").strip();
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

    /** True if the string holds a Han character, which is matched inside longer runs. */
    public static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
