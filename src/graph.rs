//! The store: [`DiplomaticGraph`] owns the items, a private petgraph graph
//! linking them, and the secondary indexes queries use.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};
use std::sync::OnceLock;

use crate::hash::{FastMap, KeyMap};
use indexmap::map::raw_entry_v1::{RawEntryApiV1, RawEntryMut};
use petgraph::Direction;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;

use crate::error::{Error, ItemKind, Result};
use crate::model::{
    Act, ActId, ActKind, Actor, ActorId, Evidence, Key, Link, Meeting, MeetingId, MeetingStatus,
    Office, PartialDate, Position, PositionId, Source, SourceId, Stance, StanceId, Validity,
};
use crate::query::Words;

/// A typed, time-aware graph of diplomatic events.
///
/// Nodes are actors, meetings and stances; edges are participation,
/// positions, acts and links. Items are added through `add_*` methods that
/// check every reference, and read through accessors and the query methods
/// (see [`crate::query`]). A graph can be saved to and loaded from the JSON
/// [dataset format](crate::io).
///
/// Items are never removed, so ids stay valid for the graph's lifetime and
/// match insertion order; saving and loading keeps them.
///
/// # Examples
///
/// ```
/// use diplograph::{Actor, ActorKind, DiplomaticGraph, Evidence, Polarity, Position, PositionQuery, Source, Stance};
///
/// let mut graph = DiplomaticGraph::new();
/// graph.add_source(Source::new("report", "White House talks").published("2025-08".parse()?))?;
/// graph.add_actor(Actor::new("zelenskyy", "Volodymyr Zelenskyy", ActorKind::Person).alias("Zelensky"))?;
/// let concessions = graph.add_stance(Stance::new("territorial-concessions", "Territorial concessions"))?;
/// graph.add_position(
///     Position::new("zelenskyy", "territorial-concessions", diplograph::Polarity::Opposes)
///         .evidence(Evidence::new("report", "Zelenskyy has publicly rejected the idea of giving up Crimea")),
/// )?;
///
/// let opposed: Vec<&str> = graph
///     .positions(PositionQuery::on(concessions).polarity(Polarity::Opposes))
///     .map(|m| graph.actor_of(&m).name.as_str())
///     .collect();
/// assert_eq!(opposed, ["Volodymyr Zelenskyy"]);
/// assert_eq!(graph.find_actor("zelensky")?, graph.actor_id("zelenskyy").unwrap());
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct DiplomaticGraph {
    pub(crate) meta: Metadata,
    pub(crate) graph: StableDiGraph<Node, Edge>,
    pub(crate) sources: KeyMap<Key, Source>,
    pub(crate) actors: KeyMap<Key, ActorEntry>,
    pub(crate) meetings: KeyMap<Key, MeetingEntry>,
    pub(crate) stances: KeyMap<Key, StanceEntry>,
    pub(crate) positions: Vec<PositionEntry>,
    pub(crate) acts: Vec<ActEntry>,
    pub(crate) index: Indexes,
}

/// A dataset's title and description, kept so a save loses nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Metadata {
    pub(crate) title: Option<String>,
    pub(crate) description: Option<String>,
}

/// How much of what an item cites the graph checks when it is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Checks {
    /// Everything: each cited source is looked up (an unknown one is an
    /// error) and the evidence takes the graph's own copy of the key. For
    /// everything users give.
    Full,
    /// The caller vouches for the sources and the evidence: it made them
    /// valid (keys, titles, quotes) and took every cited key from a source
    /// it added to this graph, sharing its text, so there is nothing to
    /// look up or check again: the importer, whose sources become the
    /// graph's. Debug builds check all the same.
    Vouched,
}

/// What a node stands for. Actors and stances are petgraph nodes; meetings
/// are not (their participations are held by `MeetingEntry::participants`
/// and `Indexes::meetings_by_actor`), but walks see them as nodes too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Node {
    Actor(ActorId),
    Meeting(MeetingId),
    Stance(StanceId),
}

/// What an edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edge {
    /// Actor to meeting; the index of the participant in the meeting. Not
    /// stored in petgraph: derived from the meeting's participants.
    Participation(u32),
    /// Actor to stance. Not stored in petgraph: derived from the position.
    Position(PositionId),
    /// Actor to actor. Not stored in petgraph: derived from the act.
    Act(ActId),
    /// Actor to actor; the index of the link in the actor's links.
    Link(u32),
    /// Actor to the state or organisation of one of its offices.
    Office(u32),
    /// Stance to its broader stance.
    Broader,
}

#[derive(Debug, Clone)]
pub(crate) struct ActorEntry {
    pub(crate) actor: Actor,
    pub(crate) node: NodeIndex,
}

#[derive(Debug, Clone)]
pub(crate) struct MeetingEntry {
    pub(crate) meeting: Meeting,
    /// The participants' ids, in the order of `meeting.participants`.
    pub(crate) participants: Box<[ActorId]>,
}

#[derive(Debug, Clone)]
pub(crate) struct StanceEntry {
    pub(crate) stance: Stance,
    pub(crate) node: NodeIndex,
    pub(crate) broader: Option<StanceId>,
}

#[derive(Debug, Clone)]
pub(crate) struct PositionEntry {
    pub(crate) position: Position,
    pub(crate) actor: ActorId,
    pub(crate) stance: StanceId,
    pub(crate) meeting: Option<MeetingId>,
}

#[derive(Debug, Clone)]
pub(crate) struct ActEntry {
    pub(crate) act: Act,
    pub(crate) actor: ActorId,
    pub(crate) target: ActorId,
    pub(crate) meeting: Option<MeetingId>,
    pub(crate) stance: Option<StanceId>,
}

/// Secondary indexes, kept up to date by every `add_*`.
///
/// Which query uses which index is listed in ARCHITECTURE.md.
#[derive(Debug, Clone, Default)]
pub(crate) struct Indexes {
    /// Per stance: its positions, in insertion order, each with its span,
    /// so a stance-wide scan decides every position from this list, in
    /// sequence, and reads only the matches.
    pub(crate) positions_by_stance: Vec<Vec<(PositionId, crate::query::PositionSpan)>>,
    /// Per position, by id: the day its evidence was first known, packed as
    /// `query::known_key` (the last day of the earliest publication date
    /// among its sources; `u32::MAX` when none is dated). Sources never
    /// change once added, so a `known_at` query compares one integer per
    /// position instead of looking its sources up.
    pub(crate) position_known: Vec<u32>,
    /// Per position, by id: its polarity and the packed days outside which
    /// it cannot hold, so a scan of a stance's positions rejects most of
    /// them from this dense array without reading their entries.
    pub(crate) position_spans: Vec<crate::query::PositionSpan>,
    /// Per actor, by id: for each stance it has positions on, sorted by
    /// stance id (found by binary search, not by hashing), the actor's
    /// positions on it sorted by start.
    pub(crate) timelines: Vec<Vec<(StanceId, Vec<PositionId>)>>,
    /// Per (actor, stance, source, quoted words), hashed: the positions
    /// quoting those words, for the (actor, stance) timelines longer than
    /// `SHORT_TIMELINE` only. Only for the
    /// contradiction check, which then looks at the few positions sharing
    /// a quote rather than at the whole timeline; it scans short ones.
    /// The hash is SipHash with this graph's random keys (`quote_keys`),
    /// so the map itself does not hash it again.
    pub(crate) positions_by_quote: HashMap<u64, Ids<PositionId>, BuildHasherDefault<Hashed>>,
    /// The random keys of the quote hashes.
    pub(crate) quote_keys: RandomState,
    /// Per actor: the stances it has positions on, in first-seen order.
    pub(crate) stances_by_actor: Vec<Vec<StanceId>>,
    /// Per actor: the meetings it takes part in, in date order.
    pub(crate) meetings_by_actor: Vec<Vec<MeetingId>>,
    /// Per status: the meetings with that status, in date order.
    pub(crate) meetings_by_status: [Vec<MeetingId>; MeetingStatus::ALL.len()],
    /// Every meeting, in date order.
    pub(crate) meetings_by_date: Vec<MeetingId>,
    /// How many participations all meetings have: the participation edges,
    /// which petgraph does not hold.
    pub(crate) participations: usize,
    /// Per meeting, by id: its date as a number in date order (undated
    /// last), so keeping and sorting the lists above compares integers.
    pub(crate) meeting_dates: Vec<u64>,
    /// Per actor: acts it did, in insertion order.
    pub(crate) acts_by_actor: Vec<Vec<ActId>>,
    /// Per actor: acts towards it, in insertion order.
    pub(crate) acts_by_target: Vec<Vec<ActId>>,
    /// Per target actor, by id: for each kind of act towards it, in
    /// first-seen order, those acts (a few kinds per actor at most
    /// thirteen, found by a short scan rather than by hashing).
    pub(crate) acts_by_kind_target: Vec<Vec<(ActKind, Vec<ActId>)>>,
    /// Per kind (by `ActKind::index`): every act of that kind.
    pub(crate) acts_by_kind: Vec<Vec<ActId>>,
    /// Normalised names and aliases to actors, and keys with capitals
    /// (a key without capitals is its own normalised form, found in the
    /// item map itself).
    pub(crate) actor_names: Names<ActorId>,
    /// Normalised labels and aliases to stances, and keys with capitals.
    pub(crate) stance_names: Names<StanceId>,
    /// Normalised titles to meetings, and keys with capitals: built on
    /// the first lookup of a meeting by name (`meeting_names`), not while
    /// meetings are added, and dropped when one is.
    pub(crate) meeting_names: Cache<Names<MeetingId>>,
    /// The words of the actors' normalised keys, names and aliases, built
    /// on the first lookup by words and dropped when an actor is added.
    pub(crate) actor_words: Cache<Words<ActorId>>,
    /// The same for stances.
    pub(crate) stance_words: Cache<Words<StanceId>>,
    /// The same for meetings.
    pub(crate) meeting_words: Cache<Words<MeetingId>>,
    /// Set during a bulk load (a [`Batch`]), when the date-ordered meeting
    /// lists and the timelines are appended to and left unsorted until
    /// `end_bulk`. Never set once a graph is handed out.
    pub(crate) bulk: Option<BulkStart>,
}

impl Indexes {
    /// The positions of `actor` on `stance`, sorted by start (empty when it
    /// has none).
    pub(crate) fn timeline(&self, actor: ActorId, stance: StanceId) -> &[PositionId] {
        self.timelines
            .get(actor.index())
            .and_then(|stances| {
                let i = stances.binary_search_by_key(&stance, |(s, _)| *s).ok()?;
                stances.get(i)
            })
            .map(|(_, timeline)| timeline.as_slice())
            .unwrap_or_default()
    }

    /// Every (actor, stance) pair with positions, by actor then stance.
    pub(crate) fn timeline_pairs(&self) -> impl Iterator<Item = (ActorId, StanceId)> + '_ {
        self.timelines
            .iter()
            .enumerate()
            .flat_map(|(a, stances)| stances.iter().map(move |(s, _)| (ActorId(to_u32(a)), *s)))
    }

    /// Every timeline, to sort or shrink.
    fn timelines_mut(&mut self) -> impl Iterator<Item = &mut Vec<PositionId>> {
        self.timelines
            .iter_mut()
            .flat_map(|stances| stances.iter_mut().map(|(_, timeline)| timeline))
    }

    /// The acts of `kind` towards `target`, in insertion order.
    pub(crate) fn acts_of_kind_towards(&self, kind: ActKind, target: ActorId) -> &[ActId] {
        self.acts_by_kind_target
            .get(target.index())
            .and_then(|kinds| kinds.iter().find(|(k, _)| *k == kind))
            .map(|(_, acts)| acts.as_slice())
            .unwrap_or_default()
    }
}

/// The first meeting and position ids of a bulk load: lists whose last
/// element comes before them were not touched and need no sorting.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BulkStart {
    meetings: u32,
    positions: u32,
}

/// Normalised names to the ids of the items with that name.
pub(crate) type Names<Id> = FastMap<Box<str>, Ids<Id>>;

/// An index built on first use and dropped (by [`clear`](Self::clear))
/// when what it indexes changes, so that adding items pays nothing for it.
/// Its `Debug` form does not say whether it is built, so a graph reads the
/// same before and after it is asked.
#[derive(Clone)]
pub(crate) struct Cache<T>(OnceLock<T>);

impl<T> Cache<T> {
    /// Forgets the index, to be built again on next use.
    pub(crate) fn clear(&mut self) {
        self.0.take();
    }

    /// The index, built by `build` if it is not yet.
    pub(crate) fn get_or_init(&self, build: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(build)
    }

    /// The index, if built.
    pub(crate) fn get_mut(&mut self) -> Option<&mut T> {
        self.0.get_mut()
    }
}

impl<T> Default for Cache<T> {
    fn default() -> Self {
        Cache(OnceLock::new())
    }
}

impl<T> std::fmt::Debug for Cache<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cache")
    }
}

/// A short list of ids that holds one id without allocating: most names
/// and quotes belong to one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Ids<Id> {
    One(Id),
    Many(Vec<Id>),
}

impl<Id: Copy + PartialEq> Ids<Id> {
    pub(crate) fn as_slice(&self) -> &[Id] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(ids) => ids,
        }
    }

    /// Adds `id` unless it is already the last one.
    fn push_new(&mut self, id: Id) {
        match self {
            Ids::One(first) if *first == id => {}
            Ids::One(first) => *self = Ids::Many(vec![*first, id]),
            Ids::Many(ids) if ids.last() == Some(&id) => {}
            Ids::Many(ids) => ids.push(id),
        }
    }
}

/// A hasher for keys that are already keyed SipHash values: passes the
/// value through.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Hashed(u64);

impl Hasher for Hashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used; fold anything else in, to stay correct.
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// An error found while checking an item, with the JSON path (relative to
/// the item) of the field at fault, so the loader can point at it.
#[derive(Debug)]
pub(crate) struct Invalid {
    pub(crate) error: Box<Error>,
    pub(crate) field: String,
}

impl Invalid {
    fn new(field: impl Into<String>, error: Error) -> Self {
        Invalid {
            error: Box::new(error),
            field: field.into(),
        }
    }

    fn within(mut self, prefix: &str) -> Self {
        self.field = if self.field.is_empty() {
            prefix.to_owned()
        } else if self.field.starts_with('[') {
            format!("{prefix}{}", self.field)
        } else {
            format!("{prefix}.{}", self.field)
        };
        self
    }
}

type Checked<T> = std::result::Result<T, Invalid>;

fn unknown(kind: ItemKind, key: &Key, field: impl Into<String>) -> Invalid {
    Invalid::new(
        field,
        Error::UnknownKey {
            kind,
            key: key.clone(),
            location: None,
        },
    )
}

fn nonblank(text: &str, field: &'static str, item: impl FnOnce() -> String) -> Checked<()> {
    if text.trim().is_empty() {
        Err(Invalid::new(
            field,
            Error::EmptyField {
                field,
                item: item(),
                location: None,
            },
        ))
    } else {
        Ok(())
    }
}

fn nonblank_aliases(aliases: &[String], item: impl Fn() -> String) -> Checked<()> {
    for (i, alias) in aliases.iter().enumerate() {
        nonblank(alias, "alias", &item)
            .map_err(|e| Invalid::new(format!("aliases[{i}]"), *e.error))?;
    }
    Ok(())
}

fn consistent(validity: Validity, item: impl FnOnce() -> String) -> Checked<()> {
    match (validity.from, validity.until) {
        (Some(from), Some(until)) if !validity.is_consistent() => Err(Invalid::new(
            "until",
            Error::EndsBeforeStart {
                item: item(),
                from,
                until,
                location: None,
            },
        )),
        _ => Ok(()),
    }
}

/// The order of timelines: by start, unknown starts first.
fn by_start(positions: &[PositionEntry], a: &PositionId, b: &PositionId) -> Ordering {
    start_key(positions, *a).cmp(&start_key(positions, *b))
}

/// A position's start as one number, in timeline order: unknown first.
fn start_key(positions: &[PositionEntry], id: PositionId) -> u64 {
    positions
        .get(id.index())
        .and_then(|e| e.position.from)
        .map_or(0, |d| d.timeline_key().saturating_add(1))
}

/// Timelines up to this long are scanned by the contradiction check; longer
/// ones have their quotes indexed in `positions_by_quote`.
const SHORT_TIMELINE: usize = 8;

/// The key of `positions_by_quote`: keyed SipHash, so that a crafted file
/// cannot aim its quotes at one bucket.
fn quote_hash(
    keys: &RandomState,
    actor: ActorId,
    stance: StanceId,
    source: &Key,
    quote: &str,
) -> u64 {
    keys.hash_one((actor, stance, source.as_str(), quote))
}

/// Lower-cases and collapses whitespace, for name lookups.
pub(crate) fn normalise(name: &str) -> String {
    let mut out = String::new();
    normalise_into(name, &mut out);
    out
}

/// [`normalise`] into `out`, which is cleared first: index building reuses
/// one buffer for every name.
fn normalise_into(name: &str, out: &mut String) {
    out.clear();
    out.reserve(name.len());
    let ascii_space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
    if name.is_ascii() {
        // The same as below, byte by byte: ASCII whitespace as
        // `char::is_whitespace` sees it is space and `\t` to `\r`.
        let mut gap = false;
        for b in name.bytes() {
            if ascii_space(b) {
                gap = !out.is_empty();
            } else {
                if gap {
                    out.push(' ');
                    gap = false;
                }
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
        return;
    }
    if !name.contains('Σ') {
        // As below, in one pass: whitespace as `split_whitespace` sees it,
        // runs of ASCII copied whole and lowered in place, and any other
        // character mapped by `char::to_lowercase`, which is what
        // `str::to_lowercase` does for every character but the
        // context-dependent capital sigma.
        let bytes = name.as_bytes();
        let mut gap = false;
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            if ascii_space(b) {
                gap = !out.is_empty();
                at += 1;
                continue;
            }
            let rest = bytes.get(at..).unwrap_or_default();
            let run = rest
                .iter()
                .position(|&b| !b.is_ascii() || ascii_space(b))
                .unwrap_or(rest.len());
            if run > 0 {
                if gap {
                    out.push(' ');
                    gap = false;
                }
                let start = out.len();
                out.push_str(name.get(at..at + run).unwrap_or_default());
                if let Some(pushed) = out.get_mut(start..) {
                    pushed.make_ascii_lowercase();
                }
                at += run;
                continue;
            }
            // A non-ASCII character starts at `at`.
            let Some(c) = name.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            at += c.len_utf8();
            if c.is_whitespace() {
                gap = !out.is_empty();
            } else {
                if gap {
                    out.push(' ');
                    gap = false;
                }
                out.extend(c.to_lowercase());
            }
        }
        return;
    }
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // Copied whole, then lowered in place: both run a word at a time.
            let start = out.len();
            out.push_str(word);
            if let Some(pushed) = out.get_mut(start..) {
                pushed.make_ascii_lowercase();
            }
        } else if word.contains('Σ') {
            // The one context-dependent mapping (final sigma): leave it to
            // `str::to_lowercase`.
            out.push_str(&word.to_lowercase());
        } else {
            // What `str::to_lowercase` does for every other character, without
            // its allocation: ASCII lowered in place, the rest mapped by
            // `char::to_lowercase`.
            for c in word.chars() {
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
}

pub(crate) fn to_u32(n: usize) -> u32 {
    // A graph cannot hold more than u32::MAX items: petgraph's default index
    // type is u32 and would fail first.
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Records that each of `names`, normalised, names the item `id`, and so
/// does `key` if it has capitals (otherwise it is its own normalised form,
/// and lookups find it in the item map).
fn index_names<'n, Id: Copy + PartialEq>(
    index: &mut Names<Id>,
    key: &'n Key,
    names: impl Iterator<Item = &'n str>,
    id: Id,
) {
    let key = key.as_str();
    let key = key.bytes().any(|b| b.is_ascii_uppercase()).then_some(key);
    let mut normal = String::new();
    for name in key.into_iter().chain(names) {
        normalise_into(name, &mut normal);
        // A name already indexed (many meetings share a title) is found
        // without copying it; only a new one is boxed for the map.
        match index.get_mut(normal.as_str()) {
            // `id` is the newest item, so it can only be the last one
            // listed (when another of its names normalised the same).
            Some(ids) => ids.push_new(id),
            None => {
                index.insert(normal.as_str().into(), Ids::One(id));
            }
        }
    }
}

/// Looks `key` up in `map` and, when found, replaces it with the map's own
/// key, so the graph stores each key's text once however many items name
/// it. Returns the index found.
fn share<V>(map: &KeyMap<Key, V>, key: &mut Key) -> Option<usize> {
    let (index, canonical, _) = map.get_full(key.as_str())?;
    if !Key::same_text(key, canonical) {
        *key = canonical.clone();
    }
    Some(index)
}

/// The hash of `key` in `map`, and whether `key` is already there: the key
/// is hashed once, for the duplicate check and for [`insert_hashed`].
fn hash_in<V>(map: &KeyMap<Key, V>, key: &Key) -> (u64, bool) {
    let hash = map.hasher().hash_one(key.as_str());
    let taken = map
        .raw_entry_v1()
        .index_from_hash(hash, |k| k.as_str() == key.as_str())
        .is_some();
    (hash, taken)
}

/// Inserts `value` under `key`, whose `hash` came from [`hash_in`]; the
/// caller has checked that the key is new (were it not, the value would
/// replace the old one in place).
fn insert_hashed<V>(map: &mut KeyMap<Key, V>, hash: u64, key: Key, value: V) {
    match map.raw_entry_mut_v1().from_hash(hash, |k| *k == key) {
        RawEntryMut::Vacant(vacant) => {
            vacant.insert_hashed_nocheck(hash, key, value);
        }
        RawEntryMut::Occupied(mut occupied) => {
            occupied.insert(value);
        }
    }
}

/// Frees the spare capacity of a list in an item being stored: a list
/// built by pushing (as builders and serde do) has room for four, and
/// items are never edited after they are added. One evidence entry alone
/// would otherwise take the room of four.
fn fit<T>(list: &mut Vec<T>) {
    if list.capacity() > list.len() {
        list.shrink_to_fit();
    }
}

/// Inserts `id` into `list`, kept sorted by `cmp`, after any equal items.
fn insert_sorted<T: Copy>(list: &mut Vec<T>, id: T, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let at = list.partition_point(|probe| cmp(probe, &id) != Ordering::Greater);
    list.insert(at, id);
}

/// Pushes `value` into the list at `index` of `lists`, growing `lists` if needed.
/// Makes room for one more element growing by half rather than doubling
/// from four: for the short per-actor lists of lists (an actor's stances,
/// the kinds of act towards it), most of which hold one or two entries of
/// 32 bytes.
fn room_for_one<T>(list: &mut Vec<T>) {
    if list.len() == list.capacity() {
        list.reserve_exact((list.len() / 2).max(1));
    }
}

fn push_at<T>(lists: &mut Vec<Vec<T>>, index: usize, value: T) {
    if lists.len() <= index {
        lists.resize_with(index + 1, Vec::new);
    }
    if let Some(list) = lists.get_mut(index) {
        list.push(value);
    }
}

impl DiplomaticGraph {
    /// An empty graph.
    ///
    /// ```
    /// let graph = diplograph::DiplomaticGraph::new();
    /// assert!(graph.is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// The dataset title, if any.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert!(graph.title().unwrap().contains("Washington"));
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.meta.title.as_deref()
    }

    /// Sets the dataset title.
    ///
    /// ```
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// graph.set_title("Gaza talks, 2025");
    /// assert_eq!(graph.title(), Some("Gaza talks, 2025"));
    /// ```
    pub fn set_title(&mut self, title: impl Into<String>) {
        self.meta.title = Some(title.into());
    }

    /// The dataset description, if any.
    ///
    /// ```
    /// let graph = diplograph::DiplomaticGraph::new();
    /// assert_eq!(graph.description(), None);
    /// ```
    pub fn description(&self) -> Option<&str> {
        self.meta.description.as_deref()
    }

    /// Sets the dataset description.
    ///
    /// ```
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// graph.set_description("Curated from three reports.");
    /// assert!(graph.description().is_some());
    /// ```
    pub fn set_description(&mut self, description: impl Into<String>) {
        self.meta.description = Some(description.into());
    }

    /// Whether the graph has no items at all.
    ///
    /// ```
    /// assert!(!diplograph::datasets::washington_2025().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
            && self.actors.is_empty()
            && self.meetings.is_empty()
            && self.stances.is_empty()
            && self.positions.is_empty()
            && self.acts.is_empty()
    }

    /// How many items of each kind the graph holds.
    ///
    /// ```
    /// let counts = diplograph::datasets::washington_2025().counts();
    /// assert!(counts.actors > 10 && counts.positions > 5);
    /// ```
    pub fn counts(&self) -> Counts {
        Counts {
            sources: self.sources.len(),
            actors: self.actors.len(),
            meetings: self.meetings.len(),
            stances: self.stances.len(),
            positions: self.positions.len(),
            acts: self.acts.len(),
            edges: self.graph.edge_count()
                + self.index.participations
                + self.positions.len()
                + self.acts.len(),
        }
    }

    // ----- adding items -------------------------------------------------

    /// Adds a source that evidence can cite.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidKey`], [`Error::DuplicateKey`], or [`Error::EmptyField`]
    /// for a blank title.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let id = graph.add_source(diplograph::Source::new("report", "A report"))?;
    /// assert_eq!(graph.source(id).unwrap().title, "A report");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_source(&mut self, source: Source) -> Result<SourceId> {
        self.try_add_source(source).map_err(|i| *i.error)
    }

    /// Adds every source of a map the caller vouches for (valid keys,
    /// non-blank titles, each source under its own key: the importer's),
    /// in order: into an empty graph by taking the map as the graph's own,
    /// so nothing is hashed or checked again (debug builds check); into a
    /// graph with sources, one by one with every check.
    pub(crate) fn try_add_vouched_sources(&mut self, sources: KeyMap<Key, Source>) -> Checked<()> {
        debug_assert!(
            sources.iter().all(|(key, s)| Key::same_text(key, &s.key)
                && key.is_valid()
                && !s.title.trim().is_empty()),
            "a source vouched for has an invalid key or a blank title, or is not under its own key"
        );
        if self.sources.is_empty() {
            self.sources = sources;
            return Ok(());
        }
        for (_, source) in sources {
            self.try_add_source(source)?;
        }
        Ok(())
    }

    pub(crate) fn try_add_source(&mut self, source: Source) -> Checked<SourceId> {
        Self::check_key(&source.key, ItemKind::Source, false)?;
        // One hash: the entry both tells a duplicate and takes the source.
        let indexmap::map::Entry::Vacant(entry) = self.sources.entry(source.key.clone()) else {
            return Err(Self::duplicate(&source.key, ItemKind::Source));
        };
        nonblank(&source.title, "title", || {
            format!("source `{}`", source.key)
        })?;
        let id = SourceId(to_u32(entry.index()));
        entry.insert(source);
        Ok(id)
    }

    /// Adds an actor, with its offices and links.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidKey`], [`Error::DuplicateKey`], [`Error::EmptyField`]
    /// (blank name or alias), [`Error::UnknownKey`] for an office or link
    /// naming an actor not yet in the graph or evidence citing an unknown
    /// source, and [`Error::EndsBeforeStart`].
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind, DiplomaticGraph, Error, Link, LinkKind};
    ///
    /// let mut graph = DiplomaticGraph::new();
    /// let merz = Actor::new("merz", "Friedrich Merz", ActorKind::Person)
    ///     .link(Link::new(LinkKind::Represents, "germany"));
    /// // Germany is not in the graph yet.
    /// assert!(matches!(graph.add_actor(merz.clone()), Err(Error::UnknownKey { .. })));
    /// graph.add_actor(Actor::new("germany", "Germany", ActorKind::State))?;
    /// graph.add_actor(merz)?;
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_actor(&mut self, actor: Actor) -> Result<ActorId> {
        self.try_add_actor(actor).map_err(|i| *i.error)
    }

    pub(crate) fn try_add_actor(&mut self, mut actor: Actor) -> Checked<ActorId> {
        let (hash, taken) = hash_in(&self.actors, &actor.key);
        Self::check_key(&actor.key, ItemKind::Actor, taken)?;
        let key = actor.key.clone();
        nonblank(&actor.name, "name", || format!("actor `{key}`"))?;
        nonblank_aliases(&actor.aliases, || format!("actor `{key}`"))?;
        // Offices and links may name the actor itself, so check them as if it
        // were already added.
        for (i, office) in actor.offices.iter_mut().enumerate() {
            self.check_office(office, Some(&key))
                .map_err(|e| e.within(&format!("offices[{i}]")))?;
        }
        for (i, link) in actor.links.iter_mut().enumerate() {
            self.check_link(link, Some(&key))
                .map_err(|e| e.within(&format!("links[{i}]")))?;
        }
        let offices = std::mem::take(&mut actor.offices);
        let links = std::mem::take(&mut actor.links);
        fit(&mut actor.aliases);
        let id = ActorId(to_u32(self.actors.len()));
        let node = self.graph.add_node(Node::Actor(id));
        let aliases = actor.aliases.iter().map(String::as_str);
        self.index.actor_words.clear();
        index_names(
            &mut self.index.actor_names,
            &key,
            std::iter::once(actor.name.as_str()).chain(aliases),
            id,
        );
        insert_hashed(&mut self.actors, hash, key, ActorEntry { actor, node });
        for office in offices {
            self.attach_office(id, office);
        }
        for link in links {
            self.attach_link(id, link);
        }
        Ok(id)
    }

    /// Adds an office to an actor already in the graph.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownId`] when `actor` is not in this graph,
    /// [`Error::EmptyField`] for a blank title, [`Error::UnknownKey`] when the
    /// office's state or organisation or its evidence's source is unknown,
    /// [`Error::EndsBeforeStart`].
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind, DiplomaticGraph, Office};
    ///
    /// let mut graph = DiplomaticGraph::new();
    /// let rutte = graph.add_actor(Actor::new("rutte", "Mark Rutte", ActorKind::Person))?;
    /// graph.add_actor(Actor::new("nato", "NATO", ActorKind::Organisation))?;
    /// graph.add_office(rutte, Office::new("Secretary General of NATO").of("nato"))?;
    /// assert_eq!(graph.actor(rutte).unwrap().offices.len(), 1);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_office(&mut self, actor: ActorId, office: Office) -> Result<()> {
        self.try_add_office(actor, office).map_err(|i| *i.error)
    }

    pub(crate) fn try_add_office(&mut self, actor: ActorId, mut office: Office) -> Checked<()> {
        self.check_actor_id(actor)?;
        self.check_office(&mut office, None)?;
        self.attach_office(actor, office);
        Ok(())
    }

    /// Adds a link from an actor already in the graph.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownId`] when `actor` is not in this graph,
    /// [`Error::UnknownKey`] when the target or an evidence source is
    /// unknown, [`Error::EndsBeforeStart`].
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind, DiplomaticGraph, Link, LinkKind};
    ///
    /// let mut graph = DiplomaticGraph::new();
    /// let macron = graph.add_actor(Actor::new("macron", "Emmanuel Macron", ActorKind::Person))?;
    /// graph.add_actor(Actor::new("france", "France", ActorKind::State))?;
    /// graph.add_link(macron, Link::new(LinkKind::Represents, "france"))?;
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_link(&mut self, actor: ActorId, link: Link) -> Result<()> {
        self.try_add_link(actor, link).map_err(|i| *i.error)
    }

    pub(crate) fn try_add_link(&mut self, actor: ActorId, mut link: Link) -> Checked<()> {
        self.check_actor_id(actor)?;
        self.check_link(&mut link, None)?;
        self.attach_link(actor, link);
        Ok(())
    }

    /// Adds a stance.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidKey`], [`Error::DuplicateKey`], [`Error::EmptyField`]
    /// for a blank label or alias, [`Error::UnknownKey`] for an unknown
    /// broader stance.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{DiplomaticGraph, Stance};
    ///
    /// let mut graph = DiplomaticGraph::new();
    /// graph.add_stance(Stance::new("security-guarantees", "Security guarantees for Ukraine"))?;
    /// let us = graph.add_stance(
    ///     Stance::new("us-security-guarantees", "US participation in security guarantees")
    ///         .broader("security-guarantees"),
    /// )?;
    /// assert!(graph.broader_stance(us).is_some());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_stance(&mut self, stance: Stance) -> Result<StanceId> {
        self.try_add_stance(stance).map_err(|i| *i.error)
    }

    pub(crate) fn try_add_stance(&mut self, mut stance: Stance) -> Checked<StanceId> {
        Self::check_key(
            &stance.key,
            ItemKind::Stance,
            self.stances.contains_key(&stance.key),
        )?;
        let key = stance.key.clone();
        nonblank(&stance.label, "label", || format!("stance `{key}`"))?;
        nonblank_aliases(&stance.aliases, || format!("stance `{key}`"))?;
        let broader = match &mut stance.broader {
            None => None,
            Some(b) if *b == key => {
                return Err(Invalid::new(
                    "broader",
                    Error::BroaderCycle {
                        stance: key,
                        broader: b.clone(),
                        location: None,
                    },
                ));
            }
            Some(b) => Some(
                share(&self.stances, b)
                    .map(|i| StanceId(to_u32(i)))
                    .ok_or_else(|| unknown(ItemKind::Stance, b, "broader"))?,
            ),
        };
        let broader_key = stance.broader.take();
        fit(&mut stance.aliases);
        let id = StanceId(to_u32(self.stances.len()));
        let node = self.graph.add_node(Node::Stance(id));
        let aliases = stance.aliases.iter().map(String::as_str);
        self.index.stance_words.clear();
        index_names(
            &mut self.index.stance_names,
            &key,
            std::iter::once(stance.label.as_str()).chain(aliases),
            id,
        );
        self.stances.insert(
            key,
            StanceEntry {
                stance,
                node,
                broader: None,
            },
        );
        if let (Some(b), Some(k)) = (broader, broader_key) {
            self.attach_broader(id, b, k);
        }
        Ok(id)
    }

    /// Sets the broader stance of a stance already in the graph.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownId`] when `stance` is not in this graph,
    /// [`Error::UnknownKey`] for an unknown broader stance,
    /// [`Error::BroaderCycle`] when the stance would become broader than itself.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{DiplomaticGraph, Error, Stance};
    ///
    /// let mut graph = DiplomaticGraph::new();
    /// let narrow = graph.add_stance(Stance::new("narrow", "Narrow"))?;
    /// let broad = graph.add_stance(Stance::new("broad", "Broad"))?;
    /// graph.set_broader(narrow, "broad")?;
    /// assert!(matches!(graph.set_broader(broad, "narrow"), Err(Error::BroaderCycle { .. })));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn set_broader(&mut self, stance: StanceId, broader: impl Into<Key>) -> Result<()> {
        self.try_set_broader(stance, broader.into())
            .map_err(|i| *i.error)
    }

    pub(crate) fn try_set_broader(&mut self, stance: StanceId, mut broader: Key) -> Checked<()> {
        if self.stance(stance).is_none() {
            return Err(Invalid::new(
                "",
                Error::UnknownId {
                    kind: ItemKind::Stance,
                    index: stance.index(),
                },
            ));
        }
        let target = share(&self.stances, &mut broader)
            .map(|i| StanceId(to_u32(i)))
            .ok_or_else(|| unknown(ItemKind::Stance, &broader, "broader"))?;
        // Walk up from the new broader stance; meeting `stance` means a cycle.
        let mut walk = Some(target);
        while let Some(current) = walk {
            if current == stance {
                let key = self
                    .stance_key(stance)
                    .cloned()
                    .unwrap_or_else(|| broader.clone());
                return Err(Invalid::new(
                    "broader",
                    Error::BroaderCycle {
                        stance: key,
                        broader,
                        location: None,
                    },
                ));
            }
            walk = self.broader_stance(current);
        }
        if let Some(entry) = self.stances.get_index_mut(stance.index()) {
            if let Some(old) = entry.1.broader.take() {
                let (from, to) = (entry.1.node, self.stance_node(old));
                if let Some(edge) = to.and_then(|to| self.graph.find_edge(from, to)) {
                    self.graph.remove_edge(edge);
                }
            }
        }
        self.attach_broader(stance, target, broader);
        Ok(())
    }

    /// Adds a meeting.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidKey`], [`Error::DuplicateKey`], [`Error::EmptyField`]
    /// for a blank title, [`Error::UnknownKey`] for an unknown participant or
    /// evidence source, [`Error::DuplicateParticipant`], and
    /// [`Error::EndsBeforeStart`] when `end` comes before `date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind, DiplomaticGraph, Meeting, MeetingKind, Participant};
    ///
    /// let mut graph = DiplomaticGraph::new();
    /// graph.add_actor(Actor::new("trump", "Donald Trump", ActorKind::Person))?;
    /// graph.add_actor(Actor::new("putin", "Vladimir Putin", ActorKind::Person))?;
    /// let call = graph.add_meeting(
    ///     Meeting::new("call", "Trump–Putin call", MeetingKind::Call)
    ///         .participant(Participant::new("trump"))
    ///         .participant(Participant::new("putin")),
    /// )?;
    /// assert_eq!(graph.participants(call).count(), 2);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_meeting(&mut self, meeting: Meeting) -> Result<MeetingId> {
        self.try_add_meeting(meeting, Checks::Full)
            .map_err(|i| *i.error)
    }

    pub(crate) fn try_add_meeting(
        &mut self,
        mut meeting: Meeting,
        checks: Checks,
    ) -> Checked<MeetingId> {
        let (hash, taken) = hash_in(&self.meetings, &meeting.key);
        Self::check_key(&meeting.key, ItemKind::Meeting, taken)?;
        let key = meeting.key.clone();
        nonblank(&meeting.title, "title", || format!("meeting `{key}`"))?;
        if let (Some(date), Some(end)) = (meeting.date, meeting.end) {
            if !Validity::between(date, end).is_consistent() {
                return Err(Invalid::new(
                    "end",
                    Error::EndsBeforeStart {
                        item: format!("meeting `{key}`"),
                        from: date,
                        until: end,
                        location: None,
                    },
                ));
            }
        }
        let mut participants = Vec::with_capacity(meeting.participants.len());
        for (i, p) in meeting.participants.iter_mut().enumerate() {
            let field = || format!("participants[{i}].actor");
            let actor = share(&self.actors, &mut p.actor)
                .map(|i| ActorId(to_u32(i)))
                .ok_or_else(|| unknown(ItemKind::Actor, &p.actor, field()))?;
            if participants.contains(&actor) {
                return Err(Invalid::new(
                    field(),
                    Error::DuplicateParticipant {
                        meeting: key,
                        actor: p.actor.clone(),
                        location: None,
                    },
                ));
            }
            participants.push(actor);
        }
        self.check_evidence(&mut meeting.evidence, checks)?;

        fit(&mut meeting.participants);
        fit(&mut meeting.evidence);
        let id = MeetingId(to_u32(self.meetings.len()));
        self.index.participations += participants.len();
        self.index.meeting_names.clear();
        self.index.meeting_words.clear();
        let status = meeting.status;
        // Index in date order. In a bulk load the lists are sorted once at
        // the end instead.
        let index = &mut self.index;
        index.meeting_dates.push(meeting_key(meeting.date));
        let dates = &index.meeting_dates;
        let by_date = |a: &MeetingId, b: &MeetingId| meeting_order(dates, *a, *b);
        let bulk = index.bulk.is_some();
        let add = |list: &mut Vec<MeetingId>| match bulk {
            true => list.push(id),
            false => insert_sorted(list, id, by_date),
        };
        add(&mut index.meetings_by_date);
        if let Some(list) = index.meetings_by_status.get_mut(status.index()) {
            add(list);
        }
        for actor in &participants {
            let i = actor.index();
            if index.meetings_by_actor.len() <= i {
                index.meetings_by_actor.resize_with(i + 1, Vec::new);
            }
            if let Some(list) = index.meetings_by_actor.get_mut(i) {
                add(list);
            }
        }
        let entry = MeetingEntry {
            meeting,
            participants: participants.into_boxed_slice(),
        };
        insert_hashed(&mut self.meetings, hash, key, entry);
        Ok(id)
    }

    /// Starts adding many items: the date-ordered meeting indexes and the
    /// position timelines are appended to and sorted once by
    /// [`end_bulk`](Self::end_bulk), instead of being kept sorted item by
    /// item (quadratic for items out of date order). The public form is
    /// [`batch`](Self::batch); a second call before `end_bulk` changes
    /// nothing.
    pub(crate) fn begin_bulk(&mut self) {
        if self.index.bulk.is_none() {
            self.index.bulk = Some(BulkStart {
                meetings: to_u32(self.meetings.len()),
                positions: to_u32(self.positions.len()),
            });
        }
    }

    /// Sorts the date-ordered meeting indexes and the timelines, ending a
    /// bulk load; does nothing outside one. Only lists that items were
    /// appended to are sorted. The sorts are stable, so items with equal
    /// dates keep their insertion order, as `insert_sorted` would have left
    /// them.
    pub(crate) fn end_bulk(&mut self) {
        let Some(start) = self.index.bulk.take() else {
            return;
        };
        let positions = &self.positions;
        for timeline in self
            .index
            .timelines
            .iter_mut()
            .flat_map(|stances| stances.iter_mut().map(|(_, timeline)| timeline))
        {
            if timeline.last().is_some_and(|p| p.0 >= start.positions) {
                timeline.sort_by_key(|p| start_key(positions, *p));
            }
        }
        let added = self.meetings.len().saturating_sub(start.meetings as usize);
        if added == 0 {
            return;
        }
        let index = &mut self.index;
        let dates = &index.meeting_dates;
        let by_date = |a: &MeetingId, b: &MeetingId| meeting_order(dates, *a, *b);
        // Sorted as (date, id) pairs, which `meeting_order` compares, so
        // no comparison looks a date up. A sorted prefix and an appended
        // tail: the stable sort finds the prefix as one run and merges.
        let mut keyed: Vec<(u64, MeetingId)> = index
            .meetings_by_date
            .iter()
            .map(|&id| (date_of(dates, id), id))
            .collect();
        keyed.sort();
        for (slot, (_, id)) in index.meetings_by_date.iter_mut().zip(keyed) {
            *slot = id;
        }
        if added * 2 >= self.meetings.len() {
            // Mostly new meetings: deal the date-ordered list out to the
            // status and actor lists, which leaves each in date order, with
            // no comparisons.
            let lists = index.meetings_by_status.iter_mut();
            lists
                .chain(index.meetings_by_actor.iter_mut())
                .for_each(Vec::clear);
            for &id in &index.meetings_by_date {
                let Some((_, entry)) = self.meetings.get_index(id.index()) else {
                    continue;
                };
                let status = entry.meeting.status.index();
                if let Some(list) = index.meetings_by_status.get_mut(status) {
                    list.push(id);
                }
                for actor in &entry.participants {
                    push_at(&mut index.meetings_by_actor, actor.index(), id);
                }
            }
        } else {
            let lists = index.meetings_by_status.iter_mut();
            for list in lists.chain(index.meetings_by_actor.iter_mut()) {
                if list.last().is_some_and(|m| m.0 >= start.meetings) {
                    list.sort_by(by_date);
                }
            }
        }
    }

    /// Frees the spare capacity the graph's lists and maps keep for items
    /// yet to come, as [`Vec::shrink_to_fit`] does; adding more items later
    /// works as before, growing them again. Worth calling once a large
    /// graph is complete (the JSON loader does); not after every batch,
    /// since growing back costs a copy.
    ///
    /// Cost: linear in the graph.
    ///
    /// ```
    /// let mut graph = diplograph::datasets::washington_2025();
    /// let before = graph.counts();
    /// graph.shrink_to_fit();
    /// assert_eq!(graph.counts(), before);
    /// ```
    pub fn shrink_to_fit(&mut self) {
        self.graph.shrink_to_fit();
        self.sources.shrink_to_fit();
        self.actors.shrink_to_fit();
        self.meetings.shrink_to_fit();
        self.stances.shrink_to_fit();
        self.positions.shrink_to_fit();
        self.acts.shrink_to_fit();
        let index = &mut self.index;
        let lists = index
            .meetings_by_actor
            .iter_mut()
            .chain(index.meetings_by_status.iter_mut())
            .chain(std::iter::once(&mut index.meetings_by_date));
        lists.for_each(Vec::shrink_to_fit);
        let lists = index
            .acts_by_actor
            .iter_mut()
            .chain(index.acts_by_target.iter_mut())
            .chain(
                index
                    .acts_by_kind_target
                    .iter_mut()
                    .flat_map(|kinds| kinds.iter_mut().map(|(_, acts)| acts)),
            )
            .chain(index.acts_by_kind.iter_mut());
        lists.for_each(Vec::shrink_to_fit);
        index
            .positions_by_stance
            .iter_mut()
            .for_each(Vec::shrink_to_fit);
        index.timelines_mut().for_each(Vec::shrink_to_fit);
        index.timelines.iter_mut().for_each(Vec::shrink_to_fit);
        index
            .stances_by_actor
            .iter_mut()
            .for_each(Vec::shrink_to_fit);
        index.meeting_dates.shrink_to_fit();
        index.position_known.shrink_to_fit();
        index.position_spans.shrink_to_fit();
        index.meetings_by_actor.shrink_to_fit();
        index.acts_by_actor.shrink_to_fit();
        index.acts_by_target.shrink_to_fit();
        index.positions_by_stance.shrink_to_fit();
        index.stances_by_actor.shrink_to_fit();
        index.timelines.shrink_to_fit();
        index.positions_by_quote.shrink_to_fit();
        index
            .acts_by_kind_target
            .iter_mut()
            .for_each(Vec::shrink_to_fit);
        index.acts_by_kind_target.shrink_to_fit();
        index.acts_by_kind.shrink_to_fit();
        index.actor_names.shrink_to_fit();
        index.stance_names.shrink_to_fit();
        if let Some(names) = index.meeting_names.get_mut() {
            names.shrink_to_fit();
        }
    }

    /// Starts a [`Batch`]: a way to add many items that sorts the
    /// date-ordered indexes once, when the batch ends, instead of keeping
    /// them sorted item by item.
    ///
    /// Adding items one by one keeps every index ready for queries, which
    /// for meetings and positions arriving out of date order costs a
    /// shifting insertion each (quadratic in the worst case). A batch
    /// appends instead and sorts on [`Batch::finish`] or when dropped, so
    /// an early return (`?`) still leaves a consistent graph. While it
    /// lives it borrows the graph mutably, so no query can see the
    /// unsorted indexes. Items are checked exactly as by the `add_*`
    /// methods and get the same ids.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind, DiplomaticGraph, Meeting, MeetingKind, MeetingQuery, Participant};
    ///
    /// let mut graph = DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// batch.add_actor(Actor::new("a", "A", ActorKind::State))?;
    /// batch.add_actor(Actor::new("b", "B", ActorKind::State))?;
    /// for (key, date) in [("late", "2025-09-01"), ("early", "2025-01-01")] {
    ///     batch.add_meeting(
    ///         Meeting::new(key, "Talks", MeetingKind::Bilateral)
    ///             .date(date.parse()?)
    ///             .participant(Participant::new("a"))
    ///             .participant(Participant::new("b")),
    ///     )?;
    /// }
    /// batch.finish();
    ///
    /// // Date order, though added out of it.
    /// let keys: Vec<&str> = graph
    ///     .meetings(MeetingQuery::all())
    ///     .map(|m| m.meeting.key.as_str())
    ///     .collect();
    /// assert_eq!(keys, ["early", "late"]);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn batch(&mut self) -> Batch<'_> {
        self.begin_bulk();
        Batch { graph: self }
    }

    /// Adds an actor's position on a stance.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownKey`] for an unknown actor, stance, meeting or evidence
    /// source; [`Error::EndsBeforeStart`] when `until` comes before `from`;
    /// [`Error::ContradictoryPosition`] when an earlier position of the actor
    /// on the stance, valid on a common day, takes another polarity on the
    /// same quote of the same source.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind, DiplomaticGraph, Polarity, Position, Stance};
    ///
    /// let mut graph = DiplomaticGraph::new();
    /// graph.add_actor(Actor::new("macron", "Emmanuel Macron", ActorKind::Person))?;
    /// graph.add_stance(Stance::new("ceasefire-first", "A ceasefire before further negotiations"))?;
    /// let id = graph.add_position(Position::new("macron", "ceasefire-first", Polarity::Supports))?;
    /// assert_eq!(graph.position(id).unwrap().polarity, Polarity::Supports);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_position(&mut self, position: Position) -> Result<PositionId> {
        self.try_add_position(position).map_err(|i| *i.error)
    }

    pub(crate) fn try_add_position(&mut self, mut position: Position) -> Checked<PositionId> {
        let actor = share(&self.actors, &mut position.actor)
            .map(|i| ActorId(to_u32(i)))
            .ok_or_else(|| unknown(ItemKind::Actor, &position.actor, "actor"))?;
        let stance = share(&self.stances, &mut position.stance)
            .map(|i| StanceId(to_u32(i)))
            .ok_or_else(|| unknown(ItemKind::Stance, &position.stance, "stance"))?;
        let meeting = self.check_meeting_ref(position.meeting.as_mut())?;
        consistent(position.validity(), || {
            format!("position of `{}` on `{}`", position.actor, position.stance)
        })?;
        let known = self.check_evidence(&mut position.evidence, Checks::Full)?;
        self.check_contradiction(actor, stance, &position)?;

        fit(&mut position.evidence);
        let id = PositionId(to_u32(self.positions.len()));
        let span = crate::query::PositionSpan::of(&position);
        self.positions.push(PositionEntry {
            position,
            actor,
            stance,
            meeting,
        });
        self.index.position_known.push(known);
        self.index.position_spans.push(span);
        push_at(
            &mut self.index.positions_by_stance,
            stance.index(),
            (id, span),
        );
        let positions = &self.positions;
        let index = &mut self.index;
        let bulk = index.bulk.is_some();
        if index.timelines.len() <= actor.index() {
            index.timelines.resize_with(actor.index() + 1, Vec::new);
        }
        let Some(stances) = index.timelines.get_mut(actor.index()) else {
            return Ok(id);
        };
        let at = match stances.binary_search_by_key(&stance, |(s, _)| *s) {
            Ok(at) => at,
            Err(at) => {
                // The actor's first position on the stance.
                push_at(&mut index.stances_by_actor, actor.index(), stance);
                room_for_one(stances);
                stances.insert(at, (stance, Vec::new()));
                at
            }
        };
        let Some((_, timeline)) = stances.get_mut(at) else {
            return Ok(id);
        };
        if bulk {
            timeline.push(id);
        } else {
            insert_sorted(timeline, id, |a, b| by_start(positions, a, b));
        }
        // Quotes are indexed only for long timelines; the contradiction
        // check scans a short one. The position that makes a timeline long
        // brings the others in.
        let indexed: &[PositionId] = match timeline.len() {
            n if n == SHORT_TIMELINE + 1 => timeline,
            n if n > SHORT_TIMELINE => std::slice::from_ref(&id),
            _ => &[],
        };
        for &p in indexed {
            let evidence = positions
                .get(p.index())
                .map_or(&[][..], |e| &e.position.evidence);
            for cited in evidence {
                let Some(quote) = &cited.quote else { continue };
                let hash = quote_hash(&index.quote_keys, actor, stance, &cited.source, quote);
                index
                    .positions_by_quote
                    .entry(hash)
                    .and_modify(|ids| ids.push_new(p))
                    .or_insert(Ids::One(p));
            }
        }
        Ok(id)
    }

    /// Adds an act of one actor towards another.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownKey`] for an unknown actor, target, meeting, stance or
    /// evidence source.
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Act, ActKind, Actor, ActorKind, DiplomaticGraph};
    ///
    /// let mut graph = DiplomaticGraph::new();
    /// graph.add_actor(Actor::new("zelenskyy", "Volodymyr Zelenskyy", ActorKind::Person))?;
    /// graph.add_actor(Actor::new("trump", "Donald Trump", ActorKind::Person))?;
    /// let id = graph.add_act(Act::new("zelenskyy", ActKind::Thanked, "trump"))?;
    /// assert_eq!(graph.act(id).unwrap().kind, ActKind::Thanked);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_act(&mut self, act: Act) -> Result<ActId> {
        self.try_add_act(act, Checks::Full).map_err(|i| *i.error)
    }

    pub(crate) fn try_add_act(&mut self, mut act: Act, checks: Checks) -> Checked<ActId> {
        let actor = share(&self.actors, &mut act.actor)
            .map(|i| ActorId(to_u32(i)))
            .ok_or_else(|| unknown(ItemKind::Actor, &act.actor, "actor"))?;
        let target = share(&self.actors, &mut act.target)
            .map(|i| ActorId(to_u32(i)))
            .ok_or_else(|| unknown(ItemKind::Actor, &act.target, "target"))?;
        let meeting = self.check_meeting_ref(act.meeting.as_mut())?;
        let stance = match &mut act.stance {
            None => None,
            Some(k) => Some(
                share(&self.stances, k)
                    .map(|i| StanceId(to_u32(i)))
                    .ok_or_else(|| unknown(ItemKind::Stance, k, "stance"))?,
            ),
        };
        self.check_evidence(&mut act.evidence, checks)?;

        fit(&mut act.evidence);
        let id = ActId(to_u32(self.acts.len()));
        let kind = act.kind;
        self.acts.push(ActEntry {
            act,
            actor,
            target,
            meeting,
            stance,
        });
        push_at(&mut self.index.acts_by_actor, actor.index(), id);
        push_at(&mut self.index.acts_by_target, target.index(), id);
        let by_kind = &mut self.index.acts_by_kind_target;
        if by_kind.len() <= target.index() {
            by_kind.resize_with(target.index() + 1, Vec::new);
        }
        if let Some(kinds) = by_kind.get_mut(target.index()) {
            match kinds.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, acts)) => acts.push(id),
                None => {
                    room_for_one(kinds);
                    kinds.push((kind, vec![id]));
                }
            }
        }
        push_at(&mut self.index.acts_by_kind, kind.index(), id);
        Ok(id)
    }

    // ----- checks shared by the add methods -----------------------------

    fn check_key(key: &Key, kind: ItemKind, taken: bool) -> Checked<()> {
        if !key.is_valid() {
            return Err(Invalid::new(
                "key",
                Error::InvalidKey {
                    kind,
                    key: key.clone(),
                    location: None,
                },
            ));
        }
        if taken {
            return Err(Self::duplicate(key, kind));
        }
        Ok(())
    }

    fn duplicate(key: &Key, kind: ItemKind) -> Invalid {
        Invalid::new(
            "key",
            Error::DuplicateKey {
                kind,
                key: key.clone(),
                location: None,
            },
        )
    }

    fn check_actor_id(&self, actor: ActorId) -> Checked<()> {
        match self.actor(actor) {
            Some(_) => Ok(()),
            None => Err(Invalid::new(
                "",
                Error::UnknownId {
                    kind: ItemKind::Actor,
                    index: actor.index(),
                },
            )),
        }
    }

    /// Checks evidence, and has each piece share its source's key.
    /// Also returns the day the evidence was first known: the least
    /// [`known_key`](crate::query::known_key) of its sources' publication
    /// dates (`u32::MAX` when none is dated).
    ///
    /// With [`Checks::Vouched`] nothing is looked up or checked (debug
    /// builds check all the same) and the day returned is `u32::MAX`: only
    /// for items that do not keep it.
    fn check_evidence(&self, evidence: &mut [Evidence], checks: Checks) -> Checked<u32> {
        if checks == Checks::Vouched {
            debug_assert!(
                evidence.iter().all(|e| {
                    self.sources
                        .get(e.source.as_str())
                        .is_some_and(|s| Key::same_text(&s.key, &e.source))
                        && e.quote.as_ref().is_none_or(|q| !q.trim().is_empty())
                }),
                "evidence vouched for cites a source not the graph's own, or quotes nothing"
            );
            return Ok(u32::MAX);
        }
        let mut known = u32::MAX;
        for (i, e) in evidence.iter_mut().enumerate() {
            let Some(index) = share(&self.sources, &mut e.source) else {
                return Err(unknown(
                    ItemKind::Source,
                    &e.source,
                    format!("evidence[{i}].source"),
                ));
            };
            if let Some(published) = self.sources.get_index(index).and_then(|(_, s)| s.published) {
                known = known.min(crate::query::known_key(published));
            }
            if let Some(quote) = &e.quote {
                nonblank(quote, "quote", || format!("evidence citing `{}`", e.source))
                    .map_err(|err| err.within(&format!("evidence[{i}]")))?;
            }
        }
        Ok(known)
    }

    /// Fails when `position` contradicts an earlier position of the same
    /// actor on the same stance (see [`Error::ContradictoryPosition`]).
    /// Linear in the earlier positions of the actor on the stance that quote
    /// the same words of the same source: the whole timeline when it is
    /// short (at most `SHORT_TIMELINE` positions), else those
    /// `positions_by_quote` lists. The earliest added contradicting
    /// position is the one reported.
    fn check_contradiction(
        &self,
        actor: ActorId,
        stance: StanceId,
        position: &Position,
    ) -> Checked<()> {
        let validity = position.validity();
        let timeline = self.index.timeline(actor, stance);
        let indexed = timeline.len() > SHORT_TIMELINE;
        for cited in &position.evidence {
            let Some(quote) = &cited.quote else { continue };
            let candidates = if indexed {
                let keys = &self.index.quote_keys;
                let hash = quote_hash(keys, actor, stance, &cited.source, quote);
                match self.index.positions_by_quote.get(&hash) {
                    Some(ids) => ids.as_slice(),
                    None => continue,
                }
            } else {
                timeline
            };
            let mut found: Option<(PositionId, &Position)> = None;
            for &id in candidates {
                if found.is_some_and(|(first, _)| first < id) {
                    continue;
                }
                let Some(earlier) = self.positions.get(id.index()).map(|e| &e.position) else {
                    continue;
                };
                let same_words = || {
                    earlier
                        .evidence
                        .iter()
                        .any(|o| o.source == cited.source && o.quote.as_ref() == Some(quote))
                };
                if earlier.polarity != position.polarity
                    && same_words()
                    && earlier.validity().surely_overlaps(&validity)
                {
                    found = Some((id, earlier));
                }
            }
            if let Some((_, earlier)) = found {
                return Err(Invalid::new(
                    "polarity",
                    Error::ContradictoryPosition {
                        item: format!("position of `{}` on `{}`", position.actor, position.stance),
                        polarity: position.polarity,
                        earlier: earlier.polarity,
                        cited: cited.source.clone(),
                        location: None,
                    },
                ));
            }
        }
        Ok(())
    }

    fn check_meeting_ref(&self, meeting: Option<&mut Key>) -> Checked<Option<MeetingId>> {
        match meeting {
            None => Ok(None),
            Some(k) => share(&self.meetings, k)
                .map(|i| Some(MeetingId(to_u32(i))))
                .ok_or_else(|| unknown(ItemKind::Meeting, k, "meeting")),
        }
    }

    /// `this` is the key of an actor being added, which offices and links may
    /// name before it is in the graph.
    fn check_office(&self, office: &mut Office, this: Option<&Key>) -> Checked<()> {
        nonblank(&office.title, "title", || "office".to_owned())?;
        if let Some(of) = &mut office.of {
            if !self.share_actor_or(of, this) {
                return Err(unknown(ItemKind::Actor, of, "of"));
            }
        }
        consistent(office.validity(), || format!("office `{}`", office.title))?;
        self.check_evidence(&mut office.evidence, Checks::Full)
            .map(drop)
    }

    fn check_link(&self, link: &mut Link, this: Option<&Key>) -> Checked<()> {
        if !self.share_actor_or(&mut link.target, this) {
            return Err(unknown(ItemKind::Actor, &link.target, "target"));
        }
        consistent(link.validity(), || {
            format!("link `{}` to `{}`", link.kind.as_str(), link.target)
        })?;
        self.check_evidence(&mut link.evidence, Checks::Full)
            .map(drop)
    }

    /// Whether `key` names an actor in the graph or is `this`, the key of
    /// the actor being added; `key` then shares that actor's key.
    fn share_actor_or(&self, key: &mut Key, this: Option<&Key>) -> bool {
        match this {
            Some(this) if this == key => {
                *key = this.clone();
                true
            }
            _ => share(&self.actors, key).is_some(),
        }
    }

    fn attach_office(&mut self, actor: ActorId, mut office: Office) {
        fit(&mut office.evidence);
        let target = office.of.as_ref().and_then(|k| self.actor_id(k.as_str()));
        let Some(entry) = self.actors.get_index_mut(actor.index()).map(|e| e.1) else {
            return;
        };
        let index = to_u32(entry.actor.offices.len());
        let from = entry.node;
        entry.actor.offices.push(office);
        if let Some(to) = target.and_then(|t| self.actor_node(t)) {
            self.graph.add_edge(from, to, Edge::Office(index));
        }
    }

    fn attach_link(&mut self, actor: ActorId, mut link: Link) {
        fit(&mut link.evidence);
        let target = self.actor_id(link.target.as_str());
        let Some(entry) = self.actors.get_index_mut(actor.index()).map(|e| e.1) else {
            return;
        };
        let index = to_u32(entry.actor.links.len());
        let from = entry.node;
        entry.actor.links.push(link);
        if let Some(to) = target.and_then(|t| self.actor_node(t)) {
            self.graph.add_edge(from, to, Edge::Link(index));
        }
    }

    fn attach_broader(&mut self, stance: StanceId, broader: StanceId, key: Key) {
        let to = self.stance_node(broader);
        if let Some((_, entry)) = self.stances.get_index_mut(stance.index()) {
            entry.broader = Some(broader);
            entry.stance.broader = Some(key);
            if let Some(to) = to {
                self.graph.add_edge(entry.node, to, Edge::Broader);
            }
        }
    }

    // ----- reading items ------------------------------------------------

    /// The actor with this id.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let trump = graph.actor_id("trump").unwrap();
    /// assert_eq!(graph.actor(trump).unwrap().name, "Donald Trump");
    /// ```
    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.actors.get_index(id.index()).map(|(_, e)| &e.actor)
    }

    /// The meeting with this id.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let alaska = graph.meeting_id("alaska-summit-2025-08-15").unwrap();
    /// assert_eq!(graph.meeting(alaska).unwrap().place.as_deref(), Some("Anchorage, Alaska"));
    /// ```
    pub fn meeting(&self, id: MeetingId) -> Option<&Meeting> {
        self.meetings.get_index(id.index()).map(|(_, e)| &e.meeting)
    }

    /// The stance with this id.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let id = graph.stance_id("ceasefire-first").unwrap();
    /// assert_eq!(graph.stance(id).unwrap().label, "A ceasefire before further negotiations");
    /// ```
    pub fn stance(&self, id: StanceId) -> Option<&Stance> {
        self.stances.get_index(id.index()).map(|(_, e)| &e.stance)
    }

    /// The position with this id.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let (id, _) = graph.all_positions().next().unwrap();
    /// assert!(graph.position(id).is_some());
    /// ```
    pub fn position(&self, id: PositionId) -> Option<&Position> {
        self.positions.get(id.index()).map(|e| &e.position)
    }

    /// The act with this id.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let (id, _) = graph.all_acts().next().unwrap();
    /// assert!(graph.act(id).is_some());
    /// ```
    pub fn act(&self, id: ActId) -> Option<&Act> {
        self.acts.get(id.index()).map(|e| &e.act)
    }

    /// The source with this id.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let (id, _) = graph.sources().next().unwrap();
    /// assert!(graph.source(id).is_some());
    /// ```
    pub fn source(&self, id: SourceId) -> Option<&Source> {
        self.sources.get_index(id.index()).map(|(_, s)| s)
    }

    /// The source with this key.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert!(graph.source_by_key("washington-2025-report").is_some());
    /// ```
    pub fn source_by_key(&self, key: &str) -> Option<&Source> {
        self.sources.get(key)
    }

    /// The id of the actor with exactly this key.
    ///
    /// For names, aliases and any case, use [`find_actor`](Self::find_actor).
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert!(graph.actor_id("zelenskyy").is_some());
    /// assert!(graph.actor_id("Zelenskyy").is_none());
    /// ```
    pub fn actor_id(&self, key: &str) -> Option<ActorId> {
        self.actors.get_index_of(key).map(|i| ActorId(to_u32(i)))
    }

    /// The id of the meeting with exactly this key.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert!(graph.meeting_id("washington-2025-08-18").is_some());
    /// ```
    pub fn meeting_id(&self, key: &str) -> Option<MeetingId> {
        self.meetings
            .get_index_of(key)
            .map(|i| MeetingId(to_u32(i)))
    }

    /// The meetings' normalised titles (and keys with capitals), built on
    /// the first call after a meeting was added: linear in the meetings.
    pub(crate) fn meeting_names(&self) -> &Names<MeetingId> {
        self.index.meeting_names.get_or_init(|| {
            let mut names = Names::default();
            for (i, (key, entry)) in self.meetings.iter().enumerate() {
                let title = std::iter::once(entry.meeting.title.as_str());
                index_names(&mut names, key, title, MeetingId(to_u32(i)));
            }
            names
        })
    }

    /// The id of the stance with exactly this key.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert!(graph.stance_id("territorial-concessions").is_some());
    /// ```
    pub fn stance_id(&self, key: &str) -> Option<StanceId> {
        self.stances.get_index_of(key).map(|i| StanceId(to_u32(i)))
    }

    /// The key of an actor.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let id = graph.actor_id("rutte").unwrap();
    /// assert_eq!(graph.actor_key(id).map(|k| k.as_str()), Some("rutte"));
    /// ```
    pub fn actor_key(&self, id: ActorId) -> Option<&Key> {
        self.actors.get_index(id.index()).map(|(k, _)| k)
    }

    /// The key of a stance.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let id = graph.stance_id("ceasefire-first").unwrap();
    /// assert_eq!(graph.stance_key(id).map(|k| k.as_str()), Some("ceasefire-first"));
    /// ```
    pub fn stance_key(&self, id: StanceId) -> Option<&Key> {
        self.stances.get_index(id.index()).map(|(k, _)| k)
    }

    /// The key of a meeting.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let id = graph.meeting_id("alaska-summit-2025-08-15").unwrap();
    /// assert!(graph.meeting_key(id).is_some());
    /// ```
    pub fn meeting_key(&self, id: MeetingId) -> Option<&Key> {
        self.meetings.get_index(id.index()).map(|(k, _)| k)
    }

    /// The broader stance of a stance, if it has one.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let us = graph.stance_id("us-security-guarantees").unwrap();
    /// let broader = graph.broader_stance(us).unwrap();
    /// assert_eq!(graph.stance(broader).unwrap().key.as_str(), "security-guarantees");
    /// ```
    pub fn broader_stance(&self, id: StanceId) -> Option<StanceId> {
        self.stances
            .get_index(id.index())
            .and_then(|(_, e)| e.broader)
    }

    /// Every source, in insertion order.
    ///
    /// ```
    /// assert_eq!(diplograph::datasets::washington_2025().sources().count(), 1);
    /// ```
    pub fn sources(&self) -> impl ExactSizeIterator<Item = (SourceId, &Source)> + '_ {
        self.sources
            .values()
            .enumerate()
            .map(|(i, s)| (SourceId(to_u32(i)), s))
    }

    /// Every actor, in insertion order.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert!(graph.actors().any(|(_, a)| a.name == "Mark Rutte"));
    /// ```
    pub fn actors(&self) -> impl ExactSizeIterator<Item = (ActorId, &Actor)> + '_ {
        self.actors
            .values()
            .enumerate()
            .map(|(i, e)| (ActorId(to_u32(i)), &e.actor))
    }

    /// Every meeting, in insertion order. For date order, use
    /// [`meetings`](Self::meetings).
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert_eq!(graph.all_meetings().count(), 5);
    /// ```
    pub fn all_meetings(&self) -> impl ExactSizeIterator<Item = (MeetingId, &Meeting)> + '_ {
        self.meetings
            .values()
            .enumerate()
            .map(|(i, e)| (MeetingId(to_u32(i)), &e.meeting))
    }

    /// Every stance, in insertion order.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert!(graph.stances().any(|(_, s)| s.key == "ceasefire-first"));
    /// ```
    pub fn stances(&self) -> impl ExactSizeIterator<Item = (StanceId, &Stance)> + '_ {
        self.stances
            .values()
            .enumerate()
            .map(|(i, e)| (StanceId(to_u32(i)), &e.stance))
    }

    /// Every position, in insertion order.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert!(graph.all_positions().count() >= 9);
    /// ```
    pub fn all_positions(&self) -> impl ExactSizeIterator<Item = (PositionId, &Position)> + '_ {
        self.positions
            .iter()
            .enumerate()
            .map(|(i, e)| (PositionId(to_u32(i)), &e.position))
    }

    /// Every act, in insertion order.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// assert!(graph.all_acts().count() >= 5);
    /// ```
    pub fn all_acts(&self) -> impl ExactSizeIterator<Item = (ActId, &Act)> + '_ {
        self.acts
            .iter()
            .enumerate()
            .map(|(i, e)| (ActId(to_u32(i)), &e.act))
    }

    pub(crate) fn actor_node(&self, id: ActorId) -> Option<NodeIndex> {
        self.actors.get_index(id.index()).map(|(_, e)| e.node)
    }

    pub(crate) fn stance_node(&self, id: StanceId) -> Option<NodeIndex> {
        self.stances.get_index(id.index()).map(|(_, e)| e.node)
    }

    /// The participants of a meeting, in the meeting's order.
    pub(crate) fn participant_ids(&self, meeting: MeetingId) -> impl Iterator<Item = ActorId> + '_ {
        self.meetings
            .get_index(meeting.index())
            .into_iter()
            .flat_map(|(_, e)| e.participants.iter().copied())
    }

    /// Every edge at `node`, either way, as (source, edge, target): those
    /// stored in petgraph (links, offices, broader stances), then the
    /// participations, positions and acts, derived from the items and the
    /// indexes that list them by actor and stance.
    fn edges_at(&self, node: Node) -> Vec<(Node, Edge, Node)> {
        let mut edges = Vec::new();
        let stored = match node {
            Node::Actor(a) => self.actor_node(a),
            Node::Stance(s) => self.stance_node(s),
            Node::Meeting(_) => None,
        };
        if let Some(ix) = stored {
            let outgoing = self.graph.edges_directed(ix, Direction::Outgoing);
            let incoming = self.graph.edges_directed(ix, Direction::Incoming);
            for edge in outgoing.chain(incoming) {
                let ends = (
                    self.graph.node_weight(edge.source()),
                    self.graph.node_weight(edge.target()),
                );
                if let (Some(&from), Some(&to)) = ends {
                    edges.push((from, *edge.weight(), to));
                }
            }
        }
        let participation = |m: MeetingId, i: usize, a: ActorId| {
            (
                Node::Actor(a),
                Edge::Participation(to_u32(i)),
                Node::Meeting(m),
            )
        };
        let index = &self.index;
        let position = |p: PositionId| {
            let e = self.positions.get(p.index())?;
            Some((
                Node::Actor(e.actor),
                Edge::Position(p),
                Node::Stance(e.stance),
            ))
        };
        let act = |id: ActId| {
            let e = self.acts.get(id.index())?;
            Some((Node::Actor(e.actor), Edge::Act(id), Node::Actor(e.target)))
        };
        match node {
            Node::Actor(a) => {
                let stances = index.stances_by_actor.get(a.index());
                for &s in stances.into_iter().flatten() {
                    let timeline = index.timeline(a, s);
                    edges.extend(timeline.iter().filter_map(|p| position(*p)));
                }
                let acts = [&index.acts_by_actor, &index.acts_by_target]
                    .map(|lists| lists.get(a.index()).into_iter().flatten());
                for list in acts {
                    edges.extend(list.filter_map(|id| act(*id)));
                }
                let meetings = self.index.meetings_by_actor.get(a.index());
                for &m in meetings.into_iter().flatten() {
                    let i = self
                        .meetings
                        .get_index(m.index())
                        .and_then(|(_, e)| e.participants.iter().position(|p| *p == a));
                    if let Some(i) = i {
                        edges.push(participation(m, i, a));
                    }
                }
            }
            Node::Meeting(m) => {
                let entry = self.meetings.get_index(m.index()).map(|(_, e)| e);
                for (i, &a) in entry
                    .into_iter()
                    .flat_map(|e| e.participants.iter().enumerate())
                {
                    edges.push(participation(m, i, a));
                }
            }
            Node::Stance(s) => {
                let positions = index.positions_by_stance.get(s.index());
                edges.extend(
                    positions
                        .into_iter()
                        .flatten()
                        .filter_map(|(p, _)| position(*p)),
                );
            }
        }
        edges
    }
}

/// Many items added at once; see [`DiplomaticGraph::batch`].
///
/// It has the graph's `add_*` methods, with the same checks, errors and
/// ids, and a few lookups that do not depend on date order. The
/// date-ordered meeting lists and position timelines are sorted once, by
/// [`finish`](Self::finish) or when the batch is dropped, whichever comes
/// first; an item that fails its checks leaves the graph as it was, as
/// with the graph's own methods. (A batch leaked with `std::mem::forget`
/// leaves those lists unsorted until the next batch on the graph ends.)
///
/// # Examples
///
/// An importer that stops at the first bad record still leaves a graph
/// ready for queries:
///
/// ```
/// use diplograph::{Act, ActKind, Actor, ActorKind, DiplomaticGraph, Error};
///
/// fn import(graph: &mut DiplomaticGraph, rows: &[(&str, &str)]) -> Result<(), Error> {
///     let mut batch = graph.batch();
///     for (actor, target) in rows {
///         batch.add_act(Act::new(*actor, ActKind::Praised, *target))?;
///     }
///     batch.finish();
///     Ok(())
/// }
///
/// let mut graph = DiplomaticGraph::new();
/// graph.add_actor(Actor::new("a", "A", ActorKind::State))?;
/// graph.add_actor(Actor::new("b", "B", ActorKind::State))?;
/// assert!(import(&mut graph, &[("a", "b"), ("b", "nobody"), ("b", "a")]).is_err());
/// // The first act went in; the batch was ended when `?` dropped it.
/// assert_eq!(graph.counts().acts, 1);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Debug)]
#[must_use = "a batch ends when dropped; keep it while adding items"]
pub struct Batch<'g> {
    graph: &'g mut DiplomaticGraph,
}

impl Batch<'_> {
    /// Adds a source; see [`DiplomaticGraph::add_source`].
    ///
    /// # Errors
    ///
    /// As [`DiplomaticGraph::add_source`].
    ///
    /// # Examples
    ///
    /// ```
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// batch.add_source(diplograph::Source::new("report", "A report"))?;
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_source(&mut self, source: Source) -> Result<SourceId> {
        self.graph.add_source(source)
    }

    /// Adds an actor; see [`DiplomaticGraph::add_actor`].
    ///
    /// # Errors
    ///
    /// As [`DiplomaticGraph::add_actor`].
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind};
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// let id = batch.add_actor(Actor::new("nato", "NATO", ActorKind::Organisation))?;
    /// assert_eq!(batch.actor_id("nato"), Some(id));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_actor(&mut self, actor: Actor) -> Result<ActorId> {
        self.graph.add_actor(actor)
    }

    /// Adds an office to an actor; see [`DiplomaticGraph::add_office`].
    ///
    /// # Errors
    ///
    /// As [`DiplomaticGraph::add_office`].
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind, Office};
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// let rutte = batch.add_actor(Actor::new("rutte", "Mark Rutte", ActorKind::Person))?;
    /// batch.add_office(rutte, Office::new("Secretary General of NATO"))?;
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_office(&mut self, actor: ActorId, office: Office) -> Result<()> {
        self.graph.add_office(actor, office)
    }

    /// Adds a link from an actor; see [`DiplomaticGraph::add_link`].
    ///
    /// # Errors
    ///
    /// As [`DiplomaticGraph::add_link`].
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind, Link, LinkKind};
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// let macron = batch.add_actor(Actor::new("macron", "Emmanuel Macron", ActorKind::Person))?;
    /// batch.add_actor(Actor::new("france", "France", ActorKind::State))?;
    /// batch.add_link(macron, Link::new(LinkKind::Represents, "france"))?;
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_link(&mut self, actor: ActorId, link: Link) -> Result<()> {
        self.graph.add_link(actor, link)
    }

    /// Adds a stance; see [`DiplomaticGraph::add_stance`].
    ///
    /// # Errors
    ///
    /// As [`DiplomaticGraph::add_stance`].
    ///
    /// # Examples
    ///
    /// ```
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// let id = batch.add_stance(diplograph::Stance::new("ceasefire", "A ceasefire"))?;
    /// assert_eq!(batch.stance_id("ceasefire"), Some(id));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_stance(&mut self, stance: Stance) -> Result<StanceId> {
        self.graph.add_stance(stance)
    }

    /// Sets the broader stance of a stance; see
    /// [`DiplomaticGraph::set_broader`].
    ///
    /// # Errors
    ///
    /// As [`DiplomaticGraph::set_broader`].
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::Stance;
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// let narrow = batch.add_stance(Stance::new("narrow", "Narrow"))?;
    /// batch.add_stance(Stance::new("broad", "Broad"))?;
    /// batch.set_broader(narrow, "broad")?;
    /// batch.finish();
    /// assert!(graph.broader_stance(narrow).is_some());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn set_broader(&mut self, stance: StanceId, broader: impl Into<Key>) -> Result<()> {
        self.graph.set_broader(stance, broader)
    }

    /// Adds a meeting, leaving the date-ordered meeting lists to be sorted
    /// when the batch ends; see [`DiplomaticGraph::add_meeting`].
    ///
    /// # Errors
    ///
    /// As [`DiplomaticGraph::add_meeting`].
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind, Meeting, MeetingKind, Participant};
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// batch.add_actor(Actor::new("trump", "Donald Trump", ActorKind::Person))?;
    /// let call = batch.add_meeting(
    ///     Meeting::new("call", "A call", MeetingKind::Call).participant(Participant::new("trump")),
    /// )?;
    /// assert_eq!(batch.meeting_id("call"), Some(call));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_meeting(&mut self, meeting: Meeting) -> Result<MeetingId> {
        self.graph.add_meeting(meeting)
    }

    /// Adds a position, leaving its timeline to be sorted when the batch
    /// ends; see [`DiplomaticGraph::add_position`]. Contradictions with
    /// positions already added (in the batch or before it) are refused as
    /// there.
    ///
    /// # Errors
    ///
    /// As [`DiplomaticGraph::add_position`].
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind, Polarity, Position, Stance};
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// batch.add_actor(Actor::new("macron", "Emmanuel Macron", ActorKind::Person))?;
    /// batch.add_stance(Stance::new("ceasefire", "A ceasefire"))?;
    /// batch.add_position(Position::new("macron", "ceasefire", Polarity::Supports))?;
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_position(&mut self, position: Position) -> Result<PositionId> {
        self.graph.add_position(position)
    }

    /// Adds an act; see [`DiplomaticGraph::add_act`].
    ///
    /// # Errors
    ///
    /// As [`DiplomaticGraph::add_act`].
    ///
    /// # Examples
    ///
    /// ```
    /// use diplograph::{Act, ActKind, Actor, ActorKind};
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// batch.add_actor(Actor::new("a", "A", ActorKind::State))?;
    /// batch.add_actor(Actor::new("b", "B", ActorKind::State))?;
    /// batch.add_act(Act::new("a", ActKind::Thanked, "b"))?;
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn add_act(&mut self, act: Act) -> Result<ActId> {
        self.graph.add_act(act)
    }

    /// Makes room for this many more meetings, positions and acts, so the
    /// item lists and the indexes with an entry per meeting grow once
    /// rather than step by step. Only a hint: adding more or fewer is fine.
    ///
    /// ```
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// batch.reserve(10_000, 5_000, 5_000);
    /// ```
    pub fn reserve(&mut self, meetings: usize, positions: usize, acts: usize) {
        let graph = &mut *self.graph;
        graph.meetings.reserve(meetings);
        graph.positions.reserve(positions);
        graph.acts.reserve(acts);
        let index = &mut graph.index;
        index.meetings_by_date.reserve(meetings);
        index.meeting_dates.reserve(meetings);
        index.position_known.reserve(positions);
        index.position_spans.reserve(positions);
    }

    /// Makes room for this many more sources, so the source map grows once
    /// rather than rehashing step by step as sources are added. Only a
    /// hint: adding more or fewer is fine.
    ///
    /// ```
    /// use diplograph::Source;
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// batch.reserve_sources(2);
    /// batch.add_source(Source::new("a", "A report"))?;
    /// batch.add_source(Source::new("b", "B report"))?;
    /// batch.finish();
    /// assert_eq!(graph.sources().count(), 2);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn reserve_sources(&mut self, sources: usize) {
        self.graph.sources.reserve(sources);
    }

    /// The id of the actor with exactly this key, as
    /// [`DiplomaticGraph::actor_id`].
    ///
    /// ```
    /// let mut graph = diplograph::datasets::washington_2025();
    /// let batch = graph.batch();
    /// assert!(batch.actor_id("trump").is_some());
    /// ```
    pub fn actor_id(&self, key: &str) -> Option<ActorId> {
        self.graph.actor_id(key)
    }

    /// The id of the stance with exactly this key, as
    /// [`DiplomaticGraph::stance_id`].
    ///
    /// ```
    /// let mut graph = diplograph::datasets::washington_2025();
    /// let batch = graph.batch();
    /// assert!(batch.stance_id("ceasefire-first").is_some());
    /// ```
    pub fn stance_id(&self, key: &str) -> Option<StanceId> {
        self.graph.stance_id(key)
    }

    /// The id of the meeting with exactly this key, as
    /// [`DiplomaticGraph::meeting_id`].
    ///
    /// ```
    /// let mut graph = diplograph::datasets::washington_2025();
    /// let batch = graph.batch();
    /// assert!(batch.meeting_id("washington-2025-08-18").is_some());
    /// ```
    pub fn meeting_id(&self, key: &str) -> Option<MeetingId> {
        self.graph.meeting_id(key)
    }

    /// How many items of each kind the graph holds so far, as
    /// [`DiplomaticGraph::counts`].
    ///
    /// ```
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// batch.add_source(diplograph::Source::new("r", "R"))?;
    /// assert_eq!(batch.counts().sources, 1);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn counts(&self) -> Counts {
        self.graph.counts()
    }

    /// The graph being added to, for the crate's loaders, which call the
    /// `try_add_*` methods (errors with a JSON path) inside a batch.
    pub(crate) fn graph_mut(&mut self) -> &mut DiplomaticGraph {
        self.graph
    }

    /// Ends the batch: sorts the date-ordered meeting lists and the
    /// timelines the batch added to, so the graph is ready for queries.
    /// Dropping the batch does the same; `finish` says so in the code.
    ///
    /// Cost: linear in the graph's lists, plus sorting the lists that grew
    /// (`O(n log n)` in their lengths).
    ///
    /// ```
    /// use diplograph::{Actor, ActorKind};
    /// let mut graph = diplograph::DiplomaticGraph::new();
    /// let mut batch = graph.batch();
    /// batch.add_actor(Actor::new("a", "A", ActorKind::State))?;
    /// batch.finish();
    /// assert_eq!(graph.find_actor("A")?, graph.actor_id("a").unwrap());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn finish(self) {
        // `Drop` ends the bulk load.
    }
}

impl Drop for Batch<'_> {
    fn drop(&mut self) {
        self.graph.end_bulk();
    }
}

impl DiplomaticGraph {
    /// The nodes within `depth` steps of an actor, walking the graph
    /// breadth-first along edges in either direction (petgraph's, and the
    /// participations, see `edges_at`), each node with its distance, in the
    /// order reached (the actor first, at 0).
    ///
    /// `follow(source, edge, target)` is asked about each edge leading to a
    /// node not reached yet, with the edge's own endpoints (whichever way it
    /// is walked); only edges it accepts are walked. The Graphviz actor view
    /// uses it to walk only the edges it draws.
    ///
    /// Cost: linear in the edges of the nodes reached before the last step.
    pub(crate) fn neighbourhood(
        &self,
        start: ActorId,
        depth: u32,
        mut follow: impl FnMut(Node, Edge, Node) -> bool,
    ) -> Vec<(Node, u32)> {
        if self.actor(start).is_none() {
            return Vec::new();
        }
        let first = Node::Actor(start);
        let mut seen = std::collections::HashSet::from([first]);
        let mut reached = vec![(first, 0)];
        let mut frontier = vec![first];
        for distance in 1..=depth {
            let mut next = Vec::new();
            for &node in &frontier {
                for (from, weight, to) in self.edges_at(node) {
                    let other = if from == node { to } else { from };
                    if seen.contains(&other) || !follow(from, weight, to) {
                        continue;
                    }
                    seen.insert(other);
                    next.push(other);
                    reached.push((other, distance));
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        reached
    }
}

/// Date order for meetings: by date (timeline order), undated last, then by
/// insertion order. `dates` is `Indexes::meeting_dates`.
pub(crate) fn meeting_order(dates: &[u64], a: MeetingId, b: MeetingId) -> Ordering {
    (date_of(dates, a), a).cmp(&(date_of(dates, b), b))
}

/// A meeting's date as kept in `meeting_dates` (undated, or unknown, last).
fn date_of(dates: &[u64], id: MeetingId) -> u64 {
    dates.get(id.index()).copied().unwrap_or(u64::MAX)
}

/// The date order of meetings as one number: timeline order, undated last.
fn meeting_key(date: Option<PartialDate>) -> u64 {
    date.map_or(u64::MAX, |d| d.timeline_key())
}

/// How many items of each kind a graph holds; see [`DiplomaticGraph::counts`].
///
/// ```
/// let counts = diplograph::datasets::washington_2025().counts();
/// assert_eq!((counts.meetings, counts.stances), (5, 6));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Counts {
    /// Sources.
    pub sources: usize,
    /// Actors.
    pub actors: usize,
    /// Meetings.
    pub meetings: usize,
    /// Stances.
    pub stances: usize,
    /// Positions.
    pub positions: usize,
    /// Acts.
    pub acts: usize,
    /// Edges of the underlying graph: participations, positions, acts, links,
    /// offices and broader-stance edges.
    pub edges: usize,
}

impl PartialEq for DiplomaticGraph {
    /// Two graphs are equal when they hold the same items in the same order
    /// (and so give them the same ids), with the same title and description.
    fn eq(&self, other: &Self) -> bool {
        self.meta == other.meta
            && self.sources.len() == other.sources.len()
            && self.sources().eq(other.sources())
            && self.actors.len() == other.actors.len()
            && self.actors().zip(other.actors()).all(|(a, b)| a == b)
            && self.stances().zip(other.stances()).all(|(a, b)| a == b)
            && self.stances.len() == other.stances.len()
            && self.meetings.len() == other.meetings.len()
            && self
                .all_meetings()
                .zip(other.all_meetings())
                .all(|(a, b)| a == b)
            && self.positions.len() == other.positions.len()
            && self
                .all_positions()
                .zip(other.all_positions())
                .all(|(a, b)| a == b)
            && self.acts.len() == other.acts.len()
            && self.all_acts().zip(other.all_acts()).all(|(a, b)| a == b)
    }
}

impl Eq for DiplomaticGraph {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, MeetingKind, Participant, Polarity};

    /// Meetings and positions out of date order, with equal dates and
    /// undated ones, as one graph item by item and one in batches.
    fn items() -> (Vec<Meeting>, Vec<Position>) {
        let dates = [
            Some("2025-08-18"),
            None,
            Some("2025-02"),
            Some("2025-02-28"),
            Some("2025"),
            Some("2025-08-18"),
            None,
            Some("2024-12-31"),
        ];
        let meetings = dates
            .iter()
            .enumerate()
            .map(|(i, date)| {
                let mut m = Meeting::new(format!("m{i}"), "Talks", MeetingKind::Bilateral)
                    .status(MeetingStatus::ALL[i % 3])
                    .participant(Participant::new(if i % 2 == 0 { "a" } else { "b" }))
                    .participant(Participant::new("c"));
                if let Some(d) = date {
                    m = m.date(d.parse().unwrap());
                }
                m
            })
            .collect();
        let positions = dates
            .iter()
            .enumerate()
            .map(|(i, date)| {
                let actor = if i % 3 == 0 { "a" } else { "b" };
                let mut p = Position::new(actor, "s", Polarity::Supports);
                if let Some(d) = date {
                    p = p.from(d.parse().unwrap());
                }
                p
            })
            .collect();
        (meetings, positions)
    }

    fn base() -> DiplomaticGraph {
        let mut graph = DiplomaticGraph::new();
        for key in ["a", "b", "c"] {
            graph
                .add_actor(Actor::new(key, key, ActorKind::State))
                .unwrap();
        }
        graph.add_stance(Stance::new("s", "S")).unwrap();
        graph
    }

    fn assert_same_indexes(a: &DiplomaticGraph, b: &DiplomaticGraph) {
        assert_eq!(a, b);
        assert_eq!(a.index.meetings_by_date, b.index.meetings_by_date);
        assert_eq!(a.index.meetings_by_status, b.index.meetings_by_status);
        assert_eq!(a.index.meetings_by_actor, b.index.meetings_by_actor);
        let mut ta: Vec<_> = a.index.timelines.iter().enumerate().collect();
        let mut tb: Vec<_> = b.index.timelines.iter().enumerate().collect();
        ta.sort();
        tb.sort();
        assert_eq!(ta, tb);
        assert!(a.index.bulk.is_none() && b.index.bulk.is_none());
    }

    #[test]
    fn a_batch_leaves_the_indexes_as_adding_one_by_one_does() {
        let (meetings, positions) = items();
        let mut one_by_one = base();
        for m in meetings.clone() {
            one_by_one.add_meeting(m).unwrap();
        }
        for p in positions.clone() {
            one_by_one.add_position(p).unwrap();
        }
        // Two batches, the second adding to lists the first sorted, and
        // one item added alone in between.
        let mut batched = base();
        let (first, rest) = meetings.split_at(3);
        let mut batch = batched.batch();
        for m in first.iter().cloned() {
            batch.add_meeting(m).unwrap();
        }
        batch.finish();
        let (one, rest) = rest.split_at(1);
        batched.add_meeting(one[0].clone()).unwrap();
        {
            let mut batch = batched.batch();
            for m in rest.iter().cloned() {
                batch.add_meeting(m).unwrap();
            }
            for p in positions {
                batch.add_position(p).unwrap();
            }
            // Dropped, not finished.
        }
        // A small batch into a larger graph sorts the lists it grew.
        let late = Meeting::new("m-late", "Talks", MeetingKind::Call)
            .date("2025-03-01".parse().unwrap())
            .participant(Participant::new("a"));
        one_by_one.add_meeting(late.clone()).unwrap();
        batched.batch().add_meeting(late).unwrap();
        assert_same_indexes(&one_by_one, &batched);
    }

    #[test]
    fn a_failed_add_in_a_batch_changes_nothing() {
        let mut graph = base();
        let mut batch = graph.batch();
        let bad = Meeting::new("m", "Talks", MeetingKind::Call).participant(Participant::new("x"));
        assert!(matches!(
            batch.add_meeting(bad),
            Err(Error::UnknownKey { .. })
        ));
        batch.finish();
        assert_same_indexes(&graph, &base());
    }

    #[test]
    fn normalise_lowers_case_and_collapses_whitespace() {
        for name in [
            "  Volodymyr\t\tZELENSKYY \u{b} \r\n",
            "Émile  ZOLA",
            "",
            " \u{c} ",
            "a\u{a0}b",
        ] {
            let slow = name
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(normalise(name), slow, "{name:?}");
        }
    }

    /// `normalise` as it was before its allocation-free non-ASCII path: the
    /// reference the fast one must match exactly.
    fn normalise_reference(name: &str) -> String {
        let mut out = String::with_capacity(name.len());
        for word in name.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            if word.is_ascii() {
                out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                out.push_str(&word.to_lowercase());
            }
        }
        out
    }

    #[test]
    fn normalise_matches_the_reference_on_any_text() {
        for name in [
            "Talks in Geneva \u{2013} day two",
            "\u{2013}",
            "Путин и ЗЕЛЕНСКИЙ",
            "ΟΔΥΣΣΕΥΣ Σ ΣΑ αΣ αΣα",
            "Straße STRASSE ẞ",
            "İstanbul İ i̇ ı I",
            "ǅemal ǈ ǋ ǲ ᾈ Ⅻ Ⓐ",
            "a\u{a0}b\u{2003}C\u{3000}D\u{85}E\u{2028}F",
            "Émile  ZOLA\t\n",
            "",
            " \u{2003} ",
            "Zürich–Genève",
        ] {
            assert_eq!(normalise(name), normalise_reference(name), "{name:?}");
        }
        // Generated strings over a mix of ASCII, whitespace and characters
        // with unusual case mappings.
        let alphabet = [
            'a', 'Z', ' ', '\t', '\u{b}', '\r', '\u{85}', '\u{a0}', '\u{2003}', '\u{2013}', 'Σ',
            'σ', 'ς', 'ß', 'ẞ', 'İ', 'ı', 'Ǆ', 'ǅ', 'Ω', 'Ж', 'ж', 'Ⅻ', 'Ⓐ', 'ᾈ', '\u{307}', '1',
            '.', 'É',
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = next() % 12;
            let name: String = (0..len)
                .map(|_| {
                    let at = usize::try_from(next() % 29).unwrap_or(0);
                    alphabet.get(at).copied().unwrap_or('a')
                })
                .collect();
            assert_eq!(normalise(&name), normalise_reference(&name), "{name:?}");
        }
    }

    #[test]
    fn stored_items_share_the_text_of_the_keys_they_name() {
        let mut graph = base();
        graph.add_source(Source::new("r", "R")).unwrap();
        let id = graph
            .add_act(
                Act::new(String::from("a"), ActKind::Praised, "b")
                    .stance("s")
                    .evidence(Evidence::cite("r")),
            )
            .unwrap();
        let act = graph.act(id).unwrap();
        let a = graph.actor_key(ActorId(0)).unwrap();
        assert!(Key::same_text(&act.actor, a));
        assert!(Key::same_text(
            &act.evidence[0].source,
            &graph.sources[0].key
        ));
        assert!(Key::same_text(
            act.stance.as_ref().unwrap(),
            graph.stance_key(StanceId(0)).unwrap()
        ));
    }

    #[test]
    fn contradictions_are_found_in_short_and_long_timelines_alike() {
        use crate::model::{Polarity, Position};
        let date = |d: &str| d.parse::<PartialDate>().unwrap();
        for filler in [0, 3, SHORT_TIMELINE, SHORT_TIMELINE + 5] {
            let mut graph = base();
            graph.add_source(Source::new("r", "R")).unwrap();
            let quote = |p: Position, q: &str| p.evidence(Evidence::new("r", q));
            // Two earlier positions quoting the same words, at different
            // times and with different polarities.
            let first = Position::new("a", "s", Polarity::Supports).until(date("2025-01"));
            graph.add_position(quote(first, "the words")).unwrap();
            let second = Position::new("a", "s", Polarity::Neutral).from(date("2025-02"));
            graph.add_position(quote(second, "the words")).unwrap();
            for i in 0..filler {
                let other = Position::new("a", "s", Polarity::Opposes);
                graph
                    .add_position(quote(other, &format!("other words {i}")))
                    .unwrap();
            }
            // Another polarity on the same words, at any time: refused,
            // naming the earliest position it contradicts.
            let clash = quote(Position::new("a", "s", Polarity::Opposes), "the words");
            match graph.add_position(clash) {
                Err(Error::ContradictoryPosition { earlier, .. }) => {
                    assert_eq!(earlier, Polarity::Supports, "{filler}");
                }
                other => panic!("{filler}: {other:?}"),
            }
            // Other words, or another stance's timeline, do not clash.
            let fine = quote(Position::new("a", "s", Polarity::Opposes), "new words");
            graph.add_position(fine).unwrap();
        }
    }
}
