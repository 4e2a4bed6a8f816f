// Tests for src/ingest/html: main text, metadata, dates, encodings and bad
// input. Every page here is written for the test (fictional content).
#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <string>
#include <thread>
#include <vector>

#include "ingest/html/article.h"
#include "ingest/html/dates.h"
#include "ingest/html/encoding.h"
#include "ingest/html/language.h"
#include "ingest/html/parse_arena.h"

namespace claimtrace::html {
namespace {

Article extract(const std::string& page, const std::string& url = "") {
  Article a;
  std::string error;
  EXPECT_TRUE(extract_article(page, {.url = url, .charset = ""}, a, error)) << error;
  return a;
}

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// A news page with every kind of furniture around a five-paragraph story.
const char* kNewsPage = R"(<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Harbour bridge reopens after repairs | The Lantern Post</title>
<meta property="og:site_name" content="The Lantern Post">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2031-04-09T08:15:00+02:00">
<link rel="canonical" href="https://lantern.example/news/harbour-bridge">
</head><body>
<div id="cookie-banner">We use cookies to improve this site. Accept all cookies?</div>
<header class="site-header"><a href="/">The Lantern Post</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav></header>
<div class="layout">
<main><article>
<h1>Harbour bridge reopens after repairs</h1>
<div class="byline">By Mara Quill</div>
<p>The old harbour bridge in Tessel reopened to traffic on Tuesday after eleven months of
repairs to its rusted supports, the town council said in a statement.</p>
<p>Engineers replaced forty steel cables and resurfaced the deck, which had been closed to
cars since a routine inspection found cracks in two of the main girders last spring.</p>
<figure><img src="bridge.jpg"><figcaption>The bridge at dawn, photographed from the pier.</figcaption></figure>
<h2>Costs above the estimate</h2>
<p>The work cost about 14 million lantern crowns, roughly a third more than the first estimate,
according to figures released by the council's finance committee on Monday.</p>
<p>"We would rather pay once and do it properly," said deputy mayor Ilse Varnholt, who added
that the bridge should now last another fifty years without major work.</p>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share by email</a></div>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul>
<li><a href="/a">Ferry timetable changes for the summer season</a></li>
<li><a href="/b">Lighthouse museum opens a new wing for visitors</a></li></ul></aside>
</div>
<section id="comments"><h3>Comments</h3><div class="comment"><p>Finally! I have been waiting
for this bridge to reopen for nearly a year now, it was a long detour.</p></div></section>
<div class="related-articles"><h3>Related</h3><a href="/c">Council approves the new budget for the harbour district</a></div>
<footer><p>Copyright 2031 The Lantern Post. All rights reserved. Contact the newsroom.</p></footer>
</body></html>)";

TEST(HtmlArticle, KeepsParagraphsAndDropsBoilerplate) {
  Article a = extract(kNewsPage);
  EXPECT_TRUE(contains(a.text, "The old harbour bridge in Tessel reopened")) << a.text;
  EXPECT_TRUE(contains(a.text, "Engineers replaced forty steel cables")) << a.text;
  EXPECT_TRUE(contains(a.text, "roughly a third more")) << a.text;
  EXPECT_TRUE(contains(a.text, "another fifty years")) << a.text;
  EXPECT_TRUE(contains(a.text, "Costs above the estimate")) << "headings inside the article stay";
  for (const char* gone :
       {"cookies", "Sport", "Weather", "Ferry timetable", "Lighthouse museum", "Finally!",
        "new budget", "Copyright", "Share on Facebook", "The bridge at dawn", "By Mara Quill"})
    EXPECT_FALSE(contains(a.text, gone)) << gone << " should be gone:\n" << a.text;
  // The headline is the title, not part of the text.
  EXPECT_FALSE(contains(a.text, "Harbour bridge reopens after repairs")) << a.text;
}

TEST(HtmlArticle, ParagraphsAreSeparatedByNewlines) {
  Article a = extract(kNewsPage);
  size_t first = a.text.find("The old harbour bridge");
  size_t second = a.text.find("Engineers replaced");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  std::string between = a.text.substr(first, second - first);
  EXPECT_TRUE(contains(between, "\n"));
  // Line breaks inside a paragraph's source are collapsed to spaces.
  EXPECT_TRUE(contains(a.text, "rusted supports, the town council")) << a.text;
}

TEST(HtmlArticle, MetadataFromMetaTags) {
  Article a = extract(kNewsPage);
  EXPECT_EQ(a.title, "Harbour bridge reopens after repairs");
  EXPECT_EQ(a.author, "Mara Quill");
  EXPECT_EQ(a.published, "2031-04-09");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.url, "https://lantern.example/news/harbour-bridge");
  EXPECT_EQ(a.outlet, "The Lantern Post");
}

const char* kBody = R"(<p>The orchard cooperative in Velm harvested a record crop of pears this
autumn, its chairwoman told members at the annual meeting on Friday evening.</p>
<p>Members voted to spend part of the surplus on a new cold store near the station.</p>)";

TEST(HtmlArticle, MetadataFromJsonLd) {
  std::string page = std::string(R"(<html><head><title>Ignored | Site</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Velm Courier"},
 {"@type":"NewsArticle","headline":"Record pear harvest in Velm","datePublished":"2030-10-04T18:00:00+01:00",
  "author":[{"@type":"Person","name":"Tomas Brell"},{"@type":"Person","name":"Ana Sef"}],
  "publisher":{"@type":"Organization","name":"Velm Courier"},"inLanguage":"nl-BE"}]}
</script></head><body>)") +
                     kBody + "</body></html>";
  Article a = extract(page);
  EXPECT_EQ(a.title, "Record pear harvest in Velm");
  EXPECT_EQ(a.published, "2030-10-04");
  EXPECT_EQ(a.author, "Tomas Brell, Ana Sef");
  EXPECT_EQ(a.outlet, "Velm Courier");
  EXPECT_EQ(a.language, "nl");
}

TEST(HtmlArticle, InvalidJsonLdStillGivesTheDate) {
  std::string page = std::string(R"(<html><head>
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2029-02-11T10:00:00",}</script>
</head><body>)") + kBody +
                     "</body></html>";
  EXPECT_EQ(extract(page).published, "2029-02-11");
}

TEST(HtmlArticle, TitleFromTitleTagWithoutSiteSuffix) {
  std::string page = std::string(
                         "<html><head><title>Record pear harvest in Velm - Velm Courier "
                         "Online</title></head><body>") +
                     kBody + "</body></html>";
  EXPECT_EQ(extract(page).title, "Record pear harvest in Velm");
}

TEST(HtmlArticle, TitleFromH1WhenNothingElse) {
  std::string page =
      std::string("<html><body><h1>Pears, pears, pears</h1>") + kBody + "</body></html>";
  Article a = extract(page);
  EXPECT_EQ(a.title, "Pears, pears, pears");
  EXPECT_FALSE(contains(a.text, "Pears, pears, pears"));
}

TEST(HtmlArticle, DateFromTimeElement) {
  std::string page = std::string(
                         "<html><body><article><h1>Pears</h1><time datetime=\"2028-06-30\">"
                         "30 June</time>") +
                     kBody + "</article></body></html>";
  EXPECT_EQ(extract(page).published, "2028-06-30");
}

TEST(HtmlArticle, DateFromUrl) {
  std::string page = std::string("<html><body>") + kBody + "</body></html>";
  EXPECT_EQ(extract(page, "https://courier.example/2027/03/05/pears").published, "2027-03-05");
  EXPECT_EQ(extract(page, "https://courier.example/pears").published, "");
}

TEST(HtmlArticle, DateFromVisibleDateline) {
  std::string page = std::string(
                         "<html><body><article><h1>Pears</h1><div class=\"info\">Posted "
                         "on 12. März 2026 by the editors</div>") +
                     kBody + "</article></body></html>";
  EXPECT_EQ(extract(page).published, "2026-03-12");
}

TEST(HtmlArticle, UrlDayWinsOnlyWhereTheUtcStampAllowsIt) {
  auto page = [](const std::string& stamp) {
    return std::string("<html><head><meta property=\"article:published_time\" content=\"") + stamp +
           "\"></head><body>" + kBody + "</body></html>";
  };
  const std::string url = "https://courier.example/2027/03/05/pears";
  // 03:30 UTC on the 6th is still the 5th in the Americas.
  EXPECT_EQ(extract(page("2027-03-06T03:30:00Z"), url).published, "2027-03-05");
  // 14:00 UTC on the 6th is the 6th from Hawaii westwards to India.
  EXPECT_EQ(extract(page("2027-03-06T14:00:00Z"), url).published, "2027-03-06");
  // A stamp with its own offset already gives the local day.
  EXPECT_EQ(extract(page("2027-03-06T03:30:00+01:00"), url).published, "2027-03-06");
}

TEST(HtmlArticle, DateFromScriptDataAndRdfComment) {
  std::string in_script = std::string(
                              "<html><head><script>var product = {\"title\": \"Pears\", "
                              "\"published_at\": \"2025-08-14T06:00:00+02:00\"};</script>"
                              "</head><body>") +
                          kBody + "</body></html>";
  EXPECT_EQ(extract(in_script).published, "2025-08-14");
  std::string in_comment = std::string(
                               "<html><body><!-- <rdf:Description dc:title=\"Pears\" "
                               "dc:date=\"2025-09-01T22:00:00+09:00\" /> -->") +
                           kBody + "</body></html>";
  EXPECT_EQ(extract(in_comment).published, "2025-09-01");
}

TEST(HtmlArticle, DateWrittenAnywhereIsTheLastResort) {
  std::string page = std::string("<html><body><article><h1>Pears</h1>") + kBody +
                     "<p>Filed under fruit. Entry written on 19 May 2010 at 23:03.</p>"
                     "</article></body></html>";
  EXPECT_EQ(extract(page).published, "2010-05-19");
}

TEST(HtmlArticle, DeclaredLanguageFirstThenDetected) {
  const std::string german =
      "<p>Die Genossenschaft der Obstbauern in Velm hat in diesem Herbst so viele Birnen "
      "geerntet wie nie zuvor, sagte die Vorsitzende am Freitagabend vor den Mitgliedern.</p>"
      "<p>Die Mitglieder beschlossen, einen Teil des \xC3\x9C"
      "berschusses in ein neues K\xC3\xBChlhaus beim Bahnhof zu stecken.</p>";
  EXPECT_EQ(extract("<html><body><article>" + german + "</article></body></html>").language, "de");
  // A declaration wins over the letters (the page says what it is).
  EXPECT_EQ(
      extract("<html lang=\"nl\"><body><article>" + german + "</article></body></html>").language,
      "nl");
  EXPECT_EQ(extract(std::string("<html><body>") + kBody + "</body></html>").language, "en");
}

TEST(HtmlLanguage, ShortOrEmptyTextGivesNoAnswer) {
  EXPECT_EQ(detect_language(""), "");
  EXPECT_EQ(detect_language("12:30"), "");
  EXPECT_EQ(detect_language("Le conseil municipal a vot\xC3\xA9 mardi soir la construction "
                            "d'une nouvelle biblioth\xC3\xA8que pr\xC3\xA8s de la gare, "
                            "a annonc\xC3\xA9 la maire."),
            "fr");
}

TEST(HtmlArticle, RelatedBoxesAndCommentsAreNotTheStory) {
  std::string page = std::string("<html><body><article><h1>Pears</h1>") + kBody +
                     "<h3>Mehr zum Thema</h3><p>Apfelernte im Tal</p><p>Neuer Markt</p>"
                     "<p>The cold store is to open before the spring, the chairwoman added, "
                     "and members will share its running costs by the tonne.</p>"
                     "<h3>Comments</h3><p>I have been a member for twenty years and this is "
                     "the best harvest I can remember, well done to everyone involved.</p>"
                     "</article></body></html>";
  Article a = extract(page);
  EXPECT_TRUE(contains(a.text, "record crop of pears")) << a.text;
  EXPECT_TRUE(contains(a.text, "cold store is to open")) << a.text;  // after the box
  EXPECT_FALSE(contains(a.text, "Mehr zum Thema")) << a.text;
  EXPECT_FALSE(contains(a.text, "Apfelernte")) << a.text;
  EXPECT_FALSE(contains(a.text, "twenty years")) << a.text;
}

TEST(HtmlArticle, VisibleDateGoesBeforeAGenericDateMeta) {
  // <meta name="date"> says "a date", often the last change.
  std::string page = std::string(
                         "<html><head><meta name=\"date\" content=\"2026-04-02\"></head><body>"
                         "<article><h1>Pears</h1><p class=\"meta\">12.03.2026</p>") +
                     kBody + "</article></body></html>";
  EXPECT_EQ(extract(page).published, "2026-03-12");
  // A named publication date still wins over what the page shows.
  std::string named = std::string(
                          "<html><head><meta property=\"article:published_time\" "
                          "content=\"2026-03-10T09:00:00+01:00\"></head><body><article>"
                          "<h1>Pears</h1><p class=\"meta\">12.03.2026</p>") +
                      kBody + "</article></body></html>";
  EXPECT_EQ(extract(named).published, "2026-03-10");
  // Without anything visible the generic meta is used.
  std::string only_meta =
      std::string("<html><head><meta name=\"date\" content=\"2026-04-02\"></head><body>") + kBody +
      "</body></html>";
  EXPECT_EQ(extract(only_meta).published, "2026-04-02");
}

TEST(HtmlArticle, AuthorFromByline) {
  std::string page = std::string(
                         "<html><body><article><h1>Pears</h1><span class=\"byline\">By "
                         "Hana Lott</span>") +
                     kBody + "</article></body></html>";
  EXPECT_EQ(extract(page).author, "Hana Lott");
}

TEST(HtmlArticle, Windows1252WithMetaCharset) {
  // "Café Müller" in windows-1252 bytes: é = E9, ü = FC; 0x93/0x94 are curly quotes.
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
      "</head><body><p>The \x93"
      "Caf\xE9 M\xFCller\x94 on the market square will close at the end of the month after "
      "sixty years, its owners said on Sunday.</p></body></html>";
  Article a = extract(page);
  EXPECT_TRUE(contains(a.text,
                       "\xE2\x80\x9C"
                       "Caf\xC3\xA9 M\xC3\xBCller\xE2\x80\x9D"))
      << a.text;
  EXPECT_EQ(a.charset, "windows-1252");
}

TEST(HtmlArticle, TransportCharsetWinsOverMeta) {
  std::string page =
      "<html><head><meta charset=\"utf-8\"></head><body><p>Gr\xFC\xDF"
      "e from the valley, where the spring fair opened on a sunny Saturday.</p>"
      "</body></html>";
  Article a;
  std::string error;
  ASSERT_TRUE(extract_article(page, {.url = "", .charset = "iso-8859-1"}, a, error));
  EXPECT_TRUE(contains(a.text,
                       "Gr\xC3\xBC\xC3\x9F"
                       "e"))
      << a.text;
}

TEST(HtmlArticle, InvalidUtf8IsRepairedNotRejected) {
  std::string page =
      "<html><head><meta charset=\"utf-8\"></head><body><p>A stray \xFF byte in "
      "an otherwise ordinary paragraph about the village fair and its stalls.</p>"
      "</body></html>";
  Article a = extract(page);
  EXPECT_TRUE(contains(a.text, "A stray \xEF\xBF\xBD byte")) << a.text;
}

TEST(HtmlArticle, EmptyAndBinaryInputAreErrors) {
  Article a;
  std::string error;
  EXPECT_FALSE(extract_article("", {}, a, error));
  EXPECT_EQ(error, "empty page");
  EXPECT_FALSE(extract_article("  \n\t ", {}, a, error));
  std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  EXPECT_FALSE(extract_article(binary, {}, a, error));
  EXPECT_TRUE(contains(error, "binary")) << error;
  // Random bytes with no NUL in the first KiB (about one random file in 50).
  std::string noise;
  uint32_t state = 99;
  for (int i = 0; i < 4096; ++i) {
    state = state * 1103515245u + 12345u;
    noise += static_cast<char>(1 + (state >> 24) % 255);
  }
  EXPECT_FALSE(extract_article(noise, {}, a, error));
  EXPECT_TRUE(contains(error, "binary")) << error;
  // A page in an 8-bit encoding, with a form feed and ISO-2022 escapes, is text.
  EXPECT_TRUE(
      extract_article("<html><body><article><p>Caf\xE9 \f owners \x1B$B met \x1B(B the "
                      "mayor on Monday to discuss rents in the old town.</p></article>"
                      "</body></html>",
                      {}, a, error))
      << error;
}

TEST(HtmlArticle, MalformedMarkupDoesNotCrash) {
  for (const char* page :
       {"<p>unclosed <b>bold <i>italic", "</div></div></p>", "<html><body></body></html>", "<<<>>>",
        "<script>never closed", "<!-- comment only", "plain text, no tags at all",
        "<table><tr><td>cell<td>cell</table></tr>", "<a href=\"x\"><a href=\"y\">nested</a>"}) {
    Article a;
    std::string error;
    EXPECT_TRUE(extract_article(page, {}, a, error)) << page << ": " << error;
  }
}

TEST(HtmlArticle, NulBytesDoNotEndThePage) {
  std::string page =
      std::string("<html><body><div>") + std::string(1200, ' ') + std::string("\0\0", 2) +
      "</div><p>After the stray bytes comes the story: the lighthouse keeper retired "
      "on Friday after forty-one years on the rock.</p></body></html>";
  Article a = extract(page);
  EXPECT_TRUE(contains(a.text, "lighthouse keeper retired")) << a.text;
}

TEST(HtmlArticle, TeaserCardsAndLinkBoxesAreDropped) {
  std::string page = std::string("<html><body><article><h1>Pears</h1>") + kBody +
                     "<p>The cooperative will publish its accounts for the year in the spring, "
                     "after the auditors have finished their work on the books.</p>"
                     "<div class=\"grid\">";
  for (int i = 0; i < 4; ++i)
    page += "<div class=\"card\"><a href=\"/s" + std::to_string(i) + "\">Other story number " +
            std::to_string(i) +
            "</a><p>A teaser line describing another story of the week.</p></div>";
  page += "</div></article></body></html>";
  Article a = extract(page);
  EXPECT_TRUE(contains(a.text, "publish its accounts")) << a.text;
  EXPECT_FALSE(contains(a.text, "Other story number")) << a.text;
  EXPECT_FALSE(contains(a.text, "teaser line")) << a.text;
}

// The lead (standfirst) sits in the story's own header, between the
// headline and the body's container, with share buttons around it.
std::string page_with_lead(const std::string& lead_markup) {
  std::string page =
      "<html><head><title>Night trains return to the valley</title></head><body>"
      "<nav><a href='/'>Home</a> <a href='/travel'>Travel</a></nav>"
      "<div class='story-header'><h1>Night trains return to the valley</h1>";
  for (const char* s : {"Facebook", "Twitter", "Mail", "Print", "Copy link", "Pocket", "Reddit",
                        "Messenger", "Telegram", "Signal"})
    page += std::string("<div class='share-item'><a href='#'>") + s + "</a></div>";
  page += lead_markup + "</div><div class='story-body'>";
  for (int i = 0; i < 4; ++i)
    page +=
        "<p>The sleeper service between the coast and the mountain towns ran for the first time "
        "in nine years on Friday, and the operator said every berth had been sold.</p>";
  return page + "</div><footer>Contact us</footer></body></html>";
}

TEST(HtmlArticle, LeadInTheStorysNamedHeaderIsKept) {
  Article a = extract(page_with_lead(
      "<p class='story-header__lead'>A rail line closed for almost a decade carries passengers "
      "again, and the first trains are full.</p>"));
  EXPECT_TRUE(contains(a.text, "A rail line closed for almost a decade")) << a.text;
  EXPECT_TRUE(contains(a.text, "The sleeper service")) << a.text;
  EXPECT_FALSE(contains(a.text, "Telegram")) << a.text;
}

TEST(HtmlArticle, LeadSetAsAHeadingIsKept) {
  Article a = extract(page_with_lead(
      "<h2>A rail line closed for almost a decade carries passengers again, and the first "
      "trains of the new timetable are full.</h2>"));
  EXPECT_TRUE(contains(a.text, "A rail line closed for almost a decade")) << a.text;
  // A short heading there is a kicker or a section label, not a lead.
  a = extract(page_with_lead("<h2>Travel news</h2>"));
  EXPECT_FALSE(contains(a.text, "Travel news")) << a.text;
}

std::string author_of(const std::string& byline, const std::string& site = "") {
  std::string page = "<html><head><title>Ferry fares</title>";
  if (!site.empty()) page += "<meta property='og:site_name' content='" + site + "'>";
  page += "<meta name='author' content='" + byline +
          "'></head><body><p>Ferry fares rise by a tenth from May, the operator said on "
          "Monday, the first rise in six years.</p></body></html>";
  return extract(page).author;
}

TEST(HtmlArticle, AuthorLeadInsAndDatesAreCut) {
  EXPECT_EQ(author_of("By Ann Tull"), "Ann Tull");
  EXPECT_EQ(author_of("View all posts by Ann Tull"), "Ann Tull");
  EXPECT_EQ(author_of("Posted by Ann Tull at 18:52"), "Ann Tull");
  EXPECT_EQ(author_of("AuthorAnn Tull"), "Ann Tull");
  EXPECT_EQ(author_of("Ann Tull \xC2\xB7 22. Oktober 2019"), "Ann Tull");
  EXPECT_EQ(author_of("Ann Tull 8 January 2020, 3:51 pm"), "Ann Tull");
  EXPECT_EQ(author_of("Ann Tull22. Februar 2020"), "Ann Tull");
  // Names that only look like lead-ins or dates stay whole.
  EXPECT_EQ(author_of("Bylund Marsh"), "Bylund Marsh");
  EXPECT_EQ(author_of("Walter von Aachen"), "Walter von Aachen");
  EXPECT_EQ(author_of("skipper1984"), "skipper1984");
}

TEST(HtmlArticle, OutletIsTheAuthorOnlyWhenNoOneElseIs) {
  const char* page = R"(<html><head><title>Ferry fares</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Harbour Gazette">
<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Ann Tull"}}</script>
</head><body><p>Ferry fares rise by a tenth from May, the operator said on Monday.</p></body></html>)";
  EXPECT_EQ(extract(page).author, "Ann Tull");
  EXPECT_EQ(author_of("Harbour Gazette", "Harbour Gazette"), "Harbour Gazette");
}

TEST(HtmlArticle, DeeplyNestedInputDoesNotCrash) {
  std::string page = "<html><body>";
  for (int i = 0; i < 10000; ++i) page += "<div>";
  page += "<p>Deep down, a sentence long enough to count as a paragraph of prose here.</p>";
  for (int i = 0; i < 10000; ++i) page += "</div>";
  page += "</body></html>";
  Article a;
  std::string error;
  EXPECT_TRUE(extract_article(page, {}, a, error));  // text may be lost below the depth limit
}

TEST(HtmlDates, ParsesCommonForms) {
  EXPECT_EQ(parse_date("2024-05-17T10:00:00Z"), "2024-05-17");
  EXPECT_EQ(parse_date("2024/05/17"), "2024-05-17");
  EXPECT_EQ(parse_date("20240517"), "2024-05-17");
  EXPECT_EQ(parse_date("Fri, 17 May 2024 10:00:00 GMT"), "2024-05-17");
  EXPECT_EQ(parse_date("May 17, 2024"), "2024-05-17");
  EXPECT_EQ(parse_date("17. Mai 2024"), "2024-05-17");
  EXPECT_EQ(parse_date("17.05.2024"), "2024-05-17");
  EXPECT_EQ(parse_date("17 de mayo de 2024"), "2024-05-17");
  EXPECT_EQ(parse_date("le 3 février 2023"), "2023-02-03");
}

TEST(HtmlDates, MonthNamesOfMoreLanguages) {
  EXPECT_EQ(parse_date("06 Dicembre 2020"), "2020-12-06");
  EXPECT_EQ(parse_date("3 de março de 2021"), "2021-03-03");
  EXPECT_EQ(parse_date("14 maart 2022"), "2022-03-14");
  EXPECT_EQ(parse_date("7 maja 2019"), "2019-05-07");
  EXPECT_EQ(parse_date("\xD0\xBE\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xBE "
                       "12 \xD0\xB8\xD1\x8E\xD0\xBD\xD1\x8F 2020"),
            "2020-06-12");  // "обновлено 12 июня 2020"
}

TEST(HtmlDates, CjkAndTwoDigitYears) {
  EXPECT_EQ(parse_date("2020\xE5\xB9\xB4"
                       "7\xE6\x9C\x88"
                       "3\xE6\x97\xA5"),
            "2020-07-03");
  EXPECT_EQ(parse_date("2020\xEB\x85\x84 7\xEC\x9B\x94 3\xEC\x9D\xBC"), "2020-07-03");
  EXPECT_EQ(parse_date("2020\xE5\xB9\xB4"
                       "13\xE6\x9C\x88"
                       "3\xE6\x97\xA5"),
            "");
  EXPECT_EQ(find_text_date("Von Ada Brink | 31.10.23 | 09:12"), "2023-10-31");
  EXPECT_EQ(find_text_date("release 1.2.23.4 notes"), "");
  EXPECT_EQ(find_text_date("page 31.10.234"), "");
}

TEST(HtmlDates, RejectsImpossibleDates) {
  EXPECT_EQ(parse_date("2024-02-30"), "");
  EXPECT_EQ(parse_date("2024-13-01"), "");
  EXPECT_EQ(parse_date("1850-01-01"), "");
  EXPECT_EQ(parse_date("no date here"), "");
  EXPECT_EQ(parse_date("version 2.10.20245"), "");
  EXPECT_EQ(parse_date("call 030 1234 2024"), "");
}

TEST(HtmlDates, FromUrls) {
  EXPECT_EQ(date_from_url("https://x.example/2024/05/17/story"), "2024-05-17");
  EXPECT_EQ(date_from_url("https://x.example/news/2024-05-17-story"), "2024-05-17");
  EXPECT_EQ(date_from_url("https://x.example/a/20240517/story"), "2024-05-17");
  EXPECT_EQ(date_from_url("https://2024-05-17.example/story"), "");  // host is not the path
  EXPECT_EQ(date_from_url("https://x.example/id/120240517123"), "");
}

TEST(HtmlDates, MonthNamesOfArabicTurkishIndonesian) {
  // "الأربعاء، 07 أكتوبر 2020 - 12:09 م" as Egyptian papers write it in meta tags.
  EXPECT_EQ(
      parse_date("\xD8\xA7\xD9\x84\xD8\xA3\xD8\xB1\xD8\xA8\xD8\xB9\xD8\xA7\xD8\xA1\xD8\x8C 07 "
                 "\xD8\xA3\xD9\x83\xD8\xAA\xD9\x88\xD8\xA8\xD8\xB1 2020 - 12:09"),
      "2020-10-07");
  EXPECT_EQ(parse_date("12 \xC5\x9E"
                       "ubat 2021"),
            "2021-02-12");                                          // "12 Şubat 2021"
  EXPECT_EQ(parse_date("3 May\xC4\xB1s 2019 Cuma"), "2019-05-03");  // "3 Mayıs 2019"
  EXPECT_EQ(parse_date("17 Agustus 2022"), "2022-08-17");
  // Names longer than 12 bytes: "5 października 2021".
  EXPECT_EQ(parse_date("5 pa\xC5\xBA"
                       "dziernika 2021"),
            "2021-10-05");
  EXPECT_EQ(parse_date("a mart of 2021"), "");
}

TEST(HtmlDates, SpacedNumericDatesAndUnicodeSpaces) {
  EXPECT_EQ(find_text_date("Deutscher Tennis Bund 4. 2. 2022."), "2022-02-04");
  EXPECT_EQ(find_text_date("Bund 4.\xE2\x80\x89"
                           "2.\xE2\x80\x89"
                           "2022."),
            "2022-02-04");  // thin spaces
  EXPECT_EQ(find_text_date("Am\xC2\xA0"
                           "17.05.2024 um 10 Uhr"),
            "2024-05-17");  // no-break space
  EXPECT_EQ(find_text_date("Seit\xE2\x80\x93"
                           "17 May 2024"),
            "2024-05-17");  // en dash
  EXPECT_EQ(find_text_date("Punkt 4. 2. Absatz"), "");
}

TEST(HtmlDates, DayYearOrYearTimeGluedTogether) {
  // Text of elements that sat side by side: <span>Feb 18</span><span>2009</span>.
  EXPECT_EQ(find_text_date("Fruit Feb 182009 by Ada"), "2009-02-18");
  EXPECT_EQ(find_text_date("Fruit Feb 32009 by Ada"), "2009-02-03");
  EXPECT_EQ(find_text_date("Fruit Feb 1820091 by Ada"), "");
  // <span>28.09.19</span><span>12:44</span>
  EXPECT_EQ(find_text_date("Ada 28.09.1912:44"), "2019-09-28");
  EXPECT_EQ(find_text_date("Ada 28.09.2012:44"), "2020-09-28");
  EXPECT_EQ(find_text_date("Ada 28.09.2012, 12:44"), "2012-09-28");
}

TEST(HtmlDates, UnpaddedDaysInUrls) {
  EXPECT_EQ(date_from_url("https://x.example/home/2017/7/12/a-story"), "2017-07-12");
  EXPECT_EQ(date_from_url("https://x.example/2017/7/123/a-story"), "");
  EXPECT_EQ(date_from_url("https://x.example/2023/10/3-questions-for-ada"), "");
  EXPECT_EQ(date_from_url("https://x.example/2017/13/1/a-story"), "");
}

TEST(HtmlDates, StampsWithTheirZones) {
  Stamp utc, local;
  ASSERT_TRUE(parse_stamp("2029-10-18T22:04:00.000Z", utc));
  EXPECT_EQ(utc.day, "2029-10-18");
  EXPECT_EQ(utc.offset_minutes, 0);
  ASSERT_TRUE(parse_stamp("Fri, 19 Oct 2029 00:04:00 +0200", local));
  EXPECT_EQ(local.day, "2029-10-19");
  EXPECT_EQ(local.offset_minutes, 120);
  EXPECT_EQ(local.utc_minute, utc.utc_minute);
  ASSERT_TRUE(parse_stamp("2029-10-18T17:04-05:00", local));
  EXPECT_EQ(local.utc_minute, utc.utc_minute);
  EXPECT_FALSE(parse_stamp("2029-10-18", local));        // no time of day
  EXPECT_FALSE(parse_stamp("2029-10-18 22:04", local));  // no zone
  EXPECT_EQ(day_number("1970-01-02"), 1);
}

TEST(HtmlArticle, UtcStampTakesTheLocalDayOfTheSameMoment) {
  auto page = [](const std::string& local) {
    return std::string(
               "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
               "\"datePublished\":\"2029-10-18T22:04:00Z\"}</script><meta name=\"date\" "
               "content=\"") +
           local + "\"></head><body>" + kBody + "</body></html>";
  };
  EXPECT_EQ(extract(page("Fri, 19 Oct 2029 00:04:00 +0200")).published, "2029-10-19");
  // Another moment says nothing about the time zone of the first.
  EXPECT_EQ(extract(page("Fri, 19 Oct 2029 09:30:00 +0200")).published, "2029-10-18");
}

TEST(HtmlArticle, OpenGraphStampBeforeJsonLdAndUploadMetas) {
  std::string both =
      std::string(
          "<html><head><meta property=\"article:published_time\" "
          "content=\"2029-04-24T21:25:06+00:00\"><script type=\"application/ld+json\">"
          "{\"@type\":\"NewsArticle\",\"datePublished\":\"2029-04-25T07:25:06Z\"}"
          "</script></head><body>") +
      kBody + "</body></html>";
  EXPECT_EQ(extract(both).published, "2029-04-24");
  std::string photo = std::string(
                          "<html><head><meta property=\"photosite:uploaded\" "
                          "content=\"2013-02-16T04:36:36-05:00\"></head><body>") +
                      kBody + "</body></html>";
  EXPECT_EQ(extract(photo).published, "2013-02-16");
}

TEST(HtmlArticle, UrlDayWellBeforeTheMetadataWins) {
  auto page = [](const std::string& url) {
    return std::string("<html><head><link rel=\"canonical\" href=\"") + url +
           "\"><meta itemprop=\"datePublished\" content=\"2029-06-17T18:28:00+0200\">"
           "</head><body>" +
           kBody + "</body></html>";
  };
  // Moved to a new system two years on: the URL keeps the first day.
  EXPECT_EQ(extract(page("https://courier.example/home/2027/7/12/pears")).published, "2027-07-12");
  // A day or two apart is the URL made while editing: metadata wins.
  EXPECT_EQ(extract(page("https://courier.example/2029/06/16/pears")).published, "2029-06-17");
  // A URL day after the metadata's is not taken either.
  EXPECT_EQ(extract(page("https://courier.example/2029/08/01/pears")).published, "2029-06-17");
}

TEST(HtmlArticle, DateByTheHeadlineNotByTheLogo) {
  // The first <h1> is the site's logo, with today's date beside it.
  std::string page =
      std::string(
          "<html><head><meta property=\"og:title\" content=\"Record pear "
          "harvest\"></head><body><header><h1><a href=\"/\">Velm Courier</a></h1>"
          "<span class=\"date\">Tuesday, 08 Dec 2026</span></header><article>"
          "<h1>Record pear harvest</h1><div class=\"meta\">13 Oct 2026 18:29</div>") +
      kBody + "</article></body></html>";
  EXPECT_EQ(extract(page).published, "2026-10-13");
}

TEST(HtmlArticle, NoPublicationDateAfterTheFetchOrFromOldText) {
  std::string page = std::string(
                         "<html><head><meta property=\"article:published_time\" "
                         "content=\"2026-03-01T10:00:00+01:00\"></head><body><article><h1>Pears"
                         "</h1><div class=\"meta\">12.02.2026</div>") +
                     kBody + "</article></body></html>";
  Article a;
  std::string error;
  ASSERT_TRUE(extract_article(page, {.url = "", .charset = "", .fetched = "2026-02-20"}, a, error));
  EXPECT_EQ(a.published, "2026-02-12");  // the metadata's day is after the crawl
  ASSERT_TRUE(extract_article(page, {.url = "", .charset = "", .fetched = "2026-03-02"}, a, error));
  EXPECT_EQ(a.published, "2026-03-01");
  // A year from history in the text is not the story's day.
  std::string old = std::string("<html><body><article><h1>Pears</h1>") + kBody +
                    "<p>The cooperative was founded on 3 May 1991 by eleven growers.</p>"
                    "</article></body></html>";
  EXPECT_EQ(extract(old).published, "");
}

TEST(HtmlEncoding, SniffsDeclarations) {
  EXPECT_EQ(sniff_charset("<meta charset=\"ISO-8859-1\">"), "windows-1252");
  EXPECT_EQ(sniff_charset("<meta http-equiv=Content-Type content='text/html; charset=koi8-r'>"),
            "koi8-r");
  EXPECT_EQ(sniff_charset("\xEF\xBB\xBF<html>"), "utf-8");
  EXPECT_EQ(sniff_charset("<html><body>nothing declared</body></html>"), "");
}

TEST(HtmlEncoding, ConvertsToUtf8) {
  std::string out;
  EXPECT_EQ(to_utf8("<meta charset=koi8-r>\xF0\xD2\xC9\xD7\xC5\xD4", "", out), "koi8-r");
  EXPECT_TRUE(contains(out, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82")) << out;  // Привет
  EXPECT_EQ(to_utf8("\xEF\xBB\xBFplain", "", out), "utf-8");
  EXPECT_EQ(out, "plain");
  // Declared latin-1 but actually UTF-8: kept as UTF-8.
  EXPECT_EQ(to_utf8("<meta charset=iso-8859-1>caf\xC3\xA9", "", out), "utf-8");
}

TEST(HtmlArticle, TimeElementShowingTheLocalClockGivesTheLocalDay) {
  // 03:00 UTC shown to readers as 05:00: the publisher is at UTC+2, on the 19th.
  std::string page = std::string(
                         "<html><head><script type=\"application/ld+json\">{\"@type\":"
                         "\"NewsArticle\",\"datePublished\":\"2029-10-19T03:00:00.000Z\"}</script>"
                         "<meta itemprop=\"datePublished\" content=\"2029-10-18\"></head><body>"
                         "<article><h1>Pears</h1><time datetime=\"2029-10-19T03:00:00.000Z\">"
                         "19.10.2029, 05:00 Uhr</time>") +
                     kBody + "</article></body></html>";
  EXPECT_EQ(extract(page).published, "2029-10-19");
  EXPECT_EQ(shown_minute("19.10.2029, 05:00 Uhr") % 1440, 5 * 60);
  EXPECT_EQ(shown_minute("Oct 18, 2029 at 10:04 PM") % 1440, 22 * 60 + 4);
  EXPECT_EQ(shown_minute("Oct 18, 2029 at 12:30 a.m.") % 1440, 30);
  EXPECT_EQ(shown_minute("Oct 18, 2029"), -1);  // no time of day
}

TEST(HtmlArticle, UtcStampTakesThePublishersCountryDay) {
  auto page = [](const std::string& stamp, const std::string& extra_meta = "") {
    return std::string("<html><head><meta property=\"article:published_time\" content=\"") + stamp +
           "\">" + extra_meta + "</head><body>" + kBody + "</body></html>";
  };
  // 00:23 UTC is the evening before everywhere in Canada.
  EXPECT_EQ(extract(page("2029-08-25T00:23:33Z"), "https://news.example.ca/a").published,
            "2029-08-24");
  // 02:54 UTC is the evening before across the United States (og:locale).
  EXPECT_EQ(
      extract(page("2029-05-02T02:54:29.000Z", "<meta property=\"og:locale\" content=\"en_US\">"),
              "https://tv.example.com/a")
          .published,
      "2029-05-01");
  // 21:25 UTC is the next morning in Australia.
  EXPECT_EQ(extract(page("2029-04-24T21:25:06+00:00"), "https://paper.example.com.au/a").published,
            "2029-04-25");
  // 12:00 UTC is the same day in Germany; a generic domain says nothing.
  EXPECT_EQ(extract(page("2029-04-24T12:00:00Z"), "https://blatt.example.de/a").published,
            "2029-04-24");
  EXPECT_EQ(extract(page("2029-04-24T23:30:00Z"), "https://site.example.com/a").published,
            "2029-04-24");
  // Russia spans UTC+2 to UTC+12: 21:00 UTC may be either day.
  EXPECT_EQ(extract(page("2029-04-24T21:00:00Z"), "https://gazeta.example.ru/a").published,
            "2029-04-24");
  EXPECT_EQ(day_string(day_number("2028-02-29")), "2028-02-29");
  EXPECT_EQ(day_string(day_number("2029-03-01") - 1), "2029-02-28");
}

TEST(HtmlArticle, PublicationTimesInRelatedListsAreNotThePages) {
  std::string page = std::string(
                         "<html><body><article><h1>Pears</h1>"
                         "<p class=\"post-meta\"><span class=\"published\">31. Oktober 2029"
                         "</span></p>") +
                     kBody +
                     "</article><ul class=\"related-posts\"><li><a href=\"/old\">An old story"
                     "</a><time class=\"published updated\" datetime=\"2026-12-03 07:32:49\">"
                     "3. Dezember 2026</time></li></ul></body></html>";
  EXPECT_EQ(extract(page).published, "2029-10-31");
}

TEST(HtmlDates, LevantineAndEgyptianMonthNamesTogether) {
  EXPECT_EQ(find_text_date("\xD8\xAA\xD9\x85 \xD9\x86\xD8\xB4\xD8\xB1\xD9\x87 24 "
                           "\xD9\x86\xD9\x8A\xD8\xB3\xD8\xA7\xD9\x86 / "
                           "\xD8\xA3\xD8\xA8\xD8\xB1\xD9\x8A\xD9\x84 2029 09:22"),
            "2029-04-24");
  // Two different months are not one date.
  EXPECT_EQ(find_text_date("24 \xD9\x86\xD9\x8A\xD8\xB3\xD8\xA7\xD9\x86 / "
                           "\xD9\x85\xD8\xA7\xD9\x8A\xD9\x88 2029"),
            "");
}

TEST(HtmlArticle, DateWrittenByAnInlineScript) {
  std::string page = std::string(
                         "<html><body><article><h1>Pears</h1><table><tr><td><script>"
                         "showDate(\"2029/04/17 01:43:09\")</script></td></tr></table>") +
                     kBody + "</article></body></html>";
  EXPECT_EQ(extract(page).published, "2029-04-17");
}

TEST(HtmlArticle, DateInAnElementGluedToTheOneBeforeIt) {
  // Byline and date in adjacent <span>s with no space between them; the
  // generic dc.date meta (often another day) comes only after what the
  // reader sees next to the headline.
  std::string page = std::string(
                         "<html><head><meta name=\"dc.date\" content=\"2029-03-02\">"
                         "<meta property=\"og:title\" content=\"Record pear harvest\"></head>"
                         "<body><article><h1>Record pear harvest</h1><div><span>By Ann Lee</span>"
                         "<span>7 April 2029</span></div>") +
                     kBody + "</article></body></html>";
  EXPECT_EQ(extract(page).published, "2029-04-07");
}

TEST(HtmlArticle, EveningStoryDatedTheNextDayNextToItsHeadline) {
  auto page = [](const char* stamp) {
    return std::string("<html><head><meta property=\"article:published_time\" content=\"") + stamp +
           "\"><meta property=\"og:title\" content=\"Record pear harvest\"></head><body>"
           "<article><h1>Record pear harvest</h1><p class=\"meta\">Velm, 28.10.2029</p>" +
           kBody + "</article></body></html>";
  };
  // Entered the evening before, released (embargo, next edition) the day shown.
  EXPECT_EQ(extract(page("2029-10-27T20:35:00+02:00")).published, "2029-10-28");
  // A morning stamp is the day itself; the next day's date is an update.
  EXPECT_EQ(extract(page("2029-10-27T10:35:00+02:00")).published, "2029-10-27");
  // Without a zone the hour cannot be read as local: the metadata's day stays.
  EXPECT_EQ(extract(page("2029-10-27")).published, "2029-10-27");
}

// The page is thinned before libxml2 parses it (style and script text,
// SVG drawings, unread attribute values go): the tree must stay the same.
std::string filler_script(const std::string& inside) {
  std::string code = "var x = 1;";
  while (code.size() < 600) code += " x = x * 2 + 1; if (x > 9) { x = 0; }";
  return "<script>" + code + inside + "</script>";
}

TEST(HtmlThinning, MarkupInsideScriptsStylesAndAttributesStaysText) {
  std::string page =
      "<html><head><title>Pears in the valley</title><style>p { color: red } </div><p>Style "
      "text that is not a paragraph at all, it is only a stylesheet.</p></style></head><body>"
      "<article><h1>Pears in the valley</h1>" +
      filler_script(
          "document.write('</div><p>Script text that is not a paragraph at all, "
          "it only looks like one inside the code.</p>');") +
      "<script src=\"/app.js\"/><p>A paragraph right after a self-closed script element is "
      "part of the story and stays in the text.</p>"
      "<div data-note=\"<script>\" title='a > b'><p>A paragraph after markup written inside "
      "attribute values is part of the story as well.</p></div>"
      "<svg viewBox=\"0 0 10 10\"><title>Share icon</title><path d=\"M0 0L10 10\"/></svg>"
      "<div><svg><path d=\"M0 0\"/></div><p>A paragraph after a drawing left open is outside "
      "it: the parser closes the drawing together with its box.</p><svg><path d=\"M1 1\"/></svg>" +
      kBody + "</article></body></html>";
  Article a = extract(page);
  EXPECT_TRUE(contains(a.text, "right after a self-closed script element")) << a.text;
  EXPECT_TRUE(contains(a.text, "after markup written inside attribute values")) << a.text;
  EXPECT_TRUE(contains(a.text, "after a drawing left open")) << a.text;
  EXPECT_FALSE(contains(a.text, "Script text")) << a.text;
  EXPECT_FALSE(contains(a.text, "Style text")) << a.text;
  EXPECT_FALSE(contains(a.text, "Share icon")) << a.text;
}

TEST(HtmlThinning, LongScriptsWithPublicationDataAreKept) {
  std::string page =
      "<html><head><script type=\"application/ld+json\">{\"@type\": "
      "\"NewsArticle\", \"author\": {\"name\": \"Tova Brandt\"}, \"padding\": \"" +
      std::string(400, 'x') + "\"}</script></head><body><article><h1>Pears</h1>" +
      filler_script("var meta = {\"published_at\": \"2029-05-06T10:00:00\"};") + kBody +
      "</article></body></html>";
  Article a = extract(page);
  EXPECT_EQ(a.author, "Tova Brandt");
  EXPECT_EQ(a.published, "2029-05-06");
}

// ---------------------------------------------------------------- arena

htmlDocPtr parse_plain(const std::string& page) {
  return htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
}

TEST(DocumentArena, HoldsTheDocumentParsedWhileOpen) {
  DocumentArena arena;
  if (!arena.holds_everything()) GTEST_SKIP() << "no arena in this build";
  htmlDocPtr doc = parse_plain("<html><body><p>Ferry timetable changes</p></body></html>");
  arena.stop_allocating();
  ASSERT_NE(doc, nullptr);
  EXPECT_TRUE(arena.holds_everything());
  EXPECT_GT(arena.bytes_used(), 0u);
  // Nothing to free: the arena takes the document with it.
}

TEST(DocumentArena, DocumentsFromOutsideTheArenaAreFreedAsUsual) {
  // Parsed on the heap, freed while an arena is open and after it closed
  // (the feed reader keeps its feed's document across extractions).
  htmlDocPtr before = parse_plain("<p>Market day moves to Thursday</p>");
  ASSERT_NE(before, nullptr);
  {
    DocumentArena arena;
    htmlDocPtr inside = parse_plain("<p>Library hours extended</p>");
    ASSERT_NE(inside, nullptr);
    arena.stop_allocating();
    htmlDocPtr after_stop = parse_plain("<p>Bus lane opens</p>");
    ASSERT_NE(after_stop, nullptr);
    xmlFreeDoc(after_stop);  // a heap document
    if (!arena.holds_everything()) xmlFreeDoc(inside);
  }
  xmlNodePtr root = xmlDocGetRootElement(before);
  ASSERT_NE(root, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->name), "html");
  xmlFreeDoc(before);
}

TEST(DocumentArena, PagesOnSeveralThreadsStaySeparate) {
  auto work = [](int id, int* matched) {
    for (int round = 0; round < 50; ++round) {
      std::string word = "story" + std::to_string(id) + "x" + std::to_string(round);
      Article a = extract("<html><body><article><p>The council met on Tuesday to discuss " + word +
                          " and agreed to fund the new ferry pier next spring.</p>" +
                          "</article></body></html>");
      if (a.text.find(word) != std::string::npos) ++*matched;
    }
  };
  int matched[4] = {0, 0, 0, 0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back(work, t, &matched[t]);
  for (auto& t : threads) t.join();
  for (int m : matched) EXPECT_EQ(m, 50);
}

TEST(DocumentArena, ANestedArenaFallsBackToMalloc) {
  DocumentArena outer;
  DocumentArena inner;
  EXPECT_FALSE(inner.holds_everything());
}

}  // namespace
}  // namespace claimtrace::html
