//! How `cxzy` reads its files (SPEC §7): the limit holds whatever the source — standard input
//! (`-`), devices, FIFOs — and JSON must be UTF-8.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sample(name: &str) -> String {
    format!("{}/samples/stats/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn cxzy_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cxzy")).env("LC_ALL", "C")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cxzy runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    // A writer thread: cxzy may stop reading (the limit) and close the pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("cxzy ends");
    let _ = writer.join();
    out
}

#[test]
fn dash_reads_standard_input() {
    let text = std::fs::read(sample("heilongjiang-2010-batch1.json")).unwrap();
    let o = cxzy_with_stdin(&["validate", "-", "--json", "--today", "2011-02-20"], &text);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let issues: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(issues.as_array().unwrap().iter().all(|i| i["severity"] == "info"));
}

#[test]
fn standard_input_past_the_limit_is_x003_not_read_to_its_end() {
    // 64 MiB + a little of one JSON string: cxzy stops at the limit + 1 byte.
    let mut big = b"{\"unit\":\"".to_vec();
    big.resize(64 * 1024 * 1024 + 10, b'a');
    let o = cxzy_with_stdin(&["validate", "-"], &big);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("X003"), "{}", String::from_utf8_lossy(&o.stderr));
}

#[cfg(unix)]
#[test]
fn a_device_that_never_ends_is_x003() {
    let o = Command::new(env!("CARGO_BIN_EXE_cxzy")).env("LC_ALL", "C").args(["validate", "/dev/zero"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("X003"));
}

#[test]
fn json_that_is_not_utf8_is_unreadable_with_line_and_column() {
    // “哈尔滨市” in GBK inside an otherwise valid table: not silently read as GBK.
    let text = std::fs::read_to_string(sample("heilongjiang-2010-batch1.json")).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let o = cxzy_with_stdin(&["validate", "-"], &gbk);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("UTF-8") && err.contains("第 ") && err.contains(" 列："), "{err}");
    // A BOM is allowed.
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend(text.as_bytes());
    let o = cxzy_with_stdin(&["validate", "-", "--today", "2011-02-20"], &bom);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}
