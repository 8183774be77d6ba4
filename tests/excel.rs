//! Excel in and out on the command line (issue 11): clerk-made workbooks (openpyxl .xlsx, xlwt
//! .xls: tests/fixtures/excel/generate.py) validate and total like the JSON they were made from;
//! `cxzy export --xlsx` writes the official layout and reads back to the same table; broken and
//! password-protected workbooks exit 2 with a message.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
fn fixture(name: &str) -> String {
    root().join("tests/fixtures/excel").join(name).display().to_string()
}
fn sample() -> String {
    root().join("samples/stats/heilongjiang-2010-batch1.json").display().to_string()
}
fn cxzy(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxzy")).env("LC_ALL", "C").args(args).output().expect("cxzy runs")
}
fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("JSON on stdout ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}
fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cxzy-excel-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    dir.join(name)
}
/// Issues other than info, as `code path`.
fn problems(o: &Output) -> Vec<String> {
    json(o).as_array().expect("array").iter().filter(|i| i["severity"] != "info").map(|i| format!("{} {}", i["code"].as_str().unwrap(), i["path"].as_str().unwrap())).collect()
}

#[test]
fn clerk_workbooks_validate_and_total_like_the_json_they_were_made_from() {
    let want = json(&cxzy(&["totals", &sample(), "--json"]));
    for f in ["clerk-official.xlsx", "clerk-plain.xlsx", "clerk-wps.xls"] {
        let o = cxzy(&["validate", &fixture(f), "--json", "--today", "2011-01-20"]);
        let p = problems(&o);
        // The plain and WPS layouts carry no written report: only its three T012 warnings.
        assert!(p.iter().all(|i| i.starts_with("T012 /report/")), "{f}: {p:?}");
        assert_eq!(o.status.code(), Some(0), "{f}");
        let codes: Vec<String> = json(&o).as_array().unwrap().iter().map(|i| i["code"].as_str().unwrap().to_string()).collect();
        assert!(codes.contains(&"N005".to_string()), "{f}: the 合计 row and the coverages were skipped, and said so");
        assert_eq!(json(&cxzy(&["totals", &fixture(f), "--json"])), want, "{f}: same totals as the JSON");
    }
}

#[test]
fn the_official_layout_gives_every_header_field_and_the_report_back() {
    // The paper-form fixture carries every field of the sample, the report and the notes: its CSV
    // is the sample's, byte for byte.
    let got = cxzy(&["export", &fixture("clerk-official.xlsx"), "--csv"]);
    assert_eq!(String::from_utf8_lossy(&got.stdout), String::from_utf8_lossy(&cxzy(&["export", &sample(), "--csv"]).stdout));
}

#[test]
fn typed_values_are_kept_and_reported() {
    let o = cxzy(&["validate", &fixture("typed-errors.xlsx"), "--json", "--today", "2011-01-20"]);
    assert_eq!(o.status.code(), Some(1));
    let issues = json(&o);
    let at = |path: &str| issues.as_array().unwrap().iter().find(|i| i["path"] == path && i["code"] == "R003").map(|i| i["message"].as_str().unwrap().to_string());
    assert!(at("/rows/0/orgs_reviewed").expect("1.5 is R003").contains("1.5"));
    assert!(at("/rows/0/members_total").expect("-3 is R003").contains("-3"));
    assert!(at("/rows/0/members_reviewed").expect("12O is R003").contains("12O"));
    assert!(at("/rows/0/orgs_total").is_none(), "1,200 typed as text is a count");
}

#[test]
fn a_workbook_is_recognised_by_its_content_not_its_name() {
    let p = tmp("renamed.json");
    std::fs::copy(fixture("clerk-wps.xls"), &p).unwrap();
    let o = cxzy(&["validate", p.to_str().unwrap(), "--json", "--today", "2011-01-20"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let p = tmp("renamed.csv");
    std::fs::copy(fixture("clerk-official.xlsx"), &p).unwrap();
    assert_eq!(cxzy(&["totals", p.to_str().unwrap(), "--json"]).status.code(), Some(0));
}

#[test]
fn corrupt_and_password_protected_workbooks_exit_2_with_a_message() {
    for (f, says) in [("corrupt.xlsx", "文件已损坏"), ("password.xlsx", "设有打开密码")] {
        for cmd in ["validate", "totals", "export"] {
            let mut args = vec![cmd, fixture(f).leak() as &str];
            if cmd == "export" {
                args.push("--csv");
            }
            let o = cxzy(&args);
            assert_eq!(o.status.code(), Some(2), "{f} {cmd}");
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains(says) && err.contains(f), "{f} {cmd}: {err}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
    // In English: the kind's sentence, no Chinese, and the kind and position for a program.
    let o = cxzy(&["totals", &fixture("password.xlsx"), "--locale", "en"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("The workbook has an opening password") && !err.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{err}");
    let e = cxzy_form::workbook::grids(&std::fs::read(fixture("corrupt.xlsx")).unwrap()).unwrap_err();
    assert!(matches!(e.kind(), cxzy_form::workbook::WorkbookErrorKind::Damaged { format: cxzy_form::workbook::WorkbookKind::Xlsx, .. }), "{e:?}");
    let e = cxzy_form::workbook::read(&std::fs::read(fixture("password.xlsx")).unwrap()).unwrap_err();
    assert_eq!(e.kind(), &cxzy_form::workbook::WorkbookErrorKind::Password);
    assert_eq!(e.sheet(), None);
    // A workbook whose sheets hold no table: NoTable, at the first sheet, named in the message.
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().set_name("说明").unwrap().write_string(0, 0, "填表说明").unwrap();
    let e = cxzy_form::workbook::read(&wb.save_to_buffer().unwrap()).unwrap_err();
    assert_eq!((e.kind(), e.sheet()), (&cxzy_form::workbook::WorkbookErrorKind::NoTable, Some("说明")));
    assert!(e.message(cxzy_form::core::issue::Locale::ZhCn).contains("工作表「说明」"), "{}", e.message(cxzy_form::core::issue::Locale::ZhCn));
    assert!(e.message(cxzy_form::core::issue::Locale::En).contains("“说明”"), "{}", e.message(cxzy_form::core::issue::Locale::En));
    let half = tmp("half.xls");
    let bytes = std::fs::read(fixture("clerk-wps.xls")).unwrap();
    std::fs::write(&half, &bytes[..bytes.len() / 3]).unwrap();
    let o = cxzy(&["validate", half.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
}

fn export_xlsx(from: &str, name: &str) -> PathBuf {
    let out = tmp(name);
    let o = cxzy(&["export", from, "--xlsx", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

#[test]
fn export_xlsx_reads_back_to_the_same_table() {
    let out = export_xlsx(&sample(), "export.xlsx");
    let p = out.to_str().unwrap();
    assert_eq!(json(&cxzy(&["totals", p, "--json"])), json(&cxzy(&["totals", &sample(), "--json"])));
    // Every field and row: the CSV of the workbook is the CSV of the JSON.
    assert_eq!(cxzy(&["export", p, "--csv"]).stdout, cxzy(&["export", &sample(), "--csv"]).stdout);
    assert!(problems(&cxzy(&["validate", p, "--json", "--today", "2011-01-20"])).is_empty());
}

fn zip_text(path: &PathBuf, entry: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(entry).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn export_xlsx_is_the_official_layout() {
    let out = export_xlsx(&sample(), "layout.xlsx");
    let mut wb: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let range = wb.worksheet_range("统计表").unwrap();
    let at = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(at(0, 0), Data::String("创先争优活动领导点评情况统计表".into()));
    assert_eq!(at(1, 0), Data::String("报送：黑龙江省创先争优活动领导小组办公室".into()));
    assert_eq!(at(2, 0), Data::String("填报单位：".into()));
    assert_eq!(at(2, 1), Data::String("黑龙江省".into()));
    assert_eq!(at(4, 1), Data::String("基层党组织".into()));
    assert_eq!(at(5, 1), Data::String("总数(个)".into()));
    assert_eq!(at(6, 3), Data::String("3=2/1".into()));
    assert_eq!(at(7, 0), Data::String("合计".into()), "合计 first");
    assert_eq!(at(8, 0), Data::String("哈尔滨市".into()));
    assert_eq!(at(8, 1), Data::Float(570.0), "counts are numbers");
    assert_eq!(at(7, 1), Data::Float(6014.0), "合计's cached value");
    assert!(matches!(at(2, 12), Data::DateTime(_)), "dates are dates: {:?}", at(2, 12));
    // Formulas: sums in 合计, coverages rounded down.
    let formulas = wb.worksheet_formula("统计表").unwrap();
    assert_eq!(formulas.get_value((7, 1)).map(String::as_str), Some("SUM(B9:B27)"));
    assert_eq!(formulas.get_value((8, 3)).map(String::as_str), Some("IF(B9=0,\"—\",ROUNDDOWN(C9/B9,3))"));
    let merges = wb.merge_cells_by_sheet_name("统计表").unwrap();
    let merged = |r0, c0, r1, c1| merges.iter().any(|m| m.start == (r0, c0) && m.end == (r1, c1));
    assert!(merged(4, 1, 4, 3), "基层党组织 over columns 1-3");
    assert!(merged(4, 0, 5, 0), "单位名称 over both header rows");
    let names = wb.defined_names().to_vec();
    assert!(names.iter().any(|(n, v)| n == "_xlnm.Print_Titles" && v.contains("$5:$7")), "header rows repeated on every page: {names:?}");

    let sheet = zip_text(&out, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"ySplit="8""#) && sheet.contains(r#"state="frozen""#), "panes frozen below 合计");
    assert!(sheet.contains(r#"paperSize="9""#) && sheet.contains(r#"orientation="landscape""#), "A4 landscape");
    assert!(sheet.contains(r#"fitToWidth="1""#) || sheet.contains("fitToPage"), "one page wide");
    assert!(sheet.contains("<cols>"), "column widths set");
    let styles = zip_text(&out, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="0.0%""#), "coverages as percentages by number format");
    // The footer lines.
    let texts: Vec<String> = range.rows().flat_map(|r| r.iter().map(|d| d.to_string())).collect();
    for label in ["负责人：", "填表人：", "联系电话：", "报出日期：", "李明华", "0451-82345678"] {
        assert!(texts.iter().any(|t| t == label), "{label}");
    }
}

#[test]
fn export_csv_takes_an_output_file_and_xlsx_requires_one() {
    let out = tmp("o.csv");
    let o = cxzy(&["export", &sample(), "--csv", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    assert_eq!(std::fs::read(&out).unwrap(), cxzy(&["export", &sample(), "--csv"]).stdout);
    assert_eq!(cxzy(&["export", &sample(), "--xlsx"]).status.code(), Some(2), "a workbook is not written to a terminal");
}

/// Converts a workbook to PDF with LibreOffice (headless, its own profile) and returns the text
/// of each page (pdftotext) and the page size.
fn libreoffice_pdf(xlsx: &PathBuf) -> (Vec<String>, String) {
    let dir = xlsx.parent().unwrap();
    let profile = dir.join(format!("lo-profile-{}", xlsx.file_stem().unwrap().to_string_lossy()));
    let o = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(xlsx)
        .output()
        .expect("LibreOffice (soffice) is installed by scripts/setup.sh");
    let pdf = xlsx.with_extension("pdf");
    assert!(pdf.exists(), "soffice made no PDF: {}", String::from_utf8_lossy(&o.stderr));
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok()).unwrap_or(0);
    let size = info.lines().find_map(|l| l.strip_prefix("Page size:")).unwrap_or("").trim().to_string();
    let text = (1..=pages)
        .map(|p| {
            let o = Command::new("pdftotext").args(["-layout", "-f", &p.to_string(), "-l", &p.to_string()]).arg(&pdf).arg("-").output().expect("pdftotext");
            String::from_utf8_lossy(&o.stdout).to_string()
        })
        .collect();
    (text, size)
}

#[test]
fn libreoffice_opens_the_export_and_prints_it_on_a4_landscape_with_the_values() {
    let out = export_xlsx(&sample(), "print.xlsx");
    let (pages, size) = libreoffice_pdf(&out);
    assert!(size.starts_with("841.") && size.contains("x 595."), "A4 landscape: {size}");
    assert_eq!(pages.len(), 1, "19 rows fit one page");
    let text = &pages[0];
    for want in ["创先争优活动领导点评情况统计表", "报送：黑龙江省创先争优活动领导小组办公室", "黑龙江省", "2011年1月15日", "合计", "哈尔滨市", "大庆油田", "负责人：", "李明华", "报出日期："] {
        assert!(text.contains(want), "{want} in the PDF:\n{text}");
    }
    // LibreOffice computed the formulas: coverages rounded down as the form shows them (SPEC §3.4).
    let totals = json(&cxzy(&["totals", &sample(), "--json"]));
    for (row, field) in [(&totals["total"], "orgs_coverage"), (&totals["rows"][0], "orgs_coverage"), (&totals["rows"][0], "members_coverage")] {
        let pct = row[field].as_str().unwrap();
        assert!(text.contains(pct), "{field} {pct} in the PDF");
    }
    let methods = totals["total"]["methods_total"].to_string();
    assert!(text.contains(&methods), "合计 methods_total {methods}");
}

#[test]
fn a_long_table_repeats_the_header_rows_on_every_printed_page() {
    let rows: Vec<Value> = (1..=120).map(|i| serde_json::json!({ "name": format!("第{i}县"), "orgs_total": 10, "orgs_reviewed": 9 })).collect();
    let doc = serde_json::json!({ "format": "cxzy-stats/1", "unit": "某市", "batch": 1, "rows": rows });
    let src = tmp("long.json");
    std::fs::write(&src, doc.to_string()).unwrap();
    let out = export_xlsx(src.to_str().unwrap(), "long.xlsx");
    let (pages, _) = libreoffice_pdf(&out);
    assert!(pages.len() >= 2, "120 rows take more than one page");
    for (n, p) in pages.iter().enumerate() {
        assert!(p.contains("单位名称") && p.contains("3=2/1"), "page {}: the header rows and the 栏次 row", n + 1);
        assert!(p.contains(&format!("共 {} 页", pages.len())), "page {}: the page footer", n + 1);
    }
    assert!(pages.last().unwrap().contains("第120县"));
}

// Nothing panics, whatever the workbook (SPEC §5): damaged copies of the fixtures and random
// grids go through the readers and the layout recognition, returning a table or an error.
mod never_panics {
    use cxzy_form::core::stats::sheet;
    use cxzy_form::workbook;
    use proptest::prelude::*;

    fn fixtures() -> Vec<Vec<u8>> {
        ["clerk-official.xlsx", "clerk-wps.xls", "clerk-plain.xlsx"].iter().map(|f| std::fs::read(super::fixture(f)).unwrap()).collect()
    }

    /// The case the damaged-workbook property found: clerk-wps.xls with one byte at 11 % set to
    /// 1 (a sheet's BOUNDSHEET offset now points past the workbook stream) and cut at 98 %.
    /// calamine 0.38 slices past its stream there (a panic); the file is refused as damaged.
    #[test]
    fn a_sheet_offset_past_the_stream_is_a_damaged_file_not_a_panic() {
        let mut b = fixtures().swap_remove(1);
        let i = ((b.len() - 1) as f64 * 0.11254589541006793) as usize;
        b[i] = 1;
        b.truncate(((b.len() as f64) * 0.9832143333708648) as usize + 8);
        let e = workbook::read(&b).expect_err("a damaged workbook");
        assert!(matches!(e.kind(), workbook::WorkbookErrorKind::Damaged { .. }), "{e:?}");
        // The clerk's words name the damage (zh-CN), not calamine's panic.
        let words = e.message(cxzy_form::core::issue::Locale::ZhCn);
        assert!(!words.is_empty() && !words.contains("panicked"), "{words}");
    }

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("单位名称".to_string()),
            Just("合计".to_string()),
            Just("甲".to_string()),
            Just("基层党组织".to_string()),
            Just("总数(个)".to_string()),
            Just("填报单位：".to_string()),
            Just("批次".to_string()),
            "[0-9.,-]{0,6}",
            any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        #[test]
        fn damaged_workbooks_are_an_error_or_a_table(which in 0usize..3, cut in 0.0f64..1.0, flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 0..8)) {
            let mut b = fixtures().swap_remove(which);
            for (at, v) in flips {
                let i = ((b.len() - 1) as f64 * at) as usize;
                b[i] = v;
            }
            b.truncate(((b.len() as f64) * cut) as usize + 8);
            let _ = workbook::read(&b);
        }

        #[test]
        fn any_grid_is_a_table_or_an_error(grid in proptest::collection::vec(proptest::collection::vec(cell(), 0..30), 0..40)) {
            if let Ok((doc, _)) = sheet::read(&grid) {
                prop_assert!(doc.rows.len() <= grid.len());
            }
        }
    }
}
