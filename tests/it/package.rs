//! The report package, read back: its files, the extension facts typed by hand from the
//! release, the presentation in the release's row order, calculations that foot in the
//! instance, every extension labelled with a balance its weights agree with, no unmapped row
//! left; goldens of the package's files for the seed and a development release.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

use quick_xml::events::Event;
use rust_decimal::Decimal;
use xbrlify::Options;
use xbrlify::map::Mapping;
use xbrlify::taxonomy::ConceptTable;
use xbrlify::xbrl::package;

use crate::{convert_file, root, seed_path};

/// Converts a release into its report package's files (by path inside the top folder).
fn package_files(path: &Path) -> (xbrlify::Conversion, BTreeMap<String, String>, Vec<u8>) {
    let (source, conv) = convert_file(path, &Options::default()).unwrap();
    let _ = source;
    let concepts = ConceptTable::embedded();
    let mapping = Mapping::embedded(&concepts).unwrap();
    let stem = path.file_stem().unwrap().to_str().unwrap();
    let options = package::Options {
        name: stem.to_string(),
        kind: package::Kind::Xbr,
    };
    let zip = package::write(&conv, &mapping, &options).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.clone())).unwrap();
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        let inner = name
            .strip_prefix(&format!("{stem}/"))
            .unwrap_or_else(|| panic!("{name} is not under the top folder {stem}/"))
            .to_string();
        files.insert(inner, text);
    }
    (conv, files, zip)
}

fn element(e: &quick_xml::events::BytesStart<'_>) -> (String, BTreeMap<String, String>, String) {
    let name = e.name().as_ref().to_string();
    (name, crate::attributes(e), String::new())
}

/// Every element of an XML text: its name and attributes, and its text.
fn elements(xml: &str) -> Vec<(String, BTreeMap<String, String>, String)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out: Vec<(String, BTreeMap<String, String>, String)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                out.push(element(&e));
                open.push(out.len() - 1);
            }
            Event::Empty(e) => out.push(element(&e)),
            Event::Text(t) => {
                if let Some(&i) = open.last() {
                    out[i].2.push_str(&t.borrow().into_inner());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(&i) = open.last() {
                    let name = r.borrow().into_inner().into_owned();
                    let c = match name.as_str() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        _ => "'",
                    };
                    out[i].2.push_str(c);
                }
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The facts of an instance: (concept, context) → (value, decimals).
fn instance_facts(xml: &str) -> BTreeMap<(String, String), (Decimal, Option<i32>)> {
    let mut out = BTreeMap::new();
    for (name, attrs, text) in elements(xml) {
        if let Some(ctx) = attrs.get("contextRef")
            && attrs.contains_key("unitRef")
        {
            let decimals = attrs.get("decimals").and_then(|d| d.parse().ok());
            out.insert(
                (name, ctx.clone()),
                (text.trim().parse::<Decimal>().unwrap(), decimals),
            );
        }
    }
    out
}

/// The concept a locator label names (`loc_us-gaap_Revenues` → `us-gaap:Revenues`).
fn concept_of(locators: &BTreeMap<String, String>, label: &str) -> String {
    let href = &locators[label];
    let (_, id) = href.split_once('#').unwrap();
    let (prefix, name) = id.split_once('_').unwrap();
    format!("{prefix}:{name}")
}

/// An arc: from, to, its attributes.
type Arc = (String, String, BTreeMap<String, String>);

/// The links of a linkbase: role → arcs in document order.
fn links(xml: &str, link: &str) -> BTreeMap<String, Vec<Arc>> {
    let mut out: BTreeMap<String, Vec<_>> = BTreeMap::new();
    let mut role = String::new();
    let mut locators = BTreeMap::new();
    let mut pending = Vec::new();
    for (name, attrs, _) in elements(xml) {
        if name == link {
            role = attrs["xlink:role"].clone();
            out.entry(role.clone()).or_default();
        } else if name == "link:loc" {
            locators.insert(attrs["xlink:label"].clone(), attrs["xlink:href"].clone());
        } else if name.ends_with("Arc") {
            pending.push((role.clone(), attrs));
        }
    }
    for (role, attrs) in pending {
        let from = concept_of(&locators, &attrs["xlink:from"]);
        let to = concept_of(&locators, &attrs["xlink:to"]);
        out.get_mut(&role).unwrap().push((from, to, attrs));
    }
    out
}

fn corpus_release(name: &str) -> Option<std::path::PathBuf> {
    crate::corpus::folder_or_skip("report packages of corpus releases")
        .map(|dir| dir.join(format!("dev/{name}.txt")))
}

/// A listing of a package's files for a golden: each file's path, then its text.
fn listing(files: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for (path, text) in files {
        out.push_str(&format!("==> {path} <==\n{text}"));
    }
    out
}

#[test]
fn package_goldens_of_the_seed_and_a_development_release() {
    let (_, files, zip) = package_files(&seed_path());
    crate::golden::check(
        &root().join("golden/atg-2003-q3.package"),
        listing(&files).as_bytes(),
    );
    // The same bytes on every run.
    assert_eq!(package_files(&seed_path()).2, zip);
    let Some(release) = corpus_release("horizonfinancial-2008-q3") else {
        return;
    };
    let (_, files, _) = package_files(&release);
    crate::golden::check(
        &root().join("golden/horizonfinancial-2008-q3.package"),
        listing(&files).as_bytes(),
    );
}

#[test]
fn the_package_holds_the_report_and_its_taxonomy() {
    let (conv, files, _) = package_files(&seed_path());
    let paths: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        paths,
        [
            "META-INF/reportPackage.json",
            "reports/atg-2003-q3.xbrl",
            "reports/atg-2003-q3.xsd",
            "reports/atg-2003-q3_cal.xml",
            "reports/atg-2003-q3_def.xml",
            "reports/atg-2003-q3_lab.xml",
            "reports/atg-2003-q3_pre.xml",
        ]
    );
    assert!(
        files["META-INF/reportPackage.json"].contains("https://xbrl.org/report-package/2023/xbr")
    );
    let instance = &files["reports/atg-2003-q3.xbrl"];
    assert!(
        instance.contains(r#"<link:schemaRef xlink:type="simple" xlink:href="atg-2003-q3.xsd"/>"#)
    );
    // The instance's facts are the standalone instance's (the seed has no line to extend).
    let standalone = String::from_utf8(xbrlify::xbrl::write(&conv)).unwrap();
    assert_eq!(instance_facts(instance), instance_facts(&standalone));
    // The standard taxonomies are imported by their official addresses.
    let xsd = &files["reports/atg-2003-q3.xsd"];
    for address in [
        "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd",
        "https://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd",
        "https://xbrl.sec.gov/dei/2024/dei-2024.xsd",
    ] {
        assert!(
            xsd.contains(&format!("schemaLocation=\"{address}\"")),
            "{address}"
        );
    }
    // Product license and services revenue are dimensional: the definition linkbase holds
    // the axis, its domain as default and both members.
    let def = links(&files["reports/atg-2003-q3_def.xml"], "link:definitionLink");
    let arcs: BTreeSet<(String, String, String)> = def
        .values()
        .flatten()
        .map(|(f, t, a)| {
            (
                a["xlink:arcrole"].rsplit('/').next().unwrap().to_string(),
                f.clone(),
                t.clone(),
            )
        })
        .collect();
    for (arcrole, from, to) in [
        (
            "hypercube-dimension",
            "artg:ReportTable",
            "srt:ProductOrServiceAxis",
        ),
        (
            "dimension-default",
            "srt:ProductOrServiceAxis",
            "srt:ProductsAndServicesDomain",
        ),
        (
            "domain-member",
            "srt:ProductsAndServicesDomain",
            "us-gaap:LicenseMember",
        ),
        (
            "domain-member",
            "srt:ProductsAndServicesDomain",
            "us-gaap:ServiceMember",
        ),
        (
            "domain-member",
            "artg:ReportLineItems",
            "us-gaap:CostOfRevenue",
        ),
        (
            "domain-member",
            "artg:ReportLineItems",
            "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
        ),
        ("all", "artg:ReportLineItems", "artg:ReportTable"),
    ] {
        assert!(
            arcs.contains(&(arcrole.to_string(), from.to_string(), to.to_string())),
            "{arcrole} {from} -> {to} in {arcs:?}"
        );
    }
}

#[test]
fn the_presentation_follows_the_release_row_by_row() {
    let (_, files, _) = package_files(&seed_path());
    let pre = links(
        &files["reports/atg-2003-q3_pre.xml"],
        "link:presentationLink",
    );
    let role = pre
        .keys()
        .find(|r| r.ends_with("/CondensedConsolidatedStatementsOfOperations"))
        .expect("a role for the statement of operations");
    // Typed from the seed's statement of operations, top to bottom.
    let expected = [
        (
            "artg:CondensedConsolidatedStatementsOfOperationsAbstract",
            "artg:RevenuesAbstract",
        ),
        (
            "artg:RevenuesAbstract",
            "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
        ),
        ("artg:RevenuesAbstract", "us-gaap:Revenues"),
        (
            "artg:CondensedConsolidatedStatementsOfOperationsAbstract",
            "artg:CostOfRevenuesAbstract",
        ),
        ("artg:CostOfRevenuesAbstract", "us-gaap:CostOfRevenue"),
        (
            "artg:CondensedConsolidatedStatementsOfOperationsAbstract",
            "us-gaap:GrossProfit",
        ),
        (
            "artg:CondensedConsolidatedStatementsOfOperationsAbstract",
            "artg:OperatingExpensesAbstract",
        ),
        (
            "artg:OperatingExpensesAbstract",
            "us-gaap:ResearchAndDevelopmentExpense",
        ),
        (
            "artg:OperatingExpensesAbstract",
            "us-gaap:SellingAndMarketingExpense",
        ),
        (
            "artg:OperatingExpensesAbstract",
            "us-gaap:GeneralAndAdministrativeExpense",
        ),
        (
            "artg:OperatingExpensesAbstract",
            "us-gaap:AllocatedShareBasedCompensationExpense",
        ),
        (
            "artg:OperatingExpensesAbstract",
            "us-gaap:RestructuringCharges",
        ),
        (
            "artg:OperatingExpensesAbstract",
            "us-gaap:OperatingExpenses",
        ),
        (
            "artg:CondensedConsolidatedStatementsOfOperationsAbstract",
            "us-gaap:OperatingIncomeLoss",
        ),
    ];
    let arcs: Vec<(&str, &str)> = pre[role]
        .iter()
        .map(|(f, t, _)| (f.as_str(), t.as_str()))
        .take(expected.len())
        .collect();
    assert_eq!(arcs, expected);
    // Orders count up from 1 under each parent.
    let mut last: BTreeMap<&str, u32> = BTreeMap::new();
    for (from, _, attrs) in &pre[role] {
        let order: u32 = attrs["order"].parse().unwrap();
        assert_eq!(order, last.get(from.as_str()).copied().unwrap_or(0) + 1);
        last.insert(from, order);
    }
}

/// Checks, for a package: every calculation relationship foots in the instance under
/// Calculations 1.1's rounding; every extension concept has a standard label; every weight
/// agrees with the balances of its concepts; every row of a reported table is a fact.
fn check_read_back(path: &Path) {
    let (conv, files, _) = package_files(path);
    let stem = path.file_stem().unwrap().to_str().unwrap();
    let file = |suffix: &str| &files[&format!("reports/{stem}{suffix}")];
    let facts = instance_facts(file(".xbrl"));
    let concepts = ConceptTable::embedded();
    // The extension schema's concepts and their balances.
    let prefix = &conv.extensions.filer.prefix;
    let mut balances: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (name, attrs, _) in elements(file(".xsd")) {
        if name == "xs:element" {
            balances.insert(
                format!("{prefix}:{}", attrs["name"]),
                attrs.get("xbrli:balance").cloned(),
            );
        }
    }
    let balance = |q: &str| -> Option<String> {
        match balances.get(q) {
            Some(b) => b.clone(),
            None => concepts.get(q).and_then(|c| c.balance).map(|b| {
                match b {
                    xbrlify::taxonomy::Balance::Debit => "debit",
                    xbrlify::taxonomy::Balance::Credit => "credit",
                }
                .to_string()
            }),
        }
    };
    let cal = links(file("_cal.xml"), "link:calculationLink");
    let mut checked = 0;
    for (role, arcs) in &cal {
        let total = &arcs[0].0;
        let items: Vec<(Decimal, &str)> = arcs
            .iter()
            .map(|(from, to, a)| {
                assert_eq!(from, total, "{role}: one total per role");
                if let (Some(f), Some(t)) = (balance(from), balance(to)) {
                    let same = f == t;
                    assert_eq!(
                        a["weight"] == "1",
                        same,
                        "{stem} {role}: weight {} between {from} ({f}) and {to} ({t})",
                        a["weight"]
                    );
                }
                (a["weight"].parse::<Decimal>().unwrap(), to.as_str())
            })
            .collect();
        let contexts: BTreeSet<&String> = facts.keys().map(|(_, c)| c).collect();
        for ctx in contexts {
            let Some((t, t_dec)) = facts.get(&(total.clone(), ctx.clone())) else {
                continue;
            };
            let present: Vec<_> = items
                .iter()
                .filter_map(|(w, q)| facts.get(&(q.to_string(), ctx.clone())).map(|f| (w, f)))
                .collect();
            if present.is_empty() {
                continue;
            }
            let half = |d: &Option<i32>| xbrlify::facts::half_unit(d.unwrap_or(0));
            let sum: Decimal = present.iter().map(|(w, (v, _))| **w * v).sum();
            let tolerance: Decimal =
                half(t_dec) + present.iter().map(|(_, (_, d))| half(d)).sum::<Decimal>();
            assert!(
                (sum - t).abs() <= tolerance,
                "{stem} {role} {ctx}: {total} = {t}, its items sum to {sum}"
            );
            checked += 1;
        }
    }
    assert!(
        checked > 0 || cal.is_empty(),
        "{stem}: no relationship bound"
    );
    // Every extension concept has a standard label.
    let mut labelled = BTreeSet::new();
    let mut locators = BTreeMap::new();
    let mut resources = BTreeMap::new();
    let lab = elements(file("_lab.xml"));
    for (name, attrs, text) in &lab {
        match name.as_str() {
            "link:loc" => {
                locators.insert(attrs["xlink:label"].clone(), attrs["xlink:href"].clone());
            }
            "link:label" if attrs["xlink:role"] == "http://www.xbrl.org/2003/role/label" => {
                assert!(!text.trim().is_empty(), "{stem}: an empty label");
                resources.insert(attrs["xlink:label"].clone(), text.clone());
            }
            _ => {}
        }
    }
    for (name, attrs, _) in &lab {
        if name == "link:labelArc" && resources.contains_key(&attrs["xlink:to"]) {
            labelled.insert(concept_of(&locators, &attrs["xlink:from"]));
        }
    }
    for concept in balances.keys() {
        assert!(
            labelled.contains(concept),
            "{stem}: {concept} has no standard label"
        );
    }
    // No row of a reported table is left out.
    let unmapped: Vec<_> = conv
        .package_diagnostics(
            &xbrlify::read::decode_owned(&path.display().to_string(), std::fs::read(path).unwrap())
                .unwrap(),
        )
        .into_iter()
        .filter(|d| d.code == xbrlify::error::DiagnosticCode::UnmappedRow)
        .map(|d| d.to_string())
        .collect();
    assert!(unmapped.is_empty(), "{stem}: {unmapped:#?}");
}

#[test]
fn every_package_reads_back_consistent() {
    check_read_back(&seed_path());
    let Some(dir) = crate::corpus::folder_or_skip("report packages of the development releases")
    else {
        return;
    };
    let mut releases: Vec<_> = std::fs::read_dir(dir.join("dev"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    releases.sort();
    for release in releases {
        check_read_back(&release);
    }
}

#[test]
fn extension_facts_are_the_release_s_own_lines() {
    let Some(release) = corpus_release("horizonfinancial-2008-q3") else {
        return;
    };
    let (conv, files, _) = package_files(&release);
    let facts = instance_facts(&files["reports/horizonfinancial-2008-q3.xbrl"]);
    let fact = |concept: &str, ctx: &str| {
        facts
            .get(&(concept.to_string(), ctx.to_string()))
            .map(|(v, _)| v.to_string())
            .unwrap_or_else(|| panic!("no {concept} in {ctx}"))
    };
    // Typed from the release: "Service fees 893 ... 918 ... 823" in the quarters ended
    // Dec 31, 2007, Sept 30, 2007 and Dec 31, 2006, and 2,692 for the nine months.
    assert_eq!(fact("hrzb:ServiceFees", "D20071001-20071231"), "893000");
    assert_eq!(fact("hrzb:ServiceFees", "D20070701-20070930"), "918000");
    assert_eq!(fact("hrzb:ServiceFees", "D20061001-20061231"), "823000");
    assert_eq!(fact("hrzb:ServiceFees", "D20070401-20071231"), "2692000");
    // "Participations sold (49,105)" among the loans at Dec 31, 2007: a negative balance.
    assert_eq!(fact("hrzb:ParticipationsSold", "I20071231"), "-49105000");
    // The loan table's three "Subtotal" lines are three concepts, each with its own amount.
    let subtotals: Vec<String> = conv
        .extensions
        .concepts
        .iter()
        .filter(|c| {
            c.label.ends_with("Subtotal") && c.period_type == xbrlify::taxonomy::PeriodType::Instant
        })
        .map(|c| fact(&format!("hrzb:{}", c.name), "I20071231"))
        .collect();
    for amount in ["152412000", "1056117000", "1208529000"] {
        assert!(
            subtotals.contains(&amount.to_string()),
            "{amount} in {subtotals:?}"
        );
    }
    // Service fees are income: a credit. Data processing has a standard concept, so no
    // extension is made for it.
    let ext = |name: &str| {
        conv.extensions
            .concepts
            .iter()
            .find(|c| c.name == name)
            .unwrap()
    };
    assert!(
        !conv
            .extensions
            .concepts
            .iter()
            .any(|c| c.name == "DataProcessing")
    );
    assert_eq!(
        ext("ServiceFees").balance,
        Some(xbrlify::taxonomy::Balance::Credit)
    );
    assert_eq!(ext("ServiceFees").label, "Service fees");
    // The standalone instance does not hold them.
    let standalone = String::from_utf8(xbrlify::xbrl::write(&conv)).unwrap();
    assert!(!standalone.contains("hrzb:"));
}

#[test]
fn the_cli_writes_a_package_and_lists_its_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::xbrlify_in(
        dir.path(),
        &[
            "convert",
            seed_path().to_str().unwrap(),
            "--format",
            "package",
            "--extension-prefix",
            "acme",
            "-o",
            "report.zip",
        ],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(dir.path().join("report.zip")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut json = String::new();
    archive
        .by_name("report/META-INF/reportPackage.json")
        .unwrap()
        .read_to_string(&mut json)
        .unwrap();
    // A package named .zip is an unconstrained one.
    assert!(
        json.contains("\"https://xbrl.org/report-package/2023\""),
        "{json}"
    );
    let mut xsd = String::new();
    archive
        .by_name("report/reports/report.xsd")
        .unwrap()
        .read_to_string(&mut xsd)
        .unwrap();
    assert!(xsd.contains("xmlns:acme="), "{xsd}");
    let bad = crate::xbrlify_in(
        dir.path(),
        &[
            "convert",
            seed_path().to_str().unwrap(),
            "--format",
            "package",
            "--extension-prefix",
            "us-gaap",
            "-o",
            "x.xbr",
        ],
        b"",
    );
    assert_eq!(bad.status.code(), Some(2));
    let list = crate::xbrlify_in(
        dir.path(),
        &["inspect", "--extensions", seed_path().to_str().unwrap()],
        b"",
    );
    assert!(list.status.success());
    assert!(String::from_utf8_lossy(&list.stdout).starts_with("# 0 extension concepts, 0 facts"));
}
