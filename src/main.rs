//! The `recount` command: wiring only. Every stage lives in the library.

use anyhow::{Result, bail};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use recount::wire::{self, DocumentRecord, NumberRow};
use recount::{
    Claim, ExtractOptions, Format, InputFormat, InputProblem, Item, Mapped, Pace, Pipeline,
    Progress, ReadOptions, Rules, Severity, Style, eval, read_inputs,
};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The exit statuses of the commands that reconcile, for their `--help`.
macro_rules! exit_help {
    () => {
        "Exit status (like diff):\n  0  no conflict\n  1  at least one conflict between independent sources\n  2  trouble: a missing or unreadable input, a skipped document, bad rules"
    };
}

#[derive(Parser)]
#[command(
    name = "recount",
    version,
    about = "Find casualty figures in news reports, trace each to its quote, and show where sources agree, conflict or revise.",
    after_help = concat!("Examples:\n  recount report examples/articles\n  recount report --explain examples/articles\n  recount extract --format table article.txt\n  recount numbers -  < article.txt\n  recount generate --seed 7 --count 5\n\n", exit_help!()),
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct InputArgs {
    /// Files, folders (read recursively) or `-` for standard input (the
    /// default when standard input is not a terminal).
    #[arg(value_name = "FILE|DIR|-")]
    inputs: Vec<String>,
    /// Read inputs as this format instead of detecting it.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    input_format: InputFormatArg,
    /// Publication date (YYYY-MM-DD) of a single input.
    #[arg(long)]
    published: Option<jiff::civil::Date>,
    /// Outlet of a single input.
    #[arg(long)]
    source: Option<String>,
    /// CSV of metadata for many inputs: path or id, published, source, url, event, title.
    #[arg(long, value_name = "CSV")]
    meta: Option<PathBuf>,
    /// Rules file; one starting `extends = "default"` adds to the built-in rules.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// Also read reader comments (skipped by default).
    #[arg(long)]
    include_comments: bool,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Auto,
    Text,
    Html,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Table,
    Markdown,
    Csv,
    Json,
    /// One self-contained HTML page: summary, a range chart per group,
    /// quotes with the number marked, documents (`docs/output.md`).
    Html,
}

impl From<ReportFormat> for Format {
    fn from(f: ReportFormat) -> Format {
        match f {
            ReportFormat::Table => Format::Table,
            ReportFormat::Markdown => Format::Markdown,
            ReportFormat::Csv => Format::Csv,
            ReportFormat::Json => Format::Json,
            ReportFormat::Html => Format::Html,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum NumbersFormat {
    Table,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum ClaimsFormat {
    Jsonl,
    Json,
    Table,
}

#[derive(Clone, Copy, ValueEnum)]
enum GenerateKind {
    /// A sentence stating one count or percentage.
    Quantities,
    /// Casualty sentences and distractors, with the claims they state.
    Claims,
    /// A casualty sentence whose only number is not a count.
    NotCounts,
}

#[derive(Subcommand)]
enum Command {
    /// Every quantity a text states: span, value range, qualifier and kind.
    #[command(
        after_help = "Examples:\n  recount numbers article.txt\n  echo 'at least 12 people' | recount numbers --format jsonl -\n\nExit status: 0 read, 2 trouble."
    )]
    Numbers {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = NumbersFormat::Table)]
        format: NumbersFormat,
    },
    /// Casualty and percentage claims, one JSON object a line, as each document is done.
    #[command(
        after_help = "Examples:\n  recount extract article.txt\n  recount extract --format table examples/articles\n  cat docs.jsonl | recount extract --input-format jsonl -\n  recount extract --with-documents shard.jsonl > claims.jsonl   # map; reduce: recount report --claims\n\nExit status: 0 read, 2 trouble."
    )]
    Extract {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Jsonl)]
        format: ClaimsFormat,
        /// Before each document's claims, a recount.document/1 line: its
        /// metadata and fingerprint, for `recount report --claims` (JSON
        /// Lines only). Every input gets one, skipped ones included.
        #[arg(long)]
        with_documents: bool,
    },
    /// Reconcile claims across sources and print where they agree and conflict.
    #[command(after_help = concat!("Examples:\n  recount report examples/articles\n  recount report --format markdown examples/articles > report.md\n  recount report --explain examples/articles\n  recount report --claims claims-1.jsonl claims-2.jsonl   # reduce what extract --with-documents wrote\n\n", exit_help!()))]
    Report {
        #[command(flatten)]
        input: InputArgs,
        /// The inputs are what `recount extract --with-documents` wrote
        /// (files, folders or `-`): reconcile those claims instead of
        /// extracting documents. The report is the one the documents give.
        #[arg(
            long,
            conflicts_with_all = ["input_format", "published", "source", "meta", "include_comments"]
        )]
        claims: bool,
        #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
        /// The full table: one table for all events, every note in its row,
        /// no width limit.
        #[arg(long)]
        wide: bool,
        /// Also show each conflicting claim in its sentence.
        #[arg(long)]
        explain: bool,
        /// Write the report to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Each conflicting group's claims in their sentences, with file:line:col.
    #[command(after_help = concat!("Example:\n  recount explain examples/articles\n\n", exit_help!()))]
    Explain {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Test cases, one JSON object a line: texts with the reading recount must give them.
    #[command(
        after_help = "Each line is a recount.case/1 record (docs/schema/case.schema.json): an id, the text, and what it must give (`expect`). recount reads the same lines back as JSON Lines documents, so its results name each case by its id (docs/testing.md).\n\nExamples:\n  recount generate --seed 7 --count 5\n  recount generate --seed 7 --count 1000 --kind quantities | recount numbers --format jsonl -\n  recount generate --seed 7 --count 1000 --kind claims | recount extract -\n\nExit status: 0 written, 2 trouble."
    )]
    Generate {
        /// The same seed writes the same cases, in every build.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// How many cases; the first N of a larger count are the same N.
        #[arg(long, default_value_t = 100)]
        count: u64,
        /// Which cases.
        #[arg(long, value_enum, default_value_t = GenerateKind::Quantities)]
        kind: GenerateKind,
    },
    /// Print the man page (roff) generated from this command's definition.
    #[command(hide = true)]
    Man {
        /// Write recount.1 and one page per subcommand (recount-report.1, …) here.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Score extraction and reconciliation against hand annotation.
    #[command(
        after_help = "Examples:\n  recount eval --gold examples/gold.toml examples/articles --strict\n  recount eval --incidents incidents.jsonl --show-misses\n\nThe gold format and the incidents' JSON Lines are described in docs/evaluation.md.\n\nExit status: 0 all thresholds met, 1 below --min-f1 or (with --strict) a gold requirement failed, 2 trouble."
    )]
    Eval {
        /// Gold TOML file (claims, not_a_claim, expect).
        #[arg(long)]
        gold: Option<PathBuf>,
        /// JSON Lines of incidents with their articles and recorded counts.
        #[arg(long)]
        incidents: Option<PathBuf>,
        /// Exit 1 if the overall F1 on the gold is below this.
        #[arg(long)]
        min_f1: Option<f64>,
        /// Exit 1 if any required claim is missed, any not_a_claim is read
        /// as a claim, any expected group fails or another group conflicts.
        #[arg(long)]
        strict: bool,
        /// List each incident whose totals miss the record, with quotes.
        #[arg(long)]
        show_misses: bool,
        #[command(flatten)]
        input: InputArgs,
    },
}

/// `path: cannot read rules: No such file or directory`: an I/O error
/// without the operating system's error number.
fn io_error(path: &std::path::Path, what: &str, e: &std::io::Error) -> anyhow::Error {
    let text = e.to_string();
    let text = match text.rfind(" (os error ") {
        Some(pos) if text.ends_with(')') => text.get(..pos).unwrap_or(&text).to_string(),
        _ => text,
    };
    anyhow::anyhow!("{}: {what}: {text}", path.display())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("recount: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn read_options(input: &InputArgs) -> ReadOptions {
    let mut options = ReadOptions::default();
    options.format = match input.input_format {
        InputFormatArg::Auto => InputFormat::Auto,
        InputFormatArg::Text => InputFormat::Text,
        InputFormatArg::Html => InputFormat::Html,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
    };
    options.published = input.published;
    options.source = input.source.clone();
    options.meta_csv = input.meta.clone();
    options
}

fn load_rules(input: &InputArgs) -> Result<Rules> {
    match &input.rules {
        None => Ok(Rules::default_rules()),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| io_error(path, "cannot read rules", &e))?;
            Ok(Rules::from_toml(&path.display().to_string(), &text)?)
        }
    }
}

fn pipeline(input: &InputArgs) -> Result<Pipeline> {
    let mut options = ExtractOptions::default();
    options.include_comments = input.include_comments;
    Ok(Pipeline::new(load_rules(input)?, options))
}

/// The terminal's width (`COLUMNS`, else the terminal's own when stdout
/// is one), and colour on a terminal unless `NO_COLOR`. Piped with no
/// `COLUMNS`, tables are 100 columns wide.
fn style() -> Style {
    let tty = std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut style = Style::default();
    style.width = columns().or_else(|| tty.then(|| comfy_table::Table::new().width()).flatten());
    style.color = tty && !no_color;
    style
}

fn columns() -> Option<u16> {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
}

fn progress(quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos} documents, {msg} claims ({rate} documents/s)",
        )
        .ok()?
        // a whole number: `35/s`, not `35.3672/s`
        .with_key(
            "rate",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}", state.per_sec());
            },
        ),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}

fn report_problem(p: &InputProblem) {
    let level = match p.severity {
        Severity::Warning => "warning",
        Severity::Skipped => "skipped",
        Severity::Error => "error",
    };
    eprintln!("recount: {level}: {}: {}", p.location, p.message);
}

/// With no input named: standard input, unless it is a terminal — then
/// nobody is typing an article, and waiting would look like a hang.
fn default_inputs(cli: &mut Cli) -> Option<u8> {
    let input = match &mut cli.command {
        Command::Numbers { input, .. }
        | Command::Extract { input, .. }
        | Command::Report { input, .. }
        | Command::Explain { input }
        | Command::Eval { input, .. } => input,
        _ => return None,
    };
    if !input.inputs.is_empty() {
        return None;
    }
    let eval_incidents = matches!(
        &cli.command,
        Command::Eval {
            incidents: Some(_),
            ..
        }
    );
    if std::io::stdin().is_terminal() && !eval_incidents {
        eprintln!(
            "recount: no input: name files or folders, or pipe text in (`-` reads standard input)\n"
        );
        let mut cmd = Cli::command();
        cmd.build();
        let name = match &cli.command {
            Command::Numbers { .. } => "numbers",
            Command::Extract { .. } => "extract",
            Command::Report { .. } => "report",
            Command::Explain { .. } => "explain",
            _ => "eval",
        };
        if let Some(sub) = cmd.find_subcommand_mut(name) {
            eprintln!("{}", sub.render_usage());
        }
        return Some(2);
    }
    if let Command::Numbers { input, .. }
    | Command::Extract { input, .. }
    | Command::Report { input, .. }
    | Command::Explain { input }
    | Command::Eval { input, .. } = &mut cli.command
    {
        input.inputs = vec!["-".to_string()];
    }
    None
}

fn run(mut cli: Cli) -> Result<u8> {
    if let Some(code) = default_inputs(&mut cli) {
        return Ok(code);
    }
    match cli.command {
        Command::Numbers { input, format } => numbers(&input, format),
        Command::Extract {
            input,
            format,
            with_documents,
        } => extract(&input, format, with_documents),
        Command::Report {
            input,
            claims,
            format,
            wide,
            explain,
            output,
        } => report_cmd(&input, claims, format.into(), wide, explain, output),
        Command::Explain { input } => report_cmd(&input, false, Format::Table, false, true, None),
        Command::Generate { seed, count, kind } => generate(seed, count, kind),
        Command::Man { dir } => man(dir),
        Command::Eval {
            gold,
            incidents,
            min_f1,
            strict,
            show_misses,
            input,
        } => eval_cmd(&input, gold, incidents, min_f1, strict, show_misses),
    }
}

fn generate(seed: u64, count: u64, kind: GenerateKind) -> Result<u8> {
    use recount::generate::{Set, case_json, cases};
    let set = match kind {
        GenerateKind::Quantities => Set::Quantities,
        GenerateKind::Claims => Set::Claims,
        GenerateKind::NotCounts => Set::NotCounts,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = cases(set, seed)
        .take(usize::try_from(count).unwrap_or(usize::MAX))
        .try_for_each(|case| writeln!(out, "{}", case_json(&case)))
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => bail!("cannot write: {e}"),
        _ => Ok(0),
    }
}

fn man(dir: Option<PathBuf>) -> Result<u8> {
    let command = <Cli as clap::CommandFactory>::command();
    let Some(dir) = dir else {
        clap_mangen::Man::new(command).render(&mut std::io::stdout().lock())?;
        return Ok(0);
    };
    std::fs::create_dir_all(&dir).map_err(|e| io_error(&dir, "cannot create", &e))?;
    let mut pages = vec![(String::from("recount"), command.clone())];
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("recount-{}", sub.get_name());
        pages.push((name.clone(), sub.clone().name(name)));
    }
    for (name, cmd) in pages {
        let mut page = Vec::new();
        clap_mangen::Man::new(cmd).render(&mut page)?;
        let path = dir.join(format!("{name}.1"));
        std::fs::write(&path, page).map_err(|e| io_error(&path, "cannot write", &e))?;
    }
    Ok(0)
}

fn numbers(input: &InputArgs, format: NumbersFormat) -> Result<u8> {
    let mut trouble = false;
    let mut rows: Vec<NumberRow> = Vec::new();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for item in read_inputs(&input.inputs, &read_options(input)) {
        let doc = match item {
            Item::Document(d) => d,
            Item::Problem(p) => {
                trouble |= p.severity != Severity::Warning;
                report_problem(&p);
                continue;
            }
        };
        for row in wire::number_rows(&doc) {
            match format {
                NumbersFormat::Jsonl => writeln!(out, "{}", wire::number_json(&row))?,
                _ => rows.push(row),
            }
        }
    }
    match format {
        NumbersFormat::Jsonl => {}
        NumbersFormat::Json => write!(out, "{}", wire::numbers_json(&rows))?,
        NumbersFormat::Table => write!(out, "{}", recount::numbers_table(&rows))?,
    }
    Ok(if trouble { 2 } else { 0 })
}

fn extract(input: &InputArgs, format: ClaimsFormat, with_documents: bool) -> Result<u8> {
    if with_documents && !matches!(format, ClaimsFormat::Jsonl) {
        bail!("--with-documents writes JSON Lines: use it with --format jsonl (the default)");
    }
    let pipeline = pipeline(input)?;
    let bar = progress(input.quiet);
    let stdout = std::io::stdout();
    let mut all = Vec::new();
    let mut trouble = false;
    let mut write_error = None;
    let mut claims_seen = 0u64;
    let options = read_options(input);
    let items = read_inputs(&input.inputs, &options);
    // Stream claims document by document: a co-process reading our stdout
    // gets each document's claims as soon as it is done.
    let streaming = matches!(format, ClaimsFormat::Jsonl);
    let pace = if input.inputs.iter().any(|i| i == "-") {
        Pace::OneByOne
    } else {
        Pace::Batches
    };
    // One document's claims (and, with --with-documents, its record first).
    let mut on_document = |record: Option<&DocumentRecord>, claims: &[Claim]| {
        claims_seen += claims.len() as u64;
        if let Some(b) = &bar {
            b.inc(1);
            b.set_message(claims_seen.to_string());
        }
        if streaming {
            let mut out = stdout.lock();
            let lines = record
                .map(wire::document_json)
                .into_iter()
                .chain(claims.iter().map(wire::claim_json));
            for line in lines {
                if let Err(e) = writeln!(out, "{line}") {
                    write_error.get_or_insert(e);
                }
            }
            if let Err(e) = out.flush() {
                write_error.get_or_insert(e);
            }
        } else {
            all.extend(claims.iter().cloned());
        }
    };
    let mut on_problem = |p: &InputProblem| {
        trouble |= p.severity != Severity::Warning;
        report_problem(p);
    };
    if with_documents {
        // the map step: each document's record, which only these runs
        // compute (fingerprints, identities)
        pipeline.map_stream(items, pace, |m| match m {
            Mapped::Document(record, claims) => on_document(Some(record), claims),
            Mapped::Problem(p, record) => {
                on_problem(p);
                // the record standing for a document that was not read
                if let Some(record) = record {
                    on_document(Some(record), &[]);
                }
            }
        });
    } else {
        pipeline.extract_stream(items, pace, |p| match p {
            Progress::Document(_, claims) => on_document(None, claims),
            Progress::Problem(p) => on_problem(p),
        });
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Some(e) = write_error
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        bail!("cannot write: {e}");
    }
    let mut out = stdout.lock();
    match format {
        ClaimsFormat::Jsonl => {}
        ClaimsFormat::Json => write!(out, "{}", wire::claims_json(&all))?,
        ClaimsFormat::Table => write!(out, "{}", recount::claims_table(&all, style()))?,
    }
    Ok(if trouble { 2 } else { 0 })
}

fn report_cmd(
    input: &InputArgs,
    claims: bool,
    format: Format,
    wide: bool,
    explain: bool,
    output: Option<PathBuf>,
) -> Result<u8> {
    let (rec, trouble) = if claims {
        // The reduce step: claims and document records already extracted.
        let read = recount::claims::read(&input.inputs);
        for p in &read.problems {
            report_problem(p);
        }
        let trouble = read.had_trouble();
        // the rules name the figures the reduce derives (the wounded)
        let rec = pipeline(input)?.reconcile_claims(read.documents, read.claims);
        (rec, trouble)
    } else {
        let pipeline = pipeline(input)?;
        let bar = progress(input.quiet);
        let mut claims_seen = 0u64;
        let options = read_options(input);
        let outcome = pipeline.run(read_inputs(&input.inputs, &options), |p| match p {
            Progress::Document(_, claims) => {
                claims_seen += claims.len() as u64;
                if let Some(b) = &bar {
                    b.inc(1);
                    b.set_message(claims_seen.to_string());
                }
            }
            Progress::Problem(p) => report_problem(p),
        });
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        let trouble = outcome.had_trouble();
        (outcome.reconciliation, trouble)
    };
    let rec = &rec;
    let mut style = style();
    if output.is_some() {
        style = Style::default();
    }
    style.wide = wide;
    let mut text = recount::render(rec, format, style);
    if explain {
        text.push('\n');
        text.push_str(&recount::explain(rec, style.color));
    }
    match output {
        Some(path) => {
            std::fs::write(&path, text).map_err(|e| io_error(&path, "cannot write", &e))?
        }
        None => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(text.as_bytes())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                bail!("cannot write: {e}");
            }
        }
    }
    Ok(if trouble {
        2
    } else if rec.conflicts() > 0 {
        1
    } else {
        0
    })
}

fn eval_cmd(
    input: &InputArgs,
    gold: Option<PathBuf>,
    incidents: Option<PathBuf>,
    min_f1: Option<f64>,
    strict: bool,
    show_misses: bool,
) -> Result<u8> {
    if gold.is_none() && incidents.is_none() {
        bail!("eval needs --gold FILE or --incidents FILE");
    }
    let pipeline = pipeline(input)?;
    let mut code = 0;
    if let Some(gold_path) = gold {
        let text = std::fs::read_to_string(&gold_path)
            .map_err(|e| io_error(&gold_path, "cannot read gold", &e))?;
        let gold = eval::Gold::from_toml(&gold_path.display().to_string(), &text)?;
        if input.inputs == ["-"] {
            bail!(
                "eval --gold needs the gold's documents: give their folder, e.g. recount eval --gold {} examples/articles",
                gold_path.display()
            );
        }
        let mut docs = Vec::new();
        let mut trouble = false;
        for item in read_inputs(&input.inputs, &read_options(input)) {
            match item {
                Item::Document(d) => docs.push(d),
                Item::Problem(p) => {
                    trouble |= p.severity != Severity::Warning;
                    report_problem(&p);
                }
            }
        }
        let report = eval::score_gold(&pipeline, &gold, &docs);
        print!("{}", eval::render_gold(&report));
        let f1 = report.f1();
        if let Some(min) = min_f1
            && f1 < min
        {
            println!("F1 {f1:.3} is below --min-f1 {min}");
            code = 1;
        }
        if strict && !report.passed_strict() {
            println!("strict: the gold's requirements do not all hold");
            code = 1;
        }
        if trouble {
            code = 2;
        }
    }
    if let Some(path) = incidents {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| io_error(&path, "cannot read incidents", &e))?;
        let mut report = eval::IncidentReport::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match eval::Incident::from_json(line) {
                Ok(incident) => {
                    eval::score_incident(&pipeline, &incident, &mut report, show_misses)
                }
                Err(e) => {
                    eprintln!("recount: skipped: {}:{}: {e}", path.display(), n + 1);
                    code = 2;
                }
            }
        }
        print!("{}", eval::render_incidents(&report));
    }
    Ok(code)
}
