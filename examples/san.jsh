// san-sdk in JShell:  jshell --class-path examples/target/san-examples.jar examples/san.jsh
import org.sansdk.core.*;
import org.sansdk.core.Executor; // JShell also imports java.util.concurrent.*
import org.sansdk.zfs.*;
import org.sansdk.iscsi.*;
import org.sansdk.corosync.*;
import org.sansdk.lio.*;
import org.sansdk.lio.chap.*;
import org.sansdk.lio.design.*;
import org.sansdk.lio.json.*;
import org.sansdk.lio.proxmox.*;
import org.sansdk.lio.reconcile.*;
import org.sansdk.lio.sync.*;
import org.sansdk.lio.targetcli.*;
import org.sansdk.pacemaker.*;
import org.sansdk.pacemaker.cib.*;
import org.sansdk.pacemaker.design.*;
import org.sansdk.pacemaker.ops.*;
import org.sansdk.pacemaker.sim.*;
import org.sansdk.pacemaker.status.*;
import org.sansdk.pacemaker.xml.*;
import org.sansdk.cluster.*;
import org.sansdk.cluster.bundle.*;
import org.sansdk.cluster.change.*;
import org.sansdk.cluster.design.*;
import org.sansdk.cluster.files.*;
import org.sansdk.cluster.health.*;
import org.sansdk.cluster.map.*;
import org.sansdk.cluster.ops.*;
import org.sansdk.cluster.rules.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

Executor local = new LocalExecutor(Duration.ofSeconds(30));
RecordingExecutor dry = new RecordingExecutor();
Executor ssh(String host) { return SshExecutor.builder(host).user("root").build(); }
PoolStatus pool(Executor on, String name) { return Zpool.on(on).status(name); }
SanDesign design(String file) { return SanDesignYaml.read(Path.of(file)); }
SanCluster cluster(String designFile) { return SanCluster.overSsh(design(designFile), "management", "root"); }
import org.sansdk.examples.DemoCluster;
SanCluster demo = DemoCluster.create(); // the reference design answering from recorded outputs
System.out.println("san-sdk: local, dry, ssh(\"storage-b\"), pool(ssh(\"storage-a\"), \"san-pool\"); Size.parse(\"1.5T\"), Iqn.parse(...), ZfsName.parse(...)");
System.out.println("         design(\"examples/designs/reference.yml\"), DesignRules.check(design(...)), cluster(\"design.yml\").node(\"storage-a\").zpool()");
System.out.println("         demo.node(\"storage-a\").zpool().status(\"san-pool\").describe(), demo.node(\"quorum\").pacemaker().status(), demo.capabilities()");
