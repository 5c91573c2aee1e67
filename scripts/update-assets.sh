#!/usr/bin/env bash
# Refreshes the front-end files committed under src/WorkPlan.Web/wwwroot/lib from npm.
#
#   scripts/update-assets.sh
#
# Installs exactly what package-lock.json pins (npm ci; node_modules/ is not committed) and
# copies only the dist files the app uses, plus their licences:
#   lib/bootstrap/css/bootstrap.min.css, lib/bootstrap/js/bootstrap.bundle.min.js (with Popper),
#   lib/chart.js/chart.umd.min.js
# Source maps are not copied (0.3-1 MB each), so their sourceMappingURL comments are removed.
# To upgrade: npm install bootstrap@5 chart.js@4 (updates the lock), then run this script.
# Builds and CI need no network: they use the committed files.
set -euo pipefail

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

command -v npm >/dev/null 2>&1 || { echo "update-assets.sh: npm not found (install Node.js)" >&2; exit 1; }

npm ci --no-audit --no-fund

NM=$REPO/node_modules
LIB=$REPO/src/WorkPlan.Web/wwwroot/lib

# copy SRC DEST: copy a file, dropping a trailing sourceMappingURL comment.
copy() {
    mkdir -p -- "$(dirname -- "$2")"
    sed -E '\|^/[*/]# sourceMappingURL=|d' -- "$1" >"$2"
}

rm -rf -- "$LIB/bootstrap" "$LIB/chart.js"

copy "$NM/bootstrap/dist/css/bootstrap.min.css" "$LIB/bootstrap/css/bootstrap.min.css"
copy "$NM/bootstrap/dist/js/bootstrap.bundle.min.js" "$LIB/bootstrap/js/bootstrap.bundle.min.js"
cp -- "$NM/bootstrap/LICENSE" "$LIB/bootstrap/LICENSE"

copy "$NM/chart.js/dist/chart.umd.min.js" "$LIB/chart.js/chart.umd.min.js"
cp -- "$NM/chart.js/LICENSE.md" "$LIB/chart.js/LICENSE.md"

bs=$(node -p 'require(process.argv[1]).version' "$NM/bootstrap/package.json")
cj=$(node -p 'require(process.argv[1]).version' "$NM/chart.js/package.json")
echo "update-assets.sh: bootstrap $bs, chart.js $cj copied to ${LIB#"$REPO"/}:"
(cd "$LIB" && find bootstrap chart.js -type f -printf '  %p (%s bytes)\n' | sort)
