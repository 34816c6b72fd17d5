//! The one writer of batch files (`spec/batch-format.md`): the header line, one line per
//! record, and the trailer with the record count, the SHA-256 of every byte before it
//! and, when asked, an Ed25519 signature over that digest.
//!
//! The demo generator (`cargo xtask demo`), the integration tests and the benchmarks
//! build their inbound batches with it. Lines are compact JSON, each ending in `\n`
//! (never `\r`); records of the crate's own types ([`Complaint`], [`Message`],
//! [`Agency`]) are written with their `type` first and their fields in the contract's
//! order, and any other serialisable value is written as it is (tests use that for
//! records the desk must refuse).

use super::wire::{FORMAT, Header, Trailer, VERSION};
use crate::domain::{Agency, Complaint, Message};
use base64::Engine;
use chrono::{DateTime, FixedOffset};
use ed25519_dalek::{Signer, SigningKey};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Write;

/// A batch line that could not be serialised.
#[derive(Debug, thiserror::Error)]
#[error("cannot write a batch line: {0}")]
pub struct WriteError(#[from] serde_json::Error);

/// An inbound record of the crate's own types, tagged with its `type`.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Record<'a> {
    Complaint(&'a Complaint),
    Message(&'a Message),
    Agency(&'a Agency),
}

/// The header of an inbound batch (registry → desk).
pub fn inbound_header(
    agency: &str,
    sequence: u64,
    batch_id: &str,
    created_at: DateTime<FixedOffset>,
    producer: Option<&str>,
) -> Header {
    Header {
        kind: "header".into(),
        format: FORMAT.into(),
        version: VERSION,
        batch_id: batch_id.into(),
        direction: "inbound".into(),
        agency: agency.into(),
        sequence,
        created_at,
        producer: producer.map(str::to_owned),
    }
}

/// The conventional file name of a batch: `inbound-3529-DINSOS-0042.jsonl`.
pub fn file_name(header: &Header) -> String {
    format!(
        "{}-{}-{:04}.jsonl",
        header.direction, header.agency, header.sequence
    )
}

/// One value as a compact JSON line with its `\n`.
pub fn json_line<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, WriteError> {
    let mut out = serde_json::to_vec(value)?;
    out.push(b'\n');
    Ok(out)
}

/// The trailer of a body (the header and record lines) holding `records` records.
pub fn trailer_for(body: &[u8], records: u64) -> Trailer {
    Trailer {
        kind: "trailer".into(),
        records,
        sha256: hex::encode(Sha256::digest(body)),
        signature: None,
        key_id: None,
    }
}

/// Signs a trailer: a base64 Ed25519 signature over the 32 raw bytes of its digest,
/// and `key_id` when given. A trailer whose digest is not hex is signed over nothing
/// useful and will be refused, which is what a test of a broken trailer wants.
pub fn sign(trailer: &mut Trailer, key: &SigningKey, key_id: Option<&str>) {
    let digest = hex::decode(&trailer.sha256).unwrap_or_default();
    let signature = key.sign(&digest);
    trailer.signature =
        Some(base64::engine::general_purpose::STANDARD.encode(signature.to_bytes()));
    trailer.key_id = key_id.map(str::to_owned);
}

/// A body (header and record lines) followed by its trailer.
pub fn seal(body: Vec<u8>, records: u64) -> Result<Vec<u8>, WriteError> {
    let trailer = trailer_for(&body, records);
    append(body, &trailer)
}

fn append(mut body: Vec<u8>, trailer: &Trailer) -> Result<Vec<u8>, WriteError> {
    serde_json::to_writer(&mut body, trailer)?;
    body.push(b'\n');
    Ok(body)
}

/// Gzip-compresses a batch (readers detect it by its magic bytes).
pub fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes)?;
    enc.finish()
}

/// A batch being written: the header first, then records, then [`BatchWriter::finish`].
#[derive(Clone, Debug)]
pub struct BatchWriter {
    out: Vec<u8>,
    records: u64,
}

impl BatchWriter {
    /// Starts a batch with its header line (a [`Header`], or any value a test wants
    /// in its place).
    pub fn new<H: Serialize + ?Sized>(header: &H) -> Result<BatchWriter, WriteError> {
        Ok(BatchWriter {
            out: json_line(header)?,
            records: 0,
        })
    }

    /// Makes room for about `bytes` more bytes (a large batch grows once).
    pub fn reserve(&mut self, bytes: usize) -> &mut Self {
        self.out.reserve(bytes);
        self
    }

    /// Adds one record line: any serialisable value, written as it is.
    pub fn record<R: Serialize + ?Sized>(&mut self, record: &R) -> Result<&mut Self, WriteError> {
        serde_json::to_writer(&mut self.out, record)?;
        self.out.push(b'\n');
        self.records += 1;
        Ok(self)
    }

    /// Adds a complaint snapshot.
    pub fn complaint(&mut self, complaint: &Complaint) -> Result<&mut Self, WriteError> {
        self.record(&Record::Complaint(complaint))
    }

    /// Adds a thread message.
    pub fn message(&mut self, message: &Message) -> Result<&mut Self, WriteError> {
        self.record(&Record::Message(message))
    }

    /// Adds a directory entry.
    pub fn agency(&mut self, agency: &Agency) -> Result<&mut Self, WriteError> {
        self.record(&Record::Agency(agency))
    }

    /// Adds a record line exactly as given (the caller supplies its `\n`, or leaves it
    /// out on purpose); it counts as one record.
    pub fn raw_record(&mut self, line: &[u8]) -> &mut Self {
        self.out.extend_from_slice(line);
        self.records += 1;
        self
    }

    /// The number of records so far.
    pub fn records(&self) -> u64 {
        self.records
    }

    /// The bytes so far: the header and record lines (what the trailer's digest covers).
    pub fn body(&self) -> &[u8] {
        &self.out
    }

    /// The header and record lines, without a trailer.
    pub fn into_body(self) -> Vec<u8> {
        self.out
    }

    /// The trailer these lines get.
    pub fn trailer(&self) -> Trailer {
        trailer_for(&self.out, self.records)
    }

    /// The complete batch: every line and the trailer.
    pub fn finish(self) -> Result<Vec<u8>, WriteError> {
        let trailer = self.trailer();
        append(self.out, &trailer)
    }

    /// The complete batch with a signed trailer.
    pub fn finish_signed(
        self,
        key: &SigningKey,
        key_id: Option<&str>,
    ) -> Result<Vec<u8>, WriteError> {
        let mut trailer = self.trailer();
        sign(&mut trailer, key, key_id);
        append(self.out, &trailer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AgencyLevel, Author};

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    fn lines(bytes: &[u8]) -> Vec<serde_json::Value> {
        std::str::from_utf8(bytes)
            .expect("utf-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect()
    }

    #[test]
    fn a_batch_has_header_typed_records_and_a_true_trailer() {
        let header = inbound_header(
            "3529-DINSOS",
            7,
            "b-7",
            at("2026-11-20T08:00:00+07:00"),
            Some("test"),
        );
        assert_eq!(file_name(&header), "inbound-3529-DINSOS-0007.jsonl");
        let mut w = BatchWriter::new(&header).expect("header");
        let agency = Agency {
            code: "3529".into(),
            name: "Kabupaten".into(),
            parent: None,
            level: AgencyLevel::Kabupaten,
            active: true,
        };
        let message = Message {
            id: "M-1".into(),
            complaint_id: "LAP-1".into(),
            at: at("2026-11-19T09:00:00+07:00"),
            author: Author::System,
            agency: None,
            text: "baris".into(),
        };
        w.agency(&agency).expect("agency");
        w.message(&message).expect("message");
        w.record(&serde_json::json!({"type": "ack", "batch_id": "x", "results": []}))
            .expect("ack");
        let body_len = w.body().len();
        let bytes = w.finish().expect("finish");
        assert!(bytes.ends_with(b"\n") && !bytes.contains(&b'\r'));
        let parsed = lines(&bytes);
        assert_eq!(parsed.len(), 5);
        assert_eq!(parsed[0]["type"], "header");
        assert_eq!(parsed[0]["created_at"], "2026-11-20T08:00:00+07:00");
        assert_eq!(parsed[1]["type"], "agency");
        assert_eq!(parsed[2]["type"], "message");
        assert_eq!(parsed[2]["at"], "2026-11-19T09:00:00+07:00");
        assert_eq!(parsed[4]["records"], 3);
        assert_eq!(
            parsed[4]["sha256"],
            hex::encode(Sha256::digest(&bytes[..body_len]))
        );
        assert!(parsed[4].get("signature").is_none());
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(text.starts_with("{\"type\":\"header\",\"format\":\"lapor-batch\","));
        assert!(text.contains("\n{\"type\":\"message\",\"id\":\"M-1\",\"complaint_id\""));
    }

    #[test]
    fn a_signed_trailer_verifies_with_the_public_key() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let header = inbound_header("A", 1, "b", at("2026-11-20T08:00:00+07:00"), None);
        let mut w = BatchWriter::new(&header).expect("header");
        w.raw_record(b"{\"type\":\"agency\"}\n");
        let digest: [u8; 32] = Sha256::digest(w.body()).into();
        let bytes = w.finish_signed(&key, Some("k1")).expect("finish");
        let trailer = lines(&bytes).pop().expect("trailer");
        assert_eq!(trailer["key_id"], "k1");
        let sig = base64::engine::general_purpose::STANDARD
            .decode(trailer["signature"].as_str().expect("signature"))
            .expect("base64");
        let sig = ed25519_dalek::Signature::from_slice(&sig).expect("signature bytes");
        assert!(key.verifying_key().verify_strict(&digest, &sig).is_ok());
    }

    #[test]
    fn gzip_starts_with_the_magic_bytes() {
        let z = gzip(b"abc\n").expect("gzip");
        assert_eq!(&z[..2], &[0x1f, 0x8b]);
    }
}
