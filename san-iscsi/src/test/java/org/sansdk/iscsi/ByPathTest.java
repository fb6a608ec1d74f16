package org.sansdk.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Iqn;

class ByPathTest {

    @Test
    void theIssuesExampleBothWays() {
        ByPath p = ByPath.parse("ip-10.10.10.2:3260-iscsi-iqn.2025-01.lab.home:storage-b-lun-0");
        assertThat(p).isEqualTo(ByPath.of("10.10.10.2", 3260, "iqn.2025-01.lab.home:storage-b", 0));
        assertThat(p.path()).isEqualTo("/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-iqn.2025-01.lab.home:storage-b-lun-0");
    }

    @Test
    void lunsFrom256AreWrittenAsUdevDoes() {
        // udev: lun-0x%04lx%04lx00000000 of (lun & 0xffff, (lun >> 16) & 0xffff); LIO's LUN 300 is flat-space 0x412c
        long kernel = ByPath.kernelLun(300);
        assertThat(kernel).isEqualTo(16684L);
        ByPath p = ByPath.of("10.10.10.2", 3260, "iqn.2025-01.lab.home:storage-b", kernel);
        assertThat(p.name()).endsWith("-lun-0x412c000000000000");
        assertThat(ByPath.lunPart(255)).isEqualTo("lun-255");
        assertThat(ByPath.lunPart(256)).isEqualTo("lun-0x0100000000000000");
        assertThat(ByPath.lunPart(0x00020001L)).isEqualTo("lun-0x0001000200000000");
        assertThat(ByPath.targetLun(kernel)).hasValue(300);
        assertThat(ByPath.parse(p.name() + "-part1").partition()).isEqualTo(1);
        assertThat(ByPath.parse(p.name() + "-part1").lun()).isEqualTo(kernel);
    }

    @Test
    void ipv6AsTheSessionHasItAndIqnsHoldingLunText() {
        ByPath p = ByPath.parse("/dev/disk/by-path/ip-fd00:10::2:3260-iscsi-iqn.2025-01.lab.home:x-lun-9-lun-3-part2");
        assertThat(p.address()).isEqualTo("fd00:10::2");
        assertThat(p.port()).isEqualTo(3260);
        assertThat(p.target()).isEqualTo("iqn.2025-01.lab.home:x-lun-9");
        assertThat(p.lun()).isEqualTo(3);
        assertThat(p.partition()).isEqualTo(2);
    }

    @Test
    void nonCanonicalNamesAreRefused() {
        assertThatThrownBy(() -> ByPath.parse("ip-10.0.0.1:3260-iscsi-iqn.2025-01.a.b:c-lun-256"))
                .hasMessageContaining("0x%04x%04x00000000");
        assertThatThrownBy(() -> ByPath.parse("ip-10.0.0.1:3260-iscsi-iqn.2025-01.a.b:c-lun-0x0001000000000000"))
                .hasMessageContaining("decimal");
        assertThatThrownBy(() -> ByPath.parse("ip-10.0.0.1:3260-iscsi-iqn.2025-01.a.b:c-lun-0x0100000000000001"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByPath.parse("pci-0000:00:1f.2-ata-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Iqn> iqns() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(10)
                .filter(s -> Character.isLetterOrDigit(s.charAt(0)));
        Arbitrary<String> suffix = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('.', ':', '-', '_')
                .ofMinLength(1).ofMaxLength(60);
        return Combinators.combine(Arbitraries.integers().between(1990, 2099), Arbitraries.integers().between(1, 12),
                label.list().ofMinSize(1).ofMaxSize(4), suffix)
                .as((y, m, labels, s) -> Iqn.parse("iqn." + y + "-" + String.format("%02d", m) + "."
                        + String.join(".", labels) + ":" + s));
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> v4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
        Arbitrary<String> v6 = Arbitraries.bytes().array(byte[].class).ofSize(16).map(b -> {
            try {
                // compressed as configured (persistent) or uncompressed as the kernel's %pI6 prints it
                return Inet6Address.getByAddress(null, b, -1).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        });
        Arbitrary<String> v6full = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
                .map(l -> String.join(":", l.stream().map(x -> String.format("%04x", x)).toList()));
        return Arbitraries.oneOf(v4, v6, v6full);
    }

    @Property(tries = 500, seed = "20251128")
    void roundTripsRandomIqnsAddressesAndLuns(@ForAll("iqns") Iqn iqn, @ForAll("addresses") String address,
                                              @ForAll @IntRange(min = 1, max = 65535) int port,
                                              @ForAll @IntRange(min = 0, max = 16383) int targetLun,
                                              @ForAll @IntRange(min = 0, max = 3) int partition) {
        ByPath p = new ByPath(address, port, iqn.toString(), ByPath.kernelLun(targetLun), partition);
        ByPath back = ByPath.parse(p.path());
        assertThat(back).isEqualTo(p);
        assertThat(back.name()).isEqualTo(p.name());
        assertThat(ByPath.targetLun(back.lun())).hasValue(targetLun);
    }

    @Property(tries = 300, seed = "20251128")
    void anyKernelLunRoundTrips(@ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 0xFFFFFFFFL) long lun) {
        ByPath p = ByPath.of("10.10.10.2", 3260, "iqn.2025-01.lab.home:storage-b", lun);
        assertThat(ByPath.parse(p.name()).lun()).isEqualTo(lun);
    }
}
