package coop.portal.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Sentence boundaries that also fall at every line break, so a snippet never runs a heading
 * ("Preferred Areas of Cooperation") into the paragraph under it.
 */
final class PassageBreaks extends BreakIterator {

    private CharacterIterator text = new StringCharacterIterator("");
    private int[] bounds = {0};
    private int at;

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        StringBuilder s = new StringBuilder();
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            s.append(c);
        }
        int begin = newText.getBeginIndex();
        TreeSet<Integer> found = new TreeSet<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(s.toString());
        for (int b = sentences.first(); b != DONE; b = sentences.next()) {
            found.add(begin + b);
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                found.add(begin + i + 1);
            }
        }
        found.add(begin);
        found.add(begin + s.length());
        bounds = found.stream().mapToInt(Integer::intValue).toArray();
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
