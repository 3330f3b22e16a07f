package coop.portal.http;

/** Ends a request with a problem-details answer; thrown by controllers, rendered by {@link ErrorMapping}. */
final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
