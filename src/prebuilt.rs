//! Tables prepared when the crate is built (by `build.rs`): the embedded mapping, parsed and
//! checked against the embedded concept table, in the compact form
//! [`Mapping::to_bytes`](crate::map::Mapping::to_bytes) writes. Decoding it costs a small
//! fraction of parsing the TOML, which dominated the start of every process.
//!
//! This module holds bytes only: [`crate::map`] decodes them, so the two do not depend on each
//! other in a circle.

/// The embedded mapping as `build.rs` wrote it. The build fails when the mapping does not
/// load, so these bytes are always a mapping.
pub(crate) const MAPPING: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mapping.postcard"));

#[cfg(test)]
mod tests {
    use crate::map::{EMBEDDED, EMBEDDED_NAME, Mapping};
    use crate::taxonomy::ConceptTable;

    /// The mapping the build prepared is the one parsed from the TOML now, entry for entry.
    #[test]
    fn the_prebuilt_mapping_is_the_parsed_mapping() {
        let concepts = ConceptTable::embedded();
        let parsed = Mapping::parse(EMBEDDED_NAME, EMBEDDED, &concepts).unwrap();
        assert_eq!(Mapping::from_bytes(super::MAPPING), Some(parsed));
    }
}
