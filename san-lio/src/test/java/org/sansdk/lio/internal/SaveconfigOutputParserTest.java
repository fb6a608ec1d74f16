package org.sansdk.lio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.lio.CorpusAccess;

/** The saveconfig parse kind (kept from the former LioCliCommandTest; the lio commands moved to san-cli). */
class SaveconfigOutputParserTest {

    @Test
    void serviceLoader_findsSaveconfigParser() {
        assertThat(ServiceLoader.load(OutputParser.class).stream().map(p -> p.get().kind())).contains("saveconfig");
    }

    @Test
    void parse_saveconfig_masksChapPasswords() {
        JsonNode n = (JsonNode) new SaveconfigOutputParser().parse("f", CorpusAccess.saveconfig("yast-multi-target-chap.json"));
        String json = n.toString();
        assertThat(json).doesNotContain("euimutualpassword").contains("\"chap_mutual_password\":\"****\"")
                .contains("euimutualuserid");
        assertThat(n.get("targets").size()).isEqualTo(7);
    }
}
