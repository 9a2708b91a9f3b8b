//! Turning tokens into a [`Question`]: a hand-written recursive-descent
//! parser over the grammar in `docs/query-language.md`.
//!
//! The parser knows the language's keywords (question words, verbs,
//! statuses, time modifiers) and treats every other run of words as a name,
//! ending where a keyword the context expects begins. Names are looked up
//! later, when the question runs.

use crate::error::{Error, Result};
use crate::model::{ActKind, MeetingStatus, PartialDate, Polarity};
use crate::query::Relation;

use super::lexer::{Kind, Token};
use super::{MAX_DEPTH, Name, Question, Tense, Time, Window, error_at};

/// Which time modifiers a question family takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// `as of D`, `before D`, `on D`, `known at D`: positions, changes,
    /// comparisons, offices.
    States,
    /// `between D and D`, `in D`, `on D`, `since D`, `until D`, `before D`,
    /// `after D`, `from D to D`, `known at D`, `in date order`, `and when`:
    /// meetings and acts.
    Events,
    /// `known at D`: participants.
    Known,
    /// Nothing: who met both, rankings.
    Plain,
}

impl Family {
    fn expected(self) -> &'static str {
        match self {
            Family::States => {
                "`as of DATE`, `before DATE`, `known at DATE` or the end of the question"
            }
            Family::Events => {
                "`between DATE and DATE`, `in DATE`, `since DATE`, `until DATE`, `before DATE`, `after DATE`, `known at DATE`, `in date order` or the end of the question"
            }
            Family::Known => "`known at DATE` or the end of the question",
            Family::Plain => "the end of the question",
        }
    }
}

/// The time modifiers of a question, once read.
#[derive(Clone, Copy, Debug, Default)]
struct Mods {
    as_of: Option<PartialDate>,
    known_at: Option<PartialDate>,
    window: Window,
}

/// Words that may come before a name and are not part of it.
const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// Statuses, as words.
const STATUSES: [(&str, MeetingStatus); 7] = [
    ("held", MeetingStatus::Held),
    ("planned", MeetingStatus::Planned),
    ("proposed", MeetingStatus::Proposed),
    ("cancelled", MeetingStatus::Cancelled),
    ("canceled", MeetingStatus::Cancelled),
    ("postponed", MeetingStatus::Postponed),
    ("uncertain", MeetingStatus::Uncertain),
];

/// Verbs of position: the words, the polarity, the tense, and the act the
/// same words can name.
#[allow(clippy::type_complexity)]
const POSITION_VERBS: &[(&[&str], Polarity, Tense, Option<ActKind>)] = &[
    (
        &["conditionally", "supported"],
        Polarity::Conditional,
        Tense::Ever,
        None,
    ),
    (
        &["conditionally", "supports"],
        Polarity::Conditional,
        Tense::Latest,
        None,
    ),
    (
        &["supported"],
        Polarity::Supports,
        Tense::Ever,
        Some(ActKind::Supported),
    ),
    (
        &["supports"],
        Polarity::Supports,
        Tense::Latest,
        Some(ActKind::Supported),
    ),
    (&["favoured"], Polarity::Supports, Tense::Ever, None),
    (&["favored"], Polarity::Supports, Tense::Ever, None),
    (&["backed"], Polarity::Supports, Tense::Ever, None),
    (&["endorsed"], Polarity::Supports, Tense::Ever, None),
    (&["favours"], Polarity::Supports, Tense::Latest, None),
    (&["favors"], Polarity::Supports, Tense::Latest, None),
    (&["backs"], Polarity::Supports, Tense::Latest, None),
    (&["endorses"], Polarity::Supports, Tense::Latest, None),
    (&["opposed"], Polarity::Opposes, Tense::Ever, None),
    (&["resisted"], Polarity::Opposes, Tense::Ever, None),
    (&["opposes"], Polarity::Opposes, Tense::Latest, None),
    (&["resists"], Polarity::Opposes, Tense::Latest, None),
    (
        &["rejected"],
        Polarity::Opposes,
        Tense::Ever,
        Some(ActKind::Rejected),
    ),
    (
        &["rejects"],
        Polarity::Opposes,
        Tense::Latest,
        Some(ActKind::Rejected),
    ),
    (&["abstained", "on"], Polarity::Abstains, Tense::Ever, None),
    (&["abstains", "on"], Polarity::Abstains, Tense::Latest, None),
    (
        &["was", "neutral", "on"],
        Polarity::Neutral,
        Tense::Ever,
        None,
    ),
    (
        &["were", "neutral", "on"],
        Polarity::Neutral,
        Tense::Ever,
        None,
    ),
    (
        &["is", "neutral", "on"],
        Polarity::Neutral,
        Tense::Latest,
        None,
    ),
    (
        &["are", "neutral", "on"],
        Polarity::Neutral,
        Tense::Latest,
        None,
    ),
];

/// Base forms of position verbs, after "what does A ...".
const POSITION_BASES: &[(&str, Polarity)] = &[
    ("support", Polarity::Supports),
    ("favour", Polarity::Supports),
    ("favor", Polarity::Supports),
    ("back", Polarity::Supports),
    ("endorse", Polarity::Supports),
    ("oppose", Polarity::Opposes),
    ("reject", Polarity::Opposes),
    ("resist", Polarity::Opposes),
];

/// Verbs of acts, past and present, and the kind each names.
const ACT_VERBS: &[(&[&str], ActKind)] = &[
    (&["pushed", "back", "against"], ActKind::PushedBack),
    (&["pushed", "back", "on"], ActKind::PushedBack),
    (&["pushes", "back", "against"], ActKind::PushedBack),
    (&["pushes", "back", "on"], ActKind::PushedBack),
    (&["pushed_back"], ActKind::PushedBack),
    (&["praised"], ActKind::Praised),
    (&["praises"], ActKind::Praised),
    (&["thanked"], ActKind::Thanked),
    (&["thanks"], ActKind::Thanked),
    (&["criticised"], ActKind::Criticised),
    (&["criticized"], ActKind::Criticised),
    (&["criticises"], ActKind::Criticised),
    (&["criticizes"], ActKind::Criticised),
    (&["accused"], ActKind::Accused),
    (&["accuses"], ActKind::Accused),
    (&["demanded"], ActKind::Demanded),
    (&["demands"], ActKind::Demanded),
    (&["warned"], ActKind::Warned),
    (&["warns"], ActKind::Warned),
    (&["threatened"], ActKind::Threatened),
    (&["threatens"], ActKind::Threatened),
    (&["invited"], ActKind::Invited),
    (&["invites"], ActKind::Invited),
    (&["appealed", "to"], ActKind::Appealed),
    (&["appeals", "to"], ActKind::Appealed),
    (&["sanctioned"], ActKind::Sanctioned),
    (&["sanctions"], ActKind::Sanctioned),
    (&["supported"], ActKind::Supported),
    (&["rejected"], ActKind::Rejected),
];

/// Base forms of act verbs, after "whom did A ...".
const ACT_BASES: &[(&[&str], ActKind)] = &[
    (&["push", "back", "against"], ActKind::PushedBack),
    (&["push", "back", "on"], ActKind::PushedBack),
    (&["praise"], ActKind::Praised),
    (&["thank"], ActKind::Thanked),
    (&["support"], ActKind::Supported),
    (&["criticise"], ActKind::Criticised),
    (&["criticize"], ActKind::Criticised),
    (&["accuse"], ActKind::Accused),
    (&["reject"], ActKind::Rejected),
    (&["demand"], ActKind::Demanded),
    (&["warn"], ActKind::Warned),
    (&["threaten"], ActKind::Threatened),
    (&["invite"], ActKind::Invited),
    (&["appeal", "to"], ActKind::Appealed),
    (&["sanction"], ActKind::Sanctioned),
];

/// First words of the act verbs' base forms, which end an actor's name in
/// "whom did A criticise".
const ACT_BASE_STARTS: &[&str] = &[
    "push",
    "praise",
    "thank",
    "support",
    "criticise",
    "criticize",
    "accuse",
    "reject",
    "demand",
    "warn",
    "threaten",
    "invite",
    "appeal",
    "sanction",
    "meet",
];

/// Verbs of taking part, after "which meetings did A ...".
const ATTEND_VERBS: &[&[&str]] = &[
    &["take", "part", "in"],
    &["take", "part"],
    &["participate", "in"],
    &["participate"],
    &["attend"],
    &["join"],
    &["hold"],
    &["have"],
];

/// The first words of [`ATTEND_VERBS`].
const ATTEND_STARTS: &[&str] = &["take", "participate", "attend", "join", "hold", "have"];

/// The parser: a cursor over the tokens of one question.
pub(crate) struct Parser<'a> {
    text: &'a str,
    tokens: &'a [Token],
    pos: usize,
    depth: usize,
    end: Token,
    /// What may follow the question body (set by the time modifiers read).
    after: &'static str,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        let end = tokens.last().cloned().unwrap_or(Token {
            kind: Kind::End,
            text: String::new(),
            lower: String::new(),
            column: 1,
            possessive: false,
        });
        Parser {
            text,
            tokens,
            pos: 0,
            depth: 0,
            end,
            after: Family::Plain.expected(),
        }
    }

    /// The whole question, up to its end.
    pub(crate) fn question(mut self) -> Result<Question> {
        if self.tok(0).kind == Kind::End {
            return Err(self.error("a question, such as `who opposed the ceasefire?`"));
        }
        let q = self.nested()?;
        self.skip_stops();
        if self.tok(0).kind != Kind::End {
            return Err(self.error(self.after));
        }
        Ok(q)
    }

    /// A question, possibly in parentheses.
    fn nested(&mut self) -> Result<Question> {
        if self.tok(0).kind != Kind::Open {
            return self.body();
        }
        self.enter()?;
        self.advance();
        let q = self.nested()?;
        self.skip_stops();
        if self.tok(0).kind != Kind::Close {
            return Err(self.error(&format!("`)`, {}", self.after)));
        }
        self.advance();
        self.depth -= 1;
        Ok(q)
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(&format!("at most {MAX_DEPTH} nested parentheses")));
        }
        Ok(())
    }

    /// A question without its parentheses, dispatched on its first words.
    fn body(&mut self) -> Result<Question> {
        let first = self.word(0).unwrap_or_default().to_owned();
        match first.as_str() {
            "who" | "whom" => {
                self.advance();
                self.who()
            }
            "which" | "what" => {
                self.advance();
                self.which()
            }
            "where" => {
                self.advance();
                self.expect_any(&["do", "did", "does"], "`do` or `did`")?;
                self.compare_rest()
            }
            "on" if matches!(self.word(1), Some("which" | "what")) => {
                self.advance();
                self.advance();
                self.eat_any(&["issues", "issue", "stances", "stance", "topics", "topic"]);
                self.expect_any(&["do", "did", "does"], "`do` or `did`")?;
                self.compare_rest()
            }
            "when" => {
                self.advance();
                self.when()
            }
            "compare" => {
                self.advance();
                let first = self.name("an actor", &["and", "with"], true)?;
                self.expect_any(&["and", "with"], "`and` and a second actor")?;
                let second = self.name("a second actor", &[], true)?;
                let mods = self.mods(Family::States)?;
                Ok(Question::Compare {
                    first,
                    second,
                    relation: None,
                    time: time(Tense::Latest, mods),
                })
            }
            "rank" | "ranking" => {
                self.advance();
                self.eat("the");
                if self.eat_any(&["stances", "issues", "stance", "issue"]) {
                    self.mods(Family::Plain)?;
                    Ok(Question::StanceRanking { top: false })
                } else if self.eat_any(&["actors", "actor"]) {
                    self.mods(Family::Plain)?;
                    Ok(Question::ActorRanking { top: false })
                } else {
                    Err(self.error("`stances` or `actors`"))
                }
            }
            "list" | "show" | "find" => {
                self.advance();
                self.eat_any(&["all", "every", "the"]);
                self.noun()
            }
            _ => self.noun(),
        }
    }

    /// Commands and possessive forms: `meetings of A`, `acts by A`,
    /// `positions on S`, `changes`, `offices of A`, `participants of M`,
    /// `A's meetings`, `A's position on S`.
    fn noun(&mut self) -> Result<Question> {
        let statuses = self.leading_statuses();
        if self.eat_any(&["meetings", "meeting"]) {
            return self.meetings(statuses);
        }
        if !statuses.is_empty() {
            return Err(self.error("`meetings`"));
        }
        if self.eat_any(&["acts", "act"]) {
            return self.acts_noun();
        }
        if self.is("position") && self.word(1) == Some("changes") {
            self.advance();
        }
        if self.eat_any(&["changes", "change"]) {
            return self.changes_noun();
        }
        if self.eat_any(&["positions", "position"]) {
            return self.positions_noun(None, Tense::Ever);
        }
        if self.eat_any(&["offices", "office"]) {
            self.eat("of");
            let actors = self.names("an actor", &[])?;
            let mods = self.mods(Family::States)?;
            return Ok(Question::Offices {
                actors,
                time: time(Tense::Latest, mods),
            });
        }
        if self.eat_any(&["participants", "participant"]) {
            self.eat_any(&["of", "in", "at"]);
            return self.participants();
        }
        if self.is_seq(&["most", "active"]) {
            self.advance();
            self.advance();
            self.eat_any(&["actors", "actor"]);
            self.mods(Family::Plain)?;
            return Ok(Question::ActorRanking { top: false });
        }
        if self.possessive_ahead() {
            let actor = self.name("an actor", &[], false)?;
            return self.possessed(actor, Tense::Latest);
        }
        Err(self.error(
            "a question word (who, which, what, where, when) or a command (meetings, acts, positions, changes, offices, participants, compare, rank)",
        ))
    }

    /// After `A's`: `meetings`, `positions`, `position on S`, `offices`,
    /// `changes`.
    fn possessed(&mut self, actor: Name, tense: Tense) -> Result<Question> {
        let statuses = self.leading_statuses();
        if self.eat_any(&["meetings", "meeting"]) {
            let mods = self.mods(Family::Events)?;
            return Ok(Question::Meetings {
                actors: vec![actor],
                statuses,
                window: mods.window,
                known_at: mods.known_at,
            });
        }
        if self.eat_any(&["positions", "position", "stance", "stances"]) {
            return self.positions_noun(Some(actor), tense);
        }
        if self.eat_any(&["offices", "office", "title", "titles"]) {
            let mods = self.mods(Family::States)?;
            return Ok(Question::Offices {
                actors: vec![actor],
                time: time(Tense::Latest, mods),
            });
        }
        if self.eat_any(&["changes", "change"]) {
            let stance = self.on_stance()?;
            let mods = self.mods(Family::States)?;
            return Ok(Question::Changes {
                actor: Some(actor),
                stance,
                time: time(Tense::Ever, mods),
            });
        }
        if !statuses.is_empty() {
            return Err(self.error("`meetings`"));
        }
        Err(self.error("`meetings`, `position on`, `positions`, `offices` or `changes`"))
    }

    /// After `who`.
    fn who(&mut self) -> Result<Question> {
        if self.eat("changed")
            || self.eat_seq(&["has", "changed"])
            || self.eat_seq(&["have", "changed"])
        {
            self.eat_any(&["their", "his", "her", "its"]);
            self.eat_any(&[
                "position",
                "positions",
                "mind",
                "minds",
                "stance",
                "stances",
            ]);
            let stance = self.on_stance()?;
            let mods = self.mods(Family::States)?;
            return Ok(Question::Changes {
                actor: None,
                stance,
                time: time(Tense::Ever, mods),
            });
        }
        if self.eat("met") || self.eat_seq(&["has", "met"]) || self.eat_seq(&["have", "met"]) {
            self.expect("both", "`both`, as in `who met both A and B`")?;
            let first = self.name("an actor", &["and"], true)?;
            self.expect("and", "`and` and a second actor")?;
            let second = self.name("a second actor", &["and"], true)?;
            self.mods(Family::Plain)?;
            return Ok(Question::MetBoth { first, second });
        }
        for verb in [
            &["took", "part", "in"][..],
            &["take", "part", "in"],
            &["takes", "part", "in"],
            &["participated", "in"],
            &["attended"],
            &["attends"],
            &["was", "at"],
            &["were", "at"],
        ] {
            if self.eat_seq(verb) {
                return self.participants();
            }
        }
        for (words, tense) in [
            (&["took", "a", "position", "on"][..], Tense::Ever),
            (&["has", "taken", "a", "position", "on"], Tense::Ever),
            (&["had", "a", "position", "on"], Tense::Ever),
            (&["has", "a", "position", "on"], Tense::Latest),
            (&["takes", "a", "position", "on"], Tense::Latest),
        ] {
            if self.eat_seq(words) {
                let stance = self.name("a stance", &[], false)?;
                let mods = self.mods(Family::States)?;
                return Ok(Question::Positions {
                    actor: None,
                    stance: Some(stance),
                    polarities: Vec::new(),
                    time: time(tense, mods),
                    act: None,
                });
            }
        }
        if self.most_active()? {
            return Ok(Question::ActorRanking { top: true });
        }
        if self.eat_any(&["did", "does", "do", "has", "have"]) {
            let actor = self.name("an actor", ACT_BASE_STARTS, true)?;
            let Some(kind) = self.verb(ACT_BASES) else {
                return Err(
                    self.error("a verb such as `criticise`, `praise` or `push back against`")
                );
            };
            let mods = self.mods(Family::Events)?;
            return Ok(Question::Acts {
                kinds: vec![kind],
                actor: Some(actor),
                target: None,
                stance: None,
                window: mods.window,
                known_at: mods.known_at,
            });
        }
        if let Some((polarity, tense, act)) = self.position_verb() {
            let mut polarities = vec![polarity];
            let mut act = act;
            loop {
                let save = self.pos;
                if self.eat_any(&["or", "and"]) || self.tok(0).kind == Kind::Comma {
                    if self.tok(0).kind == Kind::Comma {
                        self.advance();
                        self.eat_any(&["or", "and"]);
                    }
                    if let Some((more, _, _)) = self.position_verb() {
                        if !polarities.contains(&more) {
                            polarities.push(more);
                        }
                        act = None;
                        continue;
                    }
                }
                self.pos = save;
                break;
            }
            let stance = self.name("a stance", &[], false)?;
            let mods = self.mods(Family::States)?;
            return Ok(Question::Positions {
                actor: None,
                stance: Some(stance),
                polarities,
                time: time(tense, mods),
                act,
            });
        }
        if let Some(kind) = self.verb(ACT_VERBS) {
            let target = self.name("an actor", &["over", "about"], false)?;
            let stance = if self.eat_any(&["over", "about"]) {
                Some(self.name("a stance", &[], false)?)
            } else {
                None
            };
            let mods = self.mods(Family::Events)?;
            return Ok(Question::Acts {
                kinds: vec![kind],
                actor: None,
                target: Some(target),
                stance,
                window: mods.window,
                known_at: mods.known_at,
            });
        }
        Err(self.error(
            "a verb such as `opposed`, `supports`, `changed position`, `met both`, `took part in`, `criticised` or `pushed back against`",
        ))
    }

    /// After `which` or `what`.
    fn which(&mut self) -> Result<Question> {
        let statuses = self.leading_statuses();
        if self.eat_any(&["meetings", "meeting"]) {
            return self.meetings(statuses);
        }
        if !statuses.is_empty() {
            return Err(self.error("`meetings`"));
        }
        if self.eat_any(&[
            "actors", "actor", "leaders", "leader", "people", "person", "one",
        ]) {
            return self.who();
        }
        if self.eat_any(&["issues", "issue", "stances", "stance", "topics", "topic"]) {
            if self.eat_any(&["has", "have", "had", "gets", "got"]) {
                self.eat("the");
                self.expect("most", "`most`, as in `which issue has the most positions`")?;
                self.eat_any(&["actors", "positions", "supporters", "attention"]);
                if self.eat("with") {
                    self.eat_any(&["a", "any"]);
                    self.eat("recorded");
                    self.expect_any(&["position", "positions"], "`position`")?;
                    self.eat_seq(&["on", "it"]);
                }
                self.mods(Family::Plain)?;
                return Ok(Question::StanceRanking { top: true });
            }
            if self.eat_any(&["do", "did", "does"]) {
                return self.compare_rest();
            }
            return Err(self.error("`has the most`, or `do A and B disagree`"));
        }
        if self.eat_any(&["offices", "office", "titles", "title", "posts", "post"]) {
            self.expect_any(
                &["does", "do", "did"],
                "`does`, as in `which office does A hold`",
            )?;
            self.eat_seq(&["each", "of"]);
            let actors = self.names("an actor", &["hold", "holds", "held", "have", "has"])?;
            self.expect_any(&["hold", "holds", "held", "have", "has"], "`hold`")?;
            let mods = self.mods(Family::States)?;
            return Ok(Question::Offices {
                actors,
                time: time(Tense::Latest, mods),
            });
        }
        if self.eat_any(&["acts", "act"]) {
            return self.acts_noun();
        }
        if self.eat_any(&["changes", "change"]) {
            return self.changes_noun();
        }
        if self.eat_any(&["positions", "position"]) {
            let tense = if self.eat_any(&["does", "do", "has"]) {
                Tense::Latest
            } else {
                self.expect_any(&["did", "have"], "`did` or `does`")?;
                Tense::Ever
            };
            let actor = self.name("an actor", &["take", "hold", "have", "taken", "held"], true)?;
            self.expect_any(
                &["take", "hold", "have", "taken", "held"],
                "`take` or `hold`",
            )?;
            return self.positions_noun(Some(actor), tense);
        }
        if let Some(tense) = self.eat_tense(&["was", "were"], &["is", "are"]) {
            let actor = self.name("an actor", &[], false)?;
            return self.possessed(actor, tense);
        }
        if let Some(tense) = self.eat_tense(&["did"], &["does", "do"]) {
            let starts: Vec<&str> = POSITION_BASES.iter().map(|(w, _)| *w).collect();
            let actor = self.name("an actor", &starts, true)?;
            let Some(polarity) = POSITION_BASES
                .iter()
                .find(|(w, _)| self.is(w))
                .map(|(_, p)| *p)
            else {
                return Err(self.error("`support` or `oppose`"));
            };
            self.advance();
            let mods = self.mods(Family::States)?;
            return Ok(Question::Positions {
                actor: Some(actor),
                stance: None,
                polarities: vec![polarity],
                time: time(tense, mods),
                act: None,
            });
        }
        Err(self.error(
            "`meetings`, `issue has the most`, `office does`, `acts`, `positions`, `was A's position on`, or `does A support`",
        ))
    }

    /// After `where do` or `on which issues do`: `A and B disagree` or
    /// `A disagree with B`.
    fn compare_rest(&mut self) -> Result<Question> {
        const RELATIONS: [&str; 6] = [
            "disagree",
            "agree",
            "differ",
            "disagreed",
            "agreed",
            "differed",
        ];
        let mut stops = vec!["and", "with"];
        stops.extend(RELATIONS);
        let first = self.name("an actor", &stops, true)?;
        let (relation, second) = if self.eat("and") {
            let second = self.name("a second actor", &RELATIONS, true)?;
            let relation = self.relation()?;
            (relation, second)
        } else {
            let relation = self.relation()?;
            self.expect("with", "`with` and a second actor")?;
            (relation, self.name("a second actor", &["on"], true)?)
        };
        self.eat("on");
        let mods = self.mods(Family::States)?;
        Ok(Question::Compare {
            first,
            second,
            relation: Some(relation),
            time: time(Tense::Latest, mods),
        })
    }

    fn relation(&mut self) -> Result<Relation> {
        let relation = match self.word(0) {
            Some("disagree" | "disagreed") => Relation::Disagree,
            Some("agree" | "agreed") => Relation::Agree,
            Some("differ" | "differed") => Relation::Differ,
            _ => return Err(self.error("`disagree`, `agree` or `differ`")),
        };
        self.advance();
        Ok(relation)
    }

    /// After `when`: `did A meet B`, `did A criticise B`.
    fn when(&mut self) -> Result<Question> {
        self.expect_any(&["did", "does", "do", "has", "have"], "`did`")?;
        let first = self.name("an actor", ACT_BASE_STARTS, true)?;
        if self.eat_any(&["meet", "met"]) {
            self.eat("with");
            let mut actors = vec![first];
            actors.extend(self.names("an actor", &[])?);
            let mods = self.mods(Family::Events)?;
            return Ok(Question::Meetings {
                actors,
                statuses: vec![MeetingStatus::Held],
                window: mods.window,
                known_at: mods.known_at,
            });
        }
        if let Some(kind) = self.verb(ACT_BASES) {
            let target = self.name("an actor", &[], false)?;
            let mods = self.mods(Family::Events)?;
            return Ok(Question::Acts {
                kinds: vec![kind],
                actor: Some(first),
                target: Some(target),
                stance: None,
                window: mods.window,
                known_at: mods.known_at,
            });
        }
        Err(self.error("`meet` or a verb such as `criticise`"))
    }

    /// After `meetings` (and any statuses before it).
    fn meetings(&mut self, mut statuses: Vec<MeetingStatus>) -> Result<Question> {
        let mut actors = Vec::new();
        if self.eat_any(&["did", "has", "have", "does", "do"]) {
            actors = self.names("an actor", ATTEND_STARTS)?;
            if !ATTEND_VERBS.iter().any(|verb| self.eat_seq(verb)) {
                return Err(self.error("`attend` or `take part in`"));
            }
            // Attending is something that happened: held meetings only.
            push_new(&mut statuses, MeetingStatus::Held);
        } else if !self.at_modifier(0)
            && self.eat_any(&["of", "with", "involving", "between", "for", "by"])
            || self.eat_any(&["involve", "involved", "include", "included", "includes"])
        {
            actors = self.names("an actor", &["are", "were", "is", "was"])?;
        }
        if self.eat_any(&["are", "were", "is", "was"]) {
            if self.eat("not") {
                self.eat("yet");
                self.expect("held", "`held`")?;
                statuses.extend(
                    MeetingStatus::ALL
                        .iter()
                        .filter(|s| **s != MeetingStatus::Held),
                );
            } else {
                let more = self.statuses()?;
                for s in more {
                    push_new(&mut statuses, s);
                }
                // "proposed or planned, not yet held": already so.
                let save = self.pos;
                if self.tok(0).kind == Kind::Comma {
                    self.advance();
                }
                if self.eat("not") {
                    self.eat("yet");
                    self.expect("held", "`held`")?;
                    statuses.retain(|s| *s != MeetingStatus::Held);
                } else {
                    self.pos = save;
                }
            }
        } else if self.eat_seq(&["took", "place"]) || self.eat("happened") {
            push_new(&mut statuses, MeetingStatus::Held);
        }
        let mods = self.mods(Family::Events)?;
        Ok(Question::Meetings {
            actors,
            statuses,
            window: mods.window,
            known_at: mods.known_at,
        })
    }

    /// Statuses before `meetings`: `proposed or planned meetings`.
    fn leading_statuses(&mut self) -> Vec<MeetingStatus> {
        let save = self.pos;
        if self.status_word().is_some() {
            self.pos = save;
            if let Ok(statuses) = self.statuses() {
                if self.is("meetings") || self.is("meeting") {
                    return statuses;
                }
            }
        }
        self.pos = save;
        Vec::new()
    }

    /// One or more statuses, separated by `or`, `and` or commas.
    fn statuses(&mut self) -> Result<Vec<MeetingStatus>> {
        let mut out = Vec::new();
        loop {
            match self.status_word() {
                Some(status) => push_new(&mut out, status),
                None => {
                    return Err(self.error(
                        "a status: held, planned, proposed, cancelled, postponed or uncertain",
                    ));
                }
            }
            let save = self.pos;
            if self.tok(0).kind == Kind::Comma {
                self.advance();
            }
            if !self.eat_any(&["or", "and"]) && self.pos == save {
                break;
            }
            if self.status_word_ahead().is_none() {
                self.pos = save;
                break;
            }
        }
        Ok(out)
    }

    fn status_word_ahead(&self) -> Option<MeetingStatus> {
        let w = self.word(0)?;
        STATUSES.iter().find(|(s, _)| *s == w).map(|(_, s)| *s)
    }

    fn status_word(&mut self) -> Option<MeetingStatus> {
        let status = self.status_word_ahead()?;
        self.advance();
        Some(status)
    }

    /// After `acts`: `by A`, `towards B`, `of kind K`, `about S`, in any
    /// order.
    fn acts_noun(&mut self) -> Result<Question> {
        let (mut kinds, mut actor, mut target, mut stance) = (Vec::new(), None, None, None);
        const STOPS: [&str; 12] = [
            "by", "of", "from", "towards", "toward", "to", "against", "at", "about", "over", "on",
            "kind",
        ];
        loop {
            if self.at_modifier(0) {
                break;
            }
            if self.eat_any(&["by", "from"])
                || (self.is("of") && self.word(1) != Some("kind") && {
                    self.advance();
                    true
                })
            {
                actor = Some(self.name("an actor", &STOPS, true)?);
            } else if self.eat_any(&["towards", "toward", "to", "against", "at"]) {
                target = Some(self.name("an actor", &STOPS, true)?);
            } else if self.eat_seq(&["of", "kind"]) || self.eat("kind") {
                loop {
                    match self.verb(ACT_VERBS) {
                        Some(kind) => push_new(&mut kinds, kind),
                        None => {
                            return Err(self.error(
                                "a kind of act such as `criticised`, `praised` or `pushed back against`",
                            ));
                        }
                    }
                    if !self.eat("or") {
                        break;
                    }
                }
            } else if self.eat_any(&["about", "over", "on"]) {
                stance = Some(self.name("a stance", &STOPS, false)?);
            } else {
                break;
            }
        }
        let mods = self.mods(Family::Events)?;
        Ok(Question::Acts {
            kinds,
            actor,
            target,
            stance,
            window: mods.window,
            known_at: mods.known_at,
        })
    }

    /// After `changes`: `of A`, `on S`.
    fn changes_noun(&mut self) -> Result<Question> {
        let actor = if self.eat_any(&["of", "by"]) {
            Some(self.name("an actor", &["on", "about"], true)?)
        } else {
            None
        };
        let stance = self.on_stance()?;
        let mods = self.mods(Family::States)?;
        Ok(Question::Changes {
            actor,
            stance,
            time: time(Tense::Ever, mods),
        })
    }

    /// After `positions` (or `A's position`): `of A`, `on S`.
    fn positions_noun(&mut self, mut actor: Option<Name>, tense: Tense) -> Result<Question> {
        if actor.is_none() && self.eat_any(&["of", "by"]) {
            actor = Some(self.name("an actor", &["on", "about"], true)?);
        }
        let stance = self.on_stance()?;
        let mods = self.mods(Family::States)?;
        Ok(Question::Positions {
            actor,
            stance,
            polarities: Vec::new(),
            time: time(tense, mods),
            act: None,
        })
    }

    /// `on S` or `about S`, if there.
    fn on_stance(&mut self) -> Result<Option<Name>> {
        if !self.at_modifier(0) && self.eat_any(&["on", "about", "over"]) {
            Ok(Some(self.name("a stance", &[], false)?))
        } else {
            Ok(None)
        }
    }

    /// After `who took part in` or `participants of`: the meeting.
    fn participants(&mut self) -> Result<Question> {
        let meeting = self.name("a meeting", &[], false)?;
        let mods = self.mods(Family::Known)?;
        Ok(Question::Participants {
            meeting,
            known_at: mods.known_at,
        })
    }

    /// `is the most active [actor]`, if there.
    fn most_active(&mut self) -> Result<bool> {
        let save = self.pos;
        if self.eat_any(&["is", "was", "are", "were"]) {
            self.eat("the");
            if self.eat_seq(&["most", "active"]) {
                self.eat_any(&["actor", "actors", "one"]);
                self.mods(Family::Plain)?;
                return Ok(true);
            }
        }
        self.pos = save;
        Ok(false)
    }

    /// `did`/`does`-style tense words: past ones give `Ever`, present ones
    /// `Latest`.
    fn eat_tense(&mut self, past: &[&str], present: &[&str]) -> Option<Tense> {
        if self.eat_any(past) {
            Some(Tense::Ever)
        } else if self.eat_any(present) {
            Some(Tense::Latest)
        } else {
            None
        }
    }

    fn position_verb(&mut self) -> Option<(Polarity, Tense, Option<ActKind>)> {
        for (words, polarity, tense, act) in POSITION_VERBS {
            if self.eat_seq(words) {
                return Some((*polarity, *tense, *act));
            }
        }
        None
    }

    fn verb(&mut self, table: &[(&[&str], ActKind)]) -> Option<ActKind> {
        for (words, kind) in table {
            if self.eat_seq(words) {
                return Some(*kind);
            }
        }
        None
    }

    // ----- names ---------------------------------------------------------

    /// Names separated by commas and `and`: `Rutte, Merz and Vance`.
    fn names(&mut self, what: &str, stops: &[&str]) -> Result<Vec<Name>> {
        let mut stops = stops.to_vec();
        stops.push("and");
        let mut out = vec![self.name(what, &stops, true)?];
        loop {
            let save = self.pos;
            let comma = self.tok(0).kind == Kind::Comma;
            if comma {
                self.advance();
            }
            let and = self.eat("and");
            if !comma && !and {
                break;
            }
            if self.at_modifier(0) || self.tok(0).kind == Kind::End {
                self.pos = save;
                break;
            }
            out.push(self.name(what, &stops, true)?);
        }
        Ok(out)
    }

    /// A name: quoted, in parentheses, or a run of words ending before a
    /// stop word, a time modifier, punctuation, or after a possessive. In a
    /// list, a comma ends it; otherwise a comma followed by more name words
    /// is part of it ("meeting of Trump, Zelenskyy and Putin").
    fn name(&mut self, what: &str, stops: &[&str], list: bool) -> Result<Name> {
        while self.word(0).is_some_and(|w| ARTICLES.contains(&w)) && self.tok(1).kind == Kind::Word
        {
            self.advance();
        }
        match self.tok(0).kind {
            Kind::Open => {
                self.enter()?;
                self.advance();
                let name = self.name(what, stops, list)?;
                if self.tok(0).kind != Kind::Close {
                    return Err(self.error("`)`"));
                }
                self.advance();
                self.depth -= 1;
                return Ok(name);
            }
            Kind::Quoted => {
                let t = self.tok(0).clone();
                self.advance();
                return Ok(Name {
                    text: t.text,
                    column: t.column,
                });
            }
            _ => {}
        }
        let column = self.tok(0).column;
        let mut words: Vec<String> = Vec::new();
        loop {
            let t = self.tok(0);
            match t.kind {
                Kind::Word => {
                    if stops.contains(&t.lower.as_str()) || self.at_modifier(0) {
                        break;
                    }
                    let possessive = t.possessive;
                    words.push(t.text.clone());
                    self.advance();
                    // "Trump's position": an actor's name ends at its
                    // possessive; a stance or meeting may have one inside
                    // ("Ukraine's NATO membership").
                    if possessive && what.contains("actor") {
                        break;
                    }
                    if possessive {
                        if let Some(last) = words.last_mut() {
                            last.push_str("'s");
                        }
                    }
                }
                Kind::Comma
                    if !list
                        && !words.is_empty()
                        && self.tok(1).kind == Kind::Word
                        && !self.at_modifier(1)
                        && !stops.contains(&self.tok(1).lower.as_str()) =>
                {
                    if let Some(last) = words.last_mut() {
                        last.push(',');
                    }
                    self.advance();
                }
                _ => break,
            }
        }
        if words.len() > 1
            && words
                .last()
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "stance" | "issue"))
        {
            words.pop();
        }
        if words.is_empty() {
            return Err(self.error(what));
        }
        Ok(Name {
            text: words.join(" "),
            column,
        })
    }

    /// Whether a word ahead ends with a possessive before any punctuation:
    /// `Zelenskyy's meetings`.
    fn possessive_ahead(&self) -> bool {
        self.tokens
            .get(self.pos..)
            .unwrap_or_default()
            .iter()
            .take_while(|t| t.kind == Kind::Word)
            .any(|t| t.possessive)
    }

    // ----- time ----------------------------------------------------------

    /// Whether a time modifier starts `i` tokens ahead.
    fn at_modifier(&self, i: usize) -> bool {
        let date_next = matches!(self.tok(i + 1).kind, Kind::Date(_));
        match self.word(i) {
            Some("as") => matches!(self.word(i + 1), Some("of" | "known")),
            Some("known" | "reported") => {
                matches!(self.word(i + 1), Some("at" | "by" | "on" | "in"))
            }
            Some("before" | "after" | "since" | "until" | "between" | "from" | "on" | "by") => {
                date_next || (self.word(i) == Some("by") && self.word(i + 1) == Some("date"))
            }
            Some("in") => {
                date_next || matches!(self.word(i + 1), Some("date" | "chronological" | "order"))
            }
            Some("chronologically") => true,
            Some("and") => self.word(i + 1) == Some("when"),
            _ => false,
        }
    }

    /// The time modifiers a family allows, in any order, each at most once,
    /// with commas between them allowed.
    fn mods(&mut self, family: Family) -> Result<Mods> {
        self.after = family.expected();
        let mut mods = Mods::default();
        loop {
            let save = self.pos;
            if self.tok(0).kind == Kind::Comma {
                self.advance();
            }
            let start = self.pos;
            let column = self.tok(0).column;
            if !self.at_modifier(0) && !self.is("then") {
                self.pos = save;
                break;
            }
            let keyword = self.word(0).unwrap_or_default().to_owned();
            let states = family == Family::States;
            let events = family == Family::Events;
            match keyword.as_str() {
                "then" => {
                    // "who supported it, then?": a question's own time.
                    self.advance();
                }
                "as" if states && self.word(1) == Some("of") => {
                    self.advance();
                    self.advance();
                    let date = self.date()?;
                    set_once(&mut mods.as_of, date, || self.dup(column, "as-of date"))?;
                }
                "as" | "known" | "reported" if family != Family::Plain => {
                    // `known at`, `as known at`, `reported by`.
                    self.eat("as");
                    if !self.eat_any(&["known", "reported"]) {
                        self.pos = start;
                        break;
                    }
                    self.expect_any(&["at", "by", "on", "in"], "`at`")?;
                    let date = self.date()?;
                    set_once(&mut mods.known_at, date, || {
                        self.dup(column, "known-at date")
                    })?;
                }
                "before" if states => {
                    self.advance();
                    let date_column = self.tok(0).column;
                    let date = self.date()?;
                    let Some(day) = date.day_before() else {
                        return Err(error_at(
                            self.text,
                            date_column,
                            "a date after 0001-01-01",
                            &format!("{date}"),
                        ));
                    };
                    set_once(&mut mods.as_of, day, || self.dup(column, "as-of date"))?;
                }
                "on" if states => {
                    self.advance();
                    let date = self.date()?;
                    set_once(&mut mods.as_of, date, || self.dup(column, "as-of date"))?;
                }
                "between" | "from" if events => {
                    self.advance();
                    let from = self.date()?;
                    if keyword == "between" {
                        self.expect("and", "`and` and a second date")?;
                    } else {
                        self.expect_any(&["to", "until", "till"], "`to` and a second date")?;
                    }
                    let until = self.date()?;
                    self.window(&mut mods, column, Some(from), Some(until))?;
                }
                "in" | "on" if events && matches!(self.tok(1).kind, Kind::Date(_)) => {
                    self.advance();
                    let date = self.date()?;
                    self.window(&mut mods, column, Some(date), Some(date))?;
                }
                "since" if events => {
                    self.advance();
                    let date = self.date()?;
                    self.window(&mut mods, column, Some(date), None)?;
                }
                "until" if events => {
                    self.advance();
                    let date = self.date()?;
                    self.window(&mut mods, column, None, Some(date))?;
                }
                "before" | "after" if events => {
                    self.advance();
                    let date_column = self.tok(0).column;
                    let date = self.date()?;
                    let bound = if keyword == "before" {
                        date.day_before()
                    } else {
                        date.day_after()
                    };
                    let Some(bound) = bound else {
                        return Err(error_at(
                            self.text,
                            date_column,
                            "a date with days before or after it",
                            &format!("{date}"),
                        ));
                    };
                    if keyword == "before" {
                        self.window(&mut mods, column, None, Some(bound))?;
                    } else {
                        self.window(&mut mods, column, Some(bound), None)?;
                    }
                }
                "in" | "by" | "chronologically" if events => {
                    // `in date order`, `in chronological order`, `by date`,
                    // `chronologically`: results always come in date order.
                    let order = self.eat_seq(&["in", "date", "order"])
                        || self.eat_seq(&["in", "chronological", "order"])
                        || self.eat_seq(&["in", "order", "of", "date"])
                        || self.eat_seq(&["in", "order"])
                        || self.eat_seq(&["by", "date"])
                        || self.eat("chronologically");
                    if !order {
                        self.pos = start;
                        break;
                    }
                }
                "and" if events => {
                    // `and when`: acts and meetings always come with dates.
                    self.advance();
                    self.advance();
                }
                _ => {
                    self.pos = start;
                    break;
                }
            }
        }
        Ok(mods)
    }

    fn window(
        &self,
        mods: &mut Mods,
        column: usize,
        from: Option<PartialDate>,
        until: Option<PartialDate>,
    ) -> Result<()> {
        if mods.window != Window::default() {
            return Err(self.dup(column, "date range"));
        }
        if let (Some(f), Some(u)) = (from, until) {
            if u.last_day() < f.first_day() {
                return Err(error_at(
                    self.text,
                    column,
                    "a range whose end is not before its start",
                    &format!("{f} to {u}"),
                ));
            }
        }
        mods.window = Window { from, until };
        Ok(())
    }

    fn dup(&self, column: usize, what: &str) -> Error {
        error_at(
            self.text,
            column,
            &format!("at most one {what}"),
            "a second one",
        )
    }

    fn date(&mut self) -> Result<PartialDate> {
        match self.tok(0).kind {
            Kind::Date(date) => {
                self.advance();
                Ok(date)
            }
            _ => Err(self.error("a date (YYYY, YYYY-MM or YYYY-MM-DD)")),
        }
    }

    // ----- the cursor ----------------------------------------------------

    fn tok(&self, i: usize) -> &Token {
        self.tokens.get(self.pos + i).unwrap_or(&self.end)
    }

    fn word(&self, i: usize) -> Option<&str> {
        let t = self.tok(i);
        (t.kind == Kind::Word).then_some(t.lower.as_str())
    }

    fn advance(&mut self) {
        if self.pos < self.tokens.len() {
            self.pos += 1;
        }
    }

    fn skip_stops(&mut self) {
        while self.tok(0).kind == Kind::Stop {
            self.advance();
        }
    }

    fn is(&self, word: &str) -> bool {
        self.word(0) == Some(word)
    }

    fn is_seq(&self, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(i, w)| self.word(i) == Some(w))
    }

    fn eat(&mut self, word: &str) -> bool {
        let yes = self.is(word);
        if yes {
            self.advance();
        }
        yes
    }

    fn eat_any(&mut self, words: &[&str]) -> bool {
        words.iter().any(|w| self.eat(w))
    }

    fn eat_seq(&mut self, words: &[&str]) -> bool {
        let yes = self.is_seq(words);
        if yes {
            for _ in words {
                self.advance();
            }
        }
        yes
    }

    fn expect(&mut self, word: &str, expected: &str) -> Result<()> {
        if self.eat(word) {
            Ok(())
        } else {
            Err(self.error(expected))
        }
    }

    fn expect_any(&mut self, words: &[&str], expected: &str) -> Result<()> {
        if self.eat_any(words) {
            Ok(())
        } else {
            Err(self.error(expected))
        }
    }

    /// An error at the current token: `expected` there, found what is there.
    fn error(&self, expected: &str) -> Error {
        let t = self.tok(0);
        let found = match t.kind {
            Kind::End => "the end of the question".to_owned(),
            Kind::Quoted => format!("the quoted name {:?}", t.text),
            _ => {
                let text: String = t.text.chars().take(40).collect();
                let text = if t.possessive {
                    format!("{text}'s")
                } else {
                    text
                };
                format!("{text:?}")
            }
        };
        error_at(self.text, t.column, expected, &found)
    }
}

fn time(tense: Tense, mods: Mods) -> Time {
    Time {
        tense,
        as_of: mods.as_of,
        known_at: mods.known_at,
    }
}

fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn set_once(
    slot: &mut Option<PartialDate>,
    date: PartialDate,
    dup: impl FnOnce() -> Error,
) -> Result<()> {
    if slot.is_some() {
        return Err(dup());
    }
    *slot = Some(date);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> Question {
        Question::parse(q).unwrap_or_else(|e| panic!("{q}: {e}"))
    }

    fn fails(q: &str) -> (usize, String) {
        match Question::parse(q) {
            Err(Error::Question {
                column, expected, ..
            }) => (column, expected),
            other => panic!("{q}: {other:?}"),
        }
    }

    fn name(text: &str, column: usize) -> Name {
        Name {
            text: text.into(),
            column,
        }
    }

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn tense_decides_ever_or_latest() {
        let Question::Positions {
            time,
            polarities,
            stance,
            act,
            ..
        } = parse("who opposed the ceasefire stance?")
        else {
            panic!()
        };
        assert_eq!(time.tense, Tense::Ever);
        assert_eq!(polarities, [Polarity::Opposes]);
        assert_eq!(stance, Some(name("ceasefire", 17)));
        assert_eq!(act, None);
        let Question::Positions { time, act, .. } =
            parse("who supports the ceasefire as of 2025-08-17")
        else {
            panic!()
        };
        assert_eq!(time.tense, Tense::Latest);
        assert_eq!(time.as_of, Some(d("2025-08-17")));
        assert_eq!(act, Some(ActKind::Supported));
    }

    #[test]
    fn before_means_the_day_before() {
        let Question::Positions {
            actor,
            stance,
            time,
            ..
        } = parse("what was Trump's position on the ceasefire before 2025-08-18?")
        else {
            panic!()
        };
        assert_eq!(actor, Some(name("Trump", 10)));
        assert_eq!(stance, Some(name("ceasefire", 34)));
        assert_eq!(time.as_of, Some(d("2025-08-17")));
    }

    #[test]
    fn names_may_hold_commas_and_keywords_in_quotes() {
        let Question::Participants { meeting, .. } = parse(
            "who took part in the proposed trilateral meeting of Trump, Zelenskyy and Putin?",
        ) else {
            panic!()
        };
        assert_eq!(
            meeting.text,
            "proposed trilateral meeting of Trump, Zelenskyy and Putin"
        );
        let Question::Offices { actors, .. } =
            parse("which office does each of Rutte, Merz and Vance hold?")
        else {
            panic!()
        };
        let texts: Vec<&str> = actors.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["Rutte", "Merz", "Vance"]);
        let Question::MetBoth { first, .. } = parse("who met both \"as of\" and Putin") else {
            panic!()
        };
        assert_eq!(first.text, "as of");
    }

    #[test]
    fn windows_and_statuses() {
        let Question::Meetings {
            statuses,
            window,
            actors,
            ..
        } = parse("which meetings were held between 2025-08-01 and 2025-08-31?")
        else {
            panic!()
        };
        assert_eq!(statuses, [MeetingStatus::Held]);
        assert_eq!(window.from, Some(d("2025-08-01")));
        assert_eq!(window.until, Some(d("2025-08-31")));
        assert!(actors.is_empty());
        let Question::Meetings { statuses, .. } = parse("which meetings are proposed or planned?")
        else {
            panic!()
        };
        assert_eq!(statuses, [MeetingStatus::Proposed, MeetingStatus::Planned]);
        let Question::Meetings {
            statuses, actors, ..
        } = parse("which meetings did Zelenskyy take part in, in date order?")
        else {
            panic!()
        };
        assert_eq!(statuses, [MeetingStatus::Held]);
        assert_eq!(actors, [name("Zelenskyy", 20)]);
        let Question::Meetings { actors, .. } =
            parse("meetings between Trump and Putin after 2025-08")
        else {
            panic!()
        };
        assert_eq!(actors.len(), 2);
    }

    #[test]
    fn every_form_parses_to_its_family() {
        for (q, family) in [
            ("who changed position on the ceasefire?", "Changes"),
            ("who met both Zelenskyy and Putin?", "MetBoth"),
            ("who criticised Zelenskyy, and when?", "Acts"),
            ("whom did Trump criticise?", "Acts"),
            ("who pushed back against Trump over the ceasefire?", "Acts"),
            (
                "acts by Macron towards Trump of kind pushed back against",
                "Acts",
            ),
            ("where do Trump and Macron disagree?", "Compare"),
            ("on which issues do Trump and Macron disagree?", "Compare"),
            ("where does Trump disagree with Macron?", "Compare"),
            ("compare Macron and Merz", "Compare"),
            (
                "which issue has the most actors with a recorded position?",
                "StanceRanking",
            ),
            ("rank stances", "StanceRanking"),
            ("who is the most active actor?", "ActorRanking"),
            ("rank actors", "ActorRanking"),
            ("what offices does Merz hold as of 2025-08-18?", "Offices"),
            ("Zelenskyy's meetings", "Meetings"),
            ("proposed meetings", "Meetings"),
            ("when did Trump meet Putin?", "Meetings"),
            ("what does Trump support?", "Positions"),
            (
                "who rejected or favoured territorial concessions?",
                "Positions",
            ),
            ("(((who opposed ceasefire)))", "Positions"),
        ] {
            let got = format!("{:?}", parse(q));
            assert!(got.starts_with(family), "{q}: {got}");
        }
    }

    #[test]
    fn errors_point_at_the_column_and_say_what_was_expected() {
        assert_eq!(
            fails(""),
            (1, "a question, such as `who opposed the ceasefire?`".into())
        );
        assert_eq!(
            fails("   "),
            (4, "a question, such as `who opposed the ceasefire?`".into())
        );
        assert_eq!(
            fails("who met both Zelenskyy"),
            (23, "`and` and a second actor".into())
        );
        assert_eq!(fails("who opposed"), (12, "a stance".into()));
        assert_eq!(fails("who frobbed Putin"), (5, fails("who x").1));
        let (column, expected) = fails("who opposed ceasefire as of yesterday");
        assert_eq!(
            (column, expected.as_str()),
            (29, "a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        );
        let (column, expected) = fails("who met both X and Y as of 2025");
        assert_eq!((column, expected.as_str()), (22, "the end of the question"));
        let (column, expected) = fails("who opposed ceasefire as of 2025 as of 2024");
        assert_eq!((column, expected.as_str()), (34, "at most one as-of date"));
        let (column, _) = fails("meetings between 2025-09 and 2025-08");
        assert_eq!(column, 10);
        let (column, _) = fails("(who opposed ceasefire");
        assert_eq!(column, 23);
    }

    #[test]
    fn nesting_is_bounded() {
        let ok = format!(
            "{}who opposed ceasefire{}",
            "(".repeat(MAX_DEPTH),
            ")".repeat(MAX_DEPTH)
        );
        parse(&ok);
        let deep = format!(
            "{}who opposed ceasefire{}",
            "(".repeat(3000),
            ")".repeat(3000)
        );
        let (column, expected) = fails(&deep);
        assert_eq!(column, MAX_DEPTH + 1);
        assert!(expected.contains("nested"), "{expected}");
        let deep_name = format!("who opposed {}ceasefire", "(".repeat(3000));
        assert!(fails(&deep_name).1.contains("nested"));
    }
}
