//! Review entries, the roster and coverage against SPEC §6: one small fixture per rule and the
//! issues it must give, coverage on a hand-made roster with every column stated, E009's exact
//! and near duplicates, and properties (derived rows pass the R rules; nothing panics).
//!
//! Every rule test goes through one helper, [`check`]: a valid base document, a few changes,
//! the expected `(code, path)` list. If the API moves, only the helpers change.

use chrono::NaiveDate;
use cxzy_form::core::issue::{Issue, Locale, Severity};
use cxzy_form::core::messages;
use cxzy_form::core::review::{self, coverage, validate_entries, validate_roster};
use cxzy_form::core::stats::rules::check_row;
use cxzy_form::core::validate::{validate, Options};
use proptest::prelude::*;
use serde_json::{json, Value};

// ---------------------------------------------------------------- fixtures

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// A text of `len` CJK characters, different for every seed (so base entries never look alike).
fn text(seed: u64, len: usize) -> String {
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (0..len)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            char::from_u32(0x4e00 + ((x >> 33) % 2000) as u32).unwrap_or('党')
        })
        .collect()
}

/// Content for an entry: the four fields (organisations and secretaries need all four).
fn content(seed: u64) -> Value {
    json!({
        "evaluation": text(seed * 4, 20),
        "achievements": text(seed * 4 + 1, 20),
        "shortcomings": text(seed * 4 + 2, 20),
        "direction": text(seed * 4 + 3, 20),
    })
}

/// A small valid roster: 红星镇党委 (o1) with two branches, one in a private company.
fn roster() -> Value {
    json!({
        "format": "cxzy-roster/1",
        "orgs": [
            { "id": "o1", "name": "红星镇党委", "kind": "committee", "parent": null, "unit": "红星镇", "secretary": "m1" },
            { "id": "o2", "name": "红星村党支部", "kind": "branch", "parent": "o1", "secretary": "m2" },
            { "id": "o3", "name": "宏达科技公司党支部", "kind": "branch", "parent": "o1", "secretary": "m6", "sector": "non_public" }
        ],
        "members": [
            { "id": "m1", "name": "王建国", "org": "o1" },
            { "id": "m2", "name": "李秀英", "org": "o2" },
            { "id": "m3", "name": "张伟", "org": "o2" },
            { "id": "m4", "name": "刘洋", "org": "o2" },
            { "id": "m5", "name": "陈静", "org": "o2", "mobile": true },
            { "id": "m6", "name": "杨帆", "org": "o3" },
            { "id": "m7", "name": "赵磊", "org": "o3" },
            { "id": "m8", "name": "黄丽", "org": "o3", "mobile": true }
        ]
    })
}

fn entry(id: &str, date: &str, reviewer: Value, target: Value, method: &str, seed: u64) -> Value {
    let mut e = json!({ "id": id, "date": date, "reviewer": reviewer, "target": target, "method": method });
    if let (Some(m), Some(c)) = (e.as_object_mut(), content(seed).as_object()) {
        for (k, v) in c {
            m.insert(k.clone(), v.clone());
        }
    }
    e
}

/// Four valid entries against [`roster`], one per responsibility line of 一、落实点评责任.
fn entries() -> Value {
    let mut e3 = entry(
        "e3", "2010-12-21",
        json!({ "id": "m2", "name": "李秀英", "role": "branch_secretary", "org": "o2" }),
        json!({ "kind": "member", "id": "m3", "name": "张伟", "org": "o2" }),
        "individual", 3,
    );
    // Members need no 取得的成绩 (对党员的点评内容主要包括：评价、存在不足和努力方向).
    e3.as_object_mut().map(|m| m.remove("achievements"));
    e3["focus"] = json!(["post_performance"]);
    e3["problems_found"] = json!(1);
    e3["problems_solved"] = json!(1);
    let mut e1 = entry(
        "e1", "2010-12-20",
        json!({ "id": "m1", "name": "王建国", "role": "committee_secretary", "org": "o1" }),
        json!({ "kind": "branch", "id": "o2", "name": "红星村党支部" }),
        "collective", 1,
    );
    e1["focus"] = json!(["central_work", "joint_building"]);
    e1["grade"] = json!("good");
    e1["combined_with"] = json!(["org_life_meeting"]);
    let mut e2 = entry(
        "e2", "2010-12-20",
        json!({ "id": "m1", "name": "王建国", "role": "committee_secretary", "org": "o1" }),
        json!({ "kind": "secretary", "id": "m2", "name": "李秀英" }),
        "individual", 2,
    );
    e2["talk"] = json!(true);
    e2["focus"] = json!(["lead_by_example"]);
    let mut e4 = entry(
        "e4", "2010-12-22",
        json!({ "name": "周县长", "role": "county_leader" }),
        json!({ "kind": "committee", "id": "o1", "name": "红星镇党委" }),
        "onsite", 4,
    );
    e4["model"] = json!(true);
    e4["focus"] = json!(["team_building"]);
    json!({ "format": "cxzy-entries/1", "entries": [e1, e2, e3, e4] })
}

/// One change to a base document, addressed by JSON Pointer (`-` appends to an array).
enum Op {
    Set(&'static str, Value),
    Del(&'static str),
}
use Op::{Del, Set};

fn apply(mut doc: Value, ops: Vec<Op>) -> Value {
    for op in ops {
        let (path, value) = match op {
            Set(p, v) => (p, Some(v)),
            Del(p) => (p, None),
        };
        let (parent, last) = path.rsplit_once('/').expect("pointer");
        let target = doc.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}"));
        match (target, value) {
            (Value::Object(m), Some(v)) => {
                m.insert(last.to_string(), v);
            }
            (Value::Object(m), None) => {
                m.remove(last);
            }
            (Value::Array(a), Some(v)) if last == "-" => a.push(v),
            (Value::Array(a), Some(v)) => a[last.parse::<usize>().expect("index")] = v,
            (Value::Array(a), None) => {
                a.remove(last.parse::<usize>().expect("index"));
            }
            _ => panic!("cannot apply at {path}"),
        }
    }
    doc
}

/// `(code, path)` of every issue except the informational ones.
fn codes(issues: &[Issue]) -> Vec<(String, String)> {
    issues.iter().filter(|i| i.severity != Severity::Info).map(|i| (i.code.to_string(), i.path.clone())).collect()
}

fn expect_list(expect: &[(&str, &str)]) -> Vec<(String, String)> {
    expect.iter().map(|(c, p)| (c.to_string(), p.to_string())).collect()
}

/// Which base document a rule test changes.
#[derive(Clone, Copy)]
enum Doc {
    Roster,
    Entries,
}

const TODAY: &str = "2011-01-15";

/// The one helper: applies `ops` to the base roster or entries, validates (entries with the base
/// roster and today = 2011-01-15) and compares the `(code, path)` list, in order.
fn check(doc: Doc, ops: Vec<Op>, expect: &[(&str, &str)]) -> Vec<Issue> {
    let issues = match doc {
        Doc::Roster => validate_roster(&apply(roster(), ops)),
        Doc::Entries => validate_entries(&apply(entries(), ops), Some(&roster()), Some(date(TODAY))),
    };
    assert_eq!(codes(&issues), expect_list(expect), "{issues:#?}");
    issues
}

fn one<'a>(issues: &'a [Issue], code: &str) -> &'a Issue {
    issues.iter().find(|i| i.code == code).unwrap_or_else(|| panic!("no {code} in {issues:#?}"))
}

// ---------------------------------------------------------------- the base documents

#[test]
fn the_base_roster_and_entries_are_valid() {
    check(Doc::Roster, vec![], &[]);
    check(Doc::Entries, vec![], &[]);
    // Without a roster too, and through the one validate entry point (recognised by format).
    assert!(validate_entries(&entries(), None, None).is_empty());
    let opts = Options { roster: Some(roster()), today: Some(date(TODAY)), ..Options::default() };
    assert!(validate(&entries(), &opts).is_empty());
    assert!(validate(&roster(), &Options::default()).is_empty());
}

#[test]
fn severities_are_those_of_the_spec() {
    use Severity::*;
    let spec = [
        ("O001", Error), ("O002", Error), ("O003", Error), ("O004", Warning), ("O005", Warning), ("O006", Error),
        ("E001", Error), ("E002", Error), ("E003", Warning), ("E004", Error), ("E005", Error), ("E006", Error),
        ("E007", Error), ("E008", Warning), ("E009", Warning), ("E010", Warning), ("E011", Warning),
        ("E012", Error), ("E013", Error), ("E014", Error), ("E015", Warning), ("E016", Error), ("E018", Warning), ("F001", Warning),
    ];
    for (code, s) in spec {
        assert_eq!(messages::severity_of(code), s, "{code}");
    }
}

// ---------------------------------------------------------------- roster: O rules

#[test]
fn o001_duplicate_or_missing_id() {
    let org = json!({ "id": "o2", "name": "重复支部", "kind": "branch", "parent": "o1" });
    let issues = check(Doc::Roster, vec![Set("/orgs/-", org)], &[("O001", "/orgs/3/id")]);
    assert_eq!(one(&issues, "O001").params["id"], "o2");
    assert_eq!(one(&issues, "O001").related, vec!["/orgs/1/id"]);
    check(Doc::Roster, vec![Del("/members/3/id")], &[("O001", "/members/3/id")]);
    // Ids are one namespace: a member may not take an organisation's id.
    check(Doc::Roster, vec![Set("/members/-", json!({ "id": "o3", "name": "孙明", "org": "o3" }))], &[("O001", "/members/8/id")]);
}

#[test]
fn o002_unknown_parent_or_a_cycle() {
    let issues = check(Doc::Roster, vec![Set("/orgs/2/parent", json!("o9"))], &[("O002", "/orgs/2/parent")]);
    assert_eq!(one(&issues, "O002").params["parent"], "o9");
    // o1 → o2 → o1: both organisations of the cycle; o3 hangs below it and is not reported.
    check(Doc::Roster, vec![Set("/orgs/0/parent", json!("o2"))], &[("O002", "/orgs/0/parent"), ("O002", "/orgs/1/parent")]);
    check(Doc::Roster, vec![Set("/orgs/0/parent", json!("o1"))], &[("O002", "/orgs/0/parent")]);
}

#[test]
fn o003_member_of_an_unknown_org() {
    let issues = check(Doc::Roster, vec![Set("/members/3/org", json!("o9"))], &[("O003", "/members/3/org")]);
    assert_eq!(one(&issues, "O003").params["org"], "o9");
}

#[test]
fn o004_secretary_not_a_member_of_the_org_or_below_it() {
    // m6 belongs to o3, not o2.
    check(Doc::Roster, vec![Set("/orgs/1/secretary", json!("m6"))], &[("O004", "/orgs/1/secretary")]);
    check(Doc::Roster, vec![Set("/orgs/1/secretary", json!("m99"))], &[("O004", "/orgs/1/secretary")]);
    // A committee's secretary may be a member of one of its branches.
    check(Doc::Roster, vec![Set("/orgs/0/secretary", json!("m3"))], &[]);
}

#[test]
fn o005_branch_with_fewer_than_three_members() {
    let issues = check(Doc::Roster, vec![Set("/members/7/org", json!("o2"))], &[("O005", "/orgs/2")]);
    assert_eq!(one(&issues, "O005").params["count"], 2);
}

#[test]
fn o006_branch_above_a_committee() {
    let org = json!({ "id": "o4", "name": "某某党委", "kind": "committee", "parent": "o2" });
    let issues = check(Doc::Roster, vec![Set("/orgs/-", org)], &[("O006", "/orgs/3/parent")]);
    assert_eq!(one(&issues, "O006").params["id"], "o2");
    assert_eq!(one(&issues, "O006").params["child"], "o4");
}

#[test]
fn roster_values_that_cannot_be_read() {
    check(Doc::Roster, vec![Set("/orgs/0/kind", json!("team"))], &[("O007", "/orgs/0/kind")]);
    check(Doc::Roster, vec![Set("/orgs/2/sector", json!("private"))], &[("O007", "/orgs/2/sector")]);
    check(Doc::Roster, vec![Set("/members/0/mobile", json!("yes"))], &[("O007", "/members/0/mobile")]);
    let issues = check(Doc::Roster, vec![Set("/orgs/0/secretery", json!("m1"))], &[("T008", "/orgs/0/secretery")]);
    assert_eq!(one(&issues, "T008").params["suggestion"], "secretary");
    check(Doc::Roster, vec![Set("/format", json!("cxzy-roster/2"))], &[("T009", "/format")]);
    check(Doc::Roster, vec![Set("/members/0/name", json!("王".repeat(65)))], &[("X001", "/members/0/name")]);
}

// ---------------------------------------------------------------- entries: E rules

#[test]
fn e001_id_missing_or_duplicated() {
    check(Doc::Entries, vec![Del("/entries/0/id")], &[("E001", "/entries/0/id")]);
    let issues = check(Doc::Entries, vec![Set("/entries/1/id", json!("e1"))], &[("E001", "/entries/1/id")]);
    assert_eq!(one(&issues, "E001").related, vec!["/entries/0/id"]);
}

#[test]
fn e002_date_missing_invalid_or_after_today() {
    check(Doc::Entries, vec![Del("/entries/0/date")], &[("E002", "/entries/0/date")]);
    check(Doc::Entries, vec![Set("/entries/0/date", json!("2010-02-30"))], &[("E002", "/entries/0/date")]);
    check(Doc::Entries, vec![Set("/entries/0/date", json!("2011-01-16"))], &[("E002", "/entries/0/date")]);
    // Every clerk form of SPEC §4 is read (an N002 note, no error).
    let issues = check(Doc::Entries, vec![Set("/entries/0/date", json!("二〇一〇年十二月二十日"))], &[]);
    assert_eq!(one(&issues, "N002").params["value"], "2010-12-20");
    check(Doc::Entries, vec![Set("/entries/0/date", json!("2 0 1 0年1 2月2 0日"))], &[]);
}

#[test]
fn e003_date_outside_the_campaign() {
    let issues = check(Doc::Entries, vec![Set("/entries/0/date", json!("2010-03-31"))], &[("E003", "/entries/0/date")]);
    assert_eq!(one(&issues, "E003").params["from"], "2010-04-01");
    check(Doc::Entries, vec![Set("/entries/0/date", json!("2010-04-01"))], &[]);
}

#[test]
fn e004_reviewer_name_or_role() {
    check(Doc::Entries, vec![Set("/entries/0/reviewer/role", json!("village_head"))], &[("E004", "/entries/0/reviewer/role")]);
    check(Doc::Entries, vec![Del("/entries/0/reviewer/name")], &[("E004", "/entries/0/reviewer/name")]);
    check(Doc::Entries, vec![Del("/entries/3/reviewer")], &[("E004", "/entries/3/reviewer")]);
}

#[test]
fn e005_target_kind_or_name() {
    check(Doc::Entries, vec![Set("/entries/3/target/kind", json!("village"))], &[("E005", "/entries/3/target/kind")]);
    check(Doc::Entries, vec![Set("/entries/3/target/name", json!("  "))], &[("E005", "/entries/3/target/name")]);
}

#[test]
fn e006_method() {
    let issues = check(Doc::Entries, vec![Set("/entries/0/method", json!("phone"))], &[("E006", "/entries/0/method")]);
    assert_eq!(one(&issues, "E006").params["raw"], "phone");
}

#[test]
fn e007_content_incomplete() {
    // 既要肯定成绩，又要指出不足和努力方向: an organisation needs all four parts …
    check(Doc::Entries, vec![Del("/entries/0/achievements")], &[("E007", "/entries/0/achievements")]);
    check(Doc::Entries, vec![Del("/entries/1/direction")], &[("E007", "/entries/1/direction")]);
    // … a member evaluation, shortcomings and direction.
    check(Doc::Entries, vec![Del("/entries/2/shortcomings")], &[("E007", "/entries/2/shortcomings")]);
    let issues = check(Doc::Entries, vec![Set("/entries/2/evaluation", json!(""))], &[("E007", "/entries/2/evaluation")]);
    assert_eq!(one(&issues, "E007").params["field"], "evaluation");
}

#[test]
fn e008_content_without_substance() {
    let issues = check(Doc::Entries, vec![Set("/entries/0/evaluation", json!("很好，很好！ 好。"))], &[("E008", "/entries/0/evaluation")]);
    assert_eq!(one(&issues, "E008").params["length"], 5);
    check(Doc::Entries, vec![Set("/entries/0/evaluation", json!("工作扎实，成效明显！"))], &[]);
}

#[test]
fn e010_responsibility_rules() {
    // 党支部书记负责对本支部党员进行点评 — not a committee.
    // (The entry is on-site: a branch secretary does not review on site either, E018.)
    let issues = check(
        Doc::Entries,
        vec![Set("/entries/3/reviewer/role", json!("branch_secretary"))],
        &[("E010", "/entries/3/reviewer/role"), ("E018", "/entries/3/method")],
    );
    assert_eq!(one(&issues, "E010").params["kind"], "committee");
    // 县级党员领导干部…对基层党委及其书记进行点评 — a branch is outside their line.
    check(
        Doc::Entries,
        vec![Set("/entries/3/target", json!({ "kind": "branch", "id": "o2", "name": "红星村党支部" }))],
        &[("E010", "/entries/3/reviewer/role")],
    );
    // 其他县处级以上党员领导干部…对基层党组织进行点评 — any organisation.
    check(
        Doc::Entries,
        vec![
            Set("/entries/3/reviewer/role", json!("senior_cadre")),
            Set("/entries/3/target", json!({ "kind": "branch", "id": "o2", "name": "红星村党支部" })),
        ],
        &[],
    );
}

/// 创先发[2010]25号 三、创新点评方式: “现场点评。各级党员领导干部在深入基层调查研究、检查工作、走访慰问时，
/// 结合实际情况，即时对基层党组织开展创先争优活动情况进行点评。” and “随机点评。根据工作需要，采取随机抽样的
/// 方法，确定点评对象，对一些单位进行点评。” — both are reviews of organisations, and 现场点评 is made by
/// 党员领导干部 (not by the grassroots' own secretaries).
#[test]
fn e018_onsite_and_random_reviews_are_of_organisations_and_onsite_by_leading_cadres() {
    // e4: 周县长 (county_leader) reviews 红星镇党委 on site — what the notice describes.
    check(Doc::Entries, vec![], &[]);
    // …即时对基层党组织…进行点评: on site, of a person, is not what the notice describes.
    let i = check(
        Doc::Entries,
        vec![Set("/entries/3/target", json!({ "kind": "secretary", "id": "m1", "name": "王建国" })), Del("/entries/3/model"), Del("/entries/3/focus")],
        &[("E018", "/entries/3/method")],
    );
    let e = one(&i, "E018");
    assert_eq!(e.severity, Severity::Warning);
    assert_eq!(Value::Object(e.params.clone()), json!({ "method": "onsite", "kind": "secretary", "role": "county_leader" }));
    assert_eq!(e.related, vec!["/entries/3/target/kind".to_string()]);
    // …对一些单位进行点评: a random review of a member is not either.
    check(
        Doc::Entries,
        vec![Set("/entries/2/method", json!("random"))],
        &[("E018", "/entries/2/method")],
    );
    // 各级党员领导干部…: a committee secretary reviewing a branch does so at meetings or one by one.
    let i = check(
        Doc::Entries,
        vec![
            Set("/entries/3/reviewer", json!({ "id": "m1", "name": "王建国", "role": "committee_secretary", "org": "o1" })),
            Set("/entries/3/target", json!({ "kind": "branch", "id": "o2", "name": "红星村党支部" })),
        ],
        &[("E018", "/entries/3/method")],
    );
    assert_eq!(one(&i, "E018").params["role"], "committee_secretary");
    let zh = cxzy_form::core::messages::render(one(&i, "E018"), Locale::ZhCn);
    assert!(zh.contains("「基层党委（党总支）书记」") && zh.contains("现场点评由党员领导干部"), "{zh}");
    let en = cxzy_form::core::messages::render(one(&i, "E018"), Locale::En);
    assert!(en.contains("leading cadres") && !en.contains("committee_secretary"), "{en}");
    // The same review by 随机抽样 of a unit is fine.
    check(
        Doc::Entries,
        vec![
            Set("/entries/3/reviewer", json!({ "id": "m1", "name": "王建国", "role": "committee_secretary", "org": "o1" })),
            Set("/entries/3/target", json!({ "kind": "branch", "id": "o2", "name": "红星村党支部" })),
            Set("/entries/3/method", json!("random")),
        ],
        &[],
    );
}

/// 创先办[2010]7号 三、加强组织领导: “点评可与组织生活会、民主评议党员、群众评议等结合进行，与年度总结考核、
/// 党建工作责任制考核、基层党组织书记‘双述双评’、领导干部下基层调研走访等结合进行”.
#[test]
fn combined_with_takes_the_party_building_responsibility_assessment() {
    check(Doc::Entries, vec![Set("/entries/3/combined_with", json!(["party_building_assessment", "annual_assessment"]))], &[]);
    check(
        Doc::Entries,
        vec![Set("/entries/3/combined_with", json!(["party_building"]))],
        &[("E017", "/entries/3/combined_with/0")],
    );
}

#[test]
fn e011_talk_without_individual_method() {
    check(Doc::Entries, vec![Set("/entries/0/talk", json!(true))], &[("E011", "/entries/0/talk")]);
}

#[test]
fn e012_problems_solved_above_found() {
    let issues = check(Doc::Entries, vec![Set("/entries/2/problems_solved", json!(2))], &[("E012", "/entries/2/problems_solved")]);
    assert_eq!((&one(&issues, "E012").params["solved"], &one(&issues, "E012").params["found"]), (&json!(2), &json!(1)));
}

#[test]
fn e013_focus_that_does_not_fit_the_target() {
    let issues = check(Doc::Entries, vec![Set("/entries/2/focus", json!(["post_performance", "central_work"]))], &[("E013", "/entries/2/focus/1")]);
    assert_eq!(one(&issues, "E013").params["tag"], "central_work");
    check(Doc::Entries, vec![Set("/entries/1/focus", json!(["lead_by_example", "organize_members"]))], &[]);
    check(Doc::Entries, vec![Set("/entries/1/focus", json!(["serve_people"]))], &[("E013", "/entries/1/focus/0")]);
}

#[test]
fn e014_ids_unknown_to_the_roster() {
    check(Doc::Entries, vec![Set("/entries/2/target/id", json!("m99"))], &[("E014", "/entries/2/target/id")]);
    check(Doc::Entries, vec![Set("/entries/0/target/id", json!("m3"))], &[("E014", "/entries/0/target/id")]);
    check(Doc::Entries, vec![Set("/entries/2/reviewer/id", json!("m98"))], &[("E014", "/entries/2/reviewer/id")]);
    // Without a roster there is nothing to look up.
    let doc = apply(entries(), vec![Set("/entries/2/target/id", json!("m99"))]);
    assert!(validate_entries(&doc, None, None).is_empty());
}

#[test]
fn e015_target_outside_the_reviewers_subtree() {
    // 李秀英 (红星村党支部) reviewing 赵磊 of 宏达科技公司党支部.
    check(
        Doc::Entries,
        vec![Set("/entries/2/target", json!({ "kind": "member", "id": "m7", "name": "赵磊" }))],
        &[("E015", "/entries/2/target/id")],
    );
    // The committee secretary may review a secretary of any of its branches.
    check(Doc::Entries, vec![Set("/entries/1/target", json!({ "kind": "secretary", "id": "m6", "name": "杨帆" }))], &[]);
}

#[test]
fn e016_reviewing_oneself() {
    check(
        Doc::Entries,
        vec![Set("/entries/2/target", json!({ "kind": "member", "id": "m2", "name": "李秀英" }))],
        &[("E016", "/entries/2/target/id")],
    );
}

#[test]
fn entry_values_that_cannot_be_read() {
    check(Doc::Entries, vec![Set("/entries/0/grade", json!("excellent"))], &[("E017", "/entries/0/grade")]);
    check(Doc::Entries, vec![Set("/entries/0/combined_with", json!(["party_day"]))], &[("E017", "/entries/0/combined_with/0")]);
    check(Doc::Entries, vec![Set("/entries/0/model", json!("是"))], &[("E017", "/entries/0/model")]);
    check(Doc::Entries, vec![Set("/entries/2/problems_found", json!(-1))], &[("E017", "/entries/2/problems_found"), ("E012", "/entries/2/problems_solved")]);
    let issues = check(Doc::Entries, vec![Set("/entries/0/coment", json!("…"))], &[("T008", "/entries/0/coment")]);
    assert_eq!(one(&issues, "T008").params["suggestion"], "model");
    check(Doc::Entries, vec![Set("/entries/0/reviewer/unit", json!("x"))], &[("T008", "/entries/0/reviewer/unit")]);
    check(Doc::Entries, vec![Set("/format", json!("cxzy-entry/1"))], &[("T009", "/format")]);
}

#[test]
fn x001_texts_and_names_too_long() {
    let issues = check(Doc::Entries, vec![Set("/entries/0/evaluation", json!(text(9, 2001)))], &[("X001", "/entries/0/evaluation")]);
    assert_eq!(one(&issues, "X001").params["max"], 2000);
    check(Doc::Entries, vec![Set("/entries/0/evaluation", json!(text(9, 2000)))], &[]);
    check(Doc::Entries, vec![Set("/entries/3/reviewer/name", json!("周".repeat(65)))], &[("X001", "/entries/3/reviewer/name")]);
}

#[test]
fn messages_render_in_both_locales() {
    let doc = apply(entries(), vec![Set("/entries/0/grade", json!("excellent")), Set("/entries/0/talk", json!(true))]);
    let opts = Options { roster: Some(roster()), ..Options::default() };
    let zh = validate(&doc, &opts);
    assert_eq!(one(&zh, "E017").message, "评定等次无法识别（收到「excellent」）");
    let en = validate(&doc, &Options { locale: cxzy_form::Locale::En, ..opts });
    assert_eq!(one(&en, "E011").message, "A special talk should be an individual review");
}

// ---------------------------------------------------------------- E009 防止流于形式

fn member_entry(i: usize, member: &str, evaluation: &str) -> Value {
    let mut e = entry(
        &format!("s{i}"), "2010-12-20",
        json!({ "name": "王建国", "role": "branch_secretary" }),
        json!({ "kind": "member", "name": member }),
        "collective", 100 + i as u64,
    );
    e["evaluation"] = json!(evaluation);
    e
}

fn e009(list: Vec<Value>) -> Vec<(String, String)> {
    let doc = json!({ "format": "cxzy-entries/1", "entries": list });
    codes(&validate_entries(&doc, None, None)).into_iter().filter(|c| c.0 == "E009").collect()
}

#[test]
fn e009_the_same_text_in_three_entries_ignoring_spaces_punctuation_and_the_name() {
    let got = e009(vec![
        member_entry(0, "张伟", "张伟同志工作积极主动，能够发挥先锋模范作用。"),
        member_entry(1, "刘洋", "刘洋同志 工作积极主动 能够发挥先锋模范作用"),
        member_entry(2, "陈静", "陈静同志：工作积极主动，能够发挥先锋模范作用！"),
        member_entry(3, "赵磊", "赵磊同志刚转入支部，参加组织生活次数偏少，需加强学习。"),
    ]);
    assert_eq!(got, expect_list(&[("E009", "/entries/0/evaluation"), ("E009", "/entries/1/evaluation"), ("E009", "/entries/2/evaluation")]));
    let doc = json!({ "format": "cxzy-entries/1", "entries": [
        member_entry(0, "张伟", "张伟同志工作积极主动，能够发挥先锋模范作用。"),
        member_entry(1, "刘洋", "刘洋同志工作积极主动，能够发挥先锋模范作用。"),
        member_entry(2, "陈静", "陈静同志工作积极主动，能够发挥先锋模范作用。"),
    ]});
    let issues = validate_entries(&doc, None, None);
    let first = one(&issues, "E009");
    assert_eq!((&first.params["field"], &first.params["others"]), (&json!("evaluation"), &json!(2)));
}

#[test]
fn e009_two_alike_are_not_yet_a_pattern() {
    let got = e009(vec![
        member_entry(0, "张伟", "张伟同志工作积极主动，能够发挥先锋模范作用。"),
        member_entry(1, "刘洋", "刘洋同志工作积极主动，能够发挥先锋模范作用。"),
        member_entry(2, "陈静", "陈静同志刚转入支部，参加组织生活次数偏少，需加强学习。"),
    ]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn e009_near_identical_texts_with_a_few_characters_changed() {
    let got = e009(vec![
        member_entry(0, "张伟", "该同志立足本职岗位，积极参加支部组织的各项学习活动，公开承诺事项基本兑现。"),
        member_entry(1, "刘洋", "该同志立足本职岗位，积极参加支部组织的各项学习活动，公开承诺事项全部兑现。"),
        member_entry(2, "陈静", "该同志立足本职工作，积极参加支部组织的各种学习活动，公开承诺事项基本兑现。"),
        member_entry(3, "赵磊", "该同志长期在外务工，与支部联系较少，希望今后主动汇报思想、按时交纳党费。"),
    ]);
    assert_eq!(got, expect_list(&[("E009", "/entries/0/evaluation"), ("E009", "/entries/1/evaluation"), ("E009", "/entries/2/evaluation")]));
}

#[test]
fn e009_copied_texts_with_another_members_name_left_in() {
    // The clerk copied 张伟's review and swapped the name — or forgot to.
    let got = e009(vec![
        member_entry(0, "张伟", "张伟同志在防汛抢险中冲锋在前，带领群众转移物资，表现突出。"),
        member_entry(1, "刘洋", "张伟同志在防汛抢险中冲锋在前，带领群众转移物资，表现突出。"),
        member_entry(2, "陈静", "黄丽同志在防汛抢险中冲锋在前，带领群众转移物资，表现突出。"),
    ]);
    assert_eq!(got.len(), 3, "{got:?}");
}

#[test]
fn e009_looks_at_each_field_separately() {
    let mut list = vec![
        member_entry(0, "张伟", "张伟同志工作积极主动，能够发挥先锋模范作用。"),
        member_entry(1, "刘洋", "刘洋同志刚转入支部，参加组织生活次数偏少，需加强学习。"),
        member_entry(2, "陈静", "陈静同志长期在外务工，与支部联系较少，需主动汇报思想。"),
    ];
    for e in &mut list {
        e["direction"] = json!("希望继续加强理论学习，进一步提高服务群众的本领。");
    }
    assert_eq!(e009(list), expect_list(&[("E009", "/entries/0/direction"), ("E009", "/entries/1/direction"), ("E009", "/entries/2/direction")]));
}

// ---------------------------------------------------------------- coverage (SPEC §6.3)

/// The rule fixtures' roster (红星镇) plus a second unit, 青山镇, with a “两新” branch.
fn coverage_roster() -> Value {
    let mut r = roster();
    let more_orgs = [
        json!({ "id": "o4", "name": "青山镇党委", "kind": "committee", "unit": "青山镇", "secretary": "m9" }),
        json!({ "id": "o5", "name": "青山镇个体劳动者协会党支部", "kind": "branch", "parent": "o4", "secretary": "m10", "sector": "social" }),
    ];
    let more_members = [
        json!({ "id": "m9", "name": "周强", "org": "o4" }),
        json!({ "id": "m10", "name": "吴敏", "org": "o5" }),
        json!({ "id": "m11", "name": "郑涛", "org": "o5" }),
        json!({ "id": "m12", "name": "孙娜", "org": "o5", "mobile": true }),
    ];
    if let Some(orgs) = r["orgs"].as_array_mut() {
        orgs.extend(more_orgs);
    }
    if let Some(members) = r["members"].as_array_mut() {
        members.extend(more_members);
    }
    r
}

fn coverage_entries() -> Value {
    let cs = |id: &str, name: &str, org: &str| json!({ "id": id, "name": name, "role": "committee_secretary", "org": org });
    let bs = |id: &str, name: &str, org: &str| json!({ "id": id, "name": name, "role": "branch_secretary", "org": org });
    let t = |kind: &str, id: &str, name: &str| json!({ "kind": kind, "id": id, "name": name });
    let mut list = vec![
        entry("c1", "2010-11-10", cs("m1", "王建国", "o1"), t("branch", "o2", "红星村党支部"), "collective", 11),
        entry("c2", "2010-11-10", cs("m1", "王建国", "o1"), t("secretary", "m2", "李秀英"), "individual", 12),
        entry("c3", "2010-12-01", bs("m2", "李秀英", "o2"), t("member", "m3", "张伟"), "collective", 13),
        entry("c4", "2010-12-01", bs("m2", "李秀英", "o2"), t("member", "m5", "陈静"), "collective", 14),
        entry("c5", "2010-12-02", json!({ "name": "周县长", "role": "county_leader" }), t("committee", "o1", "红星镇党委"), "onsite", 15),
        entry("c6", "2010-12-03", json!({ "name": "周县长", "role": "county_leader" }), t("committee", "o4", "青山镇党委"), "onsite", 16),
        entry("c7", "2010-12-05", json!({ "name": "李部长", "role": "senior_cadre" }), t("branch", "o5", "青山镇个体劳动者协会党支部"), "random", 17),
        entry("c8", "2011-02-01", bs("m10", "吴敏", "o5"), t("member", "m11", "郑涛"), "collective", 18),
        entry("c9", "2010-12-06", bs("m10", "吴敏", "o5"), t("member", "m12", "孙娜"), "individual", 19),
        entry("c10", "2010-12-06", cs("m1", "王建国", "o1"), t("secretary", "m6", "杨帆"), "individual", 20),
        entry("c3", "2010-12-01", bs("m2", "李秀英", "o2"), t("member", "m4", "刘洋"), "collective", 21),
        entry("c12", "2010-12-07", bs("m2", "李秀英", "o2"), t("member", "m99", "无名"), "collective", 22),
    ];
    for (i, e) in list.iter_mut().enumerate() {
        if e["target"]["kind"] == "member" {
            e.as_object_mut().map(|m| m.remove("achievements"));
        }
        match i {
            0 => {
                e["problems_found"] = json!(2);
                e["problems_solved"] = json!(1);
            }
            1 | 8 => e["talk"] = json!(true),
            3 | 4 => e["model"] = json!(true),
            6 => {
                // Solved above found (E012): counted as 3 solved of 3 found.
                e["problems_found"] = json!(3);
                e["problems_solved"] = json!(5);
            }
            _ => {}
        }
    }
    json!({ "format": "cxzy-entries/1", "entries": list })
}

fn row_of(table: &Value, i: usize) -> Vec<(String, u64)> {
    let row = &table["rows"][i];
    cxzy_form::core::columns::INPUTS.iter().map(|f| (f.to_string(), row[*f].as_u64().unwrap_or(u64::MAX))).collect()
}

fn expect_row(cells: [u64; 20]) -> Vec<(String, u64)> {
    cxzy_form::core::columns::INPUTS.iter().zip(cells).map(|(f, v)| (f.to_string(), v)).collect()
}

#[test]
fn coverage_counts_every_column_per_unit() {
    let cov = coverage(&coverage_roster(), &coverage_entries(), date("2011-01-15"), 1, "某某县");
    let v = cov.to_value();
    let table = &v["table"];
    assert_eq!(table["format"], "cxzy-stats/1");
    assert_eq!(table["unit"], "某某县");
    assert_eq!(table["batch"], 1);
    assert_eq!(table["as_of"], "2011-01-15");
    for absent in ["principal", "preparer", "phone", "filed_on", "preset"] {
        assert!(table.get(absent).is_none(), "{absent} is for the clerk");
    }
    assert_eq!(table["rows"][0]["name"], "红星镇");
    assert_eq!(table["rows"][1]["name"], "青山镇");
    //                       1  2  4  5  6  7  9 11 12 14 15 16 17 18 19 20 22 23 24 25
    assert_eq!(row_of(table, 0), expect_row([3, 2, 1, 0, 3, 2, 2, 8, 4, 2, 1, 1, 3, 2, 1, 0, 1, 2, 2, 1]));
    assert_eq!(row_of(table, 1), expect_row([2, 2, 1, 1, 2, 0, 1, 4, 1, 1, 1, 2, 0, 1, 1, 1, 1, 0, 3, 3]));

    assert_eq!(v["gaps"], json!({
        "orgs": ["o3"],
        "secretaries": ["m1", "m9", "m10"],
        "members": ["m1", "m4", "m7", "m8", "m9", "m10", "m11"],
        "not_reviewing": ["m6", "m9"],
    }));
    // The entries' own problems, then F001 for the one half-year completed (2010-H2).
    assert_eq!(
        codes(&cov.issues),
        expect_list(&[
            ("E012", "/entries/6/problems_solved"),
            ("E001", "/entries/10/id"),
            ("E014", "/entries/11/target/id"),
            ("F001", "/orgs/2"),
            ("F001", "/members/0"),
            ("F001", "/members/8"),
            ("F001", "/members/9"),
        ])
    );
    let f = one(&cov.issues, "F001");
    assert_eq!((&f.params["period"], &f.params["name"]), (&json!("2010-H2"), &json!("宏达科技公司党支部")));
    assert!(!f.message.is_empty(), "coverage issues come rendered");
    assert_eq!(v["issues"].as_array().map(Vec::len), Some(7));
}

#[test]
fn coverage_later_as_of_counts_later_entries_and_checks_more_half_years() {
    let cov = coverage(&coverage_roster(), &coverage_entries(), date("2011-07-15"), 2, "某某县");
    let table = cov.to_value()["table"].clone();
    // c8 (2011-02-01) now counts: 郑涛 reviewed, one more collective review in 青山镇.
    assert_eq!(row_of(&table, 1), expect_row([2, 2, 1, 1, 2, 0, 1, 4, 2, 1, 1, 2, 1, 1, 1, 1, 1, 0, 3, 3]));
    assert_eq!(cov.gaps.members, vec!["m1", "m4", "m7", "m8", "m9", "m10"]);
    // 2011-H1 had no review of any organisation or secretary: 5 + 5 more, 2010-H2 as before.
    let f001 = cov.issues.iter().filter(|i| i.code == "F001").count();
    assert_eq!(f001, 4 + 10);
    // Batch 2 rows are not fully covered: R040 warnings, but no R error.
    let (doc, _) = cxzy_form::core::stats::model::read(&table);
    for (i, r) in doc.rows.iter().enumerate() {
        let issues = check_row(i, r, Some(2));
        assert!(issues.iter().all(|x| !x.is_error()), "{issues:#?}");
        assert!(issues.iter().any(|x| x.code == "R040"));
    }
}

#[test]
fn coverage_half_years_are_the_completed_ones_inside_the_campaign() {
    use review::coverage::checked_half_years;
    let labels = |d: &str| checked_half_years(date(d)).iter().map(|h| h.label()).collect::<Vec<_>>();
    assert!(labels("2010-12-30").is_empty());
    assert_eq!(labels("2010-12-31"), vec!["2010-H2"]);
    assert_eq!(labels("2011-07-01"), vec!["2010-H2", "2011-H1"]);
    assert_eq!(labels("2014-01-01"), vec!["2010-H2", "2011-H1", "2011-H2", "2012-H1", "2012-H2"]);
}

#[test]
fn coverage_with_orgs_without_unit_uses_the_reporting_unit() {
    let roster = json!({ "format": "cxzy-roster/1",
        "orgs": [{ "id": "a", "name": "机关党支部", "kind": "branch" }],
        "members": [{ "id": "p1", "name": "甲", "org": "a" }, { "id": "p2", "name": "乙", "org": "a" }, { "id": "p3", "name": "丙", "org": "a" }] });
    let cov = coverage(&roster, &json!({ "format": "cxzy-entries/1", "entries": [] }), date("2011-01-15"), 1, "某某县直机关工委");
    assert_eq!(cov.table.rows.len(), 1);
    assert_eq!(cov.table.rows[0].name.as_deref(), Some("某某县直机关工委"));
    assert_eq!(cov.gaps.members, vec!["p1", "p2", "p3"]);
}

// ---------------------------------------------------------------- properties

/// A random roster and entries over a small id space, so that duplicates, unknown ids, cycles,
/// self-reviews and every kind/role/method combination come up.
fn arb_docs() -> impl Strategy<Value = (Value, Value)> {
    let kinds = prop::sample::select(vec!["committee", "general_branch", "branch", "team"]);
    let org = (0..10usize, kinds, prop::option::of(0..10usize), prop::option::of(0..3usize), prop::option::of(0..30usize), 0..3usize);
    let member = (0..30usize, 0..11usize, any::<bool>());
    let roles = prop::sample::select(vec![
        "branch_secretary", "committee_secretary", "county_leader", "county_party_secretary", "senior_cadre", "leadership_member", "x",
    ]);
    let tkinds = prop::sample::select(vec!["committee", "general_branch", "branch", "secretary", "member", "y"]);
    let methods = prop::sample::select(vec!["collective", "individual", "onsite", "random", "z"]);
    let dates = prop::sample::select(vec!["2010-05-01", "2010-08-01", "2010-12-31", "2011-01-15", "2011-03-01", "2011-09-30", "2012-02-30", "bad"]);
    let entry = (0..40usize, dates, prop::option::of(0..32usize), roles, tkinds, 0..32usize, methods, any::<bool>(), any::<bool>(), 0..4u64, 0..6u64);
    (prop::collection::vec(org, 0..12), prop::collection::vec(member, 0..40), prop::collection::vec(entry, 0..60)).prop_map(
        |(orgs, members, entries)| {
            let orgs: Vec<Value> = orgs
                .into_iter()
                .map(|(id, kind, parent, unit, sec, sector)| {
                    let sector = ["", "non_public", "social"][sector];
                    json!({ "id": format!("o{id}"), "name": format!("组织{id}"), "kind": kind,
                            "parent": parent.map(|p| format!("o{p}")), "unit": unit.map(|u| format!("单位{u}")),
                            "secretary": sec.map(|s| format!("m{s}")), "sector": sector })
                })
                .collect();
            let members: Vec<Value> = members
                .into_iter()
                .map(|(id, org, mobile)| json!({ "id": format!("m{id}"), "name": format!("党员{id}"), "org": format!("o{org}"), "mobile": mobile }))
                .collect();
            let entries: Vec<Value> = entries
                .into_iter()
                .map(|(id, date, rid, role, kind, tid, method, talk, model, found, solved)| {
                    let tid = if kind == "member" || kind == "secretary" { format!("m{tid}") } else { format!("o{}", tid % 11) };
                    json!({ "id": format!("e{id}"), "date": date,
                            "reviewer": { "id": rid.map(|r| format!("m{r}")), "name": "点评人", "role": role },
                            "target": { "kind": kind, "id": tid, "name": "对象" },
                            "method": method, "talk": talk, "model": model,
                            "problems_found": found, "problems_solved": solved,
                            "evaluation": "评价内容比较充分具体", "shortcomings": "不足之处需要改进提高", "direction": "努力方向明确具体可行" })
                })
                .collect();
            (
                json!({ "format": "cxzy-roster/1", "orgs": orgs, "members": members }),
                json!({ "format": "cxzy-entries/1", "entries": entries }),
            )
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// SPEC §6.3: the derived table's rows pass every R rule (errors) by construction, and the
    /// gap lists agree with the columns.
    #[test]
    fn coverage_rows_pass_every_r_rule((roster, entries) in arb_docs(), batch in 1u8..=2, as_of in prop::sample::select(vec!["2010-12-31", "2011-06-30", "2012-12-31"])) {
        let cov = coverage(&roster, &entries, date(as_of), batch, "某某县");
        let mut sums = [0u64; 20];
        for (i, row) in cov.table.rows.iter().enumerate() {
            let errors: Vec<Issue> = check_row(i, row, Some(batch)).into_iter().filter(Issue::is_error).collect();
            prop_assert!(errors.is_empty(), "{:?}\n{:#?}", row, errors);
            for (s, v) in sums.iter_mut().zip(row.values()) {
                *s += v.unwrap_or(0);
            }
        }
        use cxzy_form::core::columns::ix::*;
        prop_assert_eq!(cov.gaps.orgs.len() as u64, sums[ORGS_TOTAL] - sums[ORGS_REVIEWED]);
        prop_assert_eq!(cov.gaps.members.len() as u64, sums[MEMBERS_TOTAL] - sums[MEMBERS_REVIEWED]);
        prop_assert_eq!(cov.gaps.secretaries.len() as u64, sums[SECRETARIES_TOTAL] - sums[SECRETARIES_REVIEWED]);
        prop_assert_eq!(cov.gaps.not_reviewing.len() as u64, sums[SECRETARIES_TOTAL] - sums[SECRETARIES_REVIEWING]);
        // The table is a valid statistics document apart from the clerk's header fields.
        let (_, read) = cxzy_form::core::stats::model::read(&cov.to_value()["table"]);
        prop_assert!(read.iter().all(|i| matches!(i.code, "T003" | "T006" | "T007")), "{:#?}", read);
    }
}

/// Any JSON value, nested a few levels.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,12}".prop_map(Value::from),
        prop::sample::select(vec!["o1", "m1", "m2", "branch", "member", "individual", "二〇一〇年十二月二十日", "2010-12-20"]).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "format", "orgs", "members", "entries", "id", "name", "kind", "parent", "unit", "secretary", "sector", "org",
                    "mobile", "date", "reviewer", "target", "role", "method", "grade", "evaluation", "focus", "talk", "model",
                    "problems_found", "problems_solved", "combined_with", "other",
                ])
                .prop_map(str::to_string),
                inner,
                0..8,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// SPEC §5: nothing panics, whatever the input.
    #[test]
    fn nothing_panics_on_arbitrary_json(doc in arb_json(), other in arb_json()) {
        let _ = validate_roster(&doc);
        let _ = validate_entries(&doc, Some(&other), Some(date(TODAY)));
        let _ = coverage(&doc, &other, date(TODAY), 1, "某某县").to_value();
        let _ = coverage(&other, &doc, date(TODAY), 3, "").to_value();
    }

    /// Random values in every field of the valid base documents.
    #[test]
    fn nothing_panics_on_random_field_values(
        e in 0..4usize,
        field in prop::sample::select(vec![
            "id", "date", "reviewer", "target", "method", "grade", "evaluation", "focus", "talk", "model",
            "problems_found", "problems_solved", "combined_with",
        ]),
        o in 0..3usize,
        ofield in prop::sample::select(vec!["id", "name", "kind", "parent", "unit", "secretary", "sector"]),
        v in arb_json(),
        w in arb_json(),
    ) {
        let mut entries = entries();
        entries["entries"][e][field] = v;
        let mut roster = roster();
        roster["orgs"][o][ofield] = w;
        let _ = validate_entries(&entries, Some(&roster), Some(date(TODAY)));
        let _ = validate_roster(&roster);
        let _ = coverage(&roster, &entries, date(TODAY), 2, "某某县").to_value();
    }
}
