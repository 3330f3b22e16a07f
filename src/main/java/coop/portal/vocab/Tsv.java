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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the tab-separated data files: '#' starts a comment line, the first other line names the columns. */
final class Tsv {

    /** One data row, read by column name; missing or empty cells read as null. */
    record Row(Map<String, Integer> columns, String[] cells, int line) {
        String get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw new IllegalStateException("no column '" + column + "'");
            }
            return i < cells.length && !cells[i].isBlank() ? cells[i].strip() : null;
        }

        List<String> list(String column) {
            String v = get(column);
            return v == null ? List.of() : Arrays.stream(v.split(";")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }

        double number(String column) {
            String v = get(column);
            return v == null ? Double.NaN : Double.parseDouble(v);
        }
    }

    private Tsv() {
    }

    /** Reads a data file; a row with more or fewer cells than the header is an error, not a silent shift. */
    static <T> List<T> readResource(String resource, Function<Row, T> mapper) {
        try (InputStream in = Tsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource, mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> read(BufferedReader reader, String name, Function<Row, T> mapper) throws IOException {
        List<T> out = new ArrayList<>();
        Map<String, Integer> columns = null;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (columns != null && cells.length != columns.size()) {
                throw new IllegalStateException(name + " line " + number + ": " + cells.length + " columns, the header has "
                        + columns.size());
            }
            if (columns == null) {
                String[] header = cells;
                columns = java.util.stream.IntStream.range(0, header.length).boxed()
                        .collect(Collectors.toMap(i -> header[i].strip(), i -> i));
                continue;
            }
            try {
                out.add(mapper.apply(new Row(columns, cells, number)));
            } catch (RuntimeException e) {
                throw new IllegalStateException(name + " line " + number + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
