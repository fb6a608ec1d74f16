package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.CommandResult;

/**
 * The corpus corosync.conf files through the real {@code corosync -t}, in a network namespace owning the
 * first node's address of each file (host names mapped by a private /etc/hosts, /etc/corosync replaced by a
 * directory holding a fresh authkey and /var/log by a scratch directory, all bind-mounted in a private mount namespace). Where corosync rejects
 * a file, the validator reports at least one error.
 */
class RealCorosyncCorpusTest {

    @TempDir
    Path dir;

    @Test
    void whereCorosyncRejectsACorpusFileTheValidatorHasAnError() throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc-corosync"));
        CorosyncAuthKey.generate().writeTo(etc.resolve("authkey"));
        Path log = Files.createDirectories(dir.resolve("var-log").resolve("cluster")).getParent();
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n"
                + "10.99.0.1 pcmk-1 rh7-1 overcloud-controller-0\n"
                + "10.99.0.2 pcmk-2 rh7-2 overcloud-controller-1\n"
                + "10.99.0.3 rh7-3 overcloud-controller-2\n");
        List<String> table = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (CorosyncLab lab = CorosyncLab.owning("10.99.0.1/24", "192.168.122.1/24", "192.168.123.1/24",
                "192.168.200.101/24")) {
            for (String name : Corpus.CONFS) {
                String text = Corpus.read(name);
                Path f = dir.resolve(name);
                Files.writeString(f, text);
                CommandResult r = lab.ns.exec(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                        "mount --bind \"$1\" /etc/hosts && mount --bind \"$2\" /etc/corosync && mount --bind \"$3\" /var/log"
                                + " && exec corosync -t -c \"$4\"",
                        "sh", hosts.toString(), etc.toString(), log.toString(), f.toString()));
                List<Finding> ours = CorosyncValidator.validate(CorosyncConfParser.parse(name, text));
                List<String> errors = ours.stream().filter(x -> x.severity() == Severity.ERROR).map(Finding::ruleId).distinct().toList();
                table.add(name + " | rc " + r.exitCode() + " | " + RealCorosyncValidationTest.firstError(r) + " | " + errors);
                if (r.exitCode() != 0 && errors.isEmpty()) {
                    failures.add(name + ": corosync -t rc " + r.exitCode() + " but no error from the validator: " + ours);
                }
            }
        }
        table.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }
}
