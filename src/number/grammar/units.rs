//! What follows or precedes an amount: percent signs and words, currencies,
//! and units of measure or duration (`-day`, ` km`, `9mm`).

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::peek;
use nom::sequence::preceded;

use super::PResult;
use super::lexical::{
    ascii_word, at_boundary, consumed, dash, fail, phrase, sp, sp0, tag_ci, word_ci,
};
use crate::number::Kind;
use crate::number::lexicon;

/// `%`, ` %`, ` percent`, ` per cent`, `-percent`, ` pct`.
pub fn percent_suffix(i: &str) -> PResult<'_, &str> {
    let (r, _) = alt((
        preceded(sp0, alt((tag("%"), tag("\u{ff05}")))),
        preceded(sp, phrase("per cent")),
        preceded(sp, word_ci("percent")),
        preceded(sp, word_ci("pct")),
        preceded(dash, word_ci("percent")),
    ))
    .parse(i)?;
    Ok((r, consumed(i, r)))
}

/// Currency after the amount: ` $`, `€`, ` dollars`, ` euros`, ` rubles`,
/// ` pounds sterling`, ` US dollars`.
pub fn money_suffix(i: &str) -> PResult<'_, &str> {
    let sym = preceded(sp0, alt((tag("$"), tag("\u{20ac}"), tag("\u{a3}")))).parse(i);
    if let Ok((r, _)) = sym {
        return Ok((r, consumed(i, r)));
    }
    let (r, _) = sp(i)?;
    if let Ok((r2, _)) = alt((phrase("pounds sterling"), phrase("us dollars"))).parse(r) {
        return Ok((r2, consumed(i, r2)));
    }
    let (r2, w) = ascii_word(r)?;
    if lexicon::money_word(w) {
        Ok((r2, consumed(i, r2)))
    } else {
        fail(i)
    }
}

/// Currency before the amount: `$`, `US$`, `€`, `£`, `¥`, `₹`, `Rs`, `Rs.`,
/// `USD`, `EUR`... (letter codes need a boundary after them).
pub fn currency_prefix(i: &str) -> PResult<'_, &str> {
    let (r, _) = alt((
        tag_ci("us$"),
        tag_ci("a$"),
        tag_ci("c$"),
        tag_ci("hk$"),
        tag_ci("nz$"),
        tag("$"),
        tag("\u{20ac}"),
        tag("\u{a3}"),
        tag("\u{a5}"),
        tag("\u{20b9}"),
        tag("Rs."),
        word_ci("rs"),
        alt((
            word_ci("usd"),
            word_ci("eur"),
            word_ci("gbp"),
            word_ci("rub"),
            word_ci("azn"),
            word_ci("inr"),
            word_ci("uah"),
        )),
    ))
    .parse(i)?;
    Ok((r, consumed(i, r)))
}

/// `-day`, `-year-old`, `-year-long`, `-kilometer`, `-foot`: the unit's kind.
pub fn hyphen_unit(i: &str) -> PResult<'_, Kind> {
    let (r, _) = dash(i)?;
    let (r, w) = ascii_word(r)?;
    let Some(kind) = lexicon::hyphen_unit(w) else {
        return fail(i);
    };
    if kind == Kind::Duration {
        if let Ok((r2, _)) = (dash, alt((word_ci("old"), word_ci("olds")))).parse(r) {
            return Ok((r2, Kind::Measure)); // an age: `14-year-old`
        }
        if let Ok((r2, _)) = (dash, word_ci("long")).parse(r) {
            return Ok((r2, Kind::Duration));
        }
    }
    Ok((r, kind))
}

/// ` years`, ` km`, ` miles`, ` years old` (an age → Measure), ` km/h`.
pub fn spaced_unit(i: &str) -> PResult<'_, Kind> {
    let (r, _) = sp(i)?;
    if let Ok((r2, _)) = (tag_ci("km/h"), peek(at_boundary_p)).parse(r) {
        return Ok((r2, Kind::Measure));
    }
    let (r2, w) = ascii_word(r)?;
    let Some(kind) = lexicon::spaced_unit(w) else {
        return fail(i);
    };
    if kind == Kind::Duration
        && let Ok((r3, _)) = (sp, word_ci("old")).parse(r2)
    {
        return Ok((r3, Kind::Measure));
    }
    Ok((r2, kind))
}

fn at_boundary_p(i: &str) -> PResult<'_, ()> {
    if at_boundary(i) { Ok((i, ())) } else { fail(i) }
}

/// A unit glued to digits: `9mm`, `5km`, `30kg`, `50km/h`.
pub fn attached_unit(i: &str) -> PResult<'_, Kind> {
    if let Ok((r, _)) = (tag_ci("km/h"), peek(at_boundary_p)).parse(i) {
        return Ok((r, Kind::Measure));
    }
    let (r, w) = ascii_word(i)?;
    if lexicon::attached_unit(w) {
        Ok((r, Kind::Measure))
    } else {
        fail(i)
    }
}

/// The unit after an amount, in one pass over the next word: `%`,
/// ` percent`, ` per cent`, `$`, ` dollars`, `-day`, `-year-old`, `9mm`,
/// ` km`, ` years`, ` years old`.
pub(super) fn unit_after(r: &str, digits_only: bool) -> Option<(&str, Kind)> {
    let c = r.chars().next()?;
    match c {
        '%' | '\u{ff05}' => percent_suffix(r).ok().map(|(r2, _)| (r2, Kind::Percent)),
        '$' | '\u{20ac}' | '\u{a3}' => money_suffix(r).ok().map(|(r2, _)| (r2, Kind::Money)),
        '-' | '\u{2011}' => match hyphen_unit(r) {
            Ok((r2, k)) => Some((r2, k)),
            Err(_) => percent_suffix(r).ok().map(|(r2, _)| (r2, Kind::Percent)),
        },
        c if c.is_ascii_alphabetic() => {
            if digits_only {
                attached_unit(r).ok()
            } else {
                None
            }
        }
        c if c.is_whitespace() => {
            // a unit stays on the number's line (`1.32 billion\nYear` is not a duration)
            let (r1, gap) = sp(r).ok()?;
            if gap.contains('\n') {
                return None;
            }
            let c2 = r1.chars().next()?;
            if matches!(c2, '%' | '\u{ff05}') {
                return percent_suffix(r).ok().map(|(r2, _)| (r2, Kind::Percent));
            }
            if matches!(c2, '$' | '\u{20ac}' | '\u{a3}') {
                return money_suffix(r).ok().map(|(r2, _)| (r2, Kind::Money));
            }
            if !c2.is_ascii_alphabetic() {
                return None;
            }
            let (r2, w) = ascii_word(r1).ok()?;
            let is = |x: &str| w.eq_ignore_ascii_case(x);
            if is("percent") || is("pct") {
                return Some((r2, Kind::Percent));
            }
            if is("per") {
                return (sp, word_ci("cent"))
                    .parse(r2)
                    .ok()
                    .map(|(r3, _)| (r3, Kind::Percent));
            }
            if is("pounds")
                && let Ok((r3, _)) = (sp, word_ci("sterling")).parse(r2)
            {
                return Some((r3, Kind::Money));
            }
            if is("us") {
                return (sp, word_ci("dollars"))
                    .parse(r2)
                    .ok()
                    .map(|(r3, _)| (r3, Kind::Money));
            }
            if lexicon::money_word(w) {
                return Some((r2, Kind::Money));
            }
            if is("km")
                && let Ok((r3, _)) = (tag_ci("km/h"), peek(at_boundary_p)).parse(r1)
            {
                return Some((r3, Kind::Measure));
            }
            match lexicon::spaced_unit(w)? {
                Kind::Duration => match (sp, word_ci("old")).parse(r2) {
                    Ok((r3, _)) => Some((r3, Kind::Measure)),
                    Err(_) => Some((r2, Kind::Duration)),
                },
                k => Some((r2, k)),
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::grammar::run;

    #[test]
    fn percent_money_and_units() {
        assert_eq!(run(percent_suffix, "%").map(|x| x.0), Some("%"));
        assert_eq!(
            run(percent_suffix, " percent").map(|x| x.0),
            Some(" percent")
        );
        assert_eq!(
            run(percent_suffix, " per cent").map(|x| x.0),
            Some(" per cent")
        );
        assert_eq!(run(percent_suffix, " percentage"), None);
        assert_eq!(run(money_suffix, " $").map(|x| x.0), Some(" $"));
        assert_eq!(run(money_suffix, " euros").map(|x| x.0), Some(" euros"));
        assert_eq!(
            run(money_suffix, " pounds sterling").map(|x| x.0),
            Some(" pounds sterling")
        );
        assert_eq!(run(money_suffix, " people"), None);
        for p in ["$", "US$", "\u{20ac}", "\u{a3}", "Rs", "Rs.", "USD"] {
            assert_eq!(run(currency_prefix, p).map(|x| x.0), Some(p));
        }
        assert_eq!(run(currency_prefix, "Rsx"), None);
        assert_eq!(run(hyphen_unit, "-day war"), Some(("-day", Kind::Duration)));
        assert_eq!(
            run(hyphen_unit, "-year-old"),
            Some(("-year-old", Kind::Measure))
        );
        assert_eq!(
            run(hyphen_unit, "-year-long"),
            Some(("-year-long", Kind::Duration))
        );
        assert_eq!(
            run(hyphen_unit, "-kilometer"),
            Some(("-kilometer", Kind::Measure))
        );
        assert_eq!(run(hyphen_unit, "-sided"), None);
        assert_eq!(run(spaced_unit, " years"), Some((" years", Kind::Duration)));
        assert_eq!(
            run(spaced_unit, " years old"),
            Some((" years old", Kind::Measure))
        );
        assert_eq!(run(spaced_unit, " km"), Some((" km", Kind::Measure)));
        assert_eq!(run(spaced_unit, " people"), None);
        assert_eq!(run(attached_unit, "mm"), Some(("mm", Kind::Measure)));
        assert_eq!(run(attached_unit, "mmx"), None);
    }
}
