package coop.portal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Corpus files made up for tests that need many records: as many as asked, the same every time. */
public final class Corpora {

    private static final String[] WORDS = {"energy", "water", "transport", "culture", "tourism", "education", "health",
        "data", "city", "region", "innovation", "cooperation", "urban", "planning", "green", "port", "industry", "skills"};

    private Corpora() {
    }

    /** A JSON Lines file of {@code n} records of sixty words each, ids {@code extra-0} on. */
    public static void writeRecords(Path file, int n) throws IOException {
        Random r = new Random(1);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < n; i++) {
                StringBuilder text = new StringBuilder();
                for (int j = 0; j < 60; j++) {
                    text.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
                }
                w.write("{\"id\":\"extra-" + i + "\",\"title\":\"Record " + i + "\",\"body\":\"" + text
                        + "\",\"cluster\":\"Tourism & Culture\",\"country\":\"Spain\",\"doc_type\":\"page\"}\n");
            }
        }
    }
}
