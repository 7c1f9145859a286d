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
 * command line; every other shell line of docs/guide.md and docs/math.md (the build and run steps of
 * their untagged blocks) is a build step of a known form whose {@code stochad} arguments parse and
 * whose Java program is one of the guide's.
 */
class DocumentedCommandsTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final List<String> DOCUMENTS = List.of("toy-shower.md", "guide.md", "hadronization-gradients.md");
    private static final String JAR = "stochad-examples/target/stochad.jar";

    /** @return the lines of the document's untagged fenced blocks that start with a shell command */
    private static List<String> buildLines(String document) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> block = null;
        boolean inFence = false;
        for (String line : Files.readAllLines(DOCS.resolve(document))) {
            if (line.startsWith("```")) {
                if (inFence) {
                    if (block != null && !block.isEmpty() && block.get(0).matches("(git|mvn|java|stochad|cd) .*")) {
                        lines.addAll(block);
                    }
                    block = null;
                } else if (line.strip().equals("```")) {
                    block = new ArrayList<>();
                }
                inFence = !inFence;
                continue;
            }
            if (block != null && !line.isBlank()) {
                block.add(line.strip());
            }
        }
        return lines;
    }

    @Test
    void everyOtherShellLineOfTheGuideAndMathIsAKnownBuildStep() throws IOException {
        String guide = Files.readString(DOCS.resolve("guide.md"));
        int steps = 0;
        for (String document : List.of("guide.md", "math.md")) {
            for (String line : buildLines(document)) {
                for (String command : line.split("&&")) {
                    String c = command.strip();
                    if (c.startsWith("java -jar " + JAR)) {
                        String[] args = c.substring(("java -jar " + JAR).length()).strip().split("\\s+");
                        assertThatCode(() -> Stochad.commandLine().parseArgs(args)).as("%s: %s", document, c)
                                .doesNotThrowAnyException();
                    } else if (c.startsWith("java -cp " + JAR + " ")) {
                        String program = c.substring(("java -cp " + JAR + " ").length()).strip();
                        assertThat(program).as("%s: %s", document, c).endsWith(".java");
                        assertThat(guide).as("%s: %s runs one of the guide's programs", document, c)
                                .contains("public class " + program.substring(0, program.length() - ".java".length()) + " ");
                    } else {
                        assertThat(c).as("%s: a build step", document)
                                .matches("git clone <this repository> stochad|cd stochad|mvn (-q )?-B( \\S+)*");
                    }
                    steps++;
                }
            }
        }
        assertThat(steps).isGreaterThanOrEqualTo(5);
    }

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
