//! The rules of the notices about *who reviews whom*, *what a review covers* and *which method
//! fits which target*, as data keyed by the vocabulary's ids ([`crate::core::vocab`], where the
//! lists and their words are). Every other file of `review/` reads these tables; a rule changes
//! here, in one place.
//!
//! Sources (seed/000_…txt):
//! * 创先发[2010]25号《指导意见》 一、落实点评责任 — who reviews whom;
//! * 同上 二、明确点评内容 — what a review of an organisation, a secretary or a member covers;
//! * 创先办[2010]7号 一、确保全面覆盖 — the same duties, restated for full coverage;
//! * 创先办[2010]7号 二、务求取得实效 — 既要肯定成绩，又要指出存在不足和努力方向 (content);
//! * 创先办[2010]7号 三、加强组织领导 — 点评可与组织生活会、民主评议党员、群众评议等结合进行 (combined_with).

/// What a review is about (`target.kind`, SPEC §6.2). The first three are also the `kind` of a
/// roster organisation (SPEC §6.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetKind {
    /// 基层党委
    Committee,
    /// 党总支
    GeneralBranch,
    /// 党支部
    Branch,
    /// 基层党组织书记
    Secretary,
    /// 党员
    Member,
}

use TargetKind::*;

impl TargetKind {
    /// An organisation (as opposed to a person).
    pub fn is_org(self) -> bool {
        matches!(self, Committee | GeneralBranch | Branch)
    }
    /// The id (`committee`…), as [`vocab::KINDS`] lists it.
    pub fn key(self) -> &'static str {
        target(self).key
    }
    /// Reads a `target.kind` (or a roster org `kind`) value.
    pub fn parse(s: &str) -> Option<TargetKind> {
        TARGETS.iter().find(|t| t.key == s).map(|t| t.kind)
    }
}

pub use crate::core::vocab::{COMBINED_WITH, CONTENT_FIELDS, GRADES, METHODS, SECTORS};

/// One kind of review target: the focus tags that fit it and the content it needs.
#[derive(Debug, PartialEq)]
pub struct TargetSpec {
    pub kind: TargetKind,
    pub key: &'static str,
    /// The focus tags (`focus`) that fit this kind (E013).
    pub focus: &'static [&'static str],
    /// The content fields a review of this kind must have (E007).
    pub content: &'static [&'static str],
}

/// Focus tags for organisations — 二、明确点评内容: “要重点围绕推进中心工作(central_work)、开展公开承诺
/// (public_pledge)、为群众办实事办好事(serve_people)、加强党组织和党员队伍建设(team_building)、党群共建创先
/// 争优(joint_building)等情况进行点评”.
const ORG_FOCUS: &[&str] = &["central_work", "public_pledge", "serve_people", "team_building", "joint_building"];
/// Organisations (and secretaries): “对基层党组织的点评内容主要包括：对开展创先争优活动情况的评价、取得的成绩、
/// 存在的问题和努力方向”.
const ORG_CONTENT: &[&str] = &["evaluation", "achievements", "shortcomings", "direction"];

/// The target table.
pub const TARGETS: &[TargetSpec] = &[
    TargetSpec { kind: Committee, key: "committee", focus: ORG_FOCUS, content: ORG_CONTENT },
    TargetSpec { kind: GeneralBranch, key: "general_branch", focus: ORG_FOCUS, content: ORG_CONTENT },
    TargetSpec { kind: Branch, key: "branch", focus: ORG_FOCUS, content: ORG_CONTENT },
    // “对基层党组织书记，主要点评其带头创先争优(lead_by_example)和组织党员开展创先争优(organize_members)的
    // 情况” — a secretary is reviewed as part of the organisation's review, so the same four parts.
    TargetSpec {
        kind: Secretary,
        key: "secretary",
        focus: &["lead_by_example", "organize_members"],
        content: ORG_CONTENT,
    },
    // “对党员的点评内容主要包括：对参加创先争优活动情况的评价、存在不足和努力方向。要重点围绕立足本职岗位争创
    // 一流业绩(post_performance)、开展公开承诺(public_pledge)、联系和服务群众(serve_people)等情况进行点评” —
    // no 取得的成绩 for members.
    TargetSpec {
        kind: Member,
        key: "member",
        focus: &["post_performance", "public_pledge", "serve_people"],
        content: &["evaluation", "shortcomings", "direction"],
    },
];

/// The spec of a target kind.
pub fn target(kind: TargetKind) -> &'static TargetSpec {
    // TARGETS lists every kind; the fallback is never reached but keeps this total.
    TARGETS.iter().find(|t| t.kind == kind).unwrap_or(&TARGETS[4])
}

/// Every focus tag of any kind (to tell an unknown tag from one that does not fit).
pub fn all_focus_tags() -> impl Iterator<Item = &'static str> {
    TARGETS.iter().flat_map(|t| t.focus.iter().copied())
}

/// A reviewer's role (`reviewer.role`) and the responsibility rules that go with it (E010, E015,
/// and the columns 9 and 16 of the table).
#[derive(Debug, PartialEq)]
pub struct Role {
    pub key: &'static str,
    /// The target kinds this role is responsible for (E010 outside them).
    pub targets: &'static [TargetKind],
    /// The target must be in the reviewer's own organisation or below it (E015) — 按照党组织隶属关系.
    pub own_subtree: bool,
    /// 县级以上党员领导干部: counted in column 16 (参与点评的县级以上党员领导干部).
    pub county_level: bool,
}

/// The responsibility table — 一、落实点评责任: “领导点评原则上按照党组织隶属关系和领导分工进行。”
pub const ROLES: &[Role] = &[
    // “党支部书记负责对本支部党员进行点评” / 7号: “党支部书记要对本支部每名党员创先争优情况进行点评”.
    Role { key: "branch_secretary", targets: &[Member], own_subtree: true, county_level: false },
    // “基层党委（党总支）书记负责对所属党支部及其书记进行点评” / 7号: “基层党委书记要对所属党支部及其书记创先争优
    // 情况进行点评”.
    Role { key: "committee_secretary", targets: &[Branch, Secretary], own_subtree: true, county_level: false },
    // “县(市、区、旗)级党员领导干部按照工作分工对基层党委及其书记进行点评” — by division of work, not by
    // membership, so no subtree; SPEC §6.2 adds general branches (党总支 are led like 基层党委).
    Role { key: "county_leader", targets: &[Committee, GeneralBranch, Secretary], own_subtree: false, county_level: true },
    // “县委书记要带头做好点评工作” — a county leader who leads by example: the same duties.
    Role { key: "county_party_secretary", targets: &[Committee, GeneralBranch, Secretary], own_subtree: false, county_level: true },
    // “其他县处级以上党员领导干部要结合联系点和到基层调研、考察工作，对基层党组织进行点评” — any grassroots
    // organisation (SPEC: and its secretary).
    Role { key: "senior_cadre", targets: &[Committee, GeneralBranch, Branch, Secretary], own_subtree: false, county_level: true },
    // 7号 一、“地方党委、部门党组(党委)及其领导班子成员要对分管单位和联系点创先争优情况进行点评”.
    Role { key: "leadership_member", targets: &[Committee, GeneralBranch, Branch, Secretary], own_subtree: false, county_level: true },
];

/// The role with this key.
pub fn role(key: &str) -> Option<&'static Role> {
    ROLES.iter().find(|r| r.key == key)
}

/// 创先发[2010]25号 三、创新点评方式: “现场点评。各级党员领导干部在深入基层调查研究、检查工作、走访慰问
/// 时……即时对基层党组织开展创先争优活动情况进行点评” and “随机点评。……确定点评对象，对一些单位进行点
/// 评”: both are reviews of organisations (E018 otherwise).
pub const ORG_ONLY_METHODS: [&str; 2] = ["onsite", "random"];

/// 现场点评 is made by 党员领导干部 visiting the grassroots: not by the grassroots' own secretaries,
/// who review their branches and members at meetings or one by one (集中点评、个别点评) — E018.
pub const ONSITE_NOT_BY: [&str; 2] = ["branch_secretary", "committee_secretary"];

/// The campaign window used by E003 and F001 (SPEC §6.2 default).
pub const WINDOW_START: (i32, u32, u32) = (2010, 4, 1);
pub const WINDOW_END: (i32, u32, u32) = (2012, 12, 31);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::vocab;

    #[test]
    fn every_kind_has_one_spec_and_every_role_names_known_kinds() {
        for k in [Committee, GeneralBranch, Branch, Secretary, Member] {
            assert_eq!(TARGETS.iter().filter(|t| t.kind == k).count(), 1);
            assert_eq!(TargetKind::parse(k.key()), Some(k));
        }
        for r in ROLES {
            assert!(!r.targets.is_empty(), "{}", r.key);
            assert!(vocab::ROLES.contains(&r.key), "{}", r.key);
        }
        assert_eq!(ROLES.len(), vocab::ROLES.len());
        for t in TARGETS {
            assert!(vocab::KINDS.contains(&t.key));
            assert!(t.focus.iter().all(|f| vocab::FOCUS.contains(f)), "{}", t.key);
        }
        assert!(ORG_ONLY_METHODS.iter().all(|m| METHODS.contains(m)));
        assert!(ONSITE_NOT_BY.iter().all(|r| role(r).is_some()));
    }
}
