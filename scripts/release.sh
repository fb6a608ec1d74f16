#!/usr/bin/env bash
# Cuts a release: scripts/release.sh VERSION NEXT_SNAPSHOT   (e.g. 0.1.0 0.2.0-SNAPSHOT)
# Checks a clean tree on main, moves CHANGELOG's [Unreleased] to [VERSION], sets the version in every pom,
# runs the test command, checks the API against the previous release tag (japicmp, when one exists),
# commits and tags vVERSION, then moves to NEXT_SNAPSHOT. Nothing is pushed: push main and the tag yourself.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
[ $# -eq 2 ] || { echo "usage: scripts/release.sh VERSION NEXT_SNAPSHOT" >&2; exit 2; }
version="$1"; next="$2"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "release: VERSION must be X.Y.Z" >&2; exit 2; }
[[ "$next" =~ ^[0-9]+\.[0-9]+\.[0-9]+-SNAPSHOT$ ]] || { echo "release: NEXT must be X.Y.Z-SNAPSHOT" >&2; exit 2; }
[ -z "$(git status --porcelain)" ] || { echo "release: the working tree is not clean" >&2; exit 1; }
git rev-parse -q --verify "refs/tags/v$version" >/dev/null && { echo "release: tag v$version exists" >&2; exit 1; }
grep -q '^## \[Unreleased\]' CHANGELOG.md || { echo "release: CHANGELOG.md has no [Unreleased] section" >&2; exit 1; }
previous="$(git tag --list 'v*' --sort=-v:refname | head -n 1 | sed 's/^v//')"

set_version() {
  mvn -q -B versions:set -DnewVersion="$1" -DgenerateBackupPoms=false -DprocessAllModules=true
  # the BOM has no parent: set its own version and the versions it pins
  mvn -q -B -f san-bom/pom.xml versions:set -DnewVersion="$1" -DgenerateBackupPoms=false
  sed -i -E "s#(<artifactId>san-[a-z]+</artifactId><version>)[^<]+(</version>)#\1$1\2#" san-bom/pom.xml
}

set_version "$version"
sed -i "s/^## \[Unreleased\]/## [Unreleased]\n\n## [$version] - $(date -u +%F)/" CHANGELOG.md
scripts/test.sh
if [ -n "$previous" ]; then
  scripts/api-check.sh "$previous"
fi
git commit -qam "release $version"
git tag -a "v$version" -m "san-sdk $version"
set_version "$next"
git commit -qam "next development version $next"
echo "release: tagged v$version; now at $next. Push with: git push origin main v$version"
