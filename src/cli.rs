//! The command line: argument parsing (clap) and all file I/O. Batch conversion (many inputs,
//! `--out-dir`) is in [`batch`].

mod batch;
mod format;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use xbrlify::error::{Error, ErrorKind, Location};
use xbrlify::map::Mapping;
use xbrlify::source::Source;
use xbrlify::taxonomy::ConceptTable;
use xbrlify::{Conversion, Options};

/// Turns earnings releases (plain text or HTML, alone or as EDGAR submissions) into XBRL 2.1.
#[derive(Parser)]
#[command(name = "xbrlify", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert releases into XBRL instances: one release to a file or standard output, or many
    /// (files, folders, a list) into --out-dir.
    Convert {
        /// Releases: plain text or whole EDGAR submissions; `-` reads standard input. With
        /// --out-dir, also folders (every `*.txt` below them).
        #[arg(value_name = "RELEASE", required_unless_present = "from_list")]
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        settings: Settings,
        /// Where to write the instance of a single release (default: standard output).
        /// Written atomically.
        #[arg(short, long, value_name = "OUT.xml", conflicts_with = "out_dir")]
        output: Option<PathBuf>,
        /// What to write: an XBRL 2.1 instance, the release as Inline XBRL (its numbers
        /// tagged where they stand), or xBRL-JSON. With --out-dir, names the files' extension.
        #[arg(long, value_enum, default_value_t)]
        format: format::Format,
        #[command(flatten)]
        batch: batch::Args,
    },
    /// Account for every numeric cell: the fact it became, or why not.
    Inspect {
        /// The release: plain text or a whole EDGAR submission; `-` reads standard input.
        #[arg(value_name = "RELEASE")]
        release: String,
        #[command(flatten)]
        settings: Settings,
        /// Print a coverage report instead: cells by fate, the primary statements' share, and
        /// the rows no mapping entry matched. Accepts several releases.
        #[arg(long)]
        summary: bool,
        /// List the extension concepts a report package declares instead: one a line, with
        /// its type, period type, balance, label and the rows it reports.
        #[arg(long, conflicts_with = "summary")]
        extensions: bool,
        /// More releases (with --summary).
        #[arg(value_name = "MORE", requires = "summary")]
        more: Vec<String>,
    },
}

/// What every conversion takes besides its input.
#[derive(clap::Args)]
pub(crate) struct Settings {
    /// A mapping file replacing the embedded taxonomy/us-gaap-2024.toml.
    #[arg(long, value_name = "FILE")]
    mapping: Option<PathBuf>,
    /// A concept table replacing the embedded taxonomy/concepts.tsv (for a mapping that uses
    /// concepts the embedded table lacks).
    #[arg(long, value_name = "FILE")]
    concepts: Option<PathBuf>,
    /// The registrant's SEC Central Index Key (up to 10 digits).
    #[arg(long, value_name = "N", value_parser = parse_cik)]
    cik: Option<String>,
    /// The largest input accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub(crate) max_input_size: u64,
    /// Treat diagnostics (footing, unmapped rows, no CIK) as fatal: exit 1, write nothing.
    #[arg(long)]
    pub(crate) deny_warnings: bool,
    /// All or nothing: a fault in one table, column, row or fact fails the release (exit 2)
    /// instead of quarantining that unit and converting the rest (exit 3).
    #[arg(long)]
    pub(crate) strict: bool,
    /// The prefix of the filer's extension concepts in a report package (default: the
    /// ticker in lower case, else `cik` and the CIK, else `ext`).
    #[arg(long, value_name = "PREFIX", value_parser = parse_prefix)]
    extension_prefix: Option<String>,
    /// The namespace of the filer's extension schema in a report package (default:
    /// `http://xbrlify.invalid/PREFIX/YYYYMMDD`, the date the release's period ends).
    #[arg(long, value_name = "URI", value_parser = parse_namespace)]
    extension_namespace: Option<String>,
}

/// The exit code of a release that converted with some units quarantined.
pub(crate) const EXIT_QUARANTINED: u8 = 3;

/// A `--cik`, checked when the arguments are parsed (before any release is read, so a batch
/// fails once rather than at every release) and zero-padded to ten digits.
fn parse_cik(text: &str) -> Result<String, String> {
    xbrlify::normalise_cik(text).map_err(|_| "a CIK is 1 to 10 digits, such as 1234567".into())
}

/// An `--extension-prefix`: an XML name without a colon, not one XBRL or the standard
/// taxonomies use.
fn parse_prefix(text: &str) -> Result<String, String> {
    if xbrlify::extend::valid_prefix(text) {
        Ok(text.to_string())
    } else {
        Err(
            "a prefix is letters, digits, '-', '_' or '.', starting with a letter, and not one \
             the standard taxonomies use (us-gaap, srt, dei, xbrli, link ...)"
                .into(),
        )
    }
}

/// An `--extension-namespace`: an absolute URI, not a standard taxonomy's.
fn parse_namespace(text: &str) -> Result<String, String> {
    let scheme = text.split_once(':').map(|(s, _)| s).unwrap_or_default();
    let absolute = !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !absolute || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("a namespace is an absolute URI without spaces, such as \
                    http://www.example.com/20031231"
            .into());
    }
    if xbrlify::taxonomy::NAMESPACES.iter().any(|n| n.uri == text) {
        return Err(format!("{text} is a standard taxonomy's namespace"));
    }
    Ok(text.to_string())
}

/// The mapping and concept table a run converts with, loaded once.
pub(crate) struct Tables {
    concepts: ConceptTable,
    mapping: Mapping,
    options: Options,
}

/// Why a command ended before its work was done.
pub(crate) enum Stop {
    /// An error: reported on standard error, exit status 2.
    Error(Error),
    /// Whoever reads standard output closed it (`xbrlify inspect R | head`). That is a normal
    /// end for a command-line tool: nothing more is wanted, so the command stops quietly and
    /// exits 0. Files are still written whole or not at all.
    StdoutClosed,
}

impl From<Error> for Stop {
    fn from(e: Error) -> Stop {
        Stop::Error(e)
    }
}

/// Runs the command line; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Stop::StdoutClosed) => ExitCode::SUCCESS,
        Err(Stop::Error(e)) => {
            say(format_args!("{e}"));
            ExitCode::from(2)
        }
    }
}

/// Writes a line on standard error. When standard error cannot be written (its reader closed
/// it) the line is lost, as with a closed standard output, rather than ending the run in a
/// panic as `eprintln!` would.
pub(crate) fn say(line: std::fmt::Arguments<'_>) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

pub(crate) fn io_error(path: &str, what: &str, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot {what}: {e}"))
        .with_location(Location::bare(path, 1, 1))
}

/// Reads a release (`-`: standard input), refusing more than `limit` bytes. Returns the name
/// shown in messages and the bytes.
pub(crate) fn read_release(release: &Path, limit: u64) -> Result<(String, Vec<u8>), Error> {
    let too_big = |name: &str, size: u64| {
        Error::new(
            ErrorKind::Input,
            format!("the input is {size} bytes, more than the limit of {limit} (--max-input-size)"),
        )
        .with_location(Location::bare(name, 1, 1))
    };
    if release == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(limit.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| io_error("<stdin>", "read standard input", e))?;
        if buf.len() as u64 > limit {
            return Err(too_big("<stdin>", buf.len() as u64));
        }
        return Ok(("<stdin>".to_string(), buf));
    }
    let name = release.display().to_string();
    let file = std::fs::File::open(release).map_err(|e| io_error(&name, "read the release", e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limit {
        return Err(too_big(&name, size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&name, "read the release", e))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(&name, bytes.len() as u64));
    }
    Ok((name, bytes))
}

/// Loads the concept table and the mapping the settings name (or the embedded ones).
///
/// They are loaded once per process and live as long as it: never dropped, since freeing a few
/// thousand strings one by one at exit costs a conversion several percent of its time and the
/// operating system reclaims the memory at once.
///
/// `extensions`: whether the conversions need the extension stage (a report package,
/// `inspect --extensions`); other outputs never read it, so it is left out.
pub(crate) fn tables(settings: &Settings, extensions: bool) -> Result<&'static Tables, Error> {
    Ok(Box::leak(Box::new(load_tables(settings, extensions)?)))
}

fn load_tables(settings: &Settings, extensions: bool) -> Result<Tables, Error> {
    let concepts = match &settings.concepts {
        None => ConceptTable::embedded(),
        Some(path) => {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(path)
                .map_err(|e| io_error(&shown, "read the concept table", e))?;
            ConceptTable::parse(&shown, &text)?
        }
    };
    let mapping = match &settings.mapping {
        None => Mapping::embedded(&concepts)?,
        Some(path) => {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(path)
                .map_err(|e| io_error(&shown, "read the mapping file", e))?;
            Mapping::parse(&shown, &text, &concepts)?
        }
    };
    let options = Options {
        cik: settings.cik.clone(),
        strict: settings.strict,
        extension_prefix: settings.extension_prefix.clone(),
        extension_namespace: settings.extension_namespace.clone(),
        without_extensions: !extensions,
    };
    Ok(Tables {
        concepts,
        mapping,
        options,
    })
}

/// Decodes and converts the bytes of a release.
pub(crate) fn convert(
    name: &str,
    bytes: Vec<u8>,
    tables: &Tables,
) -> Result<(Source, Conversion), Error> {
    // UTF-8 bytes become the text without a copy.
    let source = xbrlify::read::decode_owned(name, bytes)?;
    let conversion = xbrlify::convert(&source, &tables.mapping, &tables.concepts, &tables.options)?;
    Ok((source, conversion))
}

fn load(
    release: &Path,
    settings: &Settings,
    tables: &Tables,
) -> Result<(Source, Conversion), Error> {
    let (name, bytes) = read_release(release, settings.max_input_size)?;
    convert(&name, bytes, tables)
}

/// Reads and analyses a release for `inspect`: a release with no fact is shown, not refused.
fn load_analysis(
    release: &Path,
    settings: &Settings,
    tables: &Tables,
) -> Result<(Source, Conversion), Error> {
    let (name, bytes) = read_release(release, settings.max_input_size)?;
    let source = xbrlify::read::decode_owned(&name, bytes)?;
    let conversion = xbrlify::analyse(&source, &tables.mapping, &tables.concepts, &tables.options)?;
    Ok((source, conversion))
}

/// Prints the diagnostics on standard error; returns whether `--deny-warnings` holds the
/// output back.
///
/// # Design
///
/// Standard error is unbuffered: printed one by one, a diagnostic of three lines took several
/// `write` calls, hundreds for a release with many unmapped rows (each a system call, slow on
/// a terminal). They are rendered into one buffer and written at once.
fn report(diagnostics: &[&xbrlify::Diagnostic], deny: bool) -> bool {
    use std::fmt::Write as _;
    if !diagnostics.is_empty() {
        let mut text = String::new();
        for d in diagnostics {
            let _ = writeln!(text, "{d}");
        }
        // A failed write to standard error is ignored: the instance is what the run is for.
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
    deny && !diagnostics.is_empty()
}

fn run(cli: Cli) -> Result<ExitCode, Stop> {
    match cli.command {
        Command::Convert {
            inputs,
            settings,
            output,
            format,
            batch,
        } => {
            if batch.out_dir.is_some() {
                return batch::run(&inputs, &settings, &batch, format);
            }
            let release = match inputs.as_slice() {
                [one] if !one.is_dir() => one,
                [one] => {
                    return Err(usage(format!(
                        "{} is a folder: converting a folder needs --out-dir DIR",
                        one.display()
                    ))
                    .into());
                }
                _ => {
                    return Err(usage(format!(
                        "{} releases given: converting several needs --out-dir DIR",
                        inputs.len()
                    ))
                    .into());
                }
            };
            let tables = tables(&settings, format == format::Format::Package)?;
            let (source, conv) = load(release, &settings, tables)?;
            let diagnostics = format.diagnostics(&source, &conv);
            if report(&diagnostics, settings.deny_warnings) {
                say(format_args!(
                    "error: {} diagnostics and --deny-warnings: nothing written",
                    diagnostics.len()
                ));
                return Ok(ExitCode::from(1));
            }
            let xml = format.write(&source, &conv, tables, output.as_deref())?;
            match output {
                None => write_stdout(&xml)?,
                Some(path) => write_atomically(&path, &xml, Flush::Now)?,
            }
            Ok(match conv.status() {
                xbrlify::Status::Converted => ExitCode::SUCCESS,
                xbrlify::Status::Quarantined => ExitCode::from(EXIT_QUARANTINED),
            })
        }
        Command::Inspect {
            release,
            settings,
            summary: false,
            extensions,
            ..
        } => {
            let tables = tables(&settings, extensions)?;
            let (source, conv) = load_analysis(Path::new(&release), &settings, tables)?;
            let denied = report(
                &conv.diagnostics.iter().collect::<Vec<_>>(),
                settings.deny_warnings,
            );
            if let Some(empty) = conv.emptiness(&source) {
                say(format_args!("{empty}"));
            }
            let text = if extensions {
                xbrlify::inspect::extensions(&source, &conv)
            } else {
                xbrlify::inspect::render(&source, &conv)
            };
            write_stdout(text.as_bytes())?;
            Ok(if denied {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Inspect {
            release,
            settings,
            summary: true,
            more,
            ..
        } => summary(release, &settings, more),
    }
}

pub(crate) fn usage(message: String) -> Error {
    Error::new(ErrorKind::Usage, message)
}

fn summary(release: String, settings: &Settings, more: Vec<String>) -> Result<ExitCode, Stop> {
    // Loaded once, before any release: a mapping that does not load fails the run once.
    let tables = tables(settings, false)?;
    let mut all = xbrlify::inspect::Counts::default();
    let mut primary = xbrlify::inspect::Counts::default();
    let mut failed = 0;
    let mut quarantined = 0;
    let releases: Vec<String> = std::iter::once(release).chain(more).collect();
    for release in releases {
        match load_analysis(Path::new(&release), settings, tables) {
            Ok((source, conv)) => {
                let (a, p) = xbrlify::inspect::coverage(&conv);
                all.merge(a);
                primary.merge(p);
                write_stdout(xbrlify::inspect::summary(&source, &conv).as_bytes())?;
                if let Some(failure) = conv.failure(&source, settings.strict) {
                    failed += 1;
                    say(format_args!("{failure}"));
                } else if !conv.quarantines.is_empty() {
                    quarantined += 1;
                }
            }
            Err(e) => {
                failed += 1;
                say(format_args!("{e}"));
            }
        }
    }
    let text = format!(
        "total: {} cells ({} facts, {} duplicates, {} skipped of which {} derived: {:.1}% reported); \
         primary statements: {} cells ({} derived), {:.1}% reported, {:.1}% of non-derived; \
         {quarantined} with quarantines, {failed} failed\n",
        all.cells,
        all.facts,
        all.duplicates,
        all.skipped,
        all.derived,
        all.reported_percent(),
        primary.cells,
        primary.derived,
        primary.reported_percent(),
        primary.reportable_percent()
    );
    write_stdout(text.as_bytes())?;
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_stdout(bytes: &[u8]) -> Result<(), Stop> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|_| out.flush())
        .map_err(|e| stdout_failed(e, "write standard output"))
}

/// What a failed write to standard output means: the reader closed it ([`Stop::StdoutClosed`]),
/// or an error.
pub(crate) fn stdout_failed(e: std::io::Error, what: &str) -> Stop {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Stop::StdoutClosed
    } else {
        Stop::Error(io_error("<stdout>", what, e))
    }
}

/// Whether [`write_atomically`] makes the new file durable before renaming it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flush {
    /// `fsync` the file before the rename: after a crash the name holds the old file or the
    /// whole new one.
    Now,
    /// Leave flushing to the operating system (batch mode, where an `fsync` per file costs
    /// more than converting it). A killed process still never leaves a part under the name;
    /// a machine crash can.
    Later,
}

/// Writes to a temporary file beside `path`, then renames it over `path`: readers see the old
/// file or the whole new one, never a part.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8], flush: Flush) -> Result<(), Error> {
    let shown = path.display().to_string();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| io_error(&shown, "create a temporary file", e))?;
    tmp.write_all(bytes)
        .and_then(|_| match flush {
            Flush::Now => tmp.as_file().sync_all(),
            Flush::Later => Ok(()),
        })
        .map_err(|e| io_error(&shown, "write the output", e))?;
    tmp.persist(path)
        .map_err(|e| io_error(&shown, "replace the output", e.error))?;
    Ok(())
}
