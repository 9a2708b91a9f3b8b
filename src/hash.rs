//! The maps the crate keys by input, and their hasher.
//!
//! Keys, names, coded actors and the importer's packed keys all come from
//! input, so their maps need a hasher seeded at random (a crafted input
//! must not know where its keys land). The standard library's SipHash-1-3
//! is that, but it costs more than the rest of a lookup on short keys:
//! foldhash (hashbrown's own default hasher) is seeded at random per map
//! too and several times faster. Maps keyed by the crate's own ids use
//! cheaper hashers where they are declared.

use std::collections::HashMap;

use indexmap::{IndexMap, IndexSet};

/// The hasher of the crate's maps: foldhash, seeded at random per map.
pub(crate) type RandomState = foldhash::fast::RandomState;

/// An [`IndexMap`] with the crate's hasher.
pub(crate) type KeyMap<K, V> = IndexMap<K, V, RandomState>;

/// An [`IndexSet`] with the crate's hasher.
pub(crate) type KeySet<T> = IndexSet<T, RandomState>;

/// A [`HashMap`] with the crate's hasher.
pub(crate) type FastMap<K, V> = HashMap<K, V, RandomState>;
