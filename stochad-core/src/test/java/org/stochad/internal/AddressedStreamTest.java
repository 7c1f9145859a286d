package org.stochad.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.core.source64.Philox4x64;
import org.junit.jupiter.api.Test;

/** The stream's own Philox4x64 rounds against Commons RNG's generator, bit for bit. */
class AddressedStreamTest {

    @Test
    void outputEqualsCommonsPhilox4x64WithTheAddressAsKey() {
        AddressedStream root = AddressedStream.root(20261122L, 7, 0);
        for (long key = -3; key < 40; key++) {
            AddressedStream s = root.fork(key).fork(key * 31 + 5);
            Philox4x64 reference = new Philox4x64(new long[] {s.addressHi(), s.addressLo(), 0, 0, 0, 0});
            // 1001 outputs: crosses many 4-word blocks and ends mid-block
            for (int i = 0; i < 1001; i++) {
                assertThat(s.nextLong()).as("key %d output %d", key, i).isEqualTo(reference.next());
            }
        }
    }

    @Test
    void uniformsAreTheTop53BitsOfTheGeneratorOutput() {
        AddressedStream s = AddressedStream.root(1, 2, 3);
        Philox4x64 reference = new Philox4x64(new long[] {s.addressHi(), s.addressLo(), 0, 0, 0, 0});
        for (int i = 0; i < 100; i++) {
            double expected = ((reference.next() >>> 11) + 0.5) * 0x1.0p-53;
            assertThat(s.nextUniform()).isEqualTo(expected);
            assertThat(s.position()).isEqualTo(i + 1);
        }
    }
}
