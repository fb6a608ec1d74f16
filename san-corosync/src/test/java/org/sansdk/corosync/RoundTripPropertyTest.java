package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Built configs (up to a few thousand lines) render to text that parses back to the same tree. */
class RoundTripPropertyTest {

    @Property(tries = 60, seed = "42", maxDiscardRatio = 1)
    void builtConfigsParseBackAndRenderIdentically(@ForAll("configs") CorosyncConf conf) {
        String text = CorosyncConfWriter.render(conf);
        CorosyncConf back = CorosyncConfParser.parse("gen", text);
        assertThat(strip(back.items())).isEqualTo(strip(conf.items()));
        assertThat(CorosyncConfWriter.render(back)).isEqualTo(text);
    }

    /** The tree without raw text and lines, to compare a parsed tree with a built one. */
    static List<Object> strip(List<ConfItem> items) {
        List<Object> out = new ArrayList<>();
        for (ConfItem i : items) {
            if (i instanceof ConfItem.Comment c) {
                out.add("#" + c.text());
            } else if (i instanceof ConfItem.Blank) {
                out.add("");
            } else if (i instanceof ConfItem.Entry e) {
                out.add(List.of(e.key(), e.value()));
            } else if (i instanceof ConfItem.Section s) {
                out.add(List.of(s.name(), strip(s.items())));
            }
        }
        return out;
    }

    @Provide
    Arbitrary<CorosyncConf> configs() {
        return item(3).list().ofMinSize(1).ofMaxSize(400).map(CorosyncConf::of)
                .filter(c -> c.items().stream().anyMatch(i -> !(i instanceof ConfItem.Comment) && !(i instanceof ConfItem.Blank)));
    }

    Arbitrary<ConfItem> item(int depth) {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz_0123456789.-").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> value = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789:/._-@ ").ofMinLength(1).ofMaxLength(60)
                .map(String::strip).filter(v -> !v.isEmpty());
        Arbitrary<ConfItem> entry = Combinators.combine(name, value).as(ConfItem.Entry::of);
        Arbitrary<ConfItem> comment = value.map(v -> ConfItem.Comment.of("# " + v));
        Arbitrary<ConfItem> blank = Arbitraries.just(ConfItem.Blank.of());
        if (depth == 0) {
            return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, entry), net.jqwik.api.Tuple.of(1, comment), net.jqwik.api.Tuple.of(1, blank));
        }
        Arbitrary<ConfItem> section = Combinators.combine(name, item(depth - 1).list().ofMaxSize(12)).as(ConfItem.Section::of);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, entry), net.jqwik.api.Tuple.of(1, comment),
                net.jqwik.api.Tuple.of(1, blank), net.jqwik.api.Tuple.of(3, section));
    }
}
