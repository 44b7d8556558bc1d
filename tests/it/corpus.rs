//! The development corpus: real EDGAR submissions kept outside the repository (in
//! `../shared/corpus`, or where `XBRLIFY_CORPUS` points), by EDGAR accession number.

use std::path::PathBuf;

use crate::root;

/// A corpus release: golden case name, path inside the corpus, EDGAR accession number.
pub struct Release {
    /// Golden files are `golden/<case>.{xml,facts}`.
    pub case: &'static str,
    /// Path relative to the corpus folder.
    pub path: &'static str,
    /// Where anyone can obtain it.
    pub accession: &'static str,
}

/// The development corpus.
pub const RELEASES: &[Release] = &[
    Release {
        case: "southern-2004-q4",
        path: "dev/southern-2004-q4.txt",
        accession: "0000092122-05-000042",
    },
    Release {
        case: "southern-2006-q4",
        path: "dev/southern-2006-q4.txt",
        accession: "0000092122-07-000008",
    },
    Release {
        case: "amazon-1998-junglee",
        path: "dev/amazon-1998-junglee.txt",
        accession: "0000891020-98-001352",
    },
];

/// The corpus folder, when present. Tests that need it print that they were skipped otherwise.
pub fn folder() -> Option<PathBuf> {
    let dir = std::env::var_os("XBRLIFY_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/corpus"));
    dir.is_dir().then_some(dir)
}

/// The corpus folder, or a note on standard error that `what` was skipped.
pub fn folder_or_skip(what: &str) -> Option<PathBuf> {
    let dir = folder();
    if dir.is_none() {
        eprintln!(
            "skipped {what} for {} corpus releases: no corpus folder (../shared/corpus, or set XBRLIFY_CORPUS)",
            RELEASES.len()
        );
    }
    dir
}

#[test]
fn readme_names_every_corpus_release() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for release in RELEASES {
        assert!(
            readme.contains(release.accession),
            "README.md does not give the accession number of {}",
            release.case
        );
    }
}

/// (concept, context id, value, unit, decimals), typed by hand from each release's text.
type Expected = (&'static str, &'static str, &'static str, &'static str, i32);

/// Southern Company, Q4 2004: the income account (in millions) and the financial highlights.
const SOUTHERN_2004: &[Expected] = &[
    (
        "us-gaap:Revenues",
        "D20041001-20041231",
        "2721000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:Revenues",
        "D20040101-20041231",
        "11903000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:UnregulatedOperatingRevenue",
        "D20041001-20041231",
        "117000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:OperatingExpenses",
        "D20041001-20041231",
        "2325000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:OperatingIncomeLoss",
        "D20040101-20041231",
        "2827000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:NonoperatingIncomeExpense",
        "D20041001-20041231",
        "-15000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:IncomeTaxExpenseBenefit",
        "D20041001-20041231",
        "-2000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:NetIncomeLoss",
        "D20041001-20041231",
        "204000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:NetIncomeLoss",
        "D20040101-20041231",
        "1532000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:EarningsPerShareBasic",
        "D20041001-20041231",
        "0.27",
        "USD-per-shares",
        2,
    ),
    (
        "us-gaap:EarningsPerShareBasic",
        "D20040101-20041231",
        "2.07",
        "USD-per-shares",
        2,
    ),
    (
        "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
        "D20040101-20041231",
        "739000000",
        "shares",
        -6,
    ),
    (
        "us-gaap:CommonStockSharesOutstanding",
        "I20041231",
        "741000000",
        "shares",
        -6,
    ),
    (
        "us-gaap:Revenues",
        "D20041001-20041231-ContractWithCustomerSalesChannelAxis-SalesChannelDirectlyToConsumerMember",
        "2194000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:Revenues",
        "D20030101-20031231-ContractWithCustomerSalesChannelAxis-SalesChannelThroughIntermediaryMember",
        "1358000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:RegulatedOperatingRevenueOther",
        "D20040101-20041231",
        "392000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:GainLossOnContractTermination",
        "D20030101-20031231",
        "142000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:GainLossOnContractTermination",
        "D20041001-20041231",
        "0",
        "USD",
        -6,
    ),
];

/// Southern Company, Q4 2006.
const SOUTHERN_2006: &[Expected] = &[
    (
        "us-gaap:Revenues",
        "D20061001-20061231",
        "3152000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:Revenues",
        "D20050101-20051231",
        "13554000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:UtilitiesOperatingExpenseMaintenanceAndOperations",
        "D20061001-20061231",
        "971000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:DepreciationDepletionAndAmortization",
        "D20060101-20061231",
        "1200000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:OperatingExpenses",
        "D20060101-20061231",
        "11132000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:NonoperatingIncomeExpense",
        "D20051001-20051231",
        "-26000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTax",
        "D20060101-20061231",
        "-1000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTax",
        "D20061001-20061231",
        "0",
        "USD",
        -6,
    ),
    (
        "us-gaap:NetIncomeLoss",
        "D20061001-20061231",
        "188000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:NetIncomeLoss",
        "D20050101-20051231",
        "1591000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:EarningsPerShareBasic",
        "D20061001-20061231",
        "0.25",
        "USD-per-shares",
        2,
    ),
    (
        "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
        "D20061001-20061231",
        "745000000",
        "shares",
        -6,
    ),
    (
        "us-gaap:CommonStockSharesOutstanding",
        "I20061231",
        "747000000",
        "shares",
        -6,
    ),
    (
        "us-gaap:Revenues",
        "D20060101-20061231-ContractWithCustomerSalesChannelAxis-SalesChannelDirectlyToConsumerMember",
        "11801000000",
        "USD",
        -6,
    ),
    (
        "us-gaap:Revenues",
        "D20051001-20051231-ContractWithCustomerSalesChannelAxis-SalesChannelThroughIntermediaryMember",
        "429000000",
        "USD",
        -6,
    ),
];

/// Junglee Corp. (in Amazon.com's 8-K): audited statements in whole dollars, the 1996 column
/// from inception (June 3, 1996), and unaudited six-month statements.
const AMAZON_1998: &[Expected] = &[
    (
        "us-gaap:Revenues",
        "D19970101-19971231",
        "1216355",
        "USD",
        0,
    ),
    (
        "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
        "D19970101-19971231-ProductOrServiceAxis-LicenseMember",
        "985495",
        "USD",
        0,
    ),
    (
        "us-gaap:Revenues",
        "D19980101-19980630",
        "1398204",
        "USD",
        0,
    ),
    (
        "us-gaap:OperatingIncomeLoss",
        "D19970101-19971231",
        "-4322012",
        "USD",
        0,
    ),
    (
        "us-gaap:OperatingIncomeLoss",
        "D19980101-19980630",
        "-4314757",
        "USD",
        0,
    ),
    (
        "us-gaap:InvestmentIncomeInterest",
        "D19970101-19971231",
        "156436",
        "USD",
        0,
    ),
    (
        "us-gaap:InterestExpense",
        "D19970101-19971231",
        "30998",
        "USD",
        0,
    ),
    (
        "us-gaap:OtherNonoperatingIncomeExpense",
        "D19960603-19961231",
        "-9712",
        "USD",
        0,
    ),
    (
        "us-gaap:NetIncomeLoss",
        "D19960603-19961231",
        "-742411",
        "USD",
        0,
    ),
    (
        "us-gaap:NetIncomeLoss",
        "D19970101-19970630",
        "-1581681",
        "USD",
        0,
    ),
    ("us-gaap:AssetsCurrent", "I19971231", "2168345", "USD", 0),
    ("us-gaap:Assets", "I19961231", "3788259", "USD", 0),
    (
        "us-gaap:LiabilitiesAndStockholdersEquity",
        "I19971231",
        "3086238",
        "USD",
        0,
    ),
    (
        "us-gaap:CashAndCashEquivalentsAtCarryingValue",
        "I19971231",
        "1576716",
        "USD",
        0,
    ),
    (
        "us-gaap:ShortTermInvestments",
        "I19961231",
        "977957",
        "USD",
        0,
    ),
    (
        "us-gaap:NetCashProvidedByUsedInOperatingActivities",
        "D19970101-19971231",
        "-3883963",
        "USD",
        0,
    ),
    (
        "us-gaap:IncreaseDecreaseInAccountsReceivable",
        "D19970101-19971231",
        "386068",
        "USD",
        0,
    ),
    (
        "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment",
        "D19960603-19961231",
        "335912",
        "USD",
        0,
    ),
    (
        "us-gaap:CashAndCashEquivalentsPeriodIncreaseDecrease",
        "D19970101-19971231",
        "-838484",
        "USD",
        0,
    ),
    (
        "us-gaap:PreferredStockValue",
        "I19971231-StatementClassOfStockAxis-SeriesBPreferredStockMember",
        "5915572",
        "USD",
        0,
    ),
    (
        "us-gaap:PreferredStockValue",
        "I19980630-StatementClassOfStockAxis-SeriesCPreferredStockMember",
        "5023616",
        "USD",
        0,
    ),
    (
        "us-gaap:AccountsReceivableNetCurrent",
        "I19980630-RelatedPartyTransactionsByRelatedPartyAxis-RelatedPartyMember",
        "160975",
        "USD",
        0,
    ),
    (
        "us-gaap:ContractWithCustomerLiabilityCurrent",
        "I19961231-RelatedPartyTransactionsByRelatedPartyAxis-RelatedPartyMember",
        "100000",
        "USD",
        0,
    ),
    (
        "us-gaap:IncreaseDecreaseInDeferredRevenue",
        "D19970101-19971231-RelatedPartyTransactionsByRelatedPartyAxis-RelatedPartyMember",
        "-100000",
        "USD",
        0,
    ),
    (
        "us-gaap:IncreaseDecreaseInAccountsReceivableRelatedParties",
        "D19970101-19971231",
        "128525",
        "USD",
        0,
    ),
    (
        "us-gaap:ProceedsFromConvertibleDebt",
        "D19980101-19980630",
        "2004278",
        "USD",
        0,
    ),
    (
        "us-gaap:ProceedsFromIssuanceOfPreferredStockAndPreferenceStock",
        "D19960603-19961231-StatementClassOfStockAxis-SeriesAPreferredStockMember",
        "566495",
        "USD",
        0,
    ),
    (
        "us-gaap:StockIssued1",
        "D19970101-19971231",
        "149700",
        "USD",
        0,
    ),
];

fn check_release(case: &str, expected: &[Expected], cik: &str) {
    let Some(dir) = folder_or_skip(&format!("the facts of {case}")) else {
        return;
    };
    let release = RELEASES.iter().find(|r| r.case == case).unwrap();
    let (_, conv) = crate::convert_file(&dir.join(release.path), &xbrlify::Options::default())
        .unwrap_or_else(|e| panic!("{case} converts: {e}"));
    assert_eq!(conv.entity.scheme, xbrlify::CIK_SCHEME, "{case}");
    assert_eq!(conv.entity.identifier, cik, "{case}");
    let cik_fact = conv
        .document_facts
        .iter()
        .find(|f| f.concept == "dei:EntityCentralIndexKey")
        .unwrap_or_else(|| panic!("{case}: no dei:EntityCentralIndexKey"));
    assert_eq!(cik_fact.value, cik, "{case}");
    for &(concept, context, value, unit, decimals) in expected {
        let fact = conv
            .facts
            .facts
            .iter()
            .find(|f| f.concept == concept && f.context.id == context)
            .unwrap_or_else(|| panic!("{case}: no {concept} in {context}"));
        assert_eq!(fact.value, value, "{case}: {concept} {context}");
        assert_eq!(
            fact.unit.map(|u| u.id()),
            Some(unit),
            "{case}: {concept} {context}"
        );
        assert_eq!(fact.decimals, Some(decimals), "{case}: {concept} {context}");
    }
}

#[test]
fn southern_2004_facts_typed_from_the_release() {
    check_release("southern-2004-q4", SOUTHERN_2004, "0000092122");
}

#[test]
fn southern_2006_facts_typed_from_the_release() {
    check_release("southern-2006-q4", SOUTHERN_2006, "0000092122");
}

#[test]
fn amazon_1998_facts_typed_from_the_release() {
    check_release("amazon-1998-junglee", AMAZON_1998, "0001018724");
}
