//! FNV-1a, 64 bits: a stable digest for fingerprints and for telling whether two runs
//! saw the same rules and inventory. Not a defence against tampering, only against
//! mixing up files; its output must never change between releases.

use std::io;

#[derive(Debug, Clone, Copy)]
pub struct Digest(u64);

impl Default for Digest {
    fn default() -> Self {
        Digest(0xcbf2_9ce4_8422_2325)
    }
}

impl Digest {
    pub fn new() -> Digest {
        Digest::default()
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Digest {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self
    }

    /// `text` followed by a NUL, so that ("ab", "c") and ("a", "bc") differ.
    pub fn field(&mut self, text: &str) -> &mut Digest {
        self.bytes(text.as_bytes()).bytes(&[0])
    }

    /// The serialised JSON of `value`, streamed without building the text.
    pub fn json<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> &mut Digest {
        // Writing to a digest cannot fail, and a value that cannot be serialised
        // still leaves a digest of what was written before the failure.
        let _ = serde_json::to_writer(&mut *self, value);
        self.bytes(&[0])
    }

    /// The digest as a number, for comparisons that never leave the process.
    pub fn value(&self) -> u64 {
        self.0
    }

    /// Sixteen lower-case hex digits.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

impl io::Write for Digest {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_fnv1a_vectors() {
        assert_eq!(Digest::new().hex(), "cbf29ce484222325");
        assert_eq!(Digest::new().bytes(b"a").hex(), "af63dc4c8601ec8c");
        assert_eq!(Digest::new().bytes(b"foobar").hex(), "85944171f73967e8");
    }

    #[test]
    fn fields_are_separated() {
        assert_ne!(
            Digest::new().field("ab").field("c").hex(),
            Digest::new().field("a").field("bc").hex()
        );
    }
}
