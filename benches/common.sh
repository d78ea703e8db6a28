# Helpers the server benchmarks share (sourced by server.sh and scale.sh):
# a private HOME/XDG tree, servers started in the background and stopped on
# exit, a PostgreSQL schema of the run's own, and the wrk result line.

# Expects BIN (the tokenctl binary) to be set by the caller.
DIR="$(mktemp -d)"
PIDS=()
SCHEMA=""
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [ -n "$SCHEMA" ]; then
        sleep 0.5
        psql -q "$DATABASE_URL" -c "DROP SCHEMA $SCHEMA CASCADE" >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
}
trap cleanup EXIT

# A private HOME/XDG so nothing touches the caller's files. An array, not a
# function, so a server started with it is a direct child cleanup can kill.
PINNED=(env HOME="$DIR" XDG_DATA_HOME="$DIR/data" XDG_CONFIG_HOME="$DIR/config" CI=true)
pinned() {
    "${PINNED[@]}" "$@"
}

# Starts a server in the background (in this shell, so cleanup can stop it).
start() {
    local log="$1"
    shift
    "$@" 2>"$log" &
    PIDS+=($!)
}

# The base URL a server printed once it listens.
url_of() {
    for _ in $(seq 100); do
        if grep -q "serving on http://" "$1"; then
            grep -o "http://[0-9.:]*" "$1" | head -n 1
            return
        fi
        sleep 0.1
    done
    echo "server did not start: $(cat "$1")" >&2
    exit 1
}

# DATABASE (default: a SQLite file in DIR); a PostgreSQL run gets a schema
# of its own, dropped afterwards, so earlier runs and other users of the
# database can't change what is measured. DATABASE_URL is then the
# database itself, for psql.
choose_database() {
    DATABASE="${DATABASE:-sqlite:$DIR/server.db}"
    if [[ "$DATABASE" == postgres* ]]; then
        DATABASE_URL="$DATABASE"
        SCHEMA="tokenctl_bench_$$"
        psql -q "$DATABASE_URL" -c "CREATE SCHEMA $SCHEMA" >/dev/null
        DATABASE="$DATABASE_URL?options=-c%20search_path%3D$SCHEMA"
    fi
}

# A wrk script's ending that prints "RESULT rps p99_ms non2xx errors".
write_wrk_done() {
    cat >"$DIR/done.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.3f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.timeout))
end
LUA
}

# A wrk script that POSTs one body: wrk_script NAME CONTENT_TYPE BODY [BEARER].
wrk_script() {
    local name="$1" content_type="$2" body="$3" authorization="${4:-}"
    {
        echo 'wrk.method = "POST"'
        echo "wrk.headers[\"Content-Type\"] = \"$content_type\""
        [ -n "$authorization" ] && echo "wrk.headers[\"Authorization\"] = \"Bearer $authorization\""
        echo "wrk.body = '$body'"
        cat "$DIR/done.lua"
    } >"$DIR/$name.lua"
}
