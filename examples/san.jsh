// san-sdk in JShell:  jshell --class-path examples/target/sanctl.jar examples/san.jsh
import org.sansdk.core.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

Executor local = new LocalExecutor(Duration.ofSeconds(30));
RecordingExecutor dry = new RecordingExecutor();
Executor ssh(String host) { return SshExecutor.builder(host).user("root").build(); }
System.out.println("san-sdk: local, dry, ssh(\"storage-b\"); Command.of(...), Size.parse(\"1.5T\"), Iqn.parse(...), ZfsName.parse(...)");
