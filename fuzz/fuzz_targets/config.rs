//! Bytes to a configuration (steward.yaml or a waivers file): never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = steward::config::Config::parse("steward.yaml", text, std::path::Path::new("."));
    }
});
