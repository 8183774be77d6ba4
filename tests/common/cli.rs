//! Running the `cxzy` binary in the command-line tests: one runner and one place for the files
//! they write.

use std::process::{Command, Output};

/// `cxzy ARGS…`, its output captured.
pub fn cxzy(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxzy")).args(args).output().expect("cxzy runs")
}

/// Writes `contents` to a file `name` in this test binary's own temporary folder; its path.
pub fn tmp(name: &str, contents: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("cxzy-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, contents).expect("write tmp");
    p.display().to_string()
}
