package coop.portal.cli;

import coop.portal.search.Evaluation;
import coop.portal.search.Searcher;
import coop.portal.vocab.Vocabulary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code portal evaluate}: nDCG@10, MRR and recall@10 of the index on a judged query set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure ranking on a judged query set: nDCG@10, MRR and recall@10, per category and overall.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--index", defaultValue = "${env:PORTAL_INDEX:-index}", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--judgments", defaultValue = "src/test/resources/relevance/judgments.jsonl",
            description = "Judged queries, JSON Lines (default: ${DEFAULT-VALUE}).")
    Path judgments;

    @Option(names = "--queries", description = "Also print the figures of every query.")
    boolean everyQuery;

    @Override
    public Integer call() throws Exception {
        try (Searcher searcher = Searcher.open(index, Vocabulary.load())) {
            Evaluation.evaluate(searcher, Evaluation.load(judgments)).print(System.out, everyQuery);
        }
        return 0;
    }
}
