//! The mapping file, loaded and checked: row labels → concepts, and footing relationships.
//!
//! The mapping file (`taxonomy/us-gaap-2024.toml`, embedded; `--mapping FILE` replaces it)
//! lists `[[row]]` entries matching normalised row labels, optionally only under given section
//! headings, to a concept (with an optional explicit dimension, a sign rule and, for instants in
//! duration columns, which end of the column) or to a reason to skip; and
//! `[[total]]` footing relationships. It is checked against the concept table when loaded:
//! a name the table lacks is an error pointing into the mapping file.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{Error, ErrorKind, Location};
use crate::source::{Source, Span};
use crate::taxonomy::{ConceptTable, ValueKind};

/// The mapping shipped with the binary.
pub const EMBEDDED: &str = include_str!("../../taxonomy/us-gaap-2024.toml");

/// The name errors in the embedded mapping are reported under.
pub const EMBEDDED_NAME: &str = "taxonomy/us-gaap-2024.toml";

/// A concept with its explicit dimension members, if any.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Target {
    /// `prefix:Name` of the concept.
    pub concept: String,
    /// `(axis, member)` pairs, sorted by axis.
    pub dims: Vec<(String, String)>,
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.concept)?;
        for (axis, member) in &self.dims {
            write!(f, "[{axis}={member}]")?;
        }
        Ok(())
    }
}

/// How a row's displayed sign becomes the stored sign.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sign {
    /// Parentheses or a minus mean negative (except under a never-negative concept).
    #[default]
    AsShown,
    /// The label names the negative side of the concept ("Net loss", "Other expense" under an
    /// income-or-expense concept): a row showing no negative number reports magnitudes and is
    /// stored negated; a row that does show parentheses is taken as shown.
    Loss,
    /// Always the opposite of the display ("Decrease (increase) in receivables" under an
    /// increase-positive concept).
    Negate,
}

/// Which date of a duration column an instant concept takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum At {
    /// The column's end ("Cash at end of period", a balance in a highlights table).
    #[default]
    End,
    /// The day before the column's start ("Cash at beginning of period").
    Start,
}

/// A row's concept and how to read its numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowMapping {
    /// The concept and dimensions.
    pub target: Target,
    /// The sign rule.
    pub sign: Sign,
    /// The instant an instant concept takes in a duration column.
    pub at: At,
}

/// What a row maps to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Report the row's cells as facts of this concept.
    Concept(RowMapping),
    /// Do not report the row, for this reason.
    Skip(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    sections: Vec<String>,
    outcome: Outcome,
}

/// One item of a footing relationship.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// +1 or -1.
    pub weight: i8,
    /// The item.
    pub target: Target,
    /// Whether the relationship applies without it (an item a statement may not show).
    pub optional: bool,
}

/// A footing relationship: `total` = Σ weight × item. It applies in a period where the total
/// and every required item are reported and none of the `unless` concepts is (so that
/// alternative layouts of a statement can each state their own identity).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footing {
    /// The total.
    pub total: Target,
    /// The items.
    pub items: Vec<Item>,
    /// Concepts whose presence means another relationship describes the statement.
    pub unless: Vec<Target>,
}

/// A loaded, checked mapping.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// One entry per `[[row]]`.
    entries: Vec<Entry>,
    /// Each normalised label and the entries it names, sorted by label (searched by
    /// bisection). Entries are shared by index, not copied per label: the prebuilt mapping
    /// is decoded at the start of every process, and that costs an allocation per string.
    by_label: Vec<(String, Vec<u32>)>,
    non_negative: Vec<String>,
    footings: Vec<Footing>,
    /// For each concept a relationship totals: the concepts that sum into it, transitively,
    /// and itself (whatever their dimensions). Sorted by total, each list sorted: decoded
    /// as a sequence, where a map and sets would insert (and compare) element by element.
    parts: Vec<(String, Vec<String>)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    #[serde(default)]
    non_negative: Vec<Spanned<String>>,
    #[serde(default)]
    row: Vec<RawRow>,
    #[serde(default)]
    total: Vec<RawTotal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRow {
    #[serde(default)]
    sections: Vec<String>,
    labels: Spanned<Vec<Spanned<String>>>,
    concept: Option<Spanned<String>>,
    axis: Option<Spanned<String>>,
    member: Option<Spanned<String>>,
    skip: Option<String>,
    sign: Option<Spanned<String>>,
    at: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTotal {
    total: Spanned<String>,
    items: Vec<Spanned<String>>,
    #[serde(default)]
    unless: Vec<Spanned<String>>,
}

/// The longest parenthetical (in characters) that label matching drops.
const MAX_PARENTHETICAL: usize = 80;

/// Parenthesised words that qualify a label or heading without changing what it names.
const QUALIFIERS: &[&str] = &[
    "unaudited",
    "audited",
    "restated",
    "see note",
    "see notes",
    "note",
    "notes",
];

/// `key.split_once(phrase)` for a phrase starting with a space, without setting up a general
/// substring searcher for a label of a few dozen bytes.
fn split_once<'k>(key: &'k str, phrase: &str) -> Option<(&'k str, &'k str)> {
    let (h, n) = (key.as_bytes(), phrase.as_bytes());
    let (&first, _) = n.split_first()?;
    let last_start = h.len().checked_sub(n.len())?;
    let at = memchr::memchr_iter(first, &h[..=last_start]).find(|&i| h[i..].starts_with(n))?;
    Some((&key[..at], &key[at + n.len()..]))
}

/// Normalises a row label or section heading for matching: lower case, `&` read as "and",
/// footnote markers such as `(1)` and `*` dropped, other punctuation as spaces (except `%`),
/// whitespace collapsed.
pub fn normalise(label: &str) -> String {
    // "Common stock, $.001 par value: 12,000,000 shares authorized; ...": an equity caption's
    // terms follow its first comma and differ from release to release.
    let label = match label.split_once(',') {
        Some((caption, terms))
            if terms
                .as_bytes()
                .windows(b"par value".len())
                .any(|w| w.eq_ignore_ascii_case(b"par value")) =>
        {
            caption
        }
        _ => label,
    };
    // "Series A: 1,150,000 shares designated, issued and outstanding": a class of stock's
    // share counts follow a colon.
    let label = match label.split_once(':') {
        Some((caption, terms))
            if terms.bytes().any(|b| b.is_ascii_digit())
                && terms
                    .as_bytes()
                    .windows(b"shares".len())
                    .any(|w| w.eq_ignore_ascii_case(b"shares")) =>
        {
            caption
        }
        _ => label,
    };
    let mut out = Normalised {
        text: String::with_capacity(label.len()),
        space: false,
    };
    let bytes = label.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII letters, digits and `%` (most of a label) is lower-cased as a whole.
        let run = bytes[i..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'%')
            .count();
        if run > 0 {
            out.push_ascii_lowercase(&label[i..i + run]);
            i += run;
            continue;
        }
        let Some(c) = label[i..].chars().next() else {
            break;
        };
        // "(1)", "(a)", "(12)": footnote markers. The look ahead is bounded by the longest
        // parenthetical dropped, so a label full of unclosed parentheses is still read in
        // linear time.
        if c == '('
            && let Some(close) = label[i + 1..]
                .char_indices()
                .take(MAX_PARENTHETICAL)
                .find(|&(_, c)| c == ')')
                .map(|(j, _)| j)
        {
            let inner = &label[i + 1..i + 1 + close];
            let len = inner.chars().count();
            // "(net of allowance of $57,177)", "(Note 9)": a detail with a number in it, which
            // differs from release to release; "(Unaudited)", "(See Notes)": a qualifier.
            let qualifier = || QUALIFIERS.contains(&inner.trim().to_lowercase().as_str());
            if ((1..=2).contains(&len)
                && (inner.chars().all(|c| c.is_ascii_digit())
                    || (len == 1 && inner.chars().all(|c| c.is_ascii_lowercase()))))
                || inner.chars().any(|c| c.is_ascii_digit())
                || qualifier()
            {
                // Past the `)`: `close` bytes of inner text, then the `)` itself.
                i += 1 + close + 1;
                out.space = true;
                continue;
            }
        }
        if c == '&' {
            out.space = true;
            out.push("and");
            out.space = true;
        } else if c.is_alphanumeric() {
            // Not ASCII: ASCII letters and digits were taken as runs above.
            for l in c.to_lowercase() {
                out.push_char(l);
            }
        } else if c == '\'' || c == '\u{2019}' {
            // "stockholders' equity" → "stockholders equity"
        } else {
            out.space = true;
        }
        i += c.len_utf8();
    }
    out.text
}

/// Normalised text being built: words joined by single spaces, none leading or trailing.
struct Normalised {
    text: String,
    /// A space is due before the next word character.
    space: bool,
}

impl Normalised {
    fn push_char(&mut self, c: char) {
        if std::mem::take(&mut self.space) && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.text.push(c);
    }

    /// `push` of ASCII text, lower-cased.
    fn push_ascii_lowercase(&mut self, s: &str) {
        if std::mem::take(&mut self.space) && !self.text.is_empty() {
            self.text.push(' ');
        }
        let from = self.text.len();
        self.text.push_str(s);
        self.text[from..].make_ascii_lowercase();
    }

    fn push(&mut self, s: &str) {
        for c in s.chars() {
            self.push_char(c);
        }
    }
}

impl Mapping {
    /// The embedded mapping, checked against `concepts`. Against the embedded concept table it
    /// was parsed and checked when the crate was built (the build fails if it does not load),
    /// and is only decoded here.
    pub fn embedded(concepts: &ConceptTable) -> Result<Mapping, Error> {
        if !concepts.is_embedded() {
            return Mapping::parse(EMBEDDED_NAME, EMBEDDED, concepts);
        }
        Mapping::from_bytes(crate::prebuilt::MAPPING).ok_or_else(|| {
            Error::new(
                ErrorKind::Mapping,
                "the mapping prepared by the build does not decode: the build is broken",
            )
            .with_location(Location::bare(EMBEDDED_NAME, 1, 1))
        })
    }

    /// The mapping in the compact binary form the build embeds.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// A mapping from [`Mapping::to_bytes`]; `None` if the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Mapping> {
        postcard::from_bytes(bytes).ok()
    }

    /// Parses and checks a mapping file named `name`.
    pub fn parse(name: &str, text: &str, concepts: &ConceptTable) -> Result<Mapping, Error> {
        let source = Source::new(name, text);
        let at = |span: std::ops::Range<usize>, msg: String| {
            Error::at(
                ErrorKind::Mapping,
                &source,
                Span::new(span.start, span.end),
                msg,
            )
        };
        let raw: RawMapping = toml::from_str(text).map_err(|e| {
            let msg = format!("invalid mapping file: {}", e.message());
            match e.span() {
                Some(span) => at(span, msg),
                None => {
                    Error::new(ErrorKind::Mapping, msg).with_location(Location::bare(name, 1, 1))
                }
            }
        })?;
        let check = |q: &Spanned<String>,
                     want: &[ValueKind],
                     what: &str|
         -> Result<String, Error> {
            let qname = q.get_ref();
            match concepts.get(qname) {
                None => Err(at(
                    q.span(),
                    format!(
                        "unknown concept `{qname}`: it is not in the concept table (taxonomy/concepts.tsv)"
                    ),
                )),
                Some(c) if !want.contains(&c.kind) => Err(at(
                    q.span(),
                    format!(
                        "`{qname}` is a {:?} ({}), not a {what}",
                        c.kind, c.type_name
                    ),
                )),
                Some(_) => Ok(qname.clone()),
            }
        };
        const NUMERIC: &[ValueKind] = &[
            ValueKind::Monetary,
            ValueKind::PerShare,
            ValueKind::Shares,
            ValueKind::Pure,
            ValueKind::Decimal,
        ];
        let mut all: Vec<Entry> = Vec::with_capacity(raw.row.len());
        let mut by_label: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for row in &raw.row {
            let outcome = match (&row.concept, &row.skip) {
                (Some(c), None) => {
                    let concept = check(c, NUMERIC, "numeric item")?;
                    let dims = match (&row.axis, &row.member) {
                        (None, None) => Vec::new(),
                        (Some(a), Some(m)) => vec![(
                            check(a, &[ValueKind::Axis], "dimension (axis)")?,
                            check(m, &[ValueKind::Member], "dimension member")?,
                        )],
                        (Some(a), None) => {
                            return Err(at(a.span(), "`axis` needs a `member`".into()));
                        }
                        (None, Some(m)) => {
                            return Err(at(m.span(), "`member` needs an `axis`".into()));
                        }
                    };
                    let sign = match row.sign.as_ref().map(|s| (s.get_ref().as_str(), s.span())) {
                        None | Some(("as-shown", _)) => Sign::AsShown,
                        Some(("loss", _)) => Sign::Loss,
                        Some(("negate", _)) => Sign::Negate,
                        Some((other, span)) => {
                            return Err(at(
                                span,
                                format!(
                                    "unknown sign rule `{other}`: expected `as-shown`, `loss` or `negate`"
                                ),
                            ));
                        }
                    };
                    let when = match row.at.as_ref().map(|s| (s.get_ref().as_str(), s.span())) {
                        None | Some(("end", _)) => At::End,
                        Some(("start", _)) => At::Start,
                        Some((other, span)) => {
                            return Err(at(
                                span,
                                format!("unknown `at` `{other}`: expected `end` or `start`"),
                            ));
                        }
                    };
                    Outcome::Concept(RowMapping {
                        target: Target { concept, dims },
                        sign,
                        at: when,
                    })
                }
                (None, Some(reason)) => Outcome::Skip(reason.clone()),
                _ => {
                    return Err(at(
                        row.labels.span(),
                        "each [[row]] needs exactly one of `concept` or `skip`".into(),
                    ));
                }
            };
            if row.labels.get_ref().is_empty() {
                return Err(at(row.labels.span(), "`labels` is empty".into()));
            }
            let sections: Vec<String> = row.sections.iter().map(|s| normalise(s)).collect();
            let index = all.len() as u32;
            for label in row.labels.get_ref() {
                let key = normalise(label.get_ref());
                let entries = by_label.entry(key.clone()).or_default();
                if entries
                    .iter()
                    .any(|&e| e == index || all[e as usize].sections == sections)
                {
                    return Err(at(
                        label.span(),
                        format!("label \"{key}\" is mapped twice for the same sections"),
                    ));
                }
                entries.push(index);
            }
            all.push(Entry { sections, outcome });
        }
        let non_negative = raw
            .non_negative
            .iter()
            .map(|q| check(q, NUMERIC, "numeric item"))
            .collect::<Result<Vec<_>, _>>()?;
        let mut footings = Vec::new();
        for t in &raw.total {
            let total = parse_item(t.total.get_ref()).map_err(|m| at(t.total.span(), m))?;
            if total.weight < 0 || total.optional {
                return Err(at(
                    t.total.span(),
                    "a total cannot be negated or optional".into(),
                ));
            }
            let mut items = Vec::new();
            for item in &t.items {
                let parsed = parse_item(item.get_ref()).map_err(|m| at(item.span(), m))?;
                items.push(parsed);
            }
            let mut unless = Vec::new();
            for u in &t.unless {
                let parsed = parse_item(u.get_ref()).map_err(|m| at(u.span(), m))?;
                unless.push(parsed.target);
            }
            let all: Vec<&Target> = std::iter::once(&total.target)
                .chain(items.iter().map(|i| &i.target))
                .chain(unless.iter())
                .collect();
            for target in all {
                let q = |s: &str| Spanned::new(t.total.span(), s.to_string());
                check(&q(&target.concept), NUMERIC, "numeric item").map_err(|_| {
                    at(
                        t.total.span(),
                        format!("unknown concept `{}` in this footing", target.concept),
                    )
                })?;
                for (a, m) in &target.dims {
                    check(&q(a), &[ValueKind::Axis], "dimension")
                        .and_then(|_| check(&q(m), &[ValueKind::Member], "member"))
                        .map_err(|_| {
                            at(
                                t.total.span(),
                                format!("unknown dimension `{a}={m}` in this footing"),
                            )
                        })?;
                }
            }
            footings.push(Footing {
                total: total.target,
                items,
                unless,
            });
        }
        let parts = parts_of(&footings);
        Ok(Mapping {
            entries: all,
            by_label: by_label.into_iter().collect(),
            non_negative,
            footings,
            parts,
        })
    }

    /// Maps a row by its label and the (raw) section headings it sits under.
    pub fn lookup<'a>(
        &self,
        label: &str,
        sections: impl IntoIterator<Item = &'a str>,
    ) -> Option<&Outcome> {
        let key = normalise(label);
        let Some(at) = self.find(&key).or_else(|| self.find_variant(&key)) else {
            return self.section_total(&key, sections);
        };
        if let [only] = self.by_label[at].1.as_slice()
            && let only = &self.entries[*only as usize]
            && only.sections.is_empty()
        {
            // Most labels mean the same under any heading: no section to read.
            return Some(&only.outcome);
        }
        let sections: Vec<String> = sections.into_iter().map(normalise).collect();
        // The innermost section that an entry names decides: "Total" under "Assets" inside
        // "Balance sheet" is the assets total; a bare "Total" under "Current assets" inside
        // "Assets" is the total of current assets, which the mapping knows by that name.
        let bare_total = key == "total" || key == "totals";
        for s in sections.iter().rev() {
            // "Changes in assets and liabilities, net of acquisitions and divestitures" is the
            // heading its words before "net of" name.
            let short = s.split_once(" net of ").map(|(heading, _)| heading);
            if let Some(e) = self.entries_of(at).find(|e| {
                e.sections.contains(s) || short.is_some_and(|h| e.sections.iter().any(|x| x == h))
            }) {
                return Some(&e.outcome);
            }
            if bare_total && let Some(o) = self.section_total(&key, std::iter::once(s.as_str())) {
                return Some(o);
            }
        }
        self.entries_of(at)
            .find(|e| e.sections.is_empty())
            .map(|e| &e.outcome)
    }

    /// A bare "Total" row totals the innermost section it sits under that the mapping knows
    /// as a total: "Total" under "Revenues:" is total revenues.
    fn section_total<'a>(
        &self,
        key: &str,
        sections: impl IntoIterator<Item = &'a str>,
    ) -> Option<&Outcome> {
        if key != "total" && key != "totals" {
            return None;
        }
        let sections: Vec<String> = sections.into_iter().map(normalise).collect();
        sections.iter().rev().find_map(|s| {
            let at = self.find(&format!("total {s}"))?;
            self.entries_of(at)
                .find(|e| e.sections.is_empty())
                .map(|e| &e.outcome)
        })
    }

    /// The entries the `at`-th label names.
    fn entries_of(&self, at: usize) -> impl Iterator<Item = &Entry> {
        self.by_label[at]
            .1
            .iter()
            .map(|&e| &self.entries[e as usize])
    }

    fn find(&self, key: &str) -> Option<usize> {
        self.by_label
            .binary_search_by(|(l, _)| l.as_str().cmp(key))
            .ok()
    }

    /// A label the mapping does not list, read as the label it qualifies: "Less: Interest
    /// expense" is interest expense; "Cost of sales, including buying and occupancy" and
    /// "Accounts receivable, less allowances of $1,210 and $1,104" name the line before their
    /// clause (a receivable "less allowances" is the net receivable). A clause "excluding"
    /// something is never dropped: the amount it qualifies is another measure.
    fn find_variant(&self, key: &str) -> Option<usize> {
        let key = ["less ", "add ", "plus ", "deduct "]
            .iter()
            .find_map(|p| key.strip_prefix(p))
            .unwrap_or(key);
        if let Some(at) = self.find(key) {
            return Some(at);
        }
        if let Some((line, _)) = split_once(key, " including ") {
            return self.find(line);
        }
        let (line, _) = [
            " less allowance",
            " net of allowance",
            " net of reserve",
            " less reserve",
        ]
        .iter()
        .find_map(|clause| split_once(key, clause))?;
        self.find(&format!("{line} net"))
            .or_else(|| self.find(line))
    }

    /// Whether a concept's value is never negative (parentheses are presentation only).
    pub fn is_non_negative(&self, concept: &str) -> bool {
        self.non_negative.iter().any(|c| c == concept)
    }

    /// The footing relationships.
    pub fn footings(&self) -> &[Footing] {
        &self.footings
    }

    /// The concepts that sum into `total`, transitively through other relationships, and
    /// `total` itself; `None` when no relationship totals it.
    pub fn parts(&self, total: &str) -> Option<Parts<'_>> {
        self.parts
            .binary_search_by(|(t, _)| t.as_str().cmp(total))
            .ok()
            .map(|i| Parts(&self.parts[i].1))
    }
}

/// The concepts that sum into a total ([`Mapping::parts`]), sorted.
#[derive(Clone, Copy, Debug)]
pub struct Parts<'m>(&'m [String]);

impl Parts<'_> {
    /// Whether `concept` sums into the total.
    pub fn contains(&self, concept: &str) -> bool {
        self.0.binary_search_by(|c| c.as_str().cmp(concept)).is_ok()
    }
}

fn parts_of(footings: &[Footing]) -> Vec<(String, Vec<String>)> {
    let mut parts: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for rule in footings {
        let total = rule.total.concept.as_str();
        let mut set: BTreeSet<&str> = [total].into();
        loop {
            let before = set.len();
            for other in footings {
                if set.contains(other.total.concept.as_str()) {
                    set.extend(other.items.iter().map(|i| i.target.concept.as_str()));
                }
            }
            if set.len() == before {
                break;
            }
        }
        parts
            .entry(total.to_string())
            .or_default()
            .extend(set.into_iter().map(str::to_string));
    }
    parts
        .into_iter()
        .map(|(total, set)| (total, set.into_iter().collect()))
        .collect()
}

/// Parses `?-us-gaap:Name[axis=member]`: `?` optional, `-` weight -1.
fn parse_item(text: &str) -> Result<Item, String> {
    let (optional, rest) = match text.strip_prefix('?') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (weight, rest) = match rest.strip_prefix('-') {
        Some(r) => (-1, r),
        None => (1, rest.strip_prefix('+').unwrap_or(rest)),
    };
    let (concept, dims) = match rest.split_once('[') {
        None => (rest, Vec::new()),
        Some((c, d)) => {
            let d = d
                .strip_suffix(']')
                .ok_or_else(|| format!("`{text}`: missing `]`"))?;
            let mut dims = Vec::new();
            for pair in d.split(',') {
                let (a, m) = pair
                    .split_once('=')
                    .ok_or_else(|| format!("`{text}`: expected `[axis=member]`"))?;
                dims.push((a.trim().to_string(), m.trim().to_string()));
            }
            dims.sort();
            (c, dims)
        }
    };
    if !concept.contains(':') {
        return Err(format!(
            "`{text}`: expected a prefixed name such as `us-gaap:Revenues`"
        ));
    }
    Ok(Item {
        weight,
        target: Target {
            concept: concept.trim().to_string(),
            dims,
        },
        optional,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising() {
        assert_eq!(
            normalise("Net income/(loss) (GAAP)"),
            "net income loss gaap"
        );
        assert_eq!(
            normalise("Research & development"),
            "research and development"
        );
        assert_eq!(normalise("Gross profit  %"), "gross profit %");
        assert_eq!(normalise("Stockholders' equity"), "stockholders equity");
        assert_eq!(normalise("Total revenues (1)"), "total revenues");
        assert_eq!(normalise("Revenues:"), "revenues");
        assert_eq!(
            normalise(
                "Series B: 2,000,000 shares designated: shares issued and outstanding: 1998, 1,949,726"
            ),
            "series b"
        );
        assert_eq!(
            normalise("Preferred stock: none issued"),
            "preferred stock none issued"
        );
    }

    /// The definition `normalise` implements, written plainly.
    fn reference(label: &str) -> String {
        let mut s = String::new();
        let chars: Vec<char> = label.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '('
                && let Some(close) = chars[i + 1..].iter().position(|&c| c == ')')
            {
                let inner = &chars[i + 1..i + 1 + close];
                if ((1..=2).contains(&inner.len())
                    && (inner.iter().all(|c| c.is_ascii_digit())
                        || (inner.len() == 1 && inner[0].is_ascii_lowercase())))
                    || inner.iter().any(|c| c.is_ascii_digit())
                {
                    i += close + 2;
                    s.push(' ');
                    continue;
                }
            }
            if c == '&' {
                s.push_str(" and ");
            } else if c.is_alphanumeric() || c == '%' {
                s.extend(c.to_lowercase());
            } else if c == '\'' || c == '\u{2019}' {
            } else {
                s.push(' ');
            }
            i += 1;
        }
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn normalising_is_the_reference() {
        for label in [
            "",
            "   ",
            "&",
            "(1)",
            "A&B",
            "  Net income/(loss) (GAAP)  ",
            "Accounts receivable (net of allowance of $57,177)",
            "Total (Note 9) assets (a) (b) (ab) (12) (123)",
            "Unclosed (12",
            "(()) ()(1)x",
            "Émission d'ÉLECTRICITÉ’s (é) (1é)",
            "İstanbul ǅ ß ΣΑΣ",
            "tab\tand\u{a0}nbsp\u{2003}em",
            "100% owned, 5.2% of sales",
        ] {
            assert_eq!(normalise(label), reference(label), "{label:?}");
        }
    }
}
