package coop.portal.ingest;

/** A document that cannot be turned into records; the message is a one-line reason for the ingest report. */
public final class UnreadableDocumentException extends Exception {

    public UnreadableDocumentException(String reason) {
        super(reason);
    }

    public UnreadableDocumentException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
