#!/bin/sh
# Memory of the running desk with the filter's texts loaded, as an officer would see it:
# starts `sigap` in a detached tmux session on a cache, opens view 8 (Semua, every
# complaint), presses `/`, waits for the texts, types a query, and prints the desk
# process's resident memory (VmRSS) and its peak (VmHWM).
#
#   tools/desk_rss.sh SIGAP_BINARY DATA_DIR CONFIG [QUERY]
#
# docs/performance.md runs it on the benchmark's million-complaint cache:
#   cargo build --release
#   tools/desk_rss.sh target/release/sigap target/bench-cache/desk-1000000/data bench.toml
# where bench.toml holds: agency = "3529-DINSOS" and officer = "Bench".
set -eu
bin=$1
data=$2
config=$3
query=${4:-jln rusak}
session=sigap-rss-$$
tmux new-session -d -s "$session" -x 200 -y 50 \
    "SIGAP_TODAY=2026-11-20 $bin --data-dir $data --config $config"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
# The desk may take the day's backup before its first frame (seconds at a million
# complaints): wait for the inbox's first row, not a fixed time.
for _ in $(seq 1 120); do
    sleep 1
    tmux capture-pane -p -t "$session" | grep -q 'LAP-' && break
done
pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
rss() { grep -E 'VmRSS|VmHWM' "/proc/$pid/status" | tr -s ' \t' ' ' | paste -sd' '; }
echo "started:        $(rss)"
tmux send-keys -t "$session" 8
sleep 1
tmux send-keys -t "$session" /
# The texts load on the search thread; wait until the process stops growing.
last=0
for _ in $(seq 1 60); do
    sleep 1
    now=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    [ "$now" = "$last" ] && break
    last=$now
done
echo "texts loaded:   $(rss)"
tmux send-keys -t "$session" "$query"
sleep 5
echo "after '$query': $(rss)"
tmux capture-pane -p -t "$session" | sed -n 2p | cut -c1-60
