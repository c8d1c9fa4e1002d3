#[test]
fn dump_seeds() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for p in files {
        let text = std::fs::read_to_string(&p).unwrap();
        println!("== {}", p.display());
        for q in super::scan(&text) {
            println!("{:>5} {:<40} {:?} {:?} {:?}..{:?}", q.start, format!("{:?}", q.text(&text).unwrap_or("?")), q.kind, q.qualifier, q.low, q.high);
        }
    }
}

#[test]
#[ignore]
fn speed() {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news/news_corpus.txt");
    let text = std::fs::read_to_string(p).unwrap();
    let s = super::Scanner::new();
    let mut out = Vec::new();
    for _ in 0..3 {
        out.clear();
        let t = std::time::Instant::now();
        s.scan_into(&text, &mut out);
        let el = t.elapsed();
        println!("{} mentions, {:.1} MB/s", out.len(), text.len() as f64 / el.as_secs_f64() / 1e6);
    }
    let mut kinds = std::collections::HashMap::new();
    for q in &out { *kinds.entry(format!("{:?}", q.kind)).or_insert(0) += 1; }
    println!("{kinds:?}");
}
