package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** parse/toString round trips and rule checks of the value types. */
class ValueTypeProperties {

    // ---- Size -------------------------------------------------------------------------------------

    @Property
    void size_toString_parsesBackExactly(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long bytes) {
        Size s = Size.ofBytes(bytes);
        assertThat(Size.parse(s.toString())).isEqualTo(s);
    }

    @Property
    void size_unitMultiples_printWithTheirUnit(@ForAll @LongRange(min = 1, max = 1023) long n) {
        assertThat(Size.ofBytes(n << 30).toString()).isEqualTo(n + "G");
        assertThat(Size.parse(n + "G").bytes()).isEqualTo(n << 30);
    }

    @Property
    void size_anyString_parsesOrThrowsIllegalArgument(@ForAll String text) {
        Throwable t = bounded(() -> Size.parse(text));
        assertThat(t).satisfiesAnyOf(x -> assertThat(x).isNull(), x -> assertThat(x).isInstanceOf(IllegalArgumentException.class));
    }

    @Example
    void size_parsesZfsForms() {
        assertThat(Size.parse("512").bytes()).isEqualTo(512);
        assertThat(Size.parse("0B").bytes()).isZero();
        assertThat(Size.parse("12G").bytes()).isEqualTo(12L << 30);
        assertThat(Size.parse("1.5T").bytes()).isEqualTo(3L << 39);
        assertThat(Size.parse("1.57K").bytes()).isEqualTo(1608); // 1.57 * 1024 = 1607.68, half up
        assertThat(Size.parse("64k").bytes()).isEqualTo(65536);
        assertThat(Size.parse("100GiB").bytes()).isEqualTo(100L << 30);
        assertThat(Size.parse("3.64T").bytes()).isEqualTo(4002222325105L);
        assertThat(Size.parse("12884901888").toString()).isEqualTo("12G");
    }

    @Example
    void size_toHuman_matchesZfsNicenum() {
        assertThat(Size.parse("3.64T").toHuman()).isEqualTo("3.64T");
        assertThat(Size.ofBytes(512).toHuman()).isEqualTo("512B");
        assertThat(Size.ofBytes(12L << 30).toHuman()).isEqualTo("12G");
        assertThat(Size.ofBytes(1608).toHuman()).isEqualTo("1.57K");
        assertThat(Size.ofBytes(1000L << 30).toHuman()).isEqualTo("1000G");
        assertThat(Size.ofBytes(1001L * 1024 * 1024 * 1024 + 1).toHuman()).isEqualTo("1001G");
    }

    @Example
    void size_rejectsGarbageWithExpectation() {
        assertThatThrownBy(() -> Size.parse("-")).hasMessageContaining("expected a size");
        assertThatThrownBy(() -> Size.parse("12X")).hasMessageContaining("unknown size unit");
        assertThatThrownBy(() -> Size.parse("9E")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Size.parse("1.2.3")).hasMessageContaining("expected a size");
    }

    // ---- Iqn --------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> validIqns() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> suffix = Arbitraries.strings().withCharRange('a', 'z').withChars("0123456789.:-_").ofMinLength(1).ofMaxLength(30);
        return Combinators.combine(Arbitraries.integers().between(1990, 2099), Arbitraries.integers().between(1, 12),
                label.list().ofMinSize(1).ofMaxSize(4), suffix.optional())
                .as((y, m, labels, sfx) -> String.format("iqn.%04d-%02d.%s", y, m, String.join(".", labels))
                        + sfx.map(x -> ":" + x).orElse(""));
    }

    @Property
    void iqn_validNames_roundTrip(@ForAll("validIqns") String name) {
        Iqn iqn = Iqn.parse(name);
        assertThat(iqn.type()).isEqualTo(Iqn.Type.IQN);
        assertThat(Iqn.parse(iqn.toString())).isEqualTo(iqn);
        assertThat(iqn.toString()).isEqualTo(name);
    }

    @Property
    void iqn_anyString_parsesOrThrowsIllegalArgument(@ForAll String text) {
        Throwable t = bounded(() -> Iqn.parse(text));
        assertThat(t).satisfiesAnyOf(x -> assertThat(x).isNull(), x -> assertThat(x).isInstanceOf(IllegalArgumentException.class));
    }

    @Example
    void iqn_formsAndRules() {
        assertThat(Iqn.parse("IQN.2025-01.Lab.Home:Storage-A").toString()).isEqualTo("iqn.2025-01.lab.home:storage-a");
        assertThat(Iqn.parse("iqn.2025-01.lab.home:storage-a").suffix()).isEqualTo("storage-a");
        assertThat(Iqn.parse("eui.02004567A425678D").type()).isEqualTo(Iqn.Type.EUI);
        assertThat(Iqn.parse("naa.52004567BA64678D").type()).isEqualTo(Iqn.Type.NAA);
        assertThat(Iqn.parse("naa.6001405abcdef0123456789abcdef012").type()).isEqualTo(Iqn.Type.NAA);
        assertThatThrownBy(() -> Iqn.parse("iqn.2025-13.lab.home")).hasMessageContaining("month must be 01 to 12");
        assertThatThrownBy(() -> Iqn.parse("iqn.25-01.lab.home")).hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> Iqn.parse("iqn.2025-01.lab..home")).hasMessageContaining("invalid label");
        assertThatThrownBy(() -> Iqn.parse("iqn.2025-01.lab.home:")).hasMessageContaining("must be followed");
        assertThatThrownBy(() -> Iqn.parse("iqn.2025-01.lab.home:a b")).hasMessageContaining("no spaces");
        assertThatThrownBy(() -> Iqn.parse("eui.0200")).hasMessageContaining("16 hex digits");
        assertThatThrownBy(() -> Iqn.parse("naa.5200456")).hasMessageContaining("16 or 32 hex");
        assertThatThrownBy(() -> Iqn.parse("storage-a")).hasMessageContaining("starts with iqn., eui. or naa.");
        assertThatThrownBy(() -> Iqn.parse("iqn.2025-01.lab.home:" + "x".repeat(210))).hasMessageContaining("223 bytes");
    }

    // ---- Wwn --------------------------------------------------------------------------------------

    @Property
    void wwn_roundTrip(@ForAll("wwnHex") String hex) {
        Wwn w = Wwn.parse(hex);
        assertThat(Wwn.parse(w.toString())).isEqualTo(w);
        assertThat(w.hex()).isEqualTo(hex.toLowerCase(java.util.Locale.ROOT));
    }

    @Provide
    Arbitrary<String> wwnHex() {
        Arbitrary<String> h15 = Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(15);
        Arbitrary<String> h31 = Arbitraries.strings().withChars("0123456789abcdef").ofLength(31);
        return Arbitraries.oneOf(h15.map(s -> "5" + s), h31.map(s -> "6" + s));
    }

    @Example
    void wwn_acceptsCommonSpellings() {
        assertThat(Wwn.parse("wwn-0x5000c500a1b2c3d4").toString()).isEqualTo("naa.5000c500a1b2c3d4");
        assertThat(Wwn.parse("50:00:C5:00:A1:B2:C3:D4").toString()).isEqualTo("naa.5000c500a1b2c3d4");
        assertThatThrownBy(() -> Wwn.parse("4000c500a1b2c3d4")).hasMessageContaining("NAA field 4");
        assertThatThrownBy(() -> Wwn.parse("5000c500a1b2c3")).hasMessageContaining("16 or 32 hex");
    }

    // ---- IpCidr -----------------------------------------------------------------------------------

    @Property
    void ipv4Cidr_roundTrip(@ForAll("ipv4") String addr, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 32) int prefix) {
        IpCidr c = IpCidr.parse(addr + "/" + prefix);
        assertThat(c.toString()).isEqualTo(addr + "/" + prefix);
        assertThat(IpCidr.parse(c.toString())).isEqualTo(c);
        assertThat(c.contains(addr)).isTrue();
    }

    @Provide
    Arbitrary<String> ipv4() {
        return Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
    }

    @Property
    void ipv6Cidr_canonicalFormRoundTrips(@ForAll("ipv6Bytes") byte[] bytes, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 128) int prefix) throws Exception {
        String jdk = java.net.InetAddress.getByAddress(bytes).getHostAddress(); // full, uncompressed form
        IpCidr c = IpCidr.parse(jdk + "/" + prefix);
        assertThat(IpCidr.parse(c.toString())).isEqualTo(c);
        assertThat(java.net.InetAddress.getByName(c.address()).getAddress()).isEqualTo(bytes);
    }

    @Provide
    Arbitrary<byte[]> ipv6Bytes() {
        // zero runs are common in real addresses: bias towards them
        return Arbitraries.integers().between(0, 3).list().ofSize(8).flatMap(kinds ->
                Arbitraries.integers().between(0, 0xffff).list().ofSize(8).map(vals -> {
                    byte[] b = new byte[16];
                    for (int i = 0; i < 8; i++) {
                        int v = kinds.get(i) == 0 ? 0 : vals.get(i);
                        b[2 * i] = (byte) (v >> 8);
                        b[2 * i + 1] = (byte) v;
                    }
                    b[0] = (byte) 0xfd; // keep it out of the IPv4-mapped range the JDK converts
                    return b;
                }));
    }

    @Property
    void ipCidr_anyString_parsesOrThrowsIllegalArgument(@ForAll String text) {
        Throwable t = bounded(() -> IpCidr.parse(text));
        assertThat(t).satisfiesAnyOf(x -> assertThat(x).isNull(), x -> assertThat(x).isInstanceOf(IllegalArgumentException.class));
    }

    @Example
    void ipCidr_networksAndRules() {
        IpCidr vip = IpCidr.parse("10.40.40.10/24");
        assertThat(vip.network()).isEqualTo("10.40.40.0/24");
        assertThat(vip.netmask()).isEqualTo("255.255.255.0");
        assertThat(vip.contains("10.40.40.200")).isTrue();
        assertThat(vip.contains("10.40.41.1")).isFalse();
        assertThat(IpCidr.parse("FD00:0:0:0:0:0:0:1/64").toString()).isEqualTo("fd00::1/64");
        assertThat(IpCidr.parse("2001:db8:0:0:1:0:0:1/64").address()).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpCidr.host("10.10.10.1").prefix()).isEqualTo(32);
        assertThatThrownBy(() -> IpCidr.parse("10.10.10.256/24")).hasMessageContaining("above 255");
        assertThatThrownBy(() -> IpCidr.parse("10.10.10.01/24")).hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> IpCidr.parse("10.10.10.1/33")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> IpCidr.parse("10.10.10.1")).hasMessageContaining("ADDRESS/PREFIX");
        assertThatThrownBy(() -> IpCidr.parse("fe80::1%eth0/64")).hasMessageContaining("zone");
        assertThatThrownBy(() -> IpCidr.parse("storage-a/24")).hasMessageContaining("IPv4");
    }

    // ---- ZfsName ----------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> validZfsNames() {
        Arbitrary<String> comp = Arbitraries.strings().withCharRange('a', 'z').withChars("0123456789_-.: ").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        Arbitrary<String> pool = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(1)
                .flatMap(first -> Arbitraries.strings().withCharRange('a', 'z').withChars("0-_").ofMaxLength(10).map(r -> first + r))
                .filter(p -> !p.equals("mirror") && !p.equals("raidz") && !p.equals("draid"));
        return Combinators.combine(pool, comp.list().ofMaxSize(4), Arbitraries.of("", "@", "#"), comp)
                .as((p, comps, delim, last) -> {
                    StringBuilder sb = new StringBuilder(p);
                    comps.forEach(c -> sb.append('/').append(c));
                    if (!delim.isEmpty()) {
                        sb.append(delim).append(last);
                    }
                    return sb.toString();
                });
    }

    @Property
    void zfsName_validNames_roundTrip(@ForAll("validZfsNames") String name) {
        ZfsName n = ZfsName.parse(name);
        assertThat(n.toString()).isEqualTo(name);
        assertThat(ZfsName.parse(n.toString())).isEqualTo(n);
        assertThat(name).startsWith(n.pool());
    }

    @Property
    void zfsName_anyString_parsesOrThrowsIllegalArgument(@ForAll String text) {
        Throwable t = bounded(() -> ZfsName.parse(text));
        assertThat(t).satisfiesAnyOf(x -> assertThat(x).isNull(), x -> assertThat(x).isInstanceOf(IllegalArgumentException.class));
    }

    @Example
    void zfsName_kindsAndNavigation() {
        ZfsName vol = ZfsName.parse("san-pool/iscsi/hypervisor/vm-100-disk-0");
        assertThat(vol.kind()).isEqualTo(ZfsName.Kind.DATASET);
        assertThat(vol.pool()).isEqualTo("san-pool");
        assertThat(vol.leaf()).isEqualTo("vm-100-disk-0");
        assertThat(vol.parent()).contains(ZfsName.parse("san-pool/iscsi/hypervisor"));
        assertThat(vol.isUnder(ZfsName.parse("san-pool/iscsi"))).isTrue();
        assertThat(vol.isUnder(ZfsName.parse("san-pool/isc"))).isFalse();
        ZfsName snap = vol.snapshot("daily-2026-11-25");
        assertThat(snap.kind()).isEqualTo(ZfsName.Kind.SNAPSHOT);
        assertThat(snap.parent()).contains(vol);
        assertThat(ZfsName.parse("san-pool/nfs#mark").kind()).isEqualTo(ZfsName.Kind.BOOKMARK);
        assertThat(ZfsName.parse("san-pool").kind()).isEqualTo(ZfsName.Kind.POOL);
    }

    @Example
    void zfsName_rulesAsOpenZfsEnforcesThem() {
        assertThatThrownBy(() -> ZfsName.parse("1pool")).hasMessageContaining("begin with a letter");
        assertThatThrownBy(() -> ZfsName.parse("mirror")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> ZfsName.parse("raidz/fs")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> ZfsName.pool("mirror1")).hasMessageContaining("starting with \"mirror\"");
        assertThatThrownBy(() -> ZfsName.pool("raidz2pool")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> ZfsName.pool("draid-x")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> ZfsName.pool("spares")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> ZfsName.pool("log")).hasMessageContaining("reserved");
        assertThat(ZfsName.pool("logs").toString()).isEqualTo("logs"); // only "log" itself is reserved
        assertThatThrownBy(() -> ZfsName.parse("pool//fs")).hasMessageContaining("empty component");
        assertThatThrownBy(() -> ZfsName.parse("pool/fs/")).hasMessageContaining("trailing slash");
        assertThatThrownBy(() -> ZfsName.parse("pool/../fs")).hasMessageContaining("\"..\"");
        assertThatThrownBy(() -> ZfsName.parse("pool@a@b")).hasMessageContaining("multiple '@'");
        assertThatThrownBy(() -> ZfsName.parse("pool@a/b")).hasMessageContaining("last component");
        assertThatThrownBy(() -> ZfsName.parse("pool@snap#b")).hasMessageContaining("not both");
        assertThatThrownBy(() -> ZfsName.parse("pool/f*s")).hasMessageContaining("invalid character '*'");
        assertThatThrownBy(() -> ZfsName.parse("p/" + "x".repeat(254))).hasMessageContaining("shorter than 256");
        assertThatThrownBy(() -> ZfsName.pool("san-pool/fs")).hasMessageContaining("no '/'");
    }

    // ---- every value parser: garbage of any size, bounded in time ---------------------------------

    /** Runs a parse under a 10 s bound (a hang fails) and returns what it threw, or null. */
    static Throwable bounded(org.assertj.core.api.ThrowableAssert.ThrowingCallable parse) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> catchThrowable(parse));
    }

    @Property(tries = 25)
    void everyValueParser_largeGarbage_refusedWithIllegalArgument_inBoundedTime(
            @ForAll @net.jqwik.api.constraints.StringLength(min = 10_000, max = 300_000) String text) {
        for (java.util.function.Function<String, Object> parse : java.util.List.<java.util.function.Function<String, Object>>of(
                Size::parse, Iqn::parse, IpCidr::parse, ZfsName::parse, Wwn::parse)) {
            Throwable t = bounded(() -> parse.apply(text));
            assertThat(t).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
