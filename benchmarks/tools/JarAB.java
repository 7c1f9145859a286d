import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A/B timing of two builds in one JVM, so that both see the same machine load: loads
 * {@code org.stochad.benchmarks.LundTiming} from each of two benchmarks jars in its own class loader
 * and alternates them, one round of CHUNK events per mode at a time (the first of each pair
 * alternating too), after one warm-up call each. Prints per jar and mode the median and the minimum
 * CPU µs per event over the rounds.
 * Run: java benchmarks/tools/JarAB.java OLD.jar NEW.jar [CHUNK] [ROUNDS] [MODES]
 * e.g. java benchmarks/tools/JarAB.java /tmp/old.jar benchmarks/target/benchmarks.jar 10000 21 fast,scoreSample
 */
public class JarAB {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java benchmarks/tools/JarAB.java OLD.jar NEW.jar [CHUNK] [ROUNDS] [MODES]");
            System.exit(2);
        }
        String chunk = args.length > 2 ? args[2] : "10000";
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 21;
        String modes = args.length > 4 ? args[4] : "fast,scoreSample";
        Method[] mains = new Method[2];
        for (int i = 0; i < 2; i++) {
            URLClassLoader l = new URLClassLoader(new URL[] {new File(args[i]).toURI().toURL()},
                    ClassLoader.getPlatformClassLoader());
            mains[i] = l.loadClass("org.stochad.benchmarks.LundTiming").getMethod("main", String[].class);
        }
        PrintStream out = System.out;
        List<Map<String, List<Double>>> res = List.of(new TreeMap<>(), new TreeMap<>());
        for (int r = -1; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int i = (r + k + 2) % 2;
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                System.setOut(new PrintStream(buf));
                try {
                    mains[i].invoke(null, (Object) new String[] {chunk, "1", r < 0 ? "20000" : "1000", modes});
                } finally {
                    System.setOut(out);
                }
                if (r < 0) {
                    continue;
                }
                String s = buf.toString();
                for (String m : modes.split(",")) {
                    String key = "\"" + m + "\":{\"median_us\":";
                    int q = s.indexOf(key) + key.length();
                    res.get(i).computeIfAbsent(m, x -> new ArrayList<>())
                            .add(Double.parseDouble(s.substring(q, s.indexOf(',', q))));
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            StringBuilder b = new StringBuilder(args[i] + ":");
            for (Map.Entry<String, List<Double>> e : res.get(i).entrySet()) {
                List<Double> v = new ArrayList<>(e.getValue());
                Collections.sort(v);
                b.append(String.format(" %s median %.3f (min %.3f)", e.getKey(), v.get(v.size() / 2), v.get(0)));
            }
            out.println(b);
        }
    }
}
