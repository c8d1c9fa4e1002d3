//! Who says a figure: the speaker a sentence names beside a speech verb,
//! or one carried from the sentence before (`he said`).

use super::Extractor;
use super::clause::{Ann, ann_before, is_at, speaker_before};
use crate::document::Document;
use crate::rules::{Tag, Word};
use crate::text::{self, TokKind};

/// Who a sentence says is speaking.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Speaker {
    pub(super) text: String,
    pub(super) party: Option<u16>,
    pub(super) official: bool,
}

/// What a sentence's analysis found about its speaker.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum SpeakerCue {
    None,
    Named(Speaker),
    /// `he said`, `it said`: whoever was named last.
    Pronoun,
}

impl Extractor {
    pub(super) fn speaker_of(&self, anns: &[Ann], sentence: &str, base: usize) -> SpeakerCue {
        let (named, pronoun) = self.speakers_in(anns, sentence, base);
        match named.into_iter().last() {
            Some((_, s)) => SpeakerCue::Named(s),
            None if pronoun => SpeakerCue::Pronoun,
            None => SpeakerCue::None,
        }
    }

    /// Every speaker a sentence names, with the token of its speech verb,
    /// and whether a pronoun speaks (`it said`).
    pub(super) fn speakers_in(
        &self,
        anns: &[Ann],
        sentence: &str,
        base: usize,
    ) -> (Vec<(usize, Speaker)>, bool) {
        let mut named_speakers = Vec::new();
        let mut pronoun = false;
        for (v, t) in anns.iter().enumerate() {
            let Some(m) = t
                .matches
                .iter()
                .find(|m| matches!(m.tag, Tag::SpeechVerb | Tag::SpeechLead))
            else {
                continue;
            };
            if m.tag == Tag::SpeechLead {
                // according to X: X runs to the next punctuation.
                let mut s = v + m.len;
                let mut e = s;
                while e - s < 10 && anns.get(e).is_some_and(|t| !t.is_punct()) {
                    e += 1;
                }
                // `the statement of X`, `a report by X`: the speaker is X.
                if let Some(k) = (s..e).rev().find(|&k| is_at(anns, k, Word::SpeakerAgent))
                    && k + 1 < e
                    && k < s + 4
                {
                    s = k + 1;
                }
                while s < e && is_at(anns, s, Word::Article) {
                    s += 1;
                }
                let Some(head) = anns.get(s).filter(|_| s < e) else {
                    continue;
                };
                if head
                    .matches
                    .iter()
                    .any(|m| m.tag == Tag::NotSpeaker && s + m.len >= e)
                {
                    continue;
                }
                named_speakers.extend(
                    self.speaker_from(anns, s, e, sentence, base)
                        .map(|sp| (v, sp)),
                );
                continue;
            }
            if let Some((s, e)) = speaker_before(anns, v) {
                if e - s == 1 && is_at(anns, s, Word::SpeakerPronoun) {
                    pronoun = true;
                    continue;
                }
                let words = anns.get(s..e).unwrap_or_default();
                let named = (s..).zip(words).any(|(k, t)| {
                    t.tok.is_capitalized() && (k > 0 || !t.is(Word::NotSpeakerHead))
                        || t.matches
                            .iter()
                            .any(|m| matches!(m.tag, Tag::Official | Tag::Party { .. }))
                });
                // `the board said`, `the operator said`: a definite noun
                // names a body the text introduced earlier.
                let definite = s > 0
                    && is_at(anns, s - 1, Word::DefiniteArticle)
                    && words.last().is_some_and(|t| !t.is(Word::SpeakerDocument));
                if named || definite {
                    named_speakers.extend(
                        self.speaker_from(anns, s, e, sentence, base)
                            .map(|sp| (v, sp)),
                    );
                }
            } else if ann_before(anns, v).is_some_and(Ann::is_punct) {
                // `…," said John Smith`
                let s = v + m.len;
                let mut e = s;
                while e - s < 5
                    && anns
                        .get(e)
                        .is_some_and(|t| t.tok.kind != TokKind::Punct && t.tok.is_capitalized())
                {
                    e += 1;
                }
                if e > s {
                    named_speakers.extend(
                        self.speaker_from(anns, s, e, sentence, base)
                            .map(|sp| (v, sp)),
                    );
                }
            }
        }
        (named_speakers, pronoun)
    }

    pub(super) fn speaker_from(
        &self,
        anns: &[Ann],
        s: usize,
        e: usize,
        sentence: &str,
        base: usize,
    ) -> Option<Speaker> {
        let words = anns.get(s..e)?;
        let start = words.first()?.tok.start.checked_sub(base)?;
        let end = words.last()?.tok.end.checked_sub(base)?;
        let text = sentence.get(start..end).unwrap_or_default().to_string();
        let mut party = None;
        let mut official = false;
        for a in words {
            for m in &a.matches {
                match m.tag {
                    Tag::Party { party: p } => party = party.or(Some(p)),
                    Tag::Official => official = true,
                    _ => {}
                }
            }
        }
        Some(Speaker {
            text,
            party,
            official,
        })
    }

    /// The speaker of sentence `si`, or, failing that, of the sentences
    /// before it in the same paragraph (reported speech runs on), with
    /// pronouns resolved to the last speaker named.
    pub(super) fn carried_speaker(
        &self,
        doc: &Document,
        sentences: &[text::Sentence],
        si: usize,
        own: SpeakerCue,
    ) -> Option<Speaker> {
        let mut pronoun = own == SpeakerCue::Pronoun;
        if let SpeakerCue::Named(s) = own {
            return Some(s);
        }
        let paragraph = sentences.get(si)?.paragraph;
        for back in 1..=6 {
            let Some(prev) = si.checked_sub(back).and_then(|p| sentences.get(p)) else {
                break;
            };
            let same_paragraph = prev.paragraph == paragraph;
            if !same_paragraph && !pronoun {
                break;
            }
            let Some(text) = doc.text.get(prev.range.clone()) else {
                continue;
            };
            let quantities = Vec::new();
            let anns = self.annotate(text::tokenize(text, prev.range.start), &quantities);
            match self.speaker_of(&anns, text, prev.range.start) {
                SpeakerCue::Named(s) => return Some(s),
                SpeakerCue::Pronoun => pronoun = true,
                SpeakerCue::None => {}
            }
            if back >= 3 && !pronoun {
                break;
            }
        }
        None
    }
}
