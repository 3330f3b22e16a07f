package coop.portal.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Groups of words and phrases that mean the same to the people searching, from {@code synonyms.txt}. */
public final class Synonyms {

    private final List<List<String>> groups;

    public Synonyms(List<List<String>> groups) {
        this.groups = groups.stream().map(List::copyOf).toList();
    }

    public static Synonyms load() {
        try (InputStream in = Synonyms.class.getResourceAsStream("/vocab/synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /vocab/synonyms.txt");
            }
            List<List<String>> groups = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    groups.add(Arrays.stream(line.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
                }
            }
            return new Synonyms(groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<List<String>> groups() {
        return groups;
    }
}
