//! The whole conversion on arbitrary bytes with the embedded mapping, through to the XML and
//! the cell account.
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
    if let Ok(source) = xbrlify::read::decode("fuzz.txt", data) {
        if let Ok(conv) = xbrlify::convert(&source, mapping, concepts, &xbrlify::Options::default()) {
            let _ = xbrlify::xbrl::write(&conv);
            let _ = xbrlify::inspect::render(&source, &conv);
        }
    }
});
