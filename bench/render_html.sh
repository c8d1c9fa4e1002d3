#!/usr/bin/env bash
# Render the HTML report of the seeds (../shared/corpus/seeds) and of the
# shipped examples (examples/articles), and screenshot each with headless
# Chromium, so the page can be looked at without a browser.
#
#   bench/render_html.sh [OUT_DIR]
#
# Writes OUT_DIR/{seeds,examples}.html and .png (OUT_DIR defaults to a new
# temporary directory) and prints the paths. Installs chromium with apt-get
# if /usr/bin/chromium is missing. The seeds are skipped if ../shared is
# absent.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-$(mktemp -d -t recount-html.XXXXXX)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

cargo build --release --quiet
bin=target/release/recount

if [ ! -x /usr/bin/chromium ]; then
    echo "installing chromium (apt-get)" >&2
    apt-get install -y chromium >/dev/null
fi

# recount exits 1 when the sources conflict: that is a result, not a failure.
report() {
    local name="$1"
    shift
    local status=0
    "$bin" report --quiet --format html -o "$out/$name.html" "$@" || status=$?
    if [ "$status" -gt 1 ]; then
        echo "recount report $* exited $status" >&2
        exit "$status"
    fi
}

shoot() {
    local name="$1"
    local profile
    profile="$(mktemp -d -t recount-chromium.XXXXXX)"
    /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$profile" --hide-scrollbars \
        --window-size=1280,2400 --screenshot="$out/$name.png" \
        "file://$out/$name.html" >/dev/null 2>&1
    rm -rf "$profile"
    echo "$out/$name.html"
    echo "$out/$name.png"
}

if [ -d ../shared/corpus/seeds ]; then
    report seeds ../shared/corpus/seeds
    shoot seeds
else
    echo "../shared/corpus/seeds absent; seeds skipped" >&2
fi
report examples examples/articles
shoot examples
