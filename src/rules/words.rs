//! Word classes: the English function words the clause grammar reads
//! (`were`, `the`, `including`), listed in the `[words]` table of the rules
//! rather than in code. Each class is a bit; a token carries the bits of
//! every class its word is listed in, found with the same lookup that finds
//! the rules' phrases.

use serde::Deserialize;

macro_rules! word_classes {
    ($($(#[$doc:meta])* $variant:ident = $key:ident,)*) => {
        /// A class of words the clause grammar reads, named as in the
        /// `[words]` table of `rules.toml`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Word {
            $($(#[$doc])* $variant,)*
        }

        impl Word {
            /// The class's key in the `[words]` table.
            pub fn key(self) -> &'static str {
                match self {
                    $(Word::$variant => stringify!($key),)*
                }
            }

            /// The class's bit in a token's set.
            pub fn bit(self) -> u64 {
                1u64 << (self as u8)
            }
        }

        /// The `[words]` table as written.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct RawWords {
            $(#[serde(default)] $key: Vec<String>,)*
        }

        impl RawWords {
            /// Each class with its listed words.
            pub(crate) fn lists(&self) -> Vec<(Word, &[String])> {
                vec![$((Word::$variant, self.$key.as_slice()),)*]
            }
        }
    };
}

word_classes! {
    /// Auxiliaries and adverbs that may stand between the victims and the
    /// verb: `were`, `have been`, `later`, `reportedly`.
    Auxiliary = auxiliaries,
    /// Modal verbs: the predicate after them did not (yet) happen.
    Modal = modals,
    /// Words that may qualify the victims' noun without being one.
    Modifier = modifiers,
    /// `three more`, `two additional`: added to an earlier figure.
    Increment = increments,
    /// `other`, `else`: the phrase continues an earlier figure.
    Continuation = continuations,
    /// `others`: a head that stands for more of an earlier figure's people.
    Others = others,
    /// Words that end a noun phrase rather than qualify its noun.
    Function = function_words,
    /// Possessive determiners: `its soldiers`, `of their fighters`.
    Possessive = possessives,
    /// Prepositions of a short phrase between the victims and the verb.
    Preposition = prepositions,
    /// Openers of a parenthetical between the victims and the verb.
    Parenthetical = parentheticals,
    /// Words between a toll noun and its number (`rose to`, `of`).
    TollConnector = toll_connectors,
    /// Articles: `a`, `an`, `the`.
    Article = articles,
    /// `the`: a definite noun names a body introduced earlier (`the board
    /// said`).
    DefiniteArticle = definite_articles,
    /// Words that open an object after an active verb (`killed the`,
    /// `shot him`): the noun phrase before the verb is its agent.
    Object = objects,
    /// Verbs (and `with`) before what victims suffered (`suffered`,
    /// `sustained`, `with`): `N people suffered gunshot wounds`.
    Suffer = suffer_verbs,
    /// Reflexive pronouns: after a verb whose object is its victims, the
    /// agent is a victim too (`killed himself`).
    Reflexive = reflexives,
    /// Verbs that take no object (`died a short time later`).
    Intransitive = intransitive,
    /// Determiners between a verb and its number (`killing all 157`).
    Determiner = determiners,
    /// `of`: a complement follows (`12 of its soldiers`).
    Of = of_words,
    /// Pronouns after `of` that close a partitive (`two of them`).
    PartitivePronoun = partitive_pronouns,
    /// Determiners after `of` before a casualty noun (`two of the dead`).
    PartitiveDeterminer = partitive_determiners,
    /// `and`, `or`: coordinated noun phrases.
    Conjunction = conjunctions,
    /// Plural nouns without a final `s` (`men`, `police`).
    CollectivePlural = collective_plurals,
    /// Pronouns that stand for one person (`he`, `she`).
    PersonPronoun = person_pronouns,
    /// `both`: two, before a plural noun (`both hostages`).
    Pair = pair_words,
    /// Possessives of people before a victim (`killing his girlfriend`).
    PersonPossessive = person_possessives,
    /// Words that add one more person to those mentioned (`another man`,
    /// `a second victim`).
    AddOn = add_ons,
    /// Pronouns that can be a speaker (`it said`, `they said`).
    SpeakerPronoun = speaker_pronouns,
    /// Words before a speaker's name inside an attribution (`according to
    /// a statement by X`).
    SpeakerAgent = speaker_agents,
    /// First words that make a would-be speaker no speaker (`some said`).
    NotSpeakerHead = not_speaker_heads,
    /// Nouns for a document, not a body (`the report said`).
    SpeakerDocument = speaker_documents,
    /// Words that end a speaker's noun phrase, read backwards from its verb.
    SpeakerStop = speaker_stops,
    /// Auxiliary adverbs that may sit inside a speaker's phrase
    /// (`officially`).
    SpeakerAdverb = speaker_adverbs,
    /// `including`: a part of the figure before it follows.
    Including = including,
    /// Verbs a bare name takes as a singular subject (`Smith was`, `Smith
    /// died`).
    SingularVerb = singular_verbs,
    /// Words that make the number after them an age (`aged 19`).
    Age = age_words,
    /// `none of the 300`: the figure after them counts nobody.
    Nobody = none_words,
    /// `side`: a party named as a side (`on the Armenian side`).
    Side = sides,
    /// Leading words of a percentage's subject that are not the subject
    /// (`68% of the settlements`).
    PercentLead = percent_leads,
    /// Words that end a percentage's subject.
    PercentStop = percent_stops,
    /// Words inside a noun phrase that show an article belongs to another
    /// noun (`the night his wife was shot`).
    Nesting = nesting,
    /// Relative pronouns: after them an active verb keeps its agent (`a
    /// man who killed his wife`).
    Relative = relatives,
    /// Forms of `be` and `get` that make the verb after them passive
    /// (`were killed`, `got shot`).
    Passive = passive_auxiliaries,
    /// Nouns a casualty noun qualifies (`death penalty`): no figure.
    CompoundNoun = compound_nouns,
    /// Nouns and pronouns for a man or a boy, and for a woman or a girl:
    /// mentions of different genders are different people.
    Male = male,
    Female = female,
    /// Words before a place's name (`in Bridgeport`, `near Lachin`).
    Locative = locatives,
    /// The last word of a county's name (`Cook County`, `Orleans Parish`).
    County = county_words,
    /// `block` in `the 600 block of Highland`.
    Block = block_words,
    /// The last word of a street's name (`Avenue`, `St.`).
    Street = street_words,
    /// Titles before a person's name (`Chief`, `Sgt.`).
    PersonTitle = person_titles,
    /// Nouns that end a place's or an organisation's name (`Hospital`,
    /// `Center`): capitalised words before one are no person's name.
    Institution = institutions,
    /// Words that, opening a sentence, turn the text to another incident
    /// (`Earlier Monday, …`, `Elsewhere, …`).
    OtherOpener = other_openers,
    /// Plural nouns for incidents: with a number or a quantifier before
    /// them, a figure adds up several incidents (`in three shootings`).
    IncidentPlural = incident_plurals,
    /// Quantifiers of incidents (`a series of shootings`, `weekend
    /// shootings`).
    IncidentQuantifier = incident_quantifiers,
    /// Words that make a figure one the text itself says was replaced
    /// (`police originally said eight were hurt`): not the document's
    /// figure when it gives another.
    Superseded = superseded,
    /// How badly people were hurt (`two were seriously injured`): a
    /// figure so qualified is a part of the wounded, not their total.
    Severity = severities,
    /// After `the`, a remainder of people already counted (`the other
    /// seven`, `the remaining two`): a part.
    Remainder = remainders,
    /// `to` before a verb: the act was meant, threatened or tried, not
    /// done (`threatened to take his own life`).
    Infinitive = infinitives,
}
