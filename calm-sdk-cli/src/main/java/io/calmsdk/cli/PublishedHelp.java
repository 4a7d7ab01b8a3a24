package io.calmsdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code calm --help} of the published jar (no examples on the class path), as picocli renders it, kept as
 * two resources — plain and with ANSI styles — that {@code PublishedHelpTest} compares with a live rendering
 * in every build (and rewrites with {@code -Dcalm.updateHelp=true}). Printing them spares a start the command
 * model and picocli's help layout, which took most of {@code calm --help}'s time.
 */
final class PublishedHelp {

    static final String PLAIN = "published-help.txt";
    static final String ANSI = "published-help-ansi.txt";

    private PublishedHelp() {
    }

    /**
     * The stored help.
     *
     * @param ansi whether the terminal takes ANSI styles (as picocli decides it)
     * @return the text, or empty when the resource is missing (then picocli renders it)
     */
    static Optional<String> read(boolean ansi) {
        try (InputStream in = PublishedHelp.class.getResourceAsStream(ansi ? ANSI : PLAIN)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calm's help", e);
        }
    }

    /**
     * The help as picocli renders it now.
     *
     * @param ansi with ANSI styles or without
     * @return what {@code calm --help} prints from the published jar
     */
    static String render(boolean ansi) {
        CommandLine cl = CalmCommand.commandLine(new CalmCommand(null), new String[] {"--help"}, false);
        return cl.getUsageMessage(ansi ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF);
    }
}
