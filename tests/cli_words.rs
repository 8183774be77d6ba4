//! Issue 9: everything `cxzy` says speaks the clerk's language — `--help` (of `cxzy` and of each
//! command), the usage line and clap's headings, the refusals of files that cannot be read — in
//! zh-CN without English (but the names of commands, flags and formats), in English without
//! Chinese. The locale is `--locale`, else the environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`:
//! `en…` is English), else zh-CN.

mod common;
use common::cli::{cxzy, cxzy_env, tmp};

const COMMANDS: [&str; 5] = ["validate", "totals", "coverage", "aggregate", "export"];

fn han(s: &str) -> bool {
    s.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c))
}

/// The Latin words of a zh-CN text that are not names: everything but the commands, the flags
/// (`--json`, `-o`), the locales' tags, the formats', programs' and environment variables' names.
fn english(text: &str) -> Vec<String> {
    const NAMES: [&str; 22] = [
        "cxzy", "validate", "totals", "coverage", "aggregate", "export", "help", "zh-CN", "en", "JSON", "CSV", "Excel",
        "xlsx", "xls", "UTF-8", "BOM", "LC_ALL", "LC_MESSAGES", "LANG", "NUL", "GBK", "Word",
    ];
    text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .map(|w| w.trim_matches('.'))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !w.starts_with('-') && !NAMES.contains(w))
        .map(str::to_string)
        .collect()
}

/// Every help there is: `cxzy --help`, `cxzy -h`, `cxzy help`, and each command's (`--help`,
/// `-h`, `cxzy help COMMAND`).
fn helps() -> Vec<Vec<&'static str>> {
    let mut all = vec![vec!["--help"], vec!["-h"], vec!["help"], vec!["help", "help"]];
    for c in COMMANDS {
        all.extend([vec![c, "--help"], vec![c, "-h"], vec!["help", c]]);
    }
    all
}

fn out(o: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

#[test]
fn help_is_in_chinese_without_english_words_by_default() {
    for args in helps() {
        let o = cxzy(&args);
        let text = out(&o);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {text}");
        assert!(han(&text) && text.contains("用法") && text.contains("选项"), "{args:?}: {text}");
        let latin = english(&text);
        assert!(latin.is_empty(), "{args:?}: English {latin:?} in\n{text}");
        // Every flag and command says what it does (no line of a bare name).
        for line in text.lines().filter(|l| l.trim_start().starts_with('-')) {
            assert!(han(line), "{args:?}: no words for {line:?}");
        }
    }
    // The top-level help lists every command, the headings in words.
    let top = out(&cxzy(&["--help"]));
    for c in COMMANDS {
        assert!(top.lines().any(|l| l.trim_start().starts_with(c) && han(l)), "{c}: {top}");
    }
    assert!(top.contains("命令:") && top.contains("用法: cxzy [选项] <命令>"), "{top}");
    let validate = out(&cxzy(&["validate", "--help"]));
    assert!(validate.contains("参数:") && validate.contains("<文件>...") && validate.contains("--today <日期>"), "{validate}");
}

#[test]
fn help_is_in_english_without_chinese_with_locale_en() {
    for args in helps() {
        for locale in [["--locale", "en"], ["--locale=en", ""]] {
            // The locale before the command, and after it.
            let before: Vec<&str> = locale.iter().copied().filter(|a| !a.is_empty()).chain(args.iter().copied()).collect();
            let after: Vec<&str> = args.iter().copied().chain(locale.iter().copied().filter(|a| !a.is_empty())).collect();
            for a in [before, after] {
                let o = cxzy(&a);
                let text = out(&o);
                assert_eq!(o.status.code(), Some(0), "{a:?}: {text}");
                assert!(!han(&text), "{a:?}: Chinese in\n{text}");
                assert!(text.contains("Usage: cxzy") && text.contains("Options:"), "{a:?}: {text}");
            }
        }
    }
}

#[test]
fn the_locale_comes_from_the_environment_when_not_given() {
    let zh = |o: &std::process::Output| han(&out(o));
    // `en…` in the first of LC_ALL, LC_MESSAGES, LANG that is set: English.
    assert!(!zh(&cxzy_env(&["--help"], &[("LANG", "en_US.UTF-8")])));
    assert!(!zh(&cxzy_env(&["validate", "--help"], &[("LC_MESSAGES", "en_GB.UTF-8"), ("LANG", "zh_CN.UTF-8")])));
    assert!(zh(&cxzy_env(&["--help"], &[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")])));
    // Anything else, or none: zh-CN (SPEC's default).
    for vars in [&[][..], &[("LANG", "C.UTF-8")], &[("LANG", "de_DE.UTF-8")], &[("LC_ALL", ""), ("LANG", "POSIX")]] {
        assert!(zh(&cxzy_env(&["--help"], vars)), "{vars:?}");
    }
    // `--locale` wins over the environment, for the help, the usage errors and the messages.
    assert!(zh(&cxzy_env(&["--help", "--locale", "zh-CN"], &[("LANG", "en_US.UTF-8")])));
    let o = cxzy_env(&["validate", "--bogus"], &[("LANG", "en_US.UTF-8")]);
    assert!(out(&o).contains("unknown option “--bogus”") && o.status.code() == Some(2), "{}", out(&o));
    let broken = format!("{}/samples/stats/broken.json", env!("CARGO_MANIFEST_DIR"));
    let o = cxzy_env(&["validate", &broken], &[("LANG", "en_US.UTF-8")]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("R010 error"), "{}", out(&o));
    let o = cxzy_env(&["validate", &broken, "--locale", "zh-CN"], &[("LANG", "en_US.UTF-8")]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("R010 错误"), "{}", out(&o));
    // A `--locale` that is none: exit 2, said in the environment's locale.
    let o = cxzy_env(&["validate", &broken, "--locale", "fr"], &[("LANG", "en_US.UTF-8")]);
    assert!(o.status.code() == Some(2) && out(&o).contains("unknown language “fr”"), "{}", out(&o));
}

#[test]
fn help_of_an_unknown_command_is_a_usage_error_in_words() {
    let o = cxzy(&["help", "frob"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(out(&o).contains("不认识的命令「frob」"), "{}", out(&o));
    let o = cxzy(&["help", "frob", "--locale", "en"]);
    assert!(out(&o).contains("unknown command “frob”") && !han(&out(&o)), "{}", out(&o));
}

/// What is said after `file:L:C: ` (the position for editors).
fn said(o: &std::process::Output, file: &str) -> String {
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    let rest = err.split_once(file).map_or(err.as_str(), |(_, r)| r);
    rest.trim_start_matches(|c: char| c == ':' || c.is_ascii_digit()).trim().to_string()
}

#[test]
fn a_file_that_cannot_be_read_is_said_in_words_with_line_and_column() {
    // (file, contents, zh-CN words, English words)
    let cases: &[(&str, &[u8], &str, &str)] = &[
        ("value.json", b"{\n  \"format\": \"cxzy-stats/1\",\n  \"unit\": ,\n}", "第 3 行第 11 列：此处应为一个值", "Line 3, column 11: a value belongs here"),
        ("comma.json", b"{\"format\": \"cxzy-stats/1\", \"rows\": [],}", "第 1 行第 39 列：最后一项后面多了一个逗号", "there is a comma after the last item"),
        ("key.json", b"{\"unit\": 1, batch: 2}", "此处应为带引号的字段名", "a quoted field name belongs here"),
        ("eof.json", b"{\"format\": \"cxzy-stats/1\", \"rows\": [", "文件在此处意外结束", "the file ends too early"),
        ("quote.csv", "单位名称,基层党组织 · 总数(个)\n哈尔滨市,\"12\n".as_bytes(), "第 2 行第 6 列：此处的引号（\"）开始了一个单元格，但没有结束", "Line 2, column 6: a quote (\") opens a cell here and is never closed"),
        ("gbk.json", b"{\"unit\": \"\xba\xda\xc1\xfa\xbd\xad\"}", "第 1 行第 11 列：文件不是 UTF-8 编码的文本", "the file is not UTF-8 text"),
    ];
    for (name, contents, zh, en) in cases {
        let p = tmp(name, contents);
        let o = cxzy(&["validate", &p]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let words = said(&o, &p);
        assert!(words.contains(zh), "{name}: {words}");
        let latin = english(&words);
        assert!(latin.is_empty(), "{name}: English {latin:?} in {words}");
        let o = cxzy(&["validate", &p, "--locale", "en"]);
        let words = said(&o, &p);
        assert!(words.contains(en) && !han(&words), "{name}: {words}");
        // The position stays for editors: `file:L:C:`.
        assert!(String::from_utf8_lossy(&o.stderr).contains(&format!("{p}:")), "{name}");
    }
    // A picture is neither JSON nor a table, in words (no position to give).
    let png = tmp("picture.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\0\0\0\0\0");
    let words = said(&cxzy(&["validate", &png]), &png);
    assert!(words.contains("该文件既不是 JSON 也不是表格（CSV）") && english(&words).is_empty(), "{words}");
    // Several files: the one that cannot be read is named once, its reason in words.
    let bad = tmp("many-bad.json", b"{\"unit\": }");
    let good = format!("{}/samples/stats/heilongjiang-2010-batch1.json", env!("CARGO_MANIFEST_DIR"));
    let o = cxzy(&["validate", &good, &bad]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("无法读取（第 1 行第 10 列：此处应为一个值）"), "{text}");
}

#[test]
fn totals_as_text_have_no_chinese_of_their_own_in_english() {
    let t = format!("{}/samples/stats/heilongjiang-2010-batch1.json", env!("CARGO_MANIFEST_DIR"));
    let en = String::from_utf8_lossy(&cxzy(&["totals", &t, "--locale", "en"]).stdout).to_string();
    let mut lines = en.lines();
    assert!(lines.next().is_some_and(|h| h.starts_with("Unit\t1\t2")), "{en}");
    assert!(lines.next().is_some_and(|r| r.starts_with("Total\t")), "{en}");
    let zh = String::from_utf8_lossy(&cxzy(&["totals", &t]).stdout).to_string();
    assert!(zh.starts_with("甲\t1\t2") && zh.lines().nth(1).is_some_and(|r| r.starts_with("合计\t")), "{zh}");
}

/// docs/codes.md lists why a text cannot be read (exit 2, `CxzyParseError.kind`) with each
/// catalogue's words, word for word, and every kind there is.
#[test]
fn the_reasons_a_text_cannot_be_read_are_documented_in_both_locales() {
    use cxzy_form::core::json::ParseKind;
    use cxzy_form::core::vocab;
    use cxzy_form::Locale;
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/codes.md")).expect("docs/codes.md");
    let (zh, en) = (vocab::catalogue(Locale::ZhCn), vocab::catalogue(Locale::En));
    for k in ParseKind::ALL {
        let row = format!("| `{}` | {} | {} |", k.id(), zh.phrase(k.id()), en.phrase(k.id()));
        assert!(docs.lines().any(|l| l.starts_with(&format!("| `{}` |", k.id())) && l.ends_with(&row[row.find(" | ").unwrap_or(0)..])), "docs/codes.md lacks or differs: {row}");
    }
}
