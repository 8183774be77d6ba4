//! Times `validate_entries` and `coverage` on a large synthetic county: 20 units, 6 000
//! organisations, 200 000 members and 1 000 000 review entries (texts built from phrase pools, so
//! that exact and near duplicates occur as in real data).
//!
//! `cargo run --release --example bench_coverage [ENTRIES]`

use std::time::Instant;

use chrono::NaiveDate;
use cxzy_form::core::review::{coverage, validate_entries, validate_roster};
use serde_json::{json, Value};

/// A small deterministic generator (no dependency, same data every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const OPENING: &[&str] = &["该同志", "这名党员", "该党员同志", "作为一名老党员，该同志", "作为青年党员，该同志"];
const DEEDS: &[&str] = &[
    "立足本职岗位，工作积极主动", "认真参加支部组织的各项学习", "带头兑现公开承诺事项", "在防汛抢险中冲锋在前",
    "热心帮助困难群众解决实际问题", "带领群众发展特色种植", "积极参加志愿服务活动", "在企业技术革新中发挥骨干作用",
    "主动联系流动党员", "认真开展矛盾纠纷排查调处",
];
const RESULTS: &[&str] = &[
    "群众反映较好", "受到乡党委表彰", "取得了明显成效", "发挥了先锋模范作用", "得到了职工群众认可", "完成了年度目标任务",
];
const LACKS: &[&str] = &[
    "理论学习不够系统", "参加组织生活次数偏少", "服务群众的方法不多", "工作创新意识不强", "与支部联系较少", "带动作用发挥不够明显",
];
const AIMS: &[&str] = &[
    "希望进一步加强理论学习", "今后要主动汇报思想", "要在服务群众上下更大功夫", "要积极发挥传帮带作用", "要按时足额交纳党费",
    "要在本职岗位上争创一流业绩",
];

fn sentence(r: &mut Lcg, parts: &[&[&str]]) -> String {
    let mut s = String::new();
    for p in parts {
        s.push_str(r.pick(p));
        s.push('，');
    }
    s.pop();
    s.push('。');
    s
}

fn build(n_entries: usize) -> (Value, Value) {
    let mut r = Lcg(2010);
    let units = 20;
    let mut orgs = Vec::new();
    let mut members = Vec::new();
    let mut branches = Vec::new();
    // Per unit: one committee and 299 branches of 30–37 members.
    for u in 0..units {
        let cid = format!("c{u}");
        orgs.push(json!({ "id": cid, "name": format!("第{u}镇党委"), "kind": "committee", "unit": format!("第{u}镇"), "secretary": format!("m{u}_0_0") }));
        for b in 0..299 {
            let bid = format!("b{u}_{b}");
            let sector = match b % 10 { 0 => "non_public", 1 => "social", _ => "" };
            orgs.push(json!({ "id": bid, "name": format!("第{u}镇第{b}党支部"), "kind": "branch", "parent": cid, "secretary": format!("m{u}_{b}_0"), "sector": sector }));
            branches.push((u, b));
            let size = 30 + r.below(8);
            for k in 0..size {
                members.push(json!({ "id": format!("m{u}_{b}_{k}"), "name": format!("党员{u}-{b}-{k}"), "org": bid, "mobile": k % 17 == 5 }));
            }
        }
    }
    let dates = ["2010-11-15", "2010-12-10", "2011-01-08", "2011-03-20", "2011-06-18", "2011-09-05"];
    let mut entries = Vec::with_capacity(n_entries);
    for i in 0..n_entries {
        let (u, b) = branches[r.below(branches.len())];
        let date = dates[r.below(dates.len())];
        let e = match i % 10 {
            0 => json!({
                "id": format!("e{i}"), "date": date,
                "reviewer": { "id": format!("m{u}_0_0"), "name": "党委书记", "role": "committee_secretary", "org": format!("c{u}") },
                "target": { "kind": "branch", "id": format!("b{u}_{b}"), "name": format!("第{u}镇第{b}党支部") },
                "method": "collective", "focus": ["central_work"],
                "evaluation": sentence(&mut r, &[&["支部班子团结", "支部工作扎实"], DEEDS, RESULTS]),
                "achievements": sentence(&mut r, &[DEEDS, RESULTS]),
                "shortcomings": sentence(&mut r, &[LACKS, LACKS]),
                "direction": sentence(&mut r, &[AIMS, AIMS]),
                "problems_found": 2, "problems_solved": 1, "model": i % 1000 == 0,
            }),
            _ => {
                let k = 1 + r.below(29);
                let method = ["collective", "individual", "onsite", "random"][r.below(4)];
                json!({
                    "id": format!("e{i}"), "date": date,
                    "reviewer": { "id": format!("m{u}_{b}_0"), "name": "支部书记", "role": "branch_secretary", "org": format!("b{u}_{b}") },
                    "target": { "kind": "member", "id": format!("m{u}_{b}_{k}"), "name": format!("党员{u}-{b}-{k}") },
                    "method": method, "talk": method == "individual" && i % 7 == 0, "focus": ["post_performance"],
                    // Half the texts name a place: near duplicates, not exact ones.
                    "evaluation": if i % 2 == 0 {
                        sentence(&mut r, &[OPENING, DEEDS, RESULTS])
                    } else {
                        format!("{}在第{}村民小组{}", r.pick(OPENING), 1 + r.below(999), sentence(&mut r, &[DEEDS, RESULTS]))
                    },
                    "shortcomings": sentence(&mut r, &[LACKS]),
                    "direction": sentence(&mut r, &[AIMS]),
                })
            }
        };
        entries.push(e);
    }
    (
        json!({ "format": "cxzy-roster/1", "orgs": orgs, "members": members }),
        json!({ "format": "cxzy-entries/1", "entries": entries }),
    )
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let t = Instant::now();
    let (roster, entries) = build(n);
    let orgs = roster["orgs"].as_array().map_or(0, Vec::len);
    let members = roster["members"].as_array().map_or(0, Vec::len);
    println!("generated {orgs} organisations, {members} members, {n} entries in {:.2?}", t.elapsed());

    let t = Instant::now();
    let issues = validate_roster(&roster);
    println!("validate_roster: {:.2?} ({} issues)", t.elapsed(), issues.len());

    let today = NaiveDate::from_ymd_opt(2011, 12, 31);
    let t = Instant::now();
    let issues = validate_entries(&entries, Some(&roster), today);
    let e009 = issues.iter().filter(|i| i.code == "E009").count();
    println!("validate_entries (with roster): {:.2?} ({} issues, {e009} E009)", t.elapsed(), issues.len());

    // Where the time goes: reading, E009 alone.
    let t = Instant::now();
    let (read, _) = cxzy_form::core::review::read_entries(&entries);
    println!("  of which reading: {:.2?}", t.elapsed());
    let t = Instant::now();
    let groups = cxzy_form::core::review::similarity::e009(&read.entries);
    println!("  of which E009 grouping: {:.2?} ({} flagged)", t.elapsed(), groups.len());
    drop(read);

    let t = Instant::now();
    let as_of = NaiveDate::from_ymd_opt(2011, 7, 15).unwrap_or_default();
    let cov = coverage(&roster, &entries, as_of, 2, "某某市");
    let elapsed = t.elapsed();
    let reviewed: u64 = cov.table.rows.iter().filter_map(|r| r.cells[8].value()).sum();
    println!(
        "coverage: {elapsed:.2?} ({} rows, {reviewed} members reviewed, {} members not yet, {} issues)",
        cov.table.rows.len(),
        cov.gaps.members.len(),
        cov.issues.len()
    );
}
