//! Layouts seen in real releases, each as a small release text and the facts it must give.

use xbrlify::Options;
use xbrlify::facts::{Fact, Fate};

use crate::convert_text;

fn facts(text: &str) -> Vec<Fact> {
    let (_, conv) = convert_text("layout.txt", text.as_bytes(), &Options::default())
        .unwrap_or_else(|e| panic!("does not convert:\n{e}"));
    conv.facts.facts
}

fn conversion(text: &[u8]) -> xbrlify::Conversion {
    let (_, conv) = convert_text("layout.txt", text, &Options::default())
        .unwrap_or_else(|e| panic!("does not convert:\n{e}"));
    conv
}

/// The reasons the cells of a row were skipped, for rows whose name contains `row`.
fn skip_reasons<'a>(conv: &'a xbrlify::Conversion, row: &str) -> Vec<&'a str> {
    conv.facts
        .cells
        .iter()
        .filter(|c| c.row.contains(row))
        .filter_map(|c| match &c.fate {
            Fate::Skipped(r) => Some(r.as_str()),
            _ => None,
        })
        .collect()
}

fn value(facts: &[Fact], concept: &str, context: &str) -> (String, i32) {
    let f = facts
        .iter()
        .find(|f| f.concept == concept && f.context.id == context)
        .unwrap_or_else(|| panic!("no {concept} in {context}: {facts:#?}"));
    (f.value.clone(), f.decimals.unwrap())
}

#[test]
fn thirteen_weeks_and_a_52_53_week_quarter() {
    let text = "\
Acme Stores, Inc. (NYSE: ACS)
                          (In thousands)

                         Thirteen Weeks Ended      Three Months Ended
                          November 1, 2003          November 1, 2003

Net sales                     $5,001                     $5,001
";
    let f = facts(text);
    // 13 weeks ending 2003-11-01 start on 2003-08-03; "three months" ending on a day that is
    // not a month end is the same 13-week quarter.
    assert_eq!(
        value(&f, "us-gaap:Revenues", "D20030803-20031101"),
        ("5001000".into(), -3)
    );
    assert_eq!(
        f.iter().filter(|f| f.concept == "us-gaap:Revenues").count(),
        1
    );
}

#[test]
fn month_on_one_row_year_on_the_next_with_change_columns() {
    let text = "\
Utility Co. (NYSE: UC)
                      (In Millions of Dollars)
<TABLE>
<CAPTION>
                              3 Months Ended December
                            ---------------------------
                              2004     2003    Change
                              ----     ----    ------
<S>                         <C>      <C>       <C>
Total Revenues               2,721    2,520       201
Net Income                     204      125        79
</TABLE>
";
    let (_, conv) = convert_text("layout.txt", text.as_bytes(), &Options::default()).unwrap();
    let f = &conv.facts.facts;
    assert_eq!(
        value(f, "us-gaap:Revenues", "D20041001-20041231"),
        ("2721000000".into(), -6)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", "D20031001-20031231"),
        ("125000000".into(), -6)
    );
    let change: Vec<_> = conv
        .facts
        .cells
        .iter()
        .filter(|c| c.period.is_none())
        .collect();
    assert_eq!(change.len(), 2);
    assert!(
        change
            .iter()
            .all(|c| matches!(&c.fate, Fate::Skipped(r) if r.contains("Change")))
    );
}

#[test]
fn balance_sheet_with_three_dates_and_title_dates() {
    let text = "\
Acme Corp. (NASDAQ: ACME)
                        Condensed Balance Sheets
                             (In thousands)

                        March 31,    March 31,   December 31,
                          2004         2003          2003

Total assets            $10,000       $9,000        $9,500
";
    let f = facts(text);
    assert_eq!(
        value(&f, "us-gaap:Assets", "I20040331"),
        ("10000000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:Assets", "I20030331"),
        ("9000000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:Assets", "I20031231"),
        ("9500000".into(), -3)
    );
}

#[test]
fn year_columns_dated_by_the_title() {
    let text = "\
JUNGLE CORP.
STATEMENTS OF OPERATIONS
YEAR ENDED DECEMBER 31, 1997 AND PERIOD FROM JUNE 3, 1996 (INCEPTION) TO DECEMBER 31, 1996

                                      1997              1996

Total net revenues               $ 1,216,355       $        --
NET LOSS                         $ 4,200,103       $   742,411
";
    let f = facts(text);
    assert_eq!(
        value(&f, "us-gaap:Revenues", "D19970101-19971231"),
        ("1216355".into(), 0)
    );
    // A double dash reports no amount (a single dash would be a zero).
    assert!(
        !f.iter()
            .any(|f| f.concept == "us-gaap:Revenues" && f.context.id == "D19960603-19961231")
    );
    // The label says loss, and the row shows no parentheses.
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D19970101-19971231"),
        ("-4200103".into(), 0)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D19960603-19961231"),
        ("-742411".into(), 0)
    );
}

#[test]
fn cell_shapes() {
    let text = "\
Acme Corp. (NYSE: ACM)
                          (In thousands, except per share data)

                               Three Months Ended
                              June 30,     June 30,
                                2004         2003

Total revenues               $   1,234    $  1,000(a)
Net income (loss)                (32 )        15 *
Basic net income (loss) per share  n/a       $0.01
";
    let (_, conv) = convert_text("layout.txt", text.as_bytes(), &Options::default()).unwrap();
    let f = &conv.facts.facts;
    assert_eq!(
        value(f, "us-gaap:Revenues", "D20040401-20040630"),
        ("1234000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:Revenues", "D20030401-20030630"),
        ("1000000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", "D20040401-20040630"),
        ("-32000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", "D20030401-20030630"),
        ("15000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:EarningsPerShareBasic", "D20030401-20030630"),
        ("0.01".into(), 2)
    );
    assert!(
        !f.iter()
            .any(|f| f.concept == "us-gaap:EarningsPerShareBasic"
                && f.context.id == "D20040401-20040630")
    );
    assert!(
        conv.facts
            .cells
            .iter()
            .any(|c| matches!(&c.fate, Fate::Skipped(r) if r.contains("n/a")))
    );
}

#[test]
fn expenses_in_parentheses_are_stored_positive() {
    let text = "\
Acme Corp. (NYSE: ACM)
                               (In thousands)

                               Three Months Ended
                              June 30,     June 30,
                                2004         2003

Total revenues                  10,000        9,000
Cost of revenues                (6,000)      (5,000)
Gross profit                     4,000        4,000
";
    let f = facts(text);
    assert_eq!(
        value(&f, "us-gaap:CostOfRevenue", "D20040401-20040630"),
        ("6000000".into(), -3)
    );
}

#[test]
fn bank_income_statement_and_balance_sheet() {
    let text = "\
First Example Bancorp (NASDAQ: FEXB)

                    CONSOLIDATED STATEMENTS OF INCOME
            (Dollars in thousands, except per share data)

                                              Three Months Ended
                                                   June 30,
                                               2004        2003
Interest income:
  Loans                                      $ 12,345    $ 11,234
  Investment securities                         2,345       2,100
    Total interest income                      14,690      13,334
Interest expense:
  Deposits                                      3,456       3,789
  Borrowings                                      456         512
    Total interest expense                      3,912       4,301
Net interest income                            10,778       9,033
Provision for loan losses                         500         600
Net interest income after provision
  for loan losses                              10,278       8,433
Total noninterest income                        2,100       1,900
Total noninterest expense                       7,000       6,500
Income before income taxes                      5,378       3,833
Income taxes                                    1,882       1,341
Net income                                   $  3,496    $  2,492
Earnings per share:
  Basic                                      $   0.45    $   0.40
  Diluted                                    $   0.44    $   0.39


                       CONSOLIDATED BALANCE SHEETS
                         (Dollars in thousands)

                                           June 30,    December 31,
                                             2004          2003
Loans, net                                 $ 812,400     $ 790,100
Total assets                               1,204,500     1,150,300
Total deposits                               950,200       910,700
";
    let f = facts(text);
    let q2 = "D20040401-20040630";
    assert_eq!(
        value(&f, "us-gaap:InterestAndDividendIncomeOperating", q2),
        ("14690000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:InterestExpenseOperating", "D20030401-20030630"),
        ("4301000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:InterestIncomeExpenseNet", q2),
        ("10778000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:ProvisionForLoanLeaseAndOtherLosses", q2),
        ("500000".into(), -3)
    );
    assert_eq!(
        value(
            &f,
            "us-gaap:InterestIncomeExpenseAfterProvisionForLoanLoss",
            q2
        ),
        ("10278000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:NoninterestExpense", q2),
        ("7000000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", q2),
        ("3496000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:EarningsPerShareDiluted", q2),
        ("0.44".into(), 2)
    );
    assert_eq!(
        value(
            &f,
            "us-gaap:LoansAndLeasesReceivableNetReportedAmount",
            "I20040630"
        ),
        ("812400000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:Deposits", "I20031231"),
        ("910700000".into(), -3)
    );
}

#[test]
fn per_share_and_share_count_sections() {
    let text = "\
Example Software Corp. (NASDAQ: EXSW)

                 CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                 (In thousands, except per share amounts)
                                  (Unaudited)

                                    Three Months Ended         Six Months Ended
                                         June 30,                  June 30,
                                    2004          2003        2004          2003
Net revenues                     $ 45,210      $ 38,950    $ 88,400      $ 75,100
Net income                          4,120         2,870       7,905         5,010
Net income per share:
  Basic                          $   0.12      $   0.09    $   0.23      $   0.15
  Diluted                        $   0.11      $   0.08    $   0.22      $   0.15
Shares used in per share calculation:
  Basic                            34,210        33,105      34,001        32,980
  Diluted                          36,015        34,220      35,870        34,100
";
    let f = facts(text);
    let q2 = "D20040401-20040630";
    let h1 = "D20040101-20040630";
    assert_eq!(value(&f, "us-gaap:Revenues", q2), ("45210000".into(), -3));
    assert_eq!(
        value(&f, "us-gaap:EarningsPerShareBasic", h1),
        ("0.23".into(), 2)
    );
    assert_eq!(
        value(&f, "us-gaap:EarningsPerShareDiluted", "D20030401-20030630"),
        ("0.08".into(), 2)
    );
    assert_eq!(
        value(
            &f,
            "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
            q2
        ),
        ("34210000".into(), -3)
    );
    assert_eq!(
        value(
            &f,
            "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
            "D20030101-20030630"
        ),
        ("34100000".into(), -3)
    );
}

#[test]
fn retailer_with_dates_on_one_line() {
    let text = "\
Example Stores, Inc. (NYSE: EXS)

                         CONSOLIDATED STATEMENTS OF INCOME
                   (In thousands, except per share data)

                                            Thirteen Weeks Ended
                                        May 1, 2004      May 3, 2003
Net sales                               $ 612,300        $ 570,150
Cost of sales, including buying and
  occupancy costs                         401,200          378,900
                                        ---------        ---------
Gross profit                              211,100          191,250
Selling, general and administrative
  expenses                                150,400          139,800
                                        ---------        ---------
Operating income                           60,700           51,450
Interest expense, net                       1,200            1,650
                                        ---------        ---------
Income before income taxes                 59,500           49,800
Provision for income taxes                 22,610           18,924
                                        ---------        ---------
Net income                              $  36,890        $  30,876
                                        =========        =========
Net income per share:
  Basic                                 $    0.52        $    0.44
  Diluted                               $    0.51        $    0.43
Weighted average shares outstanding:
  Basic                                    70,940           70,172
  Diluted                                  72,333           71,800
Comparable store sales increase               4.1%             2.3%
";
    let (_, conv) = convert_text("retail.txt", text.as_bytes(), &Options::default())
        .unwrap_or_else(|e| panic!("does not convert:\n{e}"));
    let f = &conv.facts.facts;
    // Thirteen weeks ending 2004-05-01 start on 2004-02-01.
    let q = "D20040201-20040501";
    let prior = "D20030202-20030503";
    assert_eq!(value(f, "us-gaap:Revenues", q), ("612300000".into(), -3));
    assert_eq!(
        value(f, "us-gaap:CostOfGoodsAndServicesSold", prior),
        ("378900000".into(), -3)
    );
    assert_eq!(value(f, "us-gaap:GrossProfit", q), ("211100000".into(), -3));
    assert_eq!(
        value(f, "us-gaap:SellingGeneralAndAdministrativeExpense", q),
        ("150400000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:IncomeTaxExpenseBenefit", prior),
        ("18924000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", q),
        ("36890000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:EarningsPerShareDiluted", q),
        ("0.51".into(), 2)
    );
    assert_eq!(
        value(
            f,
            "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
            prior
        ),
        ("70172000".into(), -3)
    );
    // The comparable-store figure is a ratio: accounted for, not a fact.
    let comparable = conv
        .facts
        .cells
        .iter()
        .find(|c| c.row.contains("Comparable store sales"))
        .expect("the comparable store sales cells are accounted for");
    assert!(
        matches!(comparable.fate, Fate::Skipped(_)),
        "{comparable:?}"
    );
    // The gross profit foots against net sales and cost of sales.
    assert!(
        conv.diagnostics.iter().all(|d| d.code != "footing"),
        "{:#?}",
        conv.diagnostics
    );
}

#[test]
fn a_pro_forma_statement_is_a_skipped_table() {
    let text = "\
Example Networks, Inc. (NASDAQ: EXNW)

              CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                  (In thousands, except per share data)

                                      Three Months Ended
                                  March 31,        March 31,
                                    2001             2000
Total revenues                    $ 20,100         $ 15,300
Net loss                            (6,200)          (2,100)


        PRO FORMA CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                  (In thousands, except per share data)

                                      Three Months Ended
                                  March 31,        March 31,
                                    2001             2000
Total revenues                    $ 20,100         $ 15,300
Net loss                            (1,900)            (400)
";
    let (_, conv) = convert_text("proforma.txt", text.as_bytes(), &Options::default())
        .unwrap_or_else(|e| panic!("does not convert:\n{e}"));
    let f = &conv.facts.facts;
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", "D20010101-20010331"),
        ("-6200000".into(), -3)
    );
    // The pro forma net loss is accounted for as skipped, never a second, conflicting fact.
    let pro_forma: Vec<_> = conv
        .facts
        .cells
        .iter()
        .filter(|c| matches!(&c.fate, Fate::Skipped(why) if why.contains("pro forma")))
        .collect();
    assert_eq!(pro_forma.len(), 4, "{:#?}", conv.facts.cells);
}

#[test]
fn quarter_and_year_statements_with_a_single_other_income_line() {
    let text = "\
Example Devices Corporation (NYSE: EXD) today reported results.

                    EXAMPLE DEVICES CORPORATION
             CONSOLIDATED STATEMENTS OF INCOME (Unaudited)
              (In millions, except per share amounts)

                                   Quarter Ended           Year Ended
                                 Dec. 31,  Dec. 31,     Dec. 31,  Dec. 31,
                                   2004      2003         2004      2003
                                 --------  --------     --------  --------
Net sales                        $1,204.5  $1,098.2     $4,512.3  $4,101.9
Cost of sales                       802.1     741.0      3,010.4   2,788.6
                                 --------  --------     --------  --------
Gross profit                        402.4     357.2      1,501.9   1,313.3
Operating expenses:
  Selling, general and
    administrative                  201.3     188.4        790.2     742.5
  Research and development           60.2      55.1        231.7     214.3
                                 --------  --------     --------  --------
    Total operating expenses        261.5     243.5      1,021.9     956.8
                                 --------  --------     --------  --------
Operating income                    140.9     113.7        480.0     356.5
Interest expense                     (8.2)     (9.1)       (34.5)    (37.0)
Other income (expense), net           1.1      (0.4)         3.9       2.2
                                 --------  --------     --------  --------
Income before income taxes          133.8     104.2        449.4     321.7
Provision for income taxes           46.8      36.5        157.3     112.6
                                 --------  --------     --------  --------
Net income                       $   87.0  $   67.7     $  292.1  $  209.1
                                 ========  ========     ========  ========
Earnings per share:
  Basic                          $   0.58  $   0.46     $   1.96  $   1.42
  Diluted                        $   0.57  $   0.45     $   1.92  $   1.40
Weighted average shares outstanding:
  Basic                             150.1     147.2        149.0     147.3
  Diluted                           152.6     150.4        152.1     149.4


                    CONDENSED CONSOLIDATED BALANCE SHEETS
                              (In millions)
                                          December 31,   December 31,
                                              2004           2003
                                          ------------   ------------
                                          (unaudited)
ASSETS
Current assets:
  Cash and cash equivalents                  $  512.3       $  401.8
  Accounts receivable, net                      701.4          655.0
  Inventories                                   455.6          430.2
  Other current assets                           88.1           80.4
                                             --------       --------
    Total current assets                      1,757.4        1,567.4
Property, plant and equipment, net              903.2          880.5
Goodwill                                        310.0          310.0
Other assets                                    120.4          111.9
                                             --------       --------
    Total assets                             $3,091.0       $2,869.8
                                             ========       ========
LIABILITIES AND SHAREHOLDERS' EQUITY
Current liabilities:
  Accounts payable                           $  401.2       $  377.5
  Accrued liabilities                           290.8          270.1
  Current portion of long-term debt              50.0           50.0
                                             --------       --------
    Total current liabilities                   742.0          697.6
Long-term debt                                  600.0          650.0
Other liabilities                               150.3          141.2
Shareholders' equity                          1,598.7        1,381.0
                                             --------       --------
    Total liabilities and shareholders'
      equity                                 $3,091.0       $2,869.8
                                             ========       ========
";
    let (_, conv) = convert_text("devices.txt", text.as_bytes(), &Options::default())
        .unwrap_or_else(|e| panic!("does not convert:\n{e}"));
    let f = &conv.facts.facts;
    let q4 = "D20041001-20041231";
    let fy03 = "D20030101-20031231";
    assert_eq!(value(f, "us-gaap:Revenues", q4), ("1204500000".into(), -5));
    assert_eq!(
        value(f, "us-gaap:SellingGeneralAndAdministrativeExpense", fy03),
        ("742500000".into(), -5)
    );
    assert_eq!(
        value(f, "us-gaap:InterestExpense", q4),
        ("8200000".into(), -5)
    );
    assert_eq!(
        value(f, "us-gaap:NonoperatingIncomeExpense", "D20031001-20031231"),
        ("-400000".into(), -5)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", fy03),
        ("209100000".into(), -5)
    );
    assert_eq!(
        value(f, "us-gaap:EarningsPerShareBasic", q4),
        ("0.58".into(), 2)
    );
    assert_eq!(
        value(
            f,
            "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
            fy03
        ),
        ("149400000".into(), -5)
    );
    assert_eq!(
        value(f, "us-gaap:Assets", "I20041231"),
        ("3091000000".into(), -5)
    );
    assert_eq!(
        value(f, "us-gaap:LongTermDebtCurrent", "I20031231"),
        ("50000000".into(), -5)
    );
    // "Other income (expense), net" under "Interest expense" is one line, not their total: no
    // footing is claimed for it, and nothing is reported as not footing.
    assert!(
        conv.diagnostics.iter().all(|d| d.code != "footing"),
        "{:#?}",
        conv.diagnostics
    );
    let footed = conv
        .footing
        .iter()
        .filter(|c| c.verdict == xbrlify::check::Verdict::Foots)
        .count();
    assert_eq!(footed, 24);
}

#[test]
fn cash_flow_statement_changes_and_activities() {
    let text = "\
Example Software Corp. (NASDAQ: EXSW)

               CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS
                              (In thousands)
                                                       Six Months Ended
                                                           June 30,
                                                      2004          2003
Cash flows from operating activities:
  Net income                                       $  7,905      $  5,010
  Adjustments to reconcile net income to net cash
    provided by operating activities:
      Depreciation and amortization                   3,210         2,980
      Stock-based compensation                          450           300
      Changes in operating assets and liabilities:
        Accounts receivable                          (2,100)         (850)
        Inventories                                     310          (120)
        Prepaid expenses and other current assets      (220)          105
        Accounts payable                                640          (310)
        Accrued liabilities                             980           410
        Deferred revenue                              1,150           720
                                                   --------      --------
          Net cash provided by operating activities  12,325         8,245
                                                   --------      --------
Cash flows from investing activities:
  Purchases of property and equipment                (1,800)       (1,450)
  Purchases of marketable securities                (10,000)       (6,000)
  Maturities of marketable securities                 8,500         5,000
                                                   --------      --------
          Net cash used in investing activities      (3,300)       (2,450)
                                                   --------      --------
Cash flows from financing activities:
  Proceeds from issuance of common stock              1,210           890
  Repurchases of common stock                        (4,000)           --
                                                   --------      --------
          Net cash provided by (used in) financing
            activities                               (2,790)          890
                                                   --------      --------
Net increase in cash and cash equivalents             6,235         6,685
Cash and cash equivalents at beginning of period     40,100        31,200
                                                   --------      --------
Cash and cash equivalents at end of period         $ 46,335      $ 37,885
                                                   ========      ========
";
    let (_, conv) = convert_text("cash.txt", text.as_bytes(), &Options::default())
        .unwrap_or_else(|e| panic!("does not convert:\n{e}"));
    let f = &conv.facts.facts;
    let h1 = "D20040101-20040630";
    let h1_03 = "D20030101-20030630";
    assert_eq!(
        value(f, "us-gaap:DepreciationDepletionAndAmortization", h1),
        ("3210000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:ShareBasedCompensation", h1_03),
        ("300000".into(), -3)
    );
    // A receivable that grew is shown as a use of cash, (2,100): the increase is 2,100.
    assert_eq!(
        value(f, "us-gaap:IncreaseDecreaseInAccountsReceivable", h1),
        ("2100000".into(), -3)
    );
    // Inventories that fell, 310: the increase is -310.
    assert_eq!(
        value(f, "us-gaap:IncreaseDecreaseInInventories", h1),
        ("-310000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:IncreaseDecreaseInAccountsPayable", h1_03),
        ("-310000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetCashProvidedByUsedInOperatingActivities", h1),
        ("12325000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:PaymentsToAcquireInvestments", h1),
        ("10000000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:PaymentsForRepurchaseOfCommonStock", h1),
        ("4000000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetCashProvidedByUsedInFinancingActivities", h1),
        ("-2790000".into(), -3)
    );
    // Opening cash is the balance the day before the period; closing cash at its end.
    assert_eq!(
        value(
            f,
            "us-gaap:CashAndCashEquivalentsAtCarryingValue",
            "I20031231"
        ),
        ("40100000".into(), -3)
    );
    assert_eq!(
        value(
            f,
            "us-gaap:CashAndCashEquivalentsAtCarryingValue",
            "I20030630"
        ),
        ("37885000".into(), -3)
    );
    // The change in cash foots against the three activities in both columns.
    let footed: Vec<_> = conv
        .footing
        .iter()
        .filter(|c| f[c.total].concept == "us-gaap:CashAndCashEquivalentsPeriodIncreaseDecrease")
        .map(|c| c.verdict.clone())
        .collect();
    assert_eq!(footed, vec![xbrlify::check::Verdict::Foots; 2]);
}

#[test]
fn products_and_services_with_costs_inside_total_costs_and_expenses() {
    let text = "\
                         Example Holdings Corp.
                  Consolidated Statements of Operations
                 (Dollars in thousands, except per share)

                                    For the three months    For the nine months
                                     ended September 30,    ended September 30,
                                       2002       2001        2002       2001
                                     -------    -------     -------    -------
Revenues:
   Product sales                     $12,045    $10,980     $35,200    $31,870
   Services                            3,210      2,980       9,450      8,820
                                     -------    -------     -------    -------
      Total revenues                  15,255     13,960      44,650     40,690
Costs and expenses:
   Cost of products sold               7,010      6,550      20,400     19,020
   Cost of services                    1,820      1,700       5,300      5,050
   Selling, general and
     administrative                    4,110      3,890      12,100     11,400
   Amortization of intangibles           210        450         630      1,350
                                     -------    -------     -------    -------
      Total costs and expenses        13,150     12,590      38,430     36,820
                                     -------    -------     -------    -------
Income from operations                 2,105      1,370       6,220      3,870
Interest expense, net                   (310)      (420)       (980)    (1,270)
                                     -------    -------     -------    -------
Income before income taxes             1,795        950       5,240      2,600
Income taxes                             682        361       1,991        988
                                     -------    -------     -------    -------
Net income                           $ 1,113    $   589     $ 3,249    $ 1,612
                                     =======    =======     =======    =======

Net income per share - basic         $  0.11    $  0.06     $  0.33    $  0.16
Net income per share - diluted       $  0.11    $  0.06     $  0.32    $  0.16

Weighted average shares - basic        9,950      9,880       9,940      9,870
Weighted average shares - diluted     10,120      9,990      10,100      9,980
";
    let (_, conv) = convert_text("holdings.txt", text.as_bytes(), &Options::default())
        .unwrap_or_else(|e| panic!("does not convert:\n{e}"));
    let f = &conv.facts.facts;
    let q3 = "D20020701-20020930";
    let m9_01 = "D20010101-20010930";
    let product = "-ProductOrServiceAxis-ProductMember";
    let service = "-ProductOrServiceAxis-ServiceMember";
    assert_eq!(
        value(
            f,
            "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
            &format!("{q3}{product}")
        ),
        ("12045000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:CostOfRevenue", &format!("{m9_01}{service}")),
        ("5050000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:AmortizationOfIntangibleAssets", m9_01),
        ("1350000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:OperatingExpenses", q3),
        ("13150000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:InterestExpense", m9_01),
        ("1270000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:EarningsPerShareDiluted", "D20020101-20020930"),
        ("0.32".into(), 2)
    );
    assert_eq!(
        value(
            f,
            "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
            q3
        ),
        ("9950000".into(), -3)
    );
    assert!(conv.diagnostics.iter().all(|d| d.code != "footing"));
    // Total costs and expenses foot from the product and service costs and the expenses.
    let opex_foots = conv
        .footing
        .iter()
        .filter(|c| {
            f[c.total].concept == "us-gaap:OperatingExpenses"
                && c.verdict == xbrlify::check::Verdict::Foots
        })
        .count();
    assert_eq!(opex_foots, 4);
}

#[test]
fn a_dashed_label_continues_the_row_above() {
    let text = "\
Utility Co. (NYSE: UC)
                      (In Millions of Dollars)

                                            3 Months Ended December
                                               2004       2003

Net Income - Excluding One-Time Items        $  180     $  162
                                             ======     ======
  - As Reported                              $  204     $  125
Earnings per share - basic                   $ 0.27     $ 0.17
  - diluted                                  $ 0.26     $ 0.16
";
    let f = facts(text);
    // "- As Reported" is "Net Income - As Reported"; the excluding line is not GAAP.
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20041001-20041231"),
        ("204000000".into(), -6)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20031001-20031231"),
        ("125000000".into(), -6)
    );
    assert_eq!(
        value(&f, "us-gaap:EarningsPerShareDiluted", "D20041001-20041231"),
        ("0.26".into(), 2)
    );
    assert_eq!(
        value(&f, "us-gaap:EarningsPerShareBasic", "D20031001-20031231"),
        ("0.17".into(), 2)
    );
    assert_eq!(
        f.iter()
            .filter(|f| f.concept == "us-gaap:NetIncomeLoss")
            .count(),
        2
    );
}

#[test]
fn percent_change_beside_each_group_tabs_and_windows_1252() {
    // Columns set with tabs (stops of 8); a press line in Windows-1252 quotes and dashes.
    let text = "\
Global Tech Reports Record Quarter

    BOSTON--(BUSINESS WIRE)--Oct. 21, 2003--Global Tech Corp. (NASDAQ:GLTC), the
\u{93}leading\u{94} provider of widgets \u{96} today reported results.

                           GLOBAL TECH CORP.
                 CONSOLIDATED STATEMENTS OF OPERATIONS
        (in millions of dollars, shares in millions, except per share)

\t\t\t      Three Months Ended\t     Nine Months Ended
\t\t\t\t September 30,\t\t       September 30,
\t\t\t   2003      2002   % Change     2003       2002   % Change
\t\t\t   ----      ----   --------     ----       ----   --------
Revenues\t\t $ 412.5   $ 380.1      9%    $1,190.2   $1,102.7     8%
Costs and expenses:
  Cost of revenues\t   201.3     190.4      6%       590.0      560.2     5%
  Research, development and
    engineering, including
    amortization of capitalized
    software development costs
    of $1.2 and $1.0\t    55.0      51.2      7%       160.3      150.9     6%
  Selling, general and admin-
    istrative\t\t    90.1      88.2      2%       270.4      262.5     3%
\t\t\t  ------    ------\t\t      ------     ------
Operating income\t    66.1      38.3     73%       169.5      117.1    45%
Income taxes\t\t    22.9      13.1                59.9       40.4
\t\t\t  ------    ------\t\t      ------     ------
Net income\t\t $  44.4   $  24.4     82%    $  112.5   $   75.1    50%
\t\t\t  ======    ======\t\t      ======     ======
Net income per share:
  Basic\t\t\t $   .53   $   .29            $   1.34   $    .90
  Diluted\t\t     .52       .29                1.32        .89
Shares used in per share
  calculation:
    Basic\t\t    83.6      83.1                83.9       83.0
    Diluted\t\t    85.1      84.0                85.4       84.2
";
    let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    let conv = conversion(&bytes);
    let f = &conv.facts.facts;
    let (q3, q3_02) = ("D20030701-20030930", "D20020701-20020930");
    let (m9, m9_02) = ("D20030101-20030930", "D20020101-20020930");
    assert_eq!(value(f, "us-gaap:Revenues", q3), ("412500000".into(), -5));
    // "Nine Months Ended" is shorter than its group: its first column is still its own.
    assert_eq!(value(f, "us-gaap:Revenues", m9), ("1190200000".into(), -5));
    assert_eq!(
        value(f, "us-gaap:Revenues", m9_02),
        ("1102700000".into(), -5)
    );
    // A label wrapped over five lines; "including ..." qualifies research and development.
    assert_eq!(
        value(f, "us-gaap:ResearchAndDevelopmentExpense", q3_02),
        ("51200000".into(), -5)
    );
    // "admin-" / "istrative": one word broken at the line's end.
    assert_eq!(
        value(f, "us-gaap:SellingGeneralAndAdministrativeExpense", m9_02),
        ("262500000".into(), -5)
    );
    assert_eq!(
        value(f, "us-gaap:IncomeTaxExpenseBenefit", m9),
        ("59900000".into(), -5)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", m9),
        ("112500000".into(), -5)
    );
    assert_eq!(
        value(f, "us-gaap:EarningsPerShareDiluted", q3_02),
        ("0.29".into(), 2)
    );
    assert_eq!(
        value(
            f,
            "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
            m9
        ),
        ("85400000".into(), -5)
    );
    // Every "% Change" cell is skipped as not a period; none is a fact.
    let changes = skip_reasons(&conv, "Revenues");
    assert_eq!(changes.len(), 2);
    assert!(
        changes.iter().all(|r| r.contains("% Change")),
        "{changes:?}"
    );
    assert_eq!(
        f.iter().filter(|f| f.concept == "us-gaap:Revenues").count(),
        4
    );
}

#[test]
fn increase_decrease_column_less_rows_unlabelled_total_and_a_reconciliation() {
    let text = "\
Precision Instruments Announces Second Quarter Results

    DALLAS, July 22, 2004 /PRNewswire-FirstCall/ -- Precision Instruments, Inc.
(Nasdaq: PRIN) today reported second quarter results.

                        PRECISION INSTRUMENTS, INC.
               CONDENSED CONSOLIDATED STATEMENTS OF INCOME
           (Dollars in thousands, except per share amounts)

                                     Six Months Ended June 30,
                               -------------------------------------
                                                        Increase
                                  2004       2003*     (Decrease)
                               ---------   ---------   ----------
Revenues:
  Product.....................  $ 81,220    $ 74,310     $ 6,910
  Service.....................    22,415      20,077       2,338
                               ---------   ---------   ----------
                                 103,635      94,387       9,248
Cost of revenues..............    58,120      54,061       4,059
                               ---------   ---------   ----------
Operating income..............    45,515      40,326       5,189
Less: Interest expense........     1,212       1,540        (328)
Income before income taxes....    44,303      38,786       5,517
Provision for income taxes....    16,392      14,351       2,041
                               ---------   ---------   ----------
Net income....................  $ 27,911    $ 24,435     $ 3,476
                               =========   =========   ==========
Diluted earnings per share....     $1.86       $1.65       $0.21
Diluted shares outstanding....    15,021      14,830         191

* Restated for the adoption of SFAS No. 150.


           RECONCILIATION OF NET INCOME TO ADJUSTED NET INCOME
                          (In thousands)
                                        Six Months Ended June 30, 2004
                                   ----------------------------------------
                                     GAAP      Adjustments     Non-GAAP
                                   --------    -----------    ----------
Operating income                     45,515       2,100          47,615
Net income                           27,911       1,365          29,276
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    let (h1, h1_03) = ("D20040101-20040630", "D20030101-20030630");
    // The row under the rule, with no label, totals "Revenues:".
    assert_eq!(value(f, "us-gaap:Revenues", h1), ("103635000".into(), -3));
    assert_eq!(value(f, "us-gaap:Revenues", h1_03), ("94387000".into(), -3));
    // "2003*": a year with a footnote star.
    assert_eq!(
        value(f, "us-gaap:CostOfRevenue", h1_03),
        ("54061000".into(), -3)
    );
    // "Less: Interest expense" is interest expense.
    assert_eq!(
        value(f, "us-gaap:InterestExpense", h1),
        ("1212000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", h1_03),
        ("24435000".into(), -3)
    );
    assert_eq!(
        value(
            f,
            "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
            h1
        ),
        ("15021000".into(), -3)
    );
    // The change column and the reconciliation are reported as skipped, never as periods.
    assert!(
        skip_reasons(&conv, "Interest expense")
            .iter()
            .any(|r| r.contains("Increase (Decrease)"))
    );
    let reconciliation = skip_reasons(&conv, "Operating income");
    assert_eq!(reconciliation.len(), 4, "{reconciliation:?}");
    assert_eq!(
        reconciliation
            .iter()
            .filter(|r| r.contains("ADJUSTED NET INCOME"))
            .count(),
        3
    );
    assert_eq!(
        f.iter()
            .filter(|f| f.concept == "us-gaap:NetIncomeLoss")
            .count(),
        2
    );
    assert!(
        conv.diagnostics.iter().all(|d| d.code != "unmapped-row"),
        "{:#?}",
        conv.diagnostics
    );
}

#[test]
fn submission_with_table_markup_split_by_a_page_and_unlabelled_totals() {
    let text = "\
<SEC-DOCUMENT>0000950123-99-001234.txt : 19990210
<SEC-HEADER>0000950123-99-001234.hdr.sgml : 19990210
ACCESSION NUMBER:\t\t0000950123-99-001234
CONFORMED SUBMISSION TYPE:\t8-K
PUBLIC DOCUMENT COUNT:\t\t2
CONFORMED PERIOD OF REPORT:\t19990209
FILED AS OF DATE:\t\t19990210

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tMIDWEST WIDGET CORP
\t\tCENTRAL INDEX KEY:\t\t\t0000812345
\t\tFISCAL YEAR END:\t\t\t1231
</SEC-HEADER>
<DOCUMENT>
<TYPE>EX-99
<SEQUENCE>2
<TEXT>
MIDWEST WIDGET REPORTS RECORD 1998 EARNINGS

    CHICAGO, Feb. 9 /PRNewswire/ -- Midwest Widget Corp. (NYSE: MWC) today
reported record net earnings for the fourth quarter and fiscal year ended
December 31, 1998.

                     MIDWEST WIDGET CORP. AND SUBSIDIARIES
                 CONSOLIDATED STATEMENTS OF EARNINGS (Unaudited)
                             ($000's omitted)
<TABLE>
<CAPTION>
                                        Quarter Ended              Fiscal Year Ended
                                         December 31,                 December 31,
                                    ----------------------      ----------------------
                                       1998        1997            1998        1997
                                    ----------  ----------      ----------  ----------
<S>                                 <C>         <C>             <C>         <C>
Net sales                           $  98,412   $  91,007       $ 377,240   $ 350,118
Costs and expenses:
  Cost of products sold                64,801      60,922         249,702     234,581
  Selling, general and
    administrative expenses            18,230      17,114          71,440      67,009
  Research and development              3,912       3,508          15,230      13,877
  Interest expense                        880       1,021           3,712       4,190
                                    ----------  ----------      ----------  ----------
                                       87,823      82,565         340,084     319,657
                                    ----------  ----------      ----------  ----------
Earnings before income taxes           10,589       8,442          37,156      30,461
Provision for income taxes<F1>          3,918       3,123          13,748      11,270
                                    ----------  ----------      ----------  ----------
Net earnings                        $   6,671   $   5,319       $  23,408   $  19,191
                                    ==========  ==========      ==========  ==========
Net earnings per share:
  Basic                                  $.52        $.41           $1.82       $1.49
  Diluted                                 .51         .40            1.79        1.47
</TABLE>
<PAGE>
<TABLE>
<CAPTION>
                                        Quarter Ended              Fiscal Year Ended
                                         December 31,                 December 31,
                                    ----------------------      ----------------------
                                       1998        1997            1998        1997
                                    ----------  ----------      ----------  ----------
<S>                                 <C>         <C>             <C>         <C>
Average shares outstanding:
  Basic                                12,830      12,974          12,861      12,880
  Diluted                              13,080      13,297          13,077      13,055
- -------------------------------------------------------------------------------
<FN>
<F1> Includes a one-time credit of $450 in the fourth quarter of 1997.
</FN>
</TABLE>

                     CONDENSED CONSOLIDATED BALANCE SHEETS
                              ($000's omitted)
<TABLE>
<CAPTION>
                                                  Dec. 31,       Dec. 31,
                                                    1998           1997
                                                 ----------     ----------
<S>                                              <C>            <C>
Cash and equivalents                             $  21,408      $  14,220
Accounts receivable, less allowances
  of $1,210 and $1,104                              60,112         55,871
Inventories                                         48,930         45,002
                                                 ----------     ----------
  Total current assets                             130,450        115,093
Property, plant and equipment, net                  88,217         84,660
                                                 ----------     ----------
                                                 $ 218,667      $ 199,753
                                                 ==========     ==========
Current liabilities                              $  52,118      $  49,004
Long-term debt                                      30,000         40,000
Shareholders' equity                               136,549        110,749
                                                 ----------     ----------
                                                 $ 218,667      $ 199,753
                                                 ==========     ==========
</TABLE>

    Midwest Widget Corp. makes widgets.

SOURCE  Midwest Widget Corp.
    -0-                             02/09/1999
    /CONTACT:  John Smith of Midwest Widget Corp., 312-555-1000/
    (MWC)

CO:  Midwest Widget Corp.
ST:  Illinois
IN:  MAN
SU:  ERN
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    let (q4, fy97) = ("D19981001-19981231", "D19970101-19971231");
    assert_eq!(value(f, "us-gaap:Revenues", q4), ("98412000".into(), -3));
    // The unlabelled row under the rule totals "Costs and expenses:".
    assert_eq!(
        value(f, "us-gaap:OperatingExpenses", fy97),
        ("319657000".into(), -3)
    );
    // "<F1>" marks the label, not its words.
    assert_eq!(
        value(f, "us-gaap:IncomeTaxExpenseBenefit", q4),
        ("3918000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:EarningsPerShareBasic", q4),
        ("0.52".into(), 2)
    );
    // The statement goes on after the page break, in the same scale.
    assert_eq!(
        value(
            f,
            "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
            fy97
        ),
        ("13055000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:AccountsReceivableNetCurrent", "I19981231"),
        ("60112000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:LiabilitiesCurrent", "I19971231"),
        ("49004000".into(), -3)
    );
    // A balance sheet's two unlabelled totals with the same numbers.
    assert_eq!(
        value(f, "us-gaap:Assets", "I19981231"),
        ("218667000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:LiabilitiesAndStockholdersEquity", "I19971231"),
        ("199753000".into(), -3)
    );
    assert!(
        conv.diagnostics
            .iter()
            .all(|d| d.code != "unmapped-row" && d.code != "footing"),
        "{:#?}",
        conv.diagnostics
    );
}

#[test]
fn retailer_weeks_percent_of_sales_and_operating_statistics() {
    let text = "\
Hometown Stores Reports Third Quarter Results

    BOSTON--(BUSINESS WIRE)--Nov. 18, 2004--Hometown Stores, Inc. (NYSE:HTS)
today reported net income of $12.4 million for the third quarter ended
October 30, 2004, compared with $10.1 million last year.

                          HOMETOWN STORES, INC.
              CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
           (In thousands, except per share data and percentages)
                               (Unaudited)

                          Thirteen Weeks Ended         Thirty-nine Weeks Ended
                      ---------------------------   ---------------------------
                      Oct. 30,   % of   Nov. 1,   % of   Oct. 30,  % of   Nov. 1,   % of
                        2004    Sales     2003   Sales     2004   Sales     2003   Sales
                      -------   -----  -------   -----  -------   -----  -------   -----
Net sales............ $412,310  100.0% $388,004  100.0% $1,201,554 100.0% $1,120,877 100.0%
Cost of sales,
  including buying
  and occupancy         288,617   70.0   273,543   70.5    843,491  70.2    791,339  70.6
                      -------   -----  -------   -----  -------   -----  -------   -----
Gross profit          123,693   30.0   114,461   29.5    358,063  29.8    329,538  29.4
Net income           $ 12,414    3.0% $ 10,117    2.6% $  32,344   2.7% $  25,050   2.2%
                      =======   =====  =======   =====  =======   =====  =======   =====


                CONDENSED CONSOLIDATED BALANCE SHEETS
                           (In thousands)
                                 October 30,   January 31,   November 1,
                                    2004          2004          2003
                                 -----------   -----------   -----------
Merchandise inventories........    402,118       298,770       391,006
Total assets...................   $701,560      $632,904      $676,004


                          SELECTED OPERATING DATA
                                  Thirteen Weeks Ended    Thirty-nine Weeks Ended
                                  Oct. 30,    Nov. 1,     Oct. 30,     Nov. 1,
                                    2004        2003        2004         2003
Comparable store sales increase      3.2%        1.1%        2.8%         0.9%
Stores open at end of period          412         398         412          398
Selling square feet (000's)         9,822       9,410       9,822        9,410

                                    ###

CONTACT: Hometown Stores, Inc.
         Jane Doe, 617-555-1212
SOURCE: Hometown Stores, Inc.
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    assert_eq!(
        value(f, "us-gaap:Revenues", "D20040801-20041030"),
        ("412310000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:Revenues", "D20030202-20031101"),
        ("1120877000".into(), -3)
    );
    // "Cost of sales, including buying and occupancy" is the cost of sales.
    assert_eq!(
        value(f, "us-gaap:CostOfRevenue", "D20030803-20031101"),
        ("273543000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", "D20040201-20041030"),
        ("32344000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:InventoryNet", "I20040131"),
        ("298770000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:Assets", "I20031101"),
        ("676004000".into(), -3)
    );
    // "% of Sales" columns and the statistics table are reported as skipped, with reasons.
    let pct = skip_reasons(&conv, "Gross profit");
    assert_eq!(pct.len(), 4);
    assert!(pct.iter().all(|r| r.contains("% of Sales")), "{pct:?}");
    let stores = skip_reasons(&conv, "Stores open");
    assert_eq!(stores.len(), 4);
    assert!(
        stores.iter().all(|r| r.contains("operating statistics")),
        "{stores:?}"
    );
    assert!(
        conv.diagnostics.iter().all(|d| d.code != "unmapped-row"),
        "{:#?}",
        conv.diagnostics
    );
}

#[test]
fn fifty_three_week_year_anchored_on_the_prior_year_end() {
    let text = "\
Fashion Outlet Corp. (NYSE: FOC)

                  CONSOLIDATED STATEMENTS OF OPERATIONS
              (In thousands, except per share amounts)

                         Three Months Ended              Twelve Months Ended
                       February 3,   January 28,      February 3,    January 28,
                          2007          2006             2007           2006
Net sales               $  522,018    $  470,337      $ 1,804,611    $ 1,700,210


                     CONDENSED CONSOLIDATED BALANCE SHEETS
                              (In thousands)
                                        February 3,    January 28,
                                           2007           2006
Total assets                            $ 912,004      $ 850,111


                            SUPPLEMENTAL DATA
                         Fourteen        Thirteen        Fifty-three     Fifty-two
                       Weeks Ended     Weeks Ended      Weeks Ended     Weeks Ended
                       -----------     -----------      -----------     -----------
                        February 3,     January 28,      February 3,     January 28,
                           2007            2006             2007            2006
Net income              $   30,110      $   25,003      $    61,420     $    55,870


                  Three Months Ended                 Year Ended
              January 31,     February 1,     January 31,     February 1,
                  2004            2003            2004            2003
Net income      25,003          22,100          55,870          50,004
";
    let f = facts(text);
    // Twelve months ended February 3, 2007 begin the day after the year ended January 28,
    // 2006, which the balance sheet shows: 53 weeks.
    assert_eq!(
        value(&f, "us-gaap:Revenues", "D20060129-20070203"),
        ("1804611000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:Revenues", "D20050130-20060128"),
        ("1700210000".into(), -3)
    );
    // A quarter ending February 3 is 13 weeks unless stated otherwise.
    assert_eq!(
        value(&f, "us-gaap:Revenues", "D20061105-20070203"),
        ("522018000".into(), -3)
    );
    // Spelled-out weeks: fourteen and fifty-three.
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20061029-20070203"),
        ("30110000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20060129-20070203"),
        ("61420000".into(), -3)
    );
    // On a 52/53-week calendar a quarter ending on January 31 is 13 weeks too; "Year Ended",
    // shorter than the two columns it heads, heads both.
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20031102-20040131"),
        ("25003000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20020203-20030201"),
        ("50004000".into(), -3)
    );
}

#[test]
fn years_over_column_words_and_a_utility_statistics_table() {
    let text = "\
Widgetco Inc. (Nasdaq: WDGT)

                              WIDGETCO INC.
                    CONDENSED STATEMENTS OF OPERATIONS
                 (in thousands, except per share data)
                                    2000                      1999
                           ----------------------    ----------------------
                             Three         Six         Three         Six
                            Months       Months       Months       Months
                             Ended        Ended        Ended        Ended
                           March 31     March 31     March 31     March 31
                           --------     --------     --------     --------
Revenue                    $ 45,210     $ 88,020     $ 38,804     $ 75,113
Net income (loss)             4,122        7,905       (1,010)         320


                     KEY STATISTICS
                              3 Months Ended March
                                   2000      1999
Customers (in thousands)          1,645     1,620
Employees                         2,310     2,402
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    assert_eq!(
        value(f, "us-gaap:Revenues", "D19991001-20000331"),
        ("88020000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", "D19990101-19990331"),
        ("-1010000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", "D19981001-19990331"),
        ("320000".into(), -3)
    );
    let employees = skip_reasons(&conv, "Employees");
    assert_eq!(employees.len(), 2);
    assert!(
        employees.iter().all(|r| r.contains("KEY STATISTICS")),
        "{employees:?}"
    );
    assert_eq!(
        f.iter()
            .filter(|f| f.concept.starts_with("us-gaap:"))
            .count(),
        8
    );
}

#[test]
fn bank_highlights_three_quarters_per_share_section_and_a_wrapped_loan_caption() {
    let text = "\
Coastal Bancorp Reports Third Quarter Earnings

    HOUSTON, Oct. 19 /PRNewswire/ -- Coastal Bancorp, Inc. (Nasdaq: CBSA)

                          COASTAL BANCORP, INC.
                      FINANCIAL HIGHLIGHTS (Unaudited)
             (Dollars in thousands, except per share amounts)

                                        Quarter Ended
                           ---------------------------------------
                            Sept. 30,      June 30,     Sept. 30,
                              2004           2004          2003
                           -----------   -----------   -----------
Net interest income         $  21,402     $  20,977     $  19,850
Net income                      7,211         6,940         6,102
Per share data:
  Net income - basic             0.68          0.66          0.58
  Net income - diluted           0.67          0.65          0.57
  Cash dividends declared        0.12          0.12          0.10
Performance ratios:
  Return on average assets       0.98%         0.96%         0.88%

                      CONSOLIDATED BALANCE SHEETS
                        (Dollars in thousands)
                                       Sept. 30,     Dec. 31,     Sept. 30,
                                         2004          2003         2003
                                      ----------    ----------   ----------
ASSETS
Loans, net of allowance for loan
  losses of $32,101, $31,004 and
  $30,870, respectively               2,101,555     2,004,870    1,980,442
Premises and equipment, net              31,201        30,877       30,550
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    // One date per column under a shared "Quarter Ended": the middle date is its own column's.
    let (q3, q2, q3_03) = (
        "D20040701-20040930",
        "D20040401-20040630",
        "D20030701-20030930",
    );
    assert_eq!(
        value(f, "us-gaap:InterestIncomeExpenseNet", q3),
        ("21402000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:InterestIncomeExpenseNet", q2),
        ("20977000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", q3_03),
        ("6102000".into(), -3)
    );
    // "Net income - basic" under "Per share data:" is earnings per share.
    assert_eq!(
        value(f, "us-gaap:EarningsPerShareBasic", q2),
        ("0.66".into(), 2)
    );
    assert_eq!(
        value(f, "us-gaap:EarningsPerShareDiluted", q3_03),
        ("0.57".into(), 2)
    );
    assert_eq!(
        value(f, "us-gaap:CommonStockDividendsPerShareDeclared", q3_03),
        ("0.10".into(), 2)
    );
    // A caption wrapped over three lines, the last opening with a number.
    assert_eq!(
        value(
            f,
            "us-gaap:LoansAndLeasesReceivableNetReportedAmount",
            "I20031231"
        ),
        ("2004870000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:PropertyPlantAndEquipmentNet", "I20030930"),
        ("30550000".into(), -3)
    );
    assert!(
        conv.diagnostics.iter().all(|d| d.code != "unmapped-row"),
        "{:#?}",
        conv.diagnostics
    );
}

#[test]
fn a_statement_continued_after_a_page_break_without_its_header() {
    let text = "\
Acme Manufacturing Co. (NYSE: AMC)

                       ACME MANUFACTURING CO.
              CONSOLIDATED STATEMENTS OF OPERATIONS
                (In thousands, except per share data)

                                  Three Months Ended       Nine Months Ended
                                     September 30,            September 30,
                                   2002        2001         2002        2001
                                 --------    --------     --------    --------
Net sales                        $ 84,120    $ 80,335     $251,906    $244,870
Cost of sales                      60,500      58,901      182,007     178,455
                                 --------    --------     --------    --------
Gross profit                       23,620      21,434       69,899      66,415
Selling, general and
  administrative expenses          15,310      14,877       45,220      44,103
                                 --------    --------     --------    --------
Operating income                    8,310       6,557       24,679      22,312
<PAGE>



Interest expense                      910       1,105        2,880       3,410
Income before income taxes          7,400       5,452       21,799      18,902
Income taxes                        2,812       2,072        8,284       7,183
                                 --------    --------     --------    --------
Net income                       $  4,588    $  3,380     $ 13,515    $ 11,719
                                 ========    ========     ========    ========
Diluted earnings per share          $0.39       $0.29        $1.14       $0.99
";
    let f = facts(text);
    assert_eq!(
        value(&f, "us-gaap:OperatingIncomeLoss", "D20020101-20020930"),
        ("24679000".into(), -3)
    );
    // The rows after the break keep the statement's columns and scale.
    assert_eq!(
        value(&f, "us-gaap:InterestExpense", "D20010701-20010930"),
        ("1105000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20010101-20010930"),
        ("11719000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:EarningsPerShareDiluted", "D20020701-20020930"),
        ("0.39".into(), 2)
    );
}

#[test]
fn amount_and_percent_under_each_year_sparse_rows_and_a_segment_total() {
    let text = "\
Northern Software Inc. Reports Fiscal 2001 Results

    MINNEAPOLIS--(BUSINESS WIRE)--Aug. 2, 2001--Northern Software Inc. (Nasdaq:NSWI)

                         NORTHERN SOFTWARE INC.
                  CONSOLIDATED STATEMENTS OF OPERATIONS
                (In thousands, except per share amounts)

                                        Fiscal Year Ended June 30,
                                 -----------------------------------------
                                         2001                 2000
                                 ------------------   -------------------
                                  Amount       %        Amount       %
                                 --------   -------   --------   --------
Revenues:
  License fees                   $ 40,210     52.1%   $ 35,118     50.3%
  Services                         36,970     47.9      34,700     49.7
                                 --------   -------   --------   --------
    Total revenues                 77,180    100.0      69,818    100.0
Cost of revenues                   18,044     23.4      16,201     23.2
Selling, general and
  administrative                   50,112     64.9      48,990     70.2
Restructuring charge                1,450      1.9
                                 --------   -------   --------   --------
Operating income                    7,574      9.8       4,627      6.6
Other income (expense)              ( 212)    (0.3)        410      0.6
Cumulative effect of change in
  accounting principle                                  (1,100)    (1.6)
                                 --------   -------   --------   --------
Net income                       $  4,713      6.1%   $  2,001      2.9%
                                 ========   =======   ========   ========


                          SEGMENT INFORMATION
                            (In thousands)
                                     Fiscal Year Ended
                                         June 30,          Inc
                                     2001       2000      (Dec)
Revenues:
  Software                        $ 40,210   $ 35,118   $ 5,092
  Consulting                        36,970     34,700     2,270
                                  --------   --------   -------
    Total                         $ 77,180   $ 69,818   $ 7,362
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    let (fy01, fy00) = ("D20000701-20010630", "D19990701-20000630");
    // "Fiscal Year Ended June 30," spans both years' "Amount" and "%" columns.
    assert_eq!(value(f, "us-gaap:Revenues", fy01), ("77180000".into(), -3));
    assert_eq!(value(f, "us-gaap:Revenues", fy00), ("69818000".into(), -3));
    assert_eq!(
        value(f, "us-gaap:SellingGeneralAndAdministrativeExpense", fy00),
        ("48990000".into(), -3)
    );
    // A sparse row: only 2001's columns.
    assert_eq!(
        value(f, "us-gaap:RestructuringCharges", fy01),
        ("1450000".into(), -3)
    );
    assert!(
        !f.iter()
            .any(|f| f.concept == "us-gaap:RestructuringCharges" && f.context.id == fy00)
    );
    // "( 212)": a parenthesis set apart from its number is still a negative amount.
    assert_eq!(
        value(f, "us-gaap:NonoperatingIncomeExpense", fy01),
        ("-212000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NonoperatingIncomeExpense", fy00),
        ("410000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", fy00),
        ("2001000".into(), -3)
    );
    // The percentages and the "Inc (Dec)" column are skipped; the segment table's "Total"
    // under "Revenues:" repeats total revenues and agrees.
    let pct = skip_reasons(&conv, "Net income");
    assert_eq!(pct.len(), 2);
    assert!(
        pct.iter().all(|r| r.contains("is not a period (\"%\")")),
        "{pct:?}"
    );
    assert!(
        skip_reasons(&conv, "Software")
            .iter()
            .any(|r| r.contains("Inc (Dec)"))
    );
    let total = conv
        .facts
        .cells
        .iter()
        .filter(|c| c.row == "Revenues / Total")
        .filter(|c| matches!(c.fate, Fate::Duplicate(_)))
        .count();
    assert_eq!(total, 2);
}

#[test]
fn quarter_and_year_words_over_years_and_scale_lines_in_000s() {
    let text = "\
Delta Devices Reports Fourth Quarter Results

    AUSTIN, Texas--(BUSINESS WIRE)--Feb. 3, 2005--Delta Devices Inc. (NASDAQ:DDEV)

                           DELTA DEVICES INC.
                 CONSOLIDATED STATEMENTS OF OPERATIONS
          For the Periods Ended December 31, 2004 and 2003
                    (000 omitted, except per share data)

                          Q4 2004    Q4 2003    Year 2004    Year 2003
                          -------    -------    ---------    ---------
Net revenues              $52,118    $47,900    $198,440     $180,115
Net income (loss)           3,010       (870)     10,220        2,114
Net income (loss) per
  share - diluted            $.11      $(.03)       $.37         $.08


                   CONSOLIDATED STATEMENTS OF OPERATIONS
                          (in $000s)
                        Three Months          Twelve Months
                     2004       2003       2004       2003
Cost of revenues   31,270     29,102    119,064    108,070

                        Fourth Quarter            Fiscal Year
                     2004       2003       2004       2003
Income taxes        1,620        410      5,502      1,139
";
    let f = facts(text);
    let (q4, q4_03, fy, fy03) = (
        "D20041001-20041231",
        "D20031001-20031231",
        "D20040101-20041231",
        "D20030101-20031231",
    );
    // "(000 omitted ...)" is the scale line; "Q4 2004" and "Year 2004" are periods ending on
    // the title's December 31.
    assert_eq!(value(&f, "us-gaap:Revenues", q4), ("52118000".into(), -3));
    assert_eq!(
        value(&f, "us-gaap:Revenues", fy03),
        ("180115000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", q4_03),
        ("-870000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:EarningsPerShareDiluted", q4_03),
        ("-0.03".into(), 2)
    );
    // "(in $000s)"; years under "Three Months" with no date anywhere near: the periods the
    // release's other tables date.
    assert_eq!(
        value(&f, "us-gaap:CostOfRevenue", fy),
        ("119064000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:CostOfRevenue", q4_03),
        ("29102000".into(), -3)
    );
    // "Fourth Quarter" and "Fiscal Year" over years, in the scale stated just above.
    assert_eq!(
        value(&f, "us-gaap:IncomeTaxExpenseBenefit", q4),
        ("1620000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:IncomeTaxExpenseBenefit", fy03),
        ("1139000".into(), -3)
    );
}

#[test]
fn years_with_footnote_marks_over_a_shared_date_and_leaders_run_into_numbers() {
    let text = "\
Harbor Freight Lines Inc. (NASDAQ: HFLI)

                      HARBOR FREIGHT LINES INC.
                   CONSOLIDATED STATEMENTS OF INCOME
                           (In thousands)
                                               Year Ended
                                          2003(1)          2002
                                        ----------      ----------
                                               December 31,
Operating revenues.....................$  512,334      $  488,120
Operating income.......................    41,220          38,004
Net income.............................$   22,015      $   19,870

(1) Includes the results of Bay Carriers from April 1, 2003.
";
    let f = facts(text);
    assert_eq!(
        value(&f, "us-gaap:Revenues", "D20030101-20031231"),
        ("512334000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:OperatingIncomeLoss", "D20020101-20021231"),
        ("38004000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20030101-20031231"),
        ("22015000".into(), -3)
    );
    assert_eq!(
        f.iter()
            .filter(|f| f.concept.starts_with("us-gaap:"))
            .count(),
        6
    );
}

#[test]
fn a_percent_change_column_with_no_header() {
    let text = "\
Pacific Widget Corp. (NYSE: PWC)

                          PACIFIC WIDGET CORP.
                          FINANCIAL HIGHLIGHTS
                (In thousands, except per share amounts)

                               Three Months Ended
                                    June 30,
                               2004          2003
Revenues                     $12,000       $10,000          20%
Net income                     1,500         1,000          50%
Diluted earnings per share     $0.15         $0.10          50%
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    assert_eq!(
        value(f, "us-gaap:Revenues", "D20030401-20030630"),
        ("10000000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:EarningsPerShareDiluted", "D20040401-20040630"),
        ("0.15".into(), 2)
    );
    // The percentages stand under no header: skipped, not an error.
    let pct = skip_reasons(&conv, "Net income");
    assert_eq!(pct, vec!["the column has no heading with a date"]);
}

#[test]
fn income_tax_benefit_and_provision_signs() {
    let text = "\
Acme Corp. (NYSE: ACM)

                          STATEMENTS OF OPERATIONS
                               (In thousands)
                                            Year Ended December 31,
                                             2004         2003
Revenues                                    10,000        9,000
Cost of revenues                             6,000        5,000
                                            ------       ------
Income before income taxes                   4,000        4,000
(Provision) benefit for income taxes        (1,400)         120
                                            ------       ------
Net income                                   2,600        4,120


                          STATEMENTS OF OPERATIONS
                               (In thousands)
                              Year Ended December 31,
                               2002         2001
Loss before income taxes      (1,000)      (2,000)
Income tax benefit                350          700
                              ------       ------
Net loss                         (650)      (1,300)


                          STATEMENTS OF OPERATIONS
                               (In thousands)
                                            Year Ended December 31,
                                             2000         1999
Revenues                                    10,000        9,000
Cost of revenues                            (6,000)      (5,000)
Selling, general and administrative         (2,000)      (2,100)
                                            ------       ------
Income before income taxes                   2,000        1,900
Income taxes                                  (700)          50
                                            ------       ------
Net income                                   1,300        1,950
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    let tax = "us-gaap:IncomeTaxExpenseBenefit";
    // "(Provision) benefit": the provision is the amount in parentheses, a benefit is positive.
    assert_eq!(value(f, tax, "D20040101-20041231"), ("1400000".into(), -3));
    assert_eq!(value(f, tax, "D20030101-20031231"), ("-120000".into(), -3));
    // "Income tax benefit 350" is a negative expense.
    assert_eq!(value(f, tax, "D20020101-20021231"), ("-350000".into(), -3));
    // Expenses shown as deductions: "(700)" is an expense, "50" a benefit.
    assert_eq!(value(f, tax, "D20000101-20001231"), ("700000".into(), -3));
    assert_eq!(value(f, tax, "D19990101-19991231"), ("-50000".into(), -3));
    // Every net income foots against its tax line.
    assert!(
        conv.diagnostics.iter().all(|d| d.code != "footing"),
        "{:#?}",
        conv.diagnostics
    );
}

#[test]
fn bare_total_and_other_rows_in_balance_sheet_sections() {
    let text = "\
Omega Corp. (NYSE: OMG)

                      CONDENSED CONSOLIDATED BALANCE SHEETS
                                 (In thousands)
                                            June 30,     December 31,
                                              2004           2003
ASSETS
Current assets:
  Cash and cash equivalents                 $ 1,000        $   900
  Receivables                                 2,000          1,800
  Other                                         500            450
                                            -------        -------
    Total                                     3,500          3,150
Property, net                                 4,000          4,100
Other                                           300            250
                                            -------        -------
    Total assets                            $ 7,800        $ 7,500
                                            =======        =======
LIABILITIES AND STOCKHOLDERS' EQUITY
Current liabilities:
  Accounts payable                          $ 1,000        $   950
  Accrued liabilities                           800            750
                                            -------        -------
    Total                                     1,800          1,700
Long-term debt                                2,000          2,100
Stockholders' equity                          4,000          3,700
                                            -------        -------
    Total                                   $ 7,800        $ 7,500
                                            =======        =======
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    let (jun, dec) = ("I20040630", "I20031231");
    // "Total" under "Current assets:" is total current assets, not total assets (which made
    // the two rows look like two parts of the entity, and both were dropped).
    assert_eq!(
        value(f, "us-gaap:AssetsCurrent", jun),
        ("3500000".into(), -3)
    );
    assert_eq!(value(f, "us-gaap:Assets", dec), ("7500000".into(), -3));
    assert_eq!(
        value(f, "us-gaap:LiabilitiesCurrent", dec),
        ("1700000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:LiabilitiesAndStockholdersEquity", jun),
        ("7800000".into(), -3)
    );
    // The same label under different headings.
    assert_eq!(
        value(f, "us-gaap:OtherAssetsCurrent", jun),
        ("500000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:OtherAssetsNoncurrent", jun),
        ("300000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:AccountsReceivableNetCurrent", dec),
        ("1800000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:PropertyPlantAndEquipmentNet", dec),
        ("4100000".into(), -3)
    );
    assert!(
        conv.diagnostics
            .iter()
            .all(|d| d.code != "unmapped-row" && d.code != "footing"),
        "{:#?}",
        conv.diagnostics
    );
}

#[test]
fn periods_stated_by_headings_over_rows() {
    let text = "\
Sigma Corp. (NYSE: SIG)

                          FINANCIAL HIGHLIGHTS
                  (In thousands, except per share data)
                                           December 31,
                                        2004         2003
Fourth Quarter:
  Revenues                            $ 5,000      $ 4,000
  Net income                              500          400
  Diluted earnings per share            $0.25        $0.20
Full Year:
  Revenues                            $20,000      $16,000
  Net income                            2,000        1,600
  Diluted earnings per share            $1.00        $0.80
At Year End:
  Total assets                         90,000       85,000
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    // The columns give the end date; the heading over the rows gives the length.
    assert_eq!(
        value(f, "us-gaap:Revenues", "D20041001-20041231"),
        ("5000000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", "D20031001-20031231"),
        ("400000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:Revenues", "D20030101-20031231"),
        ("16000000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:EarningsPerShareDiluted", "D20040101-20041231"),
        ("1.00".into(), 2)
    );
    assert_eq!(
        value(f, "us-gaap:Assets", "I20031231"),
        ("85000000".into(), -3)
    );
    assert!(
        conv.facts
            .cells
            .iter()
            .all(|c| !matches!(c.fate, Fate::Skipped(_)))
    );
}

#[test]
fn cash_flow_changes_named_by_caption_or_increase_decrease_and_a_title_with_its_scale() {
    let text = "\
Sigma Corp. (NYSE: SIG)

        CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS (In thousands)
                                              Twelve Months Ended
                                                  December 31,
                                                 2004          2003
Operating activities:
  Net income                                   $ 7,905       $ 5,010
  Depreciation and amortization                  3,210         2,980
  Accounts receivable                           (2,100)          850
  Decrease (increase) in inventories               310          (120)
  Increase (decrease) in accounts payable          640          (310)
                                               -------       -------
Net cash provided by operating activities        9,965         8,410
Cash and cash equivalents, start of period      40,100        31,200
";
    let f = facts(text);
    let (fy, fy03) = ("D20040101-20041231", "D20030101-20031231");
    // A receivable that grew, shown as a use of cash (2,100): an increase of 2,100.
    assert_eq!(
        value(&f, "us-gaap:IncreaseDecreaseInAccountsReceivable", fy),
        ("2100000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:IncreaseDecreaseInAccountsReceivable", fy03),
        ("-850000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:IncreaseDecreaseInInventories", fy),
        ("-310000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:IncreaseDecreaseInAccountsPayable", fy03),
        ("-310000".into(), -3)
    );
    // The scale stands on the title's line; the opening balance is the day before.
    assert_eq!(
        value(&f, "us-gaap:NetCashProvidedByUsedInOperatingActivities", fy),
        ("9965000".into(), -3)
    );
    assert_eq!(
        value(
            &f,
            "us-gaap:CashAndCashEquivalentsAtCarryingValue",
            "I20021231"
        ),
        ("31200000".into(), -3)
    );
    assert!(
        !f.iter()
            .any(|f| f.concept == "us-gaap:AccountsReceivableNetCurrent")
    );
}

#[test]
fn a_per_share_data_table_and_a_date_off_the_centre_of_its_pair() {
    let text = "\
Tau Bancorp (NASDAQ: TAUB)

                    CONSOLIDATED STATEMENTS OF INCOME
                 (In thousands, except per share data)
                                         Three Months Ended
                                           March 31,
                                        2004         2003
Net interest income                   $10,778      $ 9,033
Net income                              3,496        2,492


                           PER SHARE DATA
                                         Three Months Ended
                                           March 31,
                                        2004         2003
Net income                             $ 0.45       $ 0.40
Net income - diluted                     0.44         0.39
Cash dividends                           0.12         0.10
Book value                              12.40        11.90
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    let (q1, q1_03) = ("D20040101-20040331", "D20030101-20030331");
    // "March 31," sits left of the centre of "2004  2003": it dates both.
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", q1_03),
        ("2492000".into(), -3)
    );
    // Under "PER SHARE DATA" the rows are per share; "Net income" there is not net income.
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", q1),
        ("3496000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:EarningsPerShareDiluted", q1),
        ("0.44".into(), 2)
    );
    assert_eq!(
        value(f, "us-gaap:CommonStockDividendsPerShareDeclared", q1_03),
        ("0.10".into(), 2)
    );
    assert!(
        skip_reasons(&conv, "Net income")
            .iter()
            .all(|r| r.contains("per-share amount")),
    );
    assert_eq!(skip_reasons(&conv, "Net income").len(), 2);
}

#[test]
fn a_1997_statement_in_table_markup_on_a_52_53_week_calendar() {
    let text = "\
                                                          EXHIBIT 99.1

FOR IMMEDIATE RELEASE

          CHIPWORKS ANNOUNCES THIRD QUARTER 1997 RESULTS

     SUNNYVALE, Calif.--Oct. 16, 1997--Chipworks Inc. (NASDAQ:CHPW)
today announced results for its third quarter ended September 27, 1997.

                              CHIPWORKS INC.
                   CONDENSED CONSOLIDATED STATEMENTS OF INCOME
                  (In thousands, except per share amounts)
                                (Unaudited)
<TABLE>
<CAPTION>
                                     Three Months Ended        Nine Months Ended
                                   ----------------------   ----------------------
                                   Sept. 27,    Sept. 28,   Sept. 27,    Sept. 28,
                                     1997         1996        1997         1996
                                   ---------    ---------   ---------    ---------
<S>                                <C>          <C>         <C>          <C>
NET REVENUES....................   $ 61,218     $ 48,770    $170,455     $139,112
COST OF REVENUES................     33,004       27,115      92,870       78,225
                                   ---------    ---------   ---------    ---------
GROSS MARGIN....................     28,214       21,655      77,585       60,887
OPERATING EXPENSES:
  Research and development......      8,120        6,877      23,110       19,560
  Selling, general and
    administrative..............      7,455        6,010      21,330       17,902
  Acquired in-process research
    and development.............         --           --       4,200           --
                                   ---------    ---------   ---------    ---------
    Total operating expenses....     15,575       12,887      48,640       37,462
                                   ---------    ---------   ---------    ---------
INCOME FROM OPERATIONS..........     12,639        8,768      28,945       23,425
INTEREST AND OTHER INCOME, NET..        812          644       2,201        1,877
                                   ---------    ---------   ---------    ---------
INCOME BEFORE INCOME TAXES......     13,451        9,412      31,146       25,302
PROVISION FOR INCOME TAXES......      4,842        3,388      11,213        9,109
                                   ---------    ---------   ---------    ---------
NET INCOME......................   $  8,609     $  6,024    $ 19,933     $ 16,193
                                   =========    =========   =========    =========
NET INCOME PER SHARE............   $   0.42     $   0.30    $   0.97     $   0.81
                                   =========    =========   =========    =========
SHARES USED IN PER SHARE
  COMPUTATION...................     20,512       20,101      20,455       19,988
                                   =========    =========   =========    =========
</TABLE>

                              CHIPWORKS INC.
                   CONDENSED CONSOLIDATED BALANCE SHEETS
                              (In thousands)
<TABLE>
<CAPTION>
                                               Sept. 27,     Dec. 28,
                                                 1997          1996
                                               ---------     ---------
                                              (Unaudited)
<S>                                            <C>           <C>
ASSETS
Current assets:
  Cash and short-term investments.........     $ 98,440      $ 80,117
  Accounts receivable, net................       30,221        25,006
  Inventories.............................       18,877        16,440
  Other current assets....................        6,012         5,101
                                               ---------     ---------
    Total current assets..................      153,550       126,664
Property and equipment, net...............       40,118        36,902
                                               ---------     ---------
                                               $193,668      $163,566
                                               =========     =========
LIABILITIES AND SHAREHOLDERS' EQUITY
Current liabilities.......................     $ 35,220      $ 29,877
Shareholders' equity......................      158,448       133,689
                                               ---------     ---------
                                               $193,668      $163,566
                                               =========     =========
</TABLE>
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    // Nine months ended Sept. 27, 1997 begin the day after the year ended Dec. 28, 1996.
    let (q3, m9) = ("D19970629-19970927", "D19961229-19970927");
    assert_eq!(value(f, "us-gaap:Revenues", m9), ("170455000".into(), -3));
    assert_eq!(value(f, "us-gaap:GrossProfit", q3), ("28214000".into(), -3));
    assert_eq!(
        value(f, "us-gaap:OperatingExpenses", "D19951231-19960928"),
        ("37462000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", m9),
        ("19933000".into(), -3)
    );
    assert_eq!(
        value(
            f,
            "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
            q3
        ),
        ("20512000".into(), -3)
    );
    assert_eq!(
        value(
            f,
            "us-gaap:CashCashEquivalentsAndShortTermInvestments",
            "I19961228"
        ),
        ("80117000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:Assets", "I19970927"),
        ("193668000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:LiabilitiesAndStockholdersEquity", "I19961228"),
        ("163566000".into(), -3)
    );
    assert!(
        conv.diagnostics.iter().all(|d| d.code != "footing"),
        "{:#?}",
        conv.diagnostics
    );
}

#[test]
fn numbered_quarters_end_on_their_own_quarter() {
    let text = "\
Kappa Corp. (NYSE: KAP)

                          CONSOLIDATED STATEMENTS OF INCOME
                     Three Months Ended September 30, 2004
                   (In thousands, except per share amounts)

                          Q3 2004      Q2 2004      Q3 2003
Revenues                  $12,000      $11,500      $10,000
Net income                  1,200        1,100        1,000


              QUARTERLY RESULTS - THREE MONTHS ENDED MARCH 31
                       (Fiscal year ends June 30)

                          Q3 2004      Q3 2003
Net income                  1,150          990
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    // "Q2 2004" ends on June 30, not on the title's September 30.
    assert_eq!(
        value(f, "us-gaap:Revenues", "D20040401-20040630"),
        ("11500000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:Revenues", "D20040701-20040930"),
        ("12000000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", "D20030701-20030930"),
        ("1000000".into(), -3)
    );
    // A third quarter ending in March is not a calendar quarter: not guessed.
    let q3 = skip_reasons(&conv, "Net income");
    assert_eq!(q3.len(), 2, "{q3:?}");
    assert!(
        q3.iter().all(|r| r.contains("does not say when quarter 3")),
        "{q3:?}"
    );
}

#[test]
fn year_to_date_columns_begin_after_the_prior_fiscal_year_end() {
    // The balance sheet shows the prior year end: a fiscal year ending June 30.
    let text = "\
Lambda Corp. (NYSE: LMB)

                     CONSOLIDATED STATEMENTS OF INCOME
                              (in $ millions)
                               Quarter Ended          Year-to-Date
                                 March 31,              March 31,
                             2004        2003       2004        2003
Revenues                    $512.0      $488.1    $1,490.2    $1,402.9
Net income                    41.0        38.2       120.6       109.4

                          CONDENSED BALANCE SHEETS
                              (in $ millions)
                                        March 31,       June 30,
                                           2004           2003
Total assets                             $3,200.1       $3,050.4
";
    let f = facts(text);
    assert_eq!(
        value(&f, "us-gaap:Revenues", "D20030701-20040331"),
        ("1490200000".into(), -5)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20020701-20030331"),
        ("109400000".into(), -5)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20040101-20040331"),
        ("41000000".into(), -5)
    );
    // No balance sheet: the submission header's FISCAL YEAR END.
    let submission = "\
<SEC-DOCUMENT>0000950123-04-000001.txt : 20040420
<SEC-HEADER>0000950123-04-000001.hdr.sgml : 20040420
ACCESSION NUMBER:\t\t0000950123-04-000001
CONFORMED SUBMISSION TYPE:\t8-K
FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tLAMBDA CORP
\t\tCENTRAL INDEX KEY:\t\t\t0000999999
\t\tFISCAL YEAR END:\t\t\t0630
</SEC-HEADER>
<DOCUMENT>
<TYPE>EX-99
<TEXT>
                     LAMBDA CORP.
                     CONSOLIDATED STATEMENTS OF INCOME
                              (in $ millions)
                               Quarter Ended          Year-to-Date
                                 March 31,              March 31,
                             2004        2003       2004        2003
Net income                    41.0        38.2       120.6       109.4
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
";
    let f = facts(submission);
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20030701-20040331"),
        ("120600000".into(), -5)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20020701-20030331"),
        ("109400000".into(), -5)
    );
}

#[test]
fn a_column_the_table_markup_left_out() {
    let text = "\
Mu Corp. (NYSE: MU)
                          SELECTED FINANCIAL DATA
                    (In thousands, except per share data)
<TABLE>
<CAPTION>
                                   Year Ended December 31,
                                   -----------------------    Percent
                                      1998         1997        Change
                                   ----------   ----------   ---------
<S>                                <C>          <C>
Revenues                           $  98,412    $  91,007       8.1%
Net income                             6,671        5,319      25.4%
</TABLE>
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    assert_eq!(
        value(f, "us-gaap:Revenues", "D19970101-19971231"),
        ("91007000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", "D19980101-19981231"),
        ("6671000".into(), -3)
    );
    let pct = skip_reasons(&conv, "Net income");
    assert_eq!(pct.len(), 1);
    assert!(pct[0].contains("Percent Change"), "{pct:?}");
}

#[test]
fn a_restatement_keeps_the_restated_column() {
    let text = "\
Nu Corp. (NYSE: NU)
                          CONSOLIDATED STATEMENTS OF OPERATIONS
                    (In thousands, except per share data)
                                     Three Months Ended June 30, 2004
                                 ----------------------------------------
                                 As Previously
                                    Reported      Adjustments   As Restated
                                 -------------   ------------   -----------
Revenues                           $ 50,000        $ (2,000)     $ 48,000
Net income                            5,000          (1,300)        3,700
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    // Three columns of one period: the restated one is the period's; the amounts it replaced
    // and the adjustments are not (they would have disagreed with it and stopped the release).
    assert_eq!(
        value(f, "us-gaap:Revenues", "D20040401-20040630"),
        ("48000000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", "D20040401-20040630"),
        ("3700000".into(), -3)
    );
    let skipped = skip_reasons(&conv, "Revenues");
    assert_eq!(skipped.len(), 2);
    assert!(skipped[0].contains("previously reported"), "{skipped:?}");
    assert!(skipped[1].contains("adjustment"), "{skipped:?}");
}

#[test]
fn highlights_as_reported_and_excluding_special_charges() {
    let text = "\
Xi Corp. (NYSE: XI)

                          FINANCIAL HIGHLIGHTS
                    (In millions, except per share data)
                                        Three Months Ended
                                          September 30,
                                        2004         2003
As reported:
  Net income                           $ 41.0       $ 38.2
  Diluted earnings per share           $ 0.41       $ 0.38
Excluding special charges:
  Net income                           $ 52.3       $ 40.1
  Diluted earnings per share           $ 0.52       $ 0.40
";
    let conv = conversion(text.as_bytes());
    let f = &conv.facts.facts;
    assert_eq!(
        value(f, "us-gaap:NetIncomeLoss", "D20040701-20040930"),
        ("41000000".into(), -5)
    );
    assert_eq!(
        value(f, "us-gaap:EarningsPerShareDiluted", "D20030701-20030930"),
        ("0.38".into(), 2)
    );
    let excluding = skip_reasons(&conv, "Excluding special charges");
    assert_eq!(excluding.len(), 4);
    assert!(
        excluding.iter().all(|r| r.contains("non-GAAP")),
        "{excluding:?}"
    );
}

#[test]
fn unaudited_beside_a_year_on_the_dated_line() {
    let text = "\
Omicron Inc. (NASDAQ: OMIC)
                      CONDENSED CONSOLIDATED BALANCE SHEETS
                                 (In thousands)
                                        September 30,     December 31,
                                      2004 (Unaudited)        2003
Total assets                               $ 7,800           $ 7,500
Total liabilities                            3,800             3,600
";
    let f = facts(text);
    // "(Unaudited)" after the year is part of its column, not the end of a label.
    assert_eq!(
        value(&f, "us-gaap:Assets", "I20040930"),
        ("7800000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:Liabilities", "I20031231"),
        ("3600000".into(), -3)
    );
}

#[test]
fn dates_written_in_numbers() {
    let text = "\
Pi Corp. (NASDAQ: PICO)
                          STATEMENTS OF OPERATIONS
                   (In thousands, except per share data)
                             Three Months Ended        Six Months Ended
                            6/30/04     6/30/03      6/30/04     6/30/03
Revenues                    $4,100      $3,800       $8,050      $7,420
Net income (loss)              210        (140)         380        (310)
";
    let f = facts(text);
    assert_eq!(
        value(&f, "us-gaap:Revenues", "D20040401-20040630"),
        ("4100000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20030101-20030630"),
        ("-310000".into(), -3)
    );
}

#[test]
fn a_zero_written_between_dashes() {
    let text = "\
Sigma Corp. (NYSE: SIG)
                          STATEMENTS OF OPERATIONS
                               (In thousands)
                                    Three Months Ended
                                       June 30,
                                    2004        2003
Revenues                           5,000       4,000
Restructuring charge                 -0-         350
Net income                           700         300

SOURCE  Sigma Corp.
    -0-                             07/22/2004
    /CONTACT:  Jane Doe of Sigma Corp., 312-555-1000/
";
    let f = facts(text);
    assert_eq!(
        value(&f, "us-gaap:RestructuringCharges", "D20040401-20040630"),
        ("0".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:RestructuringCharges", "D20030401-20030630"),
        ("350000".into(), -3)
    );
    assert_eq!(
        f.iter()
            .filter(|f| f.concept.starts_with("us-gaap:"))
            .count(),
        6
    );
}

#[test]
fn a_page_number_between_a_statement_and_its_continuation() {
    let text = "\
Acme Manufacturing Co. (NYSE: AMC)

                       ACME MANUFACTURING CO.
              CONSOLIDATED STATEMENTS OF OPERATIONS
                (In thousands, except per share data)

                                  Three Months Ended       Nine Months Ended
                                     September 30,            September 30,
                                   2002        2001         2002        2001
                                 --------    --------     --------    --------
Net sales                        $ 84,120    $ 80,335     $251,906    $244,870
Cost of sales                      60,500      58,901      182,007     178,455
                                 --------    --------     --------    --------
Gross profit                       23,620      21,434       69,899      66,415


                                    -5-
<PAGE>


Interest expense                      910       1,105        2,880       3,410
Net income                       $  4,588    $  3,380     $ 13,515    $ 11,719
";
    let f = facts(text);
    assert_eq!(
        value(&f, "us-gaap:InterestExpense", "D20020701-20020930"),
        ("910000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20010101-20010930"),
        ("11719000".into(), -3)
    );
}

#[test]
fn continuing_and_discontinued_operations_and_eps_by_heading() {
    let text = "\
Tau Corp. (NYSE: TAU)
                          STATEMENTS OF OPERATIONS
                   (In thousands, except per share data)
                                            Year Ended December 31,
                                            2002         2001
Net sales                                 $90,000      $85,000
Operating income                           10,000        8,600
Interest expense                            1,000        1,200
Income from continuing operations
  before income taxes                       9,000        7,400
Income taxes                                3,400        2,800
Income from continuing operations           5,600        4,600
Loss from discontinued operations,
  net of tax                                  800          300
Net income                                  4,800        4,300
Basic earnings per share:
  Net income                                $0.48        $0.43
Diluted earnings per share:
  Net income                                $0.47        $0.42
";
    let f = facts(text);
    let (fy, fy01) = ("D20020101-20021231", "D20010101-20011231");
    assert_eq!(
        value(
            &f,
            "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
            fy
        ),
        ("9000000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:IncomeLossFromContinuingOperations", fy01),
        ("4600000".into(), -3)
    );
    // A loss shown as a positive amount under a label that names it.
    assert_eq!(
        value(
            &f,
            "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTax",
            fy
        ),
        ("-800000".into(), -3)
    );
    // "Net income" under an EPS heading is the per-share amount, not net income.
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", fy),
        ("4800000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:EarningsPerShareBasic", fy01),
        ("0.43".into(), 2)
    );
    assert_eq!(
        value(&f, "us-gaap:EarningsPerShareDiluted", fy),
        ("0.47".into(), 2)
    );
}

#[test]
fn a_scale_line_under_the_years() {
    let text = "\
Upsilon Corp. (NYSE: UPS)
                      CONSOLIDATED STATEMENTS OF INCOME
                                 Year Ended December 31,
                                  2004           2003
                        (In thousands, except per share data)
Revenues                        $ 5,000        $ 4,000
Net income                          700            600
Diluted earnings per share        $0.70          $0.60
";
    let f = facts(text);
    assert_eq!(
        value(&f, "us-gaap:Revenues", "D20040101-20041231"),
        ("5000000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:EarningsPerShareDiluted", "D20030101-20031231"),
        ("0.60".into(), 2)
    );
}

#[test]
fn a_scale_in_the_dated_line_and_a_lone_date_over_both_years() {
    let text = "\
Phi Corp. (NYSE: PHI)
                      CONSOLIDATED BALANCE SHEETS
                                       December 31,
(In thousands)                        2004           2003
Total assets                        $ 9,000        $ 8,000
Total liabilities                     4,000          3,900
";
    let f = facts(text);
    // The dated line's label is its scale; "December 31," off the pair's centre dates both.
    assert_eq!(
        value(&f, "us-gaap:Assets", "I20041231"),
        ("9000000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:Liabilities", "I20031231"),
        ("3900000".into(), -3)
    );
}

#[test]
fn a_subtitle_with_two_dates_over_the_columns_is_not_split() {
    let text = "\
Kappa Corp. (NYSE: KAP)

                       SELECTED QUARTERLY RESULTS
                   Fiscal year ends June 30; three months ended March 31
                          Q3 2004      Q3 2003
Net income                  1,150          990
";
    let f = facts(text);
    // One subtitle, not a date per column ("...June 30;" over the first, "March 31" over the
    // second): both columns are the three months ended March 31.
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20040101-20040331"),
        ("1150".into(), 0)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20030101-20030331"),
        ("990".into(), 0)
    );
}

#[test]
fn unlabelled_section_totals_under_revenues_and_expenses() {
    let text = "\
Chi Corp. (NYSE: CHI)
                 CONSOLIDATED STATEMENTS OF OPERATIONS
                 (In thousands, except per share data)
                                         For the Three Months
                                          Ended September 30,
                                        ----------------------
                                          2004         2003
                                        ---------    ---------
Revenues:
   Product sales                        $  8,200     $  7,100
   Royalties                               1,100          900
                                        ---------    ---------
                                           9,300        8,000
Expenses:
   Cost of product sales                   4,100        3,700
   Research and development                2,000        1,800
   Selling, general and administrative     1,500        1,400
                                        ---------    ---------
                                           7,600        6,900
                                        ---------    ---------
Income from operations                     1,700        1,100
";
    let f = facts(text);
    let (q3, q3_03) = ("D20040701-20040930", "D20030701-20030930");
    assert_eq!(value(&f, "us-gaap:Revenues", q3), ("9300000".into(), -3));
    assert_eq!(
        value(&f, "us-gaap:OperatingExpenses", q3_03),
        ("6900000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:OperatingIncomeLoss", q3),
        ("1700000".into(), -3)
    );
}

#[test]
fn a_plain_operating_expenses_line_under_cost_of_revenues_is_not_a_total() {
    let text = "\
Example Networks, Inc. (NASDAQ: EXNW)

                  CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                                 (In thousands)

                                        Three Months Ended
                                           December 31,
                                        2004          2003
                                      --------      --------
Total revenues                        $ 77,180      $ 70,004
Cost of revenues                        18,044        16,930
Operating expenses                      50,112        46,518
                                      --------      --------
Operating income                         9,024         6,556
";
    let (_, conv) = convert_text("layout.txt", text.as_bytes(), &Options::default()).unwrap();
    let f = &conv.facts.facts;
    assert_eq!(
        value(f, "us-gaap:OperatingExpenses", "D20041001-20041231"),
        ("50112000".into(), -3)
    );
    assert_eq!(
        value(f, "us-gaap:OperatingIncomeLoss", "D20031001-20031231"),
        ("6556000".into(), -3)
    );
    // "Operating expenses" excludes the cost of revenues here: it is not their total, and
    // nothing is reported as not footing.
    assert!(
        conv.diagnostics.iter().all(|d| d.code != "footing"),
        "{:#?}",
        conv.diagnostics
    );
}

#[test]
fn year_only_columns_dated_by_the_submission_header() {
    // No table gives a month and day: the header's period of report does.
    let submission = "\
<SEC-DOCUMENT>0000950123-04-000002.txt : 20040205
<SEC-HEADER>0000950123-04-000002.hdr.sgml : 20040205
ACCESSION NUMBER:\t\t0000950123-04-000002
CONFORMED SUBMISSION TYPE:\t8-K
CONFORMED PERIOD OF REPORT:\t20031231
FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tNU CORP
\t\tCENTRAL INDEX KEY:\t\t\t0000999998
\t\tFISCAL YEAR END:\t\t\t1231
</SEC-HEADER>
<DOCUMENT>
<TYPE>EX-99
<TEXT>
                     NU CORP.
                     CONSOLIDATED STATEMENTS OF INCOME
                              (In thousands)
                                     Year Ended
                                 2003          2002
Net sales                     $ 9,120       $ 8,430
Net income                        610           544
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
";
    let f = facts(submission);
    assert_eq!(
        value(&f, "us-gaap:Revenues", "D20030101-20031231"),
        ("9120000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:NetIncomeLoss", "D20020101-20021231"),
        ("544000".into(), -3)
    );
}

#[test]
fn an_income_statement_headed_by_dates_alone_reports_the_period_the_release_does() {
    let text = "\
Omicron Corp. (NYSE: OMC) reports results for the year ended December 31, 2003.

                          HIGHLIGHTS
                        (In thousands)
                                        Year Ended December 31,
                                         2003          2002
Net sales                             $ 5,000       $ 4,000
Net income                                410           320

                CONSOLIDATED STATEMENTS OF INCOME
                        (In thousands)
                                          December 31,
                                       2003          2002
Net sales                            $ 5,000       $ 4,000
Cost of sales                          3,100         2,500
Net income                               410           320
";
    let f = facts(text);
    assert_eq!(
        value(&f, "us-gaap:CostOfRevenue", "D20030101-20031231"),
        ("3100000".into(), -3)
    );
    assert_eq!(
        value(&f, "us-gaap:CostOfRevenue", "D20020101-20021231"),
        ("2500000".into(), -3)
    );
    // When the release reports a quarter and a year ending on that date, the statement's
    // length cannot be told: its flows are not reported.
    let ambiguous = text.replace(
        "                                        Year Ended December 31,\n                                         2003          2002",
        "                                Three Months Ended    Year Ended\n                                   December 31,      December 31,\n                                         2003          2003",
    );
    let f = facts(&ambiguous);
    assert!(!f.iter().any(|f| f.concept == "us-gaap:CostOfRevenue"));
}

#[test]
fn a_typo_in_a_table_that_is_not_reported_does_not_stop_the_release() {
    let statement = "\
Acme Corp. (NYSE: ACM) today announced results.

          CONSOLIDATED STATEMENTS OF OPERATIONS
                    (In thousands)

                                 Three Months Ended
                                     March 31,
                                 2004          2003
Net sales                      $ 12,500      $ 11,200
Net income                        1,100           680
";
    let statistics = "
                     SELECTED OPERATING DATA
                                 2004          2003
Stores open at end of period        112           104
Employees                         1,2340          1,180
";
    let text = format!("{statement}{statistics}");
    let (_, conv) = convert_text("layout.txt", text.as_bytes(), &Options::default()).unwrap();
    assert_eq!(
        value(&conv.facts.facts, "us-gaap:Revenues", "D20040101-20040331"),
        ("12500000".into(), -3)
    );
    assert!(
        conv.diagnostics
            .iter()
            .any(|d| d.code == "unreadable-row" && d.message.contains("1,2340"))
    );
    // The same typo in the statement itself quarantines that row, naming the cell; the rest
    // converts. Under `strict` it stops the release.
    let broken = statement.replace("1,100", "1,1000");
    let (_, conv) = convert_text("layout.txt", broken.as_bytes(), &Options::default()).unwrap();
    assert_eq!(
        value(&conv.facts.facts, "us-gaap:Revenues", "D20040101-20040331"),
        ("12500000".into(), -3)
    );
    assert!(
        !conv
            .facts
            .facts
            .iter()
            .any(|f| f.concept == "us-gaap:NetIncomeLoss")
    );
    let q = &conv.quarantines[0];
    assert_eq!(q.unit, xbrlify::error::Unit::Row);
    assert_eq!(q.error.kind(), xbrlify::error::ErrorKind::Number);
    assert!(q.error.message().contains("1,1000"), "{}", q.error);
    let strict = Options {
        strict: true,
        ..Options::default()
    };
    let Err(err) = convert_text("layout.txt", broken.as_bytes(), &strict) else {
        panic!("under strict, a malformed number in a reported table stops the release");
    };
    assert_eq!(err.kind(), xbrlify::error::ErrorKind::Number);
}

#[test]
fn cash_flow_activities_headed_without_colons() {
    let text = "\
Zeta Corp. (NYSE: ZTA)

                 CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS
                                 (In thousands)

                                                        Nine Months Ended
                                                          September 30,
                                                      2004            2003
                                                   ----------      ----------
OPERATING ACTIVITIES
Net income                                          $ 12,389        $  9,870
Adjustments to reconcile net income to net cash
  provided by operating activities:
    Depreciation and amortization                      6,420           6,010
    Deferred income taxes                                230            (140)
    Stock-based compensation                             510             320
    Loss on sale of equipment                             45              12
    Changes in operating assets and liabilities:
      Accounts receivable                             (1,710)         (2,200)
      Inventories                                     (1,235)           (640)
      Prepaid expenses                                  (230)             85
      Accounts payable and accrued expenses            1,840           1,115
                                                   ----------      ----------
Net cash provided by operating activities             18,259          14,432
INVESTING ACTIVITIES
Capital expenditures                                  (7,620)         (6,900)
Acquisition of business, net of cash acquired         (2,500)             --
                                                   ----------      ----------
Net cash used in investing activities                (10,120)         (6,900)
FINANCING ACTIVITIES
Repayments of long-term debt                          (4,000)         (3,000)
Proceeds from exercise of stock options                1,216             820
                                                   ----------      ----------
Net cash used in financing activities                 (2,784)         (2,180)
                                                   ----------      ----------
Net increase in cash and cash equivalents              5,355           5,352
Cash and cash equivalents at beginning of period      38,905          30,110
                                                   ----------      ----------
Cash and cash equivalents at end of period          $ 44,260        $ 35,462
                                                   ==========      ==========
";
    let (_, conv) = convert_text("layout.txt", text.as_bytes(), &Options::default()).unwrap();
    let f = &conv.facts.facts;
    // A loss added back to net income is a negative gain.
    assert_eq!(
        value(
            f,
            "us-gaap:GainLossOnSaleOfPropertyPlantEquipment",
            "D20040101-20040930"
        ),
        ("-45000".into(), -3)
    );
    assert_eq!(
        value(
            f,
            "us-gaap:PaymentsToAcquireBusinessesNetOfCashAcquired",
            "D20040101-20040930"
        ),
        ("2500000".into(), -3)
    );
    assert_eq!(
        value(
            f,
            "us-gaap:CashAndCashEquivalentsAtCarryingValue",
            "I20031231"
        ),
        ("38905000".into(), -3)
    );
    // "Net cash used in financing activities" closes the FINANCING ACTIVITIES heading: the
    // change in cash below it is the sum of the three activities.
    let foots = conv
        .footing
        .iter()
        .filter(|c| {
            f[c.total].concept == "us-gaap:CashAndCashEquivalentsPeriodIncreaseDecrease"
                && c.verdict == xbrlify::check::Verdict::Foots
        })
        .count();
    assert_eq!(foots, 2);
}
