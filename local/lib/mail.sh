# A real SMTP server for notification-service: GreenMail's standalone server from Maven Central. It accepts mail for
# any address (a mailbox is created on delivery) and serves the mailboxes over a REST API, which the tests and
# `./canhgac mail` read: GET /api/user/{address}/messages/, POST /api/mail/purge.
MAIL_HOME="$CANHGAC_CACHE/greenmail-$GREENMAIL_VERSION"

mail_install() {
  ls "$MAIL_HOME"/greenmail-standalone-*.jar >/dev/null 2>&1 && return 0
  say "Fetching GreenMail $GREENMAIL_VERSION from Maven Central"
  mvnw -f "$CANHGAC_ROOT/local/mail/pom.xml" dependency:copy-dependencies -Dgreenmail.version="$GREENMAIL_VERSION" \
    -DoutputDirectory="$MAIL_HOME" -DincludeScope=runtime -DexcludeTransitive=true || die "GreenMail could not be fetched"
}

mail_ready() { http_ok "http://$CANHGAC_HOST:$CANHGAC_MAIL_API_PORT/api/service/readiness"; }

mail_start() {
  mail_install
  if mail_ready; then return 0; fi
  port_open "$CANHGAC_HOST" "$CANHGAC_SMTP_PORT" && die "Port $CANHGAC_SMTP_PORT for SMTP is taken: set CANHGAC_SMTP_PORT"
  say "Starting the SMTP server (GreenMail) on $CANHGAC_HOST:$CANHGAC_SMTP_PORT, its mailboxes on :$CANHGAC_MAIL_API_PORT"
  launch mail "$JAVA_HOME/bin/java" -Xms32m -Xmx256m -XX:+UseSerialGC \
    -Dgreenmail.hostname="$CANHGAC_HOST" -Dgreenmail.smtp.hostname="$CANHGAC_HOST" \
    -Dgreenmail.smtp.port="$CANHGAC_SMTP_PORT" -Dgreenmail.api.hostname="$CANHGAC_HOST" \
    -Dgreenmail.api.port="$CANHGAC_MAIL_API_PORT" -Dgreenmail.auth.disabled \
    -jar "$(ls "$MAIL_HOME"/greenmail-standalone-*.jar | head -1)"
  wait_until 60 "SMTP server" mail_ready || { tail -30 "$CANHGAC_STATE/logs/mail.log" >&2; die "GreenMail did not start"; }
}

mail_stop() { stop_pid mail; }
