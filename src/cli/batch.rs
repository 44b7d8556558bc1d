//! Batch conversion: many releases, one instance each under `--out-dir`, converted in
//! parallel, with a progress bar, a summary and a JSON-lines report.
//!
//! # Design
//!
//! Parallelism lives here, not in the library: each worker runs the library's pure pipeline on
//! one release, with the mapping and concept table loaded once and shared. The input list is
//! fixed (and sorted, for folders) before any work starts, and results are gathered a chunk of
//! the list at a time and reported in list order, so the report, the messages and every output
//! are the same bytes at any `-j`, and memory is bounded by the chunk, not the archive.

use std::collections::HashMap;
use std::fs;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use xbrlify::error::{Error, ErrorKind, Location};

use super::format::Format;
use super::{Flush, Settings, Stop, Tables, io_error, say, stdout_failed, usage, write_atomically};

/// Releases converted between two reports of results. Large enough that the wait for a
/// chunk's slowest release costs little; small enough that a chunk's results (report lines
/// and messages) take little memory.
const CHUNK: usize = 512;

/// The batch options of `xbrlify convert`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Write one instance per release into DIR, named after the release: its path below the
    /// folder given, or as given for a file, with the --format's extension (`.xml`, `.html`,
    /// `.json`; README: "Batch
    /// conversion").
    #[arg(long, value_name = "DIR")]
    pub(crate) out_dir: Option<PathBuf>,
    /// Also convert the releases (or folders) listed in FILE, one path per line; `-` reads the
    /// list from standard input.
    #[arg(long, value_name = "FILE", requires = "out_dir")]
    from_list: Option<PathBuf>,
    /// Convert N releases at a time (default: one per core).
    #[arg(short = 'j', long = "jobs", value_name = "N", requires = "out_dir",
          value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Write a report to FILE (`-`: standard output): one JSON object per release, in input
    /// order.
    #[arg(long, value_name = "FILE", requires = "out_dir")]
    report: Option<PathBuf>,
    /// Skip releases whose instance is already in DIR (outputs are renamed into place whole,
    /// so an existing one is complete).
    #[arg(long, requires = "out_dir")]
    skip_existing: bool,
    /// Make each instance durable (`fsync`) before renaming it into place. Without it an
    /// instance is still never seen in part, even if the run is killed, and after a machine
    /// crash --skip-existing converts again any instance whose last line is missing.
    #[arg(long, requires = "out_dir")]
    fsync: bool,
    /// Convert only slice K of N (K counts from 0): for N copies started by a cluster
    /// scheduler. A release's slice depends only on its output name.
    #[arg(long, value_name = "K/N", requires = "out_dir", value_parser = parse_shard)]
    shard: Option<Shard>,
}

/// Slice `index` of `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shard {
    index: u64,
    count: u64,
}

fn parse_shard(text: &str) -> Result<Shard, String> {
    let bad = || format!("{text:?}: expected K/N, K counting from 0 and less than N, such as 0/4");
    let (k, n) = text.split_once('/').ok_or_else(bad)?;
    let index: u64 = k.trim().parse().map_err(|_| bad())?;
    let count: u64 = n.trim().parse().map_err(|_| bad())?;
    if count == 0 || index >= count {
        return Err(bad());
    }
    Ok(Shard { index, count })
}

impl Shard {
    /// Whether the release whose output name hashes to `name_hash` is in the slice.
    fn holds(self, name_hash: u64) -> bool {
        name_hash % self.count == self.index
    }
}

/// 64-bit FNV-1a: fixed, so every copy of a sharded run, on any machine, agrees.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// One release of the batch. The whole list is held at once, so an input keeps its path and
/// little else (its output name is made again when needed).
struct Input {
    /// Where to read it.
    path: Box<Path>,
    /// How many leading parts of `path` are the folder it was found in (0 when given as is):
    /// the output is named from the rest.
    root_parts: usize,
    /// FNV-1a of the output name: its shard, and a first test for collisions.
    name_hash: u64,
    /// Why it cannot be converted, found before reading it.
    problem: Option<Error>,
}

impl Input {
    fn new(path: PathBuf, root_parts: usize, problem: Option<Error>) -> Input {
        let mut input = Input {
            path: path.into_boxed_path(),
            root_parts,
            name_hash: 0,
            problem,
        };
        input.name_hash = fnv1a(input.output().as_os_str().as_encoded_bytes());
        input
    }

    /// Its instance, relative to DIR.
    fn output(&self) -> PathBuf {
        let mut parts = self.path.components();
        for _ in 0..self.root_parts {
            parts.next();
        }
        output_name(parts.as_path())
    }
}

/// The name of a release's instance below DIR, from the release's path (relative to the
/// folder it was found in, or as given): `.` and the root are dropped, `..` becomes `__`, in
/// every other part any character but ASCII letters, digits and `-_.+=,@` becomes `_`, as does
/// a leading `.`, and the extension becomes `.xml`. The result is a relative path of plain
/// names: joined to DIR it stays inside DIR.
pub(crate) fn output_name(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::Prefix(_) | Component::RootDir | Component::CurDir => {}
            Component::ParentDir => out.push("__"),
            Component::Normal(name) => {
                let mut clean: String = name
                    .to_string_lossy()
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || "-_.+=,@".contains(c) {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                if clean.starts_with('.') {
                    clean.replace_range(..1, "_");
                }
                out.push(clean);
            }
        }
    }
    if out.file_name().is_none() {
        out.push("_");
    }
    out.set_extension("xml");
    out
}

/// Lists the releases: each argument and each line of the list, folders expanded to the
/// `*.txt`, `*.htm` and `*.html` files below them in path order.
fn list(inputs: &[PathBuf], from_list: Option<&Path>) -> Result<Vec<Input>, Error> {
    let mut paths: Vec<PathBuf> = inputs.to_vec();
    if let Some(list) = from_list {
        paths.extend(read_list(list)?);
    }
    let mut out = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            return Err(usage(
                "`-` (standard input) cannot be one of many releases: give paths, or a list of \
                 them with --from-list -"
                    .into(),
            ));
        }
        if path.is_dir() {
            walk(&path, &mut out);
        } else {
            out.push(Input::new(path, 0, None));
        }
    }
    Ok(out)
}

fn read_list(list: &Path) -> Result<Vec<PathBuf>, Error> {
    let (shown, bytes) = if list == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| io_error("<stdin>", "read the list of releases", e))?;
        ("<stdin>".to_string(), bytes)
    } else {
        let shown = list.display().to_string();
        let bytes = fs::read(list).map_err(|e| io_error(&shown, "read the list of releases", e))?;
        (shown, bytes)
    };
    let mut paths = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        paths.push(path_of_bytes(line).ok_or_else(|| {
            Error::new(ErrorKind::Usage, "the list's line is not a UTF-8 path")
                .with_location(Location::bare(shown.as_str(), n + 1, 1))
        })?);
    }
    Ok(paths)
}

#[cfg(unix)]
fn path_of_bytes(bytes: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Some(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
}

#[cfg(not(unix))]
fn path_of_bytes(bytes: &[u8]) -> Option<PathBuf> {
    std::str::from_utf8(bytes).ok().map(PathBuf::from)
}

/// Adds the `*.txt`, `*.htm` and `*.html` files below `root`, sorted by path. Symbolic links to files are followed,
/// links to folders are not (a link cannot then make the walk go round in circles). A folder
/// that cannot be listed is a failed input.
fn walk(root: &Path, out: &mut Vec<Input>) {
    let mut found = Vec::new();
    let root_parts = root.components().count();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) => {
                out.push(unlistable(root_parts, &folder, e));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    out.push(unlistable(root_parts, &folder, e));
                    break;
                }
            };
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                folders.push(path);
            } else if (kind.is_file() || (kind.is_symlink() && path.is_file()))
                && path.extension().is_some_and(|e| {
                    ["txt", "htm", "html"]
                        .iter()
                        .any(|x| e.eq_ignore_ascii_case(x))
                })
            {
                found.push(path);
            }
        }
    }
    found.sort();
    out.extend(
        found
            .into_iter()
            .map(|path| Input::new(path, root_parts, None)),
    );
}

fn unlistable(root_parts: usize, folder: &Path, e: std::io::Error) -> Input {
    let problem = io_error(&folder.display().to_string(), "list the folder", e);
    Input::new(folder.to_path_buf(), root_parts, Some(problem))
}

/// Marks every release whose output name an earlier release already has. Names are compared
/// by hash first and made again only when two hashes agree.
fn mark_collisions(inputs: &mut [Input]) {
    let mut first: HashMap<u64, usize> = HashMap::with_capacity(inputs.len());
    // Names whose hash an earlier, different name has: kept whole (practically never used).
    let mut others: HashMap<PathBuf, usize> = HashMap::new();
    let mut taken = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        if input.problem.is_some() {
            continue;
        }
        let Some(&j) = first.get(&input.name_hash) else {
            first.insert(input.name_hash, i);
            continue;
        };
        let name = input.output();
        if inputs[j].output() == name {
            taken.push((i, j));
        } else if let Some(&k) = others.get(&name) {
            taken.push((i, k));
        } else {
            others.insert(name, i);
        }
    }
    drop(first);
    for (i, earlier) in taken {
        let message = format!(
            "its instance would be {}, the instance of {} (listed earlier): rename one",
            inputs[i].output().display(),
            inputs[earlier].path.display()
        );
        let shown = inputs[i].path.display().to_string();
        inputs[i].problem =
            Some(Error::new(ErrorKind::Usage, message).with_location(Location::bare(shown, 1, 1)));
    }
}

/// What became of a release.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
enum Status {
    /// Converted with no diagnostics.
    Converted,
    /// Converted; the report lists the diagnostics.
    Warnings,
    /// Converted, with some tables, columns, rows or facts quarantined for a fault of their
    /// own: the report lists them with the other diagnostics.
    Quarantined,
    /// Diagnostics and `--deny-warnings`: nothing written.
    Denied,
    /// An error: nothing written.
    Failed,
    /// `--skip-existing` and the output is there.
    Skipped,
}

/// A release's line of the report.
#[derive(Serialize)]
struct Line {
    input: String,
    output: String,
    status: Status,
    /// Facts in the instance (document and entity information included).
    facts: Option<usize>,
    cells: Option<Cells>,
    diagnostics: Vec<Finding>,
}

/// The release's numeric cells by fate.
#[derive(Serialize)]
struct Cells {
    total: usize,
    fact: usize,
    duplicate: usize,
    skipped: usize,
    /// Of the skipped, those derived from others (change columns, percentages).
    derived: usize,
    /// Held back: their fact is reported with values that disagree.
    quarantined: usize,
}

#[derive(Serialize)]
struct Finding {
    severity: &'static str,
    code: String,
    /// `file:line:col`.
    at: Option<String>,
    message: String,
    notes: Vec<FindingNote>,
}

#[derive(Serialize)]
struct FindingNote {
    at: Option<String>,
    message: String,
}

impl Finding {
    fn of_error(e: &Error) -> Finding {
        Finding {
            severity: "error",
            code: format!("{:?}", e.kind()).to_lowercase(),
            at: e.location().map(|l| l.to_string()),
            message: e.message().to_string(),
            notes: notes(e.notes()),
        }
    }

    fn of_diagnostic(d: &xbrlify::Diagnostic) -> Finding {
        Finding {
            severity: "warning",
            code: d.code.to_string(),
            at: d.location.as_ref().map(|l| l.to_string()),
            message: d.message.clone(),
            notes: notes(&d.notes),
        }
    }
}

fn notes(notes: &[xbrlify::error::Note]) -> Vec<FindingNote> {
    notes
        .iter()
        .map(|n| FindingNote {
            at: n.location.as_ref().map(|l| l.to_string()),
            message: n.message.clone(),
        })
        .collect()
}

/// A release done: its status, its report line, and what to tell the user.
struct Done {
    status: Status,
    line: String,
    message: Option<String>,
}

fn convert_one(
    input: &Input,
    dir: &Path,
    tables: &Tables,
    settings: &Settings,
    args: &Args,
    format: Format,
) -> Done {
    // Named as the instance would be, with the format's extension.
    let output = dir.join(input.output()).with_extension(format.extension());
    let mut line = Line {
        input: input.path.display().to_string(),
        output: output.display().to_string(),
        status: Status::Failed,
        facts: None,
        cells: None,
        diagnostics: Vec::new(),
    };
    let mut message = None;
    match attempt(input, &output, tables, settings, args, format, &mut line) {
        Ok(status) => {
            line.status = status;
            if status == Status::Denied {
                message = Some(format!(
                    "{}: {} diagnostics and --deny-warnings: nothing written",
                    line.input,
                    line.diagnostics.len()
                ));
            }
        }
        Err(e) => {
            line.diagnostics.push(Finding::of_error(&e));
            message = Some(e.to_string());
        }
    }
    Done {
        status: line.status,
        // A report line holds strings and numbers only: serialising it cannot fail.
        line: serde_json::to_string(&line).unwrap_or_default(),
        message,
    }
}

fn attempt(
    input: &Input,
    output: &Path,
    tables: &Tables,
    settings: &Settings,
    args: &Args,
    format: Format,
    line: &mut Line,
) -> Result<Status, Error> {
    if let Some(problem) = &input.problem {
        return Err(problem.clone());
    }
    if args.skip_existing && complete(output, format) {
        return Ok(Status::Skipped);
    }
    let (name, bytes) = super::read_release(&input.path, settings.max_input_size)?;
    let (source, conv) = super::convert(&name, bytes, tables)?;
    let (cells, _) = xbrlify::inspect::coverage(&conv);
    line.facts = Some(conv.document_facts.len() + conv.facts.facts.len());
    line.cells = Some(Cells {
        total: cells.cells,
        fact: cells.facts,
        duplicate: cells.duplicates,
        skipped: cells.skipped,
        derived: cells.derived,
        quarantined: cells.quarantined,
    });
    let diagnostics = format.diagnostics(&source, &conv);
    line.diagnostics = diagnostics
        .iter()
        .map(|d| Finding::of_diagnostic(d))
        .collect();
    if settings.deny_warnings && !diagnostics.is_empty() {
        return Ok(Status::Denied);
    }
    let xml = format.write(&source, &conv, tables, Some(output))?;
    let shown = output.display().to_string();
    if let Some(parent) = output.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| io_error(&shown, "create the output's folder", e))?;
    }
    let flush = if args.fsync { Flush::Now } else { Flush::Later };
    write_atomically(output, &xml, flush)?;
    Ok(if !conv.quarantines.is_empty() {
        Status::Quarantined
    } else if diagnostics.is_empty() {
        Status::Converted
    } else {
        Status::Warnings
    })
}

/// Whether an output is already at `path`. Outputs are renamed into place whole, so one
/// that exists is complete unless the machine crashed before its data reached the disk
/// (without --fsync); its last bytes (`ending`, the root element's end) tell that case apart.
fn complete(path: &Path, format: Format) -> bool {
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    let Ok(len) = file.metadata().map(|m| m.len()) else {
        return false;
    };
    let mut end = vec![0; Format::TAIL.min(len as usize)];
    file.seek(SeekFrom::End(-(end.len() as i64)))
        .and_then(|_| file.read_exact(&mut end))
        .is_ok()
        && format.ends(&end)
}

/// The report: a file, written to a temporary file beside it as the batch goes and renamed
/// over it at the end; or standard output (`--report -`), line by line.
enum Report {
    File {
        path: PathBuf,
        out: std::io::BufWriter<tempfile::NamedTempFile>,
    },
    Stdout(std::io::Stdout),
}

impl Report {
    fn create(path: &Path) -> Result<Report, Error> {
        if path == Path::new("-") {
            return Ok(Report::Stdout(std::io::stdout()));
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let tmp = tempfile::NamedTempFile::new_in(dir)
            .map_err(|e| io_error(&path.display().to_string(), "create the report", e))?;
        Ok(Report::File {
            path: path.to_path_buf(),
            out: std::io::BufWriter::new(tmp),
        })
    }

    fn line(&mut self, line: &str) -> Result<(), Stop> {
        match self {
            Report::File { path, out } => out
                .write_all(line.as_bytes())
                .and_then(|_| out.write_all(b"\n"))
                .map_err(|e| io_error(&path.display().to_string(), "write the report", e).into()),
            Report::Stdout(out) => {
                let mut out = out.lock();
                out.write_all(line.as_bytes())
                    .and_then(|_| out.write_all(b"\n"))
                    .and_then(|_| out.flush())
                    .map_err(|e| stdout_failed(e, "write the report"))
            }
        }
    }

    fn finish(self) -> Result<(), Error> {
        let Report::File { path, out } = self else {
            return Ok(());
        };
        let shown = path.display().to_string();
        let tmp = out
            .into_inner()
            .map_err(|e| io_error(&shown, "write the report", e.into_error()))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| io_error(&shown, "write the report", e))?;
        tmp.persist(&path)
            .map_err(|e| io_error(&shown, "replace the report", e.error))?;
        Ok(())
    }
}

#[derive(Default)]
struct Tally {
    releases: usize,
    converted: usize,
    warnings: usize,
    quarantined: usize,
    denied: usize,
    failed: usize,
    skipped: usize,
}

impl Tally {
    fn add(&mut self, status: Status) {
        self.releases += 1;
        match status {
            Status::Converted => self.converted += 1,
            Status::Warnings => {
                self.converted += 1;
                self.warnings += 1;
            }
            Status::Quarantined => {
                self.converted += 1;
                self.quarantined += 1;
            }
            Status::Denied => self.denied += 1,
            Status::Failed => self.failed += 1,
            Status::Skipped => self.skipped += 1,
        }
    }
}

/// Converts every release into `--out-dir`. Exit status: 2 if any release failed, else 1 if
/// any was held back by `--deny-warnings`, else 3 if any converted with quarantines, else 0.
///
/// When standard output (`--report -`) is closed by its reader, the batch stops after the
/// releases already converted ([`Stop::StdoutClosed`]).
pub(crate) fn run(
    inputs: &[PathBuf],
    settings: &Settings,
    args: &Args,
    format: Format,
) -> Result<ExitCode, Stop> {
    let Some(dir) = args.out_dir.as_deref() else {
        return Err(usage("batch conversion needs --out-dir DIR".into()).into());
    };
    let tables = super::tables(settings, format == Format::Package)?;
    let mut releases = list(inputs, args.from_list.as_deref())?;
    mark_collisions(&mut releases);
    if let Some(shard) = args.shard {
        releases.retain(|r| shard.holds(r.name_hash));
    }
    let shown_dir = dir.display().to_string();
    fs::create_dir_all(dir).map_err(|e| io_error(&shown_dir, "create the output folder", e))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.map_or(0, usize::from))
        .build()
        .map_err(|e| {
            usage(format!(
                "cannot start {} threads: {e}",
                args.jobs.unwrap_or(0)
            ))
        })?;
    let mut report = args.report.as_deref().map(Report::create).transpose()?;
    let bar = progress(releases.len());
    let mut tally = Tally::default();
    for chunk in releases.chunks(CHUNK) {
        let done: Vec<Done> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let done = convert_one(input, dir, tables, settings, args, format);
                    bar.inc(1);
                    done
                })
                .collect()
        });
        for d in done {
            tally.add(d.status);
            if let Some(message) = &d.message {
                bar.suspend(|| say(format_args!("{message}")));
            }
            if let Some(report) = &mut report {
                report.line(&d.line)?;
            }
        }
    }
    bar.finish_and_clear();
    if let Some(report) = report {
        report.finish()?;
    }
    let mut summary = format!(
        "{} releases: {} converted ({} with warnings, {} with quarantines), {} skipped, {} failed",
        tally.releases,
        tally.converted,
        tally.warnings,
        tally.quarantined,
        tally.skipped,
        tally.failed
    );
    if settings.deny_warnings {
        summary += &format!(", {} not written (--deny-warnings)", tally.denied);
    }
    if args.report.is_none() && tally.warnings + tally.quarantined + tally.denied > 0 {
        summary += "; --report FILE lists the diagnostics";
    }
    say(format_args!("{summary}"));
    Ok(if tally.failed > 0 {
        ExitCode::from(2)
    } else if tally.denied > 0 {
        ExitCode::from(1)
    } else if tally.quarantined > 0 {
        ExitCode::from(super::EXIT_QUARANTINED)
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress bar on standard error when it is a terminal; otherwise nothing is drawn.
fn progress(releases: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(releases as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{wide_bar} {pos}/{len} releases, {rate}/s, {eta} left")
    {
        bar.set_style(style.with_key(
            "rate",
            |state: &indicatif::ProgressState, out: &mut dyn std::fmt::Write| {
                let _ = write!(out, "{:.0}", state.per_sec());
            },
        ));
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(
            output_name(Path::new(input)),
            Path::new(expected),
            "{input}"
        );
    }

    #[test]
    fn output_names_stay_below_the_folder() {
        check("a/b/x.txt", "a/b/x.xml");
        check("x", "x.xml");
        check("x.tar.txt", "x.tar.xml");
        check("/abs/path/x.txt", "abs/path/x.xml");
        check("./x.txt", "x.xml");
        check("../../etc/passwd", "__/__/etc/passwd.xml");
        check("a/../x.txt", "a/__/x.xml");
        check(".hidden/.x.txt", "_hidden/_x.xml");
        check("..", "__.xml");
        check("/", "_.xml");
        check("odd name\n;$`\\:*.txt", "odd_name_______.xml");
        check("société.txt", "soci_t_.xml");
    }

    #[test]
    fn shards_parse_and_partition() {
        assert_eq!(parse_shard("1/4"), Ok(Shard { index: 1, count: 4 }));
        for bad in ["4/4", "1/0", "x/2", "1", "-1/2", "1/2/3"] {
            assert!(parse_shard(bad).is_err(), "{bad}");
        }
        let names: Vec<PathBuf> = (0..1000)
            .map(|i| PathBuf::from(format!("f{i}.xml")))
            .collect();
        let count = 7;
        let mut sizes = vec![0; count];
        for name in &names {
            let holders: Vec<u64> = (0..count as u64)
                .filter(|&index| {
                    Shard {
                        index,
                        count: count as u64,
                    }
                    .holds(fnv1a(name.as_os_str().as_encoded_bytes()))
                })
                .collect();
            assert_eq!(holders.len(), 1, "{}", name.display());
            sizes[holders[0] as usize] += 1;
        }
        // Hashing spreads the names: each slice within 30% of its fair share (143).
        assert!(sizes.iter().all(|&n| (100..186).contains(&n)), "{sizes:?}");
    }
}
