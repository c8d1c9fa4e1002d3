//! Qualifiers: `at least`, `more than`, `about`, `up to`, `~`.

use super::PResult;
use super::lexical::{ascii_word, fail, first_word_is, phrase};
use crate::number::Qualifier;

const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("not fewer than", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("no more than", Qualifier::AtMost),
    ("not more than", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("as many as", Qualifier::AtMost),
    ("more than", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("fewer than", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("nearly", Qualifier::Approx),
    ("almost", Qualifier::Approx),
    ("close to", Qualifier::Approx),
    ("about", Qualifier::Approx),
    ("around", Qualifier::Approx),
    ("approximately", Qualifier::Approx),
    ("roughly", Qualifier::Approx),
    ("some", Qualifier::Approx),
    ("an estimated", Qualifier::Approx),
    ("estimated", Qualifier::Approx),
    ("circa", Qualifier::Approx),
];

/// A qualifier phrase (without the space after it): `at least` → AtLeast,
/// `more than`/`over` → MoreThan, `about`/`~` → Approx, `up to` → AtMost,
/// `fewer than` → LessThan. Also returns the phrase itself.
pub fn qualifier(i: &str) -> PResult<'_, (Qualifier, &'static str)> {
    if let Some(r) = i.strip_prefix('~') {
        return Ok((r, (Qualifier::Approx, "~")));
    }
    let (_, w) = ascii_word(i)?;
    for &(p, q) in QUALIFIERS {
        if first_word_is(p, w)
            && let Ok((r, _)) = phrase(p)(i)
        {
            return Ok((r, (q, p)));
        }
    }
    fail(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::grammar::run;

    #[test]
    fn qualifiers() {
        use Qualifier::*;
        let cases: &[(&str, &str, Qualifier)] = &[
            ("at least 5", "at least", AtLeast),
            ("no fewer than 5", "no fewer than", AtLeast),
            ("no less than", "no less than", AtLeast),
            ("a minimum of", "a minimum of", AtLeast),
            ("more than", "more than", MoreThan),
            ("over", "over", MoreThan),
            ("upwards of", "upwards of", MoreThan),
            ("in excess of", "in excess of", MoreThan),
            ("above", "above", MoreThan),
            ("nearly", "nearly", Approx),
            ("almost", "almost", Approx),
            ("close to", "close to", Approx),
            ("about", "about", Approx),
            ("around", "around", Approx),
            ("approximately", "approximately", Approx),
            ("roughly", "roughly", Approx),
            ("some", "some", Approx),
            ("an estimated", "an estimated", Approx),
            ("estimated", "estimated", Approx),
            ("circa", "circa", Approx),
            ("~5", "~", Approx),
            ("up to", "up to", AtMost),
            ("as many as", "as many as", AtMost),
            ("at most", "at most", AtMost),
            ("no more than", "no more than", AtMost),
            ("a maximum of", "a maximum of", AtMost),
            ("fewer than", "fewer than", LessThan),
            ("less than", "less than", LessThan),
            ("under", "under", LessThan),
            ("below", "below", LessThan),
        ];
        for &(input, span, q) in cases {
            assert_eq!(
                run(qualifier, input).map(|(s, (q, _))| (s, q)),
                Some((span, q)),
                "{input}"
            );
        }
        assert!(run(qualifier, "overall").is_none());
        assert!(run(qualifier, "more").is_none());
        assert!(run(qualifier, "at").is_none());
    }
}
