package org.sansdk.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The lab's fencing agent for {@link LabDesign.PoolMode#REAL}: a shell script bind-mounted over
 * {@code /usr/sbin/fence_dummy} inside each node's private mount namespace (the host's file is never written), so
 * pacemaker-fenced runs it for the design's {@code fence_dummy} devices. {@code off} and {@code reboot} SIGKILL every
 * process whose {@code /proc/PID/ns/net} is the target node's network namespace (its inode is read from the targets
 * file the lab writes: the fencer's mount namespace has its own /run, so {@code /run/netns} is not visible there) and
 * succeed only when none is left; the node stays off (nothing boots it again). {@code status} answers ON while the
 * namespace has a process, OFF (exit 2) otherwise; {@code on} cannot power a node on and fails unless it is on;
 * {@code list}, {@code monitor}, {@code validate-all} and {@code metadata} answer as fence agents do. Arguments come on
 * stdin ({@code action=}, {@code port=}/{@code plug=}, as the fencer passes them) or as options ({@code -o}, {@code -n},
 * {@code --plug=}); {@code type=fail} makes off/reboot fail after {@code power_timeout} seconds, as fence_dummy's.
 * Every call is logged, one line each, to the log file the lab names.
 */
final class LabFenceAgent {
    /** Where pacemaker-fenced looks for the design's agent; bind-mounted over inside the nodes only. */
    static final String AGENT_PATH = "/usr/sbin/" + LabDesign.FENCE_AGENT;

    private LabFenceAgent() {
    }

    private static final String METADATA = """
            <?xml version="1.0" ?>
            <resource-agent name="fence_dummy" shortdesc="san-lab fencing agent: SIGKILLs every process of the target lab node" >
            <longdesc>san-lab's fencing agent, bind-mounted over fence_dummy inside the lab's nodes: off and reboot SIGKILL every process in the target node's network namespace and wait until none is left; the node stays off.</longdesc>
            <vendor-url>https://github.com/ClusterLabs/fence-agents</vendor-url>
            <parameters>
            	<parameter name="action" unique="0" required="1">
            		<getopt mixed="-o, --action=[action]" />
            		<content type="string" default="reboot"  />
            		<shortdesc lang="en">Fencing action</shortdesc>
            	</parameter>
            	<parameter name="plug" unique="0" required="0" obsoletes="port">
            		<getopt mixed="-n, --plug=[id]" />
            		<content type="string"  />
            		<shortdesc lang="en">The lab node to fence (its name)</shortdesc>
            	</parameter>
            	<parameter name="port" unique="0" required="0" deprecated="1">
            		<getopt mixed="-n, --plug=[id]" />
            		<content type="string"  />
            		<shortdesc lang="en">The lab node to fence (its name)</shortdesc>
            	</parameter>
            	<parameter name="type" unique="0" required="0">
            		<getopt mixed="--type=[type]" />
            		<content type="string" default="file"  />
            		<shortdesc lang="en">fail: off and reboot fail after power_timeout seconds</shortdesc>
            	</parameter>
            	<parameter name="power_timeout" unique="0" required="0">
            		<getopt mixed="--power-timeout=[seconds]" />
            		<content type="second" default="20"  />
            		<shortdesc lang="en">Seconds a failing off or reboot takes</shortdesc>
            	</parameter>
            </parameters>
            <actions>
            	<action name="on" automatic="0"/>
            	<action name="off" />
            	<action name="reboot" />
            	<action name="status" />
            	<action name="list" />
            	<action name="monitor" />
            	<action name="metadata" />
            	<action name="validate-all" />
            </actions>
            </resource-agent>
            """;

    private static final String SCRIPT = """
            #!/bin/bash
            # san-lab's fencing agent (org.sansdk.lab.LabFenceAgent), bind-mounted over fence_dummy inside the lab nodes only.
            TARGETS=@TARGETS@
            LOG=@LOG@
            action=reboot; port=""; nodename=""; type=file; power_timeout=20
            if [ ! -t 0 ]; then
                while IFS= read -r -t 5 line; do
                    case "$line" in
                        action=*|option=*) action="${line#*=}" ;;
                        port=*|plug=*) port="${line#*=}" ;;
                        nodename=*) nodename="${line#*=}" ;;
                        type=*) type="${line#*=}" ;;
                        power_timeout=*) power_timeout="${line#*=}" ;;
                    esac
                done
            fi
            while [ $# -gt 0 ]; do
                case "$1" in
                    -o|--action) action="$2"; shift ;;
                    --action=*) action="${1#*=}" ;;
                    -n|--plug|--port) port="$2"; shift ;;
                    --plug=*|--port=*) port="${1#*=}" ;;
                    --type=*) type="${1#*=}" ;;
                    --power-timeout=*) power_timeout="${1#*=}" ;;
                esac
                shift
            done
            [ -n "$port" ] || port="$nodename"
            log() { echo "$(date -u +%Y-%m-%dT%H:%M:%S.%N) pid=$$ action=$action port=$port: $*" >> "$LOG"; }
            ino_of() { awk -v n="$1" '$1 == n { print $2 }' "$TARGETS"; }
            # every process whose network namespace has that inode (not this agent), by /proc/PID/ns/net
            pids_in() {
                stat -L -c '%i %n' /proc/[0-9]*/ns/net 2>/dev/null | awk -v i="$1" -v self="$$" '$1 == i { split($2, a, "/"); if (a[3] != self) print a[3] }'
            }
            case "$action" in
                metadata)
                    cat <<'XML'
            @METADATA@XML
                    exit 0 ;;
                list)
                    awk '{ print $1 "," }' "$TARGETS"; exit 0 ;;
                monitor|validate-all)
                    [ -r "$TARGETS" ] && exit 0
                    echo "Failed: $TARGETS unreadable" >&2; exit 1 ;;
            esac
            ino=$(ino_of "$port")
            if [ -z "$port" ] || [ -z "$ino" ]; then
                [ "$action" = status ] && [ -z "$port" ] && [ -r "$TARGETS" ] && exit 0
                log "unknown node"; echo "Failed: no lab node '$port'" >&2; exit 1
            fi
            case "$action" in
                status)
                    if [ -n "$(pids_in "$ino")" ]; then echo "Status: ON"; exit 0; fi
                    echo "Status: OFF"; exit 2 ;;
                on)
                    if [ -n "$(pids_in "$ino")" ]; then log "already on"; echo "Success: Already ON"; exit 0; fi
                    log "cannot power on"; echo "Failed: the lab cannot power a node on" >&2; exit 1 ;;
                off|reboot)
                    if [ "$type" = fail ]; then
                        sleep "$power_timeout"; log "type=fail"; echo "Failed: Timed out waiting to power OFF" >&2; exit 1
                    fi
                    killed=""
                    for i in $(seq 100); do
                        pids=$(pids_in "$ino")
                        if [ -z "$pids" ]; then
                            log "off: SIGKILLed$killed"; echo "Success: Powered OFF"; exit 0
                        fi
                        kill -KILL $pids 2>/dev/null
                        killed="$killed $(echo $pids)"
                        sleep 0.1
                    done
                    log "processes left after 10 s: $(echo $(pids_in "$ino"))"; echo "Failed: processes left" >&2; exit 1 ;;
                *)
                    echo "Failed: Unrecognised action '$action'" >&2; exit 1 ;;
            esac
            """;

    /** The agent's script text for a targets file and a log file (absolute paths without quotes or spaces). */
    static String script(Path targets, Path log) {
        for (Path p : new Path[] {targets, log}) {
            if (!p.toString().matches("[A-Za-z0-9_./:-]+")) {
                throw new LabException("the lab directory " + p + " has characters the fencing agent's script does not quote");
            }
        }
        return SCRIPT.replace("@TARGETS@", targets.toString()).replace("@LOG@", log.toString()).replace("@METADATA@", METADATA);
    }

    /**
     * Writes the targets file ({@code <node> <netns inode>} per line, in the order given) and the agent script (mode
     * 0755); returns the script.
     */
    static Path write(Path labDir, Map<String, Long> netnsInodes) throws IOException {
        Path targets = labDir.resolve("fence-targets");
        StringBuilder b = new StringBuilder();
        netnsInodes.forEach((n, ino) -> b.append(n).append(' ').append(ino).append('\n'));
        Files.writeString(targets, b.toString());
        Path agent = labDir.resolve("fence-agent");
        Files.writeString(agent, script(targets, labDir.resolve("fence.log")));
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
        return agent;
    }
}
