//! A group's verdict: its status (do the sources agree?), low / best /
//! high in the manner of UCDP, the note that says who states what (a
//! revision or a disagreement), and the totals per incident and category.
//! `docs/reconcile.md` states the rules.

use super::{Basis, Group, SourceValue, Status, Total, write_value};
use crate::number::Qualifier;
use crate::rules::Role;
use std::collections::BTreeMap;

/// How a group's sources (at least one) relate.
pub(super) fn status_of(sources: &[SourceValue]) -> Status {
    if sources.len() <= 1 {
        Status::SingleSource
    } else if sources
        .iter()
        .zip(sources.iter().skip(1))
        .all(|(a, b)| a.low == b.low && a.high == b.high && a.qualifier == b.qualifier)
    {
        Status::Agree
    } else {
        // a vague amount (`several`, `dozens`) says too little to
        // contradict a figure, and people named one by one are at least
        // that many, however recount counted them: a conflict is between
        // figures the sources state (or recount derives from them)
        let firm = |s: &SourceValue| s.qualifier != Qualifier::Vague && s.basis != Basis::Counted;
        let compared = || sources.iter().filter(move |s| firm(s));
        let lo = compared()
            .map(|s| s.bounds().0)
            .fold(f64::NEG_INFINITY, f64::max);
        let hi = compared()
            .map(|s| s.bounds().1)
            .fold(f64::INFINITY, f64::min);
        if lo <= hi {
            Status::Consistent
        } else {
            Status::Conflict
        }
    }
}

/// A group's low, best and high: the smallest and largest figures, and the
/// most recent source's figure (a toll grows as victims die and are found;
/// a later figure revises an earlier one), then among sources of one day
/// the figure most independent sources allow, then the unhedged, within
/// them.
pub(super) fn estimate(sources: &[SourceValue]) -> (Option<f64>, Option<f64>, Option<f64>) {
    best_of(sources).map_or((None, None, None), |(low, best, high, _)| (low, best, high))
}

/// A group's low, best and high, and the source of its best figure.
type Best<'s> = (Option<f64>, Option<f64>, Option<f64>, &'s SourceValue);

/// [`estimate`], and the source whose figure is the best.
pub(super) fn best_of(sources: &[SourceValue]) -> Option<Best<'_>> {
    let support = Support::new(sources);
    let best_source = sources
        .iter()
        .max_by_key(|s| (s.published, support.of(s.point()), s.hedges.is_empty()))?;
    let low = sources
        .iter()
        .filter_map(|s| s.low)
        .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.min(v))));
    let high = if sources.iter().any(|s| s.high.is_none()) {
        None
    } else {
        sources
            .iter()
            .filter_map(|s| s.high)
            .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))
    };
    let mut best = best_source.point();
    if let Some(l) = low {
        best = best.max(l);
    }
    if let Some(h) = high {
        best = best.min(h);
    }
    Some((low, Some(best), high, best_source))
}

/// How many sources allow a figure: those whose closed bounds hold it.
pub(super) struct Support {
    /// Lower and upper bounds of the sources whose bounds are not empty,
    /// each sorted.
    lows: Vec<f64>,
    highs: Vec<f64>,
}

impl Support {
    fn new(sources: &[SourceValue]) -> Support {
        // A source with low > high (or NaN) allows nothing and is left out;
        // for the rest, `h < p` implies `l <= p`, so the count of sources
        // with `l <= p <= h` is #(l <= p) - #(h < p).
        let (mut lows, mut highs): (Vec<f64>, Vec<f64>) = sources
            .iter()
            .map(SourceValue::bounds)
            .filter(|(l, h)| l <= h)
            .unzip();
        lows.sort_unstable_by(f64::total_cmp);
        highs.sort_unstable_by(f64::total_cmp);
        Support { lows, highs }
    }

    fn of(&self, p: f64) -> usize {
        let allowing = self.lows.partition_point(|&l| l <= p);
        let below = self.highs.partition_point(|&h| h < p);
        allowing.saturating_sub(below)
    }
}

/// Says who states what, oldest first, and calls a later figure replacing
/// an earlier hedged one a revision. None without sources.
pub(super) fn conflict_note(sources: &[SourceValue]) -> Option<String> {
    use std::fmt::Write;
    let (first, later) = sources.split_first()?;
    let mut first_value = String::new();
    write_value(&mut first_value, first.low, first.high, first.qualifier);
    let mut value = String::new();
    let later_differs = later.iter().any(|s| {
        value.clear();
        write_value(&mut value, s.low, s.high, s.qualifier);
        value != first_value
    });
    let dated = sources.iter().all(|s| s.published.is_some())
        && sources.last().map(|s| s.published) != Some(first.published);
    let (mut out, separator) = if !first.hedges.is_empty() && later_differs && dated {
        (String::from("revision: "), " → ")
    } else {
        (String::from("sources disagree: "), "; ")
    };
    // `{value} on {date} ({source}, {hedges})` for each source
    for (i, s) in sources.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        write_value(&mut out, s.low, s.high, s.qualifier);
        out.push_str(" on ");
        match s.published {
            // writing to a String cannot fail
            Some(d) => {
                let _ = write!(out, "{}", d.strftime("%-d %b %Y"));
            }
            None => out.push_str("undated"),
        }
        out.push_str(" (");
        out.push_str(&s.name);
        for h in &s.hedges {
            out.push_str(", ");
            out.push_str(h);
        }
        out.push(')');
    }
    Some(out)
}

/// Per event and category, all parties together: the sum of the parties'
/// figures, or the figure that names no party if it is larger (it may hold
/// them all). Victims and attackers are summed apart where the sources
/// tell them apart. Percentages are never summed.
pub(super) fn totals(groups: &[Group]) -> Vec<Total> {
    type Key = (String, String);
    let mut per: BTreeMap<Key, Vec<&Group>> = BTreeMap::new();
    for g in groups {
        if g.claims.iter().any(|c| c.role == Some(Role::Percent)) {
            continue;
        }
        per.entry((g.event.clone(), g.category.clone()))
            .or_default()
            .push(g);
    }
    per.into_iter()
        .map(|((event, category), gs)| {
            let pick = |f: &dyn Fn(&Group) -> Option<f64>| -> Option<f64> {
                let mut sides = 0.0;
                let mut unattributed: Option<f64> = None;
                for g in &gs {
                    let v = f(g)?;
                    match g.party {
                        Some(_) => sides += v,
                        None => unattributed = Some(unattributed.map_or(v, |u| u.max(v))),
                    }
                }
                Some(unattributed.map_or(sides, |u| u.max(sides)))
            };
            let side = |f: &dyn Fn(&SourceValue) -> Option<f64>| -> Option<f64> {
                let mut sum = None;
                for g in &gs {
                    let v = best_of(&g.sources).and_then(|(.., s)| f(s));
                    if let Some(v) = v {
                        sum = Some(sum.unwrap_or(0.0) + v);
                    }
                }
                sum
            };
            Total {
                event,
                category,
                low: pick(&|g| g.low),
                best: pick(&|g| g.best),
                high: pick(&|g| g.high),
                victims: side(&|s| s.victims),
                perpetrators: side(&|s| s.perpetrators),
            }
        })
        .collect()
}
