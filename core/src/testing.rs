//! Helpers for tests, benchmarks and fuzzing, in this crate and beside it.
//! Not a public API.

/// A small, stable, non-cryptographic hash (FNV-1a, 64 bit) in hex, for
/// naming files in tests and fuzzing where SHA-256 is not at hand.
pub fn fnv(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("{hash:016x}")
}
