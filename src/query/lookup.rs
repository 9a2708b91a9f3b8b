//! Finding items by key, name or alias.

use crate::DiplomaticGraph;
use crate::error::{Error, ItemKind, Result};
use crate::graph::{Cache, Names, normalise, to_u32};
use crate::hash::FastMap;
use crate::model::{ActorId, Key, MeetingId, StanceId};

impl DiplomaticGraph {
    /// Finds an actor by key, name or alias, ignoring case and extra spaces.
    ///
    /// Tries, in order: the exact key; a key, name or alias equal to `name`
    /// (one hash lookup); then names and aliases containing every word of
    /// `name` ("Merz" finds "Friedrich Merz"; a hash lookup per word in a
    /// word index, then linear in the names holding the rarest word; the
    /// index is built on the first such lookup after an actor is added,
    /// linear in the names).
    ///
    /// # Errors
    ///
    /// [`Error::Ambiguous`] listing the candidates when several actors match
    /// at the first tier that matches anything; [`Error::NotFound`] with
    /// suggestions (close spellings) when none does.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{datasets, Error};
    ///
    /// let graph = datasets::washington_2025();
    /// let z = graph.find_actor("zelenskyy")?;
    /// assert_eq!(graph.find_actor("Zelensky")?, z);
    /// assert_eq!(graph.find_actor("  VOLODYMYR   zelenskyy ")?, z);
    /// match graph.find_actor("Zelenskky") {
    ///     Err(Error::NotFound { suggestions, .. }) => assert_eq!(suggestions[0].as_str(), "zelenskyy"),
    ///     other => panic!("{other:?}"),
    /// }
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn find_actor(&self, name: &str) -> Result<ActorId> {
        if let Some(id) = self.actor_id(name) {
            return Ok(id);
        }
        let lookup = Lookup {
            names: &self.index.actor_names,
            words: &self.index.actor_words,
            exact: &|k| self.actor_id(k),
            keys: &|| {
                Box::new(
                    self.actors
                        .keys()
                        .enumerate()
                        .map(|(i, k)| (ActorId(to_u32(i)), k)),
                )
            },
        };
        find(name, ItemKind::Actor, &lookup, |id: ActorId| {
            self.actor_key(id)
        })
    }

    /// Finds a stance by key, label or alias, like
    /// [`find_actor`](Self::find_actor): "ceasefire" finds the one stance
    /// whose label mentions a ceasefire.
    ///
    /// # Errors
    ///
    /// [`Error::Ambiguous`] or [`Error::NotFound`], as for actors.
    ///
    /// # Examples
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let id = graph.find_stance("ceasefire")?;
    /// assert_eq!(graph.stance(id).unwrap().key.as_str(), "ceasefire-first");
    /// // "security guarantees" names two stances, the broader and the narrower.
    /// assert!(graph.find_stance("guarantees").is_err());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn find_stance(&self, name: &str) -> Result<StanceId> {
        if let Some(id) = self.stance_id(name) {
            return Ok(id);
        }
        let lookup = Lookup {
            names: &self.index.stance_names,
            words: &self.index.stance_words,
            exact: &|k| self.stance_id(k),
            keys: &|| {
                Box::new(
                    self.stances
                        .keys()
                        .enumerate()
                        .map(|(i, k)| (StanceId(to_u32(i)), k)),
                )
            },
        };
        find(name, ItemKind::Stance, &lookup, |id: StanceId| {
            self.stance_key(id)
        })
    }

    /// Finds a meeting by key or title, like [`find_actor`](Self::find_actor).
    ///
    /// # Errors
    ///
    /// [`Error::Ambiguous`] or [`Error::NotFound`], as for actors.
    ///
    /// # Examples
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let id = graph.find_meeting("alaska")?;
    /// assert_eq!(graph.meeting(id).unwrap().key.as_str(), "alaska-summit-2025-08-15");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn find_meeting(&self, name: &str) -> Result<MeetingId> {
        if let Some(id) = self.meeting_id(name) {
            return Ok(id);
        }
        let lookup = Lookup {
            names: self.meeting_names(),
            words: &self.index.meeting_words,
            exact: &|k| self.meeting_id(k),
            keys: &|| {
                Box::new(
                    self.meetings
                        .keys()
                        .enumerate()
                        .map(|(i, k)| (MeetingId(to_u32(i)), k)),
                )
            },
        };
        find(name, ItemKind::Meeting, &lookup, |id: MeetingId| {
            self.meeting_key(id)
        })
    }
}

/// The keys of one kind of item in id order, as an iterator.
type KeysOf<'g, Id> = dyn Fn() -> Box<dyn Iterator<Item = (Id, &'g Key)> + 'g> + 'g;

/// What one kind of item can be found by: the index of normalised names,
/// and the keys, which the index holds only when they have capitals (a
/// key without is its own normalised form, found by `exact`).
struct Lookup<'g, Id> {
    names: &'g Names<Id>,
    /// The words of every name, built on first use.
    words: &'g Cache<Words<Id>>,
    exact: &'g dyn Fn(&str) -> Option<Id>,
    keys: &'g KeysOf<'g, Id>,
}

/// The words of one kind of item's normalised keys, names and aliases:
/// each word with the names that hold it, so that finding the names
/// holding every word of a query reads a few short lists rather than
/// every name. Built on the first lookup by words (so building the graph
/// pays nothing for it) and dropped whenever an item of the kind is added.
#[derive(Debug, Clone)]
pub(crate) struct Words<Id> {
    /// The item of each name, in the order `Lookup::all` lists them.
    items: Vec<Id>,
    /// Each word with the names holding it, by position in `items`,
    /// ascending.
    names: FastMap<Box<str>, Vec<u32>>,
}

impl<Id: Copy> Words<Id> {
    fn build<'a>(all: impl Iterator<Item = (&'a str, Id)>) -> Self {
        let mut items = Vec::new();
        let mut names: FastMap<Box<str>, Vec<u32>> = FastMap::default();
        for (name, id) in all {
            let at = to_u32(items.len());
            items.push(id);
            for word in words_of(name) {
                match names.get_mut(word) {
                    // A word twice in one name is listed once.
                    Some(list) => {
                        if list.last() != Some(&at) {
                            list.push(at);
                        }
                    }
                    None => {
                        names.insert(word.into(), vec![at]);
                    }
                }
            }
        }
        Words { items, names }
    }

    /// The items with a name holding every word of `words` (not empty).
    fn holding_all(&self, words: &[&str]) -> Vec<Id> {
        let mut lists = Vec::with_capacity(words.len());
        for word in words {
            match self.names.get(*word) {
                Some(list) => lists.push(list.as_slice()),
                None => return Vec::new(),
            }
        }
        lists.sort_unstable_by_key(|list| list.len());
        let Some((shortest, rest)) = lists.split_first() else {
            return Vec::new();
        };
        shortest
            .iter()
            .filter(|at| rest.iter().all(|list| list.binary_search(at).is_ok()))
            .filter_map(|&at| self.items.get(at as usize).copied())
            .collect()
    }
}

impl<'g, Id: Copy + PartialEq + 'g> Lookup<'g, Id> {
    /// The ids whose normalised key, name or alias is `query`.
    fn named(&self, query: &str) -> Option<Vec<Id>> {
        let mut ids = self
            .names
            .get(query)
            .map(|ids| ids.as_slice().to_vec())
            .unwrap_or_default();
        if let Some(id) = (self.exact)(query) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        (!ids.is_empty()).then_some(ids)
    }

    /// The items with a name holding every word of `words` (not empty).
    fn holding_all(&self, words: &[&str]) -> Vec<Id> {
        self.words
            .get_or_init(|| Words::build(self.all()))
            .holding_all(words)
    }

    /// Every normalised key, name and alias with its item.
    fn all(&self) -> impl Iterator<Item = (&'g str, Id)> + 'g {
        let names = self
            .names
            .iter()
            .flat_map(|(name, ids)| ids.as_slice().iter().map(move |id| (&**name, *id)));
        let keys = (self.keys)()
            .map(|(id, key)| (key.as_str(), id))
            .filter(|(key, _)| !key.bytes().any(|b| b.is_ascii_uppercase()));
        names.chain(keys)
    }
}

fn find<'g, Id: Copy + Ord + 'g>(
    name: &str,
    kind: ItemKind,
    names: &Lookup<'g, Id>,
    key_of: impl Fn(Id) -> Option<&'g Key>,
) -> Result<Id> {
    let query = normalise(name);
    let keys = |ids: &[Id]| ids.iter().filter_map(|id| key_of(*id).cloned()).collect();
    let one_or_ambiguous = |mut ids: Vec<Id>| -> Result<Id> {
        ids.sort_unstable();
        ids.dedup();
        match ids.as_slice() {
            [id] => Ok(*id),
            _ => Err(Error::Ambiguous {
                kind,
                query: name.to_owned(),
                candidates: keys(&ids),
            }),
        }
    };
    // The name as given, then without an article, a possessive or a
    // plural ending ("the Europeans'" → "european"); if nothing matches,
    // suggest the closest spellings (none for a blank name).
    let variants = variants(&query);
    for form in std::iter::once(query.as_str()).chain(variants.iter().map(String::as_str)) {
        if let Some(ids) = find_exact_or_words(form, names) {
            return one_or_ambiguous(ids);
        }
    }
    // Edit distance is quadratic in the lengths: no suggestions for a blank
    // name, nor for one longer than any real name (a pasted paragraph, a
    // hostile input), which could otherwise take minutes.
    if query.is_empty() || query.chars().count() > MAX_SUGGESTED_LEN {
        return Err(Error::NotFound {
            kind,
            query: name.chars().take(200).collect(),
            suggestions: Vec::new(),
        });
    }
    let limit = (query.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, Id)> = names
        .all()
        .filter_map(|(known, id)| Some((edit_distance(&query, known, limit)?, id)))
        .collect();
    scored.sort_unstable();
    let mut suggestions: Vec<Id> = Vec::new();
    for (_, id) in scored {
        if !suggestions.contains(&id) {
            suggestions.push(id);
        }
    }
    suggestions.truncate(5);
    Err(Error::NotFound {
        kind,
        query: name.chars().take(200).collect(),
        suggestions: keys(&suggestions),
    })
}

/// The ids matching `query` exactly (normalised) or by all of its words.
fn find_exact_or_words<'g, Id: Copy + PartialEq + 'g>(
    query: &str,
    names: &Lookup<'g, Id>,
) -> Option<Vec<Id>> {
    if let Some(ids) = names.named(query) {
        return Some(ids);
    }
    let words = words_of(query);
    if words.is_empty() {
        return None;
    }
    let matches = names.holding_all(&words);
    (!matches.is_empty()).then_some(matches)
}

fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Forms of a normalised name that may match where the name did not, most
/// faithful first: without a leading article, without a possessive ending
/// (`'s`, `’s`, a final apostrophe), without a plural `s` on the last word.
fn variants(query: &str) -> Vec<String> {
    let mut base = query;
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = base.strip_prefix(article) {
            base = rest.trim_start();
            break;
        }
    }
    let unpossessed = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|ending| base.strip_suffix(ending))
        .unwrap_or(base);
    let mut out: Vec<String> = Vec::new();
    for candidate in [base, unpossessed] {
        if candidate != query && !candidate.is_empty() {
            out.push(candidate.to_owned());
        }
    }
    let singular = unpossessed
        .strip_suffix("es")
        .filter(|s| s.ends_with("ss") || s.ends_with('x') || s.ends_with("ch") || s.ends_with("sh"))
        .or_else(|| unpossessed.strip_suffix('s').filter(|s| !s.ends_with('s')));
    if let Some(singular) = singular.filter(|s| !s.is_empty()) {
        out.push(singular.to_owned());
    }
    out.dedup();
    out
}

/// The longest name, in characters, that gets suggestions by edit distance.
const MAX_SUGGESTED_LEN: usize = 100;

/// Levenshtein distance between `a` and `b` in characters, or `None` when it
/// exceeds `limit` (checked cheaply first by length).
fn edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let mut row_min = i + 1;
        if let Some(first) = current.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous
                .get(j)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(usize::from(ca != cb));
            let delete = previous
                .get(j + 1)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            let insert = current
                .get(j)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            let best = substitute.min(delete).min(insert);
            if let Some(cell) = current.get_mut(j + 1) {
                *cell = best;
            }
            row_min = row_min.min(best);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().filter(|d| *d <= limit)
}

#[cfg(test)]
mod tests {
    use super::{Lookup, edit_distance, variants, words_of};
    use crate::model::{Actor, ActorKind, MeetingId};
    use crate::{DiplomaticGraph, Error};

    /// The word index finds exactly the names a scan of every name finds,
    /// for every word and pair of words of the meetings' titles and keys.
    #[test]
    fn the_word_index_agrees_with_a_scan_of_every_name() {
        let graph = crate::datasets::washington_2025();
        let keys = || {
            Box::new(
                graph
                    .meetings
                    .keys()
                    .enumerate()
                    .map(|(i, k)| (MeetingId(super::to_u32(i)), k)),
            ) as Box<dyn Iterator<Item = _>>
        };
        let lookup = Lookup {
            names: graph.meeting_names(),
            words: &graph.index.meeting_words,
            exact: &|k| graph.meeting_id(k),
            keys: &keys,
        };
        let scan = |words: &[&str]| {
            let mut ids: Vec<MeetingId> = lookup
                .all()
                .filter(|(known, _)| {
                    let known = words_of(known);
                    words.iter().all(|w| known.contains(w))
                })
                .map(|(_, id)| id)
                .collect();
            ids.sort_unstable();
            ids
        };
        let names: Vec<&str> = lookup.all().map(|(name, _)| name).collect();
        let mut words: Vec<&str> = names.iter().flat_map(|n| words_of(n)).collect();
        words.sort_unstable();
        words.dedup();
        words.push("absent");
        let mut checked = 0;
        for a in &words {
            for b in &words {
                for query in [vec![*a], vec![*a, *b]] {
                    let mut found = lookup.holding_all(&query);
                    found.sort_unstable();
                    assert_eq!(found, scan(&query), "{query:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// A meeting added after a lookup by title (which built the title
    /// index) is found by its title, exactly and by a word.
    #[test]
    fn a_meeting_added_after_a_lookup_by_title_is_found_by_its_title() {
        use crate::model::{Meeting, MeetingKind, MeetingStatus};
        let mut graph: DiplomaticGraph = crate::datasets::washington_2025();
        let alaska = graph.find_meeting("Alaska summit").unwrap();
        graph
            .add_meeting(
                Meeting::new(
                    "geneva-talks",
                    "Geneva talks on prisoners",
                    MeetingKind::Negotiation,
                )
                .status(MeetingStatus::Planned),
            )
            .unwrap();
        let geneva = graph.find_meeting("geneva talks on PRISONERS").unwrap();
        assert_eq!(graph.find_meeting("prisoners").unwrap(), geneva);
        assert_eq!(graph.find_meeting("alaska summit").unwrap(), alaska);
        assert_ne!(alaska, geneva);
    }

    /// An actor added after a lookup by words (which built the index) is
    /// found by its words.
    #[test]
    fn an_item_added_after_a_lookup_by_words_is_found_by_its_words() {
        let mut graph: DiplomaticGraph = crate::datasets::washington_2025();
        let merz = graph.find_actor("Friedrich").unwrap();
        graph
            .add_actor(Actor::new("ebert", "Friedrich Ebert", ActorKind::Person))
            .unwrap();
        let ebert = graph.find_actor("Ebert").unwrap();
        match graph.find_actor("Friedrich") {
            Err(Error::Ambiguous { candidates, .. }) => {
                let keys: Vec<&str> = candidates.iter().map(|k| k.as_str()).collect();
                assert_eq!(keys, ["merz", "ebert"]);
            }
            other => panic!("{other:?}"),
        }
        assert_ne!(merz, ebert);
    }

    #[test]
    fn variants_drop_articles_possessives_and_plurals() {
        assert_eq!(variants("zelenskyy's"), ["zelenskyy"]);
        assert_eq!(variants("the europeans"), ["europeans", "european"]);
        assert_eq!(
            variants("the europeans'"),
            ["europeans'", "europeans", "european"]
        );
        assert_eq!(variants("ceasefires"), ["ceasefire"]);
        assert_eq!(variants("ceasefire"), Vec::<String>::new());
        assert_eq!(variants("the"), Vec::<String>::new());
    }

    #[test]
    fn a_possessive_or_plural_still_finds_the_item() {
        let graph = crate::datasets::washington_2025();
        let z = graph.find_actor("zelenskyy").unwrap();
        assert_eq!(graph.find_actor("Zelenskyy's").unwrap(), z);
        assert_eq!(graph.find_actor("Zelenskyy’s").unwrap(), z);
        assert_eq!(graph.find_actor("the Zelenskyy").unwrap(), z);
        let trump = graph.find_actor("trump").unwrap();
        assert_eq!(graph.find_actor("Trumps").unwrap(), trump);
        let ceasefire = graph.find_stance("ceasefire").unwrap();
        assert_eq!(graph.find_stance("the ceasefires").unwrap(), ceasefire);
    }

    #[test]
    fn edit_distance_counts_edits_and_stops_at_the_limit() {
        assert_eq!(edit_distance("zelensky", "zelenskyy", 2), Some(1));
        assert_eq!(edit_distance("kitten", "sitting", 3), Some(3));
        assert_eq!(edit_distance("kitten", "sitting", 2), None);
        assert_eq!(edit_distance("", "abc", 3), Some(3));
        assert_eq!(edit_distance("путин", "путін", 1), Some(1));
    }
}
