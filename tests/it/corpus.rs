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
/// A fact typed by hand from a release: (concept, context id, value, unit, decimals).
pub type Expected<'a> = (&'a str, &'a str, &'a str, &'a str, i32);

/// Checks that the conversion of `case` has each expected fact with its value, unit and
/// decimals.
pub fn check_facts(case: &str, conv: &xbrlify::Conversion, expected: &[Expected<'_>]) {
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
    check_facts(case, &conv, expected);
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

/// The new development releases, typed by hand from each release's text: every line of one
/// income statement and one balance sheet, one fact a line, `concept context value unit
/// decimals` (the `us-gaap:` prefix left out). A line the mapping has no us-gaap concept for
/// is listed in a `#` comment with its amount, so every line of the statement is accounted
/// for.
struct Typed {
    path: &'static str,
    cik: &'static str,
    facts: &'static str,
}

/// Pericom, fiscal Q1 2004: a double-spaced release; "Three Months Ended" centred over this
/// quarter, the previous quarter and the year-ago quarter; a loss with its tax benefit in
/// parentheses.
const PERICOM_2004_Q1: Typed = Typed {
    path: "dev/pericom-2004-q1.txt",
    cik: "0001001426",
    facts: "
Revenues D20030701-20030930 11072000 USD -3
Revenues D20030401-20030630 11506000 USD -3
Revenues D20020701-20020930 10828000 USD -3
CostOfRevenue D20030701-20030930 7854000 USD -3
CostOfRevenue D20030401-20030630 8027000 USD -3
CostOfRevenue D20020701-20020930 7560000 USD -3
GrossProfit D20030701-20030930 3218000 USD -3
GrossProfit D20030401-20030630 3479000 USD -3
GrossProfit D20020701-20020930 3268000 USD -3
ResearchAndDevelopmentExpense D20030701-20030930 3210000 USD -3
ResearchAndDevelopmentExpense D20030401-20030630 2871000 USD -3
ResearchAndDevelopmentExpense D20020701-20020930 2918000 USD -3
SellingGeneralAndAdministrativeExpense D20030701-20030930 2515000 USD -3
SellingGeneralAndAdministrativeExpense D20030401-20030630 2654000 USD -3
SellingGeneralAndAdministrativeExpense D20020701-20020930 3158000 USD -3
OperatingExpenses D20030701-20030930 5725000 USD -3
OperatingExpenses D20030401-20030630 5525000 USD -3
OperatingExpenses D20020701-20020930 6076000 USD -3
OperatingIncomeLoss D20030701-20030930 -2507000 USD -3
OperatingIncomeLoss D20030401-20030630 -2046000 USD -3
OperatingIncomeLoss D20020701-20020930 -2808000 USD -3
NonoperatingIncomeExpense D20030701-20030930 1061000 USD -3
NonoperatingIncomeExpense D20030401-20030630 1323000 USD -3
NonoperatingIncomeExpense D20020701-20020930 1152000 USD -3
GainLossOnInvestments D20030701-20030930 -9000 USD -3
GainLossOnInvestments D20030401-20030630 116000 USD -3
GainLossOnInvestments D20020701-20020930 -52000 USD -3
IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest D20030701-20030930 -1455000 USD -3
IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest D20030401-20030630 -607000 USD -3
IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest D20020701-20020930 -1708000 USD -3
IncomeTaxExpenseBenefit D20030701-20030930 -655000 USD -3
IncomeTaxExpenseBenefit D20030401-20030630 -237000 USD -3
IncomeTaxExpenseBenefit D20020701-20020930 -786000 USD -3
NetIncomeLoss D20030701-20030930 -800000 USD -3
NetIncomeLoss D20030401-20030630 -370000 USD -3
NetIncomeLoss D20020701-20020930 -922000 USD -3
EarningsPerShareBasicAndDiluted D20030701-20030930 -0.03 USD-per-shares 2
EarningsPerShareBasicAndDiluted D20030401-20030630 -0.01 USD-per-shares 2
EarningsPerShareBasicAndDiluted D20020701-20020930 -0.04 USD-per-shares 2
WeightedAverageNumberOfShareOutstandingBasicAndDiluted D20030701-20030930 25816000 shares -3
WeightedAverageNumberOfShareOutstandingBasicAndDiluted D20030401-20030630 25705000 shares -3
WeightedAverageNumberOfShareOutstandingBasicAndDiluted D20020701-20020930 25730000 shares -3
CashCashEquivalentsAndShortTermInvestments I20030930 147246000 USD -3
CashCashEquivalentsAndShortTermInvestments I20030630 148990000 USD -3
AccountsReceivableNetCurrent I20030930 5616000 USD -3
InventoryNet I20030930 8537000 USD -3
PrepaidExpenseAndOtherAssetsCurrent I20030930 2078000 USD -3
# Deferred income taxes (current) 1,544: no current deferred-tax concept in us-gaap 2024
AssetsCurrent I20030930 165021000 USD -3
AssetsCurrent I20030630 165957000 USD -3
PropertyPlantAndEquipmentNet I20030930 5997000 USD -3
# Investment in and advances to joint venture 6,575: not mapped
DeferredIncomeTaxAssetsNet I20030930 1085000 USD -3
OtherAssetsNoncurrent I20030930 10954000 USD -3
Assets I20030930 189632000 USD -3
Assets I20030630 190237000 USD -3
AccountsPayableCurrent I20030930 4204000 USD -3
AccruedLiabilitiesCurrent I20030930 3376000 USD -3
LiabilitiesCurrent I20030930 7580000 USD -3
OtherLiabilitiesNoncurrent I20030930 450000 USD -3
Liabilities I20030930 8030000 USD -3
CommonStockValue I20030930 139853000 USD -3
# Retained earnings and other 41,749: retained earnings with other items, no one concept
StockholdersEquity I20030930 181602000 USD -3
LiabilitiesAndStockholdersEquity I20030930 189632000 USD -3
LiabilitiesAndStockholdersEquity I20030630 190237000 USD -3
",
};

/// Pericom, fiscal Q3 2007: quarters and nine months on a 52/53-week calendar (Mar 31, Dec
/// 30, Apr 1); the balance sheet dated "Mar 31,2007" over "(unaudited)  (1)".
const PERICOM_2007_Q3: Typed = Typed {
    path: "dev/pericom-2007-q3.txt",
    cik: "0001001426",
    facts: "
Revenues D20061231-20070331 30182000 USD -3
Revenues D20061001-20061230 30842000 USD -3
Revenues D20060702-20070331 91850000 USD -3
Revenues D20050703-20060401 76590000 USD -3
CostOfRevenue D20061231-20070331 19960000 USD -3
GrossProfit D20061231-20070331 10222000 USD -3
ResearchAndDevelopmentExpense D20061231-20070331 4048000 USD -3
SellingGeneralAndAdministrativeExpense D20061231-20070331 5342000 USD -3
RestructuringCharges D20061231-20070331 0 USD -3
RestructuringCharges D20050703-20060401 55000 USD -3
OperatingExpenses D20061231-20070331 9390000 USD -3
OperatingIncomeLoss D20061231-20070331 832000 USD -3
NonoperatingIncomeExpense D20061231-20070331 2496000 USD -3
GainLossOnInvestments D20061231-20070331 -5000 USD -3
GainLossOnInvestments D20060702-20070331 -6000 USD -3
IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest D20061231-20070331 3323000 USD -3
IncomeTaxExpenseBenefit D20061231-20070331 788000 USD -3
# Minority interest in income (loss) in consolidated subsidiary: shown by its effect on net
# income, (7) deducted is the minority's income of 7; 93 added, its share of a loss
NetIncomeLossAttributableToNoncontrollingInterest D20061231-20070331 7000 USD -3
NetIncomeLossAttributableToNoncontrollingInterest D20050703-20060401 -93000 USD -3
IncomeLossFromEquityMethodInvestments D20061231-20070331 86000 USD -3
NetIncomeLoss D20061231-20070331 2614000 USD -3
NetIncomeLoss D20060702-20070331 6495000 USD -3
EarningsPerShareBasic D20061231-20070331 0.10 USD-per-shares 2
EarningsPerShareDiluted D20061231-20070331 0.10 USD-per-shares 2
EarningsPerShareDiluted D20060702-20070331 0.24 USD-per-shares 2
WeightedAverageNumberOfSharesOutstandingBasic D20061231-20070331 26109000 shares -3
WeightedAverageNumberOfDilutedSharesOutstanding D20061231-20070331 26702000 shares -3
CashAndCashEquivalentsAtCarryingValue I20070331 8544000 USD -3
CashAndCashEquivalentsAtCarryingValue I20060701 12577000 USD -3
RestrictedCashCurrent I20070331 302000 USD -3
ShortTermInvestments I20070331 88989000 USD -3
AccountsReceivableNetCurrent I20070331 20604000 USD -3
InventoryNet I20070331 14047000 USD -3
PrepaidExpenseAndOtherAssetsCurrent I20070331 700000 USD -3
# Deferred income taxes (current) 3,672: no current deferred-tax concept in us-gaap 2024
AssetsCurrent I20070331 136858000 USD -3
PropertyPlantAndEquipmentNet I20070331 23294000 USD -3
EquityMethodInvestments I20070331 9656000 USD -3
DeferredIncomeTaxAssetsNet I20070331 4922000 USD -3
# Long-term investment in marketable securities 31,788: not mapped
Goodwill I20070331 1348000 USD -3
IntangibleAssetsNetExcludingGoodwill I20070331 2838000 USD -3
OtherAssetsNoncurrent I20070331 2077000 USD -3
Assets I20070331 212781000 USD -3
Assets I20060701 213686000 USD -3
AccountsPayableCurrent I20070331 11571000 USD -3
AccruedLiabilitiesCurrent I20070331 7094000 USD -3
DebtCurrent I20070331 694000 USD -3
LiabilitiesCurrent I20070331 19359000 USD -3
LongTermDebtNoncurrent I20070331 1323000 USD -3
DeferredIncomeTaxLiabilitiesNet I20070331 1288000 USD -3
OtherLiabilitiesNoncurrent I20070331 3000 USD -3
MinorityInterest I20070331 1006000 USD -3
Liabilities I20070331 22979000 USD -3
CommonStocksIncludingAdditionalPaidInCapital I20070331 136955000 USD -3
# Retained earnings and other comprehensive loss 52,847: two balances in one line
StockholdersEquity I20070331 189802000 USD -3
LiabilitiesAndStockholdersEquity I20070331 212781000 USD -3
",
};

/// Horizon Financial, fiscal Q1 2007: a savings bank's quarter; title and scale lines that run
/// on into the column words, a header set off from its dates by a blank line, a stock caption
/// over eight lines, share counts printed whole under "(in 000s, except per share data)".
const HORIZON_2007_Q1: Typed = Typed {
    path: "dev/horizonfinancial-2007-q1.txt",
    cik: "0001002682",
    facts: "
InterestAndFeeIncomeLoansAndLeases D20060401-20060630 20170000 USD -3
InterestAndFeeIncomeLoansAndLeases D20060101-20060331 18039000 USD -3
InterestAndFeeIncomeLoansAndLeases D20050401-20050630 14703000 USD -3
InterestAndDividendIncomeSecurities D20060401-20060630 1013000 USD -3
InterestAndDividendIncomeOperating D20060401-20060630 21183000 USD -3
InterestExpenseDeposits D20060401-20060630 6591000 USD -3
InterestExpenseBorrowings D20060401-20060630 1910000 USD -3
InterestExpenseOperating D20060401-20060630 8501000 USD -3
InterestIncomeExpenseNet D20060401-20060630 12682000 USD -3
ProvisionForLoanLeaseAndOtherLosses D20060401-20060630 700000 USD -3
InterestIncomeExpenseAfterProvisionForLoanLoss D20060401-20060630 11982000 USD -3
# Service fees 867; net gains on sales of loans (servicing released 225, retained 5) and of
# investment securities 5: not mapped (two lines would share one concept)
NoninterestIncomeOtherOperatingIncome D20060401-20060630 372000 USD -3
NoninterestIncome D20060401-20060630 1474000 USD -3
LaborAndRelatedExpense D20060401-20060630 3867000 USD -3
OccupancyNet D20060401-20060630 953000 USD -3
OtherNoninterestExpense D20060401-20060630 1338000 USD -3
OtherNoninterestExpense D20060101-20060331 1541000 USD -3
OtherNoninterestExpense D20050401-20050630 1448000 USD -3
InformationTechnologyAndDataProcessing D20060401-20060630 217000 USD -3
InformationTechnologyAndDataProcessing D20050401-20050630 218000 USD -3
AdvertisingExpense D20060401-20060630 175000 USD -3
NoninterestExpense D20060401-20060630 6550000 USD -3
IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest D20060401-20060630 6906000 USD -3
IncomeTaxExpenseBenefit D20060401-20060630 2324000 USD -3
NetIncomeLoss D20060401-20060630 4582000 USD -3
NetIncomeLoss D20050401-20050630 3712000 USD -3
EarningsPerShareBasic D20060401-20060630 0.46 USD-per-shares 2
EarningsPerShareDiluted D20060401-20060630 0.46 USD-per-shares 2
WeightedAverageNumberOfSharesOutstandingBasic D20060401-20060630 9872117 shares 0
WeightedAverageNumberDilutedSharesOutstandingAdjustment D20060401-20060630 86780 shares 0
WeightedAverageNumberOfDilutedSharesOutstanding D20060401-20060630 9958897 shares 0
CashAndDueFromBanks I20060630 33338000 USD -3
InterestBearingDepositsInBanks I20060630 4272000 USD -3
AvailableForSaleSecuritiesDebtSecurities I20060630 59680000 USD -3
HeldToMaturitySecurities I20060630 370000 USD -3
AvailableForSaleSecuritiesDebtSecurities I20060630-FinancialInstrumentAxis-MortgageBackedSecuritiesMember 26066000 USD -3
HeldToMaturitySecurities I20060630-FinancialInstrumentAxis-MortgageBackedSecuritiesMember 390000 USD -3
FederalHomeLoanBankStock I20060630 7247000 USD -3
FinancingReceivableExcludingAccruedInterestBeforeAllowanceForCreditLoss I20060630 1002161000 USD -3
LoansAndLeasesReceivableAllowance I20060630 14854000 USD -3
LoansAndLeasesReceivableNetReportedAmount I20060630 987307000 USD -3
LoansReceivableHeldForSaleAmount I20060630 3442000 USD -3
RealEstateInvestmentsJointVentures I20060630 16968000 USD -3
# Accrued interest and dividends receivable 5,835: not mapped
PropertyPlantAndEquipmentNet I20060630 27718000 USD -3
DeferredIncomeTaxAssetsNet I20060630 2475000 USD -3
IncomeTaxesReceivable I20060630 0 USD -3
IncomeTaxesReceivable I20060331 808000 USD -3
OtherAssetsNoncurrent I20060630 15672000 USD -3
Assets I20060630 1190780000 USD -3
Deposits I20060630 892133000 USD -3
OtherBorrowings I20060630 157135000 USD -3
LoansPayable I20060630 18730000 USD -3
AccountsPayableAndAccruedLiabilitiesCurrentAndNoncurrent I20060630 4789000 USD -3
AdvancePaymentsByBorrowersForTaxesAndInsurance I20060630 188000 USD -3
DeferredCompensationLiabilityCurrentAndNoncurrent I20060630 1877000 USD -3
DeferredCompensationLiabilityCurrentAndNoncurrent I20060331 1883000 USD -3
DeferredCompensationLiabilityCurrentAndNoncurrent I20050630 1840000 USD -3
# Federal income tax payable 1,527: not mapped
Liabilities I20060630 1076379000 USD -3
CommonStockValue I20060630 9828000 USD -3
AdditionalPaidInCapital I20060630 53738000 USD -3
RetainedEarningsAccumulatedDeficit I20060630 47900000 USD -3
AccumulatedOtherComprehensiveIncomeLossNetOfTax I20060630 2935000 USD -3
UnearnedESOPShares I20060630 0 USD -3
UnearnedESOPShares I20050630 72000 USD -3
StockholdersEquity I20060630 114401000 USD -3
LiabilitiesAndStockholdersEquity I20060630 1190780000 USD -3
",
};

/// Horizon Financial, fiscal 2006: the year's statement of income beside the quarter's, the
/// balance sheet under <C> markup whose dates start left of the marks.
const HORIZON_2006_Q4: Typed = Typed {
    path: "dev/horizonfinancial-2006-q4.txt",
    cik: "0001002682",
    facts: "
InterestAndFeeIncomeLoansAndLeases D20050401-20060331 65857000 USD -3
InterestAndFeeIncomeLoansAndLeases D20040401-20050331 48131000 USD -3
InterestAndDividendIncomeSecurities D20050401-20060331 3531000 USD -3
InterestAndDividendIncomeOperating D20050401-20060331 69388000 USD -3
InterestExpenseDeposits D20050401-20060331 19988000 USD -3
InterestExpenseBorrowings D20050401-20060331 4908000 USD -3
InterestExpenseOperating D20050401-20060331 24896000 USD -3
InterestIncomeExpenseNet D20050401-20060331 44492000 USD -3
ProvisionForLoanLeaseAndOtherLosses D20050401-20060331 2575000 USD -3
InterestIncomeExpenseAfterProvisionForLoanLoss D20050401-20060331 41917000 USD -3
# Service fees 3,917; gains on sales of loans 1,040 and 55 and of securities (476): not mapped
NoninterestIncomeOtherOperatingIncome D20050401-20060331 1887000 USD -3
NoninterestIncome D20050401-20060331 6423000 USD -3
LaborAndRelatedExpense D20050401-20060331 14614000 USD -3
OccupancyNet D20050401-20060331 3575000 USD -3
OtherNoninterestExpense D20050401-20060331 5986000 USD -3
OtherNoninterestExpense D20040401-20050331 5232000 USD -3
OtherNoninterestExpense D20060101-20060331 1541000 USD -3
OtherNoninterestExpense D20051001-20051231 1573000 USD -3
OtherNoninterestExpense D20050101-20050331 1397000 USD -3
InformationTechnologyAndDataProcessing D20050401-20060331 887000 USD -3
AdvertisingExpense D20050401-20060331 720000 USD -3
NoninterestExpense D20050401-20060331 25782000 USD -3
IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest D20050401-20060331 22558000 USD -3
IncomeTaxExpenseBenefit D20050401-20060331 6903000 USD -3
NetIncomeLoss D20050401-20060331 15655000 USD -3
NetIncomeLoss D20040401-20050331 13063000 USD -3
EarningsPerShareBasic D20050401-20060331 1.57 USD-per-shares 2
EarningsPerShareDiluted D20050401-20060331 1.56 USD-per-shares 2
WeightedAverageNumberOfSharesOutstandingBasic D20050401-20060331 9937600 shares 0
WeightedAverageNumberDilutedSharesOutstandingAdjustment D20050401-20060331 96676 shares 0
WeightedAverageNumberOfDilutedSharesOutstanding D20050401-20060331 10034276 shares 0
CashAndDueFromBanks I20060331 24190000 USD -3
CashAndDueFromBanks I20051231 25244000 USD -3
CashAndDueFromBanks I20050331 23250000 USD -3
InterestBearingDepositsInBanks I20060331 9439000 USD -3
AvailableForSaleSecuritiesDebtSecurities I20060331 60137000 USD -3
HeldToMaturitySecurities I20060331 370000 USD -3
AvailableForSaleSecuritiesDebtSecurities I20060331-FinancialInstrumentAxis-MortgageBackedSecuritiesMember 23351000 USD -3
HeldToMaturitySecurities I20060331-FinancialInstrumentAxis-MortgageBackedSecuritiesMember 482000 USD -3
FederalHomeLoanBankStock I20060331 7247000 USD -3
FinancingReceivableExcludingAccruedInterestBeforeAllowanceForCreditLoss I20060331 932694000 USD -3
LoansAndLeasesReceivableAllowance I20060331 14184000 USD -3
LoansAndLeasesReceivableAllowance I20050331 11767000 USD -3
LoansAndLeasesReceivableNetReportedAmount I20060331 918510000 USD -3
LoansReceivableHeldForSaleAmount I20060331 5252000 USD -3
RealEstateInvestmentsJointVentures I20060331 16928000 USD -3
# Accrued interest receivable 5,185: not mapped
PropertyPlantAndEquipmentNet I20060331 26317000 USD -3
DeferredIncomeTaxAssetsNet I20060331 2254000 USD -3
IncomeTaxesReceivable I20060331 808000 USD -3
OtherAssetsNoncurrent I20060331 16258000 USD -3
Assets I20060331 1116728000 USD -3
Deposits I20060331 834299000 USD -3
OtherBorrowings I20060331 141561000 USD -3
LoansPayable I20060331 18276000 USD -3
AccountsPayableAndAccruedLiabilitiesCurrentAndNoncurrent I20060331 6919000 USD -3
AdvancePaymentsByBorrowersForTaxesAndInsurance I20060331 467000 USD -3
DeferredCompensationLiabilityCurrentAndNoncurrent I20060331 1883000 USD -3
DeferredCompensationLiabilityCurrentAndNoncurrent I20051231 1877000 USD -3
DeferredCompensationLiabilityCurrentAndNoncurrent I20050331 1821000 USD -3
Liabilities I20060331 1003405000 USD -3
CommonStockValue I20060331 9898000 USD -3
AdditionalPaidInCapital I20060331 54116000 USD -3
RetainedEarningsAccumulatedDeficit I20060331 45991000 USD -3
AccumulatedOtherComprehensiveIncomeLossNetOfTax I20060331 3318000 USD -3
UnearnedESOPShares I20060331 0 USD -3
StockholdersEquity I20060331 113323000 USD -3
LiabilitiesAndStockholdersEquity I20060331 1116728000 USD -3
",
};

fn check_typed(typed: &Typed) {
    let Some(dir) = folder_or_skip(&format!("the facts of {}", typed.path)) else {
        return;
    };
    let expected: Vec<(String, &str, &str, &str, i32)> = typed
        .facts
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            assert_eq!(f.len(), 5, "{l}");
            let decimals = f[4].parse().unwrap();
            (format!("us-gaap:{}", f[0]), f[1], f[2], f[3], decimals)
        })
        .collect();
    let case = typed
        .path
        .trim_start_matches("dev/")
        .trim_end_matches(".txt");
    let (_, conv) = crate::convert_file(&dir.join(typed.path), &xbrlify::Options::default())
        .unwrap_or_else(|e| panic!("{case} converts: {e}"));
    assert_eq!(conv.entity.identifier, typed.cik, "{case}");
    let expected: Vec<Expected<'_>> = expected
        .iter()
        .map(|(c, x, v, u, d)| (c.as_str(), *x, *v, *u, *d))
        .collect();
    check_facts(case, &conv, &expected);
}

#[test]
fn pericom_2004_q1_facts_typed_from_the_release() {
    check_typed(&PERICOM_2004_Q1);
}

#[test]
fn pericom_2007_q3_facts_typed_from_the_release() {
    check_typed(&PERICOM_2007_Q3);
}

#[test]
fn horizon_2007_q1_facts_typed_from_the_release() {
    check_typed(&HORIZON_2007_Q1);
}

#[test]
fn horizon_2006_q4_facts_typed_from_the_release() {
    check_typed(&HORIZON_2006_Q4);
}
