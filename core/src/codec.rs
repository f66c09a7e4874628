//! The byte-level primitives of the bundle format: LEB128 varints,
//! length-prefixed UTF-8 strings and file headers.
//!
//! The [`Reader`] never panics and never allocates more than the input could
//! possibly hold: every count is checked against the bytes that remain.

use crate::format::{DecodeError, FORMAT_VERSION};

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    pub(crate) bytes: Vec<u8>,
}

impl Writer {
    /// A buffer that starts with a file header: `magic` then the format version.
    pub(crate) fn with_header(magic: &[u8; 4]) -> Writer {
        let mut w = Writer::default();
        w.bytes.extend_from_slice(magic);
        w.u64(u64::from(FORMAT_VERSION));
        w
    }

    pub(crate) fn u64(&mut self, mut value: u64) {
        loop {
            let byte = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }

    pub(crate) fn u32(&mut self, value: u32) {
        self.u64(u64::from(value));
    }

    pub(crate) fn usize(&mut self, value: usize) {
        self.u64(value as u64);
    }

    pub(crate) fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }

    pub(crate) fn str(&mut self, value: &str) {
        self.usize(value.len());
        self.bytes.extend_from_slice(value.as_bytes());
    }

    pub(crate) fn opt_str(&mut self, value: Option<&str>) {
        match value {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
        }
    }
}

/// Reads values back, with errors that say what was being read.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    what: &'static str,
}

impl<'a> Reader<'a> {
    /// Checks the header of a `what` file and returns a reader after it.
    pub(crate) fn with_header(
        bytes: &'a [u8],
        magic: &[u8; 4],
        what: &'static str,
    ) -> Result<Reader<'a>, DecodeError> {
        let rest = bytes
            .strip_prefix(magic.as_slice())
            .ok_or_else(|| DecodeError::Corrupt {
                what,
                reason: format!(
                    "it does not start with `{}`",
                    String::from_utf8_lossy(magic)
                ),
            })?;
        let mut reader = Reader { bytes: rest, what };
        let found = reader.u64()?;
        if found != u64::from(FORMAT_VERSION) {
            return Err(DecodeError::UnsupportedVersion {
                found: u32::try_from(found).unwrap_or(u32::MAX),
                supported: FORMAT_VERSION,
            });
        }
        Ok(reader)
    }

    pub(crate) fn corrupt(&self, reason: impl Into<String>) -> DecodeError {
        DecodeError::Corrupt {
            what: self.what,
            reason: reason.into(),
        }
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub(crate) fn u64(&mut self) -> Result<u64, DecodeError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self
                .bytes
                .split_first()
                .ok_or_else(|| self.corrupt("it ends inside a number"))?;
            self.bytes = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.corrupt("a number is longer than 64 bits"))
    }

    pub(crate) fn u32(&mut self) -> Result<u32, DecodeError> {
        let value = self.u64()?;
        u32::try_from(value).map_err(|_| self.corrupt(format!("{value} does not fit in 32 bits")))
    }

    pub(crate) fn u8(&mut self) -> Result<u8, DecodeError> {
        let (&byte, rest) = self
            .bytes
            .split_first()
            .ok_or_else(|| self.corrupt("it ends early"))?;
        self.bytes = rest;
        Ok(byte)
    }

    /// A count of items that each take at least `min_item_bytes` bytes, so
    /// a corrupt count cannot make the caller allocate beyond the input.
    pub(crate) fn count(&mut self, min_item_bytes: usize) -> Result<usize, DecodeError> {
        let n = self.u64()?;
        let possible = self.bytes.len() / min_item_bytes.max(1);
        if n > possible as u64 {
            return Err(self.corrupt(format!(
                "it claims {n} items but only {} bytes remain",
                self.bytes.len()
            )));
        }
        Ok(n as usize)
    }

    pub(crate) fn bytes(&mut self, len: usize) -> Result<&'a [u8], DecodeError> {
        if len > self.bytes.len() {
            return Err(self.corrupt("it ends inside a string"));
        }
        let (head, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(head)
    }

    pub(crate) fn str(&mut self) -> Result<&'a str, DecodeError> {
        let len = self.count(1)?;
        let bytes = self.bytes(len)?;
        std::str::from_utf8(bytes).map_err(|_| self.corrupt("a string is not UTF-8"))
    }

    pub(crate) fn string(&mut self) -> Result<String, DecodeError> {
        self.str().map(str::to_owned)
    }

    pub(crate) fn opt_string(&mut self) -> Result<Option<String>, DecodeError> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.string().map(Some),
            tag => Err(self.corrupt(format!("unknown option tag {tag}"))),
        }
    }

    /// Fails unless every byte was read.
    pub(crate) fn finish(self) -> Result<(), DecodeError> {
        if self.bytes.is_empty() {
            Ok(())
        } else {
            Err(self.corrupt(format!("{} trailing bytes", self.bytes.len())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_at_every_width() {
        let values = [
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ];
        let mut w = Writer::default();
        values.iter().for_each(|&v| w.u64(v));
        let mut r = Reader {
            bytes: &w.bytes,
            what: "test",
        };
        for v in values {
            assert_eq!(r.u64().unwrap(), v);
        }
        assert!(r.is_empty());
    }

    #[test]
    fn a_huge_count_is_refused_before_allocating() {
        let mut w = Writer::default();
        w.u64(u64::MAX / 2);
        let mut r = Reader {
            bytes: &w.bytes,
            what: "test",
        };
        assert!(r.count(1).is_err());
    }

    #[test]
    fn overlong_varints_are_errors() {
        let bytes = [0xff; 11];
        assert!(
            Reader {
                bytes: &bytes,
                what: "test"
            }
            .u64()
            .is_err()
        );
    }
}
