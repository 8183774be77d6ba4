//! The hand-written CSV reader (`stats::csv::Records`) reads what the `csv` crate reads, on any
//! text made of the characters that matter to CSV; where the crate silently reads an unclosed
//! quote to the end of the file, ours reports it.

use cxzy_form::core::stats::csv::Records;
use proptest::prelude::*;

fn crate_records(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    r.records()
        .map(|rec| {
            let rec = rec.expect("the crate reads any UTF-8 text");
            (0, rec.iter().map(str::to_string).collect())
        })
        .collect()
}

fn nonblank<L>(v: Vec<(L, Vec<String>)>) -> Vec<(L, Vec<String>)> {
    v.into_iter().filter(|(_, cells)| cells.iter().any(|c| !c.is_empty())).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn reads_what_the_csv_crate_reads(parts in prop::collection::vec(prop::sample::select(vec!["a", "1", ",", "\"", "\"\"", "\n", "\r\n", "\r", "甲", " "]), 0..40)) {
        let text: String = parts.concat();
        let ours: Result<Vec<_>, _> = Records::new(&text).collect();
        match ours {
            Ok(ours) => {
                let theirs = crate_records(&text);
                // Cells only: the line numbers differ by design (the crate does not count the blank
                // lines it skips, nor a lone CR; ours are the file's lines, which a clerk looks for).
                let cells = |v: Vec<(usize, Vec<String>)>| v.into_iter().map(|(_, c)| c).collect::<Vec<_>>();
                prop_assert_eq!(cells(nonblank(ours)), cells(nonblank(theirs)));
            }
            Err(e) => {
                // Only an unclosed quote: the crate then ends its last cell at the end of the text.
                prop_assert!(e.message.contains("never closed"), "{}", e);
                prop_assert!(e.line >= 1 && e.column >= 1);
            }
        }
    }
}
