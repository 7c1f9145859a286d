import java.lang.management.ManagementFactory;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Observables;

/**
 * Diagnostic for the parallel-scaling goal on a shared machine: runs the replay estimator on the
 * Lund event at 1 and 2 worker threads, alternating, and prints wall time, process CPU time and
 * their ratio (the cores this process actually obtained). If 2 threads get much less than 2 cores
 * of CPU, the missing speed-up is the machine's load, not the estimator. As a control it first
 * measures the cores obtained by one and by two threads that only compute square roots.
 * Run: java -cp benchmarks/target/benchmarks.jar benchmarks/tools/CoresObtained.java
 */
public class CoresObtained {
    public static void main(String[] args) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int n = 1; n <= 2; n++) {
            Thread[] threads = new Thread[n];
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                threads[i] = new Thread(CoresObtained::spin);
                threads[i].start();
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            System.out.printf("control: %d spinning thread(s) obtained %.2f cores%n", n,
                    (double) (os.getProcessCpuTime() - c0) / (System.nanoTime() - w0));
        }
        LundSettings settings = LundSettings.pionsOnly().with(LundSettings.E_CM, 100.0)
            .with(LundSettings.PT_SCORE, "off"); // pathwise σ, as measured in docs/performance.md
        StochasticProgram program = LundProgram.of(settings, Observables.multiplicity());
        double[] theta = settings.theta();
        Estimator[] estimators = {
            Estimators.stochasticAd(StochasticAdOptions.replay().parallelism(1)),
            Estimators.stochasticAd(StochasticAdOptions.replay().parallelism(2))};
        for (int w = 0; w < 3; w++) {
            for (Estimator e : estimators) {
                e.estimate(program, theta, 1000, w);
            }
        }
        long[] wall = new long[2];
        long[] cpu = new long[2];
        int samples = 2000;
        for (int round = 0; round < 6; round++) {
            for (int t = 0; t < 2; t++) {
                long c0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                estimators[t].estimate(program, theta, samples, 100 + round);
                wall[t] += System.nanoTime() - w0;
                cpu[t] += os.getProcessCpuTime() - c0;
            }
        }
        System.out.printf("load average at end: %.2f%n", os.getSystemLoadAverage());
        for (int t = 0; t < 2; t++) {
            System.out.printf("%d thread(s): %.0f samples/s wall, %.2f cores obtained (process CPU / wall), "
                    + "%.1f µs CPU per sample%n", t + 1, 6.0 * samples / (wall[t] / 1e9), (double) cpu[t] / wall[t],
                    cpu[t] / 1e3 / (6.0 * samples));
        }
        System.out.printf("2-thread / 1-thread throughput: %.2f×%n", (double) wall[0] / wall[1]);
    }

    private static volatile double sink;

    private static void spin() {
        double x = 0;
        long end = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 1000; k++) {
                x += Math.sqrt(k + x);
            }
        }
        sink = x;
    }
}
