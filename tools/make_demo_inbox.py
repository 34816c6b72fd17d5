#!/usr/bin/env python3
"""Writes assets/demo/masuk/: a batch that the demo desk finds waiting in its import
folder (not loaded at start), so the import pane has something to import.
Deterministic; standard library only. Run: python3 tools/make_demo_inbox.py"""
import hashlib, json, os

OUT = os.path.join(os.path.dirname(__file__), "..", "assets", "demo", "masuk")
AG = "3529-DINSOS"

def line(o):
    return json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n"

def complaint(i, title, body, cls, loc, day, hour, anonymous=False, reporter=None):
    return {"type": "complaint", "id": f"LAP-2026-004{i:04d}", "revision": 1, "title": title,
            "body": body, "classification": cls, "supervisory": False, "category": "Sosial",
            "channel": "app", "submitted_at": f"2026-11-{day:02d}T{hour:02d}:05:00+07:00",
            "event_date": f"2026-11-{day - 2:02d}", "location": loc, "anonymous": anonymous,
            "confidential": False, "reporter": None if anonymous else reporter, "agency": AG,
            "status": "terdisposisi", "disposed_at": f"2026-11-{day + 1:02d}T09:30:00+07:00",
            "tags": ["sosial"], "attachments": []}

records = [
    complaint(1, "Bantuan sembako lansia tidak sampai",
              "Nenek saya di Desa Kebunagung terdaftar penerima bantuan sembako lansia, tetapi dua bulan ini tidak menerima apa-apa. Petugas desa bilang datanya hilang. Mohon dicek.",
              "pengaduan", "Desa Kebunagung, Kec. Kota Sumenep, Kab. Sumenep", 18, 8,
              reporter={"name": "Moh. Hasanuddin", "phone": "081233410982", "email": None}),
    complaint(2, "Usul pelatihan keterampilan untuk penyandang disabilitas",
              "Kami dari kelompok difabel Kecamatan Bluto mengusulkan pelatihan menjahit dan servis ponsel di balai desa. Banyak anggota kami ingin bekerja mandiri.",
              "aspirasi", "Desa Bluto, Kec. Bluto, Kab. Sumenep", 18, 13,
              reporter={"name": "Siti Rohmah", "phone": "087850112233", "email": "rohmah.bluto@example.id"}),
    complaint(3, "Syarat daftar PKH bagaimana?",
              "Mau tanya syarat pendaftaran PKH untuk keluarga yang baru pindah dari Pamekasan, apa harus punya KK Sumenep dulu?",
              "permintaan_informasi", "Desa Pabian, Kec. Kota Sumenep, Kab. Sumenep", 19, 10,
              anonymous=True),
    {"type": "message", "id": "MSG-LAP-2026-0040001-1", "complaint_id": "LAP-2026-0040001",
     "at": "2026-11-19T15:10:00+07:00", "author": "system", "agency": None,
     "text": "Laporan didisposisikan ke Dinas Sosial"},
]
header = {"type": "header", "format": "lapor-batch", "version": 1,
          "batch_id": "demo-3529-DINSOS-0004", "direction": "inbound", "agency": AG,
          "sequence": 4, "created_at": "2026-11-20T10:00:00+07:00",
          "producer": "sp4n-lapor registry"}
body = line(header) + "".join(line(r) for r in records)
trailer = {"type": "trailer", "records": len(records),
           "sha256": hashlib.sha256(body.encode()).hexdigest()}
os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "inbound-3529-DINSOS-0004.jsonl"), "w", encoding="utf-8", newline="\n") as f:
    f.write(body + line(trailer))
print("wrote", os.path.join(OUT, "inbound-3529-DINSOS-0004.jsonl"))
