package coop.portal.search;

/**
 * A completion of what a user is typing.
 *
 * @param text    what to search for: a canonical place, a record title or a cluster name
 * @param kind    {@code place}, {@code title} or {@code cluster}
 * @param id      the record a title belongs to, else null
 * @param matched the alias that matched the typed text when it differs from {@code text} ("呼和浩特" for Hohhot), else null
 */
public record Suggestion(String text, String kind, String id, String matched) {
}
