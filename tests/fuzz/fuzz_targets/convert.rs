//! The whole conversion on arbitrary bytes with the embedded mapping, through to the XML, the
//! Inline XBRL, the xBRL-JSON and the cell account.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use xbrlify::map::Mapping;
use xbrlify::taxonomy::ConceptTable;

fn tables() -> &'static (ConceptTable, Mapping) {
    static TABLES: OnceLock<(ConceptTable, Mapping)> = OnceLock::new();
    TABLES.get_or_init(|| {
        let concepts = ConceptTable::embedded();
        let mapping = Mapping::embedded(&concepts).expect("the embedded mapping loads");
        (concepts, mapping)
    })
}

fuzz_target!(|data: &[u8]| {
    let (concepts, mapping) = tables();
    // Errors and diagnostics are rendered too (position, line, caret), as the CLI prints them.
    let source = match xbrlify::read::decode("fuzz.txt", data) {
        Ok(source) => source,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    // `analyse` returns what `convert` would refuse (no fact), so every rendering is reached.
    match xbrlify::analyse(&source, mapping, concepts, &xbrlify::Options::default()) {
        Ok(conv) => {
            if let Some(e) = conv.emptiness(&source) {
                let _ = e.to_string();
            }
            let _ = xbrlify::xbrl::write(&conv);
            let _ = xbrlify::xbrl::ixbrl::write(&source, &conv);
            let _ = xbrlify::xbrl::json::write(&conv);
            let _ = xbrlify::inspect::render(&source, &conv);
            let _ = xbrlify::inspect::summary(&source, &conv);
            for d in &conv.diagnostics {
                let _ = d.to_string();
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
