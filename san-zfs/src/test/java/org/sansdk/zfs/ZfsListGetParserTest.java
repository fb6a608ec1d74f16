package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;

/** Outputs below were captured from zfs-fuse 0.7.0 on the build machine (see ZfsFuseRealToolTest for live runs). */
class ZfsListGetParserTest {

    @Test
    void parseList_anyColumnOrder_keysValuesByRequestedColumns() {
        List<ListRow> rows = ZfsListParser.parse("zfs list", "tp\t41.1M\t49.9M\t40.2M\t/tp\n",
                ZfsListParser.ZFS_DEFAULT);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("tp");
            assertThat(r.text("mountpoint")).contains("/tp");
            assertThat(r.bytes("used")).hasValue(Math.round(41.1 * 1024 * 1024));
        });
        List<ListRow> reordered = ZfsListParser.parse("zfs list",
                "107374182400\tsan-pool/iscsi/vm-disk-01\t65536\nnone\tsan-pool/nfs\t-\n",
                List.of("volsize", "name", "volblocksize"));
        assertThat(reordered.get(0).name()).isEqualTo("san-pool/iscsi/vm-disk-01");
        assertThat(reordered.get(0).bytes("volsize")).hasValue(107374182400L);
        assertThat(reordered.get(1).bytes("volsize")).isEmpty();
        assertThat(reordered.get(1).text("volblocksize")).isEmpty();
    }

    @Test
    void parseList_wrongFieldCount_throwsLocatedParseException() {
        assertThatThrownBy(() -> ZfsListParser.parse("zpool list", "a\t1\t2\nb\t1\t2\t3\n", List.of("name", "x", "y")))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(7);
                    assertThat(e.expected()).contains("3 tab-separated fields");
                });
    }

    @Test
    void parseGet_exactBytesAndSources() {
        List<PropertyValue> values = ZfsGetParser.parse("zfs get",
                "tp\tused\t43114496\t-\ntp\tcompression\toff\tdefault\ntp/a\tquota\t1073741824\tlocal\n");
        assertThat(values.get(0).bytes()).hasValue(43114496);
        assertThat(values.get(1).bytes()).isEmpty();
        assertThat(values.get(2).isLocal()).isTrue();
        assertThat(ZfsGetParser.byName(values).get("tp")).containsOnlyKeys("used", "compression");
    }

    @Test
    void parseGet_zpoolGetHpAndZfsGetWithFieldOrder() {
        // zpool get -Hp prints the same four tab-separated fields as zfs get -Hp (print_one_property)
        List<PropertyValue> pool = ZfsGetParser.parse("zpool get",
                "san-pool\tsize\t3985729650688\t-\nsan-pool\tmultihost\ton\tlocal\nsan-pool\tashift\t12\tlocal\n");
        assertThat(pool).extracting(PropertyValue::property).containsExactly("size", "multihost", "ashift");
        assertThat(pool.get(0).bytes()).hasValue(3985729650688L);
        assertThat(pool.get(1).value()).isEqualTo("on");
        assertThat(pool.get(1).isLocal()).isTrue();
        // zfs get -Hp -o value,name,property: any order the caller asked for
        List<PropertyValue> reordered = ZfsGetParser.parse("zfs get", "107374182400\tsan-pool/iscsi/vm-disk-01\tvolsize\n",
                List.of("value", "name", "property"));
        assertThat(reordered).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("san-pool/iscsi/vm-disk-01");
            assertThat(v.property()).isEqualTo("volsize");
            assertThat(v.bytes()).hasValue(107374182400L);
        });
        var ctx = org.sansdk.core.ReplayExecutor.builder()
                .on(List.of("zpool", "get", "-Hp", "multihost", "san-pool"), "san-pool\tmultihost\ton\tlocal\n").build();
        assertThat(Zpool.on(ctx).poolGet(List.of("multihost"), "san-pool")).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo("on"));
    }
}
