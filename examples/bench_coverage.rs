//! Times `validate_entries` and `coverage` on a large synthetic county: 20 units, 6 000
//! organisations, 200 000 members and 1 000 000 review entries, with two kinds of texts:
//!
//! * **realistic** — clerks' sentences: common phrases mixed with the particulars of each person
//!   (a village, a number, a deed in their own words), so nearly every text is different; 3 % of
//!   the entries copy an earlier text with a few characters changed, 1 % copy one exactly;
//! * **stress** — every text drawn from small phrase pools, so that about three million texts
//!   are E009 near or exact duplicates (the worst case for E009 and for the number of issues).
//!
//! `cargo run --release --example bench_coverage [ENTRIES] [realistic|stress|both] [e009]` (both by
//! default; `e009` times the E009 grouping alone). `ENTRIES write DIR` writes the realistic files,
//! `0 files DIR` checks and covers them read item by item, as the CLI reads a large file (time it with `/usr/bin/time -v`).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use cxzy_form::core::review::{coverage, read_entries, similarity, validate_entries, validate_roster};
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

/// Particulars written in a clerk's own words: built from common characters, so that texts
/// share phrases (as real ones do) but hardly ever whole sentences.
const CHARS: &str = "村屯组社区街道企业学校医院合作社农场车间班组矿井站所队部连队协会商会市场物流园区工地窑厂牧场林场渔场\
    帮扶走访慰问调解排查宣讲培训巡逻救助捐助修建维修清理整治种植养殖销售加工运输服务接待登记核实\
    困难群众老人儿童残疾家庭低保五保留守妇女青年职工农民工个体户贫困户空巢户\
    道路水渠桥梁路灯广场书屋卫生所活动室大棚果园鱼塘猪舍牛场菜地稻田玉米大豆水稻";

fn particular(r: &mut Lcg) -> String {
    let chars: Vec<char> = CHARS.chars().filter(|c| !c.is_whitespace() && *c != '\\').collect();
    let mut s = String::new();
    for _ in 0..2 + r.below(5) {
        s.push(chars[r.below(chars.len())]);
    }
    s
}

const VERBS: &[&str] = &["帮助", "走访", "带领", "组织", "协调", "参与", "牵头", "指导", "联系", "服务"];
const UNITS: &[&str] = &["户", "人", "次", "件", "项", "个", "处", "起"];

/// A sentence of 3–5 clauses: pooled phrases and particulars with numbers, in varying order.
fn varied(r: &mut Lcg, pools: &[&[&str]]) -> String {
    let mut clauses: Vec<String> = Vec::new();
    for _ in 0..3 + r.below(3) {
        let pool = pools[r.below(pools.len())];
        let c = match r.below(4) {
            0 => r.pick(pool).to_string(),
            1 => format!("{}{}{}{}", r.pick(VERBS), particular(r), 1 + r.below(300), r.pick(UNITS)),
            2 => format!("在{}{}中{}", particular(r), particular(r), r.pick(pool)),
            _ => format!("{}年{}月{}{}", 2010 + r.below(2), 1 + r.below(12), r.pick(VERBS), particular(r)),
        };
        clauses.push(c);
    }
    let mut s = clauses.join("，");
    s.push('。');
    s
}

/// An earlier text with one to three characters changed (a name, a number, a word).
fn retouched(r: &mut Lcg, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let pool: Vec<char> = "一二三四五六七八九十村组户人好强".chars().collect();
    for _ in 0..1 + r.below(3) {
        let at = r.below(chars.len());
        chars[at] = pool[r.below(pool.len())];
    }
    chars.into_iter().collect()
}

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

#[derive(Clone, Copy, PartialEq)]
enum Texts {
    Realistic,
    Stress,
}

/// The four texts of an entry, by kind of target (organisation or member).
fn texts(r: &mut Lcg, how: Texts, org: bool, i: usize, earlier: &mut Vec<[String; 4]>) -> [String; 4] {
    if how == Texts::Realistic {
        // 1 % exact copies, 3 % retouched copies of an earlier entry's texts.
        let roll = r.below(100);
        if roll < 4 && !earlier.is_empty() {
            let from = earlier[r.below(earlier.len())].clone();
            return if roll == 0 { from } else { from.map(|t| if t.is_empty() { t } else { retouched(r, &t) }) };
        }
        let t = [
            varied(r, &[OPENING, DEEDS, RESULTS]),
            if org { varied(r, &[DEEDS, RESULTS]) } else { String::new() },
            varied(r, &[LACKS]),
            varied(r, &[AIMS]),
        ];
        // Keep a bounded sample to copy from.
        if earlier.len() < 10_000 {
            earlier.push(t.clone());
        } else {
            let at = r.below(earlier.len());
            earlier[at] = t.clone();
        }
        return t;
    }
    if org {
        [
            sentence(r, &[&["支部班子团结", "支部工作扎实"], DEEDS, RESULTS]),
            sentence(r, &[DEEDS, RESULTS]),
            sentence(r, &[LACKS, LACKS]),
            sentence(r, &[AIMS, AIMS]),
        ]
    } else {
        [
            // Half the texts name a place: near duplicates, not exact ones.
            if i.is_multiple_of(2) {
                sentence(r, &[OPENING, DEEDS, RESULTS])
            } else {
                format!("{}在第{}村民小组{}", r.pick(OPENING), 1 + r.below(999), sentence(r, &[DEEDS, RESULTS]))
            },
            String::new(),
            sentence(r, &[LACKS]),
            sentence(r, &[AIMS]),
        ]
    }
}

fn build(n_entries: usize, how: Texts) -> (Value, Value) {
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
    let mut earlier = Vec::new();
    for i in 0..n_entries {
        let (u, b) = branches[r.below(branches.len())];
        let date = dates[r.below(dates.len())];
        let org = i % 10 == 0;
        let [evaluation, achievements, shortcomings, direction] = texts(&mut r, how, org, i, &mut earlier);
        let e = if org {
            json!({
                "id": format!("e{i}"), "date": date,
                "reviewer": { "id": format!("m{u}_0_0"), "name": "党委书记", "role": "committee_secretary", "org": format!("c{u}") },
                "target": { "kind": "branch", "id": format!("b{u}_{b}"), "name": format!("第{u}镇第{b}党支部") },
                "method": "collective", "focus": ["central_work"],
                "evaluation": evaluation, "achievements": achievements, "shortcomings": shortcomings, "direction": direction,
                "problems_found": 2, "problems_solved": 1, "model": i % 1000 == 0,
            })
        } else {
            let k = 1 + r.below(29);
            let method = ["collective", "individual", "onsite", "random"][r.below(4)];
            json!({
                "id": format!("e{i}"), "date": date,
                "reviewer": { "id": format!("m{u}_{b}_0"), "name": "支部书记", "role": "branch_secretary", "org": format!("b{u}_{b}") },
                "target": { "kind": "member", "id": format!("m{u}_{b}_{k}"), "name": format!("党员{u}-{b}-{k}") },
                "method": method, "talk": method == "individual" && i % 7 == 0, "focus": ["post_performance"],
                "evaluation": evaluation, "shortcomings": shortcomings, "direction": direction,
            })
        };
        entries.push(e);
    }
    (
        json!({ "format": "cxzy-roster/1", "orgs": orgs, "members": members }),
        json!({ "format": "cxzy-entries/1", "entries": entries }),
    )
}

/// `12.3 s (81 300 entries/s)`.
fn rate(d: Duration, n: usize) -> String {
    let per_s = n as f64 / d.as_secs_f64().max(1e-9);
    format!("{d:.2?} ({per_s:.0} entries/s)")
}

fn run(n: usize, how: Texts, only_e009: bool) {
    let name = if how == Texts::Realistic { "realistic" } else { "stress" };
    let t = Instant::now();
    let (roster, entries) = build(n, how);
    let orgs = roster["orgs"].as_array().map_or(0, Vec::len);
    let members = roster["members"].as_array().map_or(0, Vec::len);
    println!("== {name}: {orgs} organisations, {members} members, {n} entries (generated in {:.2?})", t.elapsed());

    if only_e009 {
        let (read, _) = read_entries(&entries);
        e009_grouping(&read.entries, n);
        return;
    }

    let t = Instant::now();
    let issues = validate_roster(&roster);
    println!("validate_roster: {:.2?} ({} issues)", t.elapsed(), issues.len());

    let today = NaiveDate::from_ymd_opt(2011, 12, 31);
    let t = Instant::now();
    let issues = validate_entries(&entries, Some(&roster), today);
    let e009 = issues.iter().filter(|i| i.code == "E009").count();
    println!("validate_entries (with roster): {} ({} issues, {e009} E009)", rate(t.elapsed(), n), issues.len());
    drop(issues);

    // Where the time goes: reading, E009 alone.
    let t = Instant::now();
    let (read, _) = read_entries(&entries);
    println!("  of which reading: {}", rate(t.elapsed(), n));
    e009_grouping(&read.entries, n);
    drop(read);

    let t = Instant::now();
    let as_of = NaiveDate::from_ymd_opt(2011, 7, 15).unwrap_or_default();
    let cov = coverage(&roster, &entries, as_of, 2, "某某市");
    let elapsed = t.elapsed();
    let reviewed: u64 = cov.table.rows.iter().filter_map(|r| r.cells[8].value()).sum();
    println!(
        "coverage: {} ({} rows, {reviewed} members reviewed, {} members not yet, {} issues)",
        rate(elapsed, n),
        cov.table.rows.len(),
        cov.gaps.members.len(),
        cov.issues.len()
    );
}

/// Times E009 alone and prints a fingerprint of its groups, to compare two versions of E009 on
/// the same data.
fn e009_grouping(entries: &[cxzy_form::core::review::Entry<'_>], n: usize) {
    let t = Instant::now();
    let groups = similarity::e009(entries);
    let print = groups.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &(i, f, o)| {
        (h ^ ((i as u64) << 24 ^ (f as u64) << 20 ^ o as u64)).wrapping_mul(0x0100_0000_01b3)
    });
    println!("  of which E009 grouping: {} ({} flagged, fingerprint {print:016x})", rate(t.elapsed(), n), groups.len());
}

/// `write DIR`: the realistic roster and entries as files (DIR/roster.json, DIR/entries.json),
/// for `files DIR` and the CLI (`/usr/bin/time -v cxzy coverage …`).
fn write(n: usize, dir: &str) {
    let (roster, entries) = build(n, Texts::Realistic);
    std::fs::create_dir_all(dir).expect("the folder");
    for (name, v) in [("roster.json", &roster), ("entries.json", &entries)] {
        let f = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/{name}")).expect("a file"));
        serde_json::to_writer(f, v).expect("written");
    }
}

/// The process's peak resident memory so far (Linux), for the phases of `files DIR`.
fn peak() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
    kb.map_or_else(|| "?".into(), |kb| format!("peak {} MB", kb / 1000))
}

/// `files DIR`: what a native check of a county does, from the files, item by item: read the roster
/// and the entries, every entry rule with E009 against the roster, then coverage.
fn from_files(dir: &str) {
    use cxzy_form::core::review::{coverage_of, entries, roster, split, stream};
    let open = |name: &str| std::fs::File::open(format!("{dir}/{name}")).expect("written by `write`");
    let t = Instant::now();
    let strings = stream::Strings::new();
    let r = split::read_roster(open("roster.json"), &strings).expect("a roster");
    let e = split::read_entries(open("entries.json"), &strings).expect("entries");
    let n = e.0.entries.len();
    println!("read (item by item): {}, {}", rate(t.elapsed(), n), peak());
    let t = Instant::now();
    let (ix, _) = roster::analyse(&r.0);
    // Capped per code as found, as the CLI lists them (SPEC §7).
    let sink = entries::rules(&e.0, Some(&ix), NaiveDate::from_ymd_opt(2011, 12, 31), true, cxzy_form::core::issue::MAX_PER_CODE);
    let found: usize = sink.out.len() + sink.dropped().map(|d| d.1).sum::<usize>();
    let e009 = sink.out.iter().filter(|i| i.code == "E009").count() + sink.dropped().filter(|d| d.0 == "E009").map(|d| d.1).sum::<usize>();
    println!("entry rules with E009: {} ({found} issues found, {} listed, {e009} E009), {}", rate(t.elapsed(), n), sink.out.len(), peak());
    let issues = sink;
    drop((issues, ix));
    let t = Instant::now();
    let cov = coverage_of(r, e, NaiveDate::from_ymd_opt(2011, 7, 15).unwrap_or_default(), 2, "某某市");
    println!("coverage: {} ({} rows, {} issues), {}", rate(t.elapsed(), n), cov.table.rows.len(), cov.issues.len(), peak());
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let which = std::env::args().nth(2).unwrap_or_default();
    let dir = std::env::args().nth(3).unwrap_or_else(|| "target/bench-coverage".into());
    match which.as_str() {
        "write" => return write(n, &dir),
        "files" => return from_files(&dir),
        _ => {}
    }
    // A third argument `e009` times E009 only (no validation, no coverage).
    let only_e009 = std::env::args().nth(3).is_some_and(|a| a == "e009");
    if which != "stress" {
        run(n, Texts::Realistic, only_e009);
    }
    if which != "realistic" {
        run(n, Texts::Stress, only_e009);
    }
}
