//! Tests of `files`.
use super::*;

#[test]
fn civil_dates() {
    assert_eq!(date::civil_from_days(0), (1970, 1, 1));
    assert_eq!(date::civil_from_days(19_723), (2024, 1, 1));
    assert_eq!(date::civil_from_days(19_782), (2024, 2, 29));
    assert_eq!(today_utc().len(), 10);
}
