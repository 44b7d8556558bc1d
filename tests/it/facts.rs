//! Facts of the seed release, typed by hand from its text.

use xbrlify::Options;

use crate::{convert_file, seed_path};

const Q3_03: &str = "D20030701-20030930";
const Q3_02: &str = "D20020701-20020930";
const M9_03: &str = "D20030101-20030930";
const M9_02: &str = "D20020101-20020930";
const LIC: &str = "-ProductOrServiceAxis-LicenseMember";
const SVC: &str = "-ProductOrServiceAxis-ServiceMember";

/// (concept, context id, value, unit, decimals)
const SEED: &[(&str, &str, &str, &str, i32)] = &[
    ("us-gaap:Revenues", Q3_03, "16009000", "USD", -3),
    ("us-gaap:Revenues", Q3_02, "24502000", "USD", -3),
    ("us-gaap:Revenues", M9_03, "56740000", "USD", -3),
    ("us-gaap:Revenues", M9_02, "76977000", "USD", -3),
    (
        "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
        "D20030701-20030930-ProductOrServiceAxis-LicenseMember",
        "5001000",
        "USD",
        -3,
    ),
    (
        "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
        "D20020101-20020930-ProductOrServiceAxis-LicenseMember",
        "36573000",
        "USD",
        -3,
    ),
    (
        "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
        "D20030701-20030930-ProductOrServiceAxis-ServiceMember",
        "11008000",
        "USD",
        -3,
    ),
    (
        "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
        "D20030101-20030930-ProductOrServiceAxis-ServiceMember",
        "34769000",
        "USD",
        -3,
    ),
    (
        "us-gaap:CostOfRevenue",
        "D20030701-20030930-ProductOrServiceAxis-LicenseMember",
        "530000",
        "USD",
        -3,
    ),
    (
        "us-gaap:CostOfRevenue",
        "D20020101-20020930-ProductOrServiceAxis-ServiceMember",
        "25941000",
        "USD",
        -3,
    ),
    ("us-gaap:CostOfRevenue", Q3_03, "5128000", "USD", -3),
    ("us-gaap:CostOfRevenue", M9_02, "29198000", "USD", -3),
    ("us-gaap:GrossProfit", Q3_03, "10881000", "USD", -3),
    ("us-gaap:GrossProfit", M9_03, "39857000", "USD", -3),
    (
        "us-gaap:ResearchAndDevelopmentExpense",
        Q3_02,
        "5419000",
        "USD",
        -3,
    ),
    (
        "us-gaap:SellingAndMarketingExpense",
        M9_03,
        "24431000",
        "USD",
        -3,
    ),
    (
        "us-gaap:GeneralAndAdministrativeExpense",
        M9_02,
        "7777000",
        "USD",
        -3,
    ),
    (
        "us-gaap:AllocatedShareBasedCompensationExpense",
        Q3_03,
        "18000",
        "USD",
        -3,
    ),
    ("us-gaap:RestructuringCharges", Q3_03, "0", "USD", -3),
    ("us-gaap:RestructuringCharges", M9_03, "-5273000", "USD", -3),
    ("us-gaap:RestructuringCharges", M9_02, "-89000", "USD", -3),
    ("us-gaap:OperatingExpenses", Q3_03, "14093000", "USD", -3),
    ("us-gaap:OperatingExpenses", M9_02, "58285000", "USD", -3),
    ("us-gaap:OperatingIncomeLoss", Q3_03, "-3212000", "USD", -3),
    ("us-gaap:OperatingIncomeLoss", M9_03, "-767000", "USD", -3),
    (
        "us-gaap:NonoperatingIncomeExpense",
        M9_02,
        "1849000",
        "USD",
        -3,
    ),
    (
        "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
        M9_03,
        "101000",
        "USD",
        -3,
    ),
    ("us-gaap:IncomeTaxExpenseBenefit", Q3_03, "0", "USD", -3),
    ("us-gaap:IncomeTaxExpenseBenefit", Q3_02, "0", "USD", -3),
    ("us-gaap:IncomeTaxExpenseBenefit", M9_03, "0", "USD", -3),
    ("us-gaap:IncomeTaxExpenseBenefit", M9_02, "0", "USD", -3),
    ("us-gaap:NetIncomeLoss", Q3_03, "-3195000", "USD", -3),
    ("us-gaap:NetIncomeLoss", Q3_02, "-3057000", "USD", -3),
    ("us-gaap:NetIncomeLoss", M9_03, "101000", "USD", -3),
    ("us-gaap:NetIncomeLoss", M9_02, "-8657000", "USD", -3),
    (
        "us-gaap:EarningsPerShareBasic",
        Q3_03,
        "-0.04",
        "USD-per-shares",
        2,
    ),
    (
        "us-gaap:EarningsPerShareBasic",
        M9_03,
        "0.00",
        "USD-per-shares",
        2,
    ),
    (
        "us-gaap:EarningsPerShareBasic",
        M9_02,
        "-0.12",
        "USD-per-shares",
        2,
    ),
    (
        "us-gaap:EarningsPerShareDiluted",
        Q3_02,
        "-0.04",
        "USD-per-shares",
        2,
    ),
    (
        "us-gaap:EarningsPerShareDiluted",
        M9_03,
        "0.00",
        "USD-per-shares",
        2,
    ),
    (
        "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
        Q3_03,
        "72052000",
        "shares",
        -3,
    ),
    (
        "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
        M9_03,
        "71503000",
        "shares",
        -3,
    ),
    (
        "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
        M9_03,
        "73398000",
        "shares",
        -3,
    ),
    (
        "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
        M9_02,
        "69737000",
        "shares",
        -3,
    ),
    (
        "us-gaap:CashCashEquivalentsAndShortTermInvestments",
        "I20030930",
        "46016000",
        "USD",
        -3,
    ),
    (
        "us-gaap:CashCashEquivalentsAndShortTermInvestments",
        "I20021231",
        "68558000",
        "USD",
        -3,
    ),
    (
        "us-gaap:CashCashEquivalentsAndShortTermInvestments",
        "I20020930",
        "72500000",
        "USD",
        -5,
    ),
    (
        "us-gaap:AccountsReceivableNetCurrent",
        "I20030930",
        "12379000",
        "USD",
        -3,
    ),
    (
        "us-gaap:PrepaidExpenseAndOtherAssetsCurrent",
        "I20021231",
        "2489000",
        "USD",
        -3,
    ),
    ("us-gaap:AssetsCurrent", "I20030930", "60566000", "USD", -3),
    (
        "us-gaap:PropertyPlantAndEquipmentNet",
        "I20021231",
        "6998000",
        "USD",
        -3,
    ),
    (
        "us-gaap:OtherAssetsNoncurrent",
        "I20030930",
        "2283000",
        "USD",
        -3,
    ),
    ("us-gaap:Assets", "I20030930", "67119000", "USD", -3),
    ("us-gaap:Assets", "I20021231", "104835000", "USD", -3),
    (
        "us-gaap:AccountsPayableCurrent",
        "I20030930",
        "1970000",
        "USD",
        -3,
    ),
    (
        "us-gaap:AccruedLiabilitiesCurrent",
        "I20021231",
        "18219000",
        "USD",
        -3,
    ),
    (
        "us-gaap:ContractWithCustomerLiabilityCurrent",
        "I20030930",
        "14108000",
        "USD",
        -3,
    ),
    (
        "us-gaap:RestructuringReserveCurrent",
        "I20021231",
        "19819000",
        "USD",
        -3,
    ),
    (
        "us-gaap:LiabilitiesCurrent",
        "I20030930",
        "37021000",
        "USD",
        -3,
    ),
    (
        "us-gaap:RestructuringReserveNoncurrent",
        "I20030930",
        "13184000",
        "USD",
        -3,
    ),
    (
        "us-gaap:StockholdersEquity",
        "I20021231",
        "16023000",
        "USD",
        -3,
    ),
    (
        "us-gaap:LiabilitiesAndStockholdersEquity",
        "I20030930",
        "67119000",
        "USD",
        -3,
    ),
    (
        "us-gaap:LiabilitiesAndStockholdersEquity",
        "I20021231",
        "104835000",
        "USD",
        -3,
    ),
];

#[test]
fn seed_facts_typed_from_the_release() {
    let (_, conv) = convert_file(&seed_path(), &Options::default()).unwrap();
    let facts = &conv.facts.facts;
    assert!(SEED.len() >= 40);
    for &(concept, context, value, unit, decimals) in SEED {
        let matching: Vec<_> = facts
            .iter()
            .filter(|f| f.concept == concept && f.context.id == context)
            .collect();
        assert_eq!(
            matching.len(),
            1,
            "{concept} {context}: expected exactly one fact, found {matching:?}"
        );
        let f = matching[0];
        assert_eq!(f.value, value, "{concept} {context}: value");
        assert_eq!(
            f.unit.map(|u| u.id()),
            Some(unit),
            "{concept} {context}: unit"
        );
        assert_eq!(f.decimals, Some(decimals), "{concept} {context}: decimals");
    }
    // The dimension contexts name the axis and member themselves.
    let lic = facts
        .iter()
        .find(|f| f.context.id == format!("{Q3_03}{LIC}"))
        .unwrap();
    assert_eq!(
        lic.context.dims,
        vec![(
            "srt:ProductOrServiceAxis".to_string(),
            "us-gaap:LicenseMember".to_string()
        )]
    );
    assert!(
        facts
            .iter()
            .any(|f| f.context.id == format!("{Q3_02}{SVC}"))
    );
}

#[test]
fn periods_are_computed_not_assumed() {
    let (_, conv) = convert_file(&seed_path(), &Options::default()).unwrap();
    let f = conv
        .facts
        .facts
        .iter()
        .find(|f| f.concept == "us-gaap:Revenues" && f.context.id == Q3_03)
        .unwrap();
    assert_eq!(f.context.period.to_string(), "2003-07-01..2003-09-30");
    let nine = conv
        .facts
        .facts
        .iter()
        .find(|f| f.concept == "us-gaap:Revenues" && f.context.id == M9_02)
        .unwrap();
    assert_eq!(nine.context.period.to_string(), "2002-01-01..2002-09-30");
}

#[test]
fn every_seed_cell_is_accounted_for() {
    let (_, conv) = convert_file(&seed_path(), &Options::default()).unwrap();
    let cells = &conv.facts.cells;
    assert_eq!(cells.len(), 154);
    let mut facts = 0;
    let mut dups = 0;
    let mut skipped = 0;
    for c in cells {
        match &c.fate {
            xbrlify::facts::Fate::Fact(_) => facts += 1,
            xbrlify::facts::Fate::Duplicate(_) => dups += 1,
            xbrlify::facts::Fate::Skipped(reason) => {
                assert!(!reason.is_empty());
                assert!(
                    c.row.contains('%') || c.row.contains("Percent of total revenues"),
                    "{c:?}"
                );
                skipped += 1;
            }
            xbrlify::facts::Fate::Quarantined(reason) => panic!("quarantined: {reason}"),
        }
    }
    assert_eq!((facts, dups, skipped), (119, 23, 12));
    assert_eq!(conv.facts.facts.len(), 119);
}

/// The document and entity information facts of a conversion: concept and value.
fn dei_facts(conv: &xbrlify::Conversion) -> Vec<(&str, &str)> {
    conv.document_facts
        .iter()
        .map(|f| (f.concept.as_str(), f.value.as_str()))
        .collect()
}

#[test]
fn document_and_entity_information() {
    let (_, conv) = convert_file(
        &seed_path(),
        &Options {
            cik: Some("1234567".into()),
            ..Options::default()
        },
    )
    .unwrap();
    let dei = dei_facts(&conv);
    for expected in [
        ("dei:EntityRegistrantName", "Art Technology Group, Inc."),
        ("dei:TradingSymbol", "ARTG"),
        ("dei:DocumentType", "8-K"),
        ("dei:DocumentPeriodEndDate", "2003-09-30"),
        ("dei:DocumentFiscalYearFocus", "2003"),
        ("dei:DocumentFiscalPeriodFocus", "Q3"),
        ("dei:AmendmentFlag", "false"),
        ("dei:EntityCentralIndexKey", "0001234567"),
    ] {
        assert!(dei.contains(&expected), "{expected:?} not in {dei:?}");
    }
    assert_eq!(conv.entity.scheme, "http://www.sec.gov/CIK");
    assert_eq!(conv.entity.identifier, "0001234567");
    assert!(conv.diagnostics.is_empty(), "{:?}", conv.diagnostics);
}

/// Horizon Financial's 8-K of October 2008 opens with the form's cover, whose "Date of Report
/// (Date of earliest event reported): October 23, 2008" stands over a zip code, a table of no
/// fact: the release reports its fiscal second quarter, ended September 30, 2008 (the fiscal
/// year ends March 31), as the statements' columns say.
#[test]
fn the_document_period_is_the_latest_period_a_fact_reports() {
    let Some(corpus) = crate::corpus::folder_or_skip("the document period of an 8-K's cover")
    else {
        return;
    };
    let path = corpus.join("dev/horizonfinancial-2009-q2.txt");
    let (_, conv) = convert_file(&path, &Options::default()).unwrap();
    let dei = dei_facts(&conv);
    for expected in [
        ("dei:DocumentPeriodEndDate", "2008-09-30"),
        ("dei:DocumentFiscalYearFocus", "2009"),
        ("dei:DocumentFiscalPeriodFocus", "Q2"),
    ] {
        assert!(dei.contains(&expected), "{expected:?} not in {dei:?}");
    }
}

#[test]
fn without_a_cik_the_ticker_identifies_the_entity_with_a_warning() {
    let (_, conv) = convert_file(&seed_path(), &Options::default()).unwrap();
    assert_eq!(conv.entity.identifier, "ARTG");
    assert_eq!(conv.entity.scheme, xbrlify::TICKER_SCHEME);
    assert!(
        conv.document_facts
            .iter()
            .all(|f| f.concept != "dei:EntityCentralIndexKey")
    );
    let codes: Vec<&str> = conv.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["entity-fallback"]);
}

/// Each fact's evidence, read off the seed: total revenues are the sum of license and
/// services revenue and the highlights repeat them; total assets foot but stand only in the
/// balance sheet; the cash balance of 2002-09-30 stands only in the highlights.
#[test]
fn evidence_of_seed_facts() {
    let (_, conv) = convert_file(&seed_path(), &Options::default()).unwrap();
    let of = |concept: &str, context: &str| {
        let i = conv
            .facts
            .facts
            .iter()
            .position(|f| f.concept == concept && f.context.id == context)
            .unwrap_or_else(|| panic!("no {concept} in {context}"));
        conv.evidence[i].describe()
    };
    assert_eq!(
        of("us-gaap:Revenues", "D20030701-20030930"),
        "footed+confirmed"
    );
    assert_eq!(of("us-gaap:Assets", "I20030930"), "footed");
    assert_eq!(
        of(
            "us-gaap:CashCashEquivalentsAndShortTermInvestments",
            "I20020930"
        ),
        "alone"
    );
    assert_eq!(conv.evidence.len(), conv.facts.facts.len());
}
