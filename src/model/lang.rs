//! The two user-interface languages every message of the model comes in.

use serde::{Deserialize, Serialize};

/// A user-interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Nl,
}

impl Lang {
    /// Picks the English or the Dutch text.
    pub fn pick<T>(self, en: T, nl: T) -> T {
        match self {
            Lang::En => en,
            Lang::Nl => nl,
        }
    }

    /// The ISO 639-1 code: `en` or `nl`.
    pub fn code(self) -> &'static str {
        self.pick("en", "nl")
    }
}
