//! Phase 2 of the generator: what each complaint says. The place, the context its
//! templates are filled from, the channel and the register it is written in, its class
//! and flags, the reporter, the title and body, location, tags and attachments.

use super::data::{Places, Register};
use super::plan::{Case, Path};
use super::text::{Ctx, capitalise, cut, fill, fill_with, slug, smsify, typo};
use super::{Error, Gen};
use chrono::{Datelike, Duration};
use sigap::domain::{Attachment, Classification, Reporter};

/// How often each channel brings a complaint in.
const CHANNELS: [(&str, u32); 6] = [
    ("web", 30),
    ("app", 25),
    ("whatsapp", 15),
    ("sms", 12),
    ("twitter", 10),
    ("letter", 8),
];

impl Gen<'_> {
    /// Fills in what complaint `i` says (its twin, if any, is filled already: it was
    /// submitted earlier, so it comes earlier).
    pub fn fill_content(&mut self, cases: &mut [Case], i: usize) -> Result<(), Error> {
        let story = self.story;
        let twin_place = cases[i].twin.map(|t| {
            (
                cases[t].ctx.get("kec").cloned(),
                cases[t].ctx.get("desa").cloned(),
            )
        });
        let c = &mut cases[i];
        let sc = c.scenario.map(|s| &story.scenario[s]);
        let long = c.long.map(|l| &story.long[l]);
        let mis = c.misrouted.map(|m| &story.misrouted[m]);
        let mis_place = mis.and_then(|m| Some((m.kecamatan.as_ref()?, m.desa.as_ref())));
        let (kec, desa) = match (twin_place, long, mis_place) {
            (Some((Some(k), Some(d))), _, _) => (k, d),
            (_, Some(l), _) => (l.kecamatan.clone(), l.desa.clone()),
            (_, _, Some((k, desa))) => {
                let d = match desa {
                    Some(d) => d.clone(),
                    None => self.desa_of(k)?,
                };
                (k.clone(), d)
            }
            _ => self.place(sc.and_then(|s| s.kecamatan.as_ref()))?,
        };
        c.ctx = self.context(c, &kec, &desa)?;
        let channel: String = if let Some(l) = long {
            l.channel.clone()
        } else if let Some(m) = mis {
            let w: &[(&str, u32)] = if m.register == Register::Informal {
                &[("whatsapp", 4), ("app", 4), ("sms", 2), ("web", 2)]
            } else {
                &[("web", 5), ("app", 3), ("letter", 1), ("twitter", 1)]
            };
            (*self.rng.weighted(w)).to_owned()
        } else {
            let w: &[(&str, u32)] = match c.path {
                Path::HoldPre | Path::ArchivePre => {
                    &[("web", 3), ("app", 3), ("sms", 2), ("whatsapp", 2)]
                }
                Path::ArchiveAgency => &[("web", 3), ("app", 3), ("whatsapp", 2)],
                _ => &CHANNELS,
            };
            (*self.rng.weighted(w)).to_owned()
        };
        // Class and flags.
        let (mut class, mut sup, anon, conf) = if let Some(l) = long {
            (
                l.classification.clone(),
                l.supervisory,
                l.anonymous,
                l.confidential,
            )
        } else if let Some(m) = mis {
            let anon = m.anonymous.unwrap_or_else(|| self.rng.chance(0.1));
            let conf = m.confidential.unwrap_or_else(|| self.rng.chance(0.06));
            (m.classification.clone(), m.supervisory, anon, conf)
        } else {
            let sc = sc.ok_or_else(|| Error::Data(format!("{}: no scenario", c.id)))?;
            let class = if c.path == Path::ArchiveAgency {
                Classification::Pengaduan
            } else {
                let w: Vec<(&String, u32)> = sc.classes.iter().map(|(k, v)| (k, *v)).collect();
                Classification::parse(self.rng.weighted(&w).as_str())
            };
            let sup = class == Classification::Pengaduan
                && self.rng.chance(sc.supervisory)
                && c.path != Path::ArchiveAgency;
            let anon = self.rng.chance(sc.anonymous);
            let conf = self.rng.chance(sc.confidential);
            (class, sup, anon, conf)
        };
        let reporter = if anon {
            None
        } else {
            Some(self.reporter(long.and_then(|l| l.reporter.as_deref())))
        };
        // Title and body.
        let stream = &story.stream[c.stream];
        let (title, mut body) = if let Some(l) = long {
            (l.title.clone(), l.body.clone())
        } else if let Some(m) = mis {
            let title = fill(&m.title, &c.ctx)?;
            let raw = (m.register, m.body.as_str());
            let body = self.compose(c, Some(raw), &channel, reporter.as_ref(), &class)?;
            (title, body)
        } else if c.path == Path::HoldPre {
            let mut body = stream.vague.body.clone();
            if channel == "sms" {
                body = smsify(&mut self.rng, &body, &story.text.sms_words);
            }
            (stream.vague.title.clone(), body)
        } else if c.path == Path::ArchivePre {
            let v = self.rng.pick(&story.vague_archive);
            let w = [
                (Classification::Pengaduan, 3),
                (Classification::Aspirasi, 1),
            ];
            class = self.rng.weighted(&w).clone();
            sup = false;
            (v.title.clone(), v.body.clone())
        } else {
            let sc = sc.ok_or_else(|| Error::Data(format!("{}: no scenario", c.id)))?;
            let body = self.compose(c, None, &channel, reporter.as_ref(), &class)?;
            let links = &sc.body[c.variant].titles;
            let t = if links.is_empty() {
                self.rng.below(sc.titles.len())
            } else {
                *self.rng.pick(links)
            };
            (fill(&sc.titles[t], &c.ctx)?, body)
        };
        if c.path == Path::ArchiveAgency {
            body.push(' ');
            body.push_str(self.rng.pick(&story.text.duplicate_note).as_str());
        }
        if title.chars().count() >= 80 {
            return Err(Error::Data(format!("title too long: {title:?}")));
        }
        // Where, when, tags.
        let k = story.kec(&kec);
        let location = if c.path == Path::HoldPre || self.rng.chance(0.03) {
            None
        } else {
            let kelurahan = k.is_some_and(|k| k.kelurahan.contains(&desa));
            let area = if kelurahan { "Kel." } else { "Desa" };
            let mut loc = format!("{area} {desa}, Kec. {kec}, Kab. Sumenep");
            let placed = mis.is_none_or(|m| m.kecamatan.is_some());
            if self.rng.chance(0.2) && placed {
                let tempat = c.ctx.get("tempat").cloned().unwrap_or_default();
                loc = format!("{}, {loc}", capitalise(&tempat));
            }
            Some(loc)
        };
        let event_date = if c.path == Path::HoldPre || self.rng.chance(0.06) {
            None
        } else {
            c.ctx.get("event_date").and_then(|d| d.parse().ok())
        };
        let mut tags = match (mis, sc) {
            (Some(m), _) => m.tags.clone(),
            (None, Some(s)) => s.tags.clone(),
            (None, None) => Vec::new(),
        };
        let island = k.is_some_and(|k| k.island);
        if island && !tags.iter().any(|t| t == "kepulauan") && self.rng.chance(0.7) {
            tags.push("kepulauan".into());
        }
        if sup {
            tags.push("berkadar pengawasan".into());
        }
        let mut category = match (mis, sc) {
            (Some(m), _) => m.category.clone(),
            (None, Some(s)) => s.category.clone(),
            (None, None) => String::new(),
        };
        if c.path == Path::ArchivePre {
            tags.clear();
            category = self.rng.pick(&story.text.archive_categories).clone();
        }
        let kind = if category == "Kependudukan" {
            "doc"
        } else {
            "photo"
        };
        let attachments = self.attachments(c, &channel, kind);
        c.base.title = title;
        c.base.body = body;
        c.base.classification = class;
        c.base.supervisory = sup;
        c.base.category = category;
        c.base.channel = channel;
        c.base.event_date = event_date;
        c.base.location = location;
        c.base.anonymous = anon;
        c.base.confidential = conf;
        c.base.reporter = reporter;
        c.base.attachments = attachments;
        c.final_tags = tags;
        Ok(())
    }

    /// A place for a scenario: a weighted kecamatan among those it names, and a desa.
    fn place(&mut self, places: Option<&Places>) -> Result<(String, String), Error> {
        let story = self.story;
        let pool: Vec<(&str, u32)> = story
            .kecamatan
            .iter()
            .filter(|k| match places {
                Some(Places::Group(_)) => k.island,
                Some(Places::Named(names)) => names.contains(&k.name),
                None => true,
            })
            .map(|k| (k.name.as_str(), k.weight))
            .collect();
        if pool.is_empty() {
            return Err(Error::Data("a scenario names no kecamatan".into()));
        }
        let kec = (*self.rng.weighted(&pool)).to_owned();
        let desa = self.desa_of(&kec)?;
        Ok((kec, desa))
    }

    fn desa_of(&mut self, kec: &str) -> Result<String, Error> {
        let k = self
            .story
            .kec(kec)
            .ok_or_else(|| Error::Data(format!("unknown kecamatan {kec}")))?;
        Ok(self.rng.pick(&k.desa).clone())
    }

    /// The values of a complaint's slots (and its event date, under `event_date`).
    fn context(&mut self, c: &Case, kec: &str, desa: &str) -> Result<Ctx, Error> {
        let story = self.story;
        let s = &story.slots;
        let k = story
            .kec(kec)
            .ok_or_else(|| Error::Data(format!("unknown kecamatan {kec}")))?;
        let others: Vec<&String> = k.desa.iter().filter(|d| *d != desa).collect();
        let desa2 = if others.is_empty() {
            desa.to_owned()
        } else {
            (*self.rng.pick(&others)).clone()
        };
        let event = c.submitted_at.date_naive() - Duration::days(self.rng.range(0, 10));
        let month_of = event - Duration::days(self.rng.range(30, 150));
        let [salah, benar] = self.rng.pick(&s.kk_typos).clone();
        let jalan = if k.roads.is_empty() {
            let road = self.rng.pick(&s.village_roads);
            fill_with(road, &[("desa", desa), ("kec", kec)])?
        } else {
            self.rng.pick(&k.roads).clone()
        };
        let smp = if kec == "Kota Sumenep" {
            format!("SMPN {} Sumenep", self.rng.range(1, 4))
        } else {
            format!("SMPN {} {kec}", self.rng.range(1, 2))
        };
        let mut tempat: Vec<String> = k.landmarks.clone();
        for l in &s.landmarks {
            tempat.push(fill_with(l, &[("desa", desa), ("kec", kec)])?);
        }
        if k.kelurahan.iter().any(|d| d == desa) {
            tempat = tempat
                .iter()
                .map(|t| t.replace("Desa", "Kelurahan"))
                .collect();
        }
        let pkm = if k.puskesmas.is_empty() {
            format!("Puskesmas {kec}")
        } else {
            self.rng.pick(&k.puskesmas).clone()
        };
        let pasar = if k.pasar.is_empty() {
            format!("Pasar {kec}")
        } else {
            self.rng.pick(&k.pasar).clone()
        };
        let agency = &story.stream[c.stream].agency;
        let name = story.agency_name(agency).unwrap_or(agency).to_owned();
        let r = &mut self.rng;
        let mut ctx = Ctx::new();
        ctx.insert("kec", kec.to_owned());
        ctx.insert("desa", desa.to_owned());
        ctx.insert("desa2", desa2);
        ctx.insert("dusun", r.pick(&s.dusun).clone());
        ctx.insert("n", r.range(2, 7).to_string());
        ctx.insert("m", r.range(5, 40).to_string());
        ctx.insert("tahap", r.pick(&s.tahap).clone());
        ctx.insert("bulan", s.months[month_of.month0() as usize].clone());
        ctx.insert("d", r.range(1, 28).to_string());
        ctx.insert("km", r.pick(&s.km).clone());
        ctx.insert("usia", r.range(72, 95).to_string());
        ctx.insert("usia_anak", r.range(5, 14).to_string());
        ctx.insert("pot", r.pick(&s.pot).clone());
        ctx.insert("biaya", r.pick(&s.biaya).clone());
        ctx.insert("sisa", r.pick(&s.sisa).clone());
        ctx.insert("sd", format!("SDN {desa} {}", r.pick(&s.sd_number)));
        ctx.insert("tempat", r.pick(&tempat).clone());
        ctx.insert("jam", r.pick(&s.jam).clone());
        ctx.insert("pkm", pkm);
        ctx.insert("smp", smp);
        ctx.insert("jalan", jalan);
        ctx.insert("pasar", pasar);
        ctx.insert("salah", salah);
        ctx.insert("benar", benar);
        ctx.insert("name", name);
        ctx.insert("tgl", self.tgl(event));
        ctx.insert("hari", self.hari(event));
        ctx.insert("event_date", event.to_string());
        Ok(ctx)
    }

    /// The body in the register its channel suggests; sets the case's body variant.
    fn compose(
        &mut self,
        c: &mut Case,
        raw: Option<(Register, &str)>,
        channel: &str,
        reporter: Option<&Reporter>,
        class: &Classification,
    ) -> Result<String, Error> {
        let story = self.story;
        let t = &story.text;
        let (register, core) = match (raw, c.scenario) {
            (Some(r), _) => r,
            (None, Some(s)) => {
                let sc = &story.scenario[s];
                let want = match channel {
                    "sms" | "twitter" => Register::Informal,
                    "letter" => Register::Formal,
                    "whatsapp" if self.rng.chance(0.75) => Register::Informal,
                    "whatsapp" => Register::Formal,
                    _ if self.rng.chance(0.55) => Register::Formal,
                    _ => Register::Informal,
                };
                let mut fits: Vec<usize> = (0..sc.body.len())
                    .filter(|i| sc.body[*i].register == want)
                    .collect();
                if fits.is_empty() {
                    fits = (0..sc.body.len()).collect();
                }
                c.variant = *self.rng.pick(&fits);
                let b = &sc.body[c.variant];
                (b.register, b.text.as_str())
            }
            (None, None) => return Err(Error::Data(format!("{}: nothing to tell", c.id))),
        };
        let extras = *class == Classification::Pengaduan;
        let core = fill(core, &c.ctx)?;
        let r = &mut self.rng;
        match channel {
            "sms" => return Ok(smsify(r, &core, &t.sms_words)),
            "twitter" => {
                let mut s = format!("{} {}", t.twitter_handle, cut(&core, 230));
                if r.chance(0.6) {
                    s = format!("{s} {}", t.twitter_tag);
                }
                return Ok(s);
            }
            "letter" => {
                let mut parts = vec![t.letter_open.clone(), core];
                if extras && r.chance(0.6) {
                    parts.push(r.pick(&t.extra_formal).clone());
                }
                parts.push(r.pick(&t.close_letter).clone());
                parts.push(match reporter.and_then(|p| p.name.as_deref()) {
                    Some(name) => fill_with(&t.letter_sign_named, &[("reporter", name)])?,
                    None => fill(&t.letter_sign_anonymous, &c.ctx)?,
                });
                return Ok(parts.join("\n\n"));
            }
            _ => {}
        }
        let mut parts = Vec::new();
        if register == Register::Formal {
            if r.chance(0.45) {
                parts.push(fill(r.pick(&t.open_formal).as_str(), &c.ctx)?);
            }
            parts.push(core);
            if extras && r.chance(0.35) {
                parts.push(r.pick(&t.extra_formal).clone());
            }
            if r.chance(0.5) {
                parts.push(r.pick(&t.close_formal).clone());
            }
            return Ok(parts.join(" "));
        }
        if r.chance(0.35) {
            parts.push(r.pick(&t.open_informal).clone());
        }
        parts.push(core);
        if extras && r.chance(0.3) {
            parts.push(r.pick(&t.extra_informal).clone());
        }
        if r.chance(0.35) {
            parts.push(r.pick(&t.close_informal).clone());
        }
        let body = parts.join(" ");
        Ok(if r.chance(0.3) { typo(r, &body) } else { body })
    }

    /// A reporter: the given name or one from the list, a phone number and sometimes an
    /// e-mail address.
    pub fn reporter(&mut self, name: Option<&str>) -> Reporter {
        let people = &self.story.people;
        let r = &mut self.rng;
        let name = name.map_or_else(|| r.pick(&people.names).clone(), str::to_owned);
        let mut phone = r.pick(&people.phone_prefix).clone();
        for _ in 0..*r.pick(&[7, 8, 8, 8]) {
            phone.push_str(&r.range(0, 9).to_string());
        }
        let email = if r.chance(0.35) {
            let suffix = match r.below(3) {
                0 => String::new(),
                1 => r.range(1, 99).to_string(),
                _ => r.range(1970, 2005).to_string(),
            };
            let domain = r.pick(&people.email_domains);
            Some(format!("{}{suffix}@{domain}", slug(r, &name)))
        } else {
            None
        };
        Reporter {
            name: Some(name),
            phone: Some(phone),
            email,
        }
    }

    /// Attachment metadata: a scanned letter, photos, a video, documents.
    fn attachments(&mut self, c: &Case, channel: &str, kind: &str) -> Vec<Attachment> {
        let names = &self.story.attachments;
        let r = &mut self.rng;
        let u = r.unit();
        let file = |name: String, media: &str, size: i64| Attachment {
            name,
            media_type: Some(media.to_owned()),
            size: Some(size as u64),
            sha256: None,
        };
        if channel == "letter" {
            let [name, media] = &names.letter;
            return vec![file(name.clone(), media, r.range(150_000, 1_200_000))];
        }
        if u < 0.55 || channel == "sms" {
            return Vec::new();
        }
        let day = c.submitted_at.format("%Y%m%d");
        let mut out: Vec<Attachment> = Vec::new();
        for i in 0..*r.pick(&[1, 1, 1, 2, 2, 3]) {
            let v = r.unit();
            let mut a = if (kind == "doc" && v < 0.5) || v < 0.12 {
                let [name, media] = r.pick(&names.documents);
                file(name.clone(), media, r.range(60_000, 900_000))
            } else if v < 0.2 {
                let name = format!("VID-{day}-WA{:04}.mp4", r.range(0, 99));
                file(name, "video/mp4", r.range(2_000_000, 18_000_000))
            } else if channel == "whatsapp" {
                let name = format!("IMG-{day}-WA{:04}.jpg", r.range(0, 99));
                file(name, "image/jpeg", r.range(60_000, 400_000))
            } else {
                let name = format!("IMG_{day}_{:06}.jpg", r.range(60_000, 215_959));
                file(name, "image/jpeg", r.range(300_000, 4_500_000))
            };
            if out.iter().any(|o| o.name == a.name) {
                a.name = format!("{}_{}", i + 1, a.name);
            }
            out.push(a);
        }
        out
    }
}
