#!/usr/bin/env bash
# A directory of deliberately broken inputs goes through `ingest` with one
# clear error per bad file (file and reason), no crash, and the good pages
# stored intact. The big and deep files are generated here, not committed.
# Usage: CLAIMTRACE=path/to/claimtrace bad_input_test.sh
set -u
CT=${CLAIMTRACE:?set CLAIMTRACE to the binary}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; FAILS=$((FAILS + 1)); }
D="$TMP/in"
mkdir -p "$D/pages" "$D/records"

page() {  # page TITLE CHARSET-META BODY-EXTRA
  printf '<html><head>%s<title>%s</title></head><body><article><h1>%s</h1>' "$2" "$1" "$1"
  printf '<p>The ferry between Orlen and Tessa Bay resumed daily crossings on Monday after a '
  printf 'month of repairs to the landing stage, the harbour office said.</p>'
  printf '<p>Forty passengers took the first boat, which left on time at seven.%s</p>' "$3"
  printf '</article></body></html>\n'
}
page "Ferry service resumes" '<meta charset="utf-8">' "" >"$D/pages/ok.html"
# Declared UTF-8, written in Latin-1 (a caf\xe9 on the quay).
page "Quay cafe reopens" '<meta charset="utf-8">' " A caf$(printf '\xe9') opened on the quay." \
  >"$D/pages/latin1-says-utf8.html"
# Declared Shift_JIS, written in UTF-8.
page "Night boats" '<meta charset="shift_jis">' " Caf$(printf '\xc3\xa9') au lait." \
  >"$D/pages/utf8-says-sjis.html"
: >"$D/pages/empty.html"
printf '  \n\t\n' >"$D/pages/blank.htm"
head -c 4096 /dev/urandom >"$D/pages/garbage.html"
printf '\0\0' >>"$D/pages/garbage.html"
page "Truncated" "" "" | gzip -c | head -c 60 >"$D/pages/truncated.html.gz"
python3 - "$D/pages/deep.html" "$D/pages/big.html" <<'PY'
import sys
deep, big = sys.argv[1], sys.argv[2]
with open(deep, "w") as f:
    f.write("<html><body>" + "<div>" * 10000)
    f.write("<p>Far below ten thousand boxes, a paragraph of ordinary prose waits for a reader.</p>")
    f.write("</div>" * 10000 + "</body></html>")
# 50 MB: a page carrying a huge inline data blob, as single-page apps do.
with open(big, "w") as f:
    f.write('<html><head><title>Big</title><script>var state = ["')
    chunk = "x" * 1023 + ","
    for _ in range(50 * 1024):
        f.write(chunk)
    f.write('"];</script></head><body><article><h1>Big</h1>')
    f.write("<p>The harbour office published its timetable for the winter on a page far larger "
            "than the notice itself, which says the ferry keeps to its summer hours.</p>")
    f.write("</article></body></html>")
PY
printf '{"id":"r1","text":"The first record is fine."}\n{"id":"r2","text":"So is the second."}\n' \
  >"$D/records/good.jsonl"
for i in $(seq 1 2000); do printf '{"id":"z%d","text":"Record %d of a compressed file."}\n' "$i" "$i"; done \
  | zstd -q -c | head -c 3000 >"$D/records/truncated.jsonl.zst"
: >"$D/records/empty.txt"

"$CT" ingest "$D" --db "$TMP/db" --errors "$TMP/err.jsonl" --quiet 2>"$TMP/stderr"
rc=$?
[ "$rc" = 1 ] && pass "ingest of the directory exits 1 (some inputs failed)" || fail "exit $rc: $(cat "$TMP/stderr")"
python3 - "$TMP/err.jsonl" <<'PY' && pass "one error per bad file, with a reason" || fail "errors: $(cat "$TMP/err.jsonl")"
import json, os, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
by_file = {}
for r in rows:
    assert r["reason"], r
    by_file.setdefault(os.path.basename(r["file"]), []).append(r["reason"])
expect = {"empty.html": "empty", "blank.htm": "empty", "garbage.html": "binary",
          "truncated.html.gz": "truncated", "truncated.jsonl.zst": "truncated"}
for name, word in expect.items():
    assert name in by_file, (name, by_file)
    assert any(word in reason for reason in by_file[name]), (name, by_file[name])
for good in ("ok.html", "latin1-says-utf8.html", "utf8-says-sjis.html", "big.html", "good.jsonl"):
    assert good not in by_file, (good, by_file[good])
# Below the parser's depth limit the text is dropped: the page may have no
# text left, which must be said, not crash.
assert all("no article text" in r for r in by_file.get("deep.html", [])), by_file["deep.html"]
PY
"$CT" search --db "$TMP/db" "ferry" --format json >"$TMP/ferry.json" 2>/dev/null
python3 - "$TMP/ferry.json" <<'PY' && pass "good pages stored, charset mistakes repaired" || fail "search: $(head -c 600 "$TMP/ferry.json")"
import json, sys
hits = json.load(open(sys.argv[1]))
text = json.dumps(hits, ensure_ascii=False)
assert len(hits) >= 3, hits
assert "Ferry service resumes" in text and "Quay cafe reopens" in text, text
PY
"$CT" stats --db "$TMP/db" --check >/dev/null 2>"$TMP/check"
grep -q "integrity: ok" "$TMP/check" && pass "store intact after the bad inputs" || fail "integrity: $(cat "$TMP/check")"
# Each page on its own through `extract`: an answer or an error, never a crash.
for f in "$D"/pages/*; do
  "$CT" extract "$f" >/dev/null 2>"$TMP/x.err"
  rc=$?
  if [ "$rc" -gt 1 ]; then
    fail "extract $(basename "$f") exit $rc"
  elif [ "$rc" = 1 ] && ! grep -q "$(basename "$f")" "$TMP/x.err"; then
    fail "extract $(basename "$f"): error does not name the file: $(cat "$TMP/x.err")"
  fi
done
pass "extract: every page answered or named in an error"

echo "$FAILS failure(s)"
[ "$FAILS" -eq 0 ]
