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

# The escalation contacts of directive 6410/BTTTT-CATTT, item 3 (shared/seed).
declare -A DEMO_CONTACTS=(
  [VNCERT]='[{"name":"Trung tâm Ứng cứu khẩn cấp không gian mạng Việt Nam (VNCERT/CC)","role":"Ứng cứu sự cố","phone":"024.3640.4421","hotline":"086.9100.317","email":"ir@vncert.vn"}]'
  [NCSC]='[{"name":"Trung tâm Giám sát an toàn không gian mạng quốc gia (NCSC)","role":"Hỗ trợ giám sát, cảnh báo sớm","phone":"02432091616","hotline":"0389942878","email":"ais@mic.gov.vn"}]'
  # The demo's own people (addresses under demo.canhgac.vn, delivered to the local SMTP server): who is told what.
  [UBND-KH]='[{"name":"Văn phòng UBND tỉnh Khánh Hòa","role":"Chánh Văn phòng","phone":"0258.3822.661","email":"vanphong@khanhhoa.demo.canhgac.vn","roles":["LEADER"]}]'
  [STTTT-KH]='[{"name":"Phòng Bưu chính, Viễn thông và CNTT","role":"Đầu mối ứng cứu sự cố tỉnh","phone":"0258.3560.123","email":"attt@stttt-khanhhoa.demo.canhgac.vn","roles":["SECURITY_FOCAL_POINT","DUTY_DESK"]},{"name":"Giám đốc Sở Thông tin và Truyền thông","role":"Giám đốc","phone":"0258.3560.100","email":"giamdoc@stttt-khanhhoa.demo.canhgac.vn","roles":["LEADER"]}]'
  [UBND-CAMRANH]='[{"name":"Trần Văn An","role":"Chuyên viên CNTT, đầu mối an toàn thông tin","phone":"0258.3854.123","email":"an@camranh.demo.canhgac.vn","roles":["SECURITY_FOCAL_POINT","TECHNICAL"]},{"name":"Chủ tịch UBND thành phố Cam Ranh","role":"Chủ tịch","phone":"0258.3854.100","email":"chutich@camranh.demo.canhgac.vn","roles":["LEADER"]}]'
  [NHTM-A]='[{"name":"Trung tâm điều hành an ninh mạng (SOC)","role":"Trực 24/7","phone":"028.3821.0000","email":"soc@nhtm-a.demo.canhgac.vn","roles":["SECURITY_FOCAL_POINT","DUTY_DESK"]}]'
)

# The address space Cam Ranh answers for (demo data): botnet entries in it that are no
# registered asset are still Cam Ranh's to fix.
declare -A DEMO_CONSTITUENCY=(
  [UBND-CAMRANH]='{"networks":["203.162.10.0/24"],"asns":[]}'
)

http_ok_with_token() { curl -sf -o /dev/null -H "Authorization: Bearer $2" "$1"; }

json_escape() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }

load_demo_data() {
  local gateway=$1 token row code parent kind vi en body status created=0
  token=$(token_for authority)
  for row in "${DEMO_ORGANIZATIONS[@]}"; do
    IFS='|' read -r code parent kind vi en <<<"$row"
    body="{\"code\":\"$code\",\"kind\":\"$kind\",\"nameVi\":\"$(json_escape "$vi")\",\"nameEn\":\"$(json_escape "$en")\""
    [ -n "$parent" ] && body="$body,\"parentCode\":\"$parent\""
    [ -n "${DEMO_CONTACTS[$code]:-}" ] && body="$body,\"contacts\":${DEMO_CONTACTS[$code]}"
    [ -n "${DEMO_CONSTITUENCY[$code]:-}" ] && body="$body,\"constituency\":${DEMO_CONSTITUENCY[$code]}"
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
  load_demo_inventory "$gateway" "$token"
  load_demo_advisories "$gateway" "$token"
  load_demo_directives "$gateway" "$token"
}

# Cam Ranh's information systems (created once, found by name afterwards) and their assets, imported from a CSV
# file like an agency would: importing again updates the same assets instead of adding new ones.
demo_system() {
  local gateway=$1 token=$2 name=$3 level=$4 id
  id=$(curl -sf -G "$gateway/api/v1/systems" -H "Authorization: Bearer $token" \
      --data-urlencode "organization=UBND-CAMRANH" --data-urlencode "q=$name" | sed -n 's/.*"items":\[{"id":"\([^"]*\)".*/\1/p')
  if [ -z "$id" ]; then
    id=$(curl -sf -X POST "$gateway/api/v1/systems" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data "{\"organizationCode\":\"UBND-CAMRANH\",\"name\":\"$name\",\"securityLevel\":$level,\"levelApproval\":\"QĐ 1024/QĐ-UBND ngày 12/6/2024\",\"status\":\"OPERATING\",\"internetFacing\":true}" \
      | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
  fi
  [ -n "$id" ] || die "Demo system '$name' could not be created"
  echo "$id"
}

load_demo_inventory() {
  local gateway=$1 token=$2 portal onedoor report
  portal=$(demo_system "$gateway" "$token" "Cổng thông tin điện tử thành phố Cam Ranh" 3)
  onedoor=$(demo_system "$gateway" "$token" "Hệ thống một cửa điện tử Cam Ranh" 2)
  report=$(sed -e "s/{{PORTAL}}/$portal/g" -e "s/{{ONEDOOR}}/$onedoor/g" "$CANHGAC_ROOT/local/demo/camranh-assets.csv" \
    | import_assets_csv "$token" -) || die "Demo assets could not be imported"
  ok "Demo inventory: 2 systems of Cam Ranh, assets imported ($report)"
}

# The advisories of the seed letter (F5 BIG-IP, Zimbra, a Microsoft-era flaw) and a month's botnet list: the
# Cam Ranh servers are hit by all three. Publishing again changes nothing (409 for an advisory, the stored list).
load_demo_advisories() {
  local gateway=$1 token=$2 file status published=0 feed list
  for file in "$CANHGAC_ROOT"/local/demo/advisories/*.json; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$gateway/api/v1/advisories" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @"$file")
    case $status in
      201) published=$((published + 1)) ;;
      409) ;;
      *) die "Demo advisory $(basename "$file") refused ($status)" ;;
    esac
  done
  feed=$(token_for national-feed)
  list=$(curl -sf -X POST "$gateway/api/v1/botnet-lists?reference=$(date +%m/%Y)/BOTNET-NCSC&issuer=NCSC&issuedOn=$(date +%Y-%m-01)&kind=MONTHLY" \
    -H "Authorization: Bearer $feed" -H 'Content-Type: text/plain; charset=utf-8' \
    --data-binary @"$CANHGAC_ROOT/local/demo/botnet-monthly.txt") || die "Demo botnet list refused"
  ok "Demo advisories: $published published now; botnet list $(date +%m/%Y)/BOTNET-NCSC (${list:0:60}...)"
}

# 6410/BTTTT-CATTT to every ministry, province, press agency, state enterprise, telecom and bank, and the
# province's forward 839/UBND-KGVX to its Department of Information and Communications (the seed letter).
load_demo_directives() {
  local gateway=$1 token=$2 dir="$CANHGAC_ROOT/local/demo/directives" response id code
  # Directives are addressed through advisory-service's replica of the organisations: wait until it has them.
  local waited=0
  for code in CATTT UBND-KH STTTT-KH NHTM-A; do
    until http_ok_with_token "$gateway/api/v1/exposures/organizations/$code" "$token"; do
      (( waited++ < 60 )) || die "advisory-service has not replicated organisation $code after 60 s"
      sleep 1
    done
  done
  response=$(curl -s -X POST "$gateway/api/v1/directives" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary @"$dir/6410-BTTTT-CATTT.json")
  id=$(printf '%s' "$response" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
  if [ -z "$id" ]; then
    printf '%s' "$response" | grep -q 'directive-exists' || die "Demo directive 6410 refused: ${response:0:200}"
    ok "Demo directives: present"
    return
  fi
  curl -sf -o /dev/null -X POST "$gateway/api/v1/directives/$id/forwards" -H "Authorization: Bearer $(token_for khanhhoa-ubnd)" \
    -H 'Content-Type: application/json' --data-binary @"$dir/839-UBND-KGVX.json" || die "Demo forward 839 refused"
  ok "Demo directives: 6410/BTTTT-CATTT issued, forwarded by Khánh Hòa as 839/UBND-KGVX"
}

print_welcome() {
  local g="http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
  cat <<TEXT

  Canh Gác is up (in $1 s).

  Gateway (the only public entry)  $g/api/v1/...
  API documentation (Swagger UI)   $g/q/swagger-ui      merged OpenAPI: $g/openapi
  Keycloak (realm canhgac)         $CANHGAC_KEYCLOAK_URL/admin   (admin; its password, made at first start: .run/keycloak-admin.password)
  Services                         inventory :$CANHGAC_INVENTORY_PORT, advisory :$CANHGAC_ADVISORY_PORT, incident :$CANHGAC_INCIDENT_PORT (on loopback; metrics and health on each port + 1000: /q/metrics, /q/health)

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
