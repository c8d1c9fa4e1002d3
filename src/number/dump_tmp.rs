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

#[test]
fn phrases() {
    let list = [
        "seven",
        "1,007",
        "6,500",
        "2.5",
        "1 000",
        "1,200",
        "1,20",
        "twenty-one",
        "twenty one",
        "one hundred and five",
        "a hundred",
        "two thousand",
        "one million two hundred thousand",
        "a dozen",
        "half a dozen",
        "two dozen",
        "1.2 million",
        "3.5bn",
        "10k",
        "2m",
        "2 m",
        "€3m",
        "1.5 billion",
        "68%",
        "68 percent",
        "68 per cent",
        "sixty-eight percent",
        "10-15",
        "10–15",
        "10 to 15",
        "between 10 and 15",
        "10 or 11",
        "from 10 to 15",
        "2014-2015",
        "at least 5",
        "no fewer than 5",
        "no less than 5",
        "a minimum of 5",
        "more than 5",
        "over 5",
        "upwards of 5",
        "in excess of 5",
        "above 5",
        "nearly 5",
        "almost 5",
        "close to 5",
        "about 5",
        "around 5",
        "approximately 5",
        "roughly 5",
        "some 200 people",
        "an estimated 5",
        "estimated 5",
        "circa 5",
        "~5",
        "up to 5",
        "as many as 5",
        "at most 5",
        "no more than 5",
        "a maximum of 5",
        "fewer than 5",
        "less than 5",
        "under 5",
        "below 5",
        "some people",
        "over the",
        "about 10 to 15",
        "more than a dozen",
        "several",
        "a few",
        "few",
        "a handful",
        "a couple of",
        "dozens of",
        "scores of",
        "hundreds",
        "thousands",
        "tens of thousands",
        "hundreds of thousands",
        "millions",
        "no one",
        "no-one",
        "nobody",
        "none",
        "zero",
        "no casualties",
        "No. 5",
        "no longer",
        "no more than 3",
        "tenfold",
        "often",
        "attend",
        "sixth",
        "someone",
        "phone",
        "one-sided",
        "another",
        "a",
        "an",
        "in 2020",
        "since 1994",
        "2021",
        "1990s",
        "2,000 peacekeepers",
        "1500 people",
        "2000 troops",
        "2014-15",
        "November 17th",
        "November 17",
        "17 November 2021",
        "Nov. 17",
        "November 15th and 16th",
        "17.11.2021",
        "2021-11-17",
        "11/17/2021",
        "September 27, 2020",
        "Tuesday, November 16, 2021",
        "November 2020",
        "13:04",
        "10:21 AM",
        "6 p.m.",
        "6pm",
        "$2,500",
        "2,500 $",
        "€3m",
        "£5 million",
        "US$3bn",
        "3 dollars",
        "5,000 euros",
        "$50,000 bond",
        "Rs 500",
        "10 rubles",
        "1,007-kilometer",
        "5 km",
        "10 miles",
        "30 kg",
        "3 metres",
        "5-foot",
        "9mm",
        ".40-caliber",
        "14-year-old",
        "one-year-old",
        "69-year-old",
        "44-day",
        "six weeks",
        "10 years",
        "three days",
        "48 hours",
        "two-year",
        "30-year-long",
        "more than 10 years",
        "17th",
        "1st",
        "first",
        "the second attack",
        "third",
        "tenth",
        "twentieth",
        "hundredth",
        "30 seconds",
        "49HqitRzdnh",
        "bc1qv7k70u2",
        "17.11.2021_IMR_ArmeniaAzerbaijan.mp4",
        "https://x.org/2021/11/17/a",
        "COVID-19",
        "F-16",
        "Su-25",
        "G7",
        "4x4",
        "555-1234",
        "mid-2020",
        "twenty-first",
        "two or three",
        "between one hundred and two hundred",
        "two to three million",
        "a couple",
        "several hundred",
        "may 5",
        "May 5",
        "the 2020 elections",
        "10 years old",
        "1.2.3",
        "24/7",
    ];
    for p in list {
        let v = super::scan(p);
        let s: Vec<String> = v
            .iter()
            .map(|q| {
                format!(
                    "[{}] {:?} {:?} {:?}..{:?}",
                    q.text(p).unwrap(),
                    q.kind,
                    q.qualifier,
                    q.low,
                    q.high
                )
            })
            .collect();
        println!("{p:45} => {}", s.join(" | "));
    }
}
