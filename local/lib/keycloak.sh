# Keycloak from its distribution on Maven Central, with the canhgac realm imported from local/keycloak.
KEYCLOAK_TARBALL="$CANHGAC_CACHE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
KEYCLOAK_HOME="$CANHGAC_STATE/keycloak-$KEYCLOAK_VERSION"
KEYCLOAK_REALM="$CANHGAC_ROOT/local/keycloak/canhgac-realm.json"

keycloak_install() {
  if [ ! -s "$KEYCLOAK_TARBALL" ]; then
    say "Fetching Keycloak $KEYCLOAK_VERSION from Maven Central"
    mvnw -f "$CANHGAC_ROOT/local/kafka/pom.xml" dependency:copy -DoutputDirectory="$CANHGAC_CACHE" \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" || die "Keycloak could not be fetched"
  fi
  if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
    mkdir -p "$KEYCLOAK_HOME"
    tar -xzf "$KEYCLOAK_TARBALL" -C "$KEYCLOAK_HOME" --strip-components=1 || die "Keycloak could not be unpacked"
  fi
}

keycloak_ready() { http_ok "$CANHGAC_KEYCLOAK_URL/realms/canhgac/.well-known/openid-configuration"; }

keycloak_start() {
  keycloak_install
  if keycloak_ready; then return 0; fi
  port_open "$CANHGAC_HOST" "$CANHGAC_KEYCLOAK_PORT" && die "Port $CANHGAC_KEYCLOAK_PORT is taken by something that is not the canhgac realm"
  # The realm is demo data kept in the repository: when it changes, Keycloak's store starts afresh.
  local stamp="$KEYCLOAK_HOME/data/realm.sha256" sum
  sum=$(sha256sum "$KEYCLOAK_REALM" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    rm -rf "$KEYCLOAK_HOME/data/h2" "$KEYCLOAK_HOME/data/import"
    mkdir -p "$KEYCLOAK_HOME/data/import"
    cp "$KEYCLOAK_REALM" "$KEYCLOAK_HOME/data/import/"
    echo "$sum" >"$stamp"
  fi
  say "Starting Keycloak on $CANHGAC_KEYCLOAK_URL"
  export JAVA_OPTS_KC_HEAP="-Xms256m -Xmx1g"
  # A local administrator for the admin console (created only when Keycloak's store is new). Its password is drawn
  # at random the first time, kept in the git-ignored state folder (mode 600) and reused; never printed.
  # CANHGAC_KEYCLOAK_ADMIN_PASSWORD, when set, is used instead.
  local admin_password_file="$CANHGAC_STATE/keycloak-admin.password"
  if [ -z "${CANHGAC_KEYCLOAK_ADMIN_PASSWORD:-}" ] && [ ! -s "$admin_password_file" ]; then
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$admin_password_file") \
      || die "Could not write $admin_password_file"
    # A store made before this file existed holds an administrator with the old fixed password: start it afresh
    # (the realm is re-imported from data/import) so that the administrator is created with the new one.
    rm -rf "$KEYCLOAK_HOME/data/h2"
  fi
  export KC_BOOTSTRAP_ADMIN_USERNAME="${CANHGAC_KEYCLOAK_ADMIN:-admin}"
  if [ -n "${CANHGAC_KEYCLOAK_ADMIN_PASSWORD:-}" ]; then
    export KC_BOOTSTRAP_ADMIN_PASSWORD="$CANHGAC_KEYCLOAK_ADMIN_PASSWORD"
  else
    chmod 600 "$admin_password_file"
    KC_BOOTSTRAP_ADMIN_PASSWORD=$(cat "$admin_password_file")
    export KC_BOOTSTRAP_ADMIN_PASSWORD
    say "Keycloak administrator '$KC_BOOTSTRAP_ADMIN_USERNAME': password in $admin_password_file"
  fi
  launch keycloak "$KEYCLOAK_HOME/bin/kc.sh" start-dev --import-realm \
    --http-host="$CANHGAC_HOST" --http-port="$CANHGAC_KEYCLOAK_PORT" --hostname="$CANHGAC_KEYCLOAK_URL" \
    --health-enabled=false --metrics-enabled=false
  wait_until 180 "Keycloak" keycloak_ready || { tail -30 "$CANHGAC_STATE/logs/keycloak.log" >&2; die "Keycloak did not start"; }
}

keycloak_stop() { stop_pid keycloak; }

# token NAME: an access token for a demo user (password grant) or a machine client (client credentials).
token_for() {
  local who=$1 response
  local endpoint="$CANHGAC_KEYCLOAK_URL/realms/canhgac/protocol/openid-connect/token"
  case "$who" in
    national-feed|agency-system|token-expiry-probe)
      response=$(curl -fsS "$endpoint" -d grant_type=client_credentials -d "client_id=$who" -d "client_secret=$who-demo-secret") ;;
    *)
      response=$(curl -fsS "$endpoint" -d grant_type=password -d client_id=canhgac-cli -d "username=$who" \
        -d "password=${CANHGAC_DEMO_PASSWORD:-canhgac-demo}" -d scope=openid) ;;
  esac || die "No token for '$who' (is Keycloak up? is '$who' a demo account?)"
  printf '%s\n' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
