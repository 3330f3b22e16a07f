package coop.portal.http;

import coop.portal.record.Record;
import coop.portal.record.RecordJson;
import coop.portal.search.Searcher;
import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** {@code GET /api/documents/{id}} and {@code GET /api/export}: whole records with all their metadata and text. */
final class DocumentController {

    private final Searcher searcher;

    DocumentController(Searcher searcher) {
        this.searcher = searcher;
    }

    void document(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Record r = searcher.find(id).orElseThrow(() -> new ProblemException(Problem.notFound("No record with id '" + id + "'")));
        ctx.contentType("application/json").result(Json.MAPPER.writeValueAsBytes(RecordJson.toJson(r)));
    }

    /** Every record as JSON Lines, streamed, one record object per line. */
    void export(Context ctx) throws IOException {
        ctx.contentType("application/x-ndjson; charset=utf-8");
        ctx.header("Content-Disposition", "inline; filename=\"records.jsonl\"");
        OutputStream out = new BufferedOutputStream(ctx.outputStream(), 1 << 16);
        searcher.export(r -> {
            out.write(Json.MAPPER.writeValueAsBytes(RecordJson.toJson(r)));
            out.write('\n');
        });
        out.flush();
    }
}
