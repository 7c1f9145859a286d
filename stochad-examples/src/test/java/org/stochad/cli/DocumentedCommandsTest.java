package org.stochad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every reproduce command of docs/toy-shower.md, docs/guide.md and docs/hadronization-gradients.md is a
 * {@code stochad …} command, appears in docs/reproduce.sh (which runs them all), and parses with the
 * command line.
 */
class DocumentedCommandsTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final List<String> DOCUMENTS = List.of("toy-shower.md", "guide.md", "hadronization-gradients.md");

    /** @return the lines of the document's {@code ```sh} blocks */
    private static List<String> shellLines(String document) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(DOCS.resolve(document))) {
            if (line.startsWith("```")) {
                in = !in && line.strip().equals("```sh");
                continue;
            }
            if (in && !line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    @Test
    void everyDocumentedCommandIsAStochadCommandInTheScriptThatParses() throws IOException {
        List<String> script = Files.readAllLines(DOCS.resolve("reproduce.sh")).stream().map(String::strip).toList();
        int commands = 0;
        for (String document : DOCUMENTS) {
            for (String line : shellLines(document)) {
                assertThat(line).as("%s: a reproduce command", document).startsWith("stochad ");
                assertThat(script).as("%s: docs/reproduce.sh runs '%s'", document, line).contains(line);
                String[] args = line.substring("stochad ".length()).strip().split("\\s+");
                assertThatCode(() -> Stochad.commandLine().parseArgs(args)).as("%s: %s", document, line)
                        .doesNotThrowAnyException();
                commands++;
            }
        }
        assertThat(commands).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theScriptRunsOnlyStochadCommands() throws IOException {
        for (String line : Files.readAllLines(DOCS.resolve("reproduce.sh"))) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#") || s.equals("set -eu") || s.startsWith("stochad() {")) {
                continue;
            }
            assertThat(s).startsWith("stochad ");
            String[] args = s.substring("stochad ".length()).strip().split("\\s+");
            assertThatCode(() -> Stochad.commandLine().parseArgs(args)).as(s).doesNotThrowAnyException();
        }
    }
}
