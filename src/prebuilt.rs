//! Tables prepared when the crate is built (by `build.rs`): the embedded mapping, parsed and
//! checked against the embedded concept table, in the compact form [`Mapping::to_bytes`]
//! writes. Decoding it costs a small fraction of parsing the TOML, which dominated the start
//! of every process.

use crate::map::Mapping;

/// The bytes `build.rs` wrote: empty if the embedded mapping did not load then (the caller
/// falls back to parsing it, which reports the error).
const MAPPING: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mapping.postcard"));

/// The embedded mapping as built, if it loaded then.
pub(crate) fn mapping() -> Option<Mapping> {
    Mapping::from_bytes(MAPPING)
}
