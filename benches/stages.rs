//! Throughput of each stage on the corpus releases, in bytes of release text per second:
//! `cargo bench --bench stages`.
//!
//! The releases are the seed (`tests/corpus/`) and, when the corpus folder is there
//! (`../shared/corpus`, or where `XBRLIFY_CORPUS` points), the development releases in text and
//! the HTML releases (`html/`: the bytes counted are the whole file, markup included). Each
//! stage is measured on the output of the one before, prepared outside the timed loop.

use std::path::PathBuf;
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::BytesCount;

use xbrlify::map::Mapping;
use xbrlify::source::Source;
use xbrlify::taxonomy::ConceptTable;

fn main() {
    divan::main();
}

/// A release read into memory.
struct Release {
    name: &'static str,
    bytes: Vec<u8>,
}

/// Name and path in the corpus folder of each corpus release.
const CORPUS: &[(&str, &str)] = &[
    ("southern-2004-q4", "dev/southern-2004-q4.txt"),
    ("southern-2006-q4", "dev/southern-2006-q4.txt"),
    ("amazon-1998-junglee", "dev/amazon-1998-junglee.txt"),
    ("apple-2024-q1", "html/apple-2024-q1.txt"),
    ("buckle-2024-q3", "html/buckle-2024-q3.htm"),
    ("caterpillar-2022-q1", "html/caterpillar-2022-q1.txt"),
    ("nvidia-fy2023-q1", "html/nvidia-fy2023-q1.html"),
    ("nvidia-fy2023-q2", "html/nvidia-fy2023-q2.html"),
    ("nvidia-fy2023-q3", "html/nvidia-fy2023-q3.html"),
    ("nvidia-fy2023-q4", "html/nvidia-fy2023-q4.html"),
];

static RELEASES: LazyLock<Vec<Release>> = LazyLock::new(|| {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![Release {
        name: "atg-2003-q3",
        bytes: std::fs::read(root.join("tests/corpus/atg-2003-q3.txt"))
            .expect("the seed release is in tests/corpus"),
    }];
    let corpus = std::env::var_os("XBRLIFY_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus"));
    for &(name, path) in CORPUS {
        match std::fs::read(corpus.join(path)) {
            Ok(bytes) => out.push(Release { name, bytes }),
            Err(e) => eprintln!("skipped {name}: {e}"),
        }
    }
    out
});

static TABLES: LazyLock<(ConceptTable, Mapping)> = LazyLock::new(|| {
    let concepts = ConceptTable::embedded();
    let mapping = Mapping::embedded(&concepts).expect("the embedded mapping loads");
    (concepts, mapping)
});

fn names() -> Vec<&'static str> {
    RELEASES.iter().map(|r| r.name).collect()
}

fn release(name: &str) -> &'static Release {
    RELEASES
        .iter()
        .find(|r| r.name == name)
        .expect("a listed release")
}

fn source(r: &Release) -> Source {
    xbrlify::read::decode(r.name, &r.bytes).expect("corpus releases decode")
}

fn options() -> xbrlify::Options {
    xbrlify::Options::default()
}

/// Bytes → `Source`: the UTF-8 check, the binary sniff and the line index.
#[divan::bench(args = names())]
fn decode(bencher: Bencher, name: &str) {
    let r = release(name);
    bencher
        .counter(BytesCount::new(r.bytes.len()))
        .bench(|| xbrlify::read::decode(r.name, divan::black_box(&r.bytes)));
}

/// Stage 1: `Source` → `Document`.
#[divan::bench(args = names())]
fn read(bencher: Bencher, name: &str) {
    let r = release(name);
    let source = source(r);
    bencher
        .counter(BytesCount::new(r.bytes.len()))
        .bench(|| xbrlify::read::read(divan::black_box(&source)));
}

/// Stage 2: `Document` → periods and scales.
#[divan::bench(args = names())]
fn interpret(bencher: Bencher, name: &str) {
    let r = release(name);
    let source = source(r);
    let doc = xbrlify::read::read(&source).expect("corpus releases read");
    bencher
        .counter(BytesCount::new(r.bytes.len()))
        .bench(|| xbrlify::interpret::interpret(&source, divan::black_box(&doc)));
}

/// Stage 3: every row mapped (its entry, where it stands, its part of the entity).
#[divan::bench(args = names())]
fn map(bencher: Bencher, name: &str) {
    let r = release(name);
    let source = source(r);
    let doc = xbrlify::read::read(&source).expect("corpus releases read");
    let (meanings, _) = xbrlify::interpret::interpret(&source, &doc).expect("corpus releases mean");
    let (concepts, mapping) = &*TABLES;
    bencher.counter(BytesCount::new(r.bytes.len())).bench(|| {
        xbrlify::map::map(
            &source,
            divan::black_box(&doc),
            &meanings,
            mapping,
            concepts,
        )
    });
}

/// Stage 4: cells of mapped rows → facts, duplicates merged, totals footed.
#[divan::bench(args = names())]
fn facts(bencher: Bencher, name: &str) {
    let r = release(name);
    let source = source(r);
    let doc = xbrlify::read::read(&source).expect("corpus releases read");
    let (meanings, _) = xbrlify::interpret::interpret(&source, &doc).expect("corpus releases mean");
    let (concepts, mapping) = &*TABLES;
    let (mapped, _) = xbrlify::map::map(&source, &doc, &meanings, mapping, concepts);
    bencher.counter(BytesCount::new(r.bytes.len())).bench(|| {
        let facts = xbrlify::facts::build(
            &source,
            divan::black_box(&doc),
            &meanings,
            &mapped,
            mapping,
            concepts,
        );
        let footing = xbrlify::check::footing(&source, &doc, mapping, &facts);
        (facts, footing)
    });
}

/// Stage 5: the instance document's bytes.
#[divan::bench(args = names())]
fn write(bencher: Bencher, name: &str) {
    let r = release(name);
    let source = source(r);
    let (concepts, mapping) = &*TABLES;
    let conv =
        xbrlify::convert(&source, mapping, concepts, &options()).expect("corpus releases convert");
    bencher
        .counter(BytesCount::new(r.bytes.len()))
        .bench(|| xbrlify::xbrl::write(divan::black_box(&conv)));
}

/// All of it, bytes to instance, as each batch worker runs it.
#[divan::bench(args = names())]
fn end_to_end(bencher: Bencher, name: &str) {
    let r = release(name);
    let (concepts, mapping) = &*TABLES;
    bencher.counter(BytesCount::new(r.bytes.len())).bench(|| {
        let source = xbrlify::read::decode(r.name, divan::black_box(&r.bytes))?;
        let conv = xbrlify::convert(&source, mapping, concepts, &options())?;
        Ok::<_, xbrlify::Error>(xbrlify::xbrl::write(&conv))
    });
}

/// What every process pays once before its first release: the embedded concept table and
/// mapping, parsed and checked.
#[divan::bench]
fn load_tables() -> Result<Mapping, xbrlify::Error> {
    let concepts = ConceptTable::embedded();
    Mapping::embedded(divan::black_box(&concepts))
}
