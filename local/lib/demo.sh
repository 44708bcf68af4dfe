# Demo organisations, created through the gateway's public API like any client would, so that their events
# flow to every service. Creating one that exists answers 409 and is left as it is.
DEMO_ORGANIZATIONS=(
  # code|parent|kind|Vietnamese name|English name
  "BTTTT||MINISTRY|Bộ Thông tin và Truyền thông|Ministry of Information and Communications"
  "CATTT|BTTTT|AUTHORITY|Cục An toàn thông tin|Authority of Information Security"
  "NCSC|CATTT|AUTHORITY|Trung tâm Giám sát an toàn không gian mạng quốc gia|National Cyber Security Monitoring Centre"
  "VNCERT|CATTT|AUTHORITY|Trung tâm Ứng cứu khẩn cấp không gian mạng Việt Nam (VNCERT/CC)|Vietnam Computer Emergency Response Team"
  "UBND-KH||PROVINCE|Ủy ban nhân dân tỉnh Khánh Hòa|Khánh Hòa Provincial People's Committee"
  "STTTT-KH|UBND-KH|DEPARTMENT|Sở Thông tin và Truyền thông tỉnh Khánh Hòa|Khánh Hòa Department of Information and Communications"
  "UBND-CAMRANH|STTTT-KH|DISTRICT|Ủy ban nhân dân thành phố Cam Ranh|Cam Ranh City People's Committee"
  "NHTM-A||BANK|Ngân hàng Thương mại Cổ phần A|Joint Stock Commercial Bank A"
)

json_escape() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }

load_demo_data() {
  local gateway=$1 token row code parent kind vi en body status created=0
  token=$(token_for authority)
  for row in "${DEMO_ORGANIZATIONS[@]}"; do
    IFS='|' read -r code parent kind vi en <<<"$row"
    body="{\"code\":\"$code\",\"kind\":\"$kind\",\"nameVi\":\"$(json_escape "$vi")\",\"nameEn\":\"$(json_escape "$en")\""
    [ -n "$parent" ] && body="$body,\"parentCode\":\"$parent\""
    body="$body}"
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$gateway/api/v1/organizations" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data "$body")
    case $status in
      201) created=$((created + 1)) ;;
      409) ;;
      *) die "Demo organisation $code: HTTP $status" ;;
    esac
  done
  ok "Demo organisations: ${#DEMO_ORGANIZATIONS[@]} present ($created created now)"
}

print_welcome() {
  local g="http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
  cat <<TEXT

  Canh Gác is up (in $1 s).

  Gateway (the only public entry)  $g/api/v1/...
  API documentation (Swagger UI)   $g/q/swagger-ui      merged OpenAPI: $g/openapi
  Keycloak (realm canhgac)         $CANHGAC_KEYCLOAK_URL/admin   (admin / canhgac-admin, local only)
  Services                         inventory :$CANHGAC_INVENTORY_PORT, advisory :$CANHGAC_ADVISORY_PORT, incident :$CANHGAC_INCIDENT_PORT (health: /q/health)

  Demo accounts (password: canhgac-demo)
    authority              Authority of Information Security (CATTT)      role authority
    khanhhoa-ubnd          Khánh Hòa People's Committee (UBND-KH)          coordinator, auditor
    khanhhoa-auditor       Khánh Hòa People's Committee (UBND-KH)          auditor (read-only)
    khanhhoa-coordinator   Khánh Hòa Dept. of Information and Comm.        coordinator, org-admin
    camranh-operator       Cam Ranh City (UBND-CAMRANH)                    org-operator
    bank-admin             Joint Stock Commercial Bank A (NHTM-A)          org-admin
  Machine clients: national-feed (feed, NCSC), agency-system (integration, UBND-CAMRANH)

  Try:
    curl -s -H "Authorization: Bearer \$(./canhgac token khanhhoa-coordinator)" $g/api/v1/organizations

  ./canhgac status | logs NAME | down
TEXT
}
