//! W2, point queries, on all three engines (`questions.rs`):
//!
//! * `w2/opposes_as_of_{busiest,median}/{diplograph,floor,oxigraph}`: who
//!   opposes stance S as of the middle day of the span, S the busiest or a
//!   median stance. `diplograph`: the per-stance position list, filtered
//!   by polarity and validity (linear in the stance's positions). Floor:
//!   the stance node's incoming edges.
//! * `w2/criticised_towards_{hub,median}/...`: acts of kind Criticised
//!   towards the hub or a median actor. `diplograph`: one hash lookup of
//!   (kind, target), then those acts. Floor: the actor's incoming edges
//!   (every act towards it).
//!
//! And lookups only `diplograph` has, by key or name:
//!
//! * `w2/find_actor_key/diplograph`: by exact key, one hash lookup;
//! * `w2/find_actor_name/diplograph`: by full name in another case:
//!   normalisation, then one hash lookup;
//! * `w2/find_actor_word/diplograph`: by one word of the name (the
//!   surname): no exact entry, so every name is split into words and
//!   checked (linear in names and aliases);
//! * `w2/find_actor_typo/diplograph`: the surname misspelt: the word scan
//!   finds nothing, so every name is also compared by edit distance.

use std::hint::black_box;

use criterion::{Criterion, SamplingMode};

use super::Fixture;

pub fn benches(c: &mut Criterion, fx: &Fixture) {
    super::questions::bench(c, fx, "w2");

    let g = &fx.graph;
    let median = fx.picks.median;
    let mut group = c.benchmark_group("w2");
    let median_key = g.actor_key(median).expect("median actor").to_string();
    fx.bench(&mut group, "find_actor_key/diplograph", |b| {
        b.iter(|| g.find_actor(black_box(&median_key)).is_ok());
    });
    let median_name = g.actor(median).expect("median actor").name.to_uppercase();
    fx.bench(&mut group, "find_actor_name/diplograph", |b| {
        b.iter(|| g.find_actor(black_box(&median_name)).is_ok());
    });
    let surname = median_name
        .rsplit(' ')
        .next()
        .expect("a name has a word")
        .to_owned();
    group.finish();
    // The scans take milliseconds at the large scales: flat sampling, ten
    // samples.
    let mut group = c.benchmark_group("w2");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    fx.bench(&mut group, "find_actor_word/diplograph", |b| {
        b.iter(|| g.find_actor(black_box(&surname)).is_ok());
    });
    let mut typo = surname.clone();
    let last = if typo.pop() == Some('X') { 'Y' } else { 'X' };
    typo.push(last);
    fx.bench(&mut group, "find_actor_typo/diplograph", |b| {
        b.iter(|| g.find_actor(black_box(&typo)).is_err());
    });
    group.finish();
}
