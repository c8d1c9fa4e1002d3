//! Scores the scanner on the real articles in `../shared/corpus/seeds/`
//! (read at run time, never copied into the project). Skips with a note
//! when the corpus is absent.

use std::path::PathBuf;

use recount::number::scan;

fn seeds() -> Option<Vec<(String, String)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!("note: {} absent, skipping seed fixtures", dir.display());
        return None;
    };
    let mut files: Vec<_> = rd
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Some(
        files
            .into_iter()
            .filter_map(|p| {
                Some((
                    p.file_name()?.to_string_lossy().into_owned(),
                    std::fs::read_to_string(&p).ok()?,
                ))
            })
            .collect(),
    )
}

#[test]
fn dump() {
    let Some(files) = seeds() else { return };
    for (name, text) in &files {
        println!("== {name}");
        for q in scan(text) {
            println!(
                "{:>5} {:<40} {:?} {:?} {:?}..{:?}",
                q.start,
                format!("{:?}", q.text(text).unwrap_or("?")),
                q.kind,
                q.qualifier,
                q.low,
                q.high
            );
        }
    }
}
