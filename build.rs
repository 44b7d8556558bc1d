//! Parses and checks the embedded mapping (`taxonomy/us-gaap-2024.toml`) against the embedded
//! concept table once, at build time, and writes it in compact binary form for
//! `src/prebuilt.rs` to embed. The modules doing it are the library's own, compiled here too,
//! so the build and the library can never disagree on what the mapping means. A mapping that
//! does not load fails the build, with the error and its place in the file.

#![allow(dead_code, unused_imports)]

#[path = "src/error.rs"]
mod error;
#[path = "src/map/rules.rs"]
mod map;
#[path = "src/source.rs"]
mod source;
#[path = "src/taxonomy.rs"]
mod taxonomy;

/// What `map.rs` decodes the embedded mapping from. The build is what makes it, so here there
/// is none: the build parses the TOML and never calls `Mapping::embedded`.
mod prebuilt {
    pub(crate) const MAPPING: &[u8] = &[];
}

/// Stops the build: cargo shows the message as an error and builds nothing more.
fn fail(message: &str) -> ! {
    println!(
        "cargo::error=the embedded mapping cannot be built ({}); details on the build script's \
         standard error below",
        map::EMBEDDED_NAME
    );
    eprintln!("{message}");
    std::process::exit(1)
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
    let concepts = taxonomy::ConceptTable::parse("taxonomy/concepts.tsv", taxonomy::EMBEDDED)
        .unwrap_or_else(|e| fail(&format!("the embedded concept table does not load:\n{e}")));
    let mapping = map::Mapping::parse(map::EMBEDDED_NAME, map::EMBEDDED, &concepts)
        .unwrap_or_else(|e| fail(&format!("the embedded mapping does not load:\n{e}")));
    let bytes = mapping.to_bytes();
    if map::Mapping::from_bytes(&bytes).as_ref() != Some(&mapping) {
        fail("the embedded mapping does not survive its binary form (Mapping::to_bytes)");
    }
    if let Err(e) = std::fs::write(out.join("mapping.postcard"), bytes) {
        fail(&format!("cannot write the prebuilt mapping: {e}"));
    }
}
