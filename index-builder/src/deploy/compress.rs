//! Precompressed siblings: `x.br` (brotli, quality 11) and `x.gz` (gzip,
//! level 9) beside each file a browser downloads, for hosts that serve
//! them in place of the file (nginx `brotli_static`/`gzip_static`, or an
//! upload with `Content-Encoding`). Both are deterministic, so a hashed
//! file's siblings keep their bytes from one deploy to the next.

use std::io::Write as _;

/// The extensions worth compressing: text and the bundle's binary files.
const COMPRESSIBLE: [&str; 6] = [".js", ".wasm", ".json", ".bin", ".html", ".ts"];

/// Whether `path` gets siblings.
pub(crate) fn compressible(path: &str) -> bool {
    COMPRESSIBLE.iter().any(|ext| path.ends_with(ext))
}

/// The `.br` and `.gz` siblings of `files` (path, bytes), compressed on
/// every core: brotli at quality 11 is the slow part of a dist.
pub(crate) fn siblings<'a>(
    files: impl Iterator<Item = (&'a str, &'a [u8])>,
) -> Vec<(String, Vec<u8>)> {
    let mut work: Vec<(&str, &[u8])> = files.collect();
    // The largest first, so that no core is left with the wasm at the end.
    work.sort_by_key(|(_, bytes)| std::cmp::Reverse(bytes.len()));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut out = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..cores.min(work.len()).max(1))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((rel, bytes)) = work.get(i) else {
                            return done;
                        };
                        done.push((format!("{rel}.br"), brotli(bytes)));
                        done.push((format!("{rel}.gz"), gzip(bytes)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("compression does not panic"))
            .collect::<Vec<_>>()
    });
    out.sort();
    out
}

/// `bytes` as brotli at quality 11.
pub(crate) fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3 + 64);
    // A window no larger than the input: the encoder's tables grow with
    // the window, and most bundle files are a few kilobytes.
    let needed = usize::BITS - bytes.len().max(1).leading_zeros();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: needed.clamp(10, 24) as i32,
        size_hint: bytes.len(),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("compressing into memory cannot fail");
    out
}

/// `bytes` as gzip at level 9, with no name and a zero time stamp.
pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .expect("compressing into memory cannot fail");
    encoder
        .finish()
        .expect("compressing into memory cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::io::Read as _;

    #[test]
    fn siblings_decompress_to_the_file_and_do_not_change() {
        let text = "The payment threshold is the amount you must earn. ".repeat(50);
        let br = brotli(text.as_bytes());
        let gz = gzip(text.as_bytes());
        assert!(br.len() < text.len() / 5 && gz.len() < text.len() / 5);
        assert_eq!(brotli(text.as_bytes()), br, "brotli is deterministic");
        assert_eq!(gzip(text.as_bytes()), gz, "gzip is deterministic");

        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
    }

    #[test]
    fn only_downloaded_files_are_compressed() {
        assert!(compressible("help-widget-0123456789abcdef_bg.wasm"));
        assert!(compressible("bundle/en-t0-0123456789abcdef.bin"));
        assert!(compressible("bundle/manifest.json"));
        assert!(!compressible("_headers"));
        assert!(!compressible("bundle/en-t0-0123456789abcdef.bin.br"));
    }
}
