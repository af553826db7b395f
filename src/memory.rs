//! How the process takes memory from the kernel, chosen by the size of the estate.

/// Inventories of at least this many bytes are read without transparent huge pages.
const SMALL_PAGES_FROM: u64 = 16 << 20;

/// Fits the process to an inventory of `bytes` before it is read. The allocator asks
/// for transparent huge pages, and reading thousands of files allocates and frees in
/// small pieces, so the kernel zeroes 2 MiB at a time: without them a 100,000-document
/// (86 MB) check spends 1 s less in the kernel and holds 10 MB less. A small run is the
/// other way round: huge pages save it some 7 ms of page faults in 50. Where the call
/// is refused, the run is merely slower.
pub fn fit_to(bytes: u64) {
    if bytes >= SMALL_PAGES_FROM {
        #[cfg(target_os = "linux")]
        let _ = nix::sys::prctl::set_thp_disable(true);
    }
}
