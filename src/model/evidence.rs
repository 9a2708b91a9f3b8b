//! Sources and the evidence that cites them.

use serde::{Deserialize, Serialize};

use super::{Key, PartialDate};

/// A document that reports diplomatic events: a news report, a communiqué, a
/// transcript, an event-data file.
///
/// Its publication date is the **report time** that "known at" queries use.
///
/// # Examples
///
/// ```
/// use diplograph::{PartialDate, Source};
///
/// let source = Source::new("report", "White House talks on Ukraine")
///     .publisher("Example News")
///     .published("2025-08".parse()?);
/// assert_eq!(source.published.map(|d| d.to_string()).as_deref(), Some("2025-08"));
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Source {
    /// The key evidence uses to cite this source.
    pub key: Key,
    /// The headline or title.
    pub title: String,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published: the report time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// A curator's remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Source {
    /// A source with a key and a title.
    ///
    /// ```
    /// let s = diplograph::Source::new("report", "A report");
    /// assert_eq!(s.title, "A report");
    /// ```
    pub fn new(key: impl Into<Key>, title: impl Into<String>) -> Self {
        Source {
            key: key.into(),
            title: title.into(),
            publisher: None,
            url: None,
            published: None,
            note: None,
        }
    }

    /// Sets the publisher.
    ///
    /// ```
    /// let s = diplograph::Source::new("r", "R").publisher("Example News");
    /// assert_eq!(s.publisher.as_deref(), Some("Example News"));
    /// ```
    #[must_use]
    pub fn publisher(mut self, publisher: impl Into<String>) -> Self {
        self.publisher = Some(publisher.into());
        self
    }

    /// Sets the URL.
    ///
    /// ```
    /// let s = diplograph::Source::new("r", "R").url("https://example.org/r");
    /// assert_eq!(s.url.as_deref(), Some("https://example.org/r"));
    /// ```
    #[must_use]
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets the publication date.
    ///
    /// ```
    /// let s = diplograph::Source::new("r", "R").published("2025-08-19".parse()?);
    /// assert!(s.published.is_some());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    #[must_use]
    pub fn published(mut self, date: PartialDate) -> Self {
        self.published = Some(date);
        self
    }

    /// Sets a curator's note.
    ///
    /// ```
    /// let s = diplograph::Source::new("r", "R").note("paywalled");
    /// assert_eq!(s.note.as_deref(), Some("paywalled"));
    /// ```
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// What a claim rests on: a source, and the sentence quoted from it.
///
/// # Examples
///
/// ```
/// use diplograph::Evidence;
///
/// let e = Evidence::new("report", "Zelenskyy has publicly rejected the idea of giving up Crimea.");
/// assert_eq!(e.source.as_str(), "report");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Evidence {
    /// The key of the cited [`Source`].
    pub source: Key,
    /// The sentence quoted from the source, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// A curator's remark on how the quote supports the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Evidence {
    /// Evidence quoting `quote` from the source with key `source`.
    ///
    /// ```
    /// let e = diplograph::Evidence::new("report", "They met.");
    /// assert_eq!(e.quote.as_deref(), Some("They met."));
    /// ```
    pub fn new(source: impl Into<Key>, quote: impl Into<String>) -> Self {
        Evidence {
            source: source.into(),
            quote: Some(quote.into()),
            note: None,
        }
    }

    /// Evidence citing a source without a quote, such as a coded event row.
    ///
    /// ```
    /// let e = diplograph::Evidence::cite("gdelt-20250818");
    /// assert_eq!(e.quote, None);
    /// ```
    pub fn cite(source: impl Into<Key>) -> Self {
        Evidence {
            source: source.into(),
            quote: None,
            note: None,
        }
    }

    /// Sets a curator's note.
    ///
    /// ```
    /// let e = diplograph::Evidence::new("r", "q").note("paraphrase of a longer passage");
    /// assert!(e.note.is_some());
    /// ```
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}
