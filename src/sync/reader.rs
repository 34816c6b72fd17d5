//! Streaming line reader for batch files: gzip detected by its magic bytes, lines
//! bounded in length, and a running SHA-256 of every byte handed out.

use flate2::read::MultiGzDecoder;
use sha2::{Digest, Sha256};
use std::io::{self, BufRead, BufReader, Read};

/// The longest line accepted (a complaint with a very long body still fits).
pub const MAX_LINE: usize = 16 * 1024 * 1024;

/// Reads a batch line by line.
pub struct LineReader {
    inner: Box<dyn BufRead + Send>,
    hasher: Sha256,
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
        if buf.len() > MAX_LINE && buf.last() != Some(&b'\n') {
            return Ok(Line::TooLong);
        }
        Ok(Line::Text)
    }

    /// Adds a raw line (as read, with its `\n`) to the running digest.
    pub fn hash(&mut self, raw: &[u8]) {
        self.hasher.update(raw);
    }

    /// The digest of every hashed line so far.
    pub fn digest(&self) -> [u8; 32] {
        self.hasher.clone().finalize().into()
    }
}

/// A raw line without its `\n` and a tolerated `\r` before it.
pub fn content(raw: &[u8]) -> &[u8] {
    let s = raw.strip_suffix(b"\n").unwrap_or(raw);
    s.strip_suffix(b"\r").unwrap_or(s)
}
