#!/usr/bin/env bash
# Kills `lateral upgrade` and `lateral import` with SIGKILL at random moments, many times, and
# checks after each kill that the project still loads with nothing lost: the annotations are
# all there and the articles are either as before or with the one import added.
#
#   scripts/kill-during-save.sh [SECONDS]      (default 120; builds the release binary first)
#
# Prints one line per 50 kills and a summary; exits non-zero at the first damaged project.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
cargo build --release --quiet
bin=$PWD/target/release/lateral
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A project of about 20 MB: the sample project plus 40 long articles.
cp samples/russland-nordkorea.ron "$work/p.ron"
for n in $(seq 1 40); do
  for k in $(seq 1 12); do cat samples/*.txt; done > "$work/long-$n.txt"
done
"$bin" import --project "$work/p.ron" "$work"/long-*.txt >/dev/null
cp samples/asmolov-riac-2024.txt "$work/extra.txt"
size=$(stat -c %s "$work/p.ron")
# "5 articles, 140 annotations, 4 tags" -> the number before the word $2.
count() { "$bin" info "$1" 2>/dev/null | sed -n "2s/.*\b\([0-9]\+\) $2.*/\1/p"; }
articles=$(count "$work/p.ron" articles)
annotations=$(count "$work/p.ron" annotations)
# How long one upgrade (load, then save) takes: kills are spread over twice that.
t0=$(date +%s%N); "$bin" upgrade "$work/p.ron" >/dev/null; t1=$(date +%s%N)
window_ms=$(( (t1 - t0) / 500000 + 20 ))
echo "project: $((size / 1000000)) MB, $articles articles, $annotations annotations; one upgrade takes $(( (t1 - t0) / 1000000 )) ms"

kills=0; in_save=0; end=$((SECONDS + seconds))
while [ $SECONDS -lt $end ]; do
  if [ $((kills % 2)) -eq 0 ]; then
    "$bin" upgrade "$work/p.ron" >/dev/null 2>&1 & pid=$!
  else
    "$bin" import --project "$work/p.ron" "$work/extra.txt" >/dev/null 2>&1 & pid=$!
  fi
  delay_ms=$((RANDOM % window_ms))
  sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))"
  if kill -0 $pid 2>/dev/null; then
    if [ -n "$(find "$work" -maxdepth 1 -name 'p.ron.tmp*' -print -quit)" ]; then
      in_save=$((in_save + 1))
    fi
    kill -9 $pid 2>/dev/null || true
  fi
  wait $pid 2>/dev/null || true
  kills=$((kills + 1))
  if ! "$bin" validate "$work/p.ron" >/dev/null 2>&1; then
    echo "DAMAGED after $kills kills:"; "$bin" validate "$work/p.ron" || true; exit 1
  fi
  now_annotations=$(count "$work/p.ron" annotations)
  now_articles=$(count "$work/p.ron" articles)
  if [ "$now_annotations" != "$annotations" ] || [ "$now_articles" -lt "$articles" ]; then
    echo "LOST WORK after $kills kills: $now_articles articles, $now_annotations annotations"; exit 1
  fi
  articles=$now_articles
  if [ $((kills % 50)) -eq 0 ]; then echo "$kills kills, $in_save inside a save, $articles articles"; fi
done
"$bin" upgrade "$work/p.ron" >/dev/null
stale=$(find "$work" -maxdepth 1 -name 'p.ron.tmp*' | wc -l)
echo "$kills kills ($in_save while a temp file was being written): project loads, nothing lost; $stale temp files left after the next save"
[ "$stale" -eq 0 ]
