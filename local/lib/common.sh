# Shared settings and helpers of ./canhgac. Every port and path can be overridden from the environment.
: "${CANHGAC_ROOT:?}"
export CANHGAC_STATE="${CANHGAC_STATE:-$CANHGAC_ROOT/.run}"
export CANHGAC_CACHE="${CANHGAC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/canhgac}"
export CANHGAC_HOST="${CANHGAC_HOST:-127.0.0.1}"
export CANHGAC_PG_PORT="${CANHGAC_PG_PORT:-5432}"
export CANHGAC_KAFKA_PORT="${CANHGAC_KAFKA_PORT:-9092}"
export CANHGAC_KAFKA_CONTROLLER_PORT="${CANHGAC_KAFKA_CONTROLLER_PORT:-9093}"
export CANHGAC_KEYCLOAK_PORT="${CANHGAC_KEYCLOAK_PORT:-8180}"
export CANHGAC_GATEWAY_PORT="${CANHGAC_GATEWAY_PORT:-8080}"
export CANHGAC_INVENTORY_PORT="${CANHGAC_INVENTORY_PORT:-8081}"
export CANHGAC_ADVISORY_PORT="${CANHGAC_ADVISORY_PORT:-8082}"
export CANHGAC_INCIDENT_PORT="${CANHGAC_INCIDENT_PORT:-8083}"
export CANHGAC_NOTIFICATION_PORT="${CANHGAC_NOTIFICATION_PORT:-8084}"
export CANHGAC_SMTP_PORT="${CANHGAC_SMTP_PORT:-3025}"
export CANHGAC_MAIL_API_PORT="${CANHGAC_MAIL_API_PORT:-8025}"
export CANHGAC_KEYCLOAK_URL="http://$CANHGAC_HOST:$CANHGAC_KEYCLOAK_PORT"
export CANHGAC_KAFKA_BOOTSTRAP="$CANHGAC_HOST:$CANHGAC_KAFKA_PORT"

KAFKA_VERSION=4.4.0
KEYCLOAK_VERSION=26.7.3
GREENMAIL_VERSION=2.1.13
SERVICES=(inventory-service advisory-service incident-service notification-service)
DATABASES=(inventory advisory incident notification)

mkdir -p "$CANHGAC_STATE/logs" "$CANHGAC_STATE/pids" "$CANHGAC_CACHE"

say()  { printf '\033[1;34m▸\033[0m %s\n' "$*" >&2; }
ok()   { printf '\033[1;32m✓\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m!\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31m✗\033[0m %s\n' "$*" >&2; exit 1; }

# A JDK 25 or newer (the build compiles for Java 25): JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
find_java() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    if [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  die "Canh Gác needs a JDK 25 or newer (Temurin's, /usr/lib/jvm/temurin-25-jdk-amd64): install one, or set JAVA_HOME."
}

# Maven through the wrapper (Quarkus needs Maven 3.9+), quiet about the JDK's Unsafe deprecation notes.
mvnw() { MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" "$CANHGAC_ROOT/mvnw" -B -q "$@"; }

# Runs a command as root, through sudo when we are not root.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pid_alive() { local f="$CANHGAC_STATE/pids/$1.pid"; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_until SECONDS DESCRIPTION COMMAND...: polls until the command succeeds.
wait_until() {
  local limit=$1 what=$2; shift 2
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS - start >= limit )); then
      return 1
    fi
    sleep 1
  done
  ok "$what ready in $((SECONDS - start)) s"
}

http_ok() { curl -fs -o /dev/null --max-time 3 "$1"; }

# import_assets_csv TOKEN FILE: posts a CSV of assets (FILE, or - for stdin) to inventory through the gateway, as an
# agency does; prints inventory's report, and fails when the import is refused.
import_assets_csv() {
  curl -fsS -X POST "http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT/api/v1/assets/imports" -H "Authorization: Bearer $1" \
    -H 'Content-Type: text/csv' --data-binary @"$2"
}

# Starts a long-running process in the background with its log and pid file.
launch() {
  local name=$1; shift
  setsid nohup "$@" >"$CANHGAC_STATE/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$CANHGAC_STATE/pids/$name.pid"
}

stop_pid() {
  local name=$1 f="$CANHGAC_STATE/pids/$1.pid" pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    ok "$name stopped"
  fi
  rm -f "$f"
}
