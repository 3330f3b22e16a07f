package coop.portal.http;

/**
 * An error answer in the RFC 9457 problem-details shape.
 *
 * @param type      a URI reference naming the kind of problem
 * @param parameter the request parameter at fault, or null
 */
record Problem(String type, String title, int status, String detail, String parameter) {

    static Problem badParameter(String parameter, String detail) {
        return new Problem("/problems/invalid-parameter", "Invalid parameter", 400, detail, parameter);
    }

    static Problem notFound(String detail) {
        return new Problem("/problems/not-found", "Not found", 404, detail, null);
    }
}
