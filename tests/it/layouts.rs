//! Layouts seen in real releases, as data: `tests/data/layouts/NAME.txt` is a small release and
//! `NAME.facts` every non-dei fact it must give, one a line, tab-separated:
//! `concept[axis=member,...]  period  value  decimals  unit`, in the order of the facts' cells
//! (line, column), then concept (another order passes too). `#` lines are comments (the first says what the case shows);
//! `!` lines assert what facts cannot show:
//!
//! * `!skip ROW REASON [N]`: a skipped cell of a row containing ROW has a reason containing
//!   REASON (with N: exactly N such cells; an empty ROW or REASON matches any);
//! * `!dup ROW N`: exactly N cells of rows containing ROW repeat a fact;
//! * `!diag CODE LINE:COL [PHRASE]`: a diagnostic with that code, place and phrase;
//! * `!nodiag CODE`: no diagnostic with that code;
//! * `!foots CONCEPT N`: exactly N footing checks at totals of CONCEPT foot (empty: any total);
//! * `!error KIND LINE:COL PHRASE`: the release does not convert, with that error.
//!
//! One test runs every case and reports every mismatch. `UPDATE_EXPECT=1 cargo test layouts`
//! rewrites the fact lines, keeping the `#` and `!` lines where they stand.

use xbrlify::check::Verdict;
use xbrlify::error::Diagnostic;
use xbrlify::facts::{Fact, Fate};
use xbrlify::interpret::Period;
use xbrlify::source::Source;
use xbrlify::{Conversion, Error, Options};

use crate::{convert_file, root};

/// A fact as a `.facts` line, after the place of its cell (line, column).
fn fact_line(source: &Source, f: &Fact) -> ((usize, usize), String) {
    let mut concept = f.concept.clone();
    if !f.context.dims.is_empty() {
        let mut dims: Vec<_> = (f.context.dims.iter())
            .map(|(axis, member)| format!("{axis}={member}"))
            .collect();
        dims.sort();
        concept = format!("{concept}[{}]", dims.join(","));
    }
    let period = match f.context.period {
        Period::Instant(d) => d.to_string(),
        Period::Duration { start, end } => format!("{start}/{end}"),
    };
    let decimals = f.decimals.map_or("INF".to_string(), |d| d.to_string());
    let unit = f.unit.map_or("", |u| u.id());
    let at = f.cell.map_or((usize::MAX, 0), |s| {
        let at = source.line_col(s.start);
        (at.line, at.col)
    });
    let line = format!("{concept}\t{period}\t{}\t{decimals}\t{unit}", f.value);
    (at, line)
}

fn is_fact(line: &str) -> bool {
    !line.trim().is_empty() && !line.starts_with('#') && !line.starts_with('!')
}

/// Checks one `!` line against the conversion or its error: why it does not hold, if not.
fn check_bang(line: &str, result: &Result<(Source, Conversion), Error>) -> Option<String> {
    let f: Vec<&str> = line.split('\t').collect();
    let counted = matches!((f[0], f.len()), ("!skip", 4) | ("!dup" | "!foots", 3));
    if counted && f[f.len() - 1].parse::<usize>().is_err() {
        return Some("its last field must be a count".into());
    }
    let count = |i: usize| f.get(i).and_then(|n| n.parse::<usize>().ok());
    let conv = match (result, f[0]) {
        (Err(e), "!error") => {
            let at = e.location().map_or("-".into(), |l| l.at.to_string());
            let ok = f.len() == 4
                && format!("{:?}", e.kind()) == f[1]
                && at == f[2]
                && e.message().contains(f[3]);
            return (!ok).then(|| format!("expected this error, got:\n{e}"));
        }
        (Err(e), _) => return Some(format!("does not convert:\n{e}")),
        (Ok(_), "!error") => return Some("converts, but an error is expected".into()),
        (Ok((_, conv)), _) => conv,
    };
    let cells = || conv.facts.cells.iter().filter(|c| c.row.contains(f[1]));
    let at = |d: &Diagnostic| d.location.as_ref().map_or("-".into(), |l| l.at.to_string());
    let shown = |ds: Vec<&Diagnostic>| {
        let ds = ds
            .iter()
            .map(|d| format!("\n  {} {}: {}", d.code, at(d), d.message));
        ds.collect::<String>()
    };
    match (f[0], f.len()) {
        ("!skip", 3 | 4) => {
            let found = (cells())
                .filter(|c| matches!(&c.fate, Fate::Skipped(r) if r.contains(f[2])))
                .count();
            let ok = count(3).map_or(found > 0, |n| n == found);
            let all: Vec<_> = cells().map(|c| (&c.row, &c.fate)).collect();
            (!ok).then(|| format!("{found} such cells; the rows' cells: {all:?}"))
        }
        ("!dup", 3) => {
            let n = (cells())
                .filter(|c| matches!(c.fate, Fate::Duplicate(_)))
                .count();
            (Some(n) != count(2)).then(|| format!("{n} duplicates"))
        }
        ("!diag", 3 | 4) => {
            let ok = conv.diagnostics.iter().any(|d| {
                d.code == f[1]
                    && at(d) == f[2]
                    && d.message.contains(f.get(3).copied().unwrap_or(""))
            });
            (!ok).then(|| {
                format!(
                    "the diagnostics:{}",
                    shown(conv.diagnostics.iter().collect())
                )
            })
        }
        ("!nodiag", 2) => {
            let found: Vec<_> = conv.diagnostics.iter().filter(|d| d.code == f[1]).collect();
            (!found.is_empty()).then(|| format!("found:{}", shown(found)))
        }
        ("!foots", 3) => {
            let n = (conv.footing.iter())
                .filter(|c| c.verdict == Verdict::Foots)
                .filter(|c| f[1].is_empty() || conv.facts.facts[c.total].concept == f[1])
                .count();
            (Some(n) != count(2)).then(|| format!("{n} foot"))
        }
        _ => Some("not a known `!` line (see tests/it/layouts.rs)".into()),
    }
}

/// `old` with its fact lines replaced by `facts`: a `#` or `!` line above the facts stays on
/// top; one below a fact stays before the fact line it stood before (the same line, else the
/// same concept and period, else the next of them still there).
fn update(old: &[&str], facts: &[String]) -> String {
    let key = |l: &str| l.split('\t').take(2).collect::<Vec<_>>().join("\t");
    let old_facts: Vec<&str> = old.iter().copied().filter(|l| is_fact(l)).collect();
    let mut place = vec![facts.len(); old_facts.len() + 1];
    for (i, l) in old_facts.iter().enumerate().rev() {
        place[i] = (facts.iter().position(|n| n == l))
            .or_else(|| facts.iter().position(|n| key(n) == key(l)))
            .unwrap_or(place[i + 1]);
    }
    let mut before: Vec<Vec<&str>> = vec![Vec::new(); facts.len() + 1];
    let mut next = 0;
    for l in old {
        if is_fact(l) {
            next += 1;
        } else {
            before[if next == 0 { 0 } else { place[next] }].push(l);
        }
    }
    let mut out = String::new();
    for (i, group) in before.iter().enumerate() {
        let fact = facts.get(i).map(String::as_str);
        for l in group.iter().copied().chain(fact) {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

/// A line diff (longest common subsequence): `-` expected, `+` actual.
fn diff(want: &[&str], got: &[String]) -> String {
    let (n, m) = (want.len(), got.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = match want[i] == got[j] {
                true => lcs[i + 1][j + 1] + 1,
                false => lcs[i + 1][j].max(lcs[i][j + 1]),
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < n || j < m {
        if i < n && j < m && want[i] == got[j] {
            (i, j) = (i + 1, j + 1);
        } else if j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
            out += &format!("  - {}\n", want[i]);
            i += 1;
        } else {
            out += &format!("  + {}\n", got[j]);
            j += 1;
        }
    }
    out
}

/// Runs one case: what is wrong with it, nothing when it passes.
fn run(name: &str, updating: bool) -> Vec<String> {
    let dir = root().join("tests/data/layouts");
    let expect_path = dir.join(format!("{name}.facts"));
    let result = convert_file(&dir.join(format!("{name}.txt")), &Options::default());
    let Ok(text) = std::fs::read_to_string(&expect_path) else {
        return vec![format!("no {name}.facts (UPDATE_EXPECT=1 starts one)")];
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut problems = Vec::new();
    if !(lines.first()).is_some_and(|l| l.starts_with("# ") && !l.starts_with("# TODO")) {
        problems.push("the first line must be a `# ` comment saying what the case shows".into());
    }
    for (i, l) in lines.iter().enumerate().filter(|(_, l)| l.starts_with('!')) {
        if let Some(why) = check_bang(l, &result) {
            problems.push(format!("line {}: {l:?}: {why}", i + 1));
        }
    }
    let Ok((source, conv)) = &result else {
        return problems;
    };
    let mut got: Vec<_> = (conv.facts.facts.iter())
        .filter(|f| !f.concept.starts_with("dei:"))
        .map(|f| fact_line(source, f))
        .collect();
    got.sort();
    let got: Vec<String> = got.into_iter().map(|(_, line)| line).collect();
    let want: Vec<&str> = lines.iter().copied().filter(|l| is_fact(l)).collect();
    let (mut want_sorted, mut got_sorted) = (want.clone(), got.clone());
    want_sorted.sort();
    got_sorted.sort();
    // The same facts in another order pass (a duplicate's cell is not always the first one a
    // reader would place it at); UPDATE_EXPECT=1 puts them in the cells' order.
    if want != got && (updating || want_sorted != got_sorted) {
        if updating {
            std::fs::write(&expect_path, update(&lines, &got)).unwrap();
        } else {
            let diff = diff(&want, &got);
            problems.push(format!("facts differ (- expected, + actual):\n{diff}"));
        }
    }
    problems
}

#[test]
fn layout_cases() {
    let dir = root().join("tests/data/layouts");
    let updating = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/data/layouts")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut failures = Vec::new();
    for file in &files {
        if let Some(name) = file.strip_suffix(".facts")
            && !files.contains(&format!("{name}.txt"))
        {
            failures.push(format!("{file}: no {name}.txt beside it"));
        }
        let Some(name) = file.strip_suffix(".txt") else {
            continue;
        };
        let expect_path = dir.join(format!("{name}.facts"));
        if updating && !expect_path.exists() {
            std::fs::write(&expect_path, "# TODO: what the case shows\n").unwrap();
        }
        failures.extend(
            run(name, updating)
                .into_iter()
                .map(|p| format!("{name}: {p}")),
        );
    }
    let cases = files.iter().filter(|n| n.ends_with(".txt")).count();
    assert!(cases > 0, "no cases in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{} problems in {cases} layout cases in tests/data/layouts (if the new output is right: \
         UPDATE_EXPECT=1 cargo test layouts, then review the diff):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
