//! Publication dates as pages write them, turned into ISO 8601.

/// The date (and time, when given) in ISO 8601: `2024-03-05T10:00:00+01:00` stays as it is,
/// `2024-03-05 10:00` becomes `2024-03-05T10:00`, `March 5, 2024`, `5 March 2024` and
/// `05.03.2024` become `2024-03-05`, `Tue, 05 Mar 2024 10:00:00 GMT` becomes
/// `2024-03-05T10:00:00Z`. `None` when no date can be read.
pub fn iso(raw: &str) -> Option<String> {
    let s = raw.trim();
    if let Some(date) = leading_iso_date(s) {
        let rest = s.get(10..).unwrap_or_default();
        let rest = rest.strip_prefix([' ', 'T']).map_or(rest, |r| r);
        if rest.is_empty() {
            return Some(date);
        }
        if rest.get(..5).is_some_and(is_time) {
            let time = rest.split(' ').next().unwrap_or_default();
            return Some(format!("{date}T{time}"));
        }
        return Some(date);
    }
    words_date(s).or_else(|| dotted_date(s))
}

/// The date part of an ISO date: `YYYY-MM-DD` from `raw`, if it begins with one.
pub fn day(iso: &str) -> Option<&str> {
    iso.get(..10).filter(|d| leading_iso_date(d).is_some())
}

fn leading_iso_date(s: &str) -> Option<String> {
    let d = s.get(..10)?;
    let b = d.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    let ok = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10);
    let month: u32 = d.get(5..7)?.parse().ok()?;
    let dd: u32 = d.get(8..10)?.parse().ok()?;
    (ok && (1..=12).contains(&month) && (1..=31).contains(&dd)).then(|| d.to_owned())
}

fn is_time(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 5
        && b.get(2) == Some(&b':')
        && [0, 1, 3, 4]
            .iter()
            .all(|&i| b.get(i).is_some_and(u8::is_ascii_digit))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// "March 5, 2024", "5 March 2024", "Tue, 05 Mar 2024 10:00:00 GMT".
fn words_date(s: &str) -> Option<String> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let month_at = words.iter().position(|w| {
        w.len() >= 3
            && MONTHS.iter().any(|m| w.starts_with(m))
            && w.chars().all(char::is_alphabetic)
    })?;
    let word = words.get(month_at)?;
    let month = MONTHS.iter().position(|m| word.starts_with(m))? + 1;
    let number = |w: &String| -> Option<u32> {
        w.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok()
    };
    let near: Vec<u32> = words
        .iter()
        .skip(month_at.saturating_sub(1))
        .take(4)
        .filter_map(number)
        .collect();
    let year = near.iter().copied().find(|&n| (1900..=2200).contains(&n))?;
    let dd = near.iter().copied().find(|&n| (1..=31).contains(&n))?;
    let date = format!("{year:04}-{month:02}-{dd:02}");
    // "10:00:00 GMT", "10:00 +0100": the time is kept, with its zone when given.
    let clock = |w: &String| {
        w.get(..5).is_some_and(is_time) && w.chars().all(|c| c.is_ascii_digit() || c == ':')
    };
    let Some(at) = words.iter().position(clock) else {
        return Some(date);
    };
    let time = words.get(at).map_or("", String::as_str);
    let zone = match words.get(at + 1).map(String::as_str) {
        Some("gmt" | "utc" | "z") => "Z".to_owned(),
        Some(z) if z.len() == 5 && (z.starts_with('+') || z.starts_with('-')) => {
            format!(
                "{}:{}",
                z.get(..3).unwrap_or_default(),
                z.get(3..).unwrap_or_default()
            )
        }
        _ => String::new(),
    };
    Some(format!("{date}T{time}{zone}"))
}

/// "05.03.2024" or "5/3/2024" read day first (the order of most of the world's outlets).
fn dotted_date(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.split(['.', '/']).map(str::trim).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, m, y): (u32, u32, u32) = (d.parse().ok()?, m.parse().ok()?, y.get(..4)?.parse().ok()?);
    ((1..=31).contains(&d) && (1..=12).contains(&m) && (1900..=2200).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_pages_use() {
        let cases = [
            ("2024-03-05T10:00:00+01:00", "2024-03-05T10:00:00+01:00"),
            ("2024-03-05", "2024-03-05"),
            ("2024-03-05 10:00", "2024-03-05T10:00"),
            ("March 5, 2024", "2024-03-05"),
            ("5 March 2024", "2024-03-05"),
            ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00Z"),
            ("5 March 2024 10:00 +0100", "2024-03-05T10:00+01:00"),
            ("05.03.2024", "2024-03-05"),
        ];
        for (raw, want) in cases {
            assert_eq!(iso(raw).as_deref(), Some(want), "{raw}");
        }
        assert_eq!(iso("yesterday"), None);
        assert_eq!(iso("2024-13-40"), None);
        assert_eq!(day("2024-03-05T10:00"), Some("2024-03-05"));
    }
}
