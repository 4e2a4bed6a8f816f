#!/usr/bin/env bash
# `claimtrace ingest` on WARC archives and RSS/Atom feeds built here from
# pages we wrote: HTML responses become documents, other records are
# skipped and counted, a page without article text goes to --errors, and
# the stored documents are found by search.
# Usage: CLAIMTRACE=path/to/claimtrace ingest_formats_test.sh TESTS_DIR
set -u
CT=${CLAIMTRACE:?set CLAIMTRACE to the binary}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; FAILS=$((FAILS + 1)); }
check() {  # check NAME EXPECTED_EXIT ACTUAL_EXIT
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1 (exit $3, expected $2)"; fi
}

mkdir -p "$TMP/in/feeds"
python3 - "$TMP/in/crawl.warc.gz" "$TMP/in/feeds/wire.rss" <<'PY'
import gzip, sys

def page(title, paragraphs, date):
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} - Velmora Courier</title>
<meta property="article:published_time" content="{date}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
{body}</article>
<footer>Copyright Velmora Courier</footer></body></html>""".encode()

harbour = page("Harbour workers end strike in Velmora", [
    "Dock workers in the port of Velmora returned to work on Monday after a four-day strike "
    "over wages, the harbour authority said in a statement.",
    "The union said its members had accepted a pay rise of six percent spread over two years, "
    "and that container traffic would return to normal by the end of the week.",
    "Shipping companies had diverted at least twelve vessels to neighbouring ports during the "
    "stoppage, according to the regional chamber of commerce.",
], "2024-03-05")
bridge = page("Council approves new bridge over the Selna river", [
    "The Velmora city council voted on Thursday to build a second bridge over the Selna river, "
    "the mayor told reporters after the session.",
    "The bridge is expected to cost 40 million crowns and to open to traffic in three years, "
    "officials said, easing congestion in the old town.",
    "Opposition councillors said the plan lacked a study of its effect on the river banks and "
    "asked for a public consultation before construction begins.",
], "2024-03-07")
empty = b"<!DOCTYPE html><html><head><title>Login</title></head><body></body></html>"

def http(status, ctype, body):
    head = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body

def record(n, kind, uri, block, ctype="application/http; msgtype=response"):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:rec-{n}>\r\n"
            f"WARC-Date: 2024-03-08T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n")
    return gzip.compress(head.encode() + block + b"\r\n\r\n")

site = "https://courier.example/news/"
records = [
    record(1, "warcinfo", "", b"software: test\r\n", "application/warc-fields"),
    record(2, "request", site + "harbour", b"GET /news/harbour HTTP/1.1\r\n\r\n",
           "application/http; msgtype=request"),
    record(3, "response", site + "harbour", http("200 OK", "text/html; charset=utf-8", harbour)),
    record(4, "response", site + "gone", http("404 Not Found", "text/html", b"<p>gone</p>")),
    record(5, "response", site + "logo.png", http("200 OK", "image/png", b"\x89PNG....")),
    record(6, "response", site + "login", http("200 OK", "text/html", empty)),
    record(7, "response", site + "bridge", http("200 OK", "text/html", bridge)),
]
open(sys.argv[1], "wb").write(b"".join(records))

open(sys.argv[2], "w").write("""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Selna Valley Wire</title><link>https://wire.example/</link>
<item><title>Floods close mountain road near Korvin</title>
<link>https://wire.example/floods-korvin</link><guid>wire-1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Heavy rain flooded the mountain road north of Korvin on Tuesday, the regional police said, cutting off three villages.</p><p>Rescue teams reached the villages by helicopter and reported no injuries, a police spokesman told the Selna Valley Wire.</p>]]></content:encoded>
</item>
<item><title>Korvin school reopens after repairs</title>
<link>https://wire.example/school-korvin</link><guid>wire-2</guid>
<pubDate>Wed, 06 Mar 2024 09:30:00 GMT</pubDate>
<description>The primary school in Korvin reopened on Wednesday after a year of repairs to its roof, the town hall said.</description>
</item>
</channel></rss>
""")
PY

DB="$TMP/t.db"
"$CT" ingest "$TMP/in" --db "$DB" --no-link --errors "$TMP/err.jsonl" 2>"$TMP/stderr"
check "ingest a directory with a WARC and a feed exits 1 (one page has no text)" 1 $?
grep -q "5 records.*4 stored, 0 copies, 0 skipped (already stored), 1 failed" "$TMP/stderr" \
  && pass "summary counts pages and feed items" || fail "summary: $(cat "$TMP/stderr")"
grep -q "WARC: 7 records read, 4 skipped (2 not responses, 1 not HTTP 200, 1 not HTML, 0 bad HTTP)" \
  "$TMP/stderr" && pass "skipped WARC records counted" || fail "WARC summary: $(cat "$TMP/stderr")"
python3 - "$TMP/err.jsonl" <<'PY' && pass "page without text reported in --errors" || fail "--errors: $(cat "$TMP/err.jsonl")"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 1, rows
r = rows[0]
assert r["file"].endswith("crawl.warc.gz") and r["line"] is None, r
assert r["id"] == "<urn:uuid:rec-6>" or r["id"] == "urn:uuid:rec-6", r
assert "https://courier.example/news/login" in r["reason"], r
PY

"$CT" search "dock workers" --db "$DB" --format json >"$TMP/q1.json"; check "search WARC page" 0 $?
"$CT" search "helicopter" --db "$DB" --format json >"$TMP/q2.json"; check "search feed item" 0 $?
"$CT" search "Korvin" --outlet "Selna Valley Wire" --db "$DB" --format json >"$TMP/q3.json"
"$CT" show "<urn:uuid:rec-3>" --db "$DB" --format json >"$TMP/q4.json"; check "show WARC page" 0 $?
python3 - "$TMP"/q1.json "$TMP"/q2.json "$TMP"/q3.json "$TMP"/q4.json <<'PY' && pass "stored documents keep URL, title, date and outlet" || fail "search results: $(cat "$TMP"/q*.json)"
import json, sys
q1, q2, q3, shown = (json.load(open(p)) for p in sys.argv[1:])
assert len(q1) == 1, q1
d = q1[0]
assert shown.get("url") == "https://courier.example/news/harbour", shown
assert shown["sentences"][0]["text"].startswith("Dock workers"), shown
assert "Harbour workers" in d.get("title", ""), d
assert d.get("published") == "2024-03-05", d
assert len(q2) == 1 and q2[0]["id"] == "wire-1" and q2[0].get("published") == "2024-03-05", q2
assert sorted(r["id"] for r in q3) == ["wire-1", "wire-2"], q3
PY

# Explicit --input-format for names that say nothing.
cp "$TMP/in/feeds/wire.rss" "$TMP/feed.xml"
"$CT" ingest "$TMP/feed.xml" --input-format rss --db "$TMP/t2.db" --no-link 2>"$TMP/stderr2"
check "--input-format rss" 0 $?
grep -q "2 records.*2 stored" "$TMP/stderr2" && pass "feed read by --input-format" || fail "rss: $(cat "$TMP/stderr2")"
# Re-ingest: nothing stored twice.
"$CT" ingest "$TMP/in" --db "$DB" --no-link 2>"$TMP/stderr3"
grep -q "0 stored, 0 copies, 4 skipped (already stored), 1 failed" "$TMP/stderr3" \
  && pass "re-ingest of WARC and feed skips stored records" || fail "re-ingest: $(cat "$TMP/stderr3")"
# A truncated archive: the pages before the damage are stored, the damage is reported.
python3 -c "import sys; b=open(sys.argv[1],'rb').read(); open(sys.argv[2],'wb').write(b[:len(b)-40])" \
  "$TMP/in/crawl.warc.gz" "$TMP/cut.warc.gz"
"$CT" ingest "$TMP/cut.warc.gz" --db "$TMP/t3.db" --no-link --errors "$TMP/err3.jsonl" 2>"$TMP/stderr4"
check "truncated WARC exits 1" 1 $?
grep -q "1 stored" "$TMP/stderr4" && [ -s "$TMP/err3.jsonl" ] \
  && pass "truncated WARC: earlier pages stored, damage reported" || fail "truncated: $(cat "$TMP/stderr4")"

[ "$FAILS" = 0 ] && echo "all passed" || { echo "$FAILS failed"; exit 1; }
