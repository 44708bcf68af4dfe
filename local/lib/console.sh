# The web console (console/): Node.js and npm from Debian's packages, Debian's Chromium for its browser tests.

CONSOLE_DIR="$CANHGAC_ROOT/console"

# Installs a Debian package when its command is missing (the lists are refreshed once if the first try fails).
apt_install_for() {
  local command=$1; shift
  command -v "$command" >/dev/null 2>&1 && return 0
  say "Installing $* from Debian's packages (for $command)"
  local sudo=() log="$CANHGAC_STATE/apt.log"
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "$@" >"$log" 2>&1 || {
    "${sudo[@]}" apt-get update -q >>"$log" 2>&1 || true
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "$@" >>"$log" 2>&1
  } || die "Could not install $* (see $log)"
  command -v "$command" >/dev/null 2>&1 || die "$command is still missing after installing $*"
}

# The Maven build runs npm (console/pom.xml): Node.js and npm must be there before it.
ensure_node() {
  apt_install_for node nodejs
  apt_install_for npm npm
}

ensure_chromium() {
  apt_install_for chromium chromium
}

# The console's types are generated from the gateway's merged API document, kept in console/openapi. A change of the
# API must show up as a change of that file (and so of the console's build), never as a surprise in a browser.
console_check_api() {
  local gateway=$1 live="$CONSOLE_DIR/target/openapi-live.json"
  mkdir -p "$CONSOLE_DIR/target"
  curl -fs -H 'Accept: application/json' "$gateway/openapi" -o "$live" || die "No API document at $gateway/openapi"
  python3 - "$CONSOLE_DIR/openapi/canhgac.json" "$live" <<'PY' || die "The API changed since the console was built against it: run ./canhgac console api with the platform up, then npm run build in console/"
import json, sys
committed, live = (json.load(open(path)) for path in sys.argv[1:3])
sys.exit(0 if json.dumps(committed, sort_keys=True) == json.dumps(live, sort_keys=True) else 1)
PY
  ok "The console is built against the API the platform serves"
}

# ./canhgac console api: refreshes console/openapi/canhgac.json from the running platform's gateway. A document
# merged while a service was down lacks that service's paths (x-canhgac-missing names it): it is refused.
console_refresh_api() {
  curl -fs -H 'Accept: application/json' "http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT/openapi" \
    | python3 -c '
import json, sys
document = json.load(sys.stdin)
if document.get("x-canhgac-missing"):
    sys.exit("The API document lacks the paths of " + ", ".join(document["x-canhgac-missing"]) + ": wait until every service is ready")
json.dump(document, open(sys.argv[1], "w"), indent=1, ensure_ascii=False)' "$CONSOLE_DIR/openapi/canhgac.json" \
    || die "No complete API document (is the platform up? ./canhgac status)"
  (cd "$CONSOLE_DIR" && npm run --silent api) || die "Could not generate the console's API types"
  ok "console/openapi/canhgac.json refreshed; the console's build now checks it"
}

# Playwright's runner drives Debian's Chromium against a platform (the gateway's URL), signing in through Keycloak.
console_browser_tests() {
  local gateway=$1
  ensure_chromium
  (cd "$CONSOLE_DIR" && CANHGAC_CONSOLE_URL="$gateway" CANHGAC_KEYCLOAK_URL="$CANHGAC_KEYCLOAK_URL" \
    CANHGAC_CHROMIUM="$(command -v chromium)" npx --no-install playwright test)
}

browser_totals() {
  local report="$CONSOLE_DIR/target/playwright/results.xml"
  [ -f "$report" ] || return 0
  sed -n 's/.*<testsuites[^>]* tests="\([0-9]*\)"[^>]* failures="\([0-9]*\)"[^>]* skipped="\([0-9]*\)".*/Browser tests: \1 run, \2 failed, \3 skipped/p' "$report" | head -1
}
