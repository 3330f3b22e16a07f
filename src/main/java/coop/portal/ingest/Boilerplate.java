package coop.portal.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises paragraphs that are page furniture rather than content: navigation words, photo
 * credits and page numbers. None of them may enter a record's text.
 */
final class Boilerplate {

    private static final Set<String> NAVIGATION = Set.of(
            "skip links", "skip to content", "skip to main content", "more information", "more info", "read more",
            "return to top of page", "back to top", "top of page", "join the discussion", "leave a comment",
            "leave a reply", "share", "share this", "share this page", "print", "print this page", "menu", "search",
            "home", "next", "previous", "next post", "previous post", "content", "contents", "table of contents");
    private static final Pattern NAVIGATION_PREFIX = Pattern.compile(
            "(?i)^(categori[sz]ed as|posted in|filed under|tagged|tags:|share on|follow us|cookie|we use cookies)\\b.*");
    private static final Pattern CREDIT = Pattern.compile(
            "^(©|\\(c\\)\\s|资料来源|图片来源|photo:|photo credit|image:|source: ?pixaba|credit:).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LICENCE = Pattern.compile("\\bCC[ -]?(BY|0)\\b");
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(\\\\sim|~)?\\s*\\d{1,3}$|^page \\d+( of \\d+)?$", Pattern.CASE_INSENSITIVE);

    private Boilerplate() {
    }

    static boolean isNavigation(String paragraph) {
        String p = paragraph.strip().replaceAll("[\\s:.»›>]+$", "");
        return NAVIGATION.contains(p.toLowerCase(Locale.ROOT)) || NAVIGATION_PREFIX.matcher(p).matches();
    }

    static boolean isCredit(String paragraph) {
        String p = paragraph.strip();
        return CREDIT.matcher(p).matches() || (p.length() < 80 && LICENCE.matcher(p).find());
    }

    static boolean isPageNumber(String paragraph) {
        return PAGE_NUMBER.matcher(paragraph.strip()).matches();
    }

    static boolean isFurniture(String paragraph) {
        return isNavigation(paragraph) || isCredit(paragraph) || isPageNumber(paragraph);
    }
}
