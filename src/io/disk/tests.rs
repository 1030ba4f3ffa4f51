//! Tests of `disk`.
use super::*;

#[test]
fn refuses_folders_and_fifos_and_caps_size() {
    let dir = tempfile::tempdir().unwrap();
    let e = read_regular(dir.path(), 10, "article").unwrap_err();
    assert!(
        e.to_string().contains("is not a regular file but a folder"),
        "{e}"
    );
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "x".repeat(11)).unwrap();
    let e = read_regular(&big, 10, "article").unwrap_err();
    assert!(
        e.to_string().contains("it is 11 bytes, more than the 10"),
        "{e}"
    );
    assert_eq!(read_regular(&big, 11, "article").unwrap().len(), 11);
    let missing = read_regular(&dir.path().join("nope"), 10, "x").unwrap_err();
    assert!(missing.is_not_found());
    assert!(
        missing.to_string().ends_with(": no such file or folder"),
        "{missing}"
    );
    assert!(
        read_regular(Path::new("/dev/zero"), 10, "x")
            .unwrap_err()
            .to_string()
            .contains("a device")
    );
}

#[test]
fn writes_keep_a_backup_and_leave_no_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("s.ron");
    write_atomically(&p, b"one").unwrap();
    write_atomically(&p, b"two").unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), b"two");
    assert_eq!(std::fs::read(backup_path(&p)).unwrap(), b"one");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn stale_temporaries_of_dead_processes_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("s.ron");
    // Pid 4294967 cannot run (Linux pids stay below 2^22).
    let stale = dir.path().join(".s.ron.tmp-4294967");
    std::fs::write(&stale, "half").unwrap();
    let other = dir.path().join(".t.ron.tmp-4294967");
    std::fs::write(&other, "not ours to judge").unwrap();
    write_atomically(&p, b"x").unwrap();
    assert!(!stale.exists());
    assert!(other.exists());
}

#[test]
fn a_pair_is_written_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ann");
    std::fs::write(&a, "old").unwrap();
    let blocked = dir.path().join("sub");
    std::fs::write(&blocked, "a file where a folder should be").unwrap();
    let b = blocked.join("a.txt");
    let e = write_all_atomically(&[(&a, b"new"), (&b, b"text")], true).unwrap_err();
    assert_eq!(std::fs::read(&a).unwrap(), b"old");
    assert!(e.to_string().contains("a.txt"), "{e}");
    assert!(!backup_path(&a).exists());
}

#[test]
fn a_folder_target_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let e = write_atomically(dir.path(), b"x").unwrap_err().to_string();
    assert!(e.ends_with(": it is a folder"), "{e}");
    assert!(!e.contains("os error"));
}
