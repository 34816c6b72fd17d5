//! Mutations of seed inputs: bytes flipped, replaced, inserted, deleted, repeated or
//! spliced from another seed, JSON and TOML tokens dropped in, lines nested deeply, and
//! for batches (often) a trailer made right again so that the mutation is read as a
//! valid file.

use crate::crash::Rng;
use sha2::{Digest, Sha256};

/// Tokens worth dropping into JSON, TOML or text.
const TOKENS: &[&[u8]] = &[
    b"\"type\"",
    b"\"complaint\"",
    b"\"message\"",
    b"\"agency\"",
    b"\"ack\"",
    b"\"trailer\"",
    b"\"header\"",
    b"null",
    b"true",
    b"-1",
    b"0",
    b"18446744073709551616",
    b"4000000000",
    b"1e999",
    b"\"\\u0000\"",
    b"\"\\ud800\"",
    b"[[[[[[[[[[[[[[[[",
    b"{\"a\":{\"a\":{\"a\":",
    b"\xEF\xBB\xBF",
    b"\x1b]0;x\x07",
    b"\xe2\x80\xae",
    b"\xf0\x9f\x9a\xa7",
    b"\r\n",
    b"\n",
    b"\"revision\":",
    b"[sla]\npengaduan = ",
    b"[[trusted_keys]]\n",
    b"agency = [",
    b"= \"",
    b"2026-02-30",
    b"+99:99",
];

/// Makes inputs from seeds.
pub struct Mutator<'a> {
    rng: Rng,
    seeds: &'a [Vec<u8>],
    made: u64,
}

impl<'a> Mutator<'a> {
    pub fn new(seed: u64, seeds: &'a [Vec<u8>]) -> Mutator<'a> {
        Mutator {
            rng: Rng::new(seed),
            seeds,
            made: 0,
        }
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.rng.next() % n as u64) as usize
        }
    }

    /// A new input: a seed with one to eight mutations; a batch's trailer is made right
    /// again two times in three.
    pub fn next_input(&mut self, batch: bool) -> Vec<u8> {
        let i = self.below(self.seeds.len());
        let mut v = self.seeds[i].clone();
        let n = 1 + self.below(8);
        for _ in 0..n {
            self.mutate(&mut v);
        }
        self.made += 1;
        if batch && self.below(3) > 0 {
            // A batch of its own (a new id and sequence), so that it is not refused
            // only for having been imported before with other content.
            renumber(&mut v, self.made);
            reseal(&mut v);
        }
        v
    }

    fn mutate(&mut self, v: &mut Vec<u8>) {
        let len = v.len();
        match self.below(9) {
            0 if len > 0 => {
                let at = self.below(len);
                v[at] ^= 1 << self.below(8);
            }
            1 if len > 0 => {
                let at = self.below(len);
                v[at] = [
                    0u8, 0xff, b'"', b'{', b'}', b'[', b']', b'\\', b',', b'\n', 0x1b,
                ][self.below(11)];
            }
            2 => {
                let at = self.below(len + 1);
                let tok = TOKENS[self.below(TOKENS.len())];
                v.splice(at..at, tok.iter().copied());
            }
            3 if len > 0 => {
                let at = self.below(len);
                let n = 1 + self.below(64.min(len - at));
                v.drain(at..at + n);
            }
            4 if len > 0 => {
                let at = self.below(len);
                let n = 1 + self.below(256.min(len - at));
                let piece: Vec<u8> = v[at..at + n].to_vec();
                let to = self.below(len + 1);
                v.splice(to..to, piece);
            }
            5 => {
                let other = &self.seeds[self.below(self.seeds.len())];
                if !other.is_empty() {
                    let from = self.below(other.len());
                    let n = 1 + self.below(512.min(other.len() - from));
                    let to = self.below(len + 1);
                    let piece = other[from..from + n].to_vec();
                    v.splice(to..to, piece);
                }
            }
            6 => {
                // A value nested deeply.
                let depth = 100 + self.below(400);
                let at = self.below(len + 1);
                let mut deep = b"\"zz\":".to_vec();
                deep.extend(std::iter::repeat_n(b'[', depth));
                deep.extend(std::iter::repeat_n(b']', depth));
                deep.push(b',');
                v.splice(at..at, deep);
            }
            7 if len > 0 => {
                // A digit string made huge or negative.
                if let Some(at) = (0..len)
                    .map(|k| (k + self.below(len)) % len)
                    .find(|&k| v[k].is_ascii_digit())
                {
                    let tok: &[u8] = if self.below(2) == 0 {
                        b"99999999999999999999"
                    } else {
                        b"-"
                    };
                    v.splice(at..at, tok.iter().copied());
                }
            }
            _ => {
                let at = self.below(len + 1);
                let n = 1 + self.below(16);
                let bytes: Vec<u8> = (0..n).map(|_| self.rng.next() as u8).collect();
                v.splice(at..at, bytes);
            }
        }
    }
}

/// Gives a batch's header a new `batch_id` and `sequence`, where it has them.
fn renumber(v: &mut Vec<u8>, n: u64) {
    let replace = |v: &mut Vec<u8>, key: &[u8], with: &[u8]| {
        if let Some(at) = v.windows(key.len()).position(|w| w == key) {
            let start = at + key.len();
            let end = v[start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric() && *b != b'-')
                .map_or(v.len(), |e| start + e);
            v.splice(start..end, with.iter().copied());
        }
    };
    replace(v, b"\"batch_id\":\"", format!("fuzz-{n}").as_bytes());
    replace(v, b"\"sequence\":", format!("{}", n + 100).as_bytes());
}

/// Replaces a batch's last line with a trailer whose count and SHA-256 fit the lines
/// before it (as a registry would write for this content).
pub fn reseal(v: &mut Vec<u8>) {
    let body_end = match v
        .strip_suffix(b"\n")
        .unwrap_or(v)
        .iter()
        .rposition(|&b| b == b'\n')
    {
        Some(i) => i + 1,
        None => return,
    };
    v.truncate(body_end);
    let records = v.iter().filter(|&&b| b == b'\n').count().saturating_sub(1);
    let digest = hex::encode(Sha256::digest(&v[..]));
    v.extend(
        format!("{{\"type\":\"trailer\",\"records\":{records},\"sha256\":\"{digest}\"}}\n")
            .as_bytes(),
    );
}
