package org.stochad.lund.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.stochad.lund.Event;
import org.stochad.lund.Hadron;

/**
 * Writes events in HepMC3's "Asciiv3" text format, readable by HepMC3's {@code ReaderAscii}
 * and by Rivet.
 *
 * <p>Each event is written as e⁻e⁺ → q q̄ → hadrons in the string rest frame: two beam
 * electrons (status 4) meet at vertex −1, which produces the quark (+z) and antiquark (−z) of
 * the string (status 23, massless, E_CM/2 each); these enter vertex −2, which produces the
 * hadrons (status 1). Units GEV MM. Output goes to a temporary file that {@link #close()} moves
 * into place, so a failed run leaves no partial file.
 */
public final class HepMC3Writer implements Closeable {

    /** The version line written at the top. */
    public static final String VERSION = "HepMC::Version 3.02.05";
    /** The start-of-listing marker. */
    public static final String START = "HepMC::Asciiv3-START_EVENT_LISTING";
    /** The end-of-listing marker. */
    public static final String END = "HepMC::Asciiv3-END_EVENT_LISTING";
    private static final double ELECTRON_MASS = 0.000510998950;

    private final Path target;
    private final Path tmp;
    private final BufferedWriter out;
    private final int quarkId;
    private boolean closed;

    /**
     * @param target  the output file
     * @param quarkId the flavour code of the string's quark (1..3), for the q q̄ lines
     * @throws IOException when the file cannot be created
     */
    public HepMC3Writer(Path target, int quarkId) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        this.tmp = Files.createTempFile(dir, "." + this.target.getFileName(), ".tmp");
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8),
                1 << 16);
        this.quarkId = quarkId;
        out.write(VERSION);
        out.newLine();
        out.write(START);
        out.newLine();
    }

    /**
     * @param number the event number
     * @param event  the event
     * @throws IOException on failure
     */
    public void write(long number, Event event) throws IOException {
        int nHad = event.multiplicity();
        double half = 0.5 * event.eCm();
        double pzBeam = Math.sqrt(half * half - ELECTRON_MASS * ELECTRON_MASS);
        out.write("E " + number + " 2 " + (nHad + 4));
        out.newLine();
        out.write("U GEV MM");
        out.newLine();
        particle(1, 0, 11, 0, 0, pzBeam, half, ELECTRON_MASS, 4);
        particle(2, 0, -11, 0, 0, -pzBeam, half, ELECTRON_MASS, 4);
        out.write("V -1 0 [1,2]");
        out.newLine();
        particle(3, -1, quarkId, 0, 0, half, half, 0, 23);
        particle(4, -1, -quarkId, 0, 0, -half, half, 0, 23);
        out.write("V -2 0 [3,4]");
        out.newLine();
        int id = 5;
        for (Hadron h : event.hadrons()) {
            particle(id++, -2, h.pdgId(), h.pxValue(), h.pyValue(), h.pzValue(), h.eValue(), h.mass(), 1);
        }
    }

    private void particle(int id, int parent, int pdg, double px, double py, double pz, double e, double m,
                          int status) throws IOException {
        out.write(String.format(Locale.ROOT, "P %d %d %d %.16e %.16e %.16e %.16e %.16e %d", id, parent, pdg,
                px, py, pz, e, m, status));
        out.newLine();
    }

    /** Writes the footer and moves the file into place. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.write(END);
            out.newLine();
            out.newLine();
            out.close();
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Abandons the output: deletes the temporary file, leaves the target untouched. */
    public void abort() {
        closed = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing to save
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
