//! The claim record: one figure, what it counts, whom and who said it.

use super::clause::Ann;
use super::{EventTime, states_time};
use crate::number::Qualifier;
use crate::rules::{PopulationRole, Role, Word};
use serde::{Deserialize, Serialize};

/// One figure a document states about a category of victims, traced to
/// its sentence. Its JSON is `recount.claim/1`
/// ([`wire::claim_json`](crate::wire::claim_json)).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Claim {
    /// The document's id.
    pub doc: String,
    /// Byte span of the figure in the document text: its first byte.
    pub start: usize,
    /// Byte span of the figure in the document text: one past its last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column (in characters) of `start`.
    pub column: usize,
    /// The figure as written (`At least one`, `ten`, `An`).
    pub number: String,
    /// The sentence that states it (shared by the claims of one sentence).
    pub quote: std::sync::Arc<str>,
    /// Byte offset of the quote in the document text.
    pub quote_start: usize,
    /// The category, as the rules name it (`killed`, `wounded`).
    pub category: String,
    /// What the category means (its `role` in the rules), so that the
    /// claim is understood without the rules that found it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The stated range: smallest value; `None` = unbounded below.
    pub low: Option<f64>,
    /// The stated range: largest value; `None` = open-ended.
    pub high: Option<f64>,
    /// How the text qualified the figure (`at least`, `about`).
    pub qualifier: Qualifier,
    /// The victims' side, when the text says it.
    pub party: Option<String>,
    /// military, civilian, police, suspects, people (unspecified); none for percentages.
    pub population: Option<String>,
    /// What the population means (its `role` in the rules): `default` for
    /// victims of no stated kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population_role: Option<PopulationRole>,
    /// Who the sentence says gave the figure (`the emergency service`).
    pub speaker: Option<String>,
    /// Hedges on the figure (`preliminary`, `reportedly`).
    pub hedges: Vec<String>,
    /// When the event happened: stated in the sentence, or the publication date.
    pub event_time: Option<EventTime>,
    /// For percentages: what the figure is a share of (`inhabited settlements`).
    pub subject: Option<String>,
    /// The document's publication date, so a claim stands alone.
    pub published: Option<jiff::civil::Date>,
    /// The document's outlet, so a claim stands alone.
    pub outlet: Option<String>,
    /// The claim was read from reader comments.
    pub in_comments: bool,
    /// The claim was read from the document's title (its `title` field),
    /// not its text: `start`, `end` and `column` are offsets into the
    /// title, and `line` is 0.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_title: bool,
    /// How the figure counts toward its document's toll for the incident:
    /// a total, a part of one, or one person.
    pub counts: Counts,
    /// The one victim a `person` claim is about, as the text names or
    /// describes them, so that mentions of one person count once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Person>,
    /// Items of one coordinated list (`three women and two men`) share
    /// this id (the byte offset of the first item): together they state
    /// one figure, their sum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<usize>,
    /// Which incident of its document the figure is about: 0 the one the
    /// document reports; another number an incident it mentions in
    /// passing (an earlier attack, a round-up's other shootings, a teaser),
    /// numbered by the sentence where the text turns to it.
    #[serde(default)]
    pub incident: u32,
    /// For a figure recount derived from others (wounded = shot − killed):
    /// the claims it comes from. Empty for a figure the text states.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived: Vec<Derivation>,
}

/// How a claim counts toward its document's toll.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Counts {
    /// It states the figure (`12 people were killed`).
    #[default]
    Total,
    /// A part of a figure: `including two children`, `two of the
    /// injured`, `three more`, an item of a breakdown. Never compared with
    /// a total.
    Part,
    /// One person, named or described (`a man was shot`, `Lopez died`,
    /// `he later died`): the toll counts distinct people, not mentions.
    Person,
    /// `three others`: more people than the figure before it of the same
    /// category, to be added to it (`one man is in critical condition; the
    /// four others were also taken to hospital` → 5).
    More,
    /// A figure derived from others (wounded = shot − killed).
    Derived,
    /// A figure the text itself says was replaced (`police originally
    /// said eight were hurt`): the document's figure only when it gives no
    /// other.
    Earlier,
}

/// One victim as a text refers to them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Person {
    /// The name as written (`Maria Lopez`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The age the text gives (`Lopez, 34,`, `a 34-year-old`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u16>,
    /// The noun that describes them, lowercase (`man`, `victim`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noun: Option<String>,
    /// Their gender, where the words say it (`man`, `she`, `his
    /// daughter`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// How the text refers to them.
    pub reference: Reference,
}

impl Person {
    /// Someone a pronoun refers to (`he`, `she`, `himself`).
    pub(super) fn pronoun(gender: Option<Gender>) -> Person {
        Person {
            reference: Reference::Pronoun,
            gender,
            ..Default::default()
        }
    }
}

/// A person's gender as the words say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// A man or a boy.
    Male,
    /// A woman or a girl.
    Female,
}

/// The gender a word says (`man`, `she`), per the rules' word classes.
pub(super) fn gender_of(t: &Ann) -> Option<Gender> {
    if t.is(Word::Male) {
        Some(Gender::Male)
    } else if t.is(Word::Female) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// How a text refers to one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reference {
    /// By name.
    Name,
    /// `a man`, `an 11-year-old`: someone new, unless described alike
    /// before.
    #[default]
    Indefinite,
    /// `the man`, `the 34-year-old`, `his girlfriend`: someone already
    /// mentioned, if anyone fits.
    Definite,
    /// `he`, `she`: the last person mentioned.
    Pronoun,
    /// `another man`, `a second victim`: someone not counted yet.
    Another,
}

/// A claim a derived figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Derivation {
    /// Its category.
    pub category: String,
    /// Its category's role.
    pub role: Option<Role>,
    /// Its figure as written.
    pub number: String,
    /// Byte span of the figure in the document text.
    pub start: usize,
    /// End of that span.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column (in characters) of `start`.
    pub column: usize,
    /// Its range's low end.
    pub low: Option<f64>,
    /// Its range's high end (`None`: open).
    pub high: Option<f64>,
    /// Its sentence.
    pub quote: std::sync::Arc<str>,
}

impl<'de> Deserialize<'de> for Claim {
    /// Reads what [`Serialize`] writes (a `recount.claim/1` line of
    /// `recount extract`, its `schema` and any other unknown key ignored),
    /// giving back the claim that was written.
    ///
    /// The `event_time` string does not say whether the sentence stated the
    /// time or it is the publication date. Only a day equal to `published`
    /// can be either; it is taken as stated when the quote states a time
    /// (as the extractor decided), else as the publication date.
    ///
    /// ```
    /// use recount::{Claim, Pipeline, from_text};
    ///
    /// let mut doc = from_text("a.txt", "Five people were killed on Tuesday. Two died today.");
    /// doc.published = Some(jiff::civil::date(2024, 3, 7));
    /// for claim in Pipeline::with_default_rules().extract(&doc) {
    ///     let line = recount::wire::claim_json(&claim);
    ///     let back: Claim = serde_json::from_str(&line).unwrap();
    ///     assert_eq!(back, claim);
    /// }
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Claim, D::Error> {
        /// The fields as written; a field added to [`Claim`] must be added
        /// here too (the conversion below does not compile otherwise).
        #[derive(Deserialize)]
        #[serde(rename = "Claim")]
        struct Fields {
            doc: String,
            start: usize,
            end: usize,
            line: usize,
            column: usize,
            number: String,
            quote: std::sync::Arc<str>,
            quote_start: usize,
            category: String,
            #[serde(default)]
            role: Option<Role>,
            low: Option<f64>,
            high: Option<f64>,
            qualifier: Qualifier,
            party: Option<String>,
            population: Option<String>,
            #[serde(default)]
            population_role: Option<PopulationRole>,
            speaker: Option<String>,
            hedges: Vec<String>,
            event_time: Option<EventTime>,
            subject: Option<String>,
            published: Option<jiff::civil::Date>,
            outlet: Option<String>,
            in_comments: bool,
            #[serde(default)]
            in_title: bool,
            #[serde(default)]
            counts: Counts,
            #[serde(default)]
            person: Option<Person>,
            #[serde(default)]
            list: Option<usize>,
            #[serde(default)]
            incident: u32,
            #[serde(default)]
            derived: Vec<Derivation>,
        }
        let f = Fields::deserialize(d)?;
        let event_time = f.event_time.map(|t| {
            let publication_day = t.first == t.last && Some(t.first) == f.published;
            if publication_day && !states_time(&f.quote, f.published) {
                EventTime::day(t.first, false)
            } else {
                t
            }
        });
        Ok(Claim {
            doc: f.doc,
            start: f.start,
            end: f.end,
            line: f.line,
            column: f.column,
            number: f.number,
            quote: f.quote,
            quote_start: f.quote_start,
            category: f.category,
            role: f.role,
            low: f.low,
            high: f.high,
            qualifier: f.qualifier,
            party: f.party,
            population: f.population,
            population_role: f.population_role,
            speaker: f.speaker,
            hedges: f.hedges,
            event_time,
            subject: f.subject,
            published: f.published,
            outlet: f.outlet,
            in_comments: f.in_comments,
            in_title: f.in_title,
            counts: f.counts,
            person: f.person,
            list: f.list,
            incident: f.incident,
            derived: f.derived,
        })
    }
}
