package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;

class ZfsJsonParserTest {

    @Test
    void properties_zfsGetJ_rendersSourcesLikeZfsGet() {
        List<PropertyValue> v = ZfsJsonParser.properties("get", Corpus.read("zpool-json", "man-zfs-get-j-r-mountpoint.json"));
        assertThat(v).extracting(PropertyValue::name, PropertyValue::value, PropertyValue::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pool/home", "/pool/home", "default"),
                org.assertj.core.groups.Tuple.tuple("pool/home/bob", "/pool/home/bob", "default"));
    }

    @Test
    void rows_zfsListJ_convertsSizesAndKeepsSnapshots() {
        List<ListRow> rows = ZfsJsonParser.rows("list", Corpus.read("zpool-json", "man-zfs-list-j-filesystem-snapshot.json"));
        ListRow pool = rows.get(0);
        assertThat(pool.name()).isEqualTo("pool");
        assertThat(pool.text("type")).contains("filesystem");
        assertThat(pool.bytes("used")).hasValue(290L * 1024);
        assertThat(pool.bytes("available")).hasValue(Math.round(30.5 * (1L << 30)));
        assertThat(rows).extracting(ListRow::name).anyMatch(n -> n.contains("@"));
    }

    @Test
    void rows_zpoolListJ_readsPools() {
        List<ListRow> rows = ZfsJsonParser.rows("zpool list", Corpus.read("zpool-json", "man-zpool-list-j.json"));
        assertThat(rows).extracting(ListRow::name).containsExactly("tank");
        assertThat(rows.get(0).bytes("size")).hasValue(111L << 30);
        assertThat(rows.get(0).text("checkpoint")).isEmpty();
    }

    @Test
    void properties_notJson_throwsParseException() {
        assertThatThrownBy(() -> ZfsJsonParser.properties("x", "[1,2]")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> ZfsJsonParser.properties("x", "{\"a\":")).isInstanceOf(ParseException.class);
    }
}
