package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ReplayExecutor;
import org.sansdk.core.Size;

class ZfsFacadeTest {

    @Test
    void list_withoutTypesOrRoot_runsPlainListAndParses() {
        ReplayExecutor ex = ReplayExecutor.builder()
                .on(List.of("zfs", "list", "-Hp", "-o", "name,used"), "san-pool\t1024\nsan-pool/iscsi\t512\n").build();
        assertThat(Zfs.on(ex).list(List.of("name", "used"))).extracting(ListRow::name)
                .containsExactly("san-pool", "san-pool/iscsi");
    }

    @Test
    void list_withTypes_passesTypes() {
        ReplayExecutor ex = ReplayExecutor.builder()
                .on(List.of("zfs", "list", "-Hp", "-o", "name,volsize", "-t", "volume"), "san-pool/v\t4096\n").build();
        assertThat(Zfs.on(ex).list(List.of("name", "volsize"), "volume").get(0).bytes("volsize")).hasValue(4096L);
    }

    @Test
    void get_runsZfsGetAndParsesFourFields() {
        ReplayExecutor ex = ReplayExecutor.builder()
                .on(List.of("zfs", "get", "-Hp", "used,volsize", "san-pool/v"),
                        "san-pool/v\tused\t8192\t-\nsan-pool/v\tvolsize\t4096\tlocal\n").build();
        List<PropertyValue> v = Zfs.on(ex).get(List.of("used", "volsize"), "san-pool/v");
        assertThat(v).extracting(PropertyValue::property).containsExactly("used", "volsize");
        assertThat(v.get(1).isLocal()).isTrue();
    }

    @Test
    void run_runsARenderedCreate() {
        var c = ZfsCreate.zvol("san-pool/v", Size.parse("1G")).build();
        assertThat(c.argv()).startsWith("zfs", "create");
        ReplayExecutor ex2 = ReplayExecutor.builder().on(c.argv(), "").build();
        assertThat(Zfs.on(ex2).run(c).exitCode()).isZero();
    }
}
