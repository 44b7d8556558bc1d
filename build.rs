//! Parses and checks the embedded mapping (`taxonomy/us-gaap-2024.toml`) against the embedded
//! concept table once, at build time, and writes it in compact binary form for
//! `src/prebuilt.rs` to embed. The modules doing it are the library's own, compiled here too,
//! so the build and the library can never disagree on what the mapping means.

#![allow(dead_code, unused_imports)]

#[path = "src/error.rs"]
mod error;
#[path = "src/map/rules.rs"]
mod map;
#[path = "src/source.rs"]
mod source;
#[path = "src/taxonomy.rs"]
mod taxonomy;

/// What `map.rs` calls for the prebuilt mapping: while building it there is none.
mod prebuilt {
    pub(crate) fn mapping() -> Option<crate::map::Mapping> {
        None
    }
}

fn main() {
    for path in [
        "build.rs",
        "src/error.rs",
        "src/map/rules.rs",
        "src/source.rs",
        "src/taxonomy.rs",
        "taxonomy/us-gaap-2024.toml",
        "taxonomy/concepts.tsv",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let concepts = taxonomy::ConceptTable::embedded();
    // A mapping that does not load is written as nothing: the library then parses the TOML at
    // run time and reports the error with its place in the file, as for any mapping file.
    let bytes = match map::Mapping::embedded(&concepts) {
        Ok(mapping) => mapping.to_bytes(),
        Err(e) => {
            println!("cargo::warning=the embedded mapping does not load: {e}");
            Vec::new()
        }
    };
    std::fs::write(out.join("mapping.postcard"), bytes).expect("write the prebuilt mapping");
}
