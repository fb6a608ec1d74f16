#!/usr/bin/env bash
# The test command: installs the real tools when it can, then builds and runs every test.
# CI runs it with SAN_REAL_TOOLS=required, which turns every skipped real-tool test into a failure.
# After the build it checks that the tests left nothing of a lab behind (namespaces, cluster daemons, mounts, lab
# directories that were not there before): a leak fails the run even when every test passed.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
scripts/install-test-tools.sh

labdir="${SAN_LAB_BASE:-/tmp/san-lab}"   # Java's java.io.tmpdir ignores TMPDIR
snapshot() {
  { ip netns list 2>/dev/null | awk '{print "netns " $1}' | grep ' sanlab-' || true
    # every process in a lab namespace, and any process started from a lab directory (a namespace can be gone while
    # a process of it lives on)
    for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep '^sanlab-' || true); do
      for p in $(ip netns pids "$ns" 2>/dev/null || true); do echo "process $p $(cat "/proc/$p/comm" 2>/dev/null) in $ns"; done
    done
    for p in $(pgrep -f "$labdir/" 2>/dev/null || true); do
      [ "$p" != "$$" ] && [ "$p" != "$BASHPID" ] && echo "process $p $(cat "/proc/$p/comm" 2>/dev/null) from $labdir"
    done
    grep -h " $labdir" /proc/self/mountinfo 2>/dev/null | awk '{print "mount " $5}' || true
    [ -d "$labdir" ] && find "$labdir" -mindepth 1 -maxdepth 1 -printf 'directory %p\n' || true
  } | sort -u
}

before="$(snapshot)"
status=0
mvn -B -ntp verify "$@" || status=$?
after="$(snapshot)"
left="$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | sed '/^$/d')"
if [ -n "$left" ]; then
  echo "test.sh: the tests left lab residue behind:" >&2
  printf '  %s\n' "$left" >&2
  status=1
else
  echo "test.sh: no lab residue (no new sanlab- namespace, lab daemon, mount or lab directory)"
fi
exit $status
