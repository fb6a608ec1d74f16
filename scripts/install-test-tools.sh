#!/usr/bin/env bash
# Installs the real programs the tests run (Pacemaker, pcs, corosync, zfs-fuse, tgt, open-iscsi, sshd, configshell, exportfs, testparm, kmod, promtool) and, when missing, a JDK and
# Maven. Idempotent and quiet: installs only what is missing and prints what it installed. Without root
# or apt it installs nothing and says so; the tests that need a missing tool are then skipped (or fail
# when SAN_REAL_TOOLS=required).
set -euo pipefail

packages=(pacemaker pacemaker-cli-utils pcs corosync resource-agents fence-agents zfs-fuse tgt
          libiscsi-bin open-iscsi openssl iproute2 util-linux procps openssh-client openssh-server
          python3 dash python3-configshell-fb groff-base
          corosync-qnetd corosync-qdevice nfs-kernel-server samba-common-bin kmod prometheus fping)
command -v mvn >/dev/null 2>&1 || packages+=(maven)
command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-test-tools: all ${#packages[@]} packages already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-tools: not root or no apt-get; NOT installing: ${missing[*]}" >&2
  echo "install-test-tools: tests needing them will skip (or fail with SAN_REAL_TOOLS=required)" >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# apt starts no services on these machines (no systemd as PID 1); policy-rc.d makes sure of it elsewhere
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
  trap 'rm -f "$log" /usr/sbin/policy-rc.d' EXIT
fi
if ! apt-get update -qq >"$log" 2>&1; then
  cat "$log" >&2; echo "install-test-tools: apt-get update failed" >&2; exit 1
fi
if ! apt-get install -y -qq "${missing[@]}" >"$log" 2>&1; then
  cat "$log" >&2; echo "install-test-tools: apt-get install failed" >&2; exit 1
fi
echo "install-test-tools: installed ${missing[*]}"
