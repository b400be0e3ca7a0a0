#!/usr/bin/env bash
# The access gate at HTTP speed, side by side in one run (issue 15): the platform's GET /api/v1/me (full gate and
# rate limit, TENANTS enterprise tenants with one token each, 80 by default: 500/s each, so the per-tenant limit never
# answers below 40,000 req/s), Keycloak's token introspection (the dev-mode distribution
# from the Maven registry, on this machine), and the platform's own HTTP ceiling (GET /actuator/health/liveness,
# the same HTTP stack, no token). wrk, interleaved rounds after a warm-up, at 64 and 16 connections.
# Writes its table between the markers in docs/benchmarks.md and prints it.
#
#   bench/http/run.sh                    # ROUNDS=3 SECONDS_PER_ROUND=20 CONNECTIONS="64 16" by default
#
# Needs: JDK 21+ (JAVA_HOME), wrk (installed from Debian's packages when missing), python3, curl, unzip.
# Only loopback addresses; every process it starts it stops by its pid.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=$ROOT/bench/target/http
ROUNDS=${ROUNDS:-3}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-20}
CONNECTIONS=${CONNECTIONS:-"64 16"}
TENANTS=${TENANTS:-80}
KEYCLOAK_VERSION=26.7.3
PLATFORM_PORT=${PLATFORM_PORT:-18080}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-18180}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
mkdir -p "$WORK"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "Installing wrk from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

# Only a jar built with -Pproduction carries Vaadin's production bundle (`./mvnw verify` repackages a development one).
JAR=$(ls "$ROOT"/app/target/app-*-exec.jar 2>/dev/null | head -1 || true)
if [[ -z "$JAR" ]] || ! unzip -p "$JAR" 'META-INF/VAADIN/config/flow-build-info.json' 2>/dev/null | grep -q '"productionMode" *: *true'; then
  echo "Building the production jar"
  ./mvnw -q -B -Pproduction -pl app -am package -DskipTests
  JAR=$(ls "$ROOT"/app/target/app-*-exec.jar | head -1)
fi

KEYCLOAK_HOME=$WORK/keycloak-$KEYCLOAK_VERSION
if [[ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]]; then
  echo "Fetching Keycloak $KEYCLOAK_VERSION from the Maven registry"
  ./mvnw -q -B -N dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip -DoutputDirectory="$WORK"
  unzip -q -o "$WORK/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$WORK"
fi

wait_for() { for _ in $(seq 1 180); do curl -sf -o /dev/null "$1" && return 0; sleep 1; done; echo "timed out: $1" >&2; return 1; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

echo "Starting the platform (embedded servers, throw-away data) on 127.0.0.1:$PLATFORM_PORT"
CLIENT_ID=bench-http-client
CLIENT_SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
env -u SPRING_DATASOURCE_URL -u SPRING_DATA_REDIS_URL -u SPRING_LIQUIBASE_USER -u SPRING_LIQUIBASE_PASSWORD \
  -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD -u IUSIGN_DATABASE_ADMIN_URL -u IUSIGN_KEYS_MASTER_KEY \
  IUSIGN_EMBEDDED_EPHEMERAL=true IUSIGN_DEMODATA_ENABLED=false SERVER_ADDRESS=127.0.0.1 PORT=$PLATFORM_PORT \
  IUSIGN_BOOTSTRAP_API_CLIENT_ID=$CLIENT_ID IUSIGN_BOOTSTRAP_API_CLIENT_SECRET=$CLIENT_SECRET \
  IUSIGN_THROTTLE_ENABLED=false VAADIN_USAGE_STATS_ENABLED=false \
  java -Xmx2g -jar "$JAR" > "$WORK/platform.log" 2>&1 &
PIDS+=($!)

echo "Starting Keycloak $KEYCLOAK_VERSION in dev mode on 127.0.0.1:$KEYCLOAK_PORT"
rm -rf "$KEYCLOAK_HOME/data"   # dev mode keeps its realms in an H2 file there: every run starts from none
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password \
  "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port=$KEYCLOAK_PORT --log-level=warn \
  > "$WORK/keycloak.log" 2>&1 &
PIDS+=($!)

wait_for "http://127.0.0.1:$PLATFORM_PORT/actuator/health/liveness"
ADMIN=$(curl -sf -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials "http://127.0.0.1:$PLATFORM_PORT/oauth2/token" | json "['access_token']")
: > "$WORK/platform-owners.txt"
for i in $(seq 1 "$TENANTS"); do
  slug="bench-http-$i-$RANDOM"
  body=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench HTTP $slug\",\"slug\":\"$slug\",\"plan\":\"enterprise\",\"ownerEmail\":\"owner@$slug.test\",\"reason\":\"HTTP benchmark\"}" \
    "http://127.0.0.1:$PLATFORM_PORT/api/admin/tenants")
  activation=$(echo "$body" | json "['ownerActivationToken']")
  curl -sf -o /dev/null -H 'Content-Type: application/json' -d "{\"token\":\"$activation\",\"password\":\"bench owner passphrase $i\"}" \
    "http://127.0.0.1:$PLATFORM_PORT/api/v1/auth/activate"
  echo "$slug bench owner passphrase $i" >> "$WORK/platform-owners.txt"
done

# Tenant access tokens live at most 10 minutes: every platform round signs the owners in afresh (before the round's
# counters are read and outside any profile: each sign-in is a bcrypt hash).
mint_platform_tokens() {
  : > "$WORK/platform-tokens.txt"
  while read -r slug password; do
    curl -sf -H 'Content-Type: application/json' -d "{\"tenant\":\"$slug\",\"email\":\"owner@$slug.test\",\"password\":\"$password\"}" \
      "http://127.0.0.1:$PLATFORM_PORT/api/v1/auth/token" | json "['access_token']" >> "$WORK/platform-tokens.txt"
  done < "$WORK/platform-owners.txt"
}
mint_platform_tokens

wait_for "http://127.0.0.1:$KEYCLOAK_PORT/realms/master"
KC="http://127.0.0.1:$KEYCLOAK_PORT"
KC_ADMIN=$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=bench-admin-password \
  "$KC/realms/master/protocol/openid-connect/token" | json "['access_token']")
curl -sf -o /dev/null -H "Authorization: Bearer $KC_ADMIN" -H 'Content-Type: application/json' \
  -d '{"realm":"bench","enabled":true,"accessTokenLifespan":3600}' "$KC/admin/realms"
KC_SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
curl -sf -o /dev/null -H "Authorization: Bearer $KC_ADMIN" -H 'Content-Type: application/json' -d "{
  \"clientId\":\"bench-api\",\"secret\":\"$KC_SECRET\",\"publicClient\":false,\"serviceAccountsEnabled\":true,
  \"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":false,
  \"protocolMappers\":[{\"name\":\"audience\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\",
    \"config\":{\"included.client.audience\":\"bench-api\",\"access.token.claim\":\"true\",\"introspection.token.claim\":\"true\"}}]}" \
  "$KC/admin/realms/bench/clients"
: > "$WORK/keycloak-tokens.txt"
for i in $(seq 1 "$TENANTS"); do
  curl -sf -u "bench-api:$KC_SECRET" -d grant_type=client_credentials "$KC/realms/bench/protocol/openid-connect/token" \
    | json "['access_token']" >> "$WORK/keycloak-tokens.txt"
done
export CLIENT_BASIC=$(printf 'bench-api:%s' "$KC_SECRET" | base64 -w0)
active=$(curl -sf -u "bench-api:$KC_SECRET" -d "token=$(head -1 "$WORK/keycloak-tokens.txt")" \
  "$KC/realms/bench/protocol/openid-connect/token/introspect" | json "['active']")
[[ "$active" == "True" ]] || { echo "Keycloak's introspection does not answer active for its own token" >&2; exit 1; }
me=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(head -1 "$WORK/platform-tokens.txt")" \
  "http://127.0.0.1:$PLATFORM_PORT/api/v1/me")
[[ "$me" == "200" ]] || { echo "The platform refuses its own token: $me" >&2; exit 1; }

arm() { # name connections seconds
  case "$1" in
    platform) MODE=bearer TOKENS=$WORK/platform-tokens.txt wrk -t2 -c"$2" -d"$3"s --latency -s bench/http/tokens.lua \
                "http://127.0.0.1:$PLATFORM_PORT/api/v1/me" ;;
    keycloak) MODE=introspect TOKENS=$WORK/keycloak-tokens.txt wrk -t2 -c"$2" -d"$3"s --latency -s bench/http/tokens.lua \
                "$KC/realms/bench/protocol/openid-connect/token/introspect" ;;
    liveness) wrk -t2 -c"$2" -d"$3"s --latency -s bench/http/plain.lua "http://127.0.0.1:$PLATFORM_PORT/actuator/health/liveness" ;;
  esac
}

# The gate's counters on /actuator/prometheus: Redis calls of the rate limiter, token-cache hits, gate answers.
meters() {
  curl -sf "http://127.0.0.1:$PLATFORM_PORT/actuator/prometheus" | awk '
    /^iusign_gate_rate_limit_shared_calls_total/ {redis += $2}
    /^iusign_gate_token_cache_hits_total/ {hits += $2}
    /^iusign_gate_decisions_total/ {decisions += $2}
    END {printf "%d %d %d\n", redis, hits, decisions}'
}

echo "Warming up (20 s per arm)"
mint_platform_tokens
for a in platform keycloak liveness; do arm $a 64 20 > /dev/null; done

# PROFILE=1: one platform and one liveness round at 64 connections under JFR (profile settings), summarised by
# bench/http/profile.py into bench/target/http/profile.md (not part of the ratio rounds).
if [[ "${PROFILE:-0}" == 1 ]]; then
  PLATFORM_PID=${PIDS[0]}
  : > "$WORK/profile.md"
  for a in platform liveness; do
    if [[ "$a" == platform ]]; then mint_platform_tokens; fi
    jcmd "$PLATFORM_PID" JFR.start name=$a settings=profile filename="$WORK/$a.jfr" > /dev/null
    arm $a 64 "$SECONDS_PER_ROUND" > /dev/null
    jcmd "$PLATFORM_PID" JFR.stop name=$a > /dev/null
    python3 bench/http/profile.py "$WORK/$a.jfr" "$a at 64 connections, $SECONDS_PER_ROUND s" >> "$WORK/profile.md"
  done
  cat "$WORK/profile.md"
fi

RESULTS=$WORK/results.tsv
: > "$RESULTS"
for c in $CONNECTIONS; do
  for r in $(seq 1 "$ROUNDS"); do
    for a in platform keycloak liveness; do
      if [[ "$a" == platform ]]; then mint_platform_tokens; fi
      before=$(meters)
      # Steady state: the counters again 3 s into the round, once every tenant holds a lease of this round.
      (sleep 3; meters > "$WORK/steady-before") &
      steady=$!
      out=$(arm $a "$c" "$SECONDS_PER_ROUND")
      after=$(meters)
      wait "$steady"
      read -r sredis0 _ sdecisions0 < "$WORK/steady-before"
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p50=$(echo "$out" | awk '$1=="50%" {print $2}')
      p99=$(echo "$out" | awk '$1=="99%" {print $2}')
      non2xx=$(echo "$out" | awk '/^NON2XX/ {print $2}')
      errors=$(echo "$out" | awk '/Socket errors/ {print $0}' | tr -s ' ')
      read -r redis0 hits0 decisions0 <<< "$before"; read -r redis1 hits1 decisions1 <<< "$after"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$r" "$a" "$rps" "$p50" "$p99" "${non2xx:-0}${errors:+ ($errors)}" \
        $((redis1 - redis0)) $((hits1 - hits0)) $((decisions1 - decisions0)) $((redis1 - sredis0)) $((decisions1 - sdecisions0)) >> "$RESULTS"
      echo "c=$c round $r $a: $rps req/s, p50 $p50, p99 $p99, non-2xx ${non2xx:-0} $errors"
    done
  done
done

python3 bench/http/report.py "$RESULTS" docs/benchmarks.md "$TENANTS" "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), Keycloak $KEYCLOAK_VERSION dev mode, wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
