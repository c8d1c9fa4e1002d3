//! Reading real inputs: formats, bad inputs, metadata, noise and comments.

use jiff::civil::{Date, date};
use recount::wire::{DocumentRecord, document_json};
use recount::{
    Document, DocumentEntry, InputFormat, InputProblem, Item, ReadOptions, Severity, from_html,
    from_text, read_inputs,
};
use std::fs;
use std::path::{Path, PathBuf};

mod common;

// ---------------------------------------------------------------------------
// Helpers

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("document_inputs")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn read_all(inputs: &[String], options: &ReadOptions) -> Vec<Item> {
    read_inputs(inputs, options).collect()
}

fn docs(items: &[Item]) -> Vec<&Document> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Document(d) => Some(d),
            Item::Problem(_) => None,
        })
        .collect()
}

fn problems(items: &[Item]) -> Vec<&InputProblem> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Problem(p) => Some(p),
            Item::Document(_) => None,
        })
        .collect()
}

fn prob(location: &str, severity: Severity, message: &str) -> InputProblem {
    InputProblem {
        location: location.to_string(),
        severity,
        message: message.to_string(),
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(name)
}

/// Paragraphs (blank-line separated) whose start is not noise or comments.
fn article_paragraphs(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let mut offset = 0;
    for para in doc.text.split("\n\n") {
        let lead = para.len() - para.trim_start().len();
        let trimmed = para.trim();
        if !trimmed.is_empty() && !doc.is_excluded(offset + lead, false) {
            out.push(trimmed.to_string());
        }
        offset += para.len() + 2;
    }
    out
}

/// Every occurrence of `needle` in the text lies in noise or comments.
fn all_excluded(doc: &Document, needle: &str) -> bool {
    doc.text
        .match_indices(needle)
        .all(|(i, _)| doc.is_excluded(i, false))
}

fn range_texts<'a>(doc: &'a Document, ranges: &[std::ops::Range<usize>]) -> Vec<&'a str> {
    ranges.iter().map(|r| &doc.text[r.clone()]).collect()
}

// ---------------------------------------------------------------------------
// Plain text

#[test]
fn text_file_with_bom_and_crlf() {
    let dir = scratch("bom_crlf");
    let path = dir.join("a.txt");
    fs::write(
        &path,
        b"\xEF\xBB\xBFFirst line\r\nSecond line with 3 dead\r\n",
    )
    .unwrap();
    let items = read_all(&[s(&path)], &ReadOptions::default());
    assert_eq!(problems(&items), Vec::<&InputProblem>::new());
    let d = docs(&items);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].text, "First line\nSecond line with 3 dead\n");
    assert_eq!(d[0].id, s(&path));
    assert_eq!(d[0].origin, s(&path));
}

#[test]
fn from_text_strips_bom_and_normalizes_line_endings() {
    let doc = from_text("x", "\u{feff}One\r\nTwo\rThree\n");
    assert_eq!(doc.text, "One\nTwo\nThree\n");
    assert_eq!(doc.id, "x");
    assert_eq!(doc.origin, "x");
}

#[test]
fn line_col_counts_chars() {
    let doc = from_text("x", "ab\nçé 12\n");
    assert_eq!(doc.line_col(0), (1, 1));
    assert_eq!(doc.line_col(3), (2, 1));
    // `1` after `ç` (2 bytes), `é` (2 bytes) and a space.
    let one = doc.text.find('1').unwrap();
    assert_eq!(doc.line_col(one), (2, 4));
    // Inside a multi-byte char: that char; past the end: clamped.
    assert_eq!(doc.line_col(4), (2, 1));
    assert_eq!(doc.line_col(10_000), (3, 1));
}

// ---------------------------------------------------------------------------
// Header metadata

fn header(text: &str) -> (Option<Date>, Option<String>) {
    let d = from_text("h", text);
    (d.published, d.source)
}

const BODY: &str = "\nThe ministry said on Tuesday that seven soldiers were killed and ten more were wounded in the clashes near the border.\n";

#[test]
fn header_outlet_comma_date() {
    let text =
        format!("A headline about border clashes\n\nExample Monitor, November 18, 2021\n{BODY}");
    assert_eq!(
        header(&text),
        (
            Some(date(2021, 11, 18)),
            Some("Example Monitor".to_string())
        )
    );
}

#[test]
fn header_date_label_and_source_line_at_end() {
    let text = format!(
        " date 2021-11-17 WORLD\nSoldiers killed in border attack\nBy Some Reporter\n{BODY}\nSOURCE:ExampleWorld and agencies\n"
    );
    assert_eq!(
        header(&text),
        (Some(date(2021, 11, 17)), Some("ExampleWorld".to_string()))
    );
}

#[test]
fn header_byline_with_date() {
    let text = format!("Clashes on the border\n\nBy Jane Roe November 16, 2021\n{BODY}");
    assert_eq!(header(&text), (Some(date(2021, 11, 16)), None));
}

#[test]
fn header_date_alone_on_a_line() {
    let text = format!("May 31, 2023\nNew conflict in the region\n{BODY}");
    let doc = from_text("h", &text);
    assert_eq!(doc.published, Some(date(2023, 5, 31)));
    assert_eq!(doc.title.as_deref(), Some("New conflict in the region"));
}

#[test]
fn header_update_stamp_is_not_the_publication_date() {
    let text = format!(
        "Last update: April 20, 2024 13:04\n\nSite logo\n\nClashes on the border\n\nBy Jane Roe November 16, 2021\n{BODY}"
    );
    assert_eq!(header(&text).0, Some(date(2021, 11, 16)));
    let only_update = format!("Updated: April 20, 2024\n{BODY}");
    assert_eq!(header(&only_update).0, None);
}

#[test]
fn header_posted_then_updated_on_one_line() {
    let text = format!(
        "Posted: Friday, January 31, 2014 10:21 AM EST Updated: Saturday, February 1, 2014 9:00 AM EST\n{BODY}"
    );
    assert_eq!(header(&text).0, Some(date(2014, 1, 31)));
}

#[test]
fn header_sentence_with_a_date_is_not_a_dateline() {
    let text =
        "Fighting broke out on September 27, 2020, and lasted for six weeks before a truce.\n";
    assert_eq!(header(text), (None, None));
    // A date deep in the body is not header metadata either.
    let mut long = String::new();
    for i in 0..20 {
        long.push_str(&format!(
            "Paragraph {i} of the article, long enough to be prose.\n\n"
        ));
    }
    long.push_str("March 3, 2020\n");
    assert_eq!(header(&long).0, None);
}

/// Whether the document's record (`recount.document/1`) says it is a
/// repost. (Which outlet the notice names is checked by the unit tests of
/// `document/text.rs`.)
fn is_repost(text: &str) -> bool {
    let doc = from_text("a.txt", text);
    let record = DocumentRecord::from_entry(&DocumentEntry::of(&doc, 0), &doc.origin);
    let line: serde_json::Value = serde_json::from_str(&document_json(&record)).unwrap();
    line["repost"].as_bool().unwrap()
}

#[test]
fn repost_hints() {
    assert!(is_repost(
        "Body.\n\nThe original source of this article is [Example Front](#)\nCopyright"
    ));
    assert!(is_repost(
        "This article was originally published on The Conversation."
    ));
    assert!(is_repost(
        "It was originally published by Example Wire on May 3, 2021."
    ));
    assert!(is_repost("This piece first appeared on Antiwar.com."));
    assert!(!is_repost("Nothing of the sort here."));
}

/// The real seed articles, when the shared corpus is present.
#[test]
fn seed_headers_when_present() {
    let Some(dir) = common::shared("corpus/seeds", "the seeds' headers") else {
        return;
    };
    let expect: &[(&str, Option<Date>, Option<&str>)] = &[
        ("000_", Some(date(2021, 11, 18)), Some("Global Research")),
        ("001_", None, None),
        ("002_", Some(date(2021, 11, 16)), None),
        ("003_", Some(date(2021, 11, 17)), Some("TRTWorld")),
        ("004_", Some(date(2023, 5, 31)), None),
    ];
    let entries = fs::read_dir(&dir).expect("the seeds' folder");
    let files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    for (prefix, published, source) in expect {
        let Some(path) = files.iter().find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        }) else {
            continue;
        };
        let doc = from_text("seed", &fs::read_to_string(path).unwrap());
        assert_eq!(doc.published, *published, "{}", path.display());
        assert_eq!(doc.source.as_deref(), *source, "{}", path.display());
        // Noise never swallows the casualty sentences.
        for (i, _) in doc.text.match_indices("were killed") {
            assert!(!doc.is_excluded(i, true), "{}", path.display());
        }
    }
}

// ---------------------------------------------------------------------------
// Noise and comments in plain text

const CLUTTERED: &str = "\
0 $
2,500 $
5,000 $

Support Example News

MONERO (XMR): 48aBcDeFgHiJkLmNoPqRsTuVwXyZ123456789aBcDeFgHiJkLm
BITCOIN (BTC): bc1qexampleexampleexampleexample0000000000

Border clash leaves soldiers dead

Region: [Asia](#), [Europe](#)

All Example articles can be read in 27 languages by activating the menu on the top banner.

To receive Example's Daily Newsletter (selected articles), [click here](#).

Visit and follow us on Instagram at [@example](#).

Seven soldiers were killed and ten others were wounded in the clashes on Tuesday, the defence ministry said.

Read more: Five dead as storm hits the coast

The ministry said the situation at the border had stabilised by Tuesday evening after talks.

Note to readers: Please click the share buttons above or below. Forward this article to your email lists.

PayPal: donate@example.org

Copyright © Example News, 2021

Disclaimer: The contents of this article are of sole responsibility of the author(s).

Notify of
Inline Feedbacks
View all comments
Reader One

They are lying, 300 died.

Reader Two
";

#[test]
fn plain_text_noise_and_comments_are_marked() {
    let doc = from_text("c", CLUTTERED);
    // The text itself is unchanged: ranges index the original.
    assert_eq!(doc.text, CLUTTERED);
    assert_eq!(
        article_paragraphs(&doc),
        vec![
            "Border clash leaves soldiers dead",
            "Seven soldiers were killed and ten others were wounded in the clashes on Tuesday, the defence ministry said.",
            "The ministry said the situation at the border had stabilised by Tuesday evening after talks.",
        ]
    );
    for clutter in [
        "2,500 $",
        "5,000 $",
        "MONERO",
        "bc1q",
        "Support Example News",
        "27 languages",
        "Newsletter",
        "follow us",
        "Five dead",
        "share buttons",
        "PayPal",
        "Copyright",
        "Disclaimer",
    ] {
        assert!(doc.text.contains(clutter), "{clutter}");
        assert!(all_excluded(&doc, clutter), "{clutter} should be noise");
    }
    assert_eq!(
        range_texts(&doc, &doc.comments),
        vec![
            "Notify of\nInline Feedbacks\nView all comments\nReader One\n\nThey are lying, 300 died.\n\nReader Two"
        ]
    );
    let comment = doc.text.find("300 died").unwrap();
    assert!(doc.is_excluded(comment, false));
    assert!(!doc.is_excluded(comment, true));
    let claim = doc.text.find("Seven soldiers").unwrap();
    assert!(!doc.is_excluded(claim, false));
}

#[test]
fn comment_section_ends_at_footer_noise() {
    let text = "The ministry said that at least 12 people were killed in the attack on the market on Sunday.\n\n\
                Leave a comment\n\nAnna\nI heard 40 died.\n\nCopyright © 2024 Example\n";
    let doc = from_text("x", text);
    assert_eq!(
        range_texts(&doc, &doc.comments),
        vec!["Leave a comment\n\nAnna\nI heard 40 died."]
    );
    assert_eq!(
        range_texts(&doc, &doc.noise),
        vec!["Copyright © 2024 Example"]
    );
}

#[test]
fn teasers_after_related_heading_are_noise() {
    let text = "At least 12 people were killed and 30 wounded when the building collapsed on Monday, officials said.\n\n\
                You may also like\n\nBus crash kills 7 on mountain road\n\nFloods leave 40 dead\n\n\
                Rescuers were still searching the rubble on Tuesday for survivors, the fire service said.\n";
    let doc = from_text("x", text);
    assert_eq!(
        range_texts(&doc, &doc.noise),
        vec!["You may also like\n\nBus crash kills 7 on mountain road\n\nFloods leave 40 dead"]
    );
    assert!(!doc.is_excluded(doc.text.find("Rescuers").unwrap(), false));
}

// ---------------------------------------------------------------------------
// HTML

#[test]
fn html_fixture_article_equals_bare_article() {
    let html = fs::read_to_string(fixture("depot_blast.html")).unwrap();
    let bare = fs::read_to_string(fixture("depot_blast.txt")).unwrap();
    let page = from_html("page", &html);
    let plain = from_text("plain", &bare);
    assert!(plain.noise.is_empty() && plain.comments.is_empty());
    assert_eq!(article_paragraphs(&page), article_paragraphs(&plain));
    assert_eq!(article_paragraphs(&plain).len(), 5);

    // Clutter is gone or marked.
    for clutter in [
        "2,500",
        "5,000",
        "Donate",
        "Support independent journalism",
        "Share this article",
        "WhatsApp",
        "Sign up for our newsletter",
        "Subscribe",
        "Bus crash kills 7",
        "Floods leave 40 dead",
        "We use cookies",
        "Follow us on",
        "Copyright",
        "99 killed",
        "17 dead",
        "Advertisement",
        "News World Sport",
        "Reply",
    ] {
        assert!(
            all_excluded(&page, clutter),
            "{clutter} should be absent or excluded"
        );
    }
    assert!(!page.text.contains("2,500"));
    assert!(!page.text.contains("Bus crash"));
    assert!(page.text.contains("Advertisement"), "kept, marked as noise");

    // Reader comments come after the article, as one marked section.
    let comments = range_texts(&page, &page.comments);
    assert_eq!(comments.len(), 1);
    assert!(comments[0].starts_with("3 Comments"));
    assert!(comments[0].contains("My cousin says 40 people died, not 12."));
    assert!(comments[0].contains("Thoughts with the families."));
    let at = page.text.find("40 people died").unwrap();
    assert!(page.is_excluded(at, false));
    assert!(!page.is_excluded(at, true));
    let article_end = page.text.find("inspected in March.").unwrap();
    assert!(page.comments[0].start > article_end);

    // Metadata.
    assert_eq!(
        page.title.as_deref(),
        Some("Fuel depot blast kills 12 in Meridan")
    );
    assert_eq!(page.published, Some(date(2024, 3, 16)));
    assert_eq!(page.source.as_deref(), Some("The Meridan Courier"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://courier.example/news/2024/03/16/depot-blast")
    );
}

#[test]
fn html_metadata_fallbacks() {
    let html = r#"<!doctype html><html><head>
        <title>Storm toll rises - Coast Gazette</title>
        <meta name="date" content="2022-08-09">
        <meta property="og:url" content="https://gazette.example/storm">
        </head><body>
        <div class="wrapper"><h1>Storm toll rises</h1>
        <p>Nine people died when the storm hit the coast, the mayor said.</p>
        <p>Thirty were injured.</p></div>
        <div class="social-share">Share on Facebook</div>
        </body></html>"#;
    let doc = from_html("h", html);
    assert_eq!(
        doc.title.as_deref(),
        Some("Storm toll rises - Coast Gazette")
    );
    assert_eq!(doc.published, Some(date(2022, 8, 9)));
    assert_eq!(doc.url.as_deref(), Some("https://gazette.example/storm"));
    assert_eq!(doc.source, None);
    assert_eq!(
        doc.text,
        "Storm toll rises\n\nNine people died when the storm hit the coast, the mayor said.\n\nThirty were injured."
    );
}

#[test]
fn html_time_element_and_json_ld() {
    let with_time = r#"<html><body><article><p>By A. Writer <time datetime="2019-04-02T08:00:00Z">2 April</time></p>
        <p>Four died.</p></article></body></html>"#;
    assert_eq!(from_html("t", with_time).published, Some(date(2019, 4, 2)));
    let with_ld = r#"<html><head><script type="application/ld+json">
        [{"@type": "WebPage"}, {"@graph": [{"@type": "NewsArticle", "datePublished": "2018-12-24T23:00:00-08:00",
          "publisher": {"name": "Ld Daily"}}]}]</script></head>
        <body><p>Two died.</p></body></html>"#;
    let doc = from_html("l", with_ld);
    assert_eq!(
        doc.published,
        Some(date(2018, 12, 24)),
        "date as written, not UTC"
    );
    assert_eq!(doc.source.as_deref(), Some("Ld Daily"));
    assert_eq!(doc.text, "Two died.");
}

#[test]
fn html_largest_article_wins_over_teaser_cards() {
    let html = r#"<html><body>
        <article class="card"><p>Teaser: 5 killed elsewhere</p></article>
        <article><p>The main story says 80 people were killed in the earthquake and many more are missing.</p>
        <p>Rescue teams arrived on Friday.</p></article>
        <article class="card"><p>Teaser: 9 hurt</p></article>
        </body></html>"#;
    let doc = from_html("a", html);
    assert_eq!(
        doc.text,
        "The main story says 80 people were killed in the earthquake and many more are missing.\n\nRescue teams arrived on Friday."
    );
}

#[test]
fn html_deep_nesting_does_not_overflow() {
    let depth = 10_000;
    let mut html = String::from("<html><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str("<p>Deep inside, 3 people were hurt.</p>");
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    let doc = from_html("deep", &html);
    assert!(doc.text.contains("Deep inside, 3 people were hurt."));

    let mut spans = String::from("<p>");
    for _ in 0..depth {
        spans.push_str("<span class=\"x\">a");
    }
    let doc = from_html("spans", &spans);
    assert!(doc.text.starts_with("aaaa"));
}

#[test]
fn html_detected_by_content_and_override_to_text() {
    let dir = scratch("html_detect");
    let page = dir.join("page.data");
    fs::write(
        &page,
        "<!DOCTYPE html><html><body><p>Six died.</p><script>x=1</script></body></html>",
    )
    .unwrap();
    let items = read_all(&[s(&page)], &ReadOptions::default());
    assert_eq!(docs(&items)[0].text, "Six died.");
    // A saved page with a text extension is still read as HTML.
    let saved = dir.join("saved.txt");
    fs::write(&saved, "\n  <html><body><p>Five died.</p></body></html>").unwrap();
    let items = read_all(&[s(&saved)], &ReadOptions::default());
    assert_eq!(docs(&items)[0].text, "Five died.");
    let mut options = ReadOptions::default();
    options.format = InputFormat::Text;
    let items = read_all(&[s(&page)], &options);
    assert!(docs(&items)[0].text.contains("<script>"));
}

// ---------------------------------------------------------------------------
// JSON Lines

#[test]
fn jsonl_records_and_bad_lines() {
    let dir = scratch("jsonl");
    let path = dir.join("batch.jsonl");
    let content = concat!(
        r#"{"id": "r1", "text": "Ten were killed.", "title": "T1", "published": "2021-11-17T23:30:00-05:00", "source": "Wire", "url": "https://x.example/1", "event": "e1"}"#,
        "\n\n",
        r#"{"id": "r2", "title": "no text"}"#,
        "\n",
        r#"{"id": "r3", "text": }"#,
        "\n",
        r#"{"id": "r4", "text": "Two were hurt.", "published": "someday", "extra": 5}"#,
        "\n",
    );
    fs::write(&path, content).unwrap();
    let label = s(&path);
    let items = read_all(std::slice::from_ref(&label), &ReadOptions::default());
    assert_eq!(items.len(), 5, "{items:#?}");
    let Item::Document(r1) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert_eq!(r1.id, "r1");
    assert_eq!(r1.origin, format!("{label}:1"));
    assert_eq!(r1.text, "Ten were killed.");
    assert_eq!(r1.title.as_deref(), Some("T1"));
    assert_eq!(r1.published, Some(date(2021, 11, 17)));
    assert_eq!(r1.source.as_deref(), Some("Wire"));
    assert_eq!(r1.url.as_deref(), Some("https://x.example/1"));
    assert_eq!(r1.event.as_deref(), Some("e1"));
    assert_eq!(
        items[1],
        Item::Problem(prob(
            &format!("{label}:3"),
            Severity::Skipped,
            "missing field `text`"
        ))
    );
    assert_eq!(
        items[2],
        Item::Problem(prob(
            &format!("{label}:4"),
            Severity::Skipped,
            "invalid JSON: expected value at column 22"
        ))
    );
    assert_eq!(
        items[3],
        Item::Problem(prob(
            &format!("{label}:5"),
            Severity::Warning,
            "key \"published\": invalid date \"someday\"; ignored"
        ))
    );
    let Item::Document(r4) = &items[4] else {
        panic!("{:?}", items[4])
    };
    assert_eq!((r4.id.as_str(), r4.published), ("r4", None));
    assert_eq!(r4.origin, format!("{label}:5"));
}

#[test]
fn jsonl_invalid_utf8_line_is_decoded_with_warning() {
    let dir = scratch("jsonl_utf8");
    let path = dir.join("b.ndjson");
    let mut bytes = br#"{"id": "a", "text": "ok"}"#.to_vec();
    bytes.push(b'\n');
    let second = bytes.len();
    bytes.extend_from_slice(b"{\"id\": \"b\", \"text\": \"bad \xff byte\"}\n");
    fs::write(&path, &bytes).unwrap();
    let label = s(&path);
    let items = read_all(std::slice::from_ref(&label), &ReadOptions::default());
    let at = second + 25;
    assert_eq!(
        problems(&items),
        vec![&prob(
            &format!("{label}:2"),
            Severity::Warning,
            &format!("invalid UTF-8 at byte {at}; decoded with replacement characters")
        )]
    );
    assert_eq!(docs(&items)[1].text, "bad \u{fffd} byte");
}

// ---------------------------------------------------------------------------
// Bad inputs

#[test]
fn invalid_utf8_is_decoded_with_a_warning_naming_the_byte() {
    let dir = scratch("utf8");
    let path = dir.join("latin1.txt");
    // BOM (3 bytes), then "ab", then an invalid byte at file offset 5.
    fs::write(&path, b"\xEF\xBB\xBFab\xE9cd\n").unwrap();
    let label = s(&path);
    let items = read_all(std::slice::from_ref(&label), &ReadOptions::default());
    assert_eq!(
        problems(&items),
        vec![&prob(
            &format!("{label}:byte 5"),
            Severity::Warning,
            "invalid UTF-8 at byte 5; decoded with replacement characters"
        )]
    );
    assert_eq!(docs(&items)[0].text, "ab\u{fffd}cd\n");
}

#[test]
fn binary_file_is_skipped() {
    let dir = scratch("binary");
    let path = dir.join("image.txt");
    let mut bytes = b"seventeen bytes!!".to_vec();
    assert_eq!(bytes.len(), 17);
    bytes.extend_from_slice(&[0, 1, 2, 3]);
    fs::write(&path, &bytes).unwrap();
    let label = s(&path);
    let items = read_all(std::slice::from_ref(&label), &ReadOptions::default());
    assert_eq!(
        items,
        vec![Item::Problem(prob(
            &label,
            Severity::Skipped,
            "binary file (NUL byte at 17); skipped"
        ))]
    );
}

#[test]
fn missing_file_is_an_error_and_the_batch_goes_on() {
    let dir = scratch("missing");
    let good = dir.join("good.txt");
    fs::write(&good, "Three were wounded.\n").unwrap();
    let missing = s(&dir.join("nope.txt"));
    let items = read_all(&[missing.clone(), s(&good)], &ReadOptions::default());
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0],
        Item::Problem(prob(
            &missing,
            Severity::Error,
            "cannot read: No such file or directory"
        ))
    );
    assert_eq!(docs(&items)[0].text, "Three were wounded.\n");
}

// ---------------------------------------------------------------------------
// Folders

#[test]
fn folder_is_read_recursively_in_sorted_order() {
    let dir = scratch("folder");
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::create_dir_all(dir.join(".git")).unwrap();
    fs::write(dir.join("b.txt"), "B").unwrap();
    fs::write(dir.join("a.html"), "<html><body><p>A</p></body></html>").unwrap();
    fs::write(dir.join("sub/c.md"), "C").unwrap();
    fs::write(dir.join("README"), "R").unwrap();
    fs::write(dir.join("z.jsonl"), "{\"id\": \"z1\", \"text\": \"Z\"}\n").unwrap();
    fs::write(dir.join(".hidden.txt"), "H").unwrap();
    fs::write(dir.join(".git/config.txt"), "G").unwrap();
    fs::write(dir.join("notes.csv"), "x,y").unwrap();
    fs::write(dir.join("b.txt.meta.toml"), "source = \"Side\"\n").unwrap();
    let root = s(&dir);
    let items = read_all(std::slice::from_ref(&root), &ReadOptions::default());
    assert_eq!(problems(&items), Vec::<&InputProblem>::new());
    let got: Vec<(&str, &str)> = docs(&items)
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    let j = |name: &str| s(&dir.join(name));
    let (readme, a, b, c) = (j("README"), j("a.html"), j("b.txt"), j("sub/c.md"));
    assert_eq!(
        got,
        vec![
            (readme.as_str(), "R"),
            (a.as_str(), "A"),
            (b.as_str(), "B"),
            (c.as_str(), "C"),
            ("z1", "Z"),
        ]
    );
    // The sidecar applied to its file.
    assert_eq!(docs(&items)[2].source.as_deref(), Some("Side"));
    assert_eq!(docs(&items)[4].origin, format!("{}:1", j("z.jsonl")));
}

// ---------------------------------------------------------------------------
// Metadata from outside the text

#[test]
fn sidecar_overrides_detection() {
    let dir = scratch("sidecar");
    let a = dir.join("a.txt");
    fs::write(
        &a,
        "Example Monitor, November 18, 2021\n\nFive were killed.\n",
    )
    .unwrap();
    fs::write(
        dir.join("a.txt.meta.toml"),
        "published = 2020-01-02\nsource = \"Side Wire\"\nevent = \"ev-1\"\nurl = \"https://side.example\"\ntitle = \"Side title\"\ncolour = \"red\"\n",
    )
    .unwrap();
    let b = dir.join("b.txt");
    fs::write(
        &b,
        "Example Monitor, November 18, 2021\n\nSix were killed.\n",
    )
    .unwrap();
    fs::write(dir.join("b.txt.meta.toml"), "published = \"2020-02-30\"\n").unwrap();
    let items = read_all(&[s(&a), s(&b)], &ReadOptions::default());
    let side_a = s(&dir.join("a.txt.meta.toml"));
    let side_b = s(&dir.join("b.txt.meta.toml"));
    assert_eq!(
        problems(&items),
        vec![
            &prob(
                &side_a,
                Severity::Warning,
                "unknown key \"colour\"; ignored"
            ),
            &prob(
                &side_b,
                Severity::Warning,
                "key \"published\": invalid date \"2020-02-30\"; ignored"
            ),
        ]
    );
    let d = docs(&items);
    assert_eq!(d[0].published, Some(date(2020, 1, 2)));
    assert_eq!(d[0].source.as_deref(), Some("Side Wire"));
    assert_eq!(d[0].event.as_deref(), Some("ev-1"));
    assert_eq!(d[0].url.as_deref(), Some("https://side.example"));
    assert_eq!(d[0].title.as_deref(), Some("Side title"));
    // A bad sidecar date leaves the detected one.
    assert_eq!(d[1].published, Some(date(2021, 11, 18)));
    assert_eq!(d[1].source.as_deref(), Some("Example Monitor"));
}

#[test]
fn meta_csv_for_many_documents() {
    let dir = scratch("meta_csv");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    let l = dir.join("l.jsonl");
    fs::write(
        &a,
        "Example Monitor, November 18, 2021\n\nFive were killed.\n",
    )
    .unwrap();
    fs::write(&b, "Six were killed.\n").unwrap();
    fs::write(
        &l,
        "{\"id\": \"rec-9\", \"text\": \"Nine died.\", \"source\": \"Own\"}\n",
    )
    .unwrap();
    let csv = dir.join("meta.csv");
    fs::write(
        &csv,
        format!(
            "path,published,source,event,title,colour\n{},2019-05-06,CSV Wire,ev-a,,blue\n{},not a date,,ev-b,,\nrec-9,,CSV Source,,Nine,\nmissing.txt,2021-01-01,,,,\n",
            s(&a),
            s(&b)
        ),
    )
    .unwrap();
    let mut options = ReadOptions::default();
    options.meta_csv = Some(csv.clone());
    let items = read_all(&[s(&dir)], &options);
    let label = s(&csv);
    assert_eq!(
        problems(&items),
        vec![
            &prob(
                &format!("{label}:1"),
                Severity::Warning,
                "unknown column \"colour\"; ignored"
            ),
            &prob(
                &format!("{label}:3"),
                Severity::Warning,
                &format!(
                    "\"{}\", key \"published\": invalid date \"not a date\"; ignored",
                    s(&b)
                )
            ),
            &prob(
                &format!("{label}:5"),
                Severity::Warning,
                "no input matched \"missing.txt\"; row ignored"
            ),
        ]
    );
    let d = docs(&items);
    let ids: Vec<&str> = d.iter().map(|d| d.id.as_str()).collect();
    let (sa, sb) = (s(&a), s(&b));
    assert_eq!(ids, vec![sa.as_str(), sb.as_str(), "rec-9"]);
    assert_eq!(d[0].published, Some(date(2019, 5, 6)));
    assert_eq!(d[0].source.as_deref(), Some("CSV Wire"));
    assert_eq!(d[0].event.as_deref(), Some("ev-a"));
    assert_eq!(d[1].published, None);
    assert_eq!(d[1].event.as_deref(), Some("ev-b"));
    assert_eq!(d[2].source.as_deref(), Some("CSV Source"));
    assert_eq!(d[2].title.as_deref(), Some("Nine"));
}

#[test]
fn command_line_published_and_source_override() {
    let dir = scratch("options");
    let a = dir.join("a.txt");
    fs::write(
        &a,
        "Example Monitor, November 18, 2021\n\nFive were killed.\n",
    )
    .unwrap();
    let mut options = ReadOptions::default();
    options.published = Some(date(2001, 2, 3));
    options.source = Some("Given".to_string());
    let items = read_all(&[s(&a)], &options);
    assert!(problems(&items).is_empty());
    assert_eq!(docs(&items)[0].published, Some(date(2001, 2, 3)));
    assert_eq!(docs(&items)[0].source.as_deref(), Some("Given"));

    // Given for several documents: applied, with one warning.
    let items = read_all(&[s(&a), s(&a), s(&a)], &options);
    assert_eq!(
        problems(&items),
        vec![&prob(
            "--published and --source",
            Severity::Warning,
            "--published and --source given for more than one document; applied to every document"
        )]
    );
    assert_eq!(docs(&items).len(), 3);
}

// ---------------------------------------------------------------------------
// Robustness

mod robustness {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn text_never_panics(text in "(?s).{0,400}", byte in 0usize..500) {
            let doc = from_text("p", &text);
            let _ = doc.line_col(byte);
            let _ = doc.is_excluded(byte, false);
            for r in doc.noise.iter().chain(&doc.comments) {
                prop_assert!(r.start <= r.end && r.end <= doc.text.len());
                prop_assert!(doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end));
            }
            let _ = DocumentEntry::of(&doc, 0);
        }

        #[test]
        fn html_never_panics(text in "(?s)[<>a-z/=\" !-]{0,300}") {
            let doc = from_html("p", &text);
            for r in doc.noise.iter().chain(&doc.comments) {
                prop_assert!(r.end <= doc.text.len());
            }
        }
    }
}
