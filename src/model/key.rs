//! Keys name items in datasets; ids name them inside one graph.

use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The stable, human-chosen name of an actor, meeting, stance or source, such
/// as `trump` or `alaska-summit-2025`.
///
/// Datasets refer to items by key. A valid key is 1 to 128 characters of ASCII
/// letters, digits and `-`, `_`, `.`, `:`; keys compare case-sensitively, while
/// [lookups](crate::DiplomaticGraph::find_actor) ignore case. A `Key` can be
/// made from any string; the graph checks it when the item is added.
///
/// A key's text is shared: cloning a key does not copy it, and a graph
/// stores each key's text once, however many items name it.
///
/// # Examples
///
/// ```
/// use diplograph::Key;
///
/// let key = Key::from("trump");
/// assert!(key.is_valid());
/// assert!(!Key::from("Donald Trump").is_valid());
/// assert_eq!(key.as_str(), "trump");
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key(Arc<str>);

/// The longest key the graph accepts, in bytes.
///
/// ```
/// use diplograph::{Key, MAX_KEY_LEN};
/// assert!(Key::new("k".repeat(MAX_KEY_LEN)).is_valid());
/// assert!(!Key::new("k".repeat(MAX_KEY_LEN + 1)).is_valid());
/// ```
pub const MAX_KEY_LEN: usize = 128;

impl Key {
    /// Makes a key from a string, without checking it.
    ///
    /// ```
    /// let key = diplograph::Key::new("macron");
    /// assert_eq!(key.to_string(), "macron");
    /// ```
    pub fn new(key: impl Into<String>) -> Self {
        Key(Arc::from(key.into()))
    }

    /// The key as a string slice.
    ///
    /// ```
    /// assert_eq!(diplograph::Key::new("nato").as_str(), "nato");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether two keys share their text (one is a clone of the other), not
    /// only equal it.
    pub(crate) fn same_text(a: &Key, b: &Key) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// Whether the graph will accept this key (see the type docs).
    ///
    /// ```
    /// use diplograph::Key;
    /// assert!(Key::new("us-administration").is_valid());
    /// assert!(!Key::new("").is_valid());
    /// assert!(!Key::new("a b").is_valid());
    /// ```
    pub fn is_valid(&self) -> bool {
        !self.0.is_empty()
            && self.0.len() <= MAX_KEY_LEN
            && self
                .0
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl From<&str> for Key {
    fn from(s: &str) -> Self {
        Key(Arc::from(s))
    }
}

impl From<String> for Key {
    fn from(s: String) -> Self {
        Key(Arc::from(s))
    }
}

impl Serialize for Key {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Key {
    /// A JSON string, as a `String` would be read; the text is copied once,
    /// into the shared allocation.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(Key::from(v))
            }
        }
        deserializer.deserialize_string(Visitor)
    }
}

impl From<&Key> for Key {
    fn from(k: &Key) -> Self {
        k.clone()
    }
}

impl Borrow<str> for Key {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Key {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Key {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $what:literal, $all:literal) => {
        $(#[$doc])*
        ///
        /// Ids are small, `Copy`, assigned in insertion order and never reused;
        /// a graph saved and loaded again gives every item the same id.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub(crate) u32);

        impl $name {
            /// The position of this item in insertion order, starting at 0.
            ///
            /// ```
            /// let graph = diplograph::datasets::washington_2025();
            #[doc = concat!("let first = graph.", $all, "().next().map(|(id, _)| id.index());")]
            /// assert_eq!(first, Some(0));
            /// ```
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($what, "#{}"), self.0)
            }
        }
    };
}

id_type!(
    /// Identifies an [`Actor`](crate::Actor) in one [`DiplomaticGraph`](crate::DiplomaticGraph).
    ActorId,
    "actor",
    "actors"
);
id_type!(
    /// Identifies a [`Meeting`](crate::Meeting) in one [`DiplomaticGraph`](crate::DiplomaticGraph).
    MeetingId,
    "meeting",
    "all_meetings"
);
id_type!(
    /// Identifies a [`Stance`](crate::Stance) in one [`DiplomaticGraph`](crate::DiplomaticGraph).
    StanceId,
    "stance",
    "stances"
);
id_type!(
    /// Identifies a [`Position`](crate::Position) in one [`DiplomaticGraph`](crate::DiplomaticGraph).
    PositionId,
    "position",
    "all_positions"
);
id_type!(
    /// Identifies an [`Act`](crate::Act) in one [`DiplomaticGraph`](crate::DiplomaticGraph).
    ActId,
    "act",
    "all_acts"
);
id_type!(
    /// Identifies a [`Source`](crate::Source) in one [`DiplomaticGraph`](crate::DiplomaticGraph).
    SourceId,
    "source",
    "sources"
);
