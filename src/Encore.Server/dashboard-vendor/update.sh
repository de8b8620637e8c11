#!/usr/bin/env bash
# Refreshes the dashboard's vendored front-end libraries from the npm registry (versions pinned in
# package.json). The vendored files are committed so that a machine with only the .NET SDK builds and
# serves the dashboard; run this only to change a version.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../wwwroot/dashboard/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
version=$(node -p "require('$here/package.json').dependencies['chart.js']")
(cd "$tmp" && npm pack --silent "chart.js@$version" >/dev/null && tar xzf chart.js-*.tgz)
mkdir -p "$out/chart.js"
cp "$tmp/package/dist/chart.umd.min.js" "$out/chart.js/chart.umd.min.js"
cp "$tmp/package/LICENSE.md" "$out/chart.js/LICENSE.md"
echo "vendored chart.js $version into $out/chart.js"
