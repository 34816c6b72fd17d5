//! Streaming line reader for batch files: gzip detected by its magic bytes, lines
//! bounded in length, and a running SHA-256 of every byte handed out.

use flate2::read::MultiGzDecoder;
use sha2::{Digest, Sha256};
use std::io::{self, BufRead, BufReader, Read};

/// The longest line accepted (a complaint with a very long body still fits).
pub const MAX_LINE: usize = 16 * 1024 * 1024;

/// The UTF-8 byte order mark some Windows tools write at the start of a text file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a batch line by line.
pub struct LineReader {
    inner: Box<dyn BufRead + Send>,
    hasher: Sha256,
    /// When the file starts with a byte order mark: the digest with the mark counted
    /// (the line handed out has it removed; a writer may have hashed it or not).
    with_bom: Option<Sha256>,
    line_no: u64,
}

/// What a read found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    /// A line is in the buffer, with its `\n` when it had one.
    Text,
    /// The line is longer than [`MAX_LINE`].
    TooLong,
    /// End of file.
    End,
}

impl LineReader {
    /// Wraps a source, decompressing it when it starts with the gzip magic bytes.
    pub fn new<R: Read + Send + 'static>(source: R) -> io::Result<LineReader> {
        let mut buffered = BufReader::with_capacity(1 << 20, source);
        let gz = {
            let head = buffered.fill_buf()?;
            head.len() >= 2 && head[0] == 0x1f && head[1] == 0x8b
        };
        let inner: Box<dyn BufRead + Send> = if gz {
            Box::new(BufReader::with_capacity(
                1 << 20,
                MultiGzDecoder::new(buffered),
            ))
        } else {
            Box::new(buffered)
        };
        Ok(LineReader {
            inner,
            hasher: Sha256::new(),
            with_bom: None,
            line_no: 0,
        })
    }

    /// The number of the line last read (1-based).
    pub fn line_no(&self) -> u64 {
        self.line_no
    }

    /// Reads the next raw line into `buf` (replacing its content).
    pub fn next_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Line> {
        buf.clear();
        let n = (&mut self.inner)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', buf)?;
        if n == 0 {
            return Ok(Line::End);
        }
        self.line_no += 1;
        if self.line_no == 1 && buf.starts_with(BOM) {
            buf.drain(..BOM.len());
            let mut h = self.hasher.clone();
            h.update(BOM);
            self.with_bom = Some(h);
        }
        if buf.len() > MAX_LINE && buf.last() != Some(&b'\n') {
            return Ok(Line::TooLong);
        }
        Ok(Line::Text)
    }

    /// Adds a raw line (as read, with its `\n`) to the running digest.
    pub fn hash(&mut self, raw: &[u8]) {
        self.hasher.update(raw);
        if let Some(h) = &mut self.with_bom {
            h.update(raw);
        }
    }

    /// The digest of every hashed line so far (without a byte order mark).
    pub fn digest(&self) -> [u8; 32] {
        self.hasher.clone().finalize().into()
    }

    /// The digest with the file's byte order mark counted, when it had one.
    pub fn digest_with_bom(&self) -> Option<[u8; 32]> {
        self.with_bom.clone().map(|h| h.finalize().into())
    }
}

/// A raw line without its `\n` and a tolerated `\r` before it.
pub fn content(raw: &[u8]) -> &[u8] {
    let s = raw.strip_suffix(b"\n").unwrap_or(raw);
    s.strip_suffix(b"\r").unwrap_or(s)
}
