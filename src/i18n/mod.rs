//! Every text the officer reads, per language: the desk's fixed words ([`Texts`]), its
//! sentences with numbers and names in them ([`Lang`]'s methods in `msg`), and the names
//! of statuses, stages, clocks and operation states. Nothing else in the crate holds a
//! user-facing word in two languages; code asks `lang.t().some_label` or
//! `lang.some_message(..)`.
//!
//! Why a hand-written table rather than `rust-i18n` or `fluent`: both look strings up
//! by key at run time, so a text missing in one language shows up only when an officer
//! meets it. Here every text is a field of one struct filled once per language, so a
//! missing translation is a compile error, and the two languages sit side by side on
//! one line for whoever edits them. Sentences with values are plain functions that
//! `match` on the language, so their arguments are typed too.

mod cli;
mod desk;
mod errors;
mod monev;
mod monev_cli;
mod monev_desk;
mod msg;
mod reliability;
mod routing;
mod words;

pub use desk::Texts;
pub use monev::MonevSections;

use serde::Deserialize;

/// The language of the desk and of the command line's human output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia with the SP4N-LAPOR! terms (default).
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The fixed texts in this language.
    pub fn t(self) -> &'static Texts {
        match self {
            Lang::Id => &desk::ID,
            Lang::En => &desk::EN,
        }
    }

    /// Picks between an Indonesian and an English text. Only for this module's tables.
    fn pick<T>(self, id: T, en: T) -> T {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;
    use crate::domain::ClockState;

    #[test]
    fn clock_labels_in_working_days() {
        assert_eq!(Lang::Id.clock(ClockState::Late(2)), "terlambat 2 HK");
        assert_eq!(Lang::Id.clock(ClockState::Remaining(3)), "sisa 3 HK");
        assert_eq!(Lang::En.clock(ClockState::Late(2)), "2 WD late");
        assert_eq!(Lang::En.clock(ClockState::DueToday), "due today");
    }

    #[test]
    fn the_two_tables_differ_where_a_word_is_translated() {
        // Every text is filled in both languages (the macro makes a missing one a
        // compile error); an empty one would be a text forgotten on purpose.
        for lang in Lang::ALL {
            assert!(lang.t().all().iter().all(|s| !s.trim().is_empty()));
        }
        assert_eq!(Lang::Id.t().all().len(), Lang::En.t().all().len());
    }
}
