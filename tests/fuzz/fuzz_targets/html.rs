//! The HTML reader on arbitrary bytes wrapped as an HTML page: every table's spans must lie in
//! the source on char boundaries, and every cell must sit in a column.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"<html><body>".to_vec();
    bytes.extend_from_slice(data);
    let Ok(source) = xbrlify::read::decode("fuzz.htm", &bytes) else {
        return;
    };
    let Ok(doc) = xbrlify::read::read(&source) else {
        return;
    };
    let text = source.text();
    let ok = |s: xbrlify::source::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for table in &doc.tables {
        for column in &table.columns {
            assert!(ok(column.span));
            column.heading.iter().for_each(|h| assert!(ok(h.span)));
        }
        for row in &table.rows {
            assert!(ok(row.label.span));
            for cell in &row.cells {
                assert!(ok(cell.span));
                assert!(cell.column < table.columns.len());
            }
        }
    }
});
