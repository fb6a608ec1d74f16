package org.sansdk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sansdk.cluster.design.AnsibleInventoryImport;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SanDesignYaml;
import org.sansdk.cluster.rules.DesignFinding;
import org.sansdk.cluster.rules.DesignRules;
import org.sansdk.cluster.rules.Severity;
import org.sansdk.core.SanException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sanctl validate DESIGN | --ansible DIR}: every rule over a SAN design — the cross-layer rules of
 * san-cluster and each tool module's own checks on what the design maps to — one finding per line with its
 * id, severity, layer, where, reason and fix. The logic is {@link DesignRules}; this class wires it to picocli.
 *
 * <pre>{@code sanctl validate examples/designs/reference.yml}</pre>
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a SAN design (a design YAML file, or an Ansible inventory of the design with --ansible)"
                + " against every rule: cross-layer and per tool.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no error (warnings and notes may be listed)",
                "1:a rule error, or the design cannot be read (the error names file, line and key)", "2:usage error"})
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Source source;

    static final class Source {
        @Parameters(index = "0", paramLabel = "DESIGN", description = "a design YAML file (see examples/designs/reference.yml)")
        Path design;

        @Option(names = "--ansible", paramLabel = "DIR", description = "an Ansible inventory directory of this design"
                + " (inventory.yml, group_vars/, host_vars/); vault values become secrets to supply")
        Path ansible;
    }

    /** For picocli. */
    public ValidateCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SanDesign design;
        List<String> notes = new ArrayList<>();
        try {
            if (source.ansible != null) {
                AnsibleInventoryImport imported = AnsibleInventoryImport.read(source.ansible);
                design = imported.design();
                imported.ignored().forEach(i -> notes.add("not imported: " + i));
            } else {
                design = SanDesignYaml.read(source.design);
            }
        } catch (SanException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        List<DesignFinding> findings = DesignRules.check(design);
        for (DesignFinding f : findings) {
            out.println(f);
        }
        notes.forEach(out::println);
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        out.println(design.clusterName() + ": " + design.nodes().size() + " nodes, " + findings.size() + " findings ("
                + errors + " errors, " + warnings + " warnings)" + (notes.isEmpty() ? "" : ", " + notes.size()
                + " inventory keys not imported"));
        out.flush();
        return DesignRules.hasErrors(findings) ? 1 : 0;
    }
}
