//! Architecture invariants, checked: the core is pure (no wasm, DOM, files or clock), so it
//! builds for native and wasm32 alike and can be tested without a browser.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src/core is readable") {
        let p = e.expect("dir entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn the_core_names_no_binding_or_io_crate() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"), &mut files);
    assert!(files.len() > 5, "found the core's files");
    let forbidden = ["wasm_bindgen", "web_sys", "js_sys", "wasm-bindgen", "web-sys", "std::fs", "std::time", "SystemTime", "std::io::stdin", "println!"];
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable");
        // Code only: doc comments may state the invariant itself.
        let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
        for (n, line) in code.enumerate() {
            for word in forbidden {
                assert!(!line.contains(word), "{}: {n}: names {word}: the core must stay pure", f.display());
            }
        }
    }
}
