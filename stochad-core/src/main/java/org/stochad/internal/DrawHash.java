package org.stochad.internal;

/**
 * A running hash of every draw of a run (address, position, parameter), so a replay can check
 * that the program made the same draws before its forced draw as in the recorded run.
 */
final class DrawHash {

    private long value = 0x243F6A8885A308D3L;

    /** @return the hash of the draws so far */
    long value() {
        return value;
    }

    /**
     * @param stream    the stream of the draw
     * @param index     the draw's position in it
     * @param parameter the draw's parameter
     */
    void add(AddressedStream stream, long index, double parameter) {
        long h = value ^ AddressedStream.mix(stream.addressHi() + 31 * stream.addressLo());
        h = AddressedStream.mix(h + index * 0x9E3779B97F4A7C15L);
        value = AddressedStream.mix(h ^ Double.doubleToLongBits(parameter));
    }

    /**
     * @param stream     the stream of the draw
     * @param index      the draw's position in it
     * @param parameters the draw's parameters
     */
    void add(AddressedStream stream, long index, double[] parameters) {
        long h = value ^ AddressedStream.mix(stream.addressHi() + 31 * stream.addressLo());
        h = AddressedStream.mix(h + index * 0x9E3779B97F4A7C15L);
        for (double parameter : parameters) {
            h = AddressedStream.mix(h ^ Double.doubleToLongBits(parameter));
        }
        value = h;
    }
}
