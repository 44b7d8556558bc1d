//! The words releases use, beneath both the reader and the interpreter: month names and dates
//! ("Sept. 30, 2003", "6/30/04", "Mar 31,2007"), years, the lengths headings state ("Three
//! Months Ended", "13 Weeks", "Q4", "Year-to-Date"), and the phrases that say what a line or a
//! table is (scale lines, statement titles, non-GAAP and statistics titles). Nothing here knows
//! about tables: each function answers a question about a piece of text.

pub mod dates;
pub mod phrases;
