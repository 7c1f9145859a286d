package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of docs/guide.md and docs/math.md runs as written: a whole program
 * (a block declaring a public class) is compiled with javax.tools against the test classpath and
 * run in its own JVM — and where the document shows its output (a fenced block right after an
 * {@code <!-- output of NAME -->} line) the output must be exactly that; a fragment must appear
 * verbatim (up to indentation) between a {@code // --- guide} marker and a {@code // ---} line of
 * {@link GuideExamplesTest}, which runs it inside a context that defines its variables.
 */
class DocumentedJavaTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final List<String> DOCUMENTS = List.of("guide.md", "math.md");
    private static final Path FRAGMENTS = Path.of("src", "test", "java", "org", "stochad", "GuideExamplesTest.java");
    private static final Pattern CLASS = Pattern.compile("public class (\\w+)");
    private static final Pattern OUTPUT = Pattern.compile("<!-- output of (\\w+) -->");

    /** A fenced block: its language tag, its lines, and the output marker right before it (or null). */
    private record Block(String document, int line, String language, List<String> lines, String outputOf) {
        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    private static List<Block> blocks(String document) throws IOException {
        List<String> all = Files.readAllLines(DOCS.resolve(document));
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).startsWith("```")) {
                continue;
            }
            String language = all.get(i).substring(3).strip();
            String marker = null;
            for (int b = i - 1; b >= 0 && b >= i - 2; b--) {
                Matcher m = OUTPUT.matcher(all.get(b));
                if (m.find()) {
                    marker = m.group(1);
                }
            }
            int start = i + 1;
            int end = start;
            while (end < all.size() && !all.get(end).startsWith("```")) {
                end++;
            }
            out.add(new Block(document, i + 1, language, List.copyOf(all.subList(start, end)), marker));
            i = end;
        }
        return out;
    }

    /** @return the marked regions of GuideExamplesTest, each as its lines with the common indentation removed */
    private static List<String> markedFragments() throws IOException {
        List<String> regions = new ArrayList<>();
        List<String> current = null;
        for (String line : Files.readAllLines(FRAGMENTS)) {
            String s = line.strip();
            if (s.startsWith("// --- guide")) {
                current = new ArrayList<>();
            } else if (s.equals("// ---") && current != null) {
                regions.add(dedent(current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return regions;
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.isBlank() ? "" : l.substring(indent).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void everyFragmentRunsInGuideExamplesTest() throws IOException {
        String regions = String.join("", markedFragments());
        int fragments = 0;
        for (String document : DOCUMENTS) {
            for (Block b : blocks(document)) {
                if (!b.language().equals("java") || CLASS.matcher(b.text()).find()) {
                    continue;
                }
                assertThat(regions).as("%s line %d: this fragment, verbatim between '// --- guide' and '// ---'"
                        + " in GuideExamplesTest", b.document(), b.line()).contains(dedent(b.lines()));
                fragments++;
            }
        }
        assertThat(fragments).isGreaterThanOrEqualTo(9);
    }

    @Test
    void everyWholeProgramCompilesRunsAndPrintsWhatTheDocumentShows(@TempDir Path dir) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int programs = 0;
        for (String document : DOCUMENTS) {
            List<Block> blocks = blocks(document);
            for (Block b : blocks) {
                Matcher m = CLASS.matcher(b.text());
                if (!b.language().equals("java") || !m.find()) {
                    continue;
                }
                String name = m.group(1);
                Path source = Files.createDirectories(dir.resolve(name)).resolve(name + ".java");
                Files.writeString(source, b.text());
                ByteArrayOutputStream errors = new ByteArrayOutputStream();
                int rc = javac.run(null, errors, errors, "-d", source.getParent().toString(), "-cp", classpath,
                        "-encoding", "UTF-8", source.toString());
                assertThat(rc).as("%s line %d: %s compiles:%n%s", document, b.line(), name, errors).isZero();
                String output = run(source.getParent() + java.io.File.pathSeparator + classpath, name);
                List<Block> shown = blocks.stream().filter(o -> name.equals(o.outputOf())).toList();
                for (Block o : shown) {
                    assertThat(output).as("%s line %d: the output %s prints", document, o.line(), name)
                            .isEqualTo(o.text());
                }
                programs++;
            }
        }
        assertThat(programs).isGreaterThanOrEqualTo(3);
    }

    private static String run(String classpath, String mainClass) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", classpath, mainClass).redirectErrorStream(true).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(mainClass + " ends").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s exits 0; it printed:%n%s", mainClass, text).isZero();
        return text;
    }
}
