#[test]
fn dump_seeds() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for p in files {
        let text = std::fs::read_to_string(&p).unwrap();
        println!("== {}", p.display());
        for q in super::scan(&text) {
            println!(
                "{:>5} {:<40} {:?} {:?} {:?}..{:?}",
                q.start,
                format!("{:?}", q.text(&text).unwrap_or("?")),
                q.kind,
                q.qualifier,
                q.low,
                q.high
            );
        }
    }
}

#[test]
#[ignore]
fn speed() {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/news/news_corpus.txt");
    let text = std::fs::read_to_string(p).unwrap();
    let s = super::Scanner::new();
    let mut out = Vec::new();
    for _ in 0..3 {
        out.clear();
        let t = std::time::Instant::now();
        s.scan_into(&text, &mut out);
        let el = t.elapsed();
        println!(
            "{} mentions, {:.1} MB/s",
            out.len(),
            text.len() as f64 / el.as_secs_f64() / 1e6
        );
    }
    let mut kinds = std::collections::HashMap::new();
    for q in &out {
        *kinds.entry(format!("{:?}", q.kind)).or_insert(0) += 1;
    }
    println!("{kinds:?}");
}

#[test]
#[ignore]
fn speed_parts() {
    use aho_corasick::*;
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/news/news_corpus.txt");
    let text = std::fs::read_to_string(p).unwrap();
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(super::lexicon::PATTERNS)
        .unwrap();
    let t = std::time::Instant::now();
    let n = ac.find_iter(&text).count();
    println!(
        "ac find_iter: {n} matches {:.1} MB/s",
        text.len() as f64 / t.elapsed().as_secs_f64() / 1e6
    );
    let t = std::time::Instant::now();
    let mut pos = 0;
    let mut n = 0;
    while let Some(m) = ac.find(Input::new(&text).span(pos..text.len())) {
        n += 1;
        pos = m.start() + 1;
    }
    println!(
        "ac restart: {n} matches {:.1} MB/s",
        text.len() as f64 / t.elapsed().as_secs_f64() / 1e6
    );
    let t = std::time::Instant::now();
    let n = text.bytes().filter(|b| b.is_ascii_digit()).count();
    println!(
        "digits: {n} {:.1} MB/s",
        text.len() as f64 / t.elapsed().as_secs_f64() / 1e6
    );
    // grammar attempts at word candidates with boundary
    let t = std::time::Instant::now();
    let mut hits = 0;
    let mut tries = 0;
    for m in ac.find_iter(&text) {
        let s = m.start();
        let prev = text[..s].chars().next_back();
        if prev.is_some_and(super::grammar::is_word_char) {
            continue;
        }
        tries += 1;
        if super::grammar::mention(&text[s..], Default::default()).is_some() {
            hits += 1;
        }
    }
    println!(
        "grammar at words: {tries} tries {hits} hits {:.3}s",
        t.elapsed().as_secs_f64()
    );
}

#[test]
#[ignore]
fn speed_digits() {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/news/news_corpus.txt");
    let text = std::fs::read_to_string(p).unwrap();
    let b = text.as_bytes();
    let starts: Vec<usize> = (0..b.len())
        .filter(|&i| b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()))
        .collect();
    let t = std::time::Instant::now();
    let mut hits = 0;
    for &s in &starts {
        if super::grammar::mention(&text[s..], Default::default()).is_some() {
            hits += 1;
        }
    }
    println!(
        "grammar at digits: {} tries {hits} hits {:.3}s",
        starts.len(),
        t.elapsed().as_secs_f64()
    );
}

#[test]
#[ignore]
fn speed_ac() {
    use aho_corasick::*;
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/news/news_corpus.txt");
    let text = std::fs::read_to_string(p).unwrap();
    for (name, mk, kind) in [
        (
            "ll dfa",
            MatchKind::LeftmostLongest,
            Some(AhoCorasickKind::DFA),
        ),
        (
            "ll contig",
            MatchKind::LeftmostLongest,
            Some(AhoCorasickKind::ContiguousNFA),
        ),
        ("std dfa", MatchKind::Standard, Some(AhoCorasickKind::DFA)),
        (
            "lf dfa",
            MatchKind::LeftmostFirst,
            Some(AhoCorasickKind::DFA),
        ),
    ] {
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(mk)
            .kind(kind)
            .build(super::lexicon::PATTERNS)
            .unwrap();
        let t = std::time::Instant::now();
        let n = ac.find_iter(&text).count();
        println!(
            "{name}: {n} matches {:.1} MB/s",
            text.len() as f64 / t.elapsed().as_secs_f64() / 1e6
        );
    }
    // word-start + bigram filter + anchored
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .start_kind(StartKind::Both)
        .build(super::lexicon::PATTERNS)
        .unwrap();
    let mut table = [false; 65536];
    for p in super::lexicon::PATTERNS {
        let b = p.as_bytes();
        let a = b[0].to_ascii_lowercase();
        let c = b.get(1).copied().unwrap_or(b' ').to_ascii_lowercase();
        for x in [a, a.to_ascii_uppercase()] {
            for y in [c, c.to_ascii_uppercase()] {
                table[(x as usize) << 8 | y as usize] = true;
            }
        }
    }
    let t = std::time::Instant::now();
    let b = text.as_bytes();
    let mut n = 0;
    let mut starts = 0;
    let mut prev_word = false;
    for i in 0..b.len() {
        let c = b[i];
        let w = c.is_ascii_alphanumeric() || c >= 0x80 || c == b'_';
        if w && !prev_word && c.is_ascii_alphabetic() {
            starts += 1;
            let nx = b.get(i + 1).copied().unwrap_or(b' ');
            if table[(c as usize) << 8 | nx as usize] {
                if ac
                    .find(Input::new(&text).span(i..b.len()).anchored(Anchored::Yes))
                    .is_some()
                {
                    n += 1;
                }
            }
        }
        prev_word = w;
    }
    println!(
        "wordstart+bigram+anchored: {starts} starts {n} matches {:.1} MB/s",
        text.len() as f64 / t.elapsed().as_secs_f64() / 1e6
    );
}
