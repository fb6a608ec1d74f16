#!/usr/bin/env bash
# API compatibility of the library jars against a released version, with japicmp:
#   scripts/api-check.sh 0.1.0
# Builds the tag v0.1.0 in a temporary worktree into a private local repository, then runs the japicmp
# Maven plugin (profile api-check) on this tree against those jars. Before 1.0.0 a minor version may break
# the API (semver); a patch version may not.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
[ $# -eq 1 ] || { echo "usage: scripts/api-check.sh BASELINE_VERSION" >&2; exit 2; }
baseline="$1"
work="$(mktemp -d)"; trap 'git worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/src" "v$baseline"
repo="$work/m2"; mkdir -p "$repo"
cp -r "${HOME}/.m2/repository/." "$repo/" 2>/dev/null || true
(cd "$work/src" && mvn -q -B -Dmaven.repo.local="$repo" -DskipTests install)
mvn -q -B -Dmaven.repo.local="$repo" -DskipTests -Papi-check -Dsan.api.baseline="$baseline" install
echo "api-check: no incompatible change against $baseline (japicmp reports in */target/japicmp/)"
