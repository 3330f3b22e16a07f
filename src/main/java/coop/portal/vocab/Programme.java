package coop.portal.vocab;

import java.util.List;

/** A cooperation programme: its canonical name, its period if fixed, and how texts name it. */
public record Programme(String name, String period, List<String> aliases) {

    public Programme {
        aliases = List.copyOf(aliases);
    }
}
