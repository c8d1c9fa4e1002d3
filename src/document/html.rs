//! HTML pages: the article's text as paragraphs, page furniture dropped,
//! reader comments kept apart, and the metadata pages declare.
//!
//! Every walk over the tree is iterative (`ego_tree`'s `traverse` or an
//! explicit stack), so deeply nested markup cannot overflow the stack.

use super::Document;
use super::dates::parse_meta_date;
use super::text::{detect_header, mark_text, normalize};
use ego_tree::NodeId;
use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use jiff::civil::Date;
use scraper::{Html, Node};
use std::collections::HashMap;

type NRef<'a> = NodeRef<'a, Node>;

/// Elements that never hold article text.
const DROP_TAGS: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "button",
    "svg", "template", "select", "option", "textarea", "input", "object", "embed", "canvas",
    "dialog", "menu", "head", "title", "link", "meta", "audio", "video", "picture", "map",
];

/// Elements that end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "address",
    "hr",
    "br",
    "center",
    "details",
    "summary",
    "caption",
    "fieldset",
    "body",
    "html",
];

/// Class or id tokens that name a reader-comment section.
const COMMENT_SECTION_TOKENS: &[&str] = &[
    "comments",
    "comment",
    "comment-section",
    "comments-section",
    "comments-area",
    "comment-list",
    "commentlist",
    "comments-list",
    "reader-comments",
    "user-comments",
    "disqus_thread",
];

/// Parts of class or id tokens that name page widgets.
const WIDGET_PARTS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "subscribe",
    "subscription",
    "newsletter",
    "donat",
    "related",
    "comment",
    "cookie",
    "consent",
    "advert",
    "sponsor",
    "promo",
    "popup",
    "modal",
    "breadcrumb",
    "signup",
    "sign-up",
    "paywall",
    "outbrain",
    "taboola",
    "recommend",
    "read-more",
    "readmore",
    "more-stories",
    "widget",
    "sidebar",
    "banner",
    "follow",
    "toolbar",
    "tags",
    "support-us",
    "membership",
];

/// What to do with an element met while collecting text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Keep,
    Drop,
    Widget,
    Comments,
}

fn tokens(el: &scraper::node::Element) -> Vec<String> {
    let mut out: Vec<String> = el.classes().map(|c| c.to_ascii_lowercase()).collect();
    if let Some(id) = el.id() {
        out.push(id.to_ascii_lowercase());
    }
    out
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

fn is_ad_token(token: &str) -> bool {
    token == "ad"
        || token == "ads"
        || token.starts_with("ad-")
        || token.starts_with("ads-")
        || token.ends_with("-ad")
        || token.ends_with("-ads")
        || token.contains("-ad-")
}

fn role(el: &scraper::node::Element, in_comments: bool) -> Role {
    let name = el.name();
    if DROP_TAGS.contains(&name) || is_hidden(el) {
        return Role::Drop;
    }
    let tokens = tokens(el);
    if !in_comments
        && tokens
            .iter()
            .any(|t| COMMENT_SECTION_TOKENS.contains(&t.as_str()))
    {
        return Role::Comments;
    }
    let widget = tokens.iter().any(|t| {
        is_ad_token(t)
            || WIDGET_PARTS
                .iter()
                .any(|part| t.contains(part) && !(in_comments && *part == "comment"))
    });
    if widget { Role::Widget } else { Role::Keep }
}

/// Facts about every node, gathered in one iterative pass.
struct Index {
    /// Preorder position, for document order.
    order: HashMap<NodeId, usize>,
    /// Characters of text below the node (scripts and styles excluded).
    text_len: HashMap<NodeId, usize>,
}

fn index(html: &Html) -> Index {
    let mut order = HashMap::new();
    let mut text_len = HashMap::new();
    let mut stack: Vec<usize> = vec![0];
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                order.insert(node.id(), order.len());
                match node.value() {
                    Node::Text(t) => {
                        if let Some(top) = stack.last_mut() {
                            *top += t.trim().chars().count();
                        }
                    }
                    Node::Element(_) => stack.push(0),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let own = stack.pop().unwrap_or(0);
                    let counted = if matches!(el.name(), "script" | "style" | "template") {
                        0
                    } else {
                        own
                    };
                    text_len.insert(node.id(), counted);
                    if let Some(top) = stack.last_mut() {
                        *top += counted;
                    }
                }
            }
        }
    }
    Index { order, text_len }
}

impl Index {
    fn len(&self, id: NodeId) -> usize {
        self.text_len.get(&id).copied().unwrap_or(0)
    }
    fn pos(&self, id: NodeId) -> usize {
        self.order.get(&id).copied().unwrap_or(usize::MAX)
    }
}

/// Collapse runs of whitespace to one space and trim.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let p = collapse(current);
    if !p.is_empty() {
        paragraphs.push(p);
    }
    current.clear();
}

/// Paragraphs of the subtree at `root`. Comment sections met on the way are
/// skipped and reported in `sections` (unless `in_comments`). Widgets are
/// dropped unless they hold most of the text (a class like `has-share-bar`
/// on the article's own wrapper must not drop the article).
fn paragraphs(
    root: NRef<'_>,
    in_comments: bool,
    idx: &Index,
    sections: &mut Vec<NodeId>,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut skipping: Option<NodeId> = None;
    let root_len = idx.len(root.id());
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => current.push_str(t),
                    Node::Element(el) => {
                        if node.id() != root.id() {
                            let skip = match role(el, in_comments) {
                                Role::Keep => false,
                                Role::Drop => true,
                                Role::Widget => idx.len(node.id()) * 2 <= root_len,
                                Role::Comments => {
                                    sections.push(node.id());
                                    true
                                }
                            };
                            if skip {
                                skipping = Some(node.id());
                                continue;
                            }
                        }
                        let name = el.name();
                        if BLOCK_TAGS.contains(&name) {
                            flush(&mut current, &mut out);
                        } else if matches!(name, "td" | "th" | "img") {
                            current.push(' ');
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                        // A skipped element still separates words.
                        current.push(' ');
                    }
                    continue;
                }
                if let Node::Element(el) = node.value()
                    && BLOCK_TAGS.contains(&el.name())
                {
                    flush(&mut current, &mut out);
                }
            }
        }
    }
    flush(&mut current, &mut out);
    out
}

fn element_named<'a>(html: &'a Html, name: &str) -> Vec<NRef<'a>> {
    html.tree
        .root()
        .descendants()
        .filter(|n| n.value().as_element().is_some_and(|e| e.name() == name))
        .collect()
}

fn attr_eq(node: &NRef<'_>, attr: &str, value: &str) -> bool {
    node.value()
        .as_element()
        .and_then(|e| e.attr(attr))
        .is_some_and(|v| v.eq_ignore_ascii_case(value))
}

/// The element holding the article: `[itemprop=articleBody]`, else the
/// `<article>` with the most text, else `<main>` / `[role=main]`, else body.
fn content_root<'a>(html: &'a Html, idx: &Index) -> NRef<'a> {
    let all: Vec<NRef<'a>> = html
        .tree
        .root()
        .descendants()
        .filter(|n| n.value().is_element())
        .collect();
    let largest = |cands: Vec<NRef<'a>>| cands.into_iter().max_by_key(|n| idx.len(n.id()));
    let min_len = 1;
    let pick = |cands: Vec<NRef<'a>>| largest(cands).filter(|n| idx.len(n.id()) >= min_len);
    let body = all
        .iter()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
        .copied();
    pick(
        all.iter()
            .filter(|n| attr_eq(n, "itemprop", "articleBody"))
            .copied()
            .collect(),
    )
    .or_else(|| pick(element_named(html, "article")))
    .or_else(|| pick(element_named(html, "main")))
    .or_else(|| {
        pick(
            all.iter()
                .filter(|n| attr_eq(n, "role", "main"))
                .copied()
                .collect(),
        )
    })
    .or(body)
    .unwrap_or_else(|| html.tree.root())
}

/// Outermost comment sections anywhere in the page (outside scripts and
/// templates), in document order.
fn all_comment_sections(html: &Html) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut skipping: Option<NodeId> = None;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let inert = matches!(el.name(), "script" | "style" | "template" | "head");
                    if inert || role(el, false) == Role::Comments {
                        if !inert {
                            out.push(node.id());
                        }
                        skipping = Some(node.id());
                    }
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                }
            }
        }
    }
    out
}

fn is_descendant_of(node: NRef<'_>, ancestor: NodeId) -> bool {
    node.ancestors().any(|a| a.id() == ancestor)
}

// ---------------------------------------------------------------------------
// Metadata

#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    published: Option<Date>,
    source: Option<String>,
    url: Option<String>,
}

/// `<meta>` values keyed by lowercased `property`, `name` or `itemprop`;
/// the first value of a key wins.
fn meta_tags(html: &Html) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for node in element_named(html, "meta") {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let Some(content) = el.attr("content").or_else(|| el.attr("datetime")) else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        for key in ["property", "name", "itemprop"] {
            if let Some(k) = el.attr(key) {
                out.entry(k.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.to_string());
            }
        }
    }
    out
}

fn text_of(node: NRef<'_>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
        }
    }
    collapse(&s)
}

/// `datePublished`, publisher name and headline from JSON-LD blocks.
#[derive(Debug, Default)]
struct JsonLd {
    published: Option<Date>,
    publisher: Option<String>,
    headline: Option<String>,
}

fn json_ld(html: &Html) -> JsonLd {
    let mut out = JsonLd::default();
    for node in element_named(html, "script") {
        if !attr_eq(&node, "type", "application/ld+json") {
            continue;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text_of_raw(node)) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
                serde_json::Value::Object(map) => {
                    if out.published.is_none() {
                        out.published = map
                            .get("datePublished")
                            .and_then(|d| d.as_str())
                            .and_then(parse_meta_date);
                    }
                    if out.headline.is_none() {
                        out.headline = map
                            .get("headline")
                            .and_then(|h| h.as_str())
                            .map(collapse)
                            .filter(|h| !h.is_empty());
                    }
                    if out.publisher.is_none() {
                        out.publisher = map
                            .get("publisher")
                            .and_then(|p| p.get("name").or_else(|| p.get(0)?.get("name")))
                            .and_then(|n| n.as_str())
                            .map(collapse)
                            .filter(|n| !n.is_empty());
                    }
                    stack.extend(map.values());
                }
                _ => {}
            }
        }
    }
    out
}

/// The raw text of an element (script contents), uncollapsed.
fn text_of_raw(node: NRef<'_>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
        }
    }
    s
}

/// Strip a ` | Outlet` / ` - Outlet` suffix naming the site from a title.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let Some(rest) = title.strip_suffix(site)
                && let Some(clean) = rest.strip_suffix(sep)
                && !clean.trim().is_empty()
            {
                return clean.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn metadata(html: &Html, root: NRef<'_>) -> Meta {
    let tags = meta_tags(html);
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| tags.get(*k))
            .map(|v| collapse(v))
            .filter(|v| !v.is_empty())
    };
    let ld = json_ld(html);
    let source = get(&["og:site_name", "application-name"]).or(ld.publisher);
    let title = get(&["og:title", "twitter:title"])
        .or_else(|| {
            element_named(html, "title")
                .into_iter()
                .map(text_of)
                .find(|t| !t.is_empty())
        })
        .or_else(|| {
            element_named(html, "h1")
                .into_iter()
                .map(text_of)
                .find(|t| !t.is_empty())
        })
        .or(ld.headline)
        .map(|t| strip_site_suffix(&t, source.as_deref()));
    let date_keys = [
        "article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publish-date",
        "publishdate",
        "publish_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "parsely-pub-date",
        "sailthru.date",
    ];
    let published = date_keys
        .iter()
        .filter_map(|k| tags.get(*k))
        .find_map(|v| parse_meta_date(v))
        .or_else(|| itemprop_date(html))
        .or(ld.published)
        .or_else(|| time_in(root));
    let url = html
        .tree
        .root()
        .descendants()
        .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "link"))
        .filter(|n| {
            n.value()
                .as_element()
                .and_then(|e| e.attr("rel"))
                .is_some_and(|rel| {
                    rel.split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                })
        })
        .find_map(|n| n.value().as_element()?.attr("href").map(str::trim))
        .filter(|u| !u.is_empty())
        .map(str::to_string)
        .or_else(|| get(&["og:url"]));
    Meta {
        title: title.filter(|t| !t.is_empty()),
        published,
        source,
        url,
    }
}

/// `<time itemprop="datePublished" datetime="...">` and similar elements.
fn itemprop_date(html: &Html) -> Option<Date> {
    html.tree
        .root()
        .descendants()
        .filter(|n| attr_eq(n, "itemprop", "datePublished"))
        .find_map(|n| {
            let el = n.value().as_element()?;
            el.attr("datetime")
                .or_else(|| el.attr("content"))
                .and_then(parse_meta_date)
                .or_else(|| parse_meta_date(&text_of(n)))
        })
}

/// The first `<time datetime>` in the article that is not inside a comment
/// section.
fn time_in(root: NRef<'_>) -> Option<Date> {
    root.descendants()
        .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "time"))
        .filter(|n| {
            !n.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| role(e, false) == Role::Comments)
            })
        })
        .find_map(|n| {
            n.value()
                .as_element()?
                .attr("datetime")
                .and_then(parse_meta_date)
        })
}

/// Build a [`Document`] from HTML source: the article's paragraphs separated
/// by blank lines, then reader comments (marked as `comments` ranges), with
/// the page's declared metadata. Header detection on the text fills what the
/// markup does not declare.
pub fn from_html(id: &str, html: &str) -> Document {
    let html = normalize(html);
    let parsed = Html::parse_document(&html);
    let idx = index(&parsed);
    let root = content_root(&parsed, &idx);
    let mut sections = Vec::new();
    let mut article = paragraphs(root, false, &idx, &mut sections);
    if article.is_empty()
        && let Some(body) = element_named(&parsed, "body").into_iter().next()
        && body.id() != root.id()
    {
        sections.clear();
        article = paragraphs(body, false, &idx, &mut sections);
    }
    // Comment sections outside the article (the usual place).
    for id in all_comment_sections(&parsed) {
        let inside = parsed
            .tree
            .get(id)
            .is_some_and(|n| is_descendant_of(n, root.id()) || n.id() == root.id());
        if !inside && !sections.contains(&id) {
            sections.push(id);
        }
    }
    sections.sort_by_key(|id| idx.pos(*id));

    let mut text = article.join("\n\n");
    let marks = mark_text(&text);
    let header = detect_header(&text, &marks);
    let mut comments = marks.comments;
    for id in sections {
        let Some(node) = parsed.tree.get(id) else {
            continue;
        };
        let mut nested = Vec::new();
        let paras = paragraphs(node, true, &idx, &mut nested);
        if paras.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&paras.join("\n\n"));
        comments.push(start..text.len());
    }

    let meta = metadata(&parsed, root);
    Document {
        id: id.to_string(),
        origin: id.to_string(),
        title: meta.title.or(header.title),
        published: meta.published.or(header.published),
        source: meta.source.or(header.source),
        url: meta.url,
        event: None,
        noise: marks.noise,
        comments,
        text,
    }
}

/// True if the content looks like an HTML page (`<!doctype html`, `<html`,
/// possibly after a BOM, whitespace or an XML declaration / comment).
pub(crate) fn looks_like_html(content: &str) -> bool {
    let mut s = content.trim_start_matches('\u{feff}').trim_start();
    for _ in 0..8 {
        let lower: String = s.chars().take(16).collect::<String>().to_ascii_lowercase();
        if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
            return true;
        }
        let skip = if lower.starts_with("<?xml") {
            s.find("?>").map(|p| p + 2)
        } else if lower.starts_with("<!--") {
            s.find("-->").map(|p| p + 3)
        } else {
            None
        };
        match skip.and_then(|p| s.get(p..)) {
            Some(rest) => s = rest.trim_start(),
            None => return false,
        }
    }
    false
}
