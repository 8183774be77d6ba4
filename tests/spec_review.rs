//! A black-box suite for SPEC §6 (roster, entries, coverage) and §8.2 (the command line), written
//! from the SPEC alone: small hand-made documents, the expected codes, severities and paths, and
//! the coverage columns and gap lists computed by hand. The CLI is run as a user runs it; the
//! library is called where the SPEC names a function (`validate`, `coverage`).

use std::path::PathBuf;
use std::process::{Command, Output};

use chrono::NaiveDate;
use serde_json::{json, Value};

use cxzy_form::core::issue::Locale;
use cxzy_form::core::review;
use cxzy_form::core::validate::{validate, Options};

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/// Two townships. 甲镇: committee c1 (secretary m1) over branches b1 (非公, secretary m2) and b2
/// (secretary m5). 乙镇: committee c2 (secretary m8) over branch b3 (社会组织, no secretary).
fn roster() -> Value {
    json!({ "format": "cxzy-roster/1",
      "orgs": [
        { "id": "c1", "name": "甲镇党委", "kind": "committee", "parent": null, "unit": "甲镇", "secretary": "m1" },
        { "id": "b1", "name": "甲镇某公司党支部", "kind": "branch", "parent": "c1", "unit": "甲镇", "secretary": "m2", "sector": "non_public" },
        { "id": "b2", "name": "甲镇第二党支部", "kind": "branch", "parent": "c1", "unit": "甲镇", "secretary": "m5" },
        { "id": "c2", "name": "乙镇党委", "kind": "committee", "parent": null, "unit": "乙镇", "secretary": "m8" },
        { "id": "b3", "name": "乙镇协会党支部", "kind": "branch", "parent": "c2", "unit": "乙镇", "sector": "social" }
      ],
      "members": [
        { "id": "m1", "name": "张一", "org": "c1", "mobile": false },
        { "id": "m2", "name": "张二", "org": "b1", "mobile": false },
        { "id": "m3", "name": "张三", "org": "b1", "mobile": true },
        { "id": "m4", "name": "张四", "org": "b1", "mobile": false },
        { "id": "m5", "name": "张五", "org": "b2", "mobile": false },
        { "id": "m6", "name": "张六", "org": "b2", "mobile": false },
        { "id": "m7", "name": "张七", "org": "b2", "mobile": true },
        { "id": "m8", "name": "李八", "org": "c2", "mobile": false },
        { "id": "m9", "name": "李九", "org": "b3", "mobile": false },
        { "id": "m10", "name": "李十", "org": "b3", "mobile": true },
        { "id": "m11", "name": "李十一", "org": "b3", "mobile": false }
      ] })
}

/// Texts written for one review each: every entry says something of its own (E009 looks for
/// the same or nearly the same text in 3 or more entries).
const TEXTS: [&str; 32] = [
    "支部围绕企业生产经营开展承诺践诺，党员示范岗作用明显。",
    "全年帮助职工解决住房困难十一户，组织技术攻关三项。",
    "新党员发展工作偏慢，入党积极分子培养缺少计划。",
    "明年要把优秀技术骨干培养成党员，建好流动党员档案。",
    "张二书记带头承担急难任务，常到一线与职工谈心。",
    "组织党员开展岗位练兵，车间合格率提高到百分之九十八。",
    "抓班子自身建设用力不足，民主生活会批评不够辣。",
    "今后多听群众意见，把支部例会制度真正坚持下来。",
    "张三在仓储岗位上账物相符，主动承担夜班巡查。",
    "业余时间学习不够，对新设备的操作规程还不熟。",
    "下一步考取叉车操作证，带一名新职工共同进步。",
    "张四负责的客户回访及时，被评为季度服务标兵。",
    "参加组织生活有两次请假，思想汇报写得比较简短。",
    "按时参加支部活动，每季度向支部书面汇报一次思想。",
    "乙镇党委推进农村道路硬化，六个村全部通了水泥路。",
    "建成村级便民服务站八个，办理群众事项一千余件。",
    "对社会组织党建工作指导不够，协会支部活动不规律。",
    "要为协会支部选派党建指导员，每月指导一次活动。",
    "李八书记包村蹲点，化解土地纠纷十余起，群众称道。",
    "组织党员认领服务岗位，春耕期间帮扶困难户四十家。",
    "调研多、落实少，个别承诺事项推进时间拖得较长。",
    "建立承诺事项台账，逐项明确完成时限和责任人。",
    "张六在社区服务中热情耐心，坚持为孤寡老人送药。",
    "对政策法规的宣传解释不够准确，需要系统学习。",
    "参加党员远程教育培训，争取当好社区政策宣讲员。",
    "张三在盘点中发现两处差错并及时更正，避免了损失。",
    "向老同志请教不多，处理突发情况时经验仍显不足。",
    "多与班组长交流，学习应急处置，做到心中有数。",
    "该支部开展党员义务植树，绿化厂区空地三千平方米。",
    "结对帮扶社区困难家庭五户，落实就业岗位两个。",
    "个别党员亮身份意识不强，佩戴党徽不够经常。",
    "推行党员积分管理，把承诺兑现情况纳入年终评议。",
];

/// Complete content for an organisation or a secretary (all four parts), from `TEXTS[k..k + 4]`.
fn org_content(k: usize) -> Value {
    json!({ "evaluation": TEXTS[k], "achievements": TEXTS[k + 1], "shortcomings": TEXTS[k + 2], "direction": TEXTS[k + 3] })
}

/// Content for a member: evaluation, shortcomings and direction (no achievements needed), from
/// `TEXTS[k..k + 3]`.
fn member_content(k: usize) -> Value {
    json!({ "evaluation": TEXTS[k], "shortcomings": TEXTS[k + 1], "direction": TEXTS[k + 2] })
}

fn entry(id: &str, date: &str, reviewer: Value, target: Value, method: &str, content: Value, extra: Value) -> Value {
    let mut e = json!({ "id": id, "date": date, "reviewer": reviewer, "target": target, "method": method });
    for src in [content, extra] {
        if let Value::Object(m) = src {
            for (k, v) in m {
                e[k] = v;
            }
        }
    }
    e
}

fn m1() -> Value {
    json!({ "id": "m1", "name": "张一", "role": "committee_secretary", "org": "c1" })
}
fn m2() -> Value {
    json!({ "id": "m2", "name": "张二", "role": "branch_secretary", "org": "b1" })
}
fn m5() -> Value {
    json!({ "id": "m5", "name": "张五", "role": "branch_secretary", "org": "b2" })
}
/// A county leader: not in the grassroots roster, so no id.
fn leader() -> Value {
    json!({ "name": "王县长", "role": "county_leader" })
}

/// Eight review acts; e7 is dated after the coverage date 2011-01-15 used below.
fn entries() -> Value {
    json!({ "format": "cxzy-entries/1", "entries": [
        entry("e1", "2010-12-10", m1(), json!({ "kind": "branch", "id": "b1", "name": "甲镇某公司党支部" }), "collective",
              org_content(0), json!({ "model": true, "problems_found": 2, "problems_solved": 1, "focus": ["central_work"] })),
        entry("e2", "2010-12-11", m1(), json!({ "kind": "secretary", "id": "m2", "name": "张二" }), "individual",
              org_content(4), json!({ "talk": true, "focus": ["lead_by_example"] })),
        entry("e3", "2011-01-05", m2(), json!({ "kind": "member", "id": "m3", "name": "张三" }), "individual",
              member_content(8), json!({ "focus": ["post_performance"] })),
        // Collective, not on-site: 现场点评 is of organisations by leading cadres (E018).
        entry("e4", "2011-01-06", m2(), json!({ "kind": "member", "id": "m4", "name": "张四" }), "collective",
              member_content(11), json!({})),
        entry("e5", "2010-12-20", leader(), json!({ "kind": "committee", "id": "c2", "name": "乙镇党委" }), "random",
              org_content(14), json!({ "problems_found": 1, "problems_solved": 1 })),
        entry("e6", "2010-12-21", leader(), json!({ "kind": "secretary", "id": "m8", "name": "李八" }), "individual",
              org_content(18), json!({})),
        entry("e7", "2011-01-20", m5(), json!({ "kind": "member", "id": "m6", "name": "张六" }), "individual",
              member_content(22), json!({})),
        entry("e8", "2011-01-10", m2(), json!({ "kind": "member", "id": "m3", "name": "张三" }), "collective",
              member_content(25), json!({})),
    ] })
}

/// A complete, valid statistics table of two rows (no preset).
fn stats(unit: &str, batch: u8) -> Value {
    let row = |name: &str, k: u64| {
        json!({ "name": name,
          "orgs_total": 10 * k, "orgs_reviewed": 8 * k, "new_orgs_total": 2 * k, "new_orgs_reviewed": k,
          "secretaries_total": 10 * k, "secretaries_reviewed": 8 * k, "secretaries_reviewing": 9 * k,
          "members_total": 100 * k, "members_reviewed": 80 * k, "mobile_total": 5 * k, "mobile_reviewed": 4 * k,
          "cadres_reviewing": 3 * k, "collective": 50 * k, "individual": 40 * k, "onsite": 10 * k, "random": 5 * k,
          "talks": 10 * k, "models": 2 * k, "problems_found": 5 * k, "problems_solved": 3 * k })
    };
    json!({ "format": "cxzy-stats/1", "unit": unit, "batch": batch,
      "as_of": "2011-01-15", "filed_on": "2011-01-16", "deadline": "2011-01-16",
      "principal": "赵负责", "preparer": "钱填表", "phone": "0451-82345678",
      "rows": [row("一区", 1), row("二区", 2)],
      "report": { "overview": "总体情况良好。", "practices": "突出做法若干。", "examples": "典型事例若干。" },
      "notes": "" })
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn tmp(name: &str, contents: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("cxzy-spec-review-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p: PathBuf = dir.join(name);
    std::fs::write(&p, contents).expect("write tmp");
    p.display().to_string()
}

fn tmp_json(name: &str, v: &Value) -> String {
    tmp(name, serde_json::to_string_pretty(v).expect("json").as_bytes())
}

fn cxzy(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxzy")).env("LC_ALL", "C").args(args).output().expect("cxzy runs")
}

fn stdout_json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!("stdout is JSON ({e}): {}\nstderr: {}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
    })
}

/// `cxzy validate FILE --json [extra…]` → (exit status, issues).
fn cli_validate(name: &str, doc: &Value, extra: &[&str]) -> (i32, Vec<Value>) {
    let p = tmp_json(name, doc);
    let mut args = vec!["validate", p.as_str(), "--json"];
    args.extend_from_slice(extra);
    let o = cxzy(&args);
    let issues = stdout_json(&o).as_array().cloned().expect("an array of issues");
    (o.status.code().expect("exit status"), issues)
}

fn has(issues: &[Value], code: &str, severity: &str, path: &str) -> bool {
    issues.iter().any(|i| i["code"] == code && i["severity"] == severity && i["path"] == path)
}

fn show(issues: &[Value]) -> Vec<String> {
    issues.iter().map(|i| format!("{} {} {}", i["code"], i["severity"], i["path"])).collect()
}

fn without(issues: &[Value], code: &str) -> Vec<Value> {
    issues.iter().filter(|i| i["code"] != code).cloned().collect()
}

/// Edits a copy of a document.
fn edit(mut doc: Value, f: impl FnOnce(&mut Value)) -> Value {
    f(&mut doc);
    doc
}

/// Asserts that the only issue of interest is exactly `code`/`severity`/`path`, and the exit status.
fn expect_one(name: &str, doc: &Value, extra: &[&str], code: &str, severity: &str, path: &str, exit: i32) {
    let (status, issues) = cli_validate(name, doc, extra);
    let issues = without(&issues, "E009");
    assert!(has(&issues, code, severity, path), "{name}: expected {code} {severity} {path}, got {:?}", show(&issues));
    let others: Vec<&Value> = issues.iter().filter(|i| i["code"] != code).collect();
    assert!(others.is_empty(), "{name}: only {code} expected, also got {others:?}");
    assert_eq!(status, exit, "{name}: exit status");
}

const TODAY: [&str; 2] = ["--today", "2011-01-31"];

fn with_roster() -> Vec<String> {
    let r = tmp_json("roster-for-entries.json", &roster());
    vec!["--roster".into(), r, "--today".into(), "2011-01-31".into()]
}

// ---------------------------------------------------------------------------------------------
// §6.1 Roster: O001–O006
// ---------------------------------------------------------------------------------------------

#[test]
fn the_fixture_roster_is_clean_and_exits_0() {
    let (status, issues) = cli_validate("roster-clean.json", &roster(), &[]);
    assert!(issues.is_empty(), "{:?}", show(&issues));
    assert_eq!(status, 0);
}

#[test]
fn o001_duplicate_id_is_an_error() {
    let doc = edit(roster(), |d| {
        let dup = d["orgs"][1].clone();
        d["orgs"].as_array_mut().unwrap().push(dup);
    });
    expect_one("o001-org.json", &doc, &[], "O001", "error", "/orgs/5/id", 1);
    let doc = edit(roster(), |d| {
        let dup = d["members"][1].clone();
        d["members"].as_array_mut().unwrap().push(dup);
    });
    expect_one("o001-member.json", &doc, &[], "O001", "error", "/members/11/id", 1);
}

#[test]
fn o002_unknown_parent_or_a_cycle_is_an_error() {
    let doc = edit(roster(), |d| d["orgs"][1]["parent"] = json!("nowhere"));
    expect_one("o002-unknown.json", &doc, &[], "O002", "error", "/orgs/1/parent", 1);
    // c1 → b1 → c1
    let doc = edit(roster(), |d| d["orgs"][0]["parent"] = json!("b1"));
    let (status, issues) = cli_validate("o002-cycle.json", &doc, &[]);
    assert!(issues.iter().any(|i| i["code"] == "O002" && i["severity"] == "error"), "{:?}", show(&issues));
    assert_eq!(status, 1);
}

#[test]
fn o003_member_of_an_unknown_org_is_an_error() {
    // m9 leaves b3 (which then has 2 members: O005 is expected too).
    let doc = edit(roster(), |d| d["members"][8]["org"] = json!("nowhere"));
    let (status, issues) = cli_validate("o003.json", &doc, &[]);
    assert!(has(&issues, "O003", "error", "/members/8/org"), "{:?}", show(&issues));
    assert_eq!(status, 1);
}

#[test]
fn o004_secretary_outside_the_org_and_its_children_is_a_warning() {
    // m5 belongs to b2, not to b1.
    let doc = edit(roster(), |d| d["orgs"][1]["secretary"] = json!("m5"));
    expect_one("o004.json", &doc, &[], "O004", "warning", "/orgs/1/secretary", 0);
    // A committee's secretary may be a member of one of its branches: no O004.
    let doc = edit(roster(), |d| d["orgs"][0]["secretary"] = json!("m3"));
    let (status, issues) = cli_validate("o004-child.json", &doc, &[]);
    assert!(issues.is_empty(), "{:?}", show(&issues));
    assert_eq!(status, 0);
}

#[test]
fn o005_branch_with_fewer_than_three_members_is_a_warning() {
    let doc = edit(roster(), |d| {
        d["members"].as_array_mut().unwrap().remove(3); // m4 leaves b1: 2 members
    });
    expect_one("o005.json", &doc, &[], "O005", "warning", "/orgs/1", 0);
}

#[test]
fn o006_branch_above_a_committee_is_an_error() {
    let doc = edit(roster(), |d| d["orgs"][3]["parent"] = json!("b1"));
    let (status, issues) = cli_validate("o006.json", &doc, &[]);
    assert!(issues.iter().any(|i| i["code"] == "O006" && i["severity"] == "error" && i["path"].as_str().unwrap().starts_with("/orgs/3")), "{:?}", show(&issues));
    assert_eq!(status, 1);
}

// ---------------------------------------------------------------------------------------------
// §6.2 Entries: E001–E016
// ---------------------------------------------------------------------------------------------

#[test]
fn the_fixture_entries_have_no_error_with_the_roster_and_exit_0() {
    let extra = with_roster();
    let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
    let (status, issues) = cli_validate("entries-clean.json", &entries(), &extra);
    assert!(issues.is_empty(), "{:?}", show(&issues));
    assert_eq!(status, 0);
}

fn e(name: &str, f: impl FnOnce(&mut Value), code: &str, severity: &str, path: &str) {
    let doc = edit(entries(), f);
    expect_one(name, &doc, &TODAY, code, severity, path, i32::from(severity == "error"));
}

#[test]
fn e001_id_missing_or_duplicated() {
    e("e001-missing.json", |d| drop(d["entries"][2].as_object_mut().unwrap().remove("id")), "E001", "error", "/entries/2/id");
    e("e001-dup.json", |d| d["entries"][3]["id"] = json!("e1"), "E001", "error", "/entries/3/id");
}

#[test]
fn e002_date_missing_invalid_or_after_today() {
    e("e002-missing.json", |d| drop(d["entries"][2].as_object_mut().unwrap().remove("date")), "E002", "error", "/entries/2/date");
    e("e002-invalid.json", |d| d["entries"][2]["date"] = json!("2011-02-30"), "E002", "error", "/entries/2/date");
    e("e002-future.json", |d| d["entries"][2]["date"] = json!("2011-03-01"), "E002", "error", "/entries/2/date");
    // The same date is fine when "today" is later: --today makes runs reproducible.
    let doc = edit(entries(), |d| d["entries"][2]["date"] = json!("2011-03-01"));
    let (status, issues) = cli_validate("e002-later-today.json", &doc, &["--today", "2011-03-01"]);
    assert!(without(&issues, "E009").is_empty(), "{:?}", show(&issues));
    assert_eq!(status, 0);
}

#[test]
fn e002_accepts_the_clerk_date_forms() {
    for (i, form) in ["2011/1/5", "2011.1.5", "2011年1月5日", "二〇一一年一月五日"].iter().enumerate() {
        let doc = edit(entries(), |d| d["entries"][2]["date"] = json!(form));
        let (status, issues) = cli_validate(&format!("e002-form-{i}.json"), &doc, &TODAY);
        assert!(!issues.iter().any(|i| i["severity"] == "error"), "{form}: {:?}", show(&issues));
        assert_eq!(status, 0, "{form}");
    }
}

#[test]
fn e003_date_outside_the_campaign_window_is_a_warning() {
    e("e003-before.json", |d| d["entries"][2]["date"] = json!("2010-03-31"), "E003", "warning", "/entries/2/date");
    let doc = edit(entries(), |d| d["entries"][2]["date"] = json!("2013-01-01"));
    let (_, issues) = cli_validate("e003-after-today.json", &doc, &["--today", "2013-06-01"]);
    assert!(has(&issues, "E003", "warning", "/entries/2/date"), "{:?}", show(&issues));
    // The first day of the window is inside it.
    let doc = edit(entries(), |d| d["entries"][2]["date"] = json!("2010-04-01"));
    let (status, issues) = cli_validate("e003-first-day.json", &doc, &TODAY);
    assert!(without(&issues, "E009").is_empty(), "{:?}", show(&issues));
    assert_eq!(status, 0);
}

#[test]
fn e004_reviewer_name_or_role_missing_or_unknown() {
    e("e004-name.json", |d| drop(d["entries"][2]["reviewer"].as_object_mut().unwrap().remove("name")), "E004", "error", "/entries/2/reviewer/name");
    e("e004-role.json", |d| d["entries"][2]["reviewer"]["role"] = json!("boss"), "E004", "error", "/entries/2/reviewer/role");
    e("e004-no-role.json", |d| drop(d["entries"][2]["reviewer"].as_object_mut().unwrap().remove("role")), "E004", "error", "/entries/2/reviewer/role");
}

#[test]
fn e005_target_kind_or_name_missing_or_unknown() {
    e("e005-kind.json", |d| d["entries"][2]["target"]["kind"] = json!("person"), "E005", "error", "/entries/2/target/kind");
    e("e005-name.json", |d| drop(d["entries"][2]["target"].as_object_mut().unwrap().remove("name")), "E005", "error", "/entries/2/target/name");
}

#[test]
fn e006_method_missing_or_unknown() {
    e("e006-unknown.json", |d| d["entries"][2]["method"] = json!("telephone"), "E006", "error", "/entries/2/method");
    e("e006-missing.json", |d| drop(d["entries"][2].as_object_mut().unwrap().remove("method")), "E006", "error", "/entries/2/method");
}

#[test]
fn e007_content_incomplete_by_target_kind() {
    // An organisation needs achievements; a secretary too.
    e("e007-org.json", |d| drop(d["entries"][0].as_object_mut().unwrap().remove("achievements")), "E007", "error", "/entries/0/achievements");
    e("e007-secretary.json", |d| drop(d["entries"][1].as_object_mut().unwrap().remove("direction")), "E007", "error", "/entries/1/direction");
    // A member needs evaluation, shortcomings and direction …
    e("e007-member.json", |d| drop(d["entries"][2].as_object_mut().unwrap().remove("shortcomings")), "E007", "error", "/entries/2/shortcomings");
    e("e007-member-empty.json", |d| d["entries"][2]["evaluation"] = json!(""), "E007", "error", "/entries/2/evaluation");
    // … but not achievements (the fixture's member entries have none).
    let (status, issues) = cli_validate("e007-member-ok.json", &entries(), &TODAY);
    assert!(!issues.iter().any(|i| i["code"] == "E007"), "{:?}", show(&issues));
    assert_eq!(status, 0);
}

#[test]
fn e008_content_without_substance_is_a_warning() {
    e("e008.json", |d| d["entries"][2]["evaluation"] = json!("表现很好。"), "E008", "warning", "/entries/2/evaluation");
    // Eight characters of substance are enough, punctuation does not count.
    e("e008-punct.json", |d| d["entries"][2]["direction"] = json!("继续努力！！！！！！"), "E008", "warning", "/entries/2/direction");
}

#[test]
fn e009_the_same_text_in_three_entries_ignoring_spaces_punctuation_and_the_name() {
    let same = |name: &str| format!("{name}同志 工作积极主动，表现突出，起到了模范带头作用。");
    let doc = edit(entries(), |d| {
        d["entries"][2]["evaluation"] = json!(same("张三"));
        d["entries"][3]["evaluation"] = json!(same("张四").replace('，', ",").replace(' ', ""));
        d["entries"][6]["evaluation"] = json!(same("张六"));
    });
    let (status, issues) = cli_validate("e009.json", &doc, &TODAY);
    for i in [2, 3, 6] {
        assert!(has(&issues, "E009", "warning", &format!("/entries/{i}/evaluation")), "{i}: {:?}", show(&issues));
    }
    assert_eq!(issues.iter().filter(|i| i["code"] == "E009").count(), 3, "{:?}", show(&issues));
    assert_eq!(status, 0);
    // Two alike are not yet formulaic.
    let doc = edit(entries(), |d| {
        d["entries"][2]["evaluation"] = json!(same("张三"));
        d["entries"][3]["evaluation"] = json!(same("张四"));
    });
    let (_, issues) = cli_validate("e009-two.json", &doc, &TODAY);
    assert!(!issues.iter().any(|i| i["code"] == "E009"), "{:?}", show(&issues));
}

#[test]
fn e010_role_and_target_outside_the_responsibility_rules_is_a_warning() {
    // A branch secretary reviews members of the own branch, not a committee.
    let doc = edit(entries(), |d| {
        d["entries"][2]["target"] = json!({ "kind": "committee", "id": "c1", "name": "甲镇党委" });
        d["entries"][2]["achievements"] = json!("党委公开承诺全部兑现，为群众办实事多件。");
        d["entries"][2]["focus"] = json!(["central_work"]);
    });
    let (status, issues) = cli_validate("e010.json", &doc, &TODAY);
    assert!(issues.iter().any(|i| i["code"] == "E010" && i["severity"] == "warning" && i["path"].as_str().unwrap().starts_with("/entries/2")), "{:?}", show(&issues));
    assert_eq!(status, 0);
    // A committee secretary may review its branches and their secretaries (e1, e2); a county
    // leader committees and their secretaries (e5, e6): the fixture has no E010.
    let (_, issues) = cli_validate("e010-none.json", &entries(), &TODAY);
    assert!(!issues.iter().any(|i| i["code"] == "E010"), "{:?}", show(&issues));
}

#[test]
fn e011_talk_without_individual_method_is_a_warning() {
    let doc = edit(entries(), |d| d["entries"][0]["talk"] = json!(true)); // e1 is collective
    let (status, issues) = cli_validate("e011.json", &doc, &TODAY);
    assert!(issues.iter().any(|i| i["code"] == "E011" && i["severity"] == "warning" && i["path"].as_str().unwrap().starts_with("/entries/0")), "{:?}", show(&issues));
    assert_eq!(status, 0);
    // e2 has talk with an individual review: fine.
    let (_, issues) = cli_validate("e011-none.json", &entries(), &TODAY);
    assert!(!issues.iter().any(|i| i["code"] == "E011"));
}

#[test]
fn e012_problems_solved_above_found_is_an_error() {
    let doc = edit(entries(), |d| d["entries"][0]["problems_solved"] = json!(3));
    let (status, issues) = cli_validate("e012.json", &doc, &TODAY);
    assert!(issues.iter().any(|i| i["code"] == "E012" && i["severity"] == "error" && i["path"].as_str().unwrap().starts_with("/entries/0/problems_")), "{:?}", show(&issues));
    assert_eq!(status, 1);
}

#[test]
fn e013_focus_that_does_not_fit_the_target_is_an_error() {
    let doc = edit(entries(), |d| d["entries"][2]["focus"] = json!(["central_work"])); // a member
    let (status, issues) = cli_validate("e013.json", &doc, &TODAY);
    assert!(issues.iter().any(|i| i["code"] == "E013" && i["severity"] == "error" && i["path"].as_str().unwrap().starts_with("/entries/2/focus")), "{:?}", show(&issues));
    assert_eq!(status, 1);
    let doc = edit(entries(), |d| d["entries"][1]["focus"] = json!(["post_performance"])); // a secretary
    let (_, issues) = cli_validate("e013-secretary.json", &doc, &TODAY);
    assert!(issues.iter().any(|i| i["code"] == "E013"), "{:?}", show(&issues));
    // public_pledge fits organisations and members alike.
    let doc = edit(entries(), |d| {
        d["entries"][0]["focus"] = json!(["public_pledge", "joint_building"]);
        d["entries"][2]["focus"] = json!(["public_pledge", "serve_people"]);
    });
    let (_, issues) = cli_validate("e013-none.json", &doc, &TODAY);
    assert!(!issues.iter().any(|i| i["code"] == "E013"), "{:?}", show(&issues));
}

#[test]
fn e014_unknown_ids_with_a_roster_are_errors_and_not_checked_without_one() {
    let extra = with_roster();
    let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
    let doc = edit(entries(), |d| d["entries"][2]["target"]["id"] = json!("m99"));
    expect_one("e014-target.json", &doc, &extra, "E014", "error", "/entries/2/target/id", 1);
    let doc = edit(entries(), |d| d["entries"][2]["reviewer"]["id"] = json!("m99"));
    expect_one("e014-reviewer.json", &doc, &extra, "E014", "error", "/entries/2/reviewer/id", 1);
    // Without a roster nobody can know.
    let (status, issues) = cli_validate("e014-no-roster.json", &doc, &TODAY);
    assert!(!issues.iter().any(|i| i["code"] == "E014"), "{:?}", show(&issues));
    assert_eq!(status, 0);
}

#[test]
fn e015_target_outside_the_reviewers_subtree_is_a_warning() {
    let extra = with_roster();
    let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
    // m2, secretary of b1, reviews m6 of b2.
    let doc = edit(entries(), |d| d["entries"][2]["target"] = json!({ "kind": "member", "id": "m6", "name": "张六" }));
    let (status, issues) = cli_validate("e015.json", &doc, &extra);
    assert!(issues.iter().any(|i| i["code"] == "E015" && i["severity"] == "warning" && i["path"].as_str().unwrap().starts_with("/entries/2")), "{:?}", show(&issues));
    assert!(!issues.iter().any(|i| i["severity"] == "error"), "{:?}", show(&issues));
    // The kind is right (a member): the wrong branch is E015's finding alone (docs/decisions.md).
    assert!(!issues.iter().any(|i| i["code"] == "E010"), "{:?}", show(&issues));
    assert_eq!(status, 0);
}

#[test]
fn e016_reviewing_oneself_is_an_error() {
    let doc = edit(entries(), |d| d["entries"][2]["target"] = json!({ "kind": "member", "id": "m2", "name": "张二" }));
    let (status, issues) = cli_validate("e016.json", &doc, &TODAY);
    assert!(issues.iter().any(|i| i["code"] == "E016" && i["severity"] == "error" && i["path"].as_str().unwrap().starts_with("/entries/2")), "{:?}", show(&issues));
    assert_eq!(status, 1);
}

#[test]
fn entries_messages_follow_the_locale() {
    let doc = edit(entries(), |d| d["entries"][2]["method"] = json!("telephone"));
    let p = tmp_json("e006-locale.json", &doc);
    let zh = stdout_json(&cxzy(&["validate", &p, "--json", "--today", "2011-01-31"]));
    let en = stdout_json(&cxzy(&["validate", &p, "--json", "--today", "2011-01-31", "--locale", "en"]));
    let msg = |v: &Value| v.as_array().unwrap().iter().find(|i| i["code"] == "E006").unwrap()["message"].as_str().unwrap().to_string();
    let (zh, en) = (msg(&zh), msg(&en));
    assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{zh}");
    assert!(en.is_ascii() || en.chars().filter(char::is_ascii_alphabetic).count() > 5, "{en}");
    assert_ne!(zh, en);
}

// ---------------------------------------------------------------------------------------------
// §6.3 Coverage
// ---------------------------------------------------------------------------------------------

/// The rows the SPEC's counting rules give for the fixtures at 2011-01-15 (e7 is later):
///
/// 甲镇: orgs c1 b1 b2 (1=3), reviewed b1 (2=1), 两新 b1 (4=1, 5=1), secretaries m1 m2 m5 (6=3),
/// m2 reviewed as a secretary (7=1), m1 and m2 reviewed someone (9=2), members m1…m7 (11=7),
/// reviewed m2 m3 m4 (12=3), mobile m3 m7 (14=2) of whom m3 reviewed (15=1), no county leader
/// (16=0), collective e1 e4 e8, individual e2 e3 (17…20 = 3 2 0 0), talk e2 (22=1),
/// model b1 (23=1), problems 2/1.
///
/// 乙镇: orgs c2 b3 (1=2), reviewed c2 (2=1), 两新 b3 (4=1, 5=0), secretary m8 (6=1, 7=1),
/// no secretary reviewed anyone (9=0), members m8…m11 (11=4), reviewed m8 (12=1), mobile m10
/// (14=1, 15=0), the county leader (16=1), individual e6, random e5, problems 1/1.
fn expected_rows() -> Vec<(&'static str, [u64; 20])> {
    vec![
        ("甲镇", [3, 1, 1, 1, 3, 1, 2, 7, 3, 2, 1, 0, 3, 2, 0, 0, 1, 1, 2, 1]),
        ("乙镇", [2, 1, 1, 0, 1, 1, 0, 4, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1]),
    ]
}

const INPUTS: [&str; 20] = [
    "orgs_total", "orgs_reviewed", "new_orgs_total", "new_orgs_reviewed", "secretaries_total",
    "secretaries_reviewed", "secretaries_reviewing", "members_total", "members_reviewed", "mobile_total",
    "mobile_reviewed", "cadres_reviewing", "collective", "individual", "onsite", "random", "talks", "models",
    "problems_found", "problems_solved",
];

fn coverage_cli(roster: &Value, entries: &Value, as_of: &str, extra: &[&str]) -> Output {
    let r = tmp_json(&format!("cov-roster-{as_of}.json"), roster);
    let e = tmp_json(&format!("cov-entries-{as_of}.json"), entries);
    let mut args = vec!["coverage", "--roster", &r, "--entries", &e, "--as-of", as_of, "--batch", "1", "--unit", "某县"];
    args.extend_from_slice(extra);
    cxzy(&args)
}

#[test]
fn coverage_json_has_the_spec_shape_hand_computed_columns_and_gap_lists() {
    let o = coverage_cli(&roster(), &entries(), "2011-01-15", &["--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v = stdout_json(&o);
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["table", "gaps", "issues"]);
    let gap_keys: Vec<&String> = v["gaps"].as_object().unwrap().keys().collect();
    assert_eq!(gap_keys, ["orgs", "secretaries", "members", "not_reviewing"]);
    assert!(v["issues"].is_array());

    let table = &v["table"];
    assert_eq!(table["format"], "cxzy-stats/1");
    assert_eq!(table["unit"], "某县");
    assert_eq!(table["batch"], 1);
    assert_eq!(table["as_of"], "2011-01-15");
    let rows = table["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    for (row, (name, cols)) in rows.iter().zip(expected_rows()) {
        assert_eq!(row["name"], name);
        for (field, want) in INPUTS.iter().zip(cols) {
            assert_eq!(row[*field].as_u64(), Some(want), "{name} {field}");
        }
    }

    // Roster ids, in roster order.
    assert_eq!(v["gaps"]["orgs"], json!(["c1", "b2", "b3"]));
    assert_eq!(v["gaps"]["secretaries"], json!(["m1", "m5"]));
    assert_eq!(v["gaps"]["members"], json!(["m1", "m5", "m6", "m7", "m9", "m10", "m11"]));
    assert_eq!(v["gaps"]["not_reviewing"], json!(["m5", "m8"]));
}

#[test]
fn coverage_counts_entries_up_to_as_of_inclusive() {
    // At 2011-01-20 e7 counts: m5 reviewed m6 (individual) in 甲镇.
    let v = stdout_json(&coverage_cli(&roster(), &entries(), "2011-01-20", &["--json"]));
    let row = &v["table"]["rows"][0];
    assert_eq!(row["secretaries_reviewing"], 3);
    assert_eq!(row["members_reviewed"], 4);
    assert_eq!(row["individual"], 3);
    assert_eq!(v["gaps"]["members"], json!(["m1", "m5", "m7", "m9", "m10", "m11"]));
    assert_eq!(v["gaps"]["not_reviewing"], json!(["m8"]));
    // At 2010-12-31 only the December entries count.
    let v = stdout_json(&coverage_cli(&roster(), &entries(), "2010-12-31", &["--json"]));
    let row = &v["table"]["rows"][0];
    assert_eq!((row["members_reviewed"].as_u64(), row["collective"].as_u64(), row["onsite"].as_u64()), (Some(1), Some(1), Some(0)));
    assert_eq!(v["gaps"]["not_reviewing"], json!(["m2", "m5", "m8"]));
}

#[test]
fn coverage_table_passes_every_r_rule_and_leaves_the_clerks_fields() {
    let v = stdout_json(&coverage_cli(&roster(), &entries(), "2011-01-15", &["--json"]));
    let table = &v["table"];
    for f in ["principal", "preparer", "phone", "filed_on"] {
        assert!(table.get(f).is_none_or(|x| x.is_null() || x == ""), "{f} is for the clerk: {table}");
    }
    let issues = validate(table, &Options::default());
    let r_errors: Vec<_> = issues.iter().filter(|i| i.code.starts_with('R') && i.is_error()).collect();
    assert!(r_errors.is_empty(), "{r_errors:?}");
    // Once the clerk fills them, the table is clean of errors.
    let filled = edit(table.clone(), |t| {
        t["filed_on"] = json!("2011-01-16");
        t["principal"] = json!("赵负责");
        t["preparer"] = json!("钱填表");
        t["phone"] = json!("13912345678");
    });
    let issues = validate(&filled, &Options::default());
    assert!(!issues.iter().any(|i| i.is_error()), "{issues:?}");
}

#[test]
fn coverage_f001_flags_organisations_and_secretaries_without_a_review_in_a_half_year() {
    let v = stdout_json(&coverage_cli(&roster(), &entries(), "2011-01-15", &["--json"]));
    let f001: Vec<&Value> = v["issues"].as_array().unwrap().iter().filter(|i| i["code"] == "F001").collect();
    assert!(f001.iter().all(|i| i["severity"] == "warning"));
    let ids: Vec<&str> = f001.iter().filter_map(|i| i["params"]["id"].as_str()).collect();
    // Jul–Dec 2010: c1, b2, b3 (organisations) and m1, m5 (secretaries) had no review.
    for id in ["c1", "b2", "b3", "m1", "m5"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    // b1 and c2 (organisations), m2 and m8 (secretaries) were reviewed in December 2010.
    for id in ["b1", "c2", "m2", "m8"] {
        assert!(!ids.contains(&id), "{id} was reviewed: {ids:?}");
    }
}

#[test]
fn coverage_library_and_cli_agree() {
    let as_of = NaiveDate::from_ymd_opt(2011, 1, 15).unwrap();
    let c = review::coverage(&roster(), &entries(), as_of, 1, "某县");
    let lib = c.to_value();
    let cli = stdout_json(&coverage_cli(&roster(), &entries(), "2011-01-15", &["--json"]));
    assert_eq!(lib["table"], cli["table"]);
    assert_eq!(lib["gaps"], cli["gaps"]);
    assert_eq!(lib["issues"].as_array().unwrap().len(), cli["issues"].as_array().unwrap().len());
}

#[test]
fn coverage_text_output_and_exit_codes() {
    let o = coverage_cli(&roster(), &entries(), "2011-01-15", &[]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!o.stdout.is_empty());
    // A roster with an error: exit 1.
    let bad = edit(roster(), |d| d["orgs"][1]["parent"] = json!("nowhere"));
    let o = coverage_cli(&bad, &entries(), "2011-01-15", &["--json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout_json(&o)["issues"].as_array().unwrap().iter().any(|i| i["code"] == "O002"));
    // A file that is not JSON: exit 2, line and column named.
    let r = tmp("cov-broken-roster.json", b"{\n \"format\": \"cxzy-roster/1\",\n \"orgs\": [,]\n}");
    let en = tmp_json("cov-ok-entries.json", &entries());
    let o = cxzy(&["coverage", "--roster", &r, "--entries", &en, "--as-of", "2011-01-15", "--batch", "1", "--unit", "某县", "--json"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains('3') && err.contains("11"), "line 3, column 11: {err}");
    assert!(o.stdout.is_empty(), "messages go to stderr");
}

// ---------------------------------------------------------------------------------------------
// §8.2 The command line
// ---------------------------------------------------------------------------------------------

#[test]
fn validate_recognises_each_document_by_its_format() {
    let (s, issues) = cli_validate("fmt-stats.json", &stats("某市", 1), &TODAY);
    assert!(!issues.iter().any(|i| i["severity"] == "error"), "{:?}", show(&issues));
    assert_eq!(s, 0);
    let bad_stats = edit(stats("某市", 1), |d| d["rows"][0]["orgs_reviewed"] = json!(11));
    let (s, issues) = cli_validate("fmt-stats-bad.json", &bad_stats, &TODAY);
    assert!(has(&issues, "R010", "error", "/rows/0/orgs_reviewed"), "{:?}", show(&issues));
    assert_eq!(s, 1);
    let bad_roster = edit(roster(), |d| d["members"][2]["org"] = json!("nowhere"));
    let (_, issues) = cli_validate("fmt-roster.json", &bad_roster, &TODAY);
    assert!(issues.iter().all(|i| i["code"].as_str().unwrap().starts_with('O')), "{:?}", show(&issues));
    let bad_entries = edit(entries(), |d| d["entries"][0]["method"] = json!("x"));
    let (_, issues) = cli_validate("fmt-entries.json", &bad_entries, &TODAY);
    assert!(issues.iter().any(|i| i["code"] == "E006"), "{:?}", show(&issues));
    assert!(!issues.iter().any(|i| i["code"].as_str().unwrap().starts_with(['T', 'R'])), "{:?}", show(&issues));
}

#[test]
fn validate_text_output_prints_codes_on_stdout_and_counts_on_stderr() {
    let doc = edit(entries(), |d| d["entries"][0]["method"] = json!("x"));
    let p = tmp_json("text-out.json", &doc);
    let o = cxzy(&["validate", &p, "--today", "2011-01-31"]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("E006") && out.contains("/entries/0/method"), "{out}");
}

#[test]
fn exit_2_when_a_file_cannot_be_read_or_parsed_naming_line_and_column() {
    let broken = tmp("broken.json", b"{\n  \"format\": \"cxzy-entries/1\",\n  \"entries\": [ { \"id\": } ]\n}");
    let good = tmp_json("good-stats.json", &stats("某市", 1));
    let cases: Vec<Vec<&str>> = vec![
        vec!["validate", &broken],
        vec!["validate", &broken, "--json"],
        vec!["totals", &broken],
        vec!["totals", &broken, "--json"],
        vec!["aggregate", &good, &broken, "--unit", "某省"],
        vec!["export", &broken, "--csv"],
    ];
    for args in cases {
        let o = cxzy(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        // `{ "id": }` — line 3, column 24, in the clerk's words (zh-CN by default).
        assert!(err.contains(":3:24: 第 3 行第 24 列："), "{args:?}: {err}");
    }
    for args in [vec!["validate", "/nonexistent/x.json"], vec!["totals", "/nonexistent/x.json"], vec!["export", "/nonexistent/x.json", "--csv"]] {
        assert_eq!(cxzy(&args).status.code(), Some(2), "{args:?}");
    }
    // --roster and --previous files are read too.
    let entries_p = tmp_json("ok-entries.json", &entries());
    assert_eq!(cxzy(&["validate", &entries_p, "--roster", &broken]).status.code(), Some(2));
    assert_eq!(cxzy(&["validate", &good, "--previous", &broken]).status.code(), Some(2));
}

#[test]
fn totals_exit_codes_and_json() {
    let p = tmp_json("totals-ok.json", &stats("某市", 1));
    let o = cxzy(&["totals", &p, "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = stdout_json(&o);
    assert_eq!(v["total"]["name"], "合计");
    assert_eq!(v["total"]["orgs_total"], 30);
    assert_eq!(v["total"]["methods_total"], 315);
    assert_eq!(v["total"]["orgs_coverage"], "80.0%");
    assert_eq!(v["rows"][1]["secretaries_participation"], "90.0%");
    let bad = tmp_json("totals-bad.json", &edit(stats("某市", 1), |d| d["rows"][0]["orgs_reviewed"] = json!(11)));
    assert_eq!(cxzy(&["totals", &bad, "--json"]).status.code(), Some(1));
}

#[test]
fn aggregate_merges_and_refuses_a001_a002_with_exit_1_and_the_codes_printed() {
    let a = tmp_json("agg-a.json", &stats("甲市", 1));
    let b = tmp_json("agg-b.json", &stats("乙市", 1));
    let o = cxzy(&["aggregate", &a, &b, "--unit", "某省", "--batch", "1"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let parent = stdout_json(&o);
    assert_eq!(parent["format"], "cxzy-stats/1");
    assert_eq!(parent["unit"], "某省");
    assert_eq!(parent["batch"], 1);
    assert_eq!(parent["rows"][0]["name"], "甲市");
    assert_eq!(parent["rows"][1]["name"], "乙市");
    assert_eq!(parent["rows"][0]["orgs_total"], 30); // the child's 合计
    assert_eq!(parent["rows"][1]["members_reviewed"], 240);

    let b2 = tmp_json("agg-b2.json", &stats("乙市", 2));
    let o = cxzy(&["aggregate", &a, &b2, "--unit", "某省"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("A001"), "{}", String::from_utf8_lossy(&o.stdout));

    let o = cxzy(&["aggregate", &a, &a, "--unit", "某省"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("A002"), "{}", String::from_utf8_lossy(&o.stdout));

    // Children of batch 1 asked for batch 2: A001.
    let o = cxzy(&["aggregate", &a, &b, "--unit", "某省", "--batch", "2"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("A001"));

    // A child with errors of its own (A003, a warning) is merged: exit 0.
    let bad = tmp_json("agg-bad.json", &edit(stats("丙市", 1), |d| d["rows"][0]["orgs_reviewed"] = json!(11)));
    let o = cxzy(&["aggregate", &a, &bad, "--unit", "某省"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("A003"));
    assert_eq!(stdout_json(&o)["rows"][1]["name"], "丙市");
}

#[test]
fn export_writes_csv_with_exit_0() {
    let p = tmp_json("export.json", &stats("某市", 1));
    let o = cxzy(&["export", &p, "--csv"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("一区") && text.contains("合计"), "{text}");
}

#[test]
fn library_validate_takes_roster_today_and_locale() {
    let doc = edit(entries(), |d| {
        d["entries"][2]["target"]["id"] = json!("m99");
        d["entries"][3]["date"] = json!("2011-02-01");
    });
    let opts = Options { roster: Some(roster()), today: NaiveDate::from_ymd_opt(2011, 1, 31), locale: Locale::En, ..Options::default() };
    let issues = validate(&doc, &opts);
    let e014 = issues.iter().find(|i| i.code == "E014").expect("E014");
    assert_eq!(e014.path, "/entries/2/target/id");
    assert!(!e014.message.is_empty());
    assert!(issues.iter().any(|i| i.code == "E002" && i.path == "/entries/3/date"));
    // Without roster and today, neither can be checked.
    let issues = validate(&doc, &Options::default());
    assert!(!issues.iter().any(|i| i.code == "E014" || i.code == "E002"), "{issues:?}");
}

#[test]
fn a_reader_that_stops_early_does_not_crash_the_cli() {
    // `cxzy validate big.json | head -1`: stdout closes while issues are still being written.
    let mut doc = entries();
    let list: Vec<Value> = doc["entries"].as_array().unwrap().iter().cycle().take(2000).cloned().collect();
    doc["entries"] = Value::Array(list);
    let p = tmp_json("pipe.json", &doc);
    let mut child = Command::new(env!("CARGO_BIN_EXE_cxzy")).env("LC_ALL", "C")
        .args(["validate", &p, "--json", "--today", "2011-01-31"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("cxzy runs");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("cxzy ends");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "E001 errors found, no panic: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn coverage_text_speaks_the_chosen_locale() {
    // SPEC §7: en has no Chinese of its own (the units' names are the clerk's data).
    let o = coverage_cli(&roster(), &entries(), "2011-01-15", &["--locale", "en"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Not reviewed: 3 organisations, 2 secretaries, 7 members; 2 secretaries reviewed nobody"), "{out}");
    assert!(!out.contains("未点评") && !out.contains("党组织"), "{out}");
    let o = coverage_cli(&roster(), &entries(), "2011-01-15", &[]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("未点评：党组织 3，书记 2，党员 7；未参与点评的书记 2"), "{out}");
}
