//! HTML releases: small synthetic pages in the layouts EDGAR HTML uses (colspans, numbers spread
//! over cells, rules, indentation), hostile markup that must neither panic nor blow up, and
//! real releases from the corpus (`../shared/corpus/html`), facts typed by hand from them.

use std::time::{Duration, Instant};

use xbrlify::Options;

use crate::corpus::{Expected, folder};

fn convert(name: &str, html: &str) -> xbrlify::Conversion {
    crate::convert_text(name, html.as_bytes(), &Options::default())
        .unwrap_or_else(|e| panic!("{name} converts: {e}"))
        .1
}

/// A web page's statement built of `<div>`s: CSS `display: table-row` / `table-cell` on one
/// table, ARIA roles on the other, with nested `<div>`s and `<span>`s inside the cells (a CSS
/// table has no column spans: each column repeats its heading).
const DIV_TABLES: &str = r#"<!DOCTYPE html>
<html><head><title>Q2 results</title></head><body>
<nav><div class="menu"><div>Investors</div><div>Contact</div></div></nav>
<div class="release">
<p>Acme Robotics Inc. (NASDAQ: ACMR) today reported results for its second quarter.</p>
<div class="title">CONDENSED CONSOLIDATED STATEMENTS OF INCOME</div>
<div class="title">(In thousands, except per share data)</div>
<div style="display: table; width: 100%">
  <div style="display:table-row"><div style="display:table-cell"></div><div style="display:table-cell">Three Months Ended</div><div style="display:table-cell">Three Months Ended</div></div>
  <div style="display:table-row"><div style="display:table-cell"></div><div style="display:table-cell">June 30, 2024</div><div style="display:table-cell">June 30, 2023</div></div>
  <div style="display:table-row"><div style="display: table-cell"><div><span>Revenue</span></div></div><div style="display:table-cell">$ 12,500</div><div style="display:table-cell">$ 10,250</div></div>
  <div style="display:table-row"><div style="display:table-cell">Cost of revenue</div><div style="display:table-cell">7,100</div><div style="display:table-cell">6,000</div></div>
  <div style="display:table-row"><div style="display:table-cell; font-weight: bold">Net income</div><div style="display:table-cell; border-top: 1px solid">1,900</div><div style="display:table-cell; border-top: 1px solid">1,400</div></div>
</div>
<div class="title">CONDENSED CONSOLIDATED BALANCE SHEETS</div>
<div class="title">(In thousands)</div>
<div role="table">
  <div role="row"><div role="columnheader"></div><div role="columnheader">June 30, 2024</div><div role="columnheader">December 31, 2023</div></div>
  <div role="row"><div role="rowheader">Cash and cash equivalents</div><div role="cell">4,321</div><div role="cell">3,210</div></div>
  <div role="row"><div role="rowheader">Total assets</div><div role="cell">20,000</div><div role="cell">18,500</div></div>
</div>
</div></body></html>
"#;

#[test]
fn a_web_page_statement_built_of_divs() {
    let conv = convert("acme.html", DIV_TABLES);
    // Typed from DIV_TABLES above: thousands.
    crate::corpus::check_facts(
        "acme.html",
        &conv,
        &[
            (
                "us-gaap:Revenues",
                "D20240401-20240630",
                "12500000",
                "USD",
                -3,
            ),
            (
                "us-gaap:Revenues",
                "D20230401-20230630",
                "10250000",
                "USD",
                -3,
            ),
            (
                "us-gaap:CostOfRevenue",
                "D20240401-20240630",
                "7100000",
                "USD",
                -3,
            ),
            (
                "us-gaap:CostOfRevenue",
                "D20230401-20230630",
                "6000000",
                "USD",
                -3,
            ),
            (
                "us-gaap:NetIncomeLoss",
                "D20240401-20240630",
                "1900000",
                "USD",
                -3,
            ),
            (
                "us-gaap:NetIncomeLoss",
                "D20230401-20230630",
                "1400000",
                "USD",
                -3,
            ),
            (
                "us-gaap:CashAndCashEquivalentsAtCarryingValue",
                "I20240630",
                "4321000",
                "USD",
                -3,
            ),
            (
                "us-gaap:CashAndCashEquivalentsAtCarryingValue",
                "I20231231",
                "3210000",
                "USD",
                -3,
            ),
            ("us-gaap:Assets", "I20240630", "20000000", "USD", -3),
            ("us-gaap:Assets", "I20231231", "18500000", "USD", -3),
        ],
    );
}

/// A statement the way EDGAR's HTML converters draw it: a spacer column between the label and
/// each number, the `$` and the `)` in cells of their own, headings over two `<tr>`s with a
/// colspan, `&nbsp;` indentation, a border-top rule over the total and unclosed `<td>`s.
const STATEMENT: &str = r#"<!DOCTYPE html>
<HTML><HEAD><TITLE>Release</TITLE><STYLE>td { font-size: 10pt }</STYLE>
<SCRIPT>var x = "<table><tr><td>Revenues</td><td>999</td></tr></table>";</SCRIPT></HEAD>
<BODY>
<P ALIGN=center><B>WIDGET&nbsp;CORP.</B></P>
<P ALIGN=center>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS<BR>(In thousands, except per share data)</P>
<TABLE>
<TR><TD></TD><TD></TD><TD COLSPAN=7 ALIGN=center><FONT>Three Months Ended</FONT></TD></TR>
<TR><TD></TD><TD></TD><TD COLSPAN=3 ALIGN=center>March&nbsp;31,<BR>2004</TD><TD></TD><TD COLSPAN=3 ALIGN=center>March 31,<BR>2003</TD></TR>
<TR><TD>Revenues:</TD></TR>
<TR><TD>&nbsp;&nbsp;&nbsp;Product<TD><TD>$<TD ALIGN=right>1,234<TD><TD><TD>$<TD ALIGN=right>1,000<TD></TR>
<TR><TD>&nbsp;&nbsp;&nbsp;Service<TD><TD><TD ALIGN=right>766<TD><TD><TD><TD ALIGN=right>500<TD></TR>
<TR><TD>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;Total revenues<TD><TD STYLE="border-top: 1px solid black"><TD STYLE="border-top: 1px solid black" ALIGN=right>2,000<TD><TD><TD STYLE="border-top: 1px solid black"><TD STYLE="border-top: 1px solid black" ALIGN=right>1,500<TD></TR>
<TR><TD>Net loss</TD><TD></TD><TD>$</TD><TD ALIGN=right>(45</TD><TD>)</TD><TD></TD><TD>$</TD><TD ALIGN=right>(1,050</TD><TD>)</TD></TR>
<TR><TD>Net loss per share &#151; basic and diluted</TD><TD></TD><TD>$</TD><TD ALIGN=right>(0.01</TD><TD>)</TD><TD></TD><TD>$</TD><TD ALIGN=right>&#8212;</TD><TD></TD></TR>
</TABLE>
</BODY></HTML>
"#;

#[test]
fn an_edgar_html_statement_with_split_numbers_rules_and_indents() {
    let conv = convert("widget.htm", STATEMENT);
    // Typed from STATEMENT above: thousands, three months ended March 31.
    crate::corpus::check_facts(
        "widget.htm",
        &conv,
        &[
            (
                "us-gaap:Revenues",
                "D20040101-20040331",
                "2000000",
                "USD",
                -3,
            ),
            (
                "us-gaap:Revenues",
                "D20030101-20030331",
                "1500000",
                "USD",
                -3,
            ),
            (
                "us-gaap:NetIncomeLoss",
                "D20040101-20040331",
                "-45000",
                "USD",
                -3,
            ),
            (
                "us-gaap:NetIncomeLoss",
                "D20030101-20030331",
                "-1050000",
                "USD",
                -3,
            ),
            (
                "us-gaap:EarningsPerShareBasicAndDiluted",
                "D20040101-20040331",
                "-0.01",
                "USD-per-shares",
                2,
            ),
            // "$ &#8212;": an em dash alone in a statement's cell is a nil amount, zero with
            // the decimals of the row's other numbers.
            (
                "us-gaap:EarningsPerShareBasicAndDiluted",
                "D20030101-20030331",
                "0.00",
                "USD-per-shares",
                2,
            ),
        ],
    );
    // The script's table is not read.
    assert!(!conv.facts.facts.iter().any(|f| f.value.contains("999")));
}

#[test]
fn html_cells_keep_spans_into_the_source() {
    let source = xbrlify::read::decode("widget.htm", STATEMENT.as_bytes()).unwrap();
    let doc = xbrlify::read::read(&source).unwrap();
    let table = &doc.tables[0];
    assert_eq!(table.columns.len(), 2);
    assert_eq!(
        table.columns[0].heading_text(),
        "Three Months Ended March 31, 2004"
    );
    assert_eq!(
        table.scale.as_ref().map(|s| s.text.as_str()),
        Some("(In thousands, except per share data)")
    );
    let total = table
        .rows
        .iter()
        .find(|r| r.label.text == "Total revenues")
        .unwrap();
    assert!(total.ruled, "a border-top over the total rules it");
    assert_eq!(source.slice(total.cells[0].span), "2,000");
    assert_eq!(source.slice(total.label.span), "Total revenues");
    let product = &table.rows[0];
    assert_eq!(product.label.text, "Product");
    assert_eq!(product.sections[0].text, "Revenues");
    let loss = table
        .rows
        .iter()
        .find(|r| r.label.text == "Net loss")
        .unwrap();
    assert!(loss.cells[0].number.negative, "( | 45 | ) is negative");
    assert_eq!(source.slice(loss.cells[1].span), "(1,050");
}

/// Inputs that must not panic, loop or take long: each converts or fails with an error.
#[test]
fn hostile_html_neither_panics_nor_blows_up() {
    let header = "<html><body><p>Statements of Operations (in thousands)</p><table>\
        <tr><td></td><td>Three Months Ended March 31, 2004</td><td>2003</td></tr>";
    let nested = format!(
        "{header}{}<tr><td>Revenues</td><td>1</td><td>2</td></tr></table>",
        "<div><span><font>".repeat(34_000)
    );
    let wide = format!(
        "{header}<tr><td colspan=\"1000000000\">Revenues</td><td colspan=99999999999999999999>1</td><td rowspan=4294967296>2</td></tr></table>"
    );
    let unclosed = format!(
        "{header}{}",
        "<table><tr><td>Revenues<td>1<td>2".repeat(2_000)
    );
    let entities = format!(
        "{header}<tr><td>{}</td><td>1</td><td>2</td></tr></table>",
        "&nbsp;&#151;&#8212;&amp;&bogus;&#xFFFFFFFF;&#0;".repeat(20_000)
    );
    let rows = format!(
        "{header}{}</table>",
        "<tr><td>Revenues<td>1<td>2".repeat(50_000)
    );
    let div_tables = format!(
        "{header}</table>{}Revenues 1 2",
        "<div style=\"display:table\"><div role=\"row\"><div role=\"cell\">".repeat(34_000)
    );
    let bad_attr: Vec<u8> = [
        header.as_bytes(),
        b"<tr><td style=\"padding-left:\xff\xfe9e99pt\" class=\"\x80\x81\">Revenues</td><td>1</td><td>2</td></tr></table>",
    ]
    .concat();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("nested", nested.into_bytes()),
        ("wide", wide.into_bytes()),
        ("unclosed", unclosed.into_bytes()),
        ("entities", entities.into_bytes()),
        ("rows", rows.into_bytes()),
        ("nested-div-tables", div_tables.into_bytes()),
        ("bad-attribute", bad_attr),
        (
            "empty-tags",
            b"<html><table><tr><td></table></html>".to_vec(),
        ),
        ("only-lt", b"<html><<<<<<</<//<!--".to_vec()),
        (
            "pre",
            b"<html><body><pre>\n    Net sales   $ 1,234   $ 1,000\n</body></html>".to_vec(),
        ),
    ];
    for (name, bytes) in cases {
        let start = Instant::now();
        let result = crate::convert_text(&format!("{name}.htm"), &bytes, &Options::default());
        let took = start.elapsed();
        assert!(
            took < Duration::from_secs(20),
            "{name} took {took:?} (result ok: {})",
            result.is_ok()
        );
    }
}

/// NVIDIA's web page of its fiscal 2023 first quarter release: every line of the condensed
/// consolidated statement of income the mapping knows, typed from the page (in millions).
const NVIDIA_Q1: &[Expected] = &[
    (
        "us-gaap:Revenues",
        "D20220131-20220501",
        "8288000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:Revenues",
        "D20210201-20210502",
        "5661000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:CostOfRevenue",
        "D20220131-20220501",
        "2857000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:CostOfRevenue",
        "D20210201-20210502",
        "2032000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:GrossProfit",
        "D20220131-20220501",
        "5431000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:GrossProfit",
        "D20210201-20210502",
        "3629000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:ResearchAndDevelopmentExpense",
        "D20220131-20220501",
        "1618000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:ResearchAndDevelopmentExpense",
        "D20210201-20210502",
        "1153000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:SellingGeneralAndAdministrativeExpense",
        "D20220131-20220501",
        "592000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:SellingGeneralAndAdministrativeExpense",
        "D20210201-20210502",
        "520000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:OperatingExpenses",
        "D20220131-20220501",
        "3563000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:OperatingExpenses",
        "D20210201-20210502",
        "1673000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:OperatingIncomeLoss",
        "D20220131-20220501",
        "1868000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:OperatingIncomeLoss",
        "D20210201-20210502",
        "1956000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:InvestmentIncomeInterest",
        "D20220131-20220501",
        "18000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:InvestmentIncomeInterest",
        "D20210201-20210502",
        "6000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:InterestExpense",
        "D20220131-20220501",
        "68000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:InterestExpense",
        "D20210201-20210502",
        "53000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:NonoperatingIncomeExpense",
        "D20220131-20220501",
        "-63000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:NonoperatingIncomeExpense",
        "D20210201-20210502",
        "88000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:IncomeTaxExpenseBenefit",
        "D20220131-20220501",
        "187000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:IncomeTaxExpenseBenefit",
        "D20210201-20210502",
        "132000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:NetIncomeLoss",
        "D20220131-20220501",
        "1618000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:NetIncomeLoss",
        "D20210201-20210502",
        "1912000000",
        "USD",
        -6,
    ),
    // The balance sheet's lease lines (in millions).
    (
        "us-gaap:OperatingLeaseRightOfUseAsset",
        "I20220501",
        "856000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:OperatingLeaseRightOfUseAsset",
        "I20220130",
        "829000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:OperatingLeaseLiabilityNoncurrent",
        "I20220501",
        "752000000",
        "USD",
        -6,
    ),
];

/// Apple's fiscal 2024 first quarter EX-99.1 (HTML in a whole EDGAR submission): the condensed
/// consolidated balance sheet, every line the mapping knows, typed from the exhibit (in
/// millions).
const APPLE_Q1: &[Expected] = &[
    (
        "us-gaap:CashAndCashEquivalentsAtCarryingValue",
        "I20231230",
        "40760000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:CashAndCashEquivalentsAtCarryingValue",
        "I20230930",
        "29965000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:AccountsReceivableNetCurrent",
        "I20231230",
        "23194000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:AccountsReceivableNetCurrent",
        "I20230930",
        "29508000000",
        "USD",
        -6,
    ),
    ("us-gaap:InventoryNet", "I20231230", "6511000000", "USD", -6),
    ("us-gaap:InventoryNet", "I20230930", "6331000000", "USD", -6),
    (
        "us-gaap:OtherAssetsCurrent",
        "I20231230",
        "13979000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:OtherAssetsCurrent",
        "I20230930",
        "14695000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:AssetsCurrent",
        "I20231230",
        "143692000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:AssetsCurrent",
        "I20230930",
        "143566000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:PropertyPlantAndEquipmentNet",
        "I20231230",
        "43666000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:PropertyPlantAndEquipmentNet",
        "I20230930",
        "43715000000",
        "USD",
        -6,
    ),
    ("us-gaap:Assets", "I20231230", "353514000000", "USD", -6),
    ("us-gaap:Assets", "I20230930", "352583000000", "USD", -6),
    (
        "us-gaap:AccountsPayableCurrent",
        "I20231230",
        "58146000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:AccountsPayableCurrent",
        "I20230930",
        "62611000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:OtherLiabilitiesCurrent",
        "I20231230",
        "54611000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:OtherLiabilitiesCurrent",
        "I20230930",
        "58829000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:ContractWithCustomerLiabilityCurrent",
        "I20231230",
        "8264000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:ContractWithCustomerLiabilityCurrent",
        "I20230930",
        "8061000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:LiabilitiesCurrent",
        "I20231230",
        "133973000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:LiabilitiesCurrent",
        "I20230930",
        "145308000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:Liabilities",
        "I20231230",
        "279414000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:Liabilities",
        "I20230930",
        "290437000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:RetainedEarningsAccumulatedDeficit",
        "I20231230",
        "8242000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:RetainedEarningsAccumulatedDeficit",
        "I20230930",
        "-214000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:AccumulatedOtherComprehensiveIncomeLossNetOfTax",
        "I20231230",
        "-9378000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:AccumulatedOtherComprehensiveIncomeLossNetOfTax",
        "I20230930",
        "-11452000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:StockholdersEquity",
        "I20231230",
        "74100000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:StockholdersEquity",
        "I20230930",
        "62146000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:LiabilitiesAndStockholdersEquity",
        "I20231230",
        "353514000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:LiabilitiesAndStockholdersEquity",
        "I20230930",
        "352583000000",
        "USD",
        -6,
    ),
];

fn corpus_release(path: &str, expected: &[Expected]) {
    let Some(dir) = folder() else {
        eprintln!(
            "skipped the facts of {path}: no corpus folder (../shared/corpus, or set XBRLIFY_CORPUS)"
        );
        return;
    };
    let (_, conv) = crate::convert_file(&dir.join(path), &Options::default())
        .unwrap_or_else(|e| panic!("{path} converts: {e}"));
    crate::corpus::check_facts(path, &conv, expected);
}

#[test]
fn nvidia_web_page_income_statement_typed_from_the_release() {
    corpus_release("html/nvidia-fy2023-q1.html", NVIDIA_Q1);
}

#[test]
fn apple_html_exhibit_balance_sheet_typed_from_the_release() {
    corpus_release("html/apple-2024-q1.txt", APPLE_Q1);
}

/// The 8-K's Inline XBRL cover page tags the filer's name and ticker: they become the dei facts
/// (the release's own text names the company only in prose).
#[test]
fn an_8k_cover_page_gives_the_ticker_and_name() {
    let Some(dir) = folder() else {
        eprintln!("skipped the cover page of Apple's 8-K: no corpus folder");
        return;
    };
    let (source, conv) =
        crate::convert_file(&dir.join("html/apple-2024-q1.txt"), &Options::default()).unwrap();
    let dei = |concept: &str| {
        conv.document_facts
            .iter()
            .find(|f| f.concept == concept)
            .map(|f| (f.value.clone(), f.cell.map(|s| source.slice(s).to_string())))
    };
    assert_eq!(
        dei("dei:TradingSymbol"),
        Some(("AAPL".to_string(), Some("AAPL".to_string())))
    );
    assert_eq!(
        dei("dei:EntityRegistrantName"),
        Some(("Apple Inc.".to_string(), Some("Apple Inc.".to_string())))
    );
    assert_eq!(
        dei("dei:EntityCentralIndexKey").map(|d| d.0),
        Some("0000320193".to_string())
    );
}

/// Caterpillar's statement of results marks lines with raised footnote numbers ("Profit ¹",
/// "— diluted ²") and gives its share counts in millions to one place under a heading about
/// shares: the marks are no part of the labels, and "– Diluted" there is the share count, not
/// the diluted profit per share stated above it. Typed from the release.
const CATERPILLAR_Q1: &[Expected] = &[
    (
        "us-gaap:EarningsPerShareDiluted",
        "D20220101-20220331",
        "2.86",
        "USD-per-shares",
        2,
    ),
    (
        "us-gaap:EarningsPerShareDiluted",
        "D20210101-20210331",
        "2.77",
        "USD-per-shares",
        2,
    ),
    (
        "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
        "D20220101-20220331",
        "538300000",
        "shares",
        -5,
    ),
    (
        "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
        "D20210101-20210331",
        "551400000",
        "shares",
        -5,
    ),
];

#[test]
fn caterpillar_footnote_marks_and_share_counts_in_millions() {
    corpus_release("html/caterpillar-2022-q1.txt", CATERPILLAR_Q1);
}

/// NVIDIA's cash-flow heading wraps over two rows ("Adjustments to reconcile net income to net
/// cash" / "provided by operating activities:"): one heading, so the deferred taxes under it
/// are the cash-flow line. Typed from the release (in millions; "(542)" is a deferred tax
/// benefit).
const NVIDIA_Q1_CASH_FLOW: &[Expected] = &[
    (
        "us-gaap:DeferredIncomeTaxExpenseBenefit",
        "D20220131-20220501",
        "-542000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:DeferredIncomeTaxExpenseBenefit",
        "D20210201-20210502",
        "24000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:DepreciationDepletionAndAmortization",
        "D20220131-20220501",
        "334000000",
        "USD",
        -6,
    ),
];

#[test]
fn nvidia_heading_wrapped_over_two_rows() {
    corpus_release("html/nvidia-fy2023-q1.html", NVIDIA_Q1_CASH_FLOW);
}

/// A heading opened by a raised footnote mark and a no-break space ("⁽¹⁾ Net sales by
/// category:", as Apple sets it) is not indented: it closes the heading above it rather than
/// nesting under it.
#[test]
fn a_footnote_mark_before_a_heading_is_no_indentation() {
    let html = r#"<html><body><p>Apple Inc. (NASDAQ: AAPL) reported results.</p>
<p>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>(In millions)</p>
<table>
<tr><td></td><td>Three Months Ended December 30, 2023</td><td>Three Months Ended December 31, 2022</td></tr>
<tr><td>Net income</td><td>33,916</td><td>29,998</td></tr>
<tr><td>Shares used in computing earnings per share:</td><td></td><td></td></tr>
<tr><td><div style="padding-left:27pt">Basic</div></td><td>15,509</td><td>15,892</td></tr>
<tr><td><span style="position:relative;top:-3pt">(1)</span>&#160;Net sales by category:</td><td></td><td></td></tr>
<tr><td><div style="padding-left:27pt">iPhone</div></td><td>69,702</td><td>65,775</td></tr>
</table></body></html>"#;
    let conv = convert("footnote.htm", html);
    let row = conv.document.tables[0]
        .rows
        .iter()
        .find(|r| r.label.text == "iPhone")
        .expect("the iPhone row is read");
    let sections: Vec<&str> = row.sections.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(sections, ["Net sales by category"]);
}
