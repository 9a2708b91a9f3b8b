//! The same data in Oxigraph's in-memory store, as RDF, asked through
//! SPARQL (only with `--features bench-oxigraph`).
//!
//! The modelling, one resource per item, in the namespace
//! `http://diplograph.example/`:
//!
//! * a source: `d:published` (xsd:date);
//! * an actor: `d:name`; a stance: `d:label`;
//! * a meeting: `d:status`, `d:date` (its first day), `d:end` (its last
//!   day, when it has one), a `d:participant` per actor, `d:source`;
//! * a position, reified: `d:actor`, `d:stance`, `d:polarity` (an IRI
//!   such as `d:opposes`), `d:from` (first day), `d:until` (last day, when
//!   it ended), `d:source`;
//! * an act: `d:actor`, `d:kind` (`d:criticised`...), `d:target`, `d:date`,
//!   `d:stance` when it has one, `d:source`.
//!
//! Known-at joins the cited source's `d:published` and counts distinct
//! positions.
//! Queries are parsed once; each timed call evaluates one on the store and
//! reads the count.

use diplograph::{DiplomaticGraph, PartialDate};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use oxigraph::sparql::{PreparedSparqlQuery, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use super::questions::{Dates, Question};
use super::synthetic::Dataset;

const NS: &str = "http://diplograph.example/";

/// The store.
pub struct Rdf {
    store: Store,
    /// Quads loaded.
    pub quads: usize,
}

fn node(kind: &str, key: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{NS}{kind}/{key}"))
}

fn prop(name: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{NS}v#{name}"))
}

fn date(d: PartialDate) -> Literal {
    Literal::new_typed_literal(d.to_string(), xsd::DATE)
}

fn text(d: PartialDate) -> String {
    format!("\"{d}\"^^xsd:date")
}

impl Rdf {
    /// Loads a dataset (by reference) into a new in-memory store.
    pub fn load(data: &Dataset) -> Rdf {
        let mut quads = Vec::new();
        let mut add = |s: &NamedNode, p: &str, o: Term| {
            quads.push(Quad::new(s.clone(), prop(p), o, GraphName::DefaultGraph));
        };
        for s in &data.sources {
            let published = s.published.expect("generated sources are dated");
            add(
                &node("s", s.key.as_str()),
                "published",
                date(published).into(),
            );
        }
        for a in &data.actors {
            add(
                &node("a", a.key.as_str()),
                "name",
                Literal::new_simple_literal(&a.name).into(),
            );
        }
        for s in &data.stances {
            add(
                &node("st", s.key.as_str()),
                "label",
                Literal::new_simple_literal(&s.label).into(),
            );
        }
        for m in &data.meetings {
            let me = node("m", m.key.as_str());
            add(&me, "status", prop(m.status.as_str()).into());
            let day = m.date.expect("dated");
            add(&me, "date", date(day.first_day()).into());
            if let Some(end) = m.end {
                add(&me, "end", date(end.last_day()).into());
            }
            for p in &m.participants {
                add(&me, "participant", node("a", p.actor.as_str()).into());
            }
            for e in &m.evidence {
                add(&me, "source", node("s", e.source.as_str()).into());
            }
        }
        for (i, p) in data.positions.iter().enumerate() {
            let me = node("p", &i.to_string());
            add(&me, "actor", node("a", p.actor.as_str()).into());
            add(&me, "stance", node("st", p.stance.as_str()).into());
            add(&me, "polarity", prop(p.polarity.as_str()).into());
            if let Some(from) = p.from {
                add(&me, "from", date(from.first_day()).into());
            }
            if let Some(until) = p.until {
                add(&me, "until", date(until.last_day()).into());
            }
            for e in &p.evidence {
                add(&me, "source", node("s", e.source.as_str()).into());
            }
        }
        for (i, a) in data.acts.iter().enumerate() {
            let me = node("act", &i.to_string());
            add(&me, "actor", node("a", a.actor.as_str()).into());
            add(&me, "kind", prop(a.kind.as_str()).into());
            add(&me, "target", node("a", a.target.as_str()).into());
            if let Some(day) = a.date {
                add(&me, "date", date(day.first_day()).into());
            }
            if let Some(s) = &a.stance {
                add(&me, "stance", node("st", s.as_str()).into());
            }
            for e in &a.evidence {
                add(&me, "source", node("s", e.source.as_str()).into());
            }
        }
        let count = quads.len();
        let store = Store::new().expect("an in-memory store");
        let mut loader = store.bulk_loader();
        loader.load_quads(quads).expect("loading quads");
        loader.commit().expect("committing the load");
        Rdf {
            store,
            quads: count,
        }
    }

    /// The SPARQL text of a question.
    pub fn text(g: &DiplomaticGraph, q: Question, d: &Dates) -> String {
        let actor = |a| format!("<{NS}a/{}>", g.actor_key(a).expect("actor").as_str());
        let stance = |s| format!("<{NS}st/{}>", g.stance_key(s).expect("stance").as_str());
        let mid = text(d.mid);
        let valid = format!(
            "?p d:from ?from . FILTER(?from <= {mid}) \
             OPTIONAL {{ ?p d:until ?until }} FILTER(!BOUND(?until) || ?until > {mid})"
        );
        // A join rather than `FILTER EXISTS { ... }`, which Oxigraph 0.5
        // evaluated far more slowly (11.7 s a call at icews05-15); with
        // `COUNT(DISTINCT ?p)` both count a position once however many of
        // its sources were published in time.
        let known = format!("?p d:source ?src . ?src d:published ?pub . FILTER(?pub <= {mid})");
        let body = match q {
            Question::OpposesAsOf(s) => {
                format!("?p d:stance {} ; d:polarity d:opposes . {valid}", stance(s))
            }
            Question::OpposesKnownAt(s) => format!(
                "?p d:stance {} ; d:polarity d:opposes . {valid} {known}",
                stance(s)
            ),
            Question::CriticisedTowards(a) => {
                format!("?x d:target {} ; d:kind d:criticised .", actor(a))
            }
            Question::MeetingsBetween(a) => format!(
                "?m d:participant {} ; d:date ?date . OPTIONAL {{ ?m d:end ?end }} \
                 FILTER(?date >= {} && COALESCE(?end, ?date) <= {})",
                actor(a),
                text(d.from.first_day()),
                text(d.until.last_day())
            ),
            Question::AsOfHistory(a, s) => {
                format!("?p d:actor {} ; d:stance {} . {valid}", actor(a), stance(s))
            }
            Question::KnownAtHistory(a, s) => format!(
                "?p d:actor {} ; d:stance {} . {valid} {known}",
                actor(a),
                stance(s)
            ),
        };
        let count = match q {
            Question::KnownAtHistory(..) | Question::OpposesKnownAt(_) => "COUNT(DISTINCT ?p)",
            _ => "COUNT(*)",
        };
        format!(
            "PREFIX d: <{NS}v#>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n\
             SELECT ({count} AS ?n) WHERE {{ {body} }}"
        )
    }

    /// Parses a question's SPARQL once.
    pub fn prepare(&self, g: &DiplomaticGraph, q: Question, d: &Dates) -> PreparedSparqlQuery {
        SparqlEvaluator::new()
            .parse_query(&Self::text(g, q, d))
            .expect("the question's SPARQL parses")
    }

    /// Evaluates a prepared question and returns its count.
    pub fn answer(&self, q: &PreparedSparqlQuery) -> usize {
        let QueryResults::Solutions(mut solutions) = q
            .clone()
            .on_store(&self.store)
            .execute()
            .expect("the query runs")
        else {
            panic!("a SELECT gives solutions");
        };
        let row = solutions
            .next()
            .expect("a count gives one row")
            .expect("the row evaluates");
        match row.get("n") {
            Some(Term::Literal(n)) => n.value().parse().expect("a count"),
            other => panic!("a count, not {other:?}"),
        }
    }
}
