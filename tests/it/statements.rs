//! Whole statements of the kinds most releases carry, as release files under
//! `tests/data/statements/`, with facts typed by hand from each file and the footing verdicts
//! the release's own arithmetic allows.

use xbrlify::Options;
use xbrlify::check::Verdict;
use xbrlify::facts::Fact;

use crate::{convert_text, root};

fn convert(name: &str) -> xbrlify::Conversion {
    let path = root().join("tests/data/statements").join(name);
    let bytes = std::fs::read(&path).unwrap();
    let (_, conv) = convert_text(name, &bytes, &Options::default())
        .unwrap_or_else(|e| panic!("{name} does not convert:\n{e}"));
    conv
}

fn value(facts: &[Fact], concept: &str, context: &str) -> (String, i32) {
    let f = facts
        .iter()
        .find(|f| f.concept == concept && f.context.id == context)
        .unwrap_or_else(|| panic!("no {concept} in {context}"));
    (f.value.clone(), f.decimals.unwrap())
}

/// Converts the release `name` and checks each of its `expected` facts.
fn convert_checked(name: &str, expected: &[Expected]) -> xbrlify::Conversion {
    let conv = convert(name);
    for &(concept, context, v, decimals) in expected {
        assert_eq!(
            value(&conv.facts.facts, concept, context),
            (v.to_string(), decimals),
            "{concept} {context}"
        );
    }
    conv
}

/// How many of the totals of `concept` foot.
fn footed(conv: &xbrlify::Conversion, concept: &str) -> usize {
    conv.footing
        .iter()
        .filter(|c| conv.facts.facts[c.total].concept == concept && c.verdict == Verdict::Foots)
        .count()
}

/// (concept, context id, value, decimals), typed from the release text.
type Expected = (&'static str, &'static str, &'static str, i32);

const WIDGET: &[Expected] = &[
    ("us-gaap:Revenues", "D20010101-20010331", "52400000", -3),
    (
        "us-gaap:CostOfRevenue",
        "D20000101-20000331",
        "29000000",
        -3,
    ),
    (
        "us-gaap:SellingExpense",
        "D20010101-20010331",
        "6100000",
        -3,
    ),
    (
        "us-gaap:ResearchAndDevelopmentExpense",
        "D20010101-20010331",
        "2900000",
        -3,
    ),
    (
        "us-gaap:BusinessCombinationAcquisitionRelatedCosts",
        "D20010101-20010331",
        "1000000",
        -3,
    ),
    (
        "us-gaap:BusinessCombinationAcquisitionRelatedCosts",
        "D20000101-20000331",
        "0",
        -3,
    ),
    (
        "us-gaap:InterestExpense",
        "D20010101-20010331",
        "400000",
        -3,
    ),
    // Shown as a gain on the income statement and as a deduction in the cash flows: one fact.
    (
        "us-gaap:GainLossOnInvestments",
        "D20010101-20010331",
        "300000",
        -3,
    ),
    (
        "us-gaap:IncomeLossFromContinuingOperations",
        "D20000101-20000331",
        "3900000",
        -3,
    ),
    (
        "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTax",
        "D20010101-20010331",
        "-300000",
        -3,
    ),
    ("us-gaap:NetIncomeLoss", "D20010101-20010331", "4000000", -3),
    (
        "us-gaap:EarningsPerShareBasic",
        "D20010101-20010331",
        "0.40",
        2,
    ),
    (
        "us-gaap:EarningsPerShareDiluted",
        "D20000101-20000331",
        "0.37",
        2,
    ),
    (
        "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
        "D20010101-20010331",
        "10250000",
        -3,
    ),
    (
        "us-gaap:AccountsReceivableNetCurrent",
        "I20010331",
        "30100000",
        -3,
    ),
    (
        "us-gaap:PropertyPlantAndEquipmentNet",
        "I20001231",
        "41200000",
        -3,
    ),
    ("us-gaap:LongTermInvestments", "I20010331", "5000000", -3),
    ("us-gaap:Assets", "I20010331", "124500000", -3),
    (
        "us-gaap:AccruedIncomeTaxesCurrent",
        "I20010331",
        "2100000",
        -3,
    ),
    (
        "us-gaap:DeferredIncomeTaxLiabilitiesNet",
        "I20001231",
        "3000000",
        -3,
    ),
    (
        "us-gaap:OtherLiabilitiesNoncurrent",
        "I20010331",
        "1500000",
        -3,
    ),
    (
        "us-gaap:LiabilitiesAndStockholdersEquity",
        "I20001231",
        "121500000",
        -3,
    ),
    (
        "us-gaap:DeferredIncomeTaxExpenseBenefit",
        "D20010101-20010331",
        "100000",
        -3,
    ),
    (
        "us-gaap:ProvisionForDoubtfulAccounts",
        "D20000101-20000331",
        "120000",
        -3,
    ),
    (
        "us-gaap:IncreaseDecreaseInAccruedIncomeTaxesPayable",
        "D20010101-20010331",
        "600000",
        -3,
    ),
    (
        "us-gaap:ProceedsFromSaleOfPropertyPlantAndEquipment",
        "D20000101-20000331",
        "50000",
        -3,
    ),
    (
        "us-gaap:RepaymentsOfLongTermDebt",
        "D20010101-20010331",
        "1000000",
        -3,
    ),
    (
        "us-gaap:EffectOfExchangeRateOnCashAndCashEquivalents",
        "D20000101-20000331",
        "-70000",
        -3,
    ),
    // Opening cash of the earlier quarter: the day before its start.
    (
        "us-gaap:CashAndCashEquivalentsAtCarryingValue",
        "I19991231",
        "9000000",
        -3,
    ),
];

#[test]
fn a_manufacturer_s_three_statements() {
    let conv = convert_checked("widget-2001-q1.txt", WIDGET);
    let facts = &conv.facts.facts;
    // "--" against commitments and contingencies reports no amount.
    assert!(
        !facts
            .iter()
            .any(|f| f.concept == "us-gaap:CommitmentsAndContingencies")
    );
    // The release foots: no total is reported as wrong.
    assert!(conv.diagnostics.iter().all(|d| d.code != "footing"));
    let verdict = |concept: &str, context: &str| {
        conv.footing
            .iter()
            .filter(|c| {
                let f = &facts[c.total];
                f.concept == concept && f.context.id == context
            })
            .map(|c| c.verdict.clone())
            .collect::<Vec<_>>()
    };
    let foots = |concept: &str, context: &str| verdict(concept, context).contains(&Verdict::Foots);
    for context in ["D20010101-20010331", "D20000101-20000331"] {
        assert!(foots("us-gaap:GrossProfit", context));
        assert!(foots("us-gaap:OperatingIncomeLoss", context));
        assert!(foots("us-gaap:IncomeLossFromContinuingOperations", context));
        // Checked at the foot of the income statement, where the cash flows repeat it.
        assert!(foots("us-gaap:NetIncomeLoss", context));
        assert!(foots(
            "us-gaap:CashAndCashEquivalentsPeriodIncreaseDecrease",
            context
        ));
        // Depreciation is reported only in the cash flows: the income statement's operating
        // expenses do not include it, and their total is not claimed to foot or not.
        assert!(
            verdict("us-gaap:OperatingExpenses", context)
                .iter()
                .all(|v| matches!(v, Verdict::Incomplete { reason, .. } if reason.contains("DepreciationDepletionAndAmortization")))
        );
    }
    for context in ["I20010331", "I20001231"] {
        assert!(foots("us-gaap:AssetsCurrent", context));
        assert!(foots("us-gaap:Assets", context));
        assert!(foots("us-gaap:LiabilitiesCurrent", context));
        assert!(foots("us-gaap:LiabilitiesAndStockholdersEquity", context));
    }
}

const INSURER: &[Expected] = &[
    (
        "us-gaap:PremiumsEarnedNet",
        "D19991001-19991231",
        "98412000",
        -3,
    ),
    (
        "us-gaap:PremiumsEarnedNet",
        "D19980101-19981231",
        "352614000",
        -3,
    ),
    (
        "us-gaap:NetInvestmentIncome",
        "D19990101-19991231",
        "56118000",
        -3,
    ),
    (
        "us-gaap:RealizedInvestmentGainsLosses",
        "D19981001-19981231",
        "2405000",
        -3,
    ),
    (
        "us-gaap:OtherOperatingIncome",
        "D19990101-19991231",
        "2004000",
        -3,
    ),
    ("us-gaap:Revenues", "D19991001-19991231", "114350000", -3),
    // A label wrapped over two lines.
    (
        "us-gaap:IncurredClaimsPropertyCasualtyAndLiability",
        "D19991001-19991231",
        "62540000",
        -3,
    ),
    (
        "us-gaap:DeferredPolicyAcquisitionCostAmortizationExpense",
        "D19980101-19981231",
        "78559000",
        -3,
    ),
    (
        "us-gaap:BenefitsLossesAndExpenses",
        "D19990101-19991231",
        "358594000",
        -3,
    ),
    (
        "us-gaap:NetIncomeLoss",
        "D19991001-19991231",
        "18200000",
        -3,
    ),
    (
        "us-gaap:EarningsPerShareDiluted",
        "D19991001-19991231",
        "0.91",
        2,
    ),
    (
        "us-gaap:EarningsPerShareBasic",
        "D19990101-19991231",
        "3.30",
        2,
    ),
    (
        "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
        "D19981001-19981231",
        "19890000",
        -3,
    ),
    (
        "us-gaap:ReinsuranceRecoverables",
        "I19991231",
        "64205000",
        -3,
    ),
    (
        "us-gaap:DeferredPolicyAcquisitionCosts",
        "I19981231",
        "39804000",
        -3,
    ),
    ("us-gaap:Assets", "I19991231", "1258833000", -3),
    (
        "us-gaap:LiabilityForClaimsAndClaimsAdjustmentExpense",
        "I19991231",
        "596402000",
        -3,
    ),
    ("us-gaap:UnearnedPremiums", "I19981231", "178932000", -3),
    ("us-gaap:StockholdersEquity", "I19991231", "389846000", -3),
];

#[test]
fn an_insurer_s_income_statement_and_balance_sheet() {
    let conv = convert_checked("insurer-1999-q4.txt", INSURER);
    assert!(conv.diagnostics.iter().all(|d| d.code != "footing"));
    // Revenues, losses and expenses, and pretax income foot in all four columns.
    for concept in [
        "us-gaap:Revenues",
        "us-gaap:BenefitsLossesAndExpenses",
        "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
    ] {
        assert_eq!(footed(&conv, concept), 4, "{concept}");
    }
}

const BANK: &[Expected] = &[
    (
        "us-gaap:InterestAndFeeIncomeLoansAndLeases",
        "D20020401-20020630",
        "11204000",
        -3,
    ),
    // Under "Investment securities:" inside "Interest income:".
    (
        "us-gaap:InterestIncomeSecuritiesTaxable",
        "D20020401-20020630",
        "1850000",
        -3,
    ),
    (
        "us-gaap:InterestIncomeSecuritiesTaxExempt",
        "D20010401-20010630",
        "398000",
        -3,
    ),
    (
        "us-gaap:InterestIncomeFederalFundsSold",
        "D20020401-20020630",
        "96000",
        -3,
    ),
    (
        "us-gaap:InterestAndDividendIncomeOperating",
        "D20010401-20010630",
        "14426000",
        -3,
    ),
    // Bare "Deposits" under "Interest expense:" is the interest paid on them.
    (
        "us-gaap:InterestExpenseDeposits",
        "D20020401-20020630",
        "4210000",
        -3,
    ),
    (
        "us-gaap:InterestExpenseBorrowings",
        "D20010401-20010630",
        "640000",
        -3,
    ),
    (
        "us-gaap:InterestExpenseOperating",
        "D20020401-20020630",
        "4987000",
        -3,
    ),
    (
        "us-gaap:InterestIncomeExpenseNet",
        "D20020401-20020630",
        "8575000",
        -3,
    ),
    (
        "us-gaap:ProvisionForLoanLeaseAndOtherLosses",
        "D20010401-20010630",
        "300000",
        -3,
    ),
    (
        "us-gaap:InterestIncomeExpenseAfterProvisionForLoanLoss",
        "D20020401-20020630",
        "8125000",
        -3,
    ),
    (
        "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
        "D20020401-20020630-ProductOrServiceAxis-DepositAccountMember",
        "980000",
        -3,
    ),
    (
        "us-gaap:NoninterestIncome",
        "D20010401-20010630",
        "1282000",
        -3,
    ),
    (
        "us-gaap:LaborAndRelatedExpense",
        "D20020401-20020630",
        "3120000",
        -3,
    ),
    ("us-gaap:OccupancyNet", "D20010401-20010630", "430000", -3),
    (
        "us-gaap:EquipmentExpense",
        "D20020401-20020630",
        "380000",
        -3,
    ),
    (
        "us-gaap:FederalDepositInsuranceCorporationPremiumExpense",
        "D20020401-20020630",
        "40000",
        -3,
    ),
    (
        "us-gaap:NoninterestExpense",
        "D20020401-20020630",
        "4920000",
        -3,
    ),
    ("us-gaap:NetIncomeLoss", "D20020401-20020630", "3110000", -3),
    (
        "us-gaap:EarningsPerShareDiluted",
        "D20010401-20010630",
        "0.51",
        2,
    ),
    ("us-gaap:CashAndDueFromBanks", "I20020630", "24310000", -3),
    (
        "us-gaap:InterestBearingDepositsInBanks",
        "I20011231",
        "2877000",
        -3,
    ),
    ("us-gaap:FederalFundsSold", "I20020630", "11500000", -3),
    (
        "us-gaap:AvailableForSaleSecuritiesDebtSecurities",
        "I20020630",
        "142615000",
        -3,
    ),
    (
        "us-gaap:HeldToMaturitySecurities",
        "I20011231",
        "23015000",
        -3,
    ),
    (
        "us-gaap:FederalHomeLoanBankStock",
        "I20020630",
        "4250000",
        -3,
    ),
    (
        "us-gaap:FinancingReceivableExcludingAccruedInterestBeforeAllowanceForCreditLoss",
        "I20020630",
        "652410000",
        -3,
    ),
    // Shown as a deduction, stored positive.
    (
        "us-gaap:LoansAndLeasesReceivableAllowance",
        "I20020630",
        "8150000",
        -3,
    ),
    (
        "us-gaap:LoansAndLeasesReceivableNetReportedAmount",
        "I20011231",
        "623984000",
        -3,
    ),
    (
        "us-gaap:RealEstateAcquiredThroughForeclosure",
        "I20020630",
        "612000",
        -3,
    ),
    (
        "us-gaap:NoninterestBearingDepositLiabilities",
        "I20020630",
        "98410000",
        -3,
    ),
    (
        "us-gaap:InterestBearingDepositLiabilities",
        "I20011231",
        "589102000",
        -3,
    ),
    ("us-gaap:Deposits", "I20020630", "697345000", -3),
    // A label wrapped over two lines.
    (
        "us-gaap:SecuritiesSoldUnderAgreementsToRepurchase",
        "I20020630",
        "21510000",
        -3,
    ),
    (
        "us-gaap:AdvancesFromFederalHomeLoanBanks",
        "I20011231",
        "58000000",
        -3,
    ),
    ("us-gaap:Liabilities", "I20020630", "788580000", -3),
    (
        "us-gaap:LiabilitiesAndStockholdersEquity",
        "I20011231",
        "855232000",
        -3,
    ),
];

#[test]
fn a_bank_s_income_statement_and_balance_sheet() {
    let conv = convert_checked("bank-2002-q2.txt", BANK);
    assert!(conv.diagnostics.iter().all(|d| d.code != "footing"));
    for concept in [
        "us-gaap:InterestExpenseOperating",
        "us-gaap:InterestIncomeExpenseNet",
        "us-gaap:InterestIncomeExpenseAfterProvisionForLoanLoss",
        "us-gaap:NetIncomeLoss",
    ] {
        assert_eq!(footed(&conv, concept), 2, "{concept}");
    }
}

const RETAILER: &[Expected] = &[
    // Thirteen and thirty-nine weeks ended November 1, 2003 and November 2, 2002.
    ("us-gaap:Revenues", "D20030803-20031101", "412300000", -3),
    ("us-gaap:Revenues", "D20020203-20021102", "1150220000", -3),
    // "Cost of sales, buying" / "and occupancy": a label wrapped after a comma.
    (
        "us-gaap:CostOfGoodsAndServicesSold",
        "D20030803-20031101",
        "281040000",
        -3,
    ),
    ("us-gaap:GrossProfit", "D20030202-20031101", "379360000", -3),
    // Wrapped over three lines.
    (
        "us-gaap:SellingGeneralAndAdministrativeExpense",
        "D20020804-20021102",
        "95400000",
        -3,
    ),
    (
        "us-gaap:DepreciationDepletionAndAmortization",
        "D20030202-20031101",
        "30100000",
        -3,
    ),
    (
        "us-gaap:OperatingIncomeLoss",
        "D20030803-20031101",
        "22940000",
        -3,
    ),
    (
        "us-gaap:InterestExpense",
        "D20020203-20021102",
        "7010000",
        -3,
    ),
    (
        "us-gaap:IncomeTaxExpenseBenefit",
        "D20030803-20031101",
        "7920000",
        -3,
    ),
    (
        "us-gaap:NetIncomeLoss",
        "D20030202-20031101",
        "32690000",
        -3,
    ),
    (
        "us-gaap:EarningsPerShareBasic",
        "D20030803-20031101",
        "0.41",
        2,
    ),
    (
        "us-gaap:EarningsPerShareDiluted",
        "D20020203-20021102",
        "0.76",
        2,
    ),
];

#[test]
fn a_retailer_s_thirteen_and_thirty_nine_weeks() {
    let conv = convert_checked("retailer-2003-q3.txt", RETAILER);
    let facts = &conv.facts.facts;
    assert!(conv.diagnostics.iter().all(|d| d.code != "footing"));
    // Comparable store sales are percentages, not amounts; the newswire trailer is no table.
    assert!(!facts.iter().any(|f| f.value.contains('%')));
    for concept in [
        "us-gaap:GrossProfit",
        "us-gaap:OperatingIncomeLoss",
        "us-gaap:NetIncomeLoss",
    ] {
        assert_eq!(footed(&conv, concept), 4, "{concept}");
    }
}
