//! The byte-level primitives of the bundle format: LEB128 varints,
//! length-prefixed UTF-8 strings and file headers.
//!
//! The [`Reader`] never panics and never allocates more than the input could
//! possibly hold: every count is checked against the bytes that remain.
//!
//! **This module depends on nothing else in the crate.** It knows bytes, not
//! bundles: which magic and version a file carries is `format`'s business.

/// Why bytes could not be read: which kind of file, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Corrupt {
    /// Which kind of file.
    pub(crate) what: &'static str,
    /// What was wrong.
    pub(crate) reason: String,
}

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    pub(crate) bytes: Vec<u8>,
}

impl Writer {
    /// A buffer that starts with a file header: `magic` then `version`.
    pub(crate) fn with_header(magic: &[u8; 4], version: u32) -> Writer {
        let mut w = Writer::default();
        w.bytes.extend_from_slice(magic);
        w.u32(version);
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
    /// A reader after the four-byte `magic` of a `what` file; the version
    /// that follows is the caller's to read and check.
    pub(crate) fn after_magic(
        bytes: &'a [u8],
        magic: &[u8; 4],
        what: &'static str,
    ) -> Result<Reader<'a>, Corrupt> {
        match bytes.strip_prefix(magic.as_slice()) {
            Some(rest) => Ok(Reader { bytes: rest, what }),
            None => Err(Corrupt {
                what,
                reason: format!(
                    "it does not start with `{}`",
                    String::from_utf8_lossy(magic)
                ),
            }),
        }
    }

    pub(crate) fn corrupt(&self, reason: impl Into<String>) -> Corrupt {
        Corrupt {
            what: self.what,
            reason: reason.into(),
        }
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub(crate) fn u64(&mut self) -> Result<u64, Corrupt> {
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

    pub(crate) fn u32(&mut self) -> Result<u32, Corrupt> {
        let value = self.u64()?;
        u32::try_from(value).map_err(|_| self.corrupt(format!("{value} does not fit in 32 bits")))
    }

    pub(crate) fn u8(&mut self) -> Result<u8, Corrupt> {
        let (&byte, rest) = self
            .bytes
            .split_first()
            .ok_or_else(|| self.corrupt("it ends early"))?;
        self.bytes = rest;
        Ok(byte)
    }

    /// A count of items that each take at least `min_item_bytes` bytes, so
    /// a corrupt count cannot make the caller allocate beyond the input.
    pub(crate) fn count(&mut self, min_item_bytes: usize) -> Result<usize, Corrupt> {
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

    pub(crate) fn bytes(&mut self, len: usize) -> Result<&'a [u8], Corrupt> {
        if len > self.bytes.len() {
            return Err(self.corrupt("it ends inside a string"));
        }
        let (head, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(head)
    }

    pub(crate) fn str(&mut self) -> Result<&'a str, Corrupt> {
        let len = self.count(1)?;
        let bytes = self.bytes(len)?;
        std::str::from_utf8(bytes).map_err(|_| self.corrupt("a string is not UTF-8"))
    }

    pub(crate) fn string(&mut self) -> Result<String, Corrupt> {
        self.str().map(str::to_owned)
    }

    pub(crate) fn opt_string(&mut self) -> Result<Option<String>, Corrupt> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.string().map(Some),
            tag => Err(self.corrupt(format!("unknown option tag {tag}"))),
        }
    }

    /// Fails unless every byte was read.
    pub(crate) fn finish(self) -> Result<(), Corrupt> {
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
