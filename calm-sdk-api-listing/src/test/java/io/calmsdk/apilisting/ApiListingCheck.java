package io.calmsdk.apilisting;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Compares a rendered API listing with the committed one and words the failure.
 */
final class ApiListingCheck {

    /** The one command a developer runs to regenerate every listing. */
    static final String UPDATE_SCRIPT = "scripts/update-api-listings";

    /** The Maven command that script runs (other modules are built, not tested). */
    static final String UPDATE_COMMAND = "./mvnw -B -ntp -q -pl calm-sdk-api-listing -am test"
            + " -Dcalm.api.update=true -Dtest=ApiListingCheckTest -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Djacoco.skip=true";

    /** How many changed lines a failure shows at most. */
    private static final int MAX_CHANGED_LINES = 200;

    private ApiListingCheck() {
    }

    /**
     * The first line of every listing file.
     *
     * @param artifactId the module's artifact id
     * @return the comment line, without line break
     */
    static String header(String artifactId) {
        return "# Public API of " + artifactId + ". Generated, do not edit: run " + UPDATE_SCRIPT
                + " and commit the result.";
    }

    /**
     * Compares the committed listing of a module with the one rendered from its code.
     *
     * @param artifactId the module's artifact id, named in the message
     * @param file the listing's path as shown to the developer
     * @param committed the committed listing, or {@code null} if there is no file yet
     * @param rendered the listing of the code as it is
     * @return empty if they are equal (line endings aside), else the failure message
     */
    static Optional<String> compare(String artifactId, String file, String committed, String rendered) {
        String regenerate = "If the change is intended, regenerate the listings and commit them with it:\n"
                + "    " + UPDATE_SCRIPT + "\n"
                + "which runs\n"
                + "    " + UPDATE_COMMAND;
        if (committed == null) {
            return Optional.of("There is no API listing for " + artifactId + " at " + file + ".\n" + regenerate);
        }
        List<String> before = lines(committed);
        List<String> after = lines(rendered);
        if (before.equals(after)) {
            return Optional.empty();
        }
        return Optional.of("The public API of " + artifactId + " differs from its listing " + file
                + " (- listed, + in the code):\n\n"
                + String.join("\n", LineDiff.changes(before, after, MAX_CHANGED_LINES)) + "\n\n"
                + regenerate);
    }

    /**
     * Splits text into lines, whatever the line endings (a checkout may have turned them into CRLF).
     *
     * @param text the text
     * @return its lines, without a trailing empty one
     */
    static List<String> lines(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalised.endsWith("\n")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split("\n", -1));
    }
}
