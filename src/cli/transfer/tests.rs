//! Tests of `transfer`.
use super::*;

#[test]
fn dates_and_format_names() {
    assert!(is_iso_date("2024-05-01"));
    assert!(!is_iso_date("2024-5-1"));
    assert!(!is_iso_date("2024-13-01"));
    assert!(is_iso_date(&files::today_utc()));
    assert_eq!(export_format("claimreview"), Ok(ExportFormat::ClaimReview));
    assert!(export_format("docx").unwrap_err().contains("brat, w3c"));
    assert_eq!(import_format("w3c"), Ok(ImportFormat::W3c));
}
