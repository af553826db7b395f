//! Bytes to documents and source map: the inventory loader must never panic, and every
//! error it reports must have a position inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use steward::inventory::Loaded;

fuzz_target!(|data: &[u8]| {
    let mut loaded = Loaded::default();
    loaded.add_file("fuzz.yaml".into(), data.to_vec());
    loaded.add_file("fuzz.json".into(), data.to_vec());
    for e in &loaded.errors {
        if let Some(l) = &e.location {
            assert!(l.line >= 1 && l.column >= 1, "{e}");
        }
    }
    // Locating every document's fields builds the source map: it must not panic either.
    for d in &loaded.inventory.documents {
        let _ = loaded.inventory.locate(d, "/spec/a/b");
        let _ = loaded.inventory.locate(d, "/metadata/name");
    }
});
