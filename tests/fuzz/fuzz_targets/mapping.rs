//! The mapping-file loader on arbitrary text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use xbrlify::map::Mapping;
use xbrlify::taxonomy::ConceptTable;

fuzz_target!(|data: &[u8]| {
    static CONCEPTS: OnceLock<ConceptTable> = OnceLock::new();
    let concepts = CONCEPTS.get_or_init(ConceptTable::embedded);
    if let Ok(text) = std::str::from_utf8(data) {
        match Mapping::parse("fuzz.toml", text, concepts) {
            Ok(mapping) => {
                let _ = mapping.lookup("total revenues", ["revenues"]);
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
