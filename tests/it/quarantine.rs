//! Faults in one part of a release: that part is quarantined and the rest converts as it
//! would without the fault.
//!
//! Each case edits the seed release (one fault of one kind, or several), and says which units
//! are quarantined (kind and `line:col`) and which facts of the clean seed are lost with them.
//! Every other fact of the clean seed must be written exactly as before, and no fact the clean
//! seed does not have may appear: nothing doubtful is written, nothing sure is lost.

use std::collections::BTreeMap;

use xbrlify::Options;
use xbrlify::error::Unit::{self, *};

use crate::{convert_text, seed_text};

struct Case {
    name: &'static str,
    /// Replacements in the seed: each `from` must occur once.
    edits: &'static [(&'static str, &'static str)],
    /// The units quarantined, in order: kind and `line:col`.
    quarantined: &'static [(Unit, &'static str)],
    /// Facts of the clean seed whose report is quarantined: `concept@context`, where a concept
    /// of `*` stands for every concept in contexts of that period. Each is either not written,
    /// or written from another report of it that agrees with the clean seed's value within
    /// its own rounding (the highlights' "$56.7" million for the statement's 56,740).
    lost: &'static [&'static str],
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    Case {
        name: "malformed number in a balance-sheet row",
        edits: &[(" Accounts receivable, net                      12,379", " Accounts receivable, net                      12,37,9")],
        quarantined: &[(Row, "277:48")],
        lost: &["us-gaap:AccountsReceivableNetCurrent@I20030930", "us-gaap:AccountsReceivableNetCurrent@I20021231"],
    },
    Case {
        name: "highlights contradict the statement; the statement's totals foot",
        edits: &[("Total revenues                    $16.0", "Total revenues                    $17.0")],
        quarantined: &[(Cell, "33:35")],
        lost: &[],
    },
    Case {
        name: "one highlight contradicts two other reports of a balance",
        edits: &[(" marketable securities            $46.0     $72.5     $46.0", " marketable securities            $47.0     $72.5     $46.0")],
        quarantined: &[(Cell, "45:35")],
        lost: &[],
    },
    Case {
        name: "highlights contradict the statement and nothing decides",
        edits: &[(" (GAAP)                           (0.04)    (0.04)", " (GAAP)                           (0.06)    (0.04)")],
        quarantined: &[(Fact, "42:35")],
        lost: &["us-gaap:EarningsPerShareDiluted@D20030701-20030930"],
    },
    Case {
        name: "a column heading with no reporting period",
        edits: &[("Three Months Ended    Nine Months Ended\n                            Sept.", "Three Months Ended    25 Months Ended\n                            Sept.")],
        quarantined: &[(Column, "212:52"), (Column, "212:52")],
        lost: &["*@D20030101-20030930", "*@D20020101-20020930"],
    },
    Case {
        name: "both at once: a bad balance-sheet row and contradicting highlights",
        edits: &[
            (" Accounts receivable, net                      12,379", " Accounts receivable, net                      12,37,9"),
            ("Total revenues                    $16.0", "Total revenues                    $17.0"),
        ],
        quarantined: &[(Row, "277:48"), (Cell, "33:35")],
        lost: &["us-gaap:AccountsReceivableNetCurrent@I20030930", "us-gaap:AccountsReceivableNetCurrent@I20021231"],
    },
];

/// The facts of a conversion: `concept@context` → (value, decimals).
fn facts(text: &str) -> BTreeMap<String, (String, Option<i32>)> {
    let (_, conv) = convert_text("seed.txt", text.as_bytes(), &Options::default())
        .unwrap_or_else(|e| panic!("does not convert:\n{e}"));
    conv.facts
        .facts
        .iter()
        .map(|f| {
            (
                format!("{}@{}", f.concept, f.context.id),
                (f.value.clone(), f.decimals),
            )
        })
        .collect()
}

fn is_lost(key: &str, lost: &[&str]) -> bool {
    lost.iter().any(|l| match l.strip_prefix("*@") {
        Some(period) => key.contains(&format!("@{period}")),
        None => key == *l,
    })
}

/// Whether `after` is another report of `clean`'s value: equal within half a unit of the last
/// digit `after` shows.
fn agrees(clean: &(String, Option<i32>), after: &(String, Option<i32>)) -> bool {
    let (Ok(a), Ok(b)) = (
        clean.0.parse::<rust_decimal::Decimal>(),
        after.0.parse::<rust_decimal::Decimal>(),
    ) else {
        return false;
    };
    let half = xbrlify::facts::half_unit(after.1.unwrap_or(0));
    after.1 <= clean.1 && (a - b).abs() <= half
}

#[test]
fn a_fault_quarantines_its_unit_and_the_rest_converts_as_before() {
    let seed = seed_text();
    let clean = facts(&seed);
    let mut wrong = Vec::new();
    for case in CASES {
        let mut text = seed.clone();
        for (from, to) in case.edits {
            assert_eq!(text.matches(from).count(), 1, "{}: {from:?}", case.name);
            text = text.replacen(from, to, 1);
        }
        let (_, conv) = convert_text("seed.txt", text.as_bytes(), &Options::default())
            .unwrap_or_else(|e| panic!("{}: does not convert:\n{e}", case.name));
        let got: Vec<(Unit, String)> = conv
            .quarantines
            .iter()
            .map(|q| {
                let at = q
                    .error
                    .location()
                    .map(|l| l.at.to_string())
                    .unwrap_or_default();
                (q.unit, at)
            })
            .collect();
        let want: Vec<(Unit, String)> = case
            .quarantined
            .iter()
            .map(|(u, at)| (*u, at.to_string()))
            .collect();
        if got != want {
            wrong.push(format!(
                "{}: quarantined {got:?}, expected {want:?}",
                case.name
            ));
        }
        let after = facts(&text);
        for (key, value) in &clean {
            match (after.get(key), is_lost(key, case.lost)) {
                (Some(v), false) if v == value => {}
                (None, true) => {}
                (Some(v), true) if agrees(value, v) => {}
                (got, lost) => wrong.push(format!(
                    "{}: {key} is {got:?}, expected {}",
                    case.name,
                    if lost {
                        "lost".to_string()
                    } else {
                        format!("{value:?}")
                    }
                )),
            }
        }
        for key in after.keys().filter(|k| !clean.contains_key(*k)) {
            wrong.push(format!(
                "{}: {key} is not a fact of the clean seed",
                case.name
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn strict_stops_at_the_first_fault() {
    let seed = seed_text();
    let strict = Options {
        strict: true,
        ..Options::default()
    };
    for case in CASES {
        let mut text = seed.clone();
        for (from, to) in case.edits {
            text = text.replacen(from, to, 1);
        }
        let err = match convert_text("seed.txt", text.as_bytes(), &strict) {
            Ok(_) => panic!("{}: converted under strict", case.name),
            Err(e) => e,
        };
        let at = err.location().map(|l| l.at.to_string()).unwrap_or_default();
        assert_eq!(at, case.quarantined[0].1, "{}: {err}", case.name);
    }
}

#[test]
fn a_table_too_wide_to_read_is_quarantined_whole() {
    let seed = seed_text();
    let wide = format!(
        "              Three Months Ended September 30,\n{}\n\nUnits sold{}\n\n",
        "      2003".repeat(65),
        "      1,234".repeat(65)
    );
    let text = seed.replacen("    CONTACT:", &format!("{wide}    CONTACT:"), 1);
    let (_, conv) = convert_text("seed.txt", text.as_bytes(), &Options::default()).unwrap();
    let q: Vec<(Unit, String)> = conv
        .quarantines
        .iter()
        .map(|q| (q.unit, q.error.location().unwrap().at.to_string()))
        .collect();
    assert_eq!(q, [(Table, "301:7".to_string())]);
    assert!(
        conv.quarantines[0]
            .error
            .message()
            .contains("a table of 65 columns"),
        "{}",
        conv.quarantines[0].error
    );
    assert_eq!(facts(&text), facts(&seed));
}
