//! Splitting a question into tokens: words, dates, quoted names and
//! punctuation, each with the column (in characters, from 1) where it starts.

use crate::error::Result;
use crate::model::PartialDate;

use super::error_at;

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word: letters, digits and the joiners `-`, `.`, `'`, `’`, `_`, `&`,
    /// `:`, `/`. A possessive ending (`'s`, `’s`, a final apostrophe) is
    /// taken off and noted in [`Token::possessive`].
    Word,
    /// A date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date(PartialDate),
    /// A name in double quotes (straight or curly), quotes taken off.
    Quoted,
    /// `,` or `;`.
    Comma,
    /// `?` or `!`, or a `.` ending the question.
    Stop,
    /// `(`.
    Open,
    /// `)`.
    Close,
    /// The end of the question.
    End,
}

/// A token of a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) kind: Kind,
    /// The text as typed (for a word, without its possessive ending).
    pub(crate) text: String,
    /// The text in lower case, for matching keywords.
    pub(crate) lower: String,
    /// The column of the first character, from 1.
    pub(crate) column: usize,
    /// Whether a word had a possessive ending ("Trump's").
    pub(crate) possessive: bool,
}

impl Token {
    fn new(kind: Kind, text: String, column: usize) -> Self {
        Token {
            kind,
            lower: text.to_lowercase(),
            text,
            column,
            possessive: false,
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '’' | '_' | '&' | ':' | '/')
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '„')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '»')
}

/// Splits `question` into tokens, ending with [`Kind::End`].
///
/// # Errors
///
/// [`Error::Question`](crate::Error::Question) at a character no token can
/// start with, an unclosed quote, or a malformed or impossible date.
pub(crate) fn tokens(question: &str) -> Result<Vec<Token>> {
    let chars: Vec<char> = question.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let column = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let single = match c {
            ',' | ';' => Some(Kind::Comma),
            '?' | '!' => Some(Kind::Stop),
            '(' => Some(Kind::Open),
            ')' => Some(Kind::Close),
            _ => None,
        };
        if let Some(kind) = single {
            out.push(Token::new(kind, c.to_string(), column));
            i += 1;
        } else if is_open_quote(c) {
            let start = i + 1;
            let Some(len) = chars
                .get(start..)
                .and_then(|rest| rest.iter().position(|c| is_close_quote(*c)))
            else {
                return Err(error_at(
                    question,
                    column,
                    "a closing quote",
                    "the end of the question",
                ));
            };
            let text: String = chars
                .get(start..start + len)
                .unwrap_or_default()
                .iter()
                .collect();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_empty() {
                return Err(error_at(
                    question,
                    column + 1,
                    "a name between the quotes",
                    "\"\"",
                ));
            }
            out.push(Token::new(Kind::Quoted, text, column));
            i = start + len + 1;
        } else if is_word_char(c) {
            let start = i;
            while chars.get(i).copied().is_some_and(is_word_char) {
                i += 1;
            }
            let mut text: String = chars.get(start..i).unwrap_or_default().iter().collect();
            // A final full stop ends the sentence, unless the word is an
            // abbreviation with other stops in it ("U.S.").
            let mut ends_sentence = false;
            while text.ends_with('.') && !text.trim_end_matches('.').contains('.') {
                text.pop();
                ends_sentence = true;
            }
            if !text.is_empty() {
                out.push(word(question, text, column)?);
            }
            if ends_sentence {
                out.push(Token::new(Kind::Stop, ".".into(), i));
            }
        } else {
            return Err(error_at(
                question,
                column,
                "a word, a date, a quoted name or punctuation",
                &format!("{:?}", c.to_string()),
            ));
        }
    }
    out.push(Token::new(Kind::End, String::new(), chars.len() + 1));
    Ok(out)
}

/// A word or a date.
fn word(question: &str, text: String, column: usize) -> Result<Token> {
    let looks_like_date = text.len() >= 4
        && text.chars().take(4).all(|c| c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_digit() || c == '-');
    if looks_like_date {
        return match text.parse::<PartialDate>() {
            Ok(date) => Ok(Token::new(Kind::Date(date), text, column)),
            Err(e) => Err(error_at(
                question,
                column,
                &format!("a date as YYYY, YYYY-MM or YYYY-MM-DD ({})", e.reason()),
                &format!("{text:?}"),
            )),
        };
    }
    let mut token = Token::new(Kind::Word, text, column);
    for ending in ["'s", "’s", "'", "’"] {
        if let Some(stem) = token.text.strip_suffix(ending) {
            if !stem.is_empty() {
                token = Token {
                    possessive: true,
                    ..Token::new(Kind::Word, stem.to_owned(), column)
                };
            }
            break;
        }
    }
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(q: &str) -> Vec<(String, usize)> {
        tokens(q)
            .unwrap()
            .into_iter()
            .map(|t| {
                let tag = match t.kind {
                    Kind::Word if t.possessive => format!("{}'s", t.text),
                    Kind::Word => t.text,
                    Kind::Date(d) => format!("date:{d}"),
                    Kind::Quoted => format!("\"{}\"", t.text),
                    Kind::Comma => ",".into(),
                    Kind::Stop => "?".into(),
                    Kind::Open => "(".into(),
                    Kind::Close => ")".into(),
                    Kind::End => "end".into(),
                };
                (tag, t.column)
            })
            .collect()
    }

    #[test]
    fn splits_words_dates_and_punctuation_with_columns() {
        let got = kinds("who opposes ceasefire as of 2025-08-17?");
        let want = [
            ("who", 1),
            ("opposes", 5),
            ("ceasefire", 13),
            ("as", 23),
            ("of", 26),
            ("date:2025-08-17", 29),
            ("?", 39),
            ("end", 40),
        ];
        let want: Vec<(String, usize)> = want.iter().map(|(s, c)| (s.to_string(), *c)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn takes_off_possessives_and_final_stops() {
        let got: Vec<String> = kinds("what was Trump's position, the Europeans’ and the U.S.")
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(
            got,
            [
                "what",
                "was",
                "Trump's",
                "position",
                ",",
                "the",
                "Europeans's",
                "and",
                "the",
                "U.S.",
                "end"
            ]
        );
        let got: Vec<String> = kinds("who met Putin.")
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(got, ["who", "met", "Putin", "?", "end"]);
    }

    #[test]
    fn quoted_names_keep_their_words() {
        let got =
            kinds("who took part in “Proposed trilateral meeting of Trump, Zelenskyy and Putin”");
        assert_eq!(
            got[4].0,
            "\"Proposed trilateral meeting of Trump, Zelenskyy and Putin\""
        );
        assert_eq!(got[4].1, 18);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let err = tokens("who met Зеленський @").unwrap_err();
        assert!(
            matches!(err, crate::Error::Question { column: 20, .. }),
            "{err}"
        );
    }

    #[test]
    fn refuses_bad_dates_unclosed_quotes_and_stray_characters() {
        for (q, column, expected) in [
            ("as of 2025-02-30", 7, "February 2025 has 28 days"),
            ("as of 2025-2", 7, "a date as YYYY"),
            ("who took part in \"Alaska", 18, "a closing quote"),
            ("who opposed #ceasefire", 13, "a word, a date"),
            ("who \u{0}", 5, "a word, a date"),
            ("who \"\"", 6, "a name between the quotes"),
        ] {
            match tokens(q) {
                Err(crate::Error::Question {
                    column: c,
                    expected: e,
                    ..
                }) => {
                    assert_eq!(c, column, "{q}");
                    assert!(e.contains(expected), "{q}: {e}");
                }
                other => panic!("{q}: {other:?}"),
            }
        }
    }
}
