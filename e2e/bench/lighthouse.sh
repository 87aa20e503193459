#!/usr/bin/env bash
# lighthouse.sh runs Lighthouse on pages of a running site and prints, for
# each page, the four category scores, the main metrics, and every audit that
# did not pass.
#
# Usage:
#
#	e2e/bench/lighthouse.sh BASE_URL [PATH...]      # default paths: / /compare /embed
#
# For example, against the site that `go run ./cmd/build -serve` serves:
#
#	e2e/bench/lighthouse.sh http://localhost:8080 / /compare /embed
#
# (cmd/build -serve does not compress, as Netlify does, so Lighthouse flags
# text compression there; `go run ./e2e/bench -lighthouse` runs this script
# through the benchmark's compressing server instead.)
#
# It installs npm's lighthouse into a temporary folder (or into
# $LIGHTHOUSE_DIR, kept, to reuse it), never into the repository, and runs it
# with Debian's Chromium ($CHROME_PATH, default /usr/bin/chromium) in headless
# mode, with Lighthouse's defaults: the mobile form factor and simulated
# throttling. $LIGHTHOUSE_VERSION chooses the version (default 12.8.2, the
# newest that runs on Node 20; Lighthouse 13 needs Node 22.19). The JSON
# reports are written to $LIGHTHOUSE_REPORTS if set.
set -euo pipefail

if [ $# -lt 1 ]; then
	echo "usage: $0 BASE_URL [PATH...]" >&2
	exit 2
fi
base=${1%/}
shift
paths=("$@")
if [ ${#paths[@]} -eq 0 ]; then
	paths=(/ /compare /embed)
fi

command -v node >/dev/null || { echo "lighthouse.sh: node is not installed" >&2; exit 1; }
command -v npm >/dev/null || { echo "lighthouse.sh: npm is not installed" >&2; exit 1; }
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "lighthouse.sh: no browser at $CHROME_PATH (set CHROME_PATH)" >&2; exit 1; }

version=${LIGHTHOUSE_VERSION:-12.8.2}
dir=${LIGHTHOUSE_DIR:-}
if [ -z "$dir" ]; then
	dir=$(mktemp -d -t aivc-lighthouse-XXXXXX)
	trap 'rm -rf "$dir"' EXIT
fi
mkdir -p "$dir"
lh="$dir/node_modules/.bin/lighthouse"
if [ ! -x "$lh" ] || ! "$lh" --version 2>/dev/null | grep -qx "$version"; then
	echo "installing lighthouse@$version into $dir ..." >&2
	(cd "$dir" && npm install --no-audit --no-fund --no-save --silent "lighthouse@$version" >&2)
fi
reports=${LIGHTHOUSE_REPORTS:-$dir/reports}
mkdir -p "$reports"

flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
echo "Lighthouse $("$lh" --version) with $("$CHROME_PATH" --version 2>/dev/null | head -1), mobile defaults"
status=0
for p in "${paths[@]}"; do
	name=$(printf '%s' "$p" | tr -c 'A-Za-z0-9' '_')
	out="$reports/lighthouse$name.json"
	ok=
	for try in 1 2; do # a run now and then times out on a DevTools call; try once more
		if "$lh" "$base$p" --quiet --chrome-flags="$flags" --output=json --output-path="$out" >"$reports/lighthouse$name.log" 2>&1; then
			ok=1
			break
		fi
	done
	if [ -z "$ok" ]; then
		echo "$p: lighthouse failed twice:"
		tail -n 5 "$reports/lighthouse$name.log" | sed 's/^/    /'
		status=1
		continue
	fi
	node - "$out" "$p" <<'JS'
const fs = require("fs");
const [file, path] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(file, "utf8"));
const cats = ["performance", "accessibility", "best-practices", "seo"];
const score = (c) => (r.categories[c] && r.categories[c].score !== null ? Math.round(r.categories[c].score * 100) : "–");
console.log(`${path}: ` + cats.map((c) => `${c} ${score(c)}`).join(", "));
const metric = (id) => (r.audits[id] ? r.audits[id].displayValue : "–");
console.log(`    FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, ` +
  `TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}, Speed Index ${metric("speed-index")}`);
const obs = r.audits.metrics && r.audits.metrics.details && r.audits.metrics.details.items && r.audits.metrics.details.items[0];
if (obs) {
  const ms = (v) => (typeof v === "number" ? Math.round(v) + " ms" : "–");
  console.log(`    observed without throttling: FCP ${ms(obs.observedFirstContentfulPaint)}, LCP ${ms(obs.observedLargestContentfulPaint)}, load ${ms(obs.observedLoad)}`);
}
const lcpEl = r.audits["largest-contentful-paint-element"];
const lcpNode = lcpEl && lcpEl.details && lcpEl.details.items && lcpEl.details.items[0] && lcpEl.details.items[0].items && lcpEl.details.items[0].items[0];
if (lcpNode && lcpNode.node) console.log(`    LCP element: ${lcpNode.node.selector}`);
if (r.runWarnings && r.runWarnings.length) console.log("    warnings: " + r.runWarnings.join(" | "));
for (const c of cats) {
  const cat = r.categories[c];
  if (!cat) continue;
  for (const ref of cat.auditRefs) {
    const a = r.audits[ref.id];
    if (!a || a.score === null || a.score >= 1) continue;
    if (["notApplicable", "manual", "informative"].includes(a.scoreDisplayMode)) continue;
    if (c === "performance" && ref.weight === 0 && a.score >= 0.9) continue;
    const dv = a.displayValue ? ` (${a.displayValue})` : "";
    console.log(`    ${c}: ${a.title}${dv} [score ${Math.round(a.score * 100)}]`);
  }
}
JS
done
exit $status
