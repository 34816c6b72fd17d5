//! Newtypes for the identifiers that cross the system, so a tracking ID can never be
//! passed where an agency code is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }
    };
}

string_id!(
    /// A complaint's tracking ID, an opaque string of 1 to 64 characters.
    ComplaintId
);
string_id!(
    /// An agency code from the registry's directory, such as `3529-DINSOS`.
    AgencyCode
);
string_id!(
    /// A thread message id, unique in the registry.
    MessageId
);
string_id!(
    /// A batch file's `batch_id`.
    BatchId
);
string_id!(
    /// An operation's id: a UUID (v7 for operations made on this desk).
    OpId
);

impl OpId {
    /// A fresh, time-ordered operation id.
    pub fn new_v7() -> Self {
        Self(uuid::Uuid::now_v7().to_string())
    }
}
