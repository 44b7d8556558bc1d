//! The reader on arbitrary bytes: decode, then find tables.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = xbrlify::read::decode("fuzz.txt", data) {
        let _ = xbrlify::read::read(&source);
    }
});
