package coop.portal.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Words too general to say what two records have in common, from {@code generic-words.txt}. */
public final class GenericWords {

    private GenericWords() {
    }

    public static Set<String> load() {
        try (InputStream in = GenericWords.class.getResourceAsStream("/vocab/generic-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /vocab/generic-words.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#"))
                    .flatMap(l -> Arrays.stream(l.split("\\s+")))
                    .filter(w -> !w.isBlank())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
