package coop.portal.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries for snippets: after a full stop, question or exclamation mark followed by
 * a space (or a Chinese one), and at every line break, so a snippet never runs a heading
 * ("Preferred Areas of Cooperation") into the paragraph under it. A plain scan of the text: the
 * JDK's rule-based sentence iterator cost more than the rest of the highlighting together.
 */
final class PassageBreaks extends BreakIterator {

    private CharacterIterator text = new StringCharacterIterator("");
    private int[] bounds = {0};
    private int at;

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        int begin = newText.getBeginIndex();
        int[] found = new int[64];
        int n = 0;
        found[n++] = begin;
        char previous = 0;
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            int at = newText.getIndex();
            boolean afterSentence = (previous == '.' || previous == '!' || previous == '?') && Character.isWhitespace(c);
            boolean boundary = afterSentence || previous == '\n' || previous == '。' || previous == '！' || previous == '？';
            if (boundary && at > found[n - 1]) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = at;
            }
            previous = c;
        }
        int end = newText.getEndIndex();
        if (end > found[n - 1]) {
            found = n == found.length ? Arrays.copyOf(found, n + 1) : found;
            found[n++] = end;
        }
        bounds = Arrays.copyOf(found, n);
        at = 0;
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    @Override
    public int first() {
        at = 0;
        return bounds[at];
    }

    @Override
    public int last() {
        at = bounds.length - 1;
        return bounds[at];
    }

    @Override
    public int next(int n) {
        int target = at + n;
        if (target < 0 || target >= bounds.length) {
            at = target < 0 ? 0 : bounds.length - 1;
            return DONE;
        }
        at = target;
        return bounds[at];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int following(int offset) {
        int i = Arrays.binarySearch(bounds, offset);
        i = i >= 0 ? i + 1 : -i - 1;
        if (i >= bounds.length) {
            at = bounds.length - 1;
            return DONE;
        }
        at = i;
        return bounds[at];
    }

    @Override
    public int preceding(int offset) {
        int i = Arrays.binarySearch(bounds, offset);
        i = i >= 0 ? i - 1 : -i - 2;
        if (i < 0) {
            at = 0;
            return DONE;
        }
        at = i;
        return bounds[at];
    }

    @Override
    public int current() {
        return bounds[at];
    }
}
