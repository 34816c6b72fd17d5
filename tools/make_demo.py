#!/usr/bin/env python3
"""Generate Sigap's demo data set: inbound batch files in assets/demo/.

    python3 tools/make_demo.py           # (re)write assets/demo/, then run the check
    python3 tools/make_demo.py --check   # only re-read assets/demo/ and verify it

Standard library only, a fixed seed, no network: the same script always writes the same
bytes. The files follow shared/spec/batch-format.md (inbound batches, version 1). The
story is a Sumenep regency (kode 3529) coordinator desk on 2026-11-20 (a Friday) with six
agencies in scope; see assets/demo/README.md (also written by this script).

How the data is made: every complaint gets a whole "life" (submitted, disposed, agency
responses, reporter replies, status changes), each change raising its revision. Each
agency stream has a few batch times; batch k carries a snapshot of every complaint that
changed since batch k-1, followed by the messages written in that window. Anything after
the last batch of a stream has not happened yet and is dropped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

# --------------------------------------------------------------------------------------
# Fixed parameters of the demo
# --------------------------------------------------------------------------------------

SEED = 35292026
TZ = timezone(timedelta(hours=7))  # WIB
REF_DATE = date(2026, 11, 20)  # "today" of the demo, a Friday
REF_NOW = datetime(2026, 11, 20, 8, 0, tzinfo=TZ)  # nothing in the files is later than this
ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "assets" / "demo"
PRODUCER = "sp4n-lapor registry"
MAX_TOTAL_BYTES = 1_000_000

SCOPE = [
    "3529-DINSOS",
    "3529-DPUBM",
    "3529-SATPOLPP",
    "3529-DISDUKCAPIL",
    "3529-DINKES",
    "3529-DISDIK",
]

# (sequence, created_at) per inbound stream. Later sequences are later in time.
STREAMS = {
    "3529-DINSOS": [(1, "2026-09-18T15:30:00"), (2, "2026-10-23T15:45:00"), (3, "2026-11-20T06:40:00")],
    "3529-DPUBM": [
        (1, "2026-10-02T16:00:00"),
        (2, "2026-10-30T16:10:00"),
        (3, "2026-11-06T16:05:00"),
        (4, "2026-11-20T06:45:00"),
    ],
    "3529-SATPOLPP": [(1, "2026-10-09T15:20:00"), (2, "2026-11-20T06:50:00")],
    "3529-DISDUKCAPIL": [(1, "2026-09-25T15:40:00"), (2, "2026-10-30T15:35:00"), (3, "2026-11-20T06:55:00")],
    "3529-DINKES": [(1, "2026-10-02T15:50:00"), (2, "2026-11-20T07:00:00")],
    "3529-DISDIK": [(1, "2026-10-16T15:25:00"), (2, "2026-11-20T07:05:00")],
}
# The registry produced this batch but the desk never received it: the gap to show.
MISSING = {("3529-DPUBM", 3)}
# The file that carries the agency directory, and a later file that adds one new code.
DIRECTORY_FILE = ("3529-DINSOS", 1)
LATE_AGENCY_FILE = ("3529-DPUBM", 4)

# Complaints planned per stream (a few of DPUBM's fall into the missing batch).
PLANNED = {
    "3529-DINSOS": 52,
    "3529-DPUBM": 56,
    "3529-SATPOLPP": 48,
    "3529-DISDUKCAPIL": 52,
    "3529-DINKES": 48,
    "3529-DISDIK": 50,
}
DAYS_BACK = 90  # disposed_at spreads over REF_DATE - 90 .. REF_DATE

# National holidays and cuti bersama 2026 (copied from shared/data/holidays-id.toml, so that
# the script stands alone). Only used to place agency responses on working days and to
# print the SLA summary.
HOLIDAYS = {
    date.fromisoformat(d)
    for d in (
        "2026-01-01 2026-01-16 2026-02-16 2026-02-17 2026-03-18 2026-03-19 2026-03-20 "
        "2026-03-21 2026-03-22 2026-03-23 2026-03-24 2026-04-03 2026-04-05 2026-05-01 "
        "2026-05-14 2026-05-15 2026-05-27 2026-05-28 2026-05-31 2026-06-01 2026-06-16 "
        "2026-08-17 2026-08-25 2026-12-24 2026-12-25"
    ).split()
}

STATUSES = ["belum_terverifikasi", "tertunda", "arsip", "terdisposisi", "diproses", "selesai"]
CLASSES = ["aspirasi", "pengaduan", "permintaan_informasi"]
CHANNELS = ["web", "app", "sms", "twitter", "whatsapp", "letter"]
AUTHORS = ["reporter", "admin", "agency", "system"]
LEVELS = ["kementerian", "lembaga", "provinsi", "kabupaten", "kota", "opd", "unit"]

# --------------------------------------------------------------------------------------
# Agency directory
# --------------------------------------------------------------------------------------

DIRECTORY = [
    # code, name, parent, level, active
    ("3529", "Pemerintah Kabupaten Sumenep", None, "kabupaten", True),
    ("3529-DISKOMINFO", "Dinas Komunikasi dan Informatika", "3529", "opd", True),
    ("3529-DINSOS", "Dinas Sosial", "3529", "opd", True),
    ("3529-DPUBM", "Dinas Pekerjaan Umum Bina Marga", "3529", "opd", True),
    ("3529-SATPOLPP", "Satuan Polisi Pamong Praja", "3529", "opd", True),
    ("3529-DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "3529", "opd", True),
    ("3529-DINKES", "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana", "3529", "opd", True),
    ("3529-DISDIK", "Dinas Pendidikan", "3529", "opd", True),
    ("3529-DPUSDA", "Dinas Pekerjaan Umum dan Sumber Daya Air", "3529", "opd", True),
    ("3529-DISPERKIM", "Dinas Perumahan, Kawasan Permukiman dan Pertanahan", "3529", "opd", True),
    ("3529-DLH", "Dinas Lingkungan Hidup", "3529", "opd", True),
    ("3529-DISHUB", "Dinas Perhubungan", "3529", "opd", True),
    ("3529-DPMD", "Dinas Pemberdayaan Masyarakat dan Desa", "3529", "opd", True),
    ("3529-DISNAKER", "Dinas Tenaga Kerja", "3529", "opd", True),
    ("3529-DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "3529", "opd", True),
    ("3529-DKPP", "Dinas Ketahanan Pangan dan Pertanian", "3529", "opd", True),
    ("3529-DISKAN", "Dinas Perikanan", "3529", "opd", True),
    ("3529-BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "3529", "opd", True),
    ("3529-BPBD", "Badan Penanggulangan Bencana Daerah", "3529", "opd", True),
    ("3529-INSPEKTORAT", "Inspektorat Daerah", "3529", "opd", True),
    ("3529-RSUD", "RSUD dr. H. Moh. Anwar", "3529", "opd", True),
    ("3529-DINKES-PKMPANDIAN", "UPT Puskesmas Pandian", "3529-DINKES", "unit", True),
    ("3529-DISHUBKOMINFO", "Dinas Perhubungan, Komunikasi dan Informatika (dilebur)", "3529", "opd", False),
    ("3578", "Pemerintah Kota Surabaya", None, "kota", True),
    ("35", "Pemerintah Provinsi Jawa Timur", None, "provinsi", True),
    ("35-DPUBM", "Dinas PU Bina Marga Provinsi Jawa Timur", "35", "opd", True),
    ("35-DISHUB", "Dinas Perhubungan Provinsi Jawa Timur", "35", "opd", True),
    ("35-DISDIK", "Dinas Pendidikan Provinsi Jawa Timur", "35", "opd", True),
    ("35-DINSOS", "Dinas Sosial Provinsi Jawa Timur", "35", "opd", True),
    ("K-PU", "Kementerian Pekerjaan Umum", None, "kementerian", True),
    ("K-ATRBPN", "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional", None, "kementerian", True),
    ("K-AGAMA", "Kementerian Agama", None, "kementerian", True),
    ("K-SOSIAL", "Kementerian Sosial", None, "kementerian", True),
    ("K-HUB", "Kementerian Perhubungan", None, "kementerian", True),
    ("K-IMIGRASI", "Direktorat Jenderal Imigrasi", None, "lembaga", True),
    ("L-BPJSKES", "BPJS Kesehatan", None, "lembaga", True),
    ("L-BPJSTK", "BPJS Ketenagakerjaan", None, "lembaga", True),
    ("L-BGN", "Badan Gizi Nasional", None, "lembaga", True),
    ("L-PLN", "PT PLN (Persero)", None, "lembaga", True),
]
LATE_DIRECTORY = [
    ("3529-DISBUDPORAPAR", "Dinas Kebudayaan, Kepemudaan, Olahraga dan Pariwisata", "3529", "opd", True),
]
AGENCY_NAME = {code: name for code, name, *_ in DIRECTORY + LATE_DIRECTORY}

# How each in-scope agency talks about itself in its responses.
AGENCY_VOICE = {
    "3529-DINSOS": {
        "units": [
            "Bidang Perlindungan dan Jaminan Sosial",
            "Bidang Rehabilitasi Sosial",
            "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin",
        ],
        "field": "pendamping sosial dan TKSK Kecamatan {kec}",
        "hold": "Mohon Saudara mengirimkan NIK dan nomor KK penerima melalui balasan laporan ini "
        "agar dapat kami periksa pada aplikasi SIKS-NG.",
    },
    "3529-DPUBM": {
        "units": ["Bidang Bina Marga", "Bidang Pemeliharaan Jalan dan Jembatan", "Bidang Pembangunan Jalan"],
        "field": "tim teknis pemeliharaan jalan",
        "hold": "Mohon Saudara melengkapi titik lokasi (nama dusun, patokan, atau koordinat) dan foto "
        "kerusakan agar tim dapat melakukan survei.",
    },
    "3529-SATPOLPP": {
        "units": ["Bidang Penegakan Perda", "Bidang Ketenteraman dan Ketertiban Umum"],
        "field": "regu patroli wilayah {kec}",
        "hold": "Mohon informasi alamat lengkap atau patokan lokasi serta jam kejadian agar dapat kami "
        "jadwalkan patroli.",
    },
    "3529-DISDUKCAPIL": {
        "units": [
            "Bidang Pelayanan Pendaftaran Penduduk",
            "Bidang Pelayanan Pencatatan Sipil",
            "Bidang Pengelolaan Informasi Administrasi Kependudukan",
        ],
        "field": "petugas Dukcapil di Kecamatan {kec}",
        "hold": "Mohon Saudara menyampaikan NIK serta nomor registrasi atau bukti perekaman agar status "
        "data dapat kami periksa.",
    },
    "3529-DINKES": {
        "units": [
            "Bidang Pelayanan Kesehatan",
            "Bidang Pencegahan dan Pengendalian Penyakit",
            "Bidang Kesehatan Masyarakat",
            "Bidang Sumber Daya Kesehatan",
        ],
        "field": "kepala {pkm}",
        "hold": "Mohon informasi tanggal kunjungan dan nama pasien agar dapat kami klarifikasi ke "
        "fasilitas kesehatan yang bersangkutan.",
    },
    "3529-DISDIK": {
        "units": ["Bidang Pembinaan SD", "Bidang Pembinaan SMP", "Bidang Guru dan Tenaga Kependidikan"],
        "field": "pengawas sekolah Kecamatan {kec}",
        "hold": "Mohon Saudara menyebutkan nama sekolah dan kelas siswa agar dapat kami klarifikasi ke "
        "sekolah terkait.",
    },
}

# --------------------------------------------------------------------------------------
# Places and people of Sumenep
# --------------------------------------------------------------------------------------

PLACES = {
    "Kota Sumenep": ["Pajagalan", "Bangselok", "Karangduak", "Pangarangan", "Kepanjin", "Kolor",
                     "Pabian", "Kebunan", "Marengan Laok", "Pamolokan", "Bangkal", "Paberasan",
                     "Kacongan", "Babbalan", "Pandian", "Parsanga", "Kebonagung"],
    "Kalianget": ["Kalianget Timur", "Kalianget Barat", "Marengan Daya", "Pinggir Papas",
                  "Karanganyar", "Kertasada", "Kalimo'ok"],
    "Saronggi": ["Saroka", "Kebundadap Barat", "Kebundadap Timur", "Nambakor", "Pagarbatu",
                 "Tanah Merah", "Talang", "Langsar", "Juluk", "Aeng Tong-Tong", "Muangan"],
    "Lenteng": ["Lenteng Timur", "Lenteng Barat", "Cangkreng", "Daramista", "Meddelan", "Jambu",
                "Ellak Daya", "Sendir", "Banuaju Barat", "Lembung Barat"],
    "Ganding": ["Ganding", "Ketawang Laok", "Talaga", "Gadu Barat", "Rombiya Timur", "Tenonan"],
    "Guluk-Guluk": ["Guluk-Guluk", "Pordapor", "Payudan Daleman", "Bragung", "Tambuko", "Bakeong",
                    "Pananggungan"],
    "Pragaan": ["Prenduan", "Pragaan Laok", "Pragaan Daya", "Aengpanas", "Karduluk",
                "Larangan Perreng", "Sentol Daya", "Rombasan", "Jaddung", "Kaduara Barat"],
    "Bluto": ["Bluto", "Kapedi", "Lobuk", "Pakandangan Barat", "Errabu", "Gingging", "Palongan",
              "Sera Timur"],
    "Batang-Batang": ["Batang-Batang Laok", "Legung Timur", "Legung Barat", "Lombang", "Dapenda",
                      "Tamidung", "Jenangger"],
    "Dungkek": ["Dungkek", "Lapa Laok", "Lapa Taman", "Bicabi", "Romben Guna", "Candi", "Banra'as",
                "Jadung"],
    "Ambunten": ["Ambunten Timur", "Ambunten Tengah", "Keles", "Sogian", "Bukabu", "Campor",
                 "Tambaagung Ares"],
    "Pasongsongan": ["Pasongsongan", "Panaongan", "Padangdangan", "Prancak", "Lebbeng Barat",
                     "Soddara", "Montorna", "Rajun"],
    "Rubaru": ["Rubaru", "Basoka", "Matanair", "Tambaksari", "Pakondang", "Kalebengan", "Banasare"],
    "Manding": ["Manding Laok", "Manding Daya", "Manding Timur", "Lalangon", "Gunung Kembar",
                "Kasengan", "Giring"],
    "Gapura": ["Gapura Timur", "Gapura Barat", "Gersik Putih", "Karangbudi", "Longos", "Andulang",
               "Grujugan", "Poja"],
    "Dasuk": ["Dasuk Laok", "Dasuk Timur", "Jelbudan", "Semaan", "Bates", "Nyapar", "Slopeng",
              "Kerta Timur"],
    "Batuputih": ["Batuputih Laok", "Batuputih Daya", "Bantelan", "Juruan Laok", "Aeng Merah",
                  "Badur", "Gedang-Gedang"],
    "Talango": ["Talango", "Padike", "Cabbiya", "Gapurana", "Poteran", "Essang", "Palasa",
                "Kombang"],
    "Giligenting": ["Aenganyar", "Bringsang", "Galis", "Gedugan", "Jate", "Banbaru"],
    "Arjasa": ["Arjasa", "Pajanangger", "Kalikatak", "Bilis-Bilis", "Kolo-Kolo", "Pandeman",
               "Sumbernangka", "Kalisangka"],
    "Kangayan": ["Kangayan", "Torjek", "Timur Jang-Jang", "Cangkramaan", "Jukong-Jukong", "Saobi"],
    "Nonggunong": ["Nonggunong", "Sokarame Timur", "Sokarame Paseser", "Talaga", "Sonok", "Rosong"],
    "Gayam": ["Gayam", "Jambuir", "Nyamplong", "Tarebung", "Prambanan", "Kalowang", "Gendang Timur"],
    "Raas": ["Ketupat", "Brakas", "Alas Malang", "Jungkat", "Tonduk", "Guwa-Guwa", "Karopoh"],
    "Masalembu": ["Masalima", "Sukajeruk", "Masakambing"],
    "Sapeken": ["Sapeken", "Sepanjang", "Pagerungan Besar", "Sasiil", "Paliat", "Sabunten",
                "Saur Saebus", "Sakala"],
}
KELURAHAN = {"Pajagalan", "Bangselok", "Karangduak", "Pangarangan", "Kepanjin", "Kolor"}
ISLANDS = ["Talango", "Giligenting", "Arjasa", "Kangayan", "Nonggunong", "Gayam", "Raas",
           "Masalembu", "Sapeken"]
MAINLAND = [k for k in PLACES if k not in ISLANDS]
KEC_WEIGHT = {k: (4 if k == "Kota Sumenep" else 2 if k in MAINLAND else 1) for k in PLACES}

DUSUN = ["Lao' Songai", "Bara' Lorong", "Tengah", "Somor", "Karang Jati", "Pesisir", "Morlaok",
         "Duko", "Lembung", "Tegal", "Daja Lorong", "Kebun", "Pakotan", "Bunnyior", "Tambak"]

LANDMARKS = {
    "Kota Sumenep": ["Taman Adipura (Taman Bunga)", "Pasar Anom Baru", "Masjid Jamik Sumenep",
                     "Terminal Arya Wiraraja", "GOR A. Yani", "Labang Mesem", "Pasar Bangkal",
                     "perempatan Jalan Trunojoyo"],
    "Kalianget": ["Pelabuhan Kalianget", "Pasar Kalianget", "pertigaan Marengan"],
    "Pragaan": ["Pasar Prenduan", "pertigaan Prenduan"],
    "Dungkek": ["Pelabuhan Dungkek", "Pasar Dungkek"],
    "Batang-Batang": ["Pantai Lombang", "Pasar Legung"],
    "Dasuk": ["Pantai Slopeng", "Pasar Dasuk"],
    "Lenteng": ["Pasar Lenteng", "kantor Kecamatan Lenteng"],
    "Gapura": ["Pasar Gapura", "pertigaan Gapura"],
}
CITY_ROADS = ["Jalan Trunojoyo", "Jalan Dr. Cipto", "Jalan Urip Sumoharjo", "Jalan Diponegoro",
              "Jalan KH. Wahid Hasyim", "Jalan Pahlawan", "Jalan Raya Kalianget", "Jalan Adirasa"]

NAMES = [
    "Moh. Hosnan", "Abd. Rahem", "Sitti Maryam", "Ach. Fauzan", "Hairul Anam", "Sumarni",
    "Nurul Hidayah", "Jumaati", "Busiri", "Holifah", "Ainur Rofiq", "Mat Sanin", "Marsuki",
    "Sahrawi", "Juhairiyah", "Kholilurrahman", "Maskur", "Syamsul Arifin", "Fathorrahman",
    "Mohammad Sahri", "Rosyidah", "Musyarrofah", "Badrus Sholeh", "Zainal Abidin", "Hasanuddin",
    "Nuril Anwar", "Subairi", "Rasidi", "Asmawi", "Nur Laili", "Zubaidah", "Atiqah",
    "Lailatul Qomariyah", "Siti Rohmah", "Iskandar", "Arif Rahman Hakim", "Taufiqurrahman",
    "Bahrul Ulum", "H. Moh. Zainuddin", "Hj. Sumaiyah", "Agus Salim", "Dewi Safitri",
    "Rina Wulandari", "Yusuf Hidayat", "Dimas Prasetyo", "Fitria Ningsih", "Nanang Qosim",
    "Slamet Riyadi", "Samsul Hadi", "Mahfud", "Imam Ghazali", "Kurniawan", "Herman Susilo",
    "Ahmad Wafi", "Sulaiman", "Hosnol Khotimah", "Ummul Hasanah", "Moh. Rasyid", "Nur Hasanah",
    "Maimunah", "Rofiqoh", "Ach. Zainuri", "Hairul Anwar", "Abd. Kadir", "Mohammad Ridwan",
    "Siti Nurjannah", "Faridatul Hasanah", "Moh. Jakfar", "Suhairi", "Masyhuri", "Halimatus Sa'diyah",
]
PHONE_PREFIX = ["0812", "0813", "0819", "0821", "0822", "0823", "0852", "0853", "0857", "0858",
                "0877", "0878", "0831", "0838", "0895", "0896"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
KK_TYPOS = [("Sitti Aisya", "Siti Aisyah"), ("Moh. Hollis", "Moh. Kholis"), ("Subaidah", "Zubaidah"),
            ("Jumaatin", "Juma'atin"), ("Rahmat Hidayat", "Rahmad Hidayat"),
            ("Nur Laela", "Nur Laili"), ("Misnadin", "Misnadi")]

# --------------------------------------------------------------------------------------
# Text bank: scenarios per agency
# --------------------------------------------------------------------------------------
# Body variants start with "f|" (formal) or "i|" (informal). Slots in {braces} are filled
# from the complaint's context (see make_ctx). `finals` are the agency's closing follow-ups.


def S(key, agency, category, cls, titles, bodies, tags, finals, sup=0.0, kec=None, anon=0.11,
      conf=0.05, weight=3, progress=None, att="photo"):
    return dict(key=key, agency=agency, category=category, cls=cls, titles=titles, bodies=bodies,
                tags=tags, finals=finals, sup=sup, kec=kec, anon=anon, conf=conf, weight=weight,
                progress=progress or [], att=att)


P, A, I = "pengaduan", "aspirasi", "permintaan_informasi"

SCENARIOS = [
    # ---------------------------------------------------------------- Dinas Sosial
    S("pkh", "3529-DINSOS", "Sosial", {P: 9, I: 1},
      ["Bantuan PKH tidak cair", "PKH tidak cair sudah {n} bulan", "Dana PKH tahap {tahap} belum masuk",
       "PKH ibu saya tiba-tiba berhenti", "Saldo KKS PKH kosong"],
      ["f|Saya penerima PKH di Desa {desa}, Kecamatan {kec}. Sejak tahap {tahap} tahun ini dana PKH "
       "tidak masuk ke rekening KKS saya, padahal penerima lain di dusun kami sudah cair. Saat saya "
       "tanyakan ke pendamping, jawabannya masih proses, tetapi sudah {n} bulan belum ada kejelasan.",
       "f|Ibu saya sudah lansia dan selama ini terdaftar PKH komponen lansia. Mulai bulan {bulan} "
       "namanya tidak ada lagi di daftar penerima tanpa pemberitahuan apa pun. Tidak ada perubahan "
       "kondisi, beliau masih tinggal sendiri di Desa {desa}.",
       "i|pak saya mau tanya kenapa pkh saya gak cair2 udah {n} bulan. dulu lancar. pas dicek di bank "
       "saldonya nol. tolong dibantu cek data saya",
       "f|Kami KPM PKH Desa {desa} berjumlah sekitar {m} orang yang bantuannya tidak cair pada tahap "
       "{tahap}. Menurut pendamping ada masalah pada rekening, tetapi tidak ada penjelasan kapan "
       "akan diperbaiki.",
       "i|Assalamualaikum. PKH sy tahap ini gak masuk, katanya data sy \"tidak padan\" sama dukcapil. "
       "Padahal KTP sama KK sy baru. Harus ngurus ke mana ya?"],
      ["pkh", "bansos"],
      ["Berdasarkan hasil pengecekan, rekening KKS yang bersangkutan sempat dibekukan karena tidak ada "
       "transaksi. Rekening telah diaktifkan kembali oleh bank penyalur dan dana tahap {tahap} telah "
       "masuk pada {tgl_msg}. Silakan dicek, dan hubungi pendamping PKH Kecamatan {kec} bila masih ada kendala.",
       "Hasil verifikasi menunjukkan data KPM tidak padan dengan data kependudukan (NIK). Data telah "
       "diperbaiki bersama Dinas Dukcapil dan diusulkan kembali untuk penyaluran tahap berikutnya. "
       "Laporan kami nyatakan selesai.",
       "Yang bersangkutan tidak lagi memenuhi kriteria penerima berdasarkan hasil pemutakhiran DTSEN "
       "(desil 6). Apabila kondisi keluarga tidak sesuai dengan data tersebut, Saudara dapat "
       "mengajukan sanggahan melalui musyawarah desa atau aplikasi Cek Bansos."]),
    S("bpnt", "3529-DINSOS", "Sosial", {P: 1},
      ["BPNT tidak cair tahap ini", "Bantuan sembako tidak diterima", "Beras bantuan berkutu dan bau",
       "Saldo kartu sembako kosong"],
      ["f|Saya terdaftar sebagai penerima Bantuan Pangan Non Tunai di Desa {desa}. Tahap ini saldo di "
       "kartu kosong, sedangkan penerima lain di dusun yang sama sudah bisa mengambil di e-warong.",
       "f|Beras bantuan yang kami terima bulan {bulan} kualitasnya jelek, berkutu dan berbau apek. "
       "Ini terjadi di Desa {desa}, Kecamatan {kec}. Mohon diperiksa penyalurnya.",
       "i|bansos sembako di desa {desa} katanya cair tgl {d} tp sampe skrg blm dibagi sama kadus. "
       "warga sdh nanya2 ga ada jawaban"],
      ["bpnt", "bansos"],
      ["Telah dilakukan klarifikasi kepada penyalur dan pemerintah Desa {desa}. Bantuan tahap dimaksud "
       "sudah disalurkan kepada seluruh KPM pada {tgl_msg}, dan beras yang tidak layak telah diganti.",
       "Saldo kartu telah masuk setelah proses sinkronisasi data oleh bank penyalur. Terima kasih atas "
       "laporannya."]),
    S("dtsen", "3529-DINSOS", "Sosial", {P: 6, A: 2, I: 2},
      ["Data DTSEN tidak sesuai kondisi", "Warga miskin tidak masuk data bansos",
       "Orang mampu dapat bansos, yang miskin tidak", "Mohon verifikasi ulang data penerima",
       "Musdes pemutakhiran data tidak transparan"],
      ["f|Di Desa {desa} ada beberapa keluarga yang sebenarnya mampu, memiliki mobil dan rumah "
       "permanen, tetapi masih tercatat sebagai penerima bantuan. Sementara tetangga kami yang janda "
       "dan tinggal di rumah bambu tidak pernah mendapat apa-apa.",
       "f|Keluarga saya sudah didata petugas sejak awal tahun, tetapi saat dicek di aplikasi Cek Bansos "
       "keterangannya tidak terdaftar. Mohon informasi bagaimana cara mengusulkan ulang.",
       "i|musdes pemutakhiran data di desa {desa} gak transparan pak. daftar usulan gak pernah ditempel "
       "di balai desa, warga gak tau siapa aja yg diusulkan"],
      ["dtsen", "data"],
      ["Usulan perbaikan data telah kami proses melalui musyawarah desa Desa {desa} dan diunggah ke "
       "aplikasi SIKS-NG pada {tgl_msg}. Hasil pemutakhiran akan terlihat setelah penetapan oleh "
       "Kementerian Sosial.",
       "Kami telah meminta pemerintah Desa {desa} mengumumkan daftar usulan penerima di balai desa. "
       "Warga yang keberatan dapat menyampaikan sanggahan ke pendamping sosial kecamatan."]),
    S("lansia", "3529-DINSOS", "Sosial", {A: 3, P: 2},
      ["Lansia hidup sendiri belum dapat bantuan", "Mohon perhatian untuk nenek sebatang kara",
       "Kakek lumpuh tidak ada yang merawat"],
      ["f|Di Dusun {dusun}, Desa {desa} ada nenek berusia sekitar {usia} tahun yang tinggal sendirian "
       "dan rumahnya hampir roboh. Beliau makan dari pemberian tetangga. Mohon Dinas Sosial mendata "
       "dan memberikan bantuan.",
       "f|Seorang kakek di Desa {desa} sudah tidak bisa berjalan, sementara anak-anaknya merantau ke "
       "Malaysia. Tetangga bergantian mengantar makanan, tetapi kemampuan kami terbatas. Mohon ada "
       "kunjungan dari Dinas Sosial.",
       "i|tolong pak ada nenek di dusun {dusun} {desa} tinggal sendiri umur {usia} th, rumahnya mau "
       "ambruk. kasian bgt"],
      ["lansia", "rehsos"],
      ["Petugas telah mengunjungi yang bersangkutan pada {tgl_msg} dan memberikan bantuan permakanan "
       "serta sembako. Beliau juga telah diusulkan sebagai penerima program Asistensi Rehabilitasi "
       "Sosial (ATENSI) lansia.",
       "Hasil asesmen TKSK: lansia tersebut telah didaftarkan ke DTSEN dan mendapat bantuan permakanan "
       "bulanan. Perbaikan rumah diusulkan melalui program rumah tidak layak huni."]),
    S("odgj", "3529-DINSOS", "Sosial", {P: 3, A: 1},
      ["Warga ODGJ dipasung keluarganya", "ODGJ tidur di emperan toko", "Mohon penanganan ODGJ"],
      ["f|Ada warga dengan gangguan jiwa di Desa {desa} yang sudah bertahun-tahun dipasung di belakang "
       "rumah oleh keluarganya karena dianggap membahayakan. Keluarga tidak memiliki biaya untuk "
       "berobat. Mohon dibantu penanganannya.",
       "i|udah 2 minggu ada orang gangguan jiwa tidur di emperan toko dekat {tempat}. kadang marah2 "
       "ke orang lewat. kasian juga kalo hujan. tolong diamankan dan dirawat"],
      ["odgj", "rehsos"], ["Yang bersangkutan telah dievakuasi bersama Satpol PP dan puskesmas pada {tgl_msg} "
                           "dan dirujuk ke RSJ Menur Surabaya untuk perawatan. Keluarga telah didampingi "
                           "untuk kepesertaan BPJS PBI."], conf=0.3),
    S("bencana", "3529-DINSOS", "Sosial", {P: 2, A: 1},
      ["Bantuan korban kebakaran belum diterima", "Rumah rusak diterjang puting beliung"],
      ["f|Rumah kami di Desa {desa} terbakar pada tanggal {tgl} dan habis seluruhnya. Kami sudah "
       "melapor ke desa dan kecamatan, katanya akan diusulkan bantuan dari Dinas Sosial, tetapi sudah "
       "{n} minggu belum ada kabar. Saat ini kami menumpang di rumah saudara.",
       "f|Angin puting beliung merusak belasan rumah di Desa {desa}, Kecamatan {kec} pada {tgl}. Atap "
       "rumah warga banyak yang terbang. Sampai sekarang baru ada bantuan terpal dari desa."],
      ["bencana", "bansos"],
      ["Bantuan logistik dan paket kebutuhan dasar telah disalurkan kepada keluarga terdampak pada "
       "{tgl_msg}. Usulan bantuan perbaikan rumah telah kami teruskan ke BPBD."]),
    S("potongan", "3529-DINSOS", "Sosial", {P: 1},
      ["Dugaan pemotongan dana PKH oleh oknum", "Bansos dipotong Rp{pot} per penerima",
       "Kartu KKS warga dipegang oknum"],
      ["f|Setiap pencairan PKH di Desa {desa} ada oknum yang meminta uang Rp{pot} per penerima dengan "
       "alasan uang administrasi. Yang tidak mau membayar diancam namanya dicoret. Kami takut melapor "
       "langsung, karena itu melalui LAPOR!.",
       "f|Kartu ATM KKS warga di Dusun {dusun}, Desa {desa} dipegang oleh orang tertentu dan warga "
       "hanya diberi sebagian uangnya. Hal ini sudah berlangsung lama. Mohon diusut."],
      ["pkh", "pungli"],
      ["Tim Dinas Sosial bersama Inspektorat telah melakukan klarifikasi kepada KPM di Desa {desa} pada "
       "{tgl_msg}. Pendamping yang bersangkutan telah dinonaktifkan sementara dan seluruh KKS "
       "dikembalikan kepada pemiliknya. Hasil pemeriksaan lanjutan ditangani Inspektorat Daerah."],
      sup=0.8, anon=0.6, conf=0.6, weight=2),
    S("disabilitas", "3529-DINSOS", "Sosial", {A: 2, P: 1},
      ["Permohonan kursi roda untuk anak disabilitas", "Bantuan alat bantu dengar untuk lansia"],
      ["f|Anak saya berusia {usia_anak} tahun, penyandang disabilitas fisik dan tidak bisa berjalan. "
       "Kami mohon bantuan kursi roda karena selama ini anak harus digendong setiap berobat ke {pkm}.",
       "i|ibu saya sudah gak bisa dengar, mohon info apa ada bantuan alat bantu dengar dari dinsos? "
       "kami tinggal di {desa} {kec}"],
      ["disabilitas"],
      ["Bantuan kursi roda telah diserahkan kepada yang bersangkutan pada {tgl_msg} di kantor Desa "
       "{desa}. Terima kasih atas laporannya.",
       "Petugas telah melakukan asesmen dan alat bantu dengar diserahkan kepada yang bersangkutan pada "
       "{tgl_msg} melalui program ATENSI."]),
    S("pbi", "3529-DINSOS", "Sosial", {P: 1},
      ["BPJS PBI saya dinonaktifkan", "Kartu KIS ditolak saat berobat"],
      ["f|Saat berobat ke {pkm} kemarin, kartu KIS saya ditolak karena status PBI sudah nonaktif. Saya "
       "tidak pernah diberi tahu. Saya buruh tani dan tidak sanggup membayar iuran mandiri. Mohon "
       "diaktifkan kembali.",
       "i|kis bpjs saya mati tiba2, pas mau berobat disuruh bayar umum. saya gak mampu pak. tolong "
       "diaktifkan lg"],
      ["pbi", "bpjs"],
      ["Kepesertaan PBI JK yang bersangkutan telah diusulkan reaktivasi dan sudah aktif kembali per "
       "{tgl_msg}. Kartu dapat langsung digunakan di fasilitas kesehatan."]),
    S("info_bansos", "3529-DINSOS", "Sosial", {I: 1},
      ["Cara mendaftar PKH", "Syarat pengajuan bantuan sosial", "Kapan jadwal pencairan BPNT?"],
      ["f|Mohon informasi bagaimana cara mendaftar sebagai penerima PKH. Apakah harus melalui desa atau "
       "bisa langsung ke Dinas Sosial? Apa saja syarat yang harus dibawa?",
       "i|kapan jadwal pencairan bansos tahap {tahap} utk kec {kec}? di desa kami belum ada info sama sekali"],
      ["informasi", "bansos"],
      ["Pendaftaran calon penerima bansos dilakukan melalui musyawarah desa atau secara mandiri melalui "
       "fitur usul-sanggah aplikasi Cek Bansos dengan membawa KTP dan KK. Jadwal penyaluran tahap "
       "berikutnya akan diumumkan pendamping di masing-masing kecamatan."], anon=0.05),
    S("anjal", "3529-DINSOS", "Sosial", {A: 2, P: 1},
      ["Pengemis anak di perempatan kota", "Banyak pengamen anak di sekitar taman"],
      ["f|Setiap sore banyak anak-anak yang mengemis dan mengamen di {tempat}. Sebagian masih usia SD. "
       "Mohon Dinas Sosial melakukan pembinaan, tidak hanya dirazia lalu dilepas lagi."],
      ["anjal", "rehsos"],
      ["Bersama Satpol PP telah dilakukan penjangkauan pada {tgl_msg}. Anak-anak telah dikembalikan "
       "kepada orang tuanya dengan pendampingan dan dua di antaranya didaftarkan kembali ke sekolah."],
      kec=["Kota Sumenep"]),
    S("rutilahu", "3529-DINSOS", "Sosial", {A: 1},
      ["Usul bedah rumah untuk warga kepulauan", "Usulan pelatihan usaha untuk keluarga PKH"],
      ["f|Kami mengusulkan agar program rehabilitasi rumah tidak layak huni juga menjangkau desa-desa di "
       "kepulauan seperti Kecamatan {kec}. Banyak rumah warga di Desa {desa} berdinding anyaman bambu "
       "dan berlantai tanah.",
       "f|Kami berharap keluarga penerima PKH di Desa {desa} mendapat pelatihan usaha, misalnya "
       "pengolahan ikan asin dan kerupuk, agar tidak terus bergantung pada bantuan."],
      ["aspirasi"],
      ["Terima kasih atas usulannya. Usulan telah kami catat sebagai bahan perencanaan program tahun "
       "anggaran 2027 dan akan dibahas bersama Bappeda."], kec=ISLANDS, weight=2),
    # ---------------------------------------------------------------- Dinas PU Bina Marga
    S("jalan", "3529-DPUBM", "Infrastruktur", {P: 9, A: 1},
      ["Jalan rusak parah di Desa {desa}", "Jalan berlubang membahayakan pengendara",
       "Jalan poros {desa}–{desa2} hancur", "Jalan kabupaten di {kec} rusak bertahun-tahun",
       "Aspal jalan ke {desa} tinggal batu"],
      ["f|Jalan penghubung Desa {desa} ke Desa {desa2}, Kecamatan {kec}, rusak parah sepanjang kurang "
       "lebih {km} km. Aspalnya sudah habis, tinggal batu dan lubang-lubang besar. Saat hujan jalan "
       "tergenang dan sering ada pengendara motor yang jatuh.",
       "i|jalan di depan {tempat} berlubang besar, sdh ada yg jatuh kemarin malam. tolong segera "
       "ditambal sebelum ada korban",
       "f|Kami warga Desa {desa} sudah bertahun-tahun menunggu perbaikan jalan. Setiap musrenbang "
       "selalu diusulkan tetapi tidak pernah terealisasi. Anak sekolah harus berjalan di jalan "
       "berlumpur, dan ambulans sulit masuk jika ada warga yang sakit.",
       "f|Lubang di {jalan} dekat {tempat} semakin lebar, diameternya sekitar satu meter dan cukup "
       "dalam. Malam hari tidak ada penerangan sehingga sangat berbahaya.",
       "i|Jalan ke desa {desa} kayak sungai kering pak, batu semua. Motor sering bocor ban. Kapan "
       "diaspal?"],
      ["jalan", "kabupaten"],
      ["Penambalan lubang (patching) pada ruas jalan dimaksud telah dilaksanakan oleh tim pemeliharaan "
       "pada {tgl_msg}. Untuk peningkatan jalan secara menyeluruh, ruas tersebut telah masuk usulan "
       "kegiatan tahun anggaran 2027.",
       "Perbaikan darurat berupa penimbunan sirtu dan pemadatan telah selesai dikerjakan pada "
       "{tgl_msg}. Ruas ini dijadwalkan untuk pengaspalan ulang setelah musim hujan.",
       "Ruas jalan tersebut telah selesai diperbaiki dengan lapis penetrasi sepanjang 800 meter pada "
       "{tgl_msg}. Terima kasih atas laporan dan kesabaran warga."],
      progress=["Tim teknis telah melakukan survei lokasi pada {tgl_msg}. Kerusakan tercatat sepanjang "
                "kurang lebih {km} km dan masuk daftar prioritas penanganan bulan ini.",
                "Material untuk penambalan sudah disiapkan. Pekerjaan dijadwalkan setelah penyelesaian "
                "ruas lain di Kecamatan {kec}."],
      weight=8),
    S("jembatan", "3529-DPUBM", "Infrastruktur", {P: 1},
      ["Jembatan penghubung dusun ambrol", "Jembatan di Desa {desa} retak dan miring",
       "Pagar jembatan hilang, bahaya bagi anak sekolah"],
      ["f|Jembatan kecil yang menghubungkan Dusun {dusun} dengan jalan Desa {desa} ambrol setelah hujan "
       "deras minggu lalu. Sekarang warga harus memutar sekitar {km} km untuk ke pasar dan sekolah.",
       "f|Besi pagar pengaman jembatan di Desa {desa} sudah hilang dan lantainya berlubang. Banyak anak "
       "sekolah yang lewat setiap pagi. Mohon segera diperbaiki sebelum terjadi kecelakaan.",
       "i|jembatan di {desa} udah retak2 dan miring, truk masih lewat terus. tinggal nunggu ambruk"],
      ["jembatan"],
      ["Jembatan darurat dari rangka baja telah dipasang pada {tgl_msg} sehingga dapat dilalui kendaraan "
       "roda dua. Pembangunan jembatan permanen diusulkan pada APBD 2027.",
       "Pagar pengaman dan lantai jembatan telah diperbaiki pada {tgl_msg}. Jembatan ditetapkan "
       "hanya untuk kendaraan di bawah 5 ton.",
       "Tim telah memeriksa struktur jembatan pada {tgl_msg}. Portal pembatas kendaraan berat sudah "
       "dipasang dan perbaikan pondasi jembatan dijadwalkan pada awal tahun 2027."], weight=3),
    S("kualitas", "3529-DPUBM", "Infrastruktur", {P: 1},
      ["Aspal baru sudah mengelupas", "Pengaspalan jalan diduga asal-asalan",
       "Proyek jalan tidak sesuai spesifikasi"],
      ["f|Jalan di Desa {desa} baru selesai diaspal pada bulan {bulan}, tetapi sekarang sudah mengelupas "
       "dan berlubang di banyak titik. Ketebalan aspal yang kami ukur tidak sampai 3 cm. Kami menduga "
       "pekerjaan tidak sesuai spesifikasi, mohon diperiksa.",
       "f|Proyek peningkatan jalan ruas {desa}–{desa2} dikerjakan asal-asalan: batu tidak dipadatkan "
       "dan langsung ditutup aspal tipis. Papan proyek juga tidak dipasang sehingga warga tidak tahu "
       "nilai anggaran dan kontraktornya.",
       "i|baru 2 bulan diaspal udh rusak lagi. ini proyek apa main2? mohon dicek kontraktornya"],
      ["jalan", "proyek"],
      ["Hasil pemeriksaan bersama konsultan pengawas: terdapat kerusakan pada 6 titik. Penyedia jasa "
       "telah diwajibkan memperbaiki karena masih dalam masa pemeliharaan, dan perbaikan selesai pada "
       "{tgl_msg}."], sup=0.7, anon=0.3, conf=0.15),
    S("mangkrak", "3529-DPUBM", "Infrastruktur", {P: 1},
      ["Material proyek menutup badan jalan", "Galian proyek jalan dibiarkan terbuka",
       "Proyek pelebaran jalan berhenti"],
      ["f|Sudah lebih dari sebulan tumpukan batu dan pasir untuk proyek jalan di Desa {desa} dibiarkan "
       "di badan jalan. Pekerjanya tidak ada. Jalan menjadi sempit dan malam hari tidak ada lampu "
       "tanda bahaya.",
       "i|galian di pinggir {jalan} dibiarin terbuka udh 3 minggu, gak ada rambu. semalam ada motor "
       "masuk lubang"],
      ["proyek", "jalan"],
      ["Penyedia jasa telah kami tegur. Material dan galian di badan jalan telah dirapikan pada "
       "{tgl_msg}, rambu serta lampu peringatan sudah dipasang, dan pekerjaan dilanjutkan minggu ini."]),
    S("drainase", "3529-DPUBM", "Infrastruktur", {P: 1},
      ["Jalan banjir setiap hujan karena saluran tersumbat", "Gorong-gorong di bawah jalan buntu",
       "Genangan air di {jalan}"],
      ["f|Setiap hujan deras, jalan di depan {tempat} tergenang air setinggi lutut karena saluran di "
       "pinggir jalan tertutup sampah dan tanah. Air masuk ke rumah warga dan toko.",
       "f|Gorong-gorong di bawah jalan Desa {desa} buntu sehingga air hujan meluap ke jalan dan sawah "
       "warga. Mohon dinormalisasi sebelum puncak musim hujan.",
       "i|tiap hujan dikit aja {jalan} langsung banjir, motor pada mogok. saluran airnya mampet"],
      ["banjir", "drainase"],
      ["Normalisasi saluran tepi jalan dan pembersihan gorong-gorong sepanjang 300 meter telah "
       "dilaksanakan pada {tgl_msg} bersama warga dan pemerintah desa."], weight=4),
    S("longsor", "3529-DPUBM", "Infrastruktur", {P: 1},
      ["Bahu jalan longsor di Desa {desa}", "Tebing pinggir jalan ambrol"],
      ["f|Bahu jalan di Desa {desa}, Kecamatan {kec} longsor sepanjang kurang lebih 15 meter setelah "
       "hujan deras. Badan jalan tinggal separuh dan retakannya terus melebar."],
      ["jalan", "longsor"],
      ["Penanganan darurat dengan karung pasir dan bronjong telah dilakukan pada {tgl_msg}. "
       "Pembangunan tembok penahan tanah diusulkan pada anggaran perubahan."], weight=2),
    S("info_jalan", "3529-DPUBM", "Infrastruktur", {I: 1},
      ["Kapan jalan {desa} diperbaiki?", "Mohon info jadwal pengaspalan", "Status usulan perbaikan jalan"],
      ["f|Mohon informasi apakah jalan poros Desa {desa} sudah masuk rencana perbaikan tahun 2027. Kami "
       "sudah mengusulkan melalui musrenbang desa dan kecamatan.",
       "i|min mau tanya jalan {desa}-{desa2} jadi diaspal tahun ini gak? katanya udah ada anggarannya"],
      ["informasi", "jalan"],
      ["Ruas jalan dimaksud telah masuk daftar usulan prioritas tahun anggaran 2027. Kepastian "
       "pelaksanaan menunggu penetapan APBD. Informasi lebih lanjut dapat ditanyakan ke Bidang Bina "
       "Marga pada jam kerja."], anon=0.05),
    S("asp_lombang", "3529-DPUBM", "Infrastruktur", {A: 1},
      ["Usul pelebaran jalan menuju Pantai Lombang", "Jalan ke Pantai Lombang macet saat libur"],
      ["f|Saat musim liburan jalan menuju Pantai Lombang sangat macet karena sempit. Kami mengusulkan "
       "pelebaran jalan dan penambahan kantong parkir.",
       "i|tiap libur jalan ke lombang macet berjam2, jalannya sempit dan banyak yg parkir di bahu jalan. "
       "tolong dilebarkan"],
      ["aspirasi", "jalan", "pariwisata"],
      ["Terima kasih atas usulannya. Usulan pelebaran ruas menuju Pantai Lombang telah kami sampaikan "
       "kepada Bappeda sebagai bahan penyusunan rencana kerja tahun 2027."],
      kec=["Batang-Batang"], weight=1),
    S("asp_pulau", "3529-DPUBM", "Infrastruktur", {A: 1},
      ["Mohon pemerataan jalan di kepulauan", "Jalan di {kec} masih makadam"],
      ["f|Jalan di Kecamatan {kec} masih banyak yang berupa makadam. Kami berharap ada pemerataan "
       "pembangunan jalan untuk kepulauan, bukan hanya di daratan."],
      ["aspirasi", "jalan"],
      ["Terima kasih atas usulannya. Ruas jalan di Kecamatan {kec} telah kami masukkan dalam daftar "
       "usulan peningkatan jalan kepulauan tahun 2027."], kec=ISLANDS, weight=1),
    S("asp_trotoar", "3529-DPUBM", "Infrastruktur", {A: 1},
      ["Usul pembuatan trotoar di {jalan}"],
      ["f|Kami mengusulkan pembuatan trotoar di {jalan} karena banyak pelajar yang berjalan kaki di "
       "bahu jalan pada jam berangkat sekolah."],
      ["aspirasi", "jalan"],
      ["Terima kasih atas usulannya. Pembangunan trotoar di ruas tersebut akan dikaji bersama Dinas "
       "Perhubungan dan diusulkan pada tahun anggaran 2027."], kec=["Kota Sumenep"], weight=1),
    # ---------------------------------------------------------------- Satpol PP
    S("pkl", "3529-SATPOLPP", "Ketenteraman dan Ketertiban Umum", {P: 4, A: 1},
      ["PKL berjualan di trotoar Taman Bunga", "PKL bikin macet depan Pasar Anom Baru",
       "Lapak PKL menutup akses jalan", "Pedagang liar di luar pagar pasar"],
      ["f|Pedagang kaki lima di sekitar Taman Adipura (Taman Bunga) berjualan sampai ke badan jalan, "
       "terutama sore dan malam hari. Pejalan kaki terpaksa berjalan di aspal dan sering terjadi "
       "kemacetan.",
       "i|pkl di depan pasar anom baru makin banyak, motor pembeli parkir sampe tengah jalan. tiap pagi "
       "macet parah. kapan ditertibkan?",
       "f|Kami pedagang resmi di dalam {pasar} merasa dirugikan karena banyak pedagang di luar pagar "
       "pasar yang berjualan di bahu jalan tanpa membayar retribusi."],
      ["pkl", "trantibum"],
      ["Penertiban dan pembinaan PKL telah dilaksanakan pada {tgl_msg}. Pedagang diarahkan berjualan di "
       "area yang ditentukan dan patroli rutin dijadwalkan setiap sore.",
       "Sebanyak 14 lapak yang menutup bahu jalan telah ditertibkan pada {tgl_msg}. Kami akan melakukan "
       "pengawasan berkala bersama pengelola pasar."], kec=["Kota Sumenep"], weight=5),
    S("bising", "3529-SATPOLPP", "Ketenteraman dan Ketertiban Umum", {P: 1},
      ["Musik keras sampai tengah malam", "Sound system hajatan sampai subuh",
       "Karaoke dekat rumah berisik tiap malam", "Balap liar dan knalpot brong malam Minggu"],
      ["f|Tetangga kami di Desa {desa} mengadakan hajatan dengan sound system besar sampai pukul {jam} "
       "dini hari selama tiga malam berturut-turut. Ada bayi dan orang sakit di sekitar lokasi. Sudah "
       "ditegur tetapi tidak dihiraukan.",
       "i|tiap malam ada karaoke di dekat {tempat} suaranya keras bgt sampe jam {jam}. warga gak bisa "
       "tidur, anak2 besok sekolah. tolong ditertibkan",
       "f|Setiap malam Minggu ada balap liar di jalan lingkar dekat {tempat} dengan knalpot brong. "
       "Sangat mengganggu dan membahayakan pengguna jalan."],
      ["kebisingan", "trantibum"],
      ["Patroli telah dilakukan pada malam {tgl_msg}. Pemilik usaha karaoke telah diberikan teguran "
       "tertulis dan membuat surat pernyataan untuk menutup usaha pukul 23.00.",
       "Bersama Polsek setempat, kami telah membubarkan kegiatan balap liar pada {tgl_msg} dan "
       "mengamankan 9 sepeda motor berknalpot brong. Patroli akan dilakukan setiap malam Minggu.",
       "Petugas bersama perangkat desa telah mendatangi penyelenggara hajatan pada {tgl_msg}. "
       "Penyelenggara bersedia membatasi penggunaan sound system sampai pukul 22.00."],
      weight=5),
    S("anjing", "3529-SATPOLPP", "Ketenteraman dan Ketertiban Umum", {P: 1},
      ["Anjing liar berkeliaran di permukiman", "Anjing liar menggigit anak"],
      ["f|Di Desa {desa} ada sekelompok anjing liar sekitar {m} ekor yang berkeliaran di jalan desa. "
       "Minggu lalu seorang anak digigit saat pulang mengaji. Warga takut keluar malam.",
       "i|anjing liar makin banyak di sekitar {tempat}, suka ngejar pengendara motor. mohon ada "
       "penertiban"],
      ["anjing liar", "trantibum"],
      ["Penangkapan anjing liar telah dilakukan bersama Dinas Ketahanan Pangan dan Pertanian pada "
       "{tgl_msg}. Sebanyak 7 ekor diamankan untuk observasi dan vaksinasi rabies."], weight=3),
    S("bangunan", "3529-SATPOLPP", "Ketenteraman dan Ketertiban Umum", {P: 1},
      ["Bangunan liar di atas saluran air", "Baliho liar dipaku di pohon", "Reklame miring hampir roboh"],
      ["f|Ada bangunan semi permanen yang didirikan di atas saluran air di {jalan}. Akibatnya saluran "
       "tertutup dan setiap hujan air meluap ke jalan.",
       "i|baliho2 liar dipaku di pohon sepanjang {jalan}, kotor dan merusak pohon. tolong dicopot",
       "f|Papan reklame besar di dekat {tempat} sudah miring setelah angin kencang. Sangat berbahaya "
       "bagi pengendara yang lewat di bawahnya."],
      ["perda", "reklame"],
      ["Baliho dan reklame tanpa izin telah dibongkar pada {tgl_msg}. Pemilik bangunan di atas saluran "
       "telah diberi surat peringatan pertama."], kec=["Kota Sumenep"]),
    S("miras", "3529-SATPOLPP", "Ketenteraman dan Ketertiban Umum", {P: 1},
      ["Warung diduga jual miras dekat pesantren", "Warung remang-remang buka sampai pagi"],
      ["f|Ada warung di pinggir jalan Desa {desa} yang diduga menjual minuman keras dan buka sampai "
       "pagi. Lokasinya dekat pondok pesantren dan masjid. Warga resah.",
       "i|warung remang2 di {desa} rame tiap malem, ada yg mabuk2an. warga takut negur"],
      ["miras", "trantibum"],
      ["Operasi penertiban bersama Polres Sumenep telah dilakukan pada {tgl_msg}. Puluhan botol minuman "
       "beralkohol disita dan pemilik warung diproses sesuai Perda."], anon=0.5, conf=0.3),
    S("petugas", "3529-SATPOLPP", "Ketenteraman dan Ketertiban Umum", {P: 1},
      ["Oknum Satpol PP kasar saat penertiban", "Dagangan disita tanpa tanda terima"],
      ["f|Saat penertiban PKL di {tempat} hari {hari} kemarin, ada oknum petugas yang membentak dan "
       "menendang gerobak pedagang. Barang dagangan diangkut tanpa tanda terima. Kami mohon ada "
       "evaluasi.",
       "i|gerobak saya diangkut petugas, dagangan buah saya ikut dibawa gak ada surat apa2. pas diambil "
       "buahnya udh busuk semua. ini gimana tanggung jawabnya"],
      ["penertiban", "etik"],
      ["Telah dilakukan pemeriksaan internal terhadap petugas yang bertugas pada saat itu. Petugas yang "
       "bersangkutan diberi sanksi disiplin, dan prosedur berita acara penyitaan kami tegaskan kembali "
       "kepada seluruh regu."], sup=0.8, conf=0.3, kec=["Kota Sumenep"], weight=2),
    S("info_satpol", "3529-SATPOLPP", "Ketenteraman dan Ketertiban Umum", {I: 1},
      ["Cara mengambil gerobak yang disita"],
      ["f|Gerobak saya diangkut petugas saat penertiban di {tempat}. Mohon informasi bagaimana prosedur "
       "mengambilnya kembali dan apakah ada denda."],
      ["informasi", "pkl"],
      ["Barang yang diamankan dapat diambil di kantor Satpol PP pada jam kerja dengan membawa KTP dan "
       "mengisi surat pernyataan. Tidak dipungut biaya."], kec=["Kota Sumenep"], weight=2),
    S("relokasi", "3529-SATPOLPP", "Ketenteraman dan Ketertiban Umum", {A: 1},
      ["Usul relokasi PKL ke tempat yang layak", "Mohon patroli malam di taman kota"],
      ["f|Kami mengusulkan agar PKL di sekitar Taman Bunga direlokasi ke sentra kuliner yang tertata, "
       "bukan hanya diusir. Pedagang juga butuh tempat mencari nafkah.",
       "f|Taman kota sering dipakai nongkrong sampai larut malam dan ada yang minum-minum. Kami mohon "
       "ada patroli rutin di atas pukul 22.00."],
      ["aspirasi", "pkl"],
      ["Terima kasih atas usulannya. Usulan relokasi telah dibahas bersama Dinas Koperasi dan UKM dan "
       "Dinas Perdagangan; patroli malam telah kami masukkan ke jadwal rutin."], kec=["Kota Sumenep"],
      weight=2),
    # ---------------------------------------------------------------- Disdukcapil
    S("ktp", "3529-DISDUKCAPIL", "Kependudukan", {P: 1},
      ["KTP-el belum jadi", "Sudah rekam KTP {n} bulan belum dicetak", "Blangko KTP-el habis terus",
       "KTP-el anak saya belum jadi"],
      ["f|Saya sudah melakukan perekaman KTP-el di kantor Kecamatan {kec} sejak bulan {bulan}, tetapi "
       "sampai sekarang belum dicetak. Setiap ditanyakan jawabannya blangko habis. Padahal KTP sangat "
       "dibutuhkan untuk melamar kerja.",
       "i|ktp anak saya udah rekam dr bulan {bulan} blm jadi juga. tiap ke kecamatan disuruh nunggu. "
       "mau daftar kerja ke surabaya butuh ktp",
       "f|Mohon kejelasan ketersediaan blangko KTP-el di Kecamatan {kec}. Banyak warga yang rumahnya "
       "jauh harus bolak-balik ke kantor kecamatan hanya untuk mengambil KTP, ternyata belum jadi."],
      ["ktp-el", "adminduk"],
      ["KTP-el atas nama yang bersangkutan telah dicetak pada {tgl_msg} dan dapat diambil di kantor "
       "Kecamatan {kec} dengan membawa bukti perekaman.",
       "Data perekaman yang bersangkutan terdeteksi ganda (duplicate record). Setelah dilakukan "
       "penunggalan data, KTP-el telah dicetak pada {tgl_msg}."], weight=7),
    S("kk", "3529-DISDUKCAPIL", "Kependudukan", {P: 1},
      ["Perubahan KK tidak kunjung selesai", "Nama di KK salah ketik", "KK baru belum terbit"],
      ["f|Saya mengajukan perubahan Kartu Keluarga karena kelahiran anak pada bulan {bulan}. Berkas "
       "sudah lengkap diserahkan ke desa, tetapi sampai sekarang KK baru belum terbit.",
       "f|Nama ibu saya di KK tertulis \"{salah}\", seharusnya \"{benar}\". Akibatnya tidak bisa "
       "mengurus bansos dan BPJS. Mohon dibantu perbaikan datanya.",
       "i|kk saya udh 1 bulan di desa katanya dikirim ke dinas, tp blm jadi2. perlu buat daftar sekolah anak"],
      ["kk", "adminduk"],
      ["KK telah diterbitkan dalam bentuk dokumen elektronik (TTE) pada {tgl_msg} dan dikirim ke "
       "operator desa. Silakan dicetak di kertas HVS A4.",
       "Perbaikan elemen data nama telah dilakukan dan KK baru terbit pada {tgl_msg}."], weight=5),
    S("akta", "3529-DISDUKCAPIL", "Kependudukan", {P: 1},
      ["Akta kelahiran anak belum terbit", "Permohonan akta lahir online tidak diproses"],
      ["f|Saya mengajukan akta kelahiran anak melalui layanan online sejak {n} minggu lalu, tetapi status "
       "permohonan masih \"menunggu verifikasi\". Akta dibutuhkan untuk mendaftar sekolah.",
       "i|akta lahir anak sy diurus lewat desa udah 2 bulan blm jadi, katanya kurang surat nikah. "
       "padahal sdh sy kasih"],
      ["akta", "adminduk"],
      ["Akta kelahiran telah terbit pada {tgl_msg} dan dikirim dalam bentuk PDF ke nomor WhatsApp "
       "pemohon."], weight=3),
    S("nik", "3529-DISDUKCAPIL", "Kependudukan", {P: 1},
      ["NIK tidak terdaftar saat daftar BPJS", "NIK saya dipakai orang lain", "NIK tidak valid di aplikasi"],
      ["f|Saat mendaftar program pemerintah, NIK saya dinyatakan tidak valid. Padahal KTP saya asli dan "
       "masih berlaku. Setelah dicek ke desa, katanya data saya tidak muncul di database kependudukan.",
       "i|nik saya kok dipakai orang lain pak, pas daftar bpjs ditolak katanya nik sudah terdaftar atas "
       "nama orang di surabaya"],
      ["nik", "adminduk"],
      ["Telah dilakukan pengecekan dan perbaikan data pada database SIAK. NIK yang bersangkutan sudah "
       "aktif kembali dan dapat digunakan sejak {tgl_msg}."], conf=0.2),
    S("antrean", "3529-DISDUKCAPIL", "Kependudukan", {P: 3, A: 1},
      ["Antrean di kantor Dukcapil sangat panjang", "Loket Dukcapil tutup sebelum jam pelayanan",
       "Petugas Dukcapil tidak ramah"],
      ["f|Saya datang ke kantor Dinas Dukcapil pukul 07.00 dan mendapat nomor antrean {m}, tetapi "
       "sampai pukul 12.00 belum dipanggil. Loket yang buka hanya dua. Mohon ditambah petugas atau dibuat "
       "antrean online.",
       "i|petugas di loket dukcapil jutek bgt, ditanya malah dimarahin. katanya baca sendiri syaratnya "
       "di papan",
       "f|Loket pelayanan Dukcapil sudah tutup pukul 12.00, padahal jadwal pelayanan sampai pukul 15.00. "
       "Saya datang jauh-jauh dari Kecamatan {kec} dan disuruh kembali besok."],
      ["pelayanan", "adminduk"],
      ["Mulai {tgl_msg} loket pelayanan ditambah menjadi empat dan tersedia pendaftaran antrean "
       "melalui WhatsApp. Petugas yang bersangkutan telah diberikan pembinaan."]),
    S("calo", "3529-DISDUKCAPIL", "Kependudukan", {P: 1},
      ["Ada calo di kantor Dukcapil", "Diminta bayar untuk mengurus akta"],
      ["f|Di sekitar kantor Dukcapil ada orang yang menawarkan jasa pengurusan KTP dan KK cepat dengan "
       "biaya Rp{biaya}. Anehnya mereka bisa langsung masuk ke ruang petugas. Bukankah pelayanan "
       "adminduk gratis?",
       "f|Saya diminta uang Rp{biaya} oleh oknum perangkat desa untuk mengurus akta kelahiran anak saya "
       "dengan alasan ongkos ke kabupaten. Apakah memang ada biayanya?"],
      ["pungli", "adminduk"],
      ["Seluruh layanan administrasi kependudukan tidak dipungut biaya. Kami telah memasang pengumuman "
       "larangan calo dan membatasi akses ruang petugas. Temuan terkait oknum telah kami teruskan ke "
       "Inspektorat Daerah."], sup=0.7, anon=0.45, conf=0.4, weight=2),
    S("ikd", "3529-DISDUKCAPIL", "Kependudukan", {P: 1, I: 1},
      ["Aktivasi IKD gagal terus", "Identitas Kependudukan Digital tidak bisa login"],
      ["i|aktivasi ikd gagal terus, muncul tulisan \"data tidak ditemukan\". sudah 3x ke kecamatan tetap "
       "gagal",
       "f|Mohon informasi cara aktivasi Identitas Kependudukan Digital. Aplikasi meminta pindai QR dari "
       "petugas, tetapi di kecamatan kami tidak ada petugas yang bisa melayani."],
      ["ikd", "adminduk"],
      ["Aktivasi IKD dapat dilakukan di kantor Dinas Dukcapil dan di 10 kecamatan yang telah memiliki "
       "petugas aktivasi. Kendala data tidak ditemukan telah kami perbaiki pada {tgl_msg}."]),
    S("pindah", "3529-DISDUKCAPIL", "Kependudukan", {P: 1},
      ["Surat pindah belum diterbitkan", "Pindah datang dari Surabaya belum diproses"],
      ["f|Saya mengajukan pindah datang dari Kota Surabaya ke Desa {desa}, Kecamatan {kec}. SKPWNI sudah "
       "terbit dari Surabaya, tetapi di Sumenep belum diproses sehingga saya belum punya KK baru."],
      ["pindah", "adminduk"],
      ["Permohonan pindah datang telah diproses dan KK baru terbit pada {tgl_msg}."], weight=2),
    S("info_adminduk", "3529-DISDUKCAPIL", "Kependudukan", {I: 1},
      ["Syarat membuat KIA", "Apakah akta kematian bisa diurus di kecamatan?", "Jadwal jemput bola perekaman KTP"],
      ["f|Mohon informasi syarat membuat Kartu Identitas Anak untuk anak usia {usia_anak} tahun dan di "
       "mana mengurusnya.",
       "i|mau tanya akta kematian bisa diurus di kecamatan {kec} atau harus ke dinas? makasih",
       "f|Kapan ada jadwal jemput bola perekaman KTP-el di Desa {desa}? Banyak lansia yang tidak bisa "
       "datang ke kecamatan."],
      ["informasi", "adminduk"],
      ["Persyaratan KIA: fotokopi kutipan akta kelahiran, KK asli orang tua, dan pas foto anak (untuk "
       "usia 5 tahun ke atas). Pengajuan dapat dilakukan di kecamatan atau melalui operator desa.",
       "Jadwal layanan jemput bola untuk kecamatan tersebut dilaksanakan pada {tgl_msg}. Informasi "
       "diumumkan melalui pemerintah desa.",
       "Akta kematian dapat diajukan melalui operator desa atau di kantor kecamatan dengan membawa surat "
       "keterangan kematian dari desa, KK, dan KTP almarhum. Dokumen terbit dalam bentuk elektronik."],
      anon=0.05),
    S("jemput", "3529-DISDUKCAPIL", "Kependudukan", {A: 1},
      ["Mohon jemput bola perekaman di kepulauan", "Usul layanan Dukcapil buka hari Sabtu"],
      ["f|Kami warga Kecamatan {kec} memohon adanya layanan jemput bola perekaman dan pencetakan KTP-el "
       "di pulau. Biaya menyeberang ke Kalianget dan menginap di kota sangat memberatkan warga.",
       "f|Kami mengusulkan agar pelayanan Dukcapil dibuka pada hari Sabtu karena banyak warga yang "
       "bekerja pada hari kerja dan tidak bisa izin."],
      ["aspirasi", "adminduk"],
      ["Terima kasih atas usulannya. Layanan jemput bola ke Kecamatan {kec} telah dijadwalkan pada "
       "{tgl_msg} bersama tim perekaman keliling.",
       "Terima kasih atas usulannya. Mulai bulan depan layanan Dukcapil di Mal Pelayanan Publik dibuka "
       "pada hari Sabtu pukul 08.00-12.00."], kec=ISLANDS, weight=2),
    # ---------------------------------------------------------------- Dinas Kesehatan
    S("pkm_lambat", "3529-DINKES", "Kesehatan", {P: 1},
      ["Pelayanan {pkm} lambat", "Dokter puskesmas datang terlambat", "Antrean puskesmas lama sekali"],
      ["f|Hari {hari} kemarin saya membawa anak yang demam ke {pkm}. Saya datang pukul 07.30, tetapi "
       "dokter baru datang sekitar pukul 10.00. Pasien yang menunggu banyak, termasuk lansia.",
       "i|pelayanan di {pkm} lama bgt, loket baru buka jam 9. petugasnya malah main hp. tolong ditegur",
       "f|Antrean di {pkm} sangat lama, saya menunggu hampir tiga jam hanya untuk mengambil obat. Ruang "
       "tunggu penuh dan banyak pasien yang berdiri."],
      ["puskesmas", "pelayanan"],
      ["Kepala {pkm} telah kami minta melakukan evaluasi jam pelayanan. Mulai {tgl_msg} loket dibuka "
       "pukul 07.30 dan dokter jaga dijadwalkan bergiliran. Petugas yang bersangkutan telah dibina.",
       "Telah dilakukan klarifikasi ke {pkm}. Keterlambatan terjadi karena dokter mengikuti pelatihan; "
       "jadwal pengganti kini diumumkan di papan informasi."], weight=6),
    S("pulau", "3529-DINKES", "Kesehatan", {P: 3, A: 1},
      ["Tidak ada dokter di puskesmas pulau", "Pustu di Desa {desa} selalu tutup", "Bidan desa jarang di tempat"],
      ["f|Puskesmas di Kecamatan {kec} sering tidak ada dokter, pasien hanya dilayani perawat. Jika ada "
       "yang sakit parah harus dibawa dengan perahu ke daratan dan itu sangat berisiko saat ombak besar.",
       "f|Pustu di Desa {desa} hampir setiap hari tutup. Bidan desa jarang ada di tempat. Warga yang mau "
       "memeriksakan kehamilan harus ke puskesmas kecamatan yang jaraknya jauh.",
       "i|bidan desa {desa} tinggal di kota, seminggu cuma datang sekali. kalau ada yg mau lahiran "
       "malam2 bingung"],
      ["puskesmas", "kepulauan"],
      ["Mulai {tgl_msg} telah ditempatkan dokter internsip di puskesmas tersebut dan jadwal bidan desa "
       "diumumkan di pustu. Pelayanan rujukan menggunakan ambulans laut puskesmas."], kec=ISLANDS, weight=4),
    S("ambulans", "3529-DINKES", "Kesehatan", {P: 1},
      ["Ambulans puskesmas tidak bisa dihubungi", "Diminta bayar bensin ambulans"],
      ["f|Malam tanggal {tgl} ayah saya sesak napas. Kami menelepon nomor ambulans {pkm} tetapi tidak "
       "diangkat. Akhirnya ayah dibawa dengan mobil tetangga ke RSUD.",
       "i|pas pakai ambulans puskesmas ke rsud kami disuruh bayar bensin 150rb. bukannya gratis?"],
      ["ambulans", "rujukan"],
      ["Nomor layanan ambulans {pkm} telah diganti dengan nomor yang dijaga 24 jam dan diumumkan ke "
       "seluruh desa. Layanan ambulans rujukan tidak dipungut biaya; petugas yang meminta biaya telah "
       "diberi teguran."], weight=2),
    S("pungli_pkm", "3529-DINKES", "Kesehatan", {P: 1},
      ["Dipungut biaya padahal pasien BPJS", "Biaya tambahan persalinan di puskesmas"],
      ["f|Istri saya melahirkan di {pkm} dengan BPJS, tetapi saat pulang kami diminta membayar "
       "Rp{biaya} untuk \"biaya obat dan administrasi\" tanpa kuitansi resmi. Mohon diperiksa.",
       "i|berobat pake kis tp tetep disuruh bayar 50rb buat obat. katanya obatnya gak ditanggung"],
      ["pungli", "bpjs"],
      ["Hasil klarifikasi menunjukkan adanya pungutan yang tidak sesuai ketentuan. Uang telah "
       "dikembalikan kepada pelapor pada {tgl_msg} dan petugas yang bersangkutan diproses sesuai "
       "aturan disiplin pegawai."], sup=0.75, anon=0.35, conf=0.4, weight=2),
    S("dbd", "3529-DINKES", "Kesehatan", {P: 1},
      ["Mohon fogging, banyak warga kena DBD", "Kasus demam berdarah di Desa {desa}"],
      ["f|Dalam dua minggu terakhir sudah ada {n} warga Dusun {dusun}, Desa {desa} yang dirawat karena "
       "demam berdarah, salah satunya anak-anak. Mohon dilakukan fogging dan pemeriksaan jentik.",
       "i|tetangga kena dbd 3 orang pak, satu masih opname. tolong fogging di {desa}"],
      ["dbd", "p2p"],
      ["Penyelidikan epidemiologi telah dilakukan oleh {pkm}. Fogging fokus dilaksanakan pada "
       "{tgl_msg} dan gerakan PSN bersama kader jumantik dijadwalkan setiap Jumat."], weight=4),
    S("stunting", "3529-DINKES", "Kesehatan", {P: 2, A: 1},
      ["PMT balita tidak dibagikan", "Posyandu di desa tidak aktif"],
      ["f|Makanan tambahan untuk balita gizi kurang di Posyandu Desa {desa} bulan ini tidak dibagikan, "
       "padahal katanya sudah ada anggarannya. Anak saya termasuk yang diukur stunting.",
       "f|Posyandu di Dusun {dusun}, Desa {desa} sudah tiga bulan tidak buka. Kami tidak bisa menimbang "
       "dan mengimunisasi anak."],
      ["stunting", "posyandu"],
      ["PMT lokal untuk balita sasaran di Desa {desa} telah didistribusikan pada {tgl_msg}. Kegiatan "
       "posyandu diaktifkan kembali dengan pendampingan bidan desa."]),
    S("obat", "3529-DINKES", "Kesehatan", {P: 1},
      ["Obat di puskesmas sering kosong", "Disuruh beli obat di apotek luar"],
      ["f|Ibu saya penderita hipertensi dan rutin mengambil obat di {pkm}. Sudah dua bulan obatnya "
       "kosong dan kami disuruh membeli di apotek luar.",
       "i|obat gula bapak saya kosong terus di {pkm}, disuruh beli sendiri. mahal pak"],
      ["obat", "puskesmas"],
      ["Distribusi obat dari Instalasi Farmasi Kabupaten ke {pkm} telah dilakukan pada {tgl_msg}. Stok "
       "obat hipertensi dan diabetes kini tersedia."]),
    S("rabies", "3529-DINKES", "Kesehatan", {P: 1},
      ["Vaksin antirabies kosong di puskesmas", "Digigit anjing, disuruh ke RSUD"],
      ["f|Anak saya digigit anjing liar di Desa {desa} pada {tgl}. Kami bawa ke {pkm}, tetapi vaksin "
       "antirabies tidak tersedia dan kami disuruh ke RSUD. Mohon ketersediaan VAR di puskesmas dijamin."],
      ["rabies", "p2p"],
      ["VAR telah didistribusikan ke {pkm} dan puskesmas di wilayah dengan kasus gigitan. Anak pelapor "
       "telah mendapat vaksin dosis lengkap."], weight=2),
    S("info_kes", "3529-DINKES", "Kesehatan", {I: 1},
      ["Jadwal imunisasi di posyandu", "Layanan KB implan gratis", "Cara cek kesehatan gratis"],
      ["f|Mohon informasi apakah ada layanan KB implan gratis di {pkm} dan kapan jadwalnya.",
       "i|mau tanya jadwal imunisasi campak buat anak umur 9 bulan di {desa} kapan ya?",
       "f|Bagaimana cara mendapatkan layanan Cek Kesehatan Gratis untuk orang tua saya yang berusia "
       "{usia} tahun?"],
      ["informasi", "kesehatan"],
      ["Layanan dimaksud tersedia gratis di {pkm} setiap hari kerja pukul 08.00-12.00. Jadwal posyandu "
       "dapat ditanyakan kepada bidan desa setempat."], anon=0.05),
    S("aspirasi_kes", "3529-DINKES", "Kesehatan", {A: 1},
      ["Usul puskesmas rawat inap 24 jam di pulau", "Mohon tambah tenaga bidan di desa"],
      ["f|Kami mengusulkan agar puskesmas di Kecamatan {kec} dijadikan puskesmas rawat inap 24 jam karena "
       "akses ke RSUD harus menyeberang laut.",
       "f|Desa {desa} memiliki lebih dari 3.000 penduduk tetapi hanya ada satu bidan. Kami mohon ada "
       "penambahan tenaga kesehatan."],
      ["aspirasi", "kesehatan"],
      ["Terima kasih atas usulannya. Usulan telah masuk bahan perencanaan kebutuhan tenaga kesehatan "
       "dan pengembangan puskesmas tahun 2027."], kec=ISLANDS, weight=2),
    # ---------------------------------------------------------------- Dinas Pendidikan
    S("pungutan", "3529-DISDIK", "Pendidikan", {P: 1},
      ["Pungutan uang gedung di SD negeri", "Sekolah minta sumbangan wajib", "Iuran perpisahan memberatkan"],
      ["f|Anak saya bersekolah di {sd}. Setiap awal semester wali murid diminta membayar uang "
       "pembangunan Rp{biaya} dengan alasan kekurangan dana BOS. Jika belum membayar, anak tidak diberi "
       "kartu ujian.",
       "i|sekolah anak sy {smp} minta uang perpisahan kelas 9 Rp{biaya} per anak, katanya wajib. kami "
       "orang gak mampu keberatan. apa boleh sekolah negeri narik kayak gitu?"],
      ["pungutan", "sekolah"],
      ["Telah dilakukan klarifikasi oleh pengawas sekolah. Pungutan bersifat wajib tersebut dihentikan "
       "dan kepala sekolah diminta mengembalikan uang yang telah dibayarkan. Sumbangan sukarela hanya "
       "boleh melalui komite tanpa penentuan jumlah dan waktu."], sup=0.6, anon=0.35, conf=0.25, weight=5),
    S("spmb", "3529-DISDIK", "Pendidikan", {P: 3, I: 1},
      ["SPMB jalur domisili tidak transparan", "Anak tidak diterima di SMP dekat rumah"],
      ["f|Anak saya tidak diterima di {smp} melalui jalur domisili, padahal rumah kami hanya sekitar 500 "
       "meter dari sekolah. Sementara ada siswa dari desa lain yang lebih jauh justru diterima. Mohon "
       "transparansi hasil seleksi.",
       "i|spmb smp tahun ini aneh, anak tetangga yg rumahnya jauh keterima, anak saya yg deket ditolak. "
       "ada titipan?"],
      ["spmb", "sekolah"],
      ["Hasil penelusuran: titik koordinat domisili pendaftar salah input pada saat pendaftaran. "
       "Panitia telah memperbaiki data dan anak pelapor diterima melalui mekanisme daya tampung "
       "tambahan pada {tgl_msg}."], weight=3),
    S("ijazah", "3529-DISDIK", "Pendidikan", {P: 1},
      ["Ijazah ditahan sekolah karena tunggakan", "Ijazah SD belum diberikan"],
      ["f|Ijazah anak saya ditahan oleh {smp} karena masih ada tunggakan biaya kegiatan. Anak saya tidak "
       "bisa mendaftar ke SMA.",
       "i|ijazah anak saya lulus 2024 sampai sekarang belum dikasih sekolah, alasannya blm ditandatangani"],
      ["ijazah", "sekolah"],
      ["Ijazah telah diserahkan kepada orang tua siswa pada {tgl_msg}. Kami tegaskan kepada seluruh "
       "sekolah bahwa penahanan ijazah dengan alasan apa pun tidak diperbolehkan."], weight=3),
    S("guru_pulau", "3529-DISDIK", "Pendidikan", {P: 2, A: 1},
      ["Guru jarang masuk kelas", "Sekolah di pulau kekurangan guru"],
      ["f|Di {sd}, Kecamatan {kec}, guru kelas sering tidak datang karena tinggal di daratan. Dalam "
       "seminggu kadang hanya dua hari ada pelajaran. Anak-anak akhirnya hanya bermain di sekolah.",
       "i|guru di {sd} cuma 3 orang buat 6 kelas. anak saya kelas 4 tapi blm lancar baca"],
      ["guru", "kepulauan"],
      ["Pengawas telah melakukan pemeriksaan ke sekolah pada {tgl_msg}. Guru yang bersangkutan diberi "
       "pembinaan dan sekolah mendapat tambahan dua guru PPPK mulai semester genap."], kec=ISLANDS,
      weight=3),
    S("gedung", "3529-DISDIK", "Pendidikan", {P: 3, A: 1},
      ["Atap kelas {sd} bocor dan hampir ambruk", "Ruang kelas rusak, siswa belajar di teras"],
      ["f|Dua ruang kelas di {sd} rusak berat, plafonnya sudah jebol dan kayu atapnya lapuk. Saat hujan "
       "siswa terpaksa belajar di teras atau musala. Kami khawatir atapnya runtuh saat jam pelajaran.",
       "i|atap kelas 3 di {sd} bocor parah, kalau hujan anak2 dipulangkan. tolong diperbaiki pak"],
      ["sarpras", "sekolah"],
      ["Tim teknis telah meninjau {sd} pada {tgl_msg}. Ruang kelas yang rusak ditutup sementara dan "
       "rehabilitasi dua ruang kelas masuk DAK Fisik 2027."], weight=4),
    S("pip", "3529-DISDIK", "Pendidikan", {P: 1},
      ["Dana PIP dipotong sekolah", "PIP anak saya tidak pernah diterima"],
      ["f|Dana Program Indonesia Pintar anak saya seharusnya Rp450.000, tetapi yang diterima hanya "
       "Rp{sisa}. Kata pihak sekolah dipotong untuk biaya administrasi dan fotokopi. Kami minta kejelasan.",
       "i|anak saya katanya dapat pip tp buku tabungannya dipegang sekolah. uangnya gak pernah kami terima"],
      ["pip", "sekolah"],
      ["Pengawas sekolah telah melakukan klarifikasi. Buku tabungan PIP telah dikembalikan kepada "
       "siswa dan potongan dana dikembalikan pada {tgl_msg}."], sup=0.7, anon=0.35, conf=0.3, weight=2),
    S("seragam", "3529-DISDIK", "Pendidikan", {P: 1},
      ["Wajib beli seragam di koperasi sekolah", "Harga seragam sekolah kemahalan"],
      ["f|Orang tua murid baru di {smp} diwajibkan membeli paket seragam di koperasi sekolah seharga "
       "Rp{biaya}. Harganya jauh lebih mahal dibanding di pasar."],
      ["seragam", "sekolah"],
      ["Sekolah telah diminta mencabut kewajiban pembelian seragam di koperasi. Orang tua bebas membeli "
       "seragam di mana saja."], weight=2),
    S("honorer", "3529-DISDIK", "Pendidikan", {P: 2, A: 1},
      ["Honor guru honorer belum dibayar {n} bulan", "Nasib guru honorer yang tidak lolos PPPK"],
      ["f|Saya guru honorer di {sd}. Honor dari dana BOS belum dibayarkan selama {n} bulan. Kepala "
       "sekolah beralasan dana BOS belum cair.",
       "f|Kami guru honorer yang sudah mengabdi lebih dari 10 tahun memohon kejelasan nasib setelah "
       "tidak lolos seleksi PPPK tahun ini."],
      ["guru", "honorer"],
      ["Dana BOS tahap II telah disalurkan ke rekening sekolah dan honor guru telah dibayarkan pada "
       "{tgl_msg}.", "Terima kasih atas aspirasinya. Data guru honorer telah kami usulkan untuk "
                     "formasi PPPK paruh waktu."]),
    S("bully", "3529-DISDIK", "Pendidikan", {P: 1},
      ["Anak saya dirundung di sekolah", "Perundungan siswa tidak ditangani guru"],
      ["f|Anak saya kelas 7 di {smp} sering dirundung oleh kakak kelasnya, dipalak dan pernah dipukul. "
       "Kami sudah melapor ke wali kelas tetapi tidak ada tindakan. Sekarang anak saya tidak mau sekolah."],
      ["perundungan", "sekolah"],
      ["Tim Pencegahan dan Penanganan Kekerasan (TPPK) sekolah telah menangani kasus ini bersama orang "
       "tua pada {tgl_msg}. Siswa pelaku mendapat pembinaan dan anak pelapor didampingi guru BK."],
      conf=0.7, anon=0.2, weight=2),
    S("info_disdik", "3529-DISDIK", "Pendidikan", {I: 1},
      ["Jadwal pendaftaran SPMB SMP 2027", "Cara mengurus surat pengganti ijazah"],
      ["f|Mohon informasi jadwal dan persyaratan pendaftaran SPMB SMP negeri tahun ajaran 2027/2028 di "
       "Kabupaten Sumenep.",
       "i|ijazah sd saya hilang kebakaran, gimana cara ngurus surat keterangan pengganti ijazah?"],
      ["informasi", "sekolah"],
      ["Jadwal SPMB 2027 akan diumumkan pada Mei 2027 melalui laman resmi Dinas Pendidikan. Surat "
       "keterangan pengganti ijazah diurus di sekolah asal dengan membawa surat kehilangan dari "
       "kepolisian."], anon=0.05),
    S("aspirasi_disdik", "3529-DISDIK", "Pendidikan", {A: 1},
      ["Usul transportasi sekolah untuk siswa terpencil", "Usul pembangunan SMP negeri di Desa {desa}"],
      ["f|Anak-anak di Dusun {dusun}, Desa {desa} harus berjalan kaki sekitar {km} km ke sekolah. Kami "
       "mengusulkan adanya bus sekolah atau antar-jemput.",
       "f|Lulusan SD di Desa {desa} dan sekitarnya harus bersekolah jauh ke kecamatan. Kami mengusulkan "
       "pembangunan SMP negeri satu atap di desa kami."],
      ["aspirasi", "sekolah"],
      ["Terima kasih atas usulannya. Usulan telah kami catat untuk kajian kebutuhan sarana pendidikan "
       "tahun 2027."], weight=2),
]
# For each body variant: the title indexes that fit it (absent: all titles).
TITLE_LINKS = {
    "pkh": [[0, 1, 2], [3], [0, 1, 4], [0, 2], [0, 2]],
    "bpnt": [[0, 3], [2], [1]],
    "dtsen": [[0, 2, 3], [1], [4]],
    "lansia": [[0, 1], [2], [0, 1]],
    "odgj": [[0, 2], [1, 2]],
    "bencana": [[0], [1]],
    "potongan": [[0, 1], [2]],
    "disabilitas": [[0], [1]],
    "info_bansos": [[0, 1], [2]],
    "rutilahu": [[0], [1]],
    "jalan": [[0, 2, 4], [1], [0, 3], [1], [0, 4]],
    "jembatan": [[0], [2], [1]],
    "kualitas": [[0, 2], [1, 2], [0, 1]],
    "mangkrak": [[0, 2], [1]],
    "drainase": [[0], [1], [0, 2]],
    "info_jalan": [[0, 2], [0, 1]],
    "pkl": [[0, 2], [1, 2], [3]],
    "bising": [[0, 1], [0, 2], [3]],
    "anjing": [[0, 1], [0]],
    "bangunan": [[0], [1], [2]],
    "miras": [[0, 1], [1]],
    "petugas": [[0], [1]],
    "relokasi": [[0], [1]],
    "ktp": [[0, 1, 2], [0, 3], [2]],
    "kk": [[0, 2], [1], [0, 2]],
    "akta": [[0, 1], [0]],
    "nik": [[0, 2], [1]],
    "antrean": [[0], [2], [1]],
    "calo": [[0], [1]],
    "info_adminduk": [[0], [1], [2]],
    "jemput": [[0], [1]],
    "pkm_lambat": [[0, 1], [0], [0, 2]],
    "pulau": [[0], [1, 2], [2]],
    "ambulans": [[0], [1]],
    "pungli_pkm": [[0, 1], [0]],
    "stunting": [[0], [1]],
    "info_kes": [[1], [0], [2]],
    "aspirasi_kes": [[0], [1]],
    "pungutan": [[0, 1], [2]],
    "ijazah": [[0], [1]],
    "guru_pulau": [[0], [1]],
    "pip": [[0], [1]],
    "honorer": [[0], [1]],
    "info_disdik": [[0], [1]],
    "aspirasi_disdik": [[0], [1]],
    "asp_lombang": [[0, 1], [0, 1]],
}
# For each body variant: the final-response indexes that fit it (absent: all finals).
FINAL_LINKS = {
    "disabilitas": [[0], [1]],
    "jembatan": [[0], [1], [2]],
    "bising": [[2], [0], [1]],
    "kk": [[0], [1], [0]],
    "info_adminduk": [[0], [2], [1]],
    "jemput": [[0], [1]],
    "honorer": [[0], [1]],
}
for _s in SCENARIOS:
    _n = len(_s["bodies"])
    _s["title_links"] = TITLE_LINKS.get(_s["key"], [list(range(len(_s["titles"])))] * _n)
    _s["final_links"] = FINAL_LINKS.get(_s["key"], [list(range(len(_s["finals"])))] * _n)
    assert len(_s["title_links"]) == _n and len(_s["final_links"]) == _n, _s["key"]
    assert all(i < len(_s["titles"]) for l in _s["title_links"] for i in l), _s["key"]
    assert all(i < len(_s["finals"]) for l in _s["final_links"] for i in l), _s["key"]
    assert sorted({i for l in _s["title_links"] for i in l}) == list(range(len(_s["titles"]))), _s["key"]
SC_BY_KEY = {s["key"]: s for s in SCENARIOS}

# Complaints sent to the wrong office. `transfer`: the registry approves a transfer in a
# later batch (the snapshot then names the target agency, outside the desk's scope).
MISROUTED = [
    dict(stream="3529-DINSOS", target="K-PU", transfer=False, category="Infrastruktur", cls=P,
         title="Jalan nasional di Prenduan banyak lubang",
         body="Jalan nasional Sumenep–Pamekasan di wilayah Prenduan, Kecamatan Pragaan, banyak lubang "
              "besar. Truk pengangkut garam dan tembakau lewat setiap hari sehingga lubangnya makin "
              "dalam. Sudah beberapa kali ada pengendara motor yang terjatuh di malam hari.",
         kec="Pragaan", tags=["jalan"]),
    dict(stream="3529-DINSOS", target="3529-DLH", transfer=False, category="Lingkungan Hidup", cls=P,
         title="Sampah menumpuk di pinggir jalan Desa {desa}",
         body="i|sampah di pinggir jalan desa {desa} numpuk udah seminggu gak diangkut, bau bgt dan banyak "
              "lalat. tolong diangkut", tags=["sampah"]),
    dict(stream="3529-DINSOS", target="L-BPJSKES", transfer=True, category="Kesehatan", cls=P,
         title="Antrean kantor BPJS Kesehatan Sumenep mengular",
         body="Saya ingin mengurus pindah faskes dan perubahan data di kantor BPJS Kesehatan Sumenep. "
              "Saya datang pukul 06.00 tetapi kuota antrean hari itu sudah habis. Petugas menyarankan "
              "daftar lewat aplikasi, padahal aplikasinya selalu gagal verifikasi wajah.",
         kec="Kota Sumenep", tags=["bpjs"]),
    dict(stream="3529-DINSOS", target="3529-DISDUKCAPIL", transfer=False, category="Kependudukan", cls=P,
         title="Akta kematian suami belum terbit",
         body="Suami saya meninggal bulan {bulan}. Permohonan akta kematian sudah saya serahkan ke desa "
              "tetapi sampai sekarang belum terbit, sehingga KK saya belum bisa diperbarui.",
         tags=["adminduk"]),
    dict(stream="3529-DPUBM", target="35-DPUBM", transfer=True, category="Infrastruktur", cls=P,
         title="Jalan provinsi ruas Lenteng–Guluk-Guluk rusak",
         body="Ruas jalan provinsi dari Lenteng menuju Guluk-Guluk rusak di banyak titik, terutama di "
              "sekitar Desa Bragung. Aspal mengelupas dan ada lubang sedalam 20 cm. Jalan ini ramai "
              "dilewati bus dan truk menuju Pamekasan.",
         kec="Guluk-Guluk", desa="Bragung", tags=["jalan", "provinsi"]),
    dict(stream="3529-DPUBM", target="3529-DPUSDA", transfer=False, category="Pertanian", cls=P,
         title="Saluran irigasi jebol, sawah kekeringan",
         body="Saluran irigasi di Desa {desa}, Kecamatan {kec} jebol sepanjang 10 meter sehingga air tidak "
              "sampai ke sawah warga. Padi yang baru ditanam mulai mengering.", tags=["irigasi"]),
    dict(stream="3529-DPUBM", target="K-ATRBPN", transfer=False, category="Pertanahan", cls=P,
         title="Sertifikat PTSL belum dibagikan",
         body="i|sertifikat tanah program ptsl di desa {desa} udah diukur dari tahun lalu tapi belum "
              "dibagi sampe skrg. kami udah bayar ke panitia desa", tags=["pertanahan"]),
    dict(stream="3529-DPUBM", target="K-PU", transfer=False, category="Infrastruktur", cls=P,
         title="Jalan nasional di Bluto ambles",
         body="Badan jalan nasional di Desa Kapedi, Kecamatan Bluto ambles sekitar 20 cm di tikungan. "
              "Sudah dipasang ranting oleh warga sebagai tanda, tetapi pada malam hari tidak terlihat.",
         kec="Bluto", desa="Kapedi", tags=["jalan", "nasional"]),
    dict(stream="3529-DPUBM", target="3529-DISHUB", transfer=False, category="Perhubungan", cls=P,
         title="Lampu PJU mati sepanjang Jalan Raya Kalianget",
         body="Lampu penerangan jalan umum di Jalan Raya Kalianget mati sejak sebulan lalu, hampir 1 km "
              "gelap total. Rawan kecelakaan dan kejahatan.", kec="Kalianget", tags=["pju"]),
    dict(stream="3529-DPUBM", target="3529-DISPERKIM", transfer=False, category="Perumahan", cls=A,
         title="Permohonan bedah rumah tidak layak huni",
         body="Kami mengajukan permohonan bantuan bedah rumah untuk seorang janda di Desa {desa}. "
              "Rumahnya berdinding bambu, atapnya bocor, dan tidak memiliki jamban.", tags=["rtlh"]),
    dict(stream="3529-SATPOLPP", target="K-IMIGRASI", transfer=True, category="Keimigrasian", cls=P,
         title="Paspor belum jadi sudah sebulan",
         body="Saya mengajukan paspor di Kantor Imigrasi Pamekasan untuk berangkat kerja ke Malaysia. "
              "Wawancara dan foto sudah sejak sebulan lalu, tetapi paspor belum jadi dengan alasan "
              "menunggu verifikasi. Tiket keberangkatan saya bisa hangus.", tags=["paspor"]),
    dict(stream="3529-SATPOLPP", target="3529-DISDUKCAPIL", transfer=False, category="Kependudukan", cls=P,
         title="KTP-el rusak belum diganti",
         body="i|ktp saya patah, udah ngajuin ganti di kecamatan {kec} 2 bulan lalu blm jadi juga",
         tags=["ktp-el"]),
    dict(stream="3529-SATPOLPP", target="3529-DISNAKER", transfer=False, category="Ketenagakerjaan", cls=P,
         title="Gaji karyawan toko di bawah UMK",
         body="Saya bekerja di sebuah toko modern di Kota Sumenep dengan gaji Rp1.200.000 per bulan, jauh "
              "di bawah UMK. Lembur tidak dibayar dan tidak didaftarkan BPJS Ketenagakerjaan.",
         kec="Kota Sumenep", tags=["upah"], anon=True),
    dict(stream="3529-SATPOLPP", target="3529-DPUBM", transfer=False, category="Infrastruktur", cls=P,
         title="Jalan desa berlubang di Gapura",
         body="Jalan kabupaten di Desa {desa}, Kecamatan Gapura berlubang di banyak titik dan tergenang "
              "saat hujan.", kec="Gapura", tags=["jalan"]),
    dict(stream="3529-SATPOLPP", target="L-PLN", transfer=False, category="Energi", cls=P,
         title="Listrik sering padam di Kecamatan {kec}",
         body="i|listrik di {kec} padam hampir tiap hari 3-4 jam, barang elektronik pada rusak. ini urusan "
              "siapa sih?", kec="Sapeken", tags=["listrik"]),
    dict(stream="3529-DISDUKCAPIL", target="3529-DINSOS", transfer=False, category="Sosial", cls=P,
         title="PKH ibu saya berhenti tanpa pemberitahuan",
         body="Ibu saya penerima PKH sejak 2019, tetapi sejak tahap {tahap} tidak lagi menerima bantuan. "
              "Data KTP dan KK sudah benar. Mohon dicek mengapa dihentikan.", tags=["pkh"]),
    dict(stream="3529-DISDUKCAPIL", target="L-BPJSTK", transfer=False, category="Ketenagakerjaan", cls=P,
         title="Klaim JHT BPJS Ketenagakerjaan dipersulit",
         body="Saya berhenti bekerja di Surabaya dan ingin mencairkan JHT. Klaim lewat aplikasi JMO "
              "ditolak dua kali karena data KTP dan data perusahaan berbeda.", tags=["jht"]),
    dict(stream="3529-DISDUKCAPIL", target="3529-DPMPTSP", transfer=False, category="Perizinan", cls=P,
         title="NIB usaha tidak bisa diproses di OSS",
         body="i|mau bikin nib buat usaha keripik tp di oss selalu gagal, muncul error. udah ke mall "
              "pelayanan disuruh coba lagi", tags=["perizinan"]),
    dict(stream="3529-DISDUKCAPIL", target="3529-DPUBM", transfer=False, category="Infrastruktur", cls=P,
         title="Jalan menuju kantor kecamatan rusak",
         body="Jalan menuju kantor Kecamatan {kec} tempat pelayanan KTP rusak parah. Warga yang datang "
              "mengurus dokumen harus melewati lubang dan genangan air.", tags=["jalan"]),
    dict(stream="3529-DINKES", target="3529-RSUD", transfer=False, category="Kesehatan", cls=P,
         title="Pelayanan IGD RSUD lambat",
         body="Ayah saya dibawa ke IGD RSUD dr. H. Moh. Anwar karena stroke, tetapi baru ditangani dokter "
              "setelah hampir dua jam. Kami hanya disuruh menunggu tanpa penjelasan.",
         kec="Kota Sumenep", tags=["rumah sakit"]),
    dict(stream="3529-DINKES", target="L-BPJSKES", transfer=False, category="Kesehatan", cls=P,
         title="Denda BPJS mandiri terlalu besar",
         body="i|saya nunggak bpjs mandiri 6 bulan, pas mau aktifin lagi kena denda layanan jutaan. "
              "istri mau lahiran. ada keringanan gak?", tags=["bpjs"]),
    dict(stream="3529-DINKES", target="3529-DKPP", transfer=False, category="Peternakan", cls=P,
         title="Sapi warga kena penyakit kulit, butuh vaksin",
         body="Banyak sapi milik warga Desa {desa} terkena penyakit benjolan kulit (LSD). Peternak takut "
              "menjual rugi. Mohon ada vaksinasi dan pengobatan dari petugas.", tags=["ternak"]),
    dict(stream="3529-DISDIK", target="35-DISDIK", transfer=True, category="Pendidikan", cls=P,
         title="Pungutan di SMA negeri memberatkan",
         body="SMAN tempat anak saya bersekolah di Kota Sumenep menarik sumbangan pengembangan sekolah "
              "Rp2.500.000 untuk siswa baru dan iuran bulanan Rp150.000. Yang belum membayar ditagih "
              "di depan kelas.", kec="Kota Sumenep", tags=["pungutan"], anon=True, conf=True),
    dict(stream="3529-DISDIK", target="3529-DISDUKCAPIL", transfer=False, category="Kependudukan", cls=P,
         title="KTP-el anak belum jadi, mau daftar kuliah",
         body="i|anak saya mau daftar kuliah tp ktp-el nya blm jadi padahal sdh rekam di kecamatan {kec} "
              "dari {bulan}. tolong dibantu", tags=["ktp-el"]),
    dict(stream="3529-DISDIK", target="K-AGAMA", transfer=False, category="Pendidikan", cls=P,
         title="Dana BOS madrasah diduga dipotong",
         body="Dana BOS di sebuah madrasah ibtidaiyah di Kecamatan {kec} diduga dipotong oleh oknum "
              "dengan alasan biaya pencairan. Guru honorer di madrasah itu hanya menerima honor "
              "Rp250.000 per bulan.", tags=["bos"], anon=True, conf=True, sup=True),
    dict(stream="3529-DISDIK", target="L-BGN", transfer=False, category="Pendidikan", cls=P,
         title="Menu MBG di sekolah basi",
         body="Menu Makan Bergizi Gratis yang dibagikan di {sd} hari {hari} kemarin berbau basi. Beberapa "
              "siswa mual setelah makan. Mohon dapur penyedia diperiksa.", tags=["mbg"]),
]

# Long, multi-paragraph bodies (~2,000 characters), each its own complaint.
LONG = [
    dict(stream="3529-DPUBM", scenario="jalan", channel="web", cls=P, kec="Lenteng", desa="Jambu",
         title="Jalan poros Jambu–Meddelan rusak, usulan tak pernah terealisasi",
         reporter="Moh. Hosnan", anon=False, conf=False, d_off=33,
         body="""Dengan hormat,

Kami warga Dusun Bara' Lorong, Desa Jambu, Kecamatan Lenteng, ingin menyampaikan keluhan mengenai kondisi jalan poros desa yang menghubungkan Desa Jambu dengan Desa Meddelan. Jalan sepanjang kurang lebih 3,5 kilometer ini terakhir diaspal sekitar tahun 2015 dan sejak itu hanya pernah ditambal sekali. Saat ini hampir seluruh permukaan aspal sudah hilang, yang tersisa hanya batu lepas dan lubang sedalam 20 sampai 30 sentimeter.

Jalan ini adalah satu-satunya akses warga tiga dusun menuju pasar, puskesmas, dan sekolah. Setiap pagi ratusan anak SD dan SMP melewati jalan ini dengan sepeda atau dibonceng orang tuanya. Pada musim hujan lubang-lubang tersebut tergenang air sehingga pengendara tidak bisa melihat kedalamannya. Dalam tiga bulan terakhir saja setidaknya terjadi lima kecelakaan tunggal, salah satunya seorang ibu yang membonceng anak balita dan harus dirawat karena luka di kepala.

Kami sudah menempuh jalur yang semestinya. Usulan perbaikan jalan ini kami sampaikan dalam musrenbang desa tahun 2024 dan 2025, lalu dibawa ke musrenbang kecamatan. Kami juga menyerahkan surat permohonan yang ditandatangani kepala desa dan sekitar 200 warga ke kantor Dinas PU Bina Marga pada bulan Juli lalu. Namun sampai hari ini belum ada jawaban tertulis maupun petugas yang meninjau lokasi.

Kerusakan paling parah ada di tanjakan dekat makam desa dan di depan SDN Jambu II. Di dua titik itu lubang sudah menyatu sehingga lebar jalan yang bisa dilalui tinggal sekitar satu meter di pinggir. Saat panen tembakau, mobil pengangkut enggan masuk sehingga petani harus memikul hasil panen ke jalan raya.

Warga sudah bergotong royong menimbun lubang dengan batu dan tanah, tetapi setelah hujan timbunan itu hanyut lagi. Kami tidak meminta jalan ini langsung dihotmix. Kami memohon setidaknya ada penambalan darurat dan peninjauan lapangan, serta kepastian apakah ruas ini masuk rencana perbaikan tahun anggaran 2027.

Bersama laporan ini kami lampirkan foto kondisi jalan dan salinan surat permohonan. Atas perhatian Bapak/Ibu kami ucapkan terima kasih."""),
    dict(stream="3529-DINSOS", scenario="potongan", channel="web", cls=P, sup=True, kec="Pragaan",
         desa="Karduluk", title="Dugaan pemotongan PKH dan BPNT secara terorganisir",
         reporter=None, anon=True, conf=True, d_off=47,
         body="""Saya sengaja melapor tanpa nama karena takut. Di desa kami, Desa Karduluk, Kecamatan Pragaan, setiap pencairan PKH dan BPNT selalu ada potongan yang tidak jelas dasarnya.

Caranya begini. Saat jadwal pencairan, para penerima dikumpulkan di rumah salah satu perangkat dusun, bukan di bank atau agen resmi. Kartu KKS kami diminta dikumpulkan lebih dulu dengan alasan supaya tertib. Setelah uang ditarik, kami dipanggil satu per satu dan diberi uang dalam amplop. Isinya selalu kurang antara Rp50.000 sampai Rp150.000 dari jumlah yang seharusnya. Untuk BPNT, kami diwajibkan mengambil paket sembako dari satu warung tertentu yang isinya beras, telur, dan minyak, tetapi kalau dihitung dengan harga pasar nilainya jauh di bawah saldo kartu.

Beberapa warga pernah bertanya kenapa uangnya kurang. Jawabannya untuk ongkos transport, uang administrasi, dan uang kas. Yang bertanya terlalu banyak diancam namanya akan dicoret dari daftar penerima tahun depan. Karena itu hampir semua orang memilih diam. Sebagian besar penerima adalah janda dan lansia yang tidak bisa baca tulis, jadi mereka tidak tahu berapa hak mereka yang sebenarnya.

Kami juga heran karena ada nama-nama penerima yang orangnya sudah meninggal dunia atau sudah lama pindah ke luar Jawa, tetapi kartunya masih dicairkan setiap tahap. Kami tidak tahu uang itu dibawa ke mana. Saya juga mendengar bahwa beberapa calon penerima baru diminta menyerahkan Rp300.000 agar namanya bisa diusulkan masuk daftar, tanpa tanda terima apa pun.

Kami mohon Dinas Sosial dan Inspektorat turun langsung, menemui penerima satu per satu tanpa didampingi perangkat desa, dan memastikan pencairan dilakukan sendiri oleh penerima di bank atau agen resmi. Bila diperlukan, saya bersedia memberikan keterangan tambahan melalui kanal ini tanpa harus bertemu langsung. Mohon identitas pelapor dan isi laporan ini dirahasiakan, karena kami masih tinggal di desa yang sama."""),
    dict(stream="3529-DISDUKCAPIL", scenario="ktp", channel="letter", cls=P, kec="Arjasa",
         desa="Kalikatak", title="KTP-el tak kunjung dicetak, tiga kali menyeberang dari Arjasa",
         reporter="Sahrawi", anon=False, conf=False, d_off=61,
         body="""Assalamu'alaikum Wr. Wb.

Saya ingin menyampaikan pengalaman saya mengurus KTP-el yang sampai sekarang belum selesai. Pada bulan April 2026 saya melakukan perekaman KTP-el di kantor Kecamatan Arjasa karena KTP lama saya hilang bersama dompet di kapal. Petugas mengatakan KTP bisa diambil dua minggu kemudian.

Dua minggu kemudian saya datang lagi, ternyata belum dicetak karena blangko habis. Saya diminta menunggu kabar dari kecamatan. Bulan Juni saya menanyakan lagi lewat perangkat desa, jawabannya data saya harus dikirim dulu ke kabupaten. Bulan Agustus saya menyeberang ke Kalianget dan datang langsung ke kantor Dinas Dukcapil di Sumenep. Di sana saya mengambil nomor antrean, menunggu hampir lima jam, lalu diberi tahu bahwa status perekaman saya "ganda" sehingga harus diverifikasi ulang, dan saya diminta kembali minggu depan.

Untuk sekali berangkat dari Arjasa ke Sumenep saya harus mengeluarkan biaya kapal, ojek, makan, dan menginap, totalnya lebih dari Rp500.000. Saya sudah tiga kali bolak-balik. Sebagai nelayan, penghasilan saya tidak menentu dan setiap kali ke kota berarti tidak melaut beberapa hari.

Akibat tidak punya KTP, saya tidak bisa mencairkan bantuan untuk nelayan, tidak bisa membuka rekening bank, dan anak saya kesulitan mendaftar sekolah karena data orang tua di KK tidak sinkron.

Saat di kantor Dukcapil, saya melihat banyak warga dari kepulauan lain seperti Sapeken dan Raas yang mengalami hal serupa, bahkan ada yang sudah menunggu hampir setahun. Saya juga sudah mencoba bertanya melalui nomor WhatsApp layanan yang tertera di papan pengumuman, tetapi pesan saya hanya dibaca tanpa dibalas.

Saya mohon Bapak/Ibu di Dinas Dukcapil memeriksa status data saya dan memberikan kepastian kapan KTP saya bisa dicetak. Bila memungkinkan, mohon KTP dikirim melalui kantor kecamatan agar saya tidak perlu menyeberang lagi. Nomor registrasi perekaman masih saya simpan dan bisa saya kirimkan bila diperlukan.

Wassalamu'alaikum Wr. Wb.
Sahrawi""", fin=[1]),
    dict(stream="3529-DINKES", scenario="pungli_pkm", channel="app", cls=P, sup=True, kec="Bluto",
         desa="Errabu", title="Pelayanan persalinan di Puskesmas Bluto dan pungutan biaya",
         reporter="Badrus Sholeh", anon=False, conf=True, d_off=24,
         body="""Saya ingin melaporkan pelayanan yang kami terima di Puskesmas Bluto saat istri saya melahirkan.

Malam itu istri saya mengalami kontraksi dan kami bawa ke puskesmas sekitar pukul 23.00. Di ruang bersalin hanya ada satu bidan yang berjaga dan beliau terlihat kewalahan karena ada dua pasien lain. Istri saya dibiarkan menunggu di kursi lorong hampir satu jam tanpa diperiksa. Ketika saya bertanya, saya malah dimarahi dan disuruh menunggu di luar.

Menjelang subuh kondisi istri saya melemah dan bidan mengatakan harus dirujuk ke RSUD. Masalahnya, ambulans puskesmas tidak ada di tempat, katanya dipakai mengantar pasien lain dan sopirnya tidak bisa dihubungi. Kami akhirnya mencarter mobil tetangga dengan biaya sendiri. Surat rujukan pun baru bisa dibuat setelah kami menunggu sekitar 30 menit, karena dokter jaga tidak ada di tempat dan tidak ada petugas lain yang berwenang menandatanganinya. Selama itu istri saya kesakitan di dalam mobil. Alhamdulillah istri dan bayi kami selamat setelah ditangani di RSUD dr. H. Moh. Anwar.

Setelah pulang, kami didatangi petugas yang menagih biaya persalinan dan obat sebesar Rp750.000, padahal istri saya peserta BPJS Kesehatan yang aktif. Tidak ada kuitansi resmi yang diberikan, hanya tulisan tangan di kertas biasa. Belakangan kami juga mendengar dari seorang perawat bahwa seharusnya ada dua bidan yang berjaga pada malam hari, tetapi satu bidan sedang cuti dan tidak ada penggantinya.

Saya tidak bermaksud menyalahkan satu orang bidan yang memang bekerja sendirian. Saya berharap Dinas Kesehatan memeriksa jumlah tenaga jaga malam di ruang bersalin, kesiapan ambulans rujukan, dan kejelasan biaya bagi peserta BPJS. Mohon laporan ini dirahasiakan karena kami masih akan berobat di puskesmas yang sama. Terima kasih."""),
    dict(stream="3529-DISDIK", scenario="pip", channel="web", cls=P, sup=True, kec="Saronggi",
         desa="Kebundadap Timur", title="Dana PIP dipegang sekolah dan pungutan LKS di SD negeri",
         reporter=None, anon=True, conf=False, d_off=52,
         body="""Dengan hormat,

Saya wali murid kelas 5 di SDN Kebundadap Timur II, Kecamatan Saronggi. Saya ingin menyampaikan beberapa hal yang menurut saya tidak sesuai aturan dan sudah lama menjadi keluhan para orang tua.

Pertama, dana Program Indonesia Pintar (PIP). Anak saya tercatat sebagai penerima PIP tahun ini. Namun buku tabungan dan kartu ATM-nya dipegang oleh pihak sekolah. Saat pencairan, orang tua hanya diberi uang tunai Rp250.000, padahal nilai bantuan untuk siswa SD adalah Rp450.000 per tahun. Ketika ditanyakan, kami diberi tahu bahwa sisanya untuk membeli seragam, buku LKS, dan biaya kegiatan. Kami tidak pernah diajak bermusyawarah dan tidak ada rincian tertulis.

Kedua, setiap siswa diwajibkan membeli buku LKS dari sekolah seharga Rp15.000 per mata pelajaran setiap semester. Jika tidak membeli, anak ditegur di depan kelas.

Ketiga, menjelang kegiatan perpisahan, kelas 6 diminta iuran Rp350.000 per anak untuk sewa gedung dan hiburan. Bagi kami yang bekerja sebagai petani garam, jumlah itu sangat berat.

Keempat, untuk kegiatan study tour ke Surabaya tahun lalu setiap siswa kelas 5 dan 6 diwajibkan membayar Rp400.000. Siswa yang tidak ikut tetap diminta membayar separuhnya dengan alasan bus sudah dipesan.

Beberapa orang tua sudah menyampaikan keberatan kepada komite sekolah, tetapi komite justru mendukung kebijakan tersebut dan menyarankan orang tua yang keberatan untuk memindahkan anaknya ke sekolah lain.

Saya paham sekolah mungkin kekurangan biaya operasional, tetapi sepengetahuan saya pungutan seperti ini tidak diperbolehkan di sekolah negeri dan dana PIP adalah hak siswa yang harus diterima utuh.

Mohon Dinas Pendidikan melakukan pemeriksaan dan memastikan buku tabungan PIP dikembalikan kepada siswa. Saya mohon identitas saya tidak diberitahukan kepada pihak sekolah karena anak saya masih bersekolah di sana.

Hormat saya,
Wali murid"""),
    dict(stream="3529-SATPOLPP", scenario="bising", channel="web", cls=P, kec="Kota Sumenep",
         desa="Pabian", title="Tempat karaoke di Pabian berisik sampai dini hari",
         reporter="Siti Nurjannah", anon=False, conf=False, d_off=9,
         body="""Selamat siang Bapak/Ibu Satpol PP.

Saya warga Desa Pabian, Kecamatan Kota Sumenep. Sejak sekitar tiga bulan lalu ada usaha karaoke yang buka di ruko dekat rumah kami. Awalnya hanya buka sampai pukul 22.00, tetapi sekarang hampir setiap malam musiknya terdengar sampai pukul 02.00 atau 03.00 dini hari, terutama malam Jumat dan malam Minggu. Dentuman bass-nya terasa sampai ke dalam kamar dan kaca jendela ikut bergetar.

Di sekitar lokasi ada musala, rumah warga lanjut usia, dan beberapa keluarga yang memiliki bayi. Anak saya yang kelas 6 SD sering tidak bisa tidur dan esok paginya mengantuk di sekolah. Ayah saya yang sedang sakit jantung juga mengeluh berdebar-debar setiap kali suara musik terlalu keras.

Kami sudah mencoba menyelesaikan secara baik-baik. Ketua RT sudah dua kali menegur pemiliknya, dan kami juga pernah menyampaikan keluhan ke kantor desa. Pemilik berjanji mengecilkan suara, tetapi hanya bertahan beberapa hari. Selain itu, setiap malam banyak sepeda motor pengunjung yang parkir sampai ke badan jalan dan beberapa kali ada keributan pengunjung yang mabuk.

Pada malam Minggu dua pekan lalu, sekitar pukul 01.30, terjadi perkelahian antarpengunjung di depan ruko tersebut. Warga yang keluar untuk melerai malah dimaki-maki. Sejak itu ibu-ibu di gang kami takut keluar rumah setelah magrib, dan anak-anak tidak lagi berani mengaji di musala pada malam hari. Kami juga mendapat kabar bahwa usaha tersebut hanya memiliki izin warung makan, bukan izin tempat hiburan.

Kami tidak bermaksud mematikan usaha orang, tetapi kami mohon Satpol PP memeriksa izin usaha karaoke tersebut, memastikan jam operasionalnya sesuai aturan, dan menindak bila ada pelanggaran. Bila diperlukan, kami bersedia menunjukkan rekaman video yang kami ambil dari dalam rumah pada pukul 02.00. Terima kasih atas perhatiannya.""", fin=[0]),
]

# Vague or incomplete reports: held (tertunda) or archived before disposition.
VAGUE_HOLD = {
    "3529-DINSOS": ("Bantuan tidak cair", "Bantuan saya tidak cair sudah lama. Tolong dibantu."),
    "3529-DPUBM": ("Jalan rusak", "Jalannya rusak parah tolong diperbaiki secepatnya."),
    "3529-SATPOLPP": ("Berisik tiap malam", "tiap malam berisik sekali, tolong ditertibkan"),
    "3529-DISDUKCAPIL": ("KTP", "KTP saya kapan jadinya? sudah lama"),
    "3529-DINKES": ("Pelayanan lambat", "Pelayanannya lambat sekali, petugasnya tidak ada di tempat."),
    "3529-DISDIK": ("Sekolah minta uang", "Anak saya disuruh bayar di sekolah, apa boleh?"),
}
VAGUE_ARCHIVE = [
    ("Tolong", "tolong pak"),
    ("Pemerintah tidak becus", "Semua pejabat sama saja, tidak ada yang peduli rakyat kecil!!!"),
    ("tes", "tes lapor"),
    ("Minta nomor WA pak bupati", "minta nomor wa pak bupati sumenep ada yg tau?"),
    ("Sengketa tanah warisan", "Tanah warisan kakek saya dikuasai paman saya. Mohon pemerintah "
                              "membantu membagi tanah itu secara adil."),
    ("Utang tetangga tidak dibayar", "Tetangga saya pinjam uang 5 juta setahun lalu sampai sekarang "
                                     "tidak mau bayar. Mohon dibantu menagih."),
]

# --------------------------------------------------------------------------------------
# Thread texts
# --------------------------------------------------------------------------------------

SYS_DISPOSED = ["Laporan didisposisikan ke {name}", "Laporan diverifikasi dan didisposisikan ke {name}",
                "Laporan diteruskan oleh Admin Instansi Kabupaten Sumenep kepada {name}"]
INITIAL = [
    "Yth. Pelapor, terima kasih atas laporan yang disampaikan. Laporan telah kami terima dan diteruskan "
    "kepada {unit} untuk ditindaklanjuti. Perkembangan penanganan akan kami sampaikan melalui kanal ini.",
    "Terima kasih atas laporan Saudara. Kami akan melakukan verifikasi lapangan bersama {field} dalam "
    "waktu dekat.",
    "Laporan sudah kami terima dan sedang dikoordinasikan dengan {unit} serta pihak Kecamatan {kec}. "
    "Mohon kesediaan Saudara menunggu informasi selanjutnya.",
    "Selamat {salam}, terima kasih telah menyampaikan laporan melalui SP4N-LAPOR!. Laporan Saudara sedang "
    "kami telaah dan akan segera ditindaklanjuti oleh {unit}.",
    "Terima kasih atas informasinya. Laporan telah kami disposisikan secara internal kepada {unit}.",
]
PROGRESS = [
    "Tim kami telah melakukan pengecekan lapangan pada {tgl_msg}. Hasilnya sedang dibahas untuk "
    "menentukan langkah penanganan.",
    "Penanganan masih berjalan. Kami sedang menunggu data pendukung dari pemerintah Desa {desa}.",
    "Perkembangan: {unit} telah berkoordinasi dengan Camat {kec}. Tindak lanjut lapangan dijadwalkan "
    "minggu depan.",
    "Mohon maaf atas keterlambatan informasi. Laporan Saudara masih dalam proses penanganan oleh {unit}.",
    "Kami telah meminta klarifikasi dari pihak terkait. Hasilnya akan kami sampaikan setelah diterima.",
]
PROGRESS_AFTER_REPLY = [
    "Terima kasih atas tanggapannya. Petugas kami dijadwalkan ke lokasi dalam minggu ini.",
    "Mohon maaf atas ketidaknyamanannya. Keluhan Saudara sudah kami teruskan kembali kepada {unit}.",
    "Baik, informasi tambahan dari Saudara sudah kami terima dan sedang kami tindak lanjuti.",
]
REPLY_WAIT = [
    "Terima kasih tanggapannya. Mohon dikabari kalau sudah ada jadwal ke lokasi.",
    "Sudah lebih dari seminggu sejak dibalas, tapi belum ada petugas yang datang.",
    "Baik, saya tunggu tindak lanjutnya.",
    "tolong jangan cuma janji ya pak, warga sudah lama menunggu",
    "Sampai sekarang belum ada kabar lagi. Mohon info perkembangannya.",
    "Mohon maaf, apakah ada perkembangan? Di lapangan belum ada perubahan.",
]
REPLY_NUDGE = [
    "Mohon segera ditindaklanjuti, sudah seminggu belum ada tanggapan.",
    "Halo admin, laporan saya kok belum dibalas?",
    "Kondisinya masih sama, mohon perhatiannya.",
    "Apakah laporan ini sudah dibaca?",
    "pak tolong dong dibalas, sudah lama nunggu",
]
REPLY_OK = [
    "Alhamdulillah sudah beres, terima kasih banyak.",
    "Terima kasih atas responsnya, sudah kami terima.",
    "Terima kasih, semoga ke depan lebih cepat.",
    "Matur sakalangkong, sudah ditindaklanjuti.",
]
REPLY_BAD = [
    "Kok sudah dinyatakan selesai? Di lapangan belum ada perubahan.",
    "Jawabannya tidak menjawab masalah saya. Mohon dicek lagi.",
    "Yang ditindaklanjuti baru sebagian, masalah utamanya belum selesai.",
]
ADMIN_REMINDER = [
    "Mohon {name} segera memberikan tindak lanjut atas laporan ini karena telah melewati batas waktu 5 "
    "hari kerja.",
    "Pengingat: laporan ini belum mendapatkan tindak lanjut. Mohon admin penghubung {name} segera merespons.",
    "Yth. Admin {name}, laporan ini sudah terdisposisi lebih dari 5 HK tanpa tindak lanjut. Mohon segera "
    "ditanggapi.",
]
ADMIN_FOLLOWUP = [
    "Mohon {name} menyampaikan tindak lanjut akhir atas laporan ini dan menanggapi pertanyaan pelapor.",
    "Pelapor menyatakan belum ada perkembangan. Mohon {name} memberikan informasi terbaru.",
]
ADMIN_HOLD_PRE = [
    "Yth. Pelapor, laporan Saudara belum dapat diproses karena lokasi kejadian belum jelas. Mohon lengkapi "
    "nama desa/kecamatan dan waktu kejadian.",
    "Mohon melengkapi kronologi dan bukti pendukung (foto atau dokumen) agar laporan dapat diverifikasi.",
    "Laporan ditunda: mohon sebutkan unit layanan yang dimaksud serta waktu kejadian.",
]
ADMIN_ARCHIVE_PRE = [
    "Laporan diarsipkan karena isi laporan tidak jelas dan tidak memuat informasi yang dapat ditindaklanjuti.",
    "Laporan diarsipkan karena tidak berkaitan dengan pelayanan publik.",
    "Laporan diarsipkan karena merupakan permasalahan perdata antarwarga dan bukan pengaduan pelayanan publik.",
]
SYS_AUTOCLOSE = ("Laporan dinyatakan selesai otomatis: tidak ada tanggapan pelapor atau admin dalam 10 hari "
                 "kerja setelah tindak lanjut terakhir.")

OPEN_F = ["Dengan hormat,", "Yth. Bapak/Ibu {name},", "Assalamu'alaikum Wr. Wb.", "Selamat siang Bapak/Ibu,",
          "Mohon izin melaporkan."]
OPEN_I = ["Assalamualaikum pak/bu.", "Permisi min,", "Tolong dibantu pak.", "Halo admin,", "Pak, mohon maaf."]
CLOSE_F = ["Atas perhatian dan tindak lanjutnya kami ucapkan terima kasih.",
           "Demikian laporan ini kami sampaikan, mohon segera ditindaklanjuti.",
           "Mohon bantuan Bapak/Ibu untuk menindaklanjuti. Terima kasih.", "Wassalamu'alaikum Wr. Wb."]
CLOSE_I = ["Makasih.", "Mohon segera ditindak ya pak.", "Tolong jangan cuma dibaca saja.", "Terima kasih min.",
           "Semoga cepat ditanggapi."]
EXTRA_F = ["Foto kondisi di lapangan kami lampirkan.",
           "Hal ini sudah kami sampaikan ke pemerintah desa, namun belum ada tindak lanjut.",
           "Kami siap memberikan keterangan tambahan bila diperlukan.",
           "Keluhan yang sama juga dirasakan banyak warga lain."]
EXTRA_I = ["fotonya sdh saya lampirkan.", "udah lapor ke desa tp katanya bukan urusan desa.",
           "capek nunggu terus.", "tolong jangan dilempar2 lagi."]

SMS_WORDS = [("yang", "yg"), ("sudah", "sdh"), ("tidak", "tdk"), ("dengan", "dgn"), ("untuk", "utk"),
             ("belum", "blm"), ("karena", "krn"), ("sampai", "smp"), ("tolong", "tlg"), ("sekarang", "skrg"),
             ("saya", "sy"), ("bapak", "bpk"), ("kecamatan", "kec"), ("desa", "ds"), ("jalan", "jln")]

# --------------------------------------------------------------------------------------
# Time helpers
# --------------------------------------------------------------------------------------

R = random.Random(SEED)


def parse_local(s: str) -> datetime:
    return datetime.fromisoformat(s).replace(tzinfo=TZ)


def is_wd(d: date) -> bool:
    return d.weekday() < 5 and d not in HOLIDAYS


def add_wd(d: date, n: int) -> date:
    """Day n of a working-day count that starts strictly after d (shared/spec/sla.md)."""
    x, k = d, 0
    while k < n:
        x += timedelta(days=1)
        if is_wd(x):
            k += 1
    return x


def at(d: date, h: int, m: int = 0) -> datetime:
    return datetime.combine(d, time(h, m), TZ)


def office_wd(base: datetime, n: int) -> datetime:
    """An office-hours moment on working day n after base (n = 0: later the same day if possible)."""
    d = base.date()
    if n <= 0:
        if is_wd(d) and base.hour < 15:
            lo = max(base + timedelta(minutes=15), at(d, 8))
            hi = at(d, 16)
            if lo < hi:
                return lo + timedelta(minutes=R.randint(0, int((hi - lo).total_seconds() // 60)))
        n = 1
    d = add_wd(d, n)
    if R.random() < 0.08:
        return at(d, R.randint(19, 21), R.randint(0, 59))
    return at(d, 8) + timedelta(minutes=R.randint(0, 8 * 60))


def anytime(base: datetime, lo_days: float, hi_days: float) -> datetime:
    t = base + timedelta(minutes=R.randint(int(lo_days * 1440), int(hi_days * 1440)))
    if t.hour < 6:
        t = t.replace(hour=R.randint(6, 9))
    return t


def ts(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def tgl(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def batch_times(agency: str) -> list[tuple[int, datetime]]:
    return [(seq, parse_local(s)) for seq, s in STREAMS[agency]]


def final_time(agency: str) -> datetime:
    return batch_times(agency)[-1][1]


def gap_windows() -> dict[str, tuple[datetime, datetime]]:
    out = {}
    for agency, seq in MISSING:
        bt = batch_times(agency)
        idx = [s for s, _ in bt].index(seq)
        out[agency] = (bt[idx - 1][1], bt[idx][1])
    return out


GAPS = gap_windows()


def wchoice(pairs):
    items = list(pairs)
    return R.choices([k for k, _ in items], weights=[w for _, w in items])[0]


# --------------------------------------------------------------------------------------
# Complaint model
# --------------------------------------------------------------------------------------


class Complaint:
    def __init__(self, stream: str, path: str, **kw):
        self.stream = stream
        self.path = path  # normal | unverified | hold_pre | archive_pre | hold_agency | archive_agency
        #                   | misrouted | transfer
        self.scenario = kw.get("scenario")
        self.long = kw.get("long")
        self.mis = kw.get("mis")
        self.d_off = kw.get("d_off")
        self.twin = None
        self.variant = 0
        self.id = None
        self.events: list[tuple[datetime, str, dict]] = []
        self.last: datetime | None = None
        self.base: dict = {}
        self.ctx: dict = {}
        self.disposed_at: datetime | None = None
        self.submitted_at: datetime | None = None

    def add(self, t: datetime, kind: str, payload: dict, movable: bool = True) -> datetime:
        if self.last is not None and t < self.last:
            t = self.last + timedelta(minutes=R.randint(3, 90))
        gap = GAPS.get(self.stream)
        if movable and gap and gap[0] < t <= gap[1]:
            # Keep responses out of the batch the desk never receives, so that every
            # complaint the desk sees as diproses/selesai also has its agency response.
            t = office_wd(gap[1], 1)
        self.last = t
        self.events.append((t, kind, payload))
        return t

    def msg(self, t: datetime, author: str, template: str, movable: bool = True, **extra) -> datetime:
        t = self.add(t, "msg", {"author": author, "template": template, "extra": extra}, movable)
        return t

    def snap(self, t: datetime, movable: bool = True, **changes) -> datetime:
        return self.add(t, "snap", changes, movable)


# --------------------------------------------------------------------------------------
# Phase 1: plan who complains where and when
# --------------------------------------------------------------------------------------


def disposal_time(d_off: int) -> datetime:
    d = REF_DATE - timedelta(days=d_off)
    if d_off == 0:
        return at(d, R.randint(0, 5), R.randint(5, 55))
    u = R.random()
    if u < 0.75:
        return at(d, R.randint(7, 16), R.randint(0, 59))
    if u < 0.93:
        return at(d, R.randint(17, 22), R.randint(0, 59))
    return at(d, R.randint(0, 6), R.randint(0, 59))


def plan() -> list[Complaint]:
    allc: list[Complaint] = []
    for agency in SCOPE:
        scen = [s for s in SCENARIOS if s["agency"] == agency]
        fixed: list[Complaint] = []
        spread: list[Complaint] = []
        for L in LONG:
            if L["stream"] == agency:
                fixed.append(Complaint(agency, "normal", scenario=SC_BY_KEY[L["scenario"]], long=L,
                                       d_off=L["d_off"]))
        for M in MISROUTED:
            if M["stream"] == agency:
                if M["transfer"]:
                    t1 = batch_times(agency)[0][1].date()
                    d = t1 - timedelta(days=R.randint(5, 20))
                    d_off = min((REF_DATE - d).days, DAYS_BACK)
                    fixed.append(Complaint(agency, "transfer", mis=M, d_off=d_off))
                else:
                    spread.append(Complaint(agency, "misrouted", mis=M))
        for _ in range(2):
            fixed.append(Complaint(agency, "unverified", scenario=R.choice(scen)))
        special = [("hold_pre", 4, 60), ("archive_pre", 4, 80), ("archive_agency", 3, 70)]
        special += [("hold_agency", 3, 45)] * (2 if agency in ("3529-DINSOS", "3529-DISDUKCAPIL", "3529-DINKES") else 1)
        for path, lo, hi in special:
            fixed.append(Complaint(agency, path, scenario=R.choice(scen), d_off=R.randint(lo, hi)))
        n_normal = PLANNED[agency] - len(fixed) - len(spread)
        picks = list(scen)
        while len(picks) < n_normal:
            picks.append(R.choices(scen, weights=[s["weight"] for s in scen])[0])
        R.shuffle(picks)
        spread += [Complaint(agency, "normal", scenario=s) for s in picks[:n_normal]]
        R.shuffle(spread)
        for i, c in enumerate(spread):
            c.d_off = min(DAYS_BACK, int((i + R.random()) * (DAYS_BACK + 1) / len(spread)))
        group = fixed + spread
        for c in group:
            if c.path == "unverified":
                c.submitted_at = REF_NOW - timedelta(minutes=R.randint(130, 3 * 1440))
            elif c.path in ("hold_pre", "archive_pre"):
                c.submitted_at = disposal_time(c.d_off)
            else:
                c.disposed_at = disposal_time(c.d_off)
                c.submitted_at = c.disposed_at - timedelta(minutes=R.randint(90, 3 * 1440))
        # duplicates point at an earlier complaint of the same agency
        for c in group:
            if c.path == "archive_agency":
                ok = [o for o in spread if o.path == "normal" and P in o.scenario["cls"]
                      and o.disposed_at < c.submitted_at - timedelta(days=1)]
                older = [o for o in ok if o.d_off - c.d_off <= 25] or ok
                c.twin = R.choice(older)
                c.scenario = c.twin.scenario
        allc += group
    allc.sort(key=lambda c: (c.submitted_at, c.stream))
    n = 30411
    for c in allc:
        n += R.randint(2, 47)
        c.id = f"LAP-2026-{n:07d}"
    return allc


# --------------------------------------------------------------------------------------
# Phase 2: content
# --------------------------------------------------------------------------------------


def slug(name: str) -> str:
    s = re.sub(r"[^a-z ]", "", name.lower().replace("moh.", "moh").replace("abd.", "abd").replace("ach.", "ach"))
    parts = [p for p in s.split() if p not in ("h", "hj")]
    return ".".join(parts[:2]) if R.random() < 0.5 else "".join(parts[:2])


def make_reporter(name: str | None = None) -> dict:
    name = name or R.choice(NAMES)
    phone = R.choice(PHONE_PREFIX) + "".join(str(R.randint(0, 9)) for _ in range(R.choice([7, 8, 8, 8])))
    email = None
    if R.random() < 0.35:
        email = f"{slug(name)}{R.choice(['', str(R.randint(1, 99)), str(R.randint(1970, 2005))])}@" + \
            R.choice(["gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com"])
    return {"name": name, "phone": phone, "email": email}


def landmark(kec: str, desa: str) -> str:
    opts = list(LANDMARKS.get(kec, [])) + [f"balai Desa {desa}", f"Masjid {desa}", f"pertigaan {desa}",
                                          f"kantor Kecamatan {kec}"]
    if desa in KELURAHAN:
        opts = [o.replace("Desa", "Kelurahan") for o in opts]
    return R.choice(opts)


def puskesmas(kec: str) -> str:
    if kec == "Kota Sumenep":
        return R.choice(["Puskesmas Pandian", "Puskesmas Pamolokan"])
    if kec == "Lenteng":
        return R.choice(["Puskesmas Lenteng", "Puskesmas Moncek"])
    if kec == "Batang-Batang":
        return R.choice(["Puskesmas Batang-Batang", "Puskesmas Legung"])
    return f"Puskesmas {kec}"


def make_ctx(c: Complaint, kec: str, desa: str) -> dict:
    others = [x for x in PLACES[kec] if x != desa]
    desa2 = R.choice(others) if others else desa
    ev = c.submitted_at.date() - timedelta(days=R.randint(0, 10))
    bulan_d = ev - timedelta(days=R.randint(30, 150))
    salah, benar = R.choice(KK_TYPOS)
    jalan = R.choice(CITY_ROADS) if kec == "Kota Sumenep" else R.choice(
        [f"jalan poros Desa {desa}", f"Jalan Raya {kec}", f"jalan desa {desa}"])
    smp = (f"SMPN {R.randint(1, 4)} Sumenep" if kec == "Kota Sumenep" else f"SMPN {R.randint(1, 2)} {kec}")
    return {
        "kec": kec, "desa": desa, "desa2": desa2, "dusun": R.choice(DUSUN),
        "n": R.randint(2, 7), "m": R.randint(5, 40), "tahap": R.choice(["I", "II", "III", "IV"]),
        "bulan": MONTHS[bulan_d.month - 1], "tgl": tgl(ev), "hari": WEEKDAYS[ev.weekday()],
        "d": R.randint(1, 28), "km": R.choice(["1,5", "2", "3", "4", "2,5"]), "usia": R.randint(72, 95),
        "usia_anak": R.randint(5, 14), "pot": R.choice(["50.000", "100.000", "150.000"]),
        "biaya": R.choice(["150.000", "250.000", "350.000", "500.000", "750.000", "1.200.000"]),
        "sisa": R.choice(["250.000", "300.000", "350.000"]), "pkm": puskesmas(kec),
        "sd": f"SDN {desa} {R.choice(['I', 'I', 'II', 'III'])}", "smp": smp,
        "tempat": landmark(kec, desa), "jalan": jalan,
        "pasar": R.choice(["Pasar Anom Baru", "Pasar Bangkal"]) if kec == "Kota Sumenep" else f"Pasar {kec}",
        "salah": salah, "benar": benar, "jam": R.choice(["01.00", "01.30", "02.00", "03.00"]),
        "name": AGENCY_NAME[c.stream], "event_date": ev,
    }


def fmt(template: str, ctx: dict) -> str:
    return template.format_map(ctx)


def split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def cut(text: str, limit: int) -> str:
    out = ""
    for s in split_sentences(text):
        if out and len(out) + 1 + len(s) > limit:
            break
        out = f"{out} {s}".strip()
    return out[:limit]


def smsify(text: str) -> str:
    t = text.lower()
    for a, b in SMS_WORDS:
        if R.random() < 0.8:
            t = re.sub(rf"\b{a}\b", b, t)
    t = t.replace("\"", "")
    return cut(t, 300)


def typo(text: str) -> str:
    words = text.split(" ")
    cand = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha() and w.islower()]
    if not cand:
        return text
    i = R.choice(cand)
    w = words[i]
    j = R.randint(1, len(w) - 3)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def compose_body(c: Complaint, sc: dict | None, raw: str | None, channel: str, ctx: dict,
                 reporter: dict | None, cls: str) -> str:
    """The body in the register its channel suggests; sets c.variant (which body variant)."""
    if raw is not None:
        reg, core = ("i", raw[2:]) if raw.startswith("i|") else ("f", raw)
    else:
        want = {"sms": "i", "twitter": "i", "whatsapp": "i" if R.random() < 0.75 else "f", "letter": "f"}.get(
            channel, "f" if R.random() < 0.55 else "i")
        idxs = [i for i, b in enumerate(sc["bodies"]) if b[0] == want] or list(range(len(sc["bodies"])))
        c.variant = R.choice(idxs)
        pick = sc["bodies"][c.variant]
        reg, core = pick[0], pick[2:]
    extras = cls == P
    core = fmt(core, ctx)
    if channel == "sms":
        return smsify(core)
    if channel == "twitter":
        return "@LAPOR1708 " + cut(core, 230) + (" #lapor" if R.random() < 0.6 else "")
    if channel == "letter":
        parts = ["Dengan hormat,", core]
        if extras and R.random() < 0.6:
            parts.append(R.choice(EXTRA_F))
        parts.append(R.choice(CLOSE_F[:3]))
        sign = f"Hormat saya,\n{reporter['name']}" if reporter else f"Hormat kami,\nWarga Desa {ctx['desa']}"
        parts.append(sign)
        return "\n\n".join(parts)
    parts = []
    if reg == "f":
        if R.random() < 0.45:
            parts.append(fmt(R.choice(OPEN_F), ctx))
        parts.append(core)
        if extras and R.random() < 0.35:
            parts.append(R.choice(EXTRA_F))
        if R.random() < 0.5:
            parts.append(R.choice(CLOSE_F))
        return " ".join(parts)
    if R.random() < 0.35:
        parts.append(R.choice(OPEN_I))
    parts.append(core)
    if extras and R.random() < 0.3:
        parts.append(R.choice(EXTRA_I))
    if R.random() < 0.35:
        parts.append(R.choice(CLOSE_I))
    body = " ".join(parts)
    return typo(body) if R.random() < 0.3 else body


def make_attachments(c: Complaint, channel: str, kind: str) -> list | None:
    u = R.random()
    if u < 0.05:
        return None
    if channel == "letter":
        return [{"name": "scan_surat_pengaduan.pdf", "media_type": "application/pdf",
                 "size": R.randint(150_000, 1_200_000), "sha256": None}]
    if u < 0.55 or channel in ("sms",):
        return []
    out = []
    d = c.submitted_at
    for i in range(R.choice([1, 1, 1, 2, 2, 3])):
        v = R.random()
        if kind == "doc" and v < 0.5 or v < 0.12:
            name, mt, size = R.choice([("surat_keterangan_desa.pdf", "application/pdf"),
                                       ("scan_kk.pdf", "application/pdf"),
                                       ("bukti_perekaman.jpg", "image/jpeg"),
                                       ("kuitansi.jpg", "image/jpeg"),
                                       ("tangkapan_layar.png", "image/png")]) + (R.randint(60_000, 900_000),)
        elif v < 0.2:
            name, mt, size = (f"VID-{d:%Y%m%d}-WA{R.randint(0, 99):04d}.mp4", "video/mp4",
                              R.randint(2_000_000, 18_000_000))
        elif channel == "whatsapp":
            name, mt, size = (f"IMG-{d:%Y%m%d}-WA{R.randint(0, 99):04d}.jpg", "image/jpeg",
                              R.randint(60_000, 400_000))
        else:
            name, mt, size = (f"IMG_{d:%Y%m%d}_{R.randint(60000, 215959):06d}.jpg", "image/jpeg",
                              R.randint(300_000, 4_500_000))
        if any(a["name"] == name for a in out):
            name = f"{i + 1}_{name}"
        out.append({"name": name, "media_type": mt, "size": size, "sha256": None})
    return out


CHANNEL_W = [("web", 30), ("app", 25), ("whatsapp", 15), ("sms", 12), ("twitter", 10), ("letter", 8)]


def fill_content(c: Complaint) -> None:
    sc, L, M = c.scenario, c.long, c.mis
    if c.twin is not None:
        kec, desa = c.twin.ctx["kec"], c.twin.ctx["desa"]
    elif L:
        kec, desa = L["kec"], L["desa"]
    elif M and M.get("kec"):
        kec = M["kec"]
        desa = M.get("desa") or R.choice(PLACES[kec])
    else:
        pool = (sc["kec"] if sc and sc["kec"] else list(PLACES))
        kec = R.choices(pool, weights=[KEC_WEIGHT[k] for k in pool])[0]
        desa = R.choice(PLACES[kec])
    ctx = make_ctx(c, kec, desa)
    c.ctx = ctx
    raw = None
    if L:
        channel = L["channel"]
    elif M:
        raw = M["body"]
        informal = raw.startswith("i|")
        channel = wchoice([("whatsapp", 4), ("app", 4), ("sms", 2), ("web", 2)] if informal
                          else [("web", 5), ("app", 3), ("letter", 1), ("twitter", 1)])
    elif c.path in ("hold_pre", "archive_pre"):
        channel = wchoice([("web", 3), ("app", 3), ("sms", 2), ("whatsapp", 2)])
    elif c.path == "archive_agency":
        channel = wchoice([("web", 3), ("app", 3), ("whatsapp", 2)])
    else:
        channel = wchoice(CHANNEL_W)
    # classification and flags
    if L:
        cls, sup, anon, conf = L["cls"], L.get("sup", False), L["anon"], L["conf"]
    elif M:
        cls, sup = M["cls"], bool(M.get("sup", False))
        anon = M.get("anon", R.random() < 0.1)
        conf = M.get("conf", R.random() < 0.06)
    else:
        cls = P if c.path == "archive_agency" else wchoice(sc["cls"].items())
        sup = cls == P and R.random() < sc["sup"] and c.path != "archive_agency"
        anon = R.random() < sc["anon"]
        conf = R.random() < sc["conf"]
    reporter = None
    if not anon:
        reporter = make_reporter(L["reporter"] if L else None)
    # title and body
    if L:
        title, body = L["title"], L["body"]
    elif M:
        title = fmt(M["title"], ctx)
        body = compose_body(c, None, raw, channel, ctx, reporter, cls)
    elif c.path == "hold_pre":
        title, body = VAGUE_HOLD[c.stream]
        if channel == "sms":
            body = smsify(body)
    elif c.path == "archive_pre":
        title, body = R.choice(VAGUE_ARCHIVE)
        cls = wchoice([(P, 3), (A, 1)])
        sup = False
    else:
        body = compose_body(c, sc, None, channel, ctx, reporter, cls)
        title = fmt(sc["titles"][R.choice(sc["title_links"][c.variant])], ctx)
    if c.path == "archive_agency":
        body = body + " " + R.choice(["Ini laporan kedua saya karena yang pertama belum ada jawaban.",
                                      "Sudah pernah dilaporkan warga lain, tapi belum ada tindakan.",
                                      "Saya laporkan lagi karena belum ada perubahan."])
    assert len(title) < 80, title
    # location, event date, tags
    if c.path == "hold_pre" or R.random() < 0.03:
        location = None
    else:
        area = f"Kel. {desa}" if desa in KELURAHAN else f"Desa {desa}"
        location = f"{area}, Kec. {kec}, Kab. Sumenep"
        if R.random() < 0.2 and not (M and not M.get("kec")):
            location = f"{ctx['tempat'][0].upper()}{ctx['tempat'][1:]}, {location}"
    event_date = None if (c.path == "hold_pre" or R.random() < 0.06) else ctx["event_date"]
    tags = list(M["tags"] if M else sc["tags"])
    if kec in ISLANDS and "kepulauan" not in tags and R.random() < 0.7:
        tags.append("kepulauan")
    if sup:
        tags.append("berkadar pengawasan")
    category = M["category"] if M else sc["category"]
    if c.path == "archive_pre":
        tags, category = [], R.choice(["Lainnya", "Umum"])
    c.base = {
        "title": title, "body": body, "classification": cls, "supervisory": sup, "category": category,
        "channel": channel, "submitted_at": ts(c.submitted_at),
        "event_date": event_date.isoformat() if event_date else None, "location": location,
        "anonymous": anon, "confidential": conf, "reporter": reporter, "agency": c.stream,
        "status": "belum_terverifikasi", "disposed_at": None, "tags": None,
        "attachments": make_attachments(c, channel, "doc" if category in ("Kependudukan",) else "photo"),
    }
    c.final_tags = tags


# --------------------------------------------------------------------------------------
# Phase 3: lives
# --------------------------------------------------------------------------------------


def sample_r1() -> int | None:
    u = R.random()
    if u < 0.22:
        return 0
    if u < 0.47:
        return R.randint(1, 2)
    if u < 0.70:
        return R.randint(3, 5)
    if u < 0.88:
        return R.randint(6, 12)
    return None


def agency_says(c: Complaint, t: datetime, template: str) -> datetime:
    return c.msg(t, "agency", template, agency=c.stream)


def pre_response_noise(c: Complaint, until: datetime | None) -> None:
    """Admin reminders and reporter nudges while the agency is silent (in time order)."""
    disp = c.disposed_at
    limit = until or (disp + timedelta(days=120))
    events = []
    rem = office_wd(disp, 6)
    if rem < limit and R.random() < 0.55:
        events.append((rem, "admin"))
    if R.random() < 0.45:
        span = (limit - disp).total_seconds() / 86400
        if span > 3:
            nud = anytime(disp, 2, min(span * 0.8, 20))
            if nud < limit:
                events.append((nud, "reporter"))
    for t, who in sorted(events):
        if who == "admin":
            c.msg(t, "admin", R.choice(ADMIN_REMINDER))
        else:
            c.msg(t, "reporter", R.choice(REPLY_NUDGE))


def dispose(c: Complaint) -> None:
    c.snap(c.disposed_at, movable=False, status="terdisposisi", disposed_at=ts(c.disposed_at), tags=c.final_tags)
    if R.random() < 0.7:
        c.msg(c.disposed_at + timedelta(minutes=R.randint(0, 2)), "system", R.choice(SYS_DISPOSED), movable=False)


def life(c: Complaint) -> None:
    c.snap(c.submitted_at, movable=False, status="belum_terverifikasi")
    p = c.path
    if p == "unverified":
        return
    if p == "hold_pre":
        t = c.msg(office_wd(c.submitted_at, R.randint(1, 2)), "admin", R.choice(ADMIN_HOLD_PRE))
        c.snap(t, status="tertunda")
        return
    if p == "archive_pre":
        t = c.msg(office_wd(c.submitted_at, R.randint(1, 3)), "admin", R.choice(ADMIN_ARCHIVE_PRE))
        c.snap(t, status="arsip")
        c.msg(t, "system", "Laporan diarsipkan")
        return
    dispose(c)
    if p == "hold_agency":
        t = agency_says(c, office_wd(c.disposed_at, R.randint(0, 3)), AGENCY_VOICE[c.stream]["hold"])
        c.snap(t, status="tertunda")
        return
    if p == "archive_agency":
        t = agency_says(c, office_wd(c.disposed_at, R.randint(0, 2)),
                        "Laporan ini sama dengan laporan {dup} yang sedang kami tindak lanjuti. Mohon pelapor "
                        "memantau perkembangan pada laporan tersebut.")
        t = c.msg(office_wd(t, R.randint(0, 1)), "admin", "Laporan diarsipkan karena merupakan duplikasi dari "
                                                             "laporan {dup}.")
        c.snap(t, status="arsip")
        return
    if p == "misrouted":
        pre_response_noise(c, None)
        return
    if p == "transfer":
        bt = batch_times(c.stream)
        t = office_wd(bt[0][1], R.randint(2, 8))
        if len(bt) > 1 and t >= bt[1][1] - timedelta(hours=2):
            t = office_wd(bt[0][1], 1)
        pre_response_noise(c, t - timedelta(hours=6))
        t = c.msg(t, "admin", "Berdasarkan usulan {name}, laporan ini dialihkan kepada {target} karena bukan "
                              "merupakan kewenangan {name}.", target=AGENCY_NAME[c.mis["target"]])
        c.snap(t, agency=c.mis["target"])
        c.msg(t, "system", "Laporan dialihkan ke {target}", target=AGENCY_NAME[c.mis["target"]])
        return
    # normal
    r1 = sample_r1()
    t1 = office_wd(c.disposed_at, r1) if r1 is not None else None
    pre_response_noise(c, t1 if (r1 is None or r1 >= 4) else c.disposed_at)
    if t1 is None:
        return
    t1 = agency_says(c, t1, R.choice(INITIAL))
    c.snap(t1, status="diproses")
    sc = c.scenario
    if R.random() < 0.2:
        # Stalled: the agency answered once and went quiet; the reporter (and sometimes the
        # admin) wrote back, which keeps the registry's 10-HK auto-close from firing.
        if R.random() < 0.4:
            pool = sc["progress"] if sc["progress"] and R.random() < 0.6 else PROGRESS
            t1 = agency_says(c, office_wd(t1, R.randint(2, 6)), R.choice(pool))
        tr = c.msg(anytime(t1, 2, 9), "reporter", R.choice(REPLY_WAIT))
        if R.random() < 0.4:
            c.msg(office_wd(tr, R.randint(3, 8)), "admin", R.choice(ADMIN_FOLLOWUP))
        return
    if c.base["classification"] != P:
        total = R.randint(2, 18)
    elif c.base["supervisory"]:
        total = R.randint(20, 70)
    else:
        total = R.randint(6, 36)
    if R.random() < 0.08:
        t = at(add_wd(t1.date(), 10), 23, 50)
        t = c.msg(t, "system", SYS_AUTOCLOSE)
        c.snap(t, status="selesai")
        if R.random() < 0.25:
            c.msg(anytime(t, 1, 5), "reporter", R.choice(REPLY_BAD))
        return
    cursor, remaining = t1, total
    while remaining > 8:
        step = R.randint(3, 7)
        if R.random() < 0.45:
            tr = c.msg(anytime(cursor, 2, 6), "reporter", R.choice(REPLY_WAIT))
            cursor = agency_says(c, office_wd(tr, R.randint(0, 2)), R.choice(PROGRESS_AFTER_REPLY))
        else:
            pool = sc["progress"] if sc["progress"] and R.random() < 0.6 else PROGRESS
            cursor = agency_says(c, office_wd(cursor, step), R.choice(pool))
        remaining -= step
    fin = c.long.get("fin") if c.long else sc["final_links"][c.variant]
    tf = agency_says(c, office_wd(cursor, max(1, remaining)), sc["finals"][R.choice(fin or range(len(sc["finals"])))])
    c.snap(tf, status="selesai")
    if R.random() < 0.35:
        c.msg(anytime(tf, 0.05, 4), "reporter", R.choice(REPLY_OK if R.random() < 0.7 else REPLY_BAD))


def pick_anonymous_trap(allc: list[Complaint]) -> Complaint:
    """Exactly one anonymous complaint arrives with a reporter (the desk must drop it and warn)."""
    cands = [c for c in allc if c.stream == "3529-DINKES" and c.path == "normal" and c.long is None
             and 4 <= c.d_off <= 9]
    cands.sort(key=lambda c: (not c.base["anonymous"], c.id))
    c = cands[0]
    c.base["anonymous"] = True
    c.base["reporter"] = make_reporter()
    return c


def cut_future(c: Complaint) -> None:
    end = final_time(c.stream)
    c.events = [e for e in c.events if e[0] <= end]


# --------------------------------------------------------------------------------------
# Phase 4: batches
# --------------------------------------------------------------------------------------


def dumps(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def agency_record(row) -> dict:
    code, name, parent, level, active = row
    return {"type": "agency", "code": code, "name": name, "parent": parent, "level": level, "active": active}


def snapshot(c: Complaint, upto: datetime) -> dict:
    state = dict(c.base)
    rev = 0
    for t, kind, payload in c.events:
        if t > upto:
            break
        rev += 1
        if kind == "snap":
            state.update(payload)
    if state["anonymous"] and c is not ANON_TRAP[0]:
        state["reporter"] = None
    rec = {"type": "complaint", "id": c.id, "revision": rev}
    for k in ("title", "body", "classification", "supervisory", "category", "channel", "submitted_at",
              "event_date", "location", "anonymous", "confidential", "reporter", "agency", "status",
              "disposed_at", "tags", "attachments"):
        rec[k] = state[k]
    return rec


ANON_TRAP: list = [None]


def message_records(c: Complaint) -> dict[int, dict]:
    """Messages of a complaint keyed by their index in c.events."""
    out, n = {}, 0
    for i, (t, kind, payload) in enumerate(c.events):
        if kind != "msg":
            continue
        n += 1
        author = payload["author"]
        ctx = dict(c.ctx)
        ctx.update(payload["extra"])
        voice = AGENCY_VOICE[c.stream]
        ctx["unit"] = R.choice(voice["units"])
        ctx["field"] = fmt(voice["field"], ctx)
        ctx["tgl_msg"] = tgl(t.date())
        ctx["salam"] = "pagi" if t.hour < 11 else "siang" if t.hour < 15 else "sore" if t.hour < 18 else "malam"
        ctx["dup"] = c.twin.id if c.twin else ""
        out[i] = {"type": "message", "id": f"MSG-{c.id}-{n}", "complaint_id": c.id, "at": ts(t),
                  "author": author, "agency": payload["extra"].get("agency") if author == "agency" else None,
                  "text": fmt(payload["template"], ctx)}
    return out


def build_files(allc: list[Complaint]) -> list[tuple[str, bytes]]:
    files = []
    msgs = {c.id: message_records(c) for c in allc}
    for agency in SCOPE:
        mine = sorted([c for c in allc if c.stream == agency], key=lambda c: c.id)
        prev = None
        for seq, T in batch_times(agency):
            records = []
            if (agency, seq) == DIRECTORY_FILE:
                records += [agency_record(r) for r in DIRECTORY]
            if (agency, seq) == LATE_AGENCY_FILE:
                records += [agency_record(r) for r in LATE_DIRECTORY]
            for c in mine:
                idx = [i for i, e in enumerate(c.events) if (prev is None or e[0] > prev) and e[0] <= T]
                if not idx:
                    continue
                records.append(snapshot(c, T))
                records += [msgs[c.id][i] for i in idx if i in msgs[c.id]]
            prev = T
            if (agency, seq) in MISSING:
                continue
            header = {"type": "header", "format": "lapor-batch", "version": 1,
                      "batch_id": f"demo-{agency}-{seq:04d}", "direction": "inbound", "agency": agency,
                      "sequence": seq, "created_at": ts(T), "producer": PRODUCER}
            body = "".join(dumps(o) + "\n" for o in [header] + records).encode("utf-8")
            trailer = {"type": "trailer", "records": len(records), "sha256": hashlib.sha256(body).hexdigest()}
            files.append((f"inbound-{agency}-{seq:04d}.jsonl", body + (dumps(trailer) + "\n").encode("utf-8")))
    return files


def generate() -> dict:
    allc = plan()
    for c in sorted(allc, key=lambda c: c.id):
        fill_content(c)
    ANON_TRAP[0] = pick_anonymous_trap(allc)
    for c in sorted(allc, key=lambda c: c.id):
        life(c)
        cut_future(c)
    files = build_files(allc)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for old in OUT_DIR.glob("inbound-*.jsonl"):
        old.unlink()
    for name, data in files:
        (OUT_DIR / name).write_bytes(data)
    info = {
        "anon_trap": ANON_TRAP[0].id,
        "transferred": [(c.id, c.stream, c.mis["target"]) for c in sorted(allc, key=lambda c: c.id)
                        if c.path == "transfer"],
        "misrouted": [(c.id, c.stream, c.mis["target"]) for c in sorted(allc, key=lambda c: c.id)
                      if c.path == "misrouted"],
        "long": [c.id for c in sorted(allc, key=lambda c: c.id) if c.long],
        "counts": f"{len(allc)} complaints, {sum(1 for c in allc for e in c.events if e[1] == 'msg')} messages "
                  f"(as generated; the missing DPUBM batch hides a few), {len(DIRECTORY) + len(LATE_DIRECTORY)} agencies",
    }
    return info


# --------------------------------------------------------------------------------------
# Check: re-read everything on disk, independently of the generator's state
# --------------------------------------------------------------------------------------

RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$")
COMPLAINT_KEYS = ["type", "id", "revision", "title", "body", "classification", "supervisory", "category",
                  "channel", "submitted_at", "event_date", "location", "anonymous", "confidential", "reporter",
                  "agency", "status", "disposed_at", "tags", "attachments"]


def check(out_dir: Path = OUT_DIR) -> bool:
    errors: list[str] = []

    def err(msg: str) -> None:
        if len(errors) < 60:
            errors.append(msg)

    def dt_of(s: str, where: str) -> datetime | None:
        if not isinstance(s, str) or not RFC3339.match(s):
            err(f"{where}: not RFC 3339: {s!r}")
            return None
        v = datetime.fromisoformat(s.replace("Z", "+00:00"))
        if v.utcoffset() != timedelta(hours=7):
            err(f"{where}: offset is not +07:00: {s}")
        return v

    paths = sorted(out_dir.glob("inbound-*.jsonl"))
    if not paths:
        print(f"no batch files in {out_dir}")
        return False
    total_bytes = sum(p.stat().st_size for p in out_dir.iterdir() if p.is_file())
    batch_ids: set[str] = set()
    streams: dict[str, list[tuple[int, datetime, str]]] = {}
    snaps: dict[str, list[tuple[str, int, datetime, dict]]] = {}  # id -> (file, seq, created, rec)
    messages: dict[str, tuple[str, dict]] = {}
    agencies: dict[str, dict] = {}
    per_file: list[tuple[str, int, int, int, int]] = []
    seen_rev: dict[tuple[str, int], str] = {}

    for path in paths:
        name = path.name
        data = path.read_bytes()
        if b"\r" in data:
            err(f"{name}: contains \\r")
        if not data.endswith(b"\n"):
            err(f"{name}: does not end with \\n")
        lines = data.split(b"\n")[:-1]
        if len(lines) < 2:
            err(f"{name}: fewer than two lines")
            continue
        objs = []
        for i, raw in enumerate(lines, 1):
            try:
                text = raw.decode("utf-8")
                obj = json.loads(text)
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                err(f"{name}:{i}: {e}")
                obj = {}
                text = ""
            if obj and dumps(obj) != text:
                err(f"{name}:{i}: not compact canonical JSON")
            objs.append(obj)
        head, trail, recs = objs[0], objs[-1], objs[1:-1]
        if head.get("type") != "header" or head.get("format") != "lapor-batch" or head.get("version") != 1 \
                or head.get("direction") != "inbound" or head.get("producer") != PRODUCER:
            err(f"{name}: bad header {head}")
        agency, seq = head.get("agency"), head.get("sequence")
        if agency not in SCOPE:
            err(f"{name}: header agency {agency} not in scope")
        if not isinstance(seq, int) or seq < 1:
            err(f"{name}: bad sequence {seq}")
        if name != f"inbound-{agency}-{seq:04d}.jsonl":
            err(f"{name}: file name does not match header")
        bid = head.get("batch_id")
        if not isinstance(bid, str) or not 1 <= len(bid) <= 128 or bid in batch_ids:
            err(f"{name}: batch_id missing, too long or repeated: {bid}")
        batch_ids.add(bid)
        created = dt_of(head.get("created_at"), f"{name} header")
        if created and created > REF_NOW:
            err(f"{name}: created_at after the reference time")
        streams.setdefault(agency, []).append((seq, created, name))
        before = data[: len(data) - len(lines[-1]) - 1]
        if trail.get("type") != "trailer":
            err(f"{name}: last line is not a trailer")
        if trail.get("records") != len(recs):
            err(f"{name}: trailer records {trail.get('records')} != {len(recs)}")
        if trail.get("sha256") != hashlib.sha256(before).hexdigest():
            err(f"{name}: trailer sha256 mismatch")
        n_c = n_m = n_a = 0
        ids_here: dict[str, dict] = {}
        for i, r in enumerate(recs, 2):
            where = f"{name}:{i}"
            t = r.get("type")
            if t == "agency":
                n_a += 1
                if r.get("level") not in LEVELS or not isinstance(r.get("active"), bool):
                    err(f"{where}: bad agency {r}")
                if r.get("code") in agencies and agencies[r["code"]] != r:
                    err(f"{where}: agency {r['code']} differs from an earlier record")
                agencies[r["code"]] = r
            elif t == "complaint":
                n_c += 1
                if list(r.keys()) != COMPLAINT_KEYS:
                    err(f"{where}: complaint keys {list(r.keys())}")
                cid = r["id"]
                if not isinstance(cid, str) or not 1 <= len(cid) <= 64 or not re.match(r"^LAP-2026-\d{7}$", cid):
                    err(f"{where}: bad id {cid}")
                if cid in ids_here:
                    err(f"{where}: {cid} twice in one file")
                ids_here[cid] = r
                if not isinstance(r["revision"], int) or r["revision"] < 1:
                    err(f"{where}: bad revision")
                key = (cid, r["revision"])
                if key in seen_rev and seen_rev[key] != dumps(r):
                    err(f"{where}: {cid} revision {r['revision']} repeated with other content")
                seen_rev[key] = dumps(r)
                if r["status"] not in STATUSES or r["classification"] not in CLASSES or r["channel"] not in CHANNELS:
                    err(f"{where}: status/classification/channel out of range")
                if not r["title"] or len(r["title"]) >= 80:
                    err(f"{where}: title length {len(r['title'])}")
                if r["supervisory"] and r["classification"] != "pengaduan":
                    err(f"{where}: supervisory on a non-pengaduan")
                sub = dt_of(r["submitted_at"], where)
                disp = dt_of(r["disposed_at"], where) if r["disposed_at"] is not None else None
                if r["status"] in ("belum_terverifikasi",) and disp is not None:
                    err(f"{where}: unverified with disposed_at")
                if r["status"] in ("terdisposisi", "diproses", "selesai") and disp is None:
                    err(f"{where}: {r['status']} without disposed_at")
                if sub and disp and not (timedelta(0) <= disp - sub <= timedelta(days=3)):
                    err(f"{where}: submitted_at not 0-3 days before disposed_at")
                if disp and created and disp > created:
                    err(f"{where}: disposed after the batch was created")
                if disp and (REF_DATE - disp.date()).days > DAYS_BACK:
                    err(f"{where}: disposed more than {DAYS_BACK} days before the reference date")
                if r["event_date"] and sub and date.fromisoformat(r["event_date"]) > sub.date():
                    err(f"{where}: event_date after submission")
                rep = r["reporter"]
                if rep is not None:
                    if not re.match(r"^08\d{8,11}$", rep.get("phone") or "") or not rep.get("name"):
                        err(f"{where}: bad reporter {rep}")
                elif not r["anonymous"]:
                    err(f"{where}: named complaint without reporter")
                for a in r["attachments"] or []:
                    if set(a) != {"name", "media_type", "size", "sha256"} or a["sha256"] is not None:
                        err(f"{where}: bad attachment {a}")
                snaps.setdefault(cid, []).append((name, seq, created, r))
            elif t == "message":
                n_m += 1
                mid = r.get("id")
                if mid in messages:
                    err(f"{where}: message id {mid} repeated")
                messages[mid] = (name, r)
                if r.get("author") not in AUTHORS:
                    err(f"{where}: bad author")
                if (r["author"] == "agency") != (r.get("agency") is not None):
                    err(f"{where}: agency field does not match author")
                if not re.match(rf"^MSG-{re.escape(r['complaint_id'])}-\d+$", mid or ""):
                    err(f"{where}: message id {mid} not MSG-<complaint>-<n>")
                when = dt_of(r.get("at"), where)
                if when and (when > REF_NOW or (created and when > created)):
                    err(f"{where}: message after the batch / reference time")
                owner = ids_here.get(r["complaint_id"])
                if owner is None:
                    err(f"{where}: message before/without its complaint snapshot in the same file")
                elif owner["disposed_at"] and when and when < datetime.fromisoformat(owner["disposed_at"]):
                    err(f"{where}: message before disposed_at")
                if not r.get("text"):
                    err(f"{where}: empty text")
            else:
                err(f"{where}: unknown record type {t}")
        per_file.append((name, len(data), n_c, n_m, n_a))

    # streams: sequences, created_at order, revisions rise along each stream
    missing = {}
    for agency, lst in streams.items():
        lst.sort()
        seqs = [s for s, _, _ in lst]
        gaps = [n for n in range(1, max(seqs) + 1) if n not in seqs]
        if gaps:
            missing[agency] = gaps
        times = [t for _, t, _ in lst]
        if times != sorted(times) or len(set(times)) != len(times):
            err(f"{agency}: created_at does not rise with sequence")
    for cid, lst in snaps.items():
        lst.sort(key=lambda x: (x[2], x[1]))
        revs = [x[3]["revision"] for x in lst]
        if any(b <= a for a, b in zip(revs, revs[1:])):
            err(f"{cid}: later snapshot without a higher revision {revs}")
        if len({x[3]["agency"] for x in lst if x[3]["agency"] in SCOPE}) > 1:
            err(f"{cid}: moves between in-scope agencies")
    for mid, (name, r) in messages.items():
        if r["complaint_id"] not in snaps:
            err(f"{name}: message {mid} for unknown complaint")
        if r["author"] == "agency" and r["agency"] not in agencies:
            err(f"{name}: message {mid} names unknown agency")
    for code, a in agencies.items():
        if a["parent"] is not None and a["parent"] not in agencies:
            err(f"agency {code}: unknown parent")

    latest = {cid: max(lst, key=lambda x: x[3]["revision"])[3] for cid, lst in snaps.items()}
    thread: dict[str, list[dict]] = {}
    for _, r in messages.values():
        thread.setdefault(r["complaint_id"], []).append(r)
    for lst in thread.values():
        lst.sort(key=lambda m: m["at"])

    def count(key, values):
        return {v: sum(1 for r in latest.values() if r[key] == v) for v in values}

    st, cl, ch = count("status", STATUSES), count("classification", CLASSES), count("channel", CHANNELS)
    for label, d in (("status", st), ("classification", cl), ("channel", ch)):
        for v, n in d.items():
            if n == 0:
                err(f"no complaint with {label} {v}")
    anon_with_rep = sorted({cid for cid, lst in snaps.items() for x in lst
                            if x[3]["anonymous"] and x[3]["reporter"] is not None})
    if len(anon_with_rep) != 1:
        err(f"expected exactly one anonymous complaint with a reporter, found {anon_with_rep}")
    for cid in anon_with_rep:
        if len(snaps[cid]) != 1:
            err(f"{cid}: the anonymous-with-reporter complaint should appear in exactly one file")
    left = sorted(cid for cid, r in latest.items() if r["agency"] not in SCOPE)
    if not 3 <= len(left) <= 5:
        err(f"expected 3-5 complaints transferred out of scope, found {len(left)}")
    no_agency_msg = [cid for cid, r in latest.items() if r["status"] in ("diproses", "selesai")
                     and not any(m["author"] == "agency" for m in thread.get(cid, []))]
    if no_agency_msg:
        err(f"diproses/selesai without an agency message: {no_agency_msg[:5]}")
    if len(missing) != 1:
        err(f"expected exactly one stream with a gap, found {missing}")
    inactive = [c for c, a in agencies.items() if not a["active"]]
    if not inactive:
        err("no inactive agency in the directory")
    if total_bytes > MAX_TOTAL_BYTES:
        err(f"assets/demo is {total_bytes} bytes, over {MAX_TOTAL_BYTES}")

    # SLA states relative to the reference date (working days, shared/spec/sla.md)
    def state(due: date) -> str:
        return "sisa" if due > REF_DATE else "hari ini" if due == REF_DATE else "terlambat"

    first = {"sisa": 0, "hari ini": 0, "terlambat": 0, "tepat waktu": 0, "terlambat (terpenuhi)": 0}
    compl = {"sisa": 0, "hari ini": 0, "terlambat": 0, "selesai (waktu tak diketahui)": 0}
    auto = {"sisa": 0, "hari ini": 0, "lewat": 0, "dihentikan balasan": 0}
    limits = {"aspirasi": 5, "permintaan_informasi": 5, "pengaduan": 14}
    for cid, r in latest.items():
        if r["disposed_at"] is None or r["agency"] not in SCOPE or r["status"] == "arsip":
            continue
        d0 = datetime.fromisoformat(r["disposed_at"]).date()
        th = thread.get(cid, [])
        ag = [m for m in th if m["author"] == "agency"]
        due1 = add_wd(d0, 5)
        if ag:
            first["tepat waktu" if datetime.fromisoformat(ag[0]["at"]).date() <= due1 else "terlambat (terpenuhi)"] += 1
        else:
            first[state(due1)] += 1
        if r["status"] == "selesai":
            compl["selesai (waktu tak diketahui)"] += 1
        else:
            n = 60 if r["supervisory"] else limits.get(r["classification"], 14)
            compl[state(add_wd(d0, n))] += 1
        if r["status"] == "diproses" and ag:
            last = ag[-1]
            if any(m["at"] > last["at"] and m["author"] in ("reporter", "admin") for m in th):
                auto["dihentikan balasan"] += 1
            else:
                due = add_wd(datetime.fromisoformat(last["at"]).date(), 10)
                auto["sisa" if due > REF_DATE else "hari ini" if due == REF_DATE else "lewat"] += 1
    for k in ("sisa", "hari ini", "terlambat", "tepat waktu", "terlambat (terpenuhi)"):
        if first[k] == 0:
            err(f"first-response clock never shows '{k}'")
    for k in ("sisa", "hari ini", "terlambat"):
        if compl[k] == 0:
            err(f"completion clock never shows '{k}'")

    # summary
    bodies = [r["body"] for r in latest.values()]
    print(f"{'file':<40} {'bytes':>7} {'compl':>6} {'msgs':>5} {'agcy':>5}")
    for row in per_file:
        print(f"{row[0]:<40} {row[1]:>7} {row[2]:>6} {row[3]:>5} {row[4]:>5}")
    print(f"total size of {out_dir.name}/: {total_bytes} bytes")
    print(f"complaints (distinct ids): {len(latest)}   snapshots: {sum(len(v) for v in snaps.values())}   "
          f"messages: {len(messages)}   agencies: {len(agencies)} ({len(inactive)} inactive: {', '.join(inactive)})")
    per_stream = {a: sum(1 for cid, lst in snaps.items() if lst[0][0].startswith(f"inbound-{a}-")) for a in SCOPE}
    print("complaints per stream: " + ", ".join(f"{a} {n}" for a, n in per_stream.items()))
    print("streams: " + "; ".join(f"{a} seq {[s for s, _, _ in streams[a]]}" for a in SCOPE if a in streams))
    print(f"missing sequences: {missing}")
    print(f"status: {st}")
    print(f"classification: {cl}   supervisory: {sum(r['supervisory'] for r in latest.values())}")
    print(f"channel: {ch}")
    n_anon = sum(r["anonymous"] for r in latest.values())
    n_conf = sum(r["confidential"] for r in latest.values())
    print(f"anonymous: {n_anon} ({100 * n_anon / len(latest):.0f}%)   confidential: {n_conf} "
          f"({100 * n_conf / len(latest):.0f}%)   anonymous with reporter: {anon_with_rep}")
    print(f"transferred out of scope (latest agency): " +
          ", ".join(f"{cid}->{latest[cid]['agency']}" for cid in left))
    authors = {a: sum(1 for _, m in messages.values() if m["author"] == a) for a in AUTHORS}
    print(f"message authors: {authors}")
    print(f"bodies: max {max(map(len, bodies))} chars, >=1800 chars: {sum(len(b) >= 1800 for b in bodies)}, "
          f"multi-line: {sum(chr(10) in b for b in bodies)}; titles max {max(len(r['title']) for r in latest.values())}")
    print(f"SLA on {REF_DATE} (in scope, disposed, not archived):")
    print(f"  first response: {first}")
    print(f"  completion:     {compl}")
    print(f"  auto-close:     {auto}")
    if errors:
        print(f"\nCHECK FAILED ({len(errors)} problem(s), first ones):")
        for e in errors:
            print("  - " + e)
        return False
    print("\ncheck: OK")
    return True


# --------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------


def write_readme(info: dict) -> None:
    files = sorted(p.name for p in OUT_DIR.glob("inbound-*.jsonl"))
    text = f"""# Demo data set

Inbound batch files (format: `shared/spec/batch-format.md`, version 1) for `sigap --demo`.
Generated by `python3 tools/make_demo.py` (standard library, fixed seed, byte-identical on every
run); do not edit by hand: change the generator and run it again. `python3 tools/make_demo.py --check`
re-reads the files and verifies them.

`config.toml` beside them is the demo desk's config; it is hand-written, not generated.

- Reference date ("today" of the demo): **2026-11-20** (Friday), WIB (+07:00). The last batch of each
  stream is created that morning (06:40-07:05) and nothing in the files is later than
  2026-11-20T08:00:00+07:00; fix the demo clock there (or later that day) to see every SLA state.
- Scope (a Kabupaten Sumenep coordinator desk): {", ".join(SCOPE)}.
- Streams: one per agency; `3529-DPUBM` has sequences 1, 2 and 4 (**3 is missing on purpose**).
- The agency directory is in `inbound-3529-DINSOS-0001.jsonl`; `inbound-3529-DPUBM-0004.jsonl` adds one new code.
- Anonymous complaint that arrives with a reporter (the desk must drop the identity and warn): {info['anon_trap']}.
- Transferred out of scope in a later batch: {", ".join(f"{i} ({a} -> {t})" for i, a, t in info['transferred'])}.
- At the wrong office, waiting for a transfer: {len(info['misrouted'])} complaints.
- Contents: {info['counts']}.
- Files: {", ".join(files)}.
"""
    (OUT_DIR / "README.md").write_text(text, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only verify the files in assets/demo/")
    args = ap.parse_args()
    if args.check:
        return 0 if check() else 1
    info = generate()
    write_readme(info)
    print(f"wrote {OUT_DIR}")
    print(f"anonymous with reporter: {info['anon_trap']}")
    print("transferred: " + ", ".join(f"{i} {a}->{t}" for i, a, t in info["transferred"]))
    print("misrouted: " + ", ".join(f"{i} {a}->{t}" for i, a, t in info["misrouted"]))
    print("long bodies: " + ", ".join(info["long"]))
    print()
    return 0 if check() else 1


if __name__ == "__main__":
    sys.exit(main())
