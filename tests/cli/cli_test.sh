#!/usr/bin/env bash
# CLI tests: run the real binary and check exit codes, stdin, formats and bad
# input. Usage: CLAIMTRACE=path/to/claimtrace cli_test.sh TESTS_DIR
set -u
CT=${CLAIMTRACE:?set CLAIMTRACE to the binary}
TESTS=${1:?tests directory}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; FAILS=$((FAILS + 1)); }
check() {  # check NAME EXPECTED_EXIT ACTUAL_EXIT
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1 (exit $3, expected $2)"; fi
}
ARTICLE="$TESTS/golden/articles/quotes-and-names.txt"

"$CT" --version >"$TMP/v" 2>&1; check "--version exits 0" 0 $?
grep -q '^claimtrace [0-9]' "$TMP/v" && pass "--version prints a version" || fail "--version output"
"$CT" analyze --help >/dev/null 2>&1; check "analyze --help exits 0" 0 $?
"$CT" >/dev/null 2>&1; check "no verb is a usage error" 2 $?
"$CT" analyze --bogus x >/dev/null 2>&1; check "unknown option is a usage error" 2 $?
"$CT" analyze "$ARTICLE" --output-format yaml >/dev/null 2>&1; check "bad --output-format" 2 $?
"$CT" analyze "$ARTICLE" --published 25/11/2026 >/dev/null 2>&1; check "bad --published" 2 $?

# Text file -> pretty JSON whose spans slice the input exactly.
"$CT" analyze "$ARTICLE" --output-format json --outlet "Test Desk" --published 2026-11-24 >"$TMP/a.json"
check "text analyze exits 0" 0 $?
python3 - "$TMP/a.json" "$ARTICLE" <<'PY' && pass "JSON spans slice the input" || fail "JSON spans"
import json, sys
d = json.load(open(sys.argv[1]))
text = open(sys.argv[2], 'rb').read()
assert d["outlet"] == "Test Desk" and d["published"] == "2026-11-24", d
assert d["title"] == "Minister denies \u201csecret deal\u201d with Dalmar rebels", d["title"]
assert len(d["sentences"]) >= 8
for s in d["sentences"]:
    assert text[s["start"]:s["end"]].decode() == s["text"], s
for k in ("entities", "cues", "attributions", "events"):
    assert isinstance(d[k], list)
PY

# Part of speech and chunks: only on request; spans slice the input.
python3 - "$TMP/a.json" <<'PY' && pass "default JSON has no tokens or chunks" || fail "default JSON layers"
import json, sys
d = json.load(open(sys.argv[1]))
assert "tokens" not in d and "chunks" not in d, list(d)
PY
"$CT" analyze "$ARTICLE" --output-format json --chunks >"$TMP/c.json"; check "--chunks exits 0" 0 $?
"$CT" analyze "$ARTICLE" --output-format json --tokens >"$TMP/t.json"; check "--tokens exits 0" 0 $?
python3 - "$TMP/c.json" "$TMP/t.json" "$ARTICLE" <<'PY' && pass "--chunks/--tokens: pos, lemma, chunk spans" || fail "--chunks/--tokens output"
import json, sys
c = json.load(open(sys.argv[1])); t = json.load(open(sys.argv[2]))
text = open(sys.argv[3], 'rb').read()
assert "tokens" not in c and c["chunks"], list(c)
assert c["chunks"] == t["chunks"]
assert all(tok["pos"] and tok["lemma"] for tok in t["tokens"])
assert {"NG", "VG"} <= {ch["type"] for ch in c["chunks"]}
for ch in c["chunks"]:
    assert text[ch["start"]:ch["end"]].decode() == ch["text"], ch
    assert ch["head"]["start"] >= ch["start"] and ch["head"]["end"] <= ch["end"], ch
    if ch["type"] == "VG":
        assert ch["voice"] in ("active", "passive") and isinstance(ch["negated"], bool), ch
        toks = t["tokens"][ch["token_start"]:ch["token_end"]]
        assert toks[0]["start"] == ch["start"] and toks[-1]["end"] == ch["end"], ch
PY

# stdin gives the same analysis as the file.
"$CT" analyze - --output-format jsonl <"$ARTICLE" >"$TMP/stdin.jsonl"; check "stdin exits 0" 0 $?
"$CT" analyze "$ARTICLE" --output-format jsonl >"$TMP/file.jsonl"
cmp -s "$TMP/stdin.jsonl" "$TMP/file.jsonl" && pass "stdin equals file" || fail "stdin differs from file"

# Report output is readable text with the title.
"$CT" analyze "$ARTICLE" --output-format report >"$TMP/r.txt"; check "report exits 0" 0 $?
grep -q "Minister denies" "$TMP/r.txt" && grep -q "Sentences" "$TMP/r.txt" && pass "report content" || fail "report content"

# JSONL with good and bad records: one output line per record, in order.
{
  for i in $(seq 1 300); do printf '{"id":"r%d","text":"Record %d says hello. Second sentence."}\n' "$i" "$i"; done
  printf '{"id":"bad-json","text":"unterminated\n'
  printf '{"id":"no-text"}\n'
  printf '\n'
  printf '{"id":"bad-utf8","text":"caf\xc3 au lait"}\n'
  printf '{"id":"last","text":"The end."}\n'
} >"$TMP/in.jsonl"
"$CT" analyze "$TMP/in.jsonl" --threads 4 --batch-size 7 >"$TMP/out.jsonl" 2>"$TMP/err.txt"
check "JSONL with bad records exits 1" 1 $?
python3 - "$TMP/out.jsonl" "$TMP/err.txt" <<'PY' && pass "JSONL order, errors and ids" || fail "JSONL order/errors"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
ids = [r["id"] for r in rows]
assert len(rows) == 304, len(rows)
assert ids[:300] == ["r%d" % i for i in range(1, 301)], ids[:5]
assert "error" in rows[300] and "malformed JSON" in rows[300]["error"], rows[300]
assert rows[301] == {"id": "no-text", "error": "line 302: missing \"text\" field"}, rows[301]
assert rows[302]["id"] == "bad-utf8" and "invalid UTF-8 at byte" in rows[302]["error"]
assert ids[303] == "last" and len(rows[303]["sentences"]) == 1
err = open(sys.argv[2]).read()
assert "in.jsonl:301:" in err and "in.jsonl:302:" in err and "in.jsonl:304:" in err, err
PY
"$CT" analyze "$TMP/in.jsonl" --threads 1 >"$TMP/out1.jsonl" 2>/dev/null
cmp -s "$TMP/out1.jsonl" "$TMP/out.jsonl" && pass "threads=1 equals threads=4" || fail "thread count changes output"

# gzip JSONL and --output-format json (an array).
head -n 5 "$TMP/in.jsonl" | gzip >"$TMP/in.jsonl.gz"
"$CT" analyze "$TMP/in.jsonl.gz" --output-format json >"$TMP/arr.json"; check "gzip JSONL exits 0" 0 $?
python3 -c "import json,sys; a=json.load(open(sys.argv[1])); assert [r['id'] for r in a]==['r1','r2','r3','r4','r5']" "$TMP/arr.json" \
  && pass "json array of records" || fail "json array"

# Bad files: invalid UTF-8 text, missing file, truncated gzip.
printf 'Good start \xff bad byte' >"$TMP/bad.txt"
"$CT" analyze "$TMP/bad.txt" >/dev/null 2>"$TMP/bad.err"; check "invalid UTF-8 text exits 1" 1 $?
grep -q "bad.txt: invalid UTF-8 at byte offset 11" "$TMP/bad.err" && pass "UTF-8 error names file and offset" || fail "UTF-8 error message"
"$CT" analyze "$TMP/missing.txt" >/dev/null 2>"$TMP/miss.err"; check "missing file exits 1" 1 $?
grep -q "missing.txt: cannot open" "$TMP/miss.err" && pass "missing file message" || fail "missing file message"
for i in $(seq 1 3000); do printf '{"id":"g%d","text":"Line %d of a long compressed file."}\n' "$i" "$i"; done | gzip >"$TMP/t.jsonl.gz"
head -c 4000 "$TMP/t.jsonl.gz" >"$TMP/trunc.jsonl.gz"
"$CT" analyze "$TMP/trunc.jsonl.gz" >"$TMP/trunc.out" 2>"$TMP/trunc.err"; check "truncated gzip exits 1" 1 $?
[ -s "$TMP/trunc.out" ] && grep -q "truncated or corrupt" "$TMP/trunc.err" && pass "truncated gzip keeps records read" || fail "truncated gzip handling"

# Empty input.
: >"$TMP/empty.txt"
"$CT" analyze "$TMP/empty.txt" --output-format json >"$TMP/empty.json"; check "empty text exits 0" 0 $?
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['sentences']==[]" "$TMP/empty.json" && pass "empty text has no sentences" || fail "empty text"

# extract: an HTML page (ours) -> the contract's JSON object.
cat >"$TMP/page.html" <<'HTML'
<html lang="en"><head><title>Ferry service resumes | Coast Gazette</title>
<meta property="article:published_time" content="2030-07-14T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry service resumes</h1>
<p>The island ferry resumed its daily crossings on Monday after a storm damaged the landing stage.</p>
<p>Operators said the first boat left at seven with about forty passengers and two delivery vans.</p>
</article><footer>Coast Gazette, all rights reserved</footer></body></html>
HTML
"$CT" extract "$TMP/page.html" >"$TMP/page.json"; check "extract exits 0" 0 $?
python3 - "$TMP/page.json" <<'PY' && pass "extract JSON contract" || fail "extract JSON contract"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["title"] == "Ferry service resumes", d
assert d["published"] == "2030-07-14" and d["language"] == "en", d
assert "daily crossings" in d["text"] and "forty passengers" in d["text"], d
assert "Home" not in d["text"] and "rights reserved" not in d["text"], d
assert d["author"] is None
PY
gzip -c "$TMP/page.html" >"$TMP/page.html.gz"
"$CT" extract --input-format html "$TMP/page.html.gz" | cmp -s - "$TMP/page.json" && pass "extract reads .gz" || fail "extract .gz"
"$CT" extract - <"$TMP/page.html" | cmp -s - "$TMP/page.json" && pass "extract reads stdin" || fail "extract stdin"
zstd -q -c "$TMP/page.html" >"$TMP/page.html.zst"
"$CT" extract "$TMP/page.html.zst" | cmp -s - "$TMP/page.json" && pass "extract reads .zst" || fail "extract .zst"
"$CT" extract - <"$TMP/page.html.zst" | cmp -s - "$TMP/page.json" && pass "extract sniffs zstd on stdin" || fail "extract zstd stdin"
"$CT" extract --input-format pdf "$TMP/page.html" >/dev/null 2>&1; check "extract bad --input-format" 2 $?
"$CT" extract "$TMP/missing.html" >/dev/null 2>&1; check "extract missing file exits 1" 1 $?
: >"$TMP/empty.html"
"$CT" extract "$TMP/empty.html" >/dev/null 2>"$TMP/eh.err"; check "extract empty page exits 1" 1 $?
grep -q "empty.html: empty page" "$TMP/eh.err" && pass "empty page message" || fail "empty page message"
head -c 3000 /dev/urandom >"$TMP/garbage.html"; printf '\0' >>"$TMP/garbage.html"
"$CT" extract "$TMP/garbage.html" >/dev/null 2>&1; rc=$?
[ "$rc" -le 1 ] && pass "binary garbage does not crash" || fail "binary garbage (exit $rc)"
"$CT" analyze "$TMP/page.html" --output-format json >"$TMP/ha.json"; check "analyze html exits 0" 0 $?
python3 - "$TMP/ha.json" <<'PY' && pass "analyze html uses page metadata" || fail "analyze html"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["title"] == "Ferry service resumes" and d["published"] == "2030-07-14", d
assert len(d["sentences"]) == 2, d["sentences"]
PY

# analyze a WARC archive (built here from our page): HTML 200 responses only, counts on stderr.
python3 - "$TMP/page.html" "$TMP/a.warc.gz" <<'PY'
import gzip, sys
page = open(sys.argv[1], 'rb').read()
def rec(kind, uri, block):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:x:{uri}>\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return gzip.compress(head + block + b"\r\n\r\n")
def http(status, ctype, body):
    return f"HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
out = rec("warcinfo", "info", b"x: y\r\n")
out += rec("response", "https://coast.example/2030/07/14/ferry", http(200, "text/html; charset=utf-8", page))
out += rec("response", "https://coast.example/missing", http(404, "text/html", b"<p>gone</p>"))
out += rec("response", "https://coast.example/logo.png", http(200, "image/png", b"\x89PNG"))
open(sys.argv[2], 'wb').write(out)
PY
"$CT" analyze "$TMP/a.warc.gz" >"$TMP/warc.out" 2>"$TMP/warc.err"; check "analyze warc exits 0" 0 $?
[ "$(wc -l <"$TMP/warc.out")" = 1 ] && grep -q '"title":"Ferry service resumes"' "$TMP/warc.out" && pass "warc: one HTML page analysed" || fail "warc output"
grep -q "4 records, 1 HTML pages" "$TMP/warc.err" && grep -q "1 not HTTP 200, 1 not HTML" "$TMP/warc.err" && pass "warc skip counts" || fail "warc skip counts"
head -c $(( $(stat -c %s "$TMP/a.warc.gz") - 40 )) "$TMP/a.warc.gz" >"$TMP/t.warc.gz"
zcat "$TMP/a.warc.gz" | zstd -q -c >"$TMP/a.warc.zst"
"$CT" analyze "$TMP/a.warc.zst" >"$TMP/zwarc.out" 2>"$TMP/zwarc.err"; check "analyze warc.zst exits 0" 0 $?
cmp -s "$TMP/warc.out" "$TMP/zwarc.out" && pass "warc.zst gives what warc.gz gives" || fail "warc.zst output"
"$CT" analyze --input-format warc "$TMP/t.warc.gz" >"$TMP/twarc.out" 2>"$TMP/twarc.err"; check "truncated warc exits 1" 1 $?
[ "$(wc -l <"$TMP/twarc.out")" = 1 ] && pass "truncated warc keeps records read" || fail "truncated warc output"

# analyze an RSS feed (ours): one line per item, an item without a body is an error record.
cat >"$TMP/f.rss" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Weekly</title>
<item><title>New pier opens</title><link>https://harbour.example/pier</link><guid>pier-1</guid>
<pubDate>Sun, 02 Mar 2031 09:00:00 +0100</pubDate>
<description>&lt;p&gt;The new pier at the east harbour opened on Sunday after two years of work.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://harbour.example/c</link></item>
</channel></rss>
XML
"$CT" analyze "$TMP/f.rss" >"$TMP/rss.out" 2>"$TMP/rss.err"; check "rss with an empty item exits 1" 1 $?
python3 - "$TMP/rss.out" <<'PY' && pass "rss items analysed in order" || fail "rss output"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) == 2, lines
assert lines[0]["id"] == "pier-1" and lines[0]["published"] == "2031-03-02", lines[0]
assert lines[0]["outlet"] == "Harbour Weekly" and lines[0]["sentences"], lines[0]
assert "error" in lines[1], lines[1]
PY

# lexicon lookup and stats (entries with and without optional strings).
"$CT" lexicon lookup "Paris" >"$TMP/lk.txt"; check "lexicon lookup exits 0" 0 $?
grep -q "geonameid=2988507" "$TMP/lk.txt" && pass "lookup shows Paris, France" || fail "lookup Paris"
"$CT" lexicon lookup "NHS Reuters" >/dev/null; check "lookup of mixed entries exits 0" 0 $?
"$CT" lexicon stats | grep -q "^entries:" && pass "lexicon stats" || fail "lexicon stats"

# TABARI dictionaries (ours): lexicon import compiles them once, analyze
# --dictionaries FILE codes with the compiled file as with the text files;
# a bad line is reported as file:line and the rest still loads.
mkdir -p "$TMP/tab"
cat >"$TMP/tab/t.verbs" <<'TXT'
PRAISE [051]
- * WARMLY [052]
SCORN [111
OPPOSE [112]
TXT
cat >"$TMP/tab/t.actors" <<'TXT'
NORTHLAND [NOR]
SOUTHLAND [SOU]
TXT
printf 'SET: MINIMUM WORDS = 3\n' >"$TMP/tab/t.options"
printf '<verbsfile> t.verbs\n<actorsfile> t.actors\n<optionsfile> t.options\n' >"$TMP/tab/t.project"
printf 'Northland praised Southland warmly on Monday.\n' >"$TMP/tab/a.txt"
"$CT" lexicon import tabari "$TMP/tab/t.project" -o "$TMP/tab/t.ctd" >"$TMP/imp.out" 2>"$TMP/imp.err"
check "lexicon import exits 0" 0 $?
grep -q "t.verbs:3: " "$TMP/imp.err" && pass "import names file:line" || fail "import file:line"
grep -q "2 verbs" "$TMP/imp.out" && pass "import keeps going after a bad line" || fail "import count"
"$CT" analyze "$TMP/tab/a.txt" --output-format json --dictionaries "tabari:$TMP/tab/t.project" \
  >"$TMP/tab/text.json" 2>/dev/null
check "analyze with tabari: exits 0" 0 $?
"$CT" analyze "$TMP/tab/a.txt" --output-format json --dictionaries "$TMP/tab/t.ctd" >"$TMP/tab/ctd.json"
check "analyze with a compiled file exits 0" 0 $?
python3 - "$TMP/tab/text.json" "$TMP/tab/ctd.json" <<'PY' && pass "compiled file codes as the text files" || fail "compiled coding"
import json, sys
a, b = (json.load(open(p))["events"] for p in sys.argv[1:])
trip = lambda es: [(e["source"]["code"], e["target"]["code"], e["code"]) for e in es]
assert trip(a) == [("NOR", "SOU", "052")], trip(a)
assert trip(a) == trip(b), (trip(a), trip(b))
PY
printf 'not a dictionary' >"$TMP/tab/junk.ctd"
"$CT" analyze "$TMP/tab/a.txt" --dictionaries "$TMP/tab/junk.ctd" >/dev/null 2>"$TMP/junk.err"
check "a foreign --dictionaries file is a usage error" 2 $?
grep -q "not a compiled dictionary" "$TMP/junk.err" && pass "foreign file named" || fail "foreign file message"
printf 'CTDICT1\n\001\000\000\000' >"$TMP/tab/old.ctd"
"$CT" analyze "$TMP/tab/a.txt" --dictionaries "$TMP/tab/old.ctd" >/dev/null 2>"$TMP/old.err"
check "a compiled file of an older format is a usage error" 2 $?
grep -q "CTDICT1.*compile it again with claimtrace lexicon import" "$TMP/old.err" &&
  pass "older format named, with the remedy" || fail "older format message"
"$CT" lexicon import petrarch "$TMP/nowhere" -o "$TMP/x.ctd" >/dev/null 2>&1
check "import of a missing folder fails" 1 $?

# A quoted pattern: analyze expands it itself ("**" across directories) and
# reads each file in its own format, one JSON line per record.
mkdir -p "$TMP/pat/sub" "$TMP/pat/skip"
cp "$ARTICLE" "$TMP/pat/one.txt"
printf '%s\n' '{"id":"p1","text":"Police said the mountain road was closed.","date":"Tue, 05 Mar 2024 10:00:00 GMT"}' \
  '{"id":"p2","text":"The council said the bridge would open.","date":"26-FEB-1987 15:01:01.79"}' \
  >"$TMP/pat/sub/two.jsonl"
printf 'not matched\n' >"$TMP/pat/skip/three.md"
"$CT" analyze "$TMP/pat/**/*.t?t" "--output-format=jsonl" >/dev/null 2>&1
check "pattern over one text file exits 0" 0 $?
"$CT" analyze "$TMP/pat/**/*.[tj]*" >"$TMP/pat.jsonl" 2>"$TMP/pat.err"
check "pattern over text and JSONL exits 0" 0 $?
python3 - "$TMP/pat.jsonl" <<'PY' && pass "pattern: every matching file, in name order, JSONL dates parsed" || fail "pattern output: $(head -c 400 "$TMP/pat.jsonl")"
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
assert len(docs) == 3, len(docs)
assert docs[1]["id"] == "p1" and docs[1]["published"] == "2024-03-05", docs[1]
assert docs[2]["id"] == "p2" and docs[2]["published"] == "1987-02-26", docs[2]
assert len(docs[0]["sentences"]) > 1, docs[0]
PY
"$CT" analyze "$TMP/pat/*.none" >/dev/null 2>"$TMP/pat.err"
check "pattern matching nothing exits 1" 1 $?
grep -q "no file matches" "$TMP/pat.err" && pass "pattern matching nothing is named" || fail "no-match message: $(cat "$TMP/pat.err")"
"$CT" analyze "$TMP/pat/**/*" --output-format json >/dev/null 2>&1
check "pattern with --output-format json is a usage error" 2 $?

echo "$FAILS failure(s)"
[ "$FAILS" -eq 0 ]
