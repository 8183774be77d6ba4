//! Running the `cxzy` binary in the command-line tests: one runner and one place for the files
//! they write.

use std::process::{Command, Output};

/// `cxzy ARGS…`, its output captured, in the default locale whatever the machine's (`LC_ALL=C`:
/// zh-CN; the CLI takes its locale from the environment when `--locale` is not given).
pub fn cxzy(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxzy")).env("LC_ALL", "C").args(args).output().expect("cxzy runs")
}

/// Writes `contents` to a file `name` in this test binary's own temporary folder; its path.
pub fn tmp(name: &str, contents: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("cxzy-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, contents).expect("write tmp");
    p.display().to_string()
}

/// `cxzy ARGS…` with `vars` set in its environment (and no locale of the machine's).
pub fn cxzy_env(args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cxzy"));
    for v in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(v);
    }
    c.envs(vars.iter().copied()).args(args).output().expect("cxzy runs")
}
