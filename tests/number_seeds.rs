//! Scores the scanner on the real articles in `../shared/corpus/seeds/`
//! (read at run time, never copied into the project). Skips with a note
//! when the corpus is absent. Run with `--nocapture` to see every mention.

mod common;

use recount::number::{Kind, Qualifier, Quantity, scan};

use Kind::*;
use Qualifier::*;

struct Seed {
    name: String,
    text: String,
    found: Vec<Quantity>,
}

fn seeds() -> Option<Vec<Seed>> {
    let dir = common::shared("corpus/seeds", "the number scanner on the seeds")?;
    let rd = std::fs::read_dir(&dir).expect("the seeds' folder");
    let mut paths: Vec<_> = rd
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let seeds: Vec<Seed> = paths
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            let found = scan(&text);
            Some(Seed { name, text, found })
        })
        .collect();
    if seeds.is_empty() {
        eprintln!("note: no seed articles in {}, skipping", dir.display());
        return None;
    }
    Some(seeds)
}

/// Every mention whose text is exactly `span`, across all seeds.
fn mentions_of<'a>(seeds: &'a [Seed], span: &str) -> Vec<(&'a str, &'a Quantity)> {
    seeds
        .iter()
        .flat_map(|s| {
            s.found
                .iter()
                .filter(|q| q.text(&s.text) == Some(span))
                .map(move |q| (s.name.as_str(), q))
        })
        .collect()
}

#[test]
fn seed_mentions_have_the_right_kind() {
    let Some(seeds) = seeds() else { return };
    let want: &[(&str, Kind, Qualifier)] = &[
        ("2,500 $", Money, Exact),
        ("5,000 $", Money, Exact),
        ("November 15th and 16th", Date, Range),
        ("November 17th", Date, Exact),
        ("17 November 2021", Date, Exact),
        ("1,007-kilometer", Measure, Exact),
        ("44-day", Duration, Exact),
        ("more than 10 years", Duration, MoreThan),
        ("51", Count, Exact),
        ("68%", Percent, Exact),
        ("about 25%", Percent, Approx),
        ("more than 6,500", Count, MoreThan),
        ("More than 6,500", Count, MoreThan),
        ("At least one", Count, AtLeast),
        ("At least seven", Count, AtLeast),
        ("1994", Year, Exact),
        ("about 2,000", Count, Approx),
        ("13:04", Time, Exact),
        ("2021-11-17", Date, Exact),
        ("November 18, 2021", Date, Exact),
        ("September 27, 2020", Date, Exact),
        ("nearly 30-year-long", Duration, Approx),
        ("around sixty", Count, Approx),
        ("over 300", Count, MoreThan),
        ("six weeks", Duration, Exact),
        ("six-week", Duration, Exact),
        ("12", Count, Exact),
        ("seven", Count, Exact),
        ("ten", Count, Exact),
        ("several", Count, Vague),
        ("thousands", Count, Vague),
        ("1980s", Year, Range),
        ("2020", Year, Exact),
        ("November 2020", Date, Exact),
        ("May 2021", Date, Exact),
        ("May 31, 2023", Date, Exact),
        ("September 12", Date, Exact),
        ("April 20, 2024", Date, Exact),
    ];
    let mut bad = Vec::new();
    for &(span, kind, qual) in want {
        let got = mentions_of(&seeds, span);
        if got.is_empty() {
            bad.push(format!("{span:?}: no mention with exactly this span"));
        }
        for (file, q) in got {
            if (q.kind, q.qualifier) != (kind, qual) {
                bad.push(format!(
                    "{span:?} in {file}: {:?} {:?}, want {kind:?} {qual:?}",
                    q.kind, q.qualifier
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn seed_identifiers_cover_their_tokens() {
    let Some(seeds) = seeds() else { return };
    for needle in [
        "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL",
        "bc1qv7k70u2zynvem59u88ctdlaw7hc735d8xep9rq",
        "17.11.2021_IMR_ArmeniaAzerbaijan.mp4",
    ] {
        let mut seen = false;
        for s in &seeds {
            for (at, _) in s.text.match_indices(needle) {
                seen = true;
                let covering = s
                    .found
                    .iter()
                    .find(|q| q.start <= at && at + needle.len() <= q.end);
                assert!(
                    covering.is_some_and(|q| q.kind == Identifier),
                    "{needle:?} in {}: {covering:?}",
                    s.name
                );
            }
        }
        assert!(seen, "{needle:?} not in the seeds any more");
    }
}

#[test]
fn every_seed_digit_is_inside_a_mention() {
    let Some(seeds) = seeds() else { return };
    for s in &seeds {
        let mut next = s.found.iter().peekable();
        for (at, b) in s.text.bytes().enumerate() {
            if !b.is_ascii_digit() {
                continue;
            }
            while next.peek().is_some_and(|q| q.end <= at) {
                next.next();
            }
            let inside = next.peek().is_some_and(|q| q.start <= at && at < q.end);
            let ctx = s
                .text
                .get(at.saturating_sub(20)..(at + 20).min(s.text.len()))
                .unwrap_or("?");
            assert!(
                inside,
                "digit at {at} in {} not in a mention: {ctx:?}",
                s.name
            );
        }
    }
}

#[test]
fn seed_listing() {
    let Some(seeds) = seeds() else { return };
    for s in &seeds {
        println!("== {}", s.name);
        for q in &s.found {
            let text = q.text(&s.text).unwrap_or("?");
            println!(
                "{:>6} {:<28} {:?} {:?} {:?}..{:?}",
                q.start,
                format!("{text:?}"),
                q.kind,
                q.qualifier,
                q.low,
                q.high
            );
        }
    }
}
