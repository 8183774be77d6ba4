#!/usr/bin/env python3
"""Generates the review samples (deterministic; Python 3 standard library only).

    python3 samples/review/generate.py

Writes, next to this script:
  roster.json          a fictitious county (某某县): 7 townships and 2 systems, ~100 branches,
                       ~3 000 members with fictitious names, 两新 organisations, mobile members;
  entries.json         the county's review entries up to mid-January 2011 (batch 1) and a few
                       later ones: every method, grade, focus tag and combined_with value, with
                       realistic gaps and a handful of warnings (E003, E008, E009, E010, E011, E015);
  entries_broken.json  a small file where almost every entry breaks one rule (E001–E017, T008).

Every person, organisation and text is invented.
"""

import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(2010)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华志强文斌海燕春梅晓东立新永刚德胜秀云凤英淑珍桂芝宏伟丽娟玉梅振华国庆长江学军红梅金凤"


def person_name():
    given = R.choice(GIVEN) if R.random() < 0.35 else R.choice(GIVEN) + R.choice(GIVEN)
    return R.choice(SURNAMES) + given


TOWNSHIPS = ["城关镇", "东岗镇", "西河乡", "南山乡", "北坡镇", "柳树乡", "石桥镇"]
VILLAGES = ["红星村", "向阳村", "新华村", "前进村", "光明村", "丰收村", "和平村", "胜利村", "团结村", "永安村",
            "双河村", "杏花村", "东风村", "长青村", "白杨村"]
COMMUNITIES = ["幸福社区", "文化路社区", "站前社区"]
COMPANIES = ["宏达建材有限公司", "绿源米业有限公司", "鑫盛物流有限公司", "华康药业有限公司", "金穗粮贸有限公司",
             "恒通汽车销售有限公司", "北方农机合作社", "丰泽食品有限公司"]
SOCIETIES = ["个体劳动者协会", "县律师协会", "县老年体育协会", "县民办教育协会"]
COUNTY_ORGANS = ["县委办公室", "县政府办公室", "县财政局", "县教育局", "县卫生局", "县农业局", "县民政局", "县公安局",
                 "县人力资源和社会保障局", "县水务局"]

orgs, members = [], []
org_members = {}   # org id -> [member ids]
secretary_of = {}  # org id -> member id
org_info = {}      # org id -> dict (name, kind, parent, unit)
member_info = {}   # member id -> dict (name, org, mobile)


def add_org(kind, name, parent, unit, sector=None):
    oid = f"o{len(orgs) + 1}"
    org = {"id": oid, "name": name, "kind": kind, "parent": parent}
    if unit:
        org["unit"] = unit
    if sector:
        org["sector"] = sector
    orgs.append(org)
    org_members[oid] = []
    org_info[oid] = {"name": name, "kind": kind, "parent": parent, "unit": unit, "sector": sector}
    return oid


def add_members(oid, n, mobile_rate=0.05):
    for _ in range(n):
        mid = f"m{len(members) + 1}"
        mobile = R.random() < mobile_rate
        m = {"id": mid, "name": person_name(), "org": oid}
        if mobile:
            m["mobile"] = True
        members.append(m)
        org_members[oid].append(mid)
        member_info[mid] = {"name": m["name"], "org": oid, "mobile": mobile}


def set_secretary(oid, mid):
    secretary_of[oid] = mid
    for o in orgs:
        if o["id"] == oid:
            o["secretary"] = mid


# --- the roster -------------------------------------------------------------------------------
committees = []
for t in TOWNSHIPS:
    c = add_org("committee", f"{t}党委", None, t)
    committees.append(c)
    add_members(c, 3, 0)               # the committee's own office-holders
    set_secretary(c, org_members[c][0])
    villages = R.sample(VILLAGES, R.randint(8, 10))
    parent = c
    if t == "城关镇":
        # A 党总支 between the committee and the community branches.
        gb = add_org("general_branch", "城关镇社区党总支", c, None)
        add_members(gb, 3, 0)
        set_secretary(gb, org_members[gb][0])
        for name in COMMUNITIES:
            b = add_org("branch", f"城关镇{name}党支部", gb, None)
            add_members(b, R.randint(25, 45), 0.06)
            set_secretary(b, org_members[b][0])
    for v in villages:
        b = add_org("branch", f"{t}{v}党支部", parent, None)
        # Villages have many members working away (流动党员).
        add_members(b, R.randint(22, 40), 0.12)
        set_secretary(b, org_members[b][0])
    for comp in R.sample(COMPANIES, 2):
        b = add_org("branch", f"{t}{comp}党支部", parent, None, "non_public")
        add_members(b, R.randint(5, 14), 0.02)
        set_secretary(b, org_members[b][0])

organs = add_org("committee", "县直机关工委", None, "县直机关工委")
add_members(organs, 3, 0)
set_secretary(organs, org_members[organs][0])
committees.append(organs)
for name in COUNTY_ORGANS:
    b = add_org("branch", f"{name}机关党支部", organs, None)
    add_members(b, R.randint(18, 40), 0)
    set_secretary(b, org_members[b][0])

new = add_org("committee", "县非公有制经济组织和社会组织党工委", None, "县两新组织党工委")
add_members(new, 3, 0)
set_secretary(new, org_members[new][0])
committees.append(new)
for comp in COMPANIES[:5]:
    b = add_org("branch", f"县{comp}联合党支部", new, None, "non_public")
    add_members(b, R.randint(3, 12), 0.05)
    set_secretary(b, org_members[b][0])
for soc in SOCIETIES:
    b = add_org("branch", f"{soc}党支部", new, None, "social")
    # One association is too small for a branch of its own (O005 in the roster check).
    add_members(b, 2 if soc == "县老年体育协会" else R.randint(3, 9), 0.05)
    set_secretary(b, org_members[b][0])

roster = {"format": "cxzy-roster/1", "orgs": orgs, "members": members}

# --- texts ------------------------------------------------------------------------------------
ORG_ACH = ["兑现公开承诺{n}项", "为群众办实事{n}件", "新发展党员{n}名", "帮助困难党员和群众{n}户", "调处矛盾纠纷{n}起",
           "建成党员活动室并投入使用", "组建党员志愿服务队{n}支", "带动群众增收，人均收入增长{n}%", "完成年度重点任务{n}项"]
ORG_SHORT = ["对流动党员的教育管理办法不多", "党员队伍年龄偏大，后备力量不足", "活动形式较为单一，吸引力不强",
             "学习教育的针对性有待增强", "部分承诺事项进度偏慢", "党务公开的及时性需要提高", "与群众的联系还不够经常"]
ORG_DIR = ["要把创先争优与{x}结合起来", "要进一步健全{x}的长效机制", "要在{x}上取得新突破", "要加强{x}，增强党组织活力",
           "要围绕{x}开展承诺践诺", "要把{x}作为检验创先争优成效的标准", "要建立{x}工作台账", "要组织党员在{x}中当先锋"]
ORG_X = ["秋冬农田水利建设", "村级集体经济发展", "社区服务", "企业生产经营", "党员教育管理", "矛盾纠纷排查", "民生实事办理", "安全生产"]


def fill(s):
    return s.replace("{n}", str(R.randint(2, 30))).replace("{x}", R.choice(ORG_X))


# Texts are assembled from phrase pools. So that the sample does not trip E009 everywhere (as a
# real county's varied reviews would not), no two texts of a field share all but one phrase.
BLOCKED = set()


def unique(field, *pools):
    for _ in range(500):
        t = tuple(R.randrange(len(p)) for p in pools)
        keys = [(field, i, t[:i] + t[i + 1:]) for i in range(len(t))]
        if not any(k in BLOCKED for k in keys):
            BLOCKED.update(keys)
            return [p[j] for p, j in zip(pools, t)]
    return [R.choice(p) for p in pools]


ORG_HOW = ["班子团结协作", "制度落实到位", "工作思路清晰", "目标明确措施有力", "组织生活规范", "党务公开及时", "阵地建设扎实",
           "党员管理严格", "服务意识较强", "议事决策民主", "作风务实清廉", "氛围浓厚"]
ORG_EFFECT = ["战斗堡垒作用发挥明显", "群众认可度较高", "凝聚力不断增强", "在全镇处于前列", "党员队伍充满活力", "中心工作推进有力",
              "创先争优活动扎实开展", "干群关系融洽", "社会事业稳步发展", "集体经济持续壮大", "安全生产形势平稳", "各项任务完成较好"]
SEC_TRAIT = ["带头创先争优", "团结班子成员", "责任心强", "熟悉党务工作", "作风扎实", "敢于担当", "坚持原则", "注重学习", "善于做群众工作",
             "处事公道", "廉洁自律", "开拓进取"]
SEC_DEED = ["组织党员开展承诺践诺", "在急难险重任务中冲在前面", "带领党员为群众办实事", "抓好“三会一课”", "关心流动党员",
            "推动支部工作上台阶", "带头联系困难户", "组织党员志愿服务", "带头兑现公开承诺", "抓好后备干部培养", "带领党员学习技术",
            "推动企业党建与生产融合"]
MEM_OPEN = ["该同志", "这名党员", "作为老党员，该同志", "作为青年党员，该同志", "该同志入党以来", "作为村民小组长，该同志",
            "作为种植大户，该同志", "作为退休教师，该同志", "作为企业技术员，该同志", "作为社区网格员，该同志",
            "作为个体工商户，该同志", "作为外出务工党员，该同志"]
MEM_HOW = ["平时注重学习", "能够团结同志", "工作作风踏实", "为人正派", "处处严格要求自己", "乐于助人", "积极参加组织生活",
           "按时交纳党费", "主动亮明党员身份", "坚持原则", "注重钻研业务", "能够顾全大局"]
MEM_CTX = ["在秋收秋种中", "在防汛抢险中", "在环境整治中", "在道路建设中", "在扶贫帮困中", "在矛盾调解中", "在本职岗位上",
           "在企业一线", "在社区服务中", "在志愿服务中", "在科技推广中", "在学习活动中"]
MEM_ACT = ["冲锋在前", "主动请缨", "任劳任怨", "积极出主意", "带头出工出力", "主动帮扶困难户", "热心为群众服务", "默默奉献",
           "敢于担当", "认真负责", "勇挑重担", "带领群众致富"]
MEM_RES = ["群众反映较好", "得到职工认可", "受到乡党委表彰", "起到了示范作用", "带动了身边群众", "完成了承诺事项",
           "赢得了群众信任", "业绩突出", "被评为先进个人", "取得了明显成效", "受到群众称赞", "树立了良好形象"]
S_AREA = ["在理论学习上", "在组织生活中", "在联系群众上", "在业务学习上", "在发挥作用上", "在遵守纪律上", "在思想汇报上",
          "在履行承诺上", "在服务群众上", "在技能提升上", "在带头致富上", "在志愿服务中"]
S_PROB = ["还不够系统", "主动性不够", "方法不多", "还有差距", "有时松懈", "创新不足", "持之以恒不够", "标准不高", "深度不够",
          "还不够经常", "成效不够明显", "热情有所减退"]
S_TIME = ["特别是外出期间", "尤其是农忙季节", "近一段时间", "今年下半年以来", "有时因工作繁忙", "在个别事项上", "遇到困难时",
          "在新任务面前", "在日常生活中", "与年轻党员相比", "在群众评议中反映出", "在民主评议中发现"]
S_PROB2 = ["参加支部活动偶有缺席", "与支部联系不够及时", "汇报思想不够主动", "学习笔记记得不全", "对新政策理解不深",
           "带动群众的办法不多", "对承诺事项跟进不紧", "参与公益活动不多", "党员身份意识有所淡化", "对困难群众关心不够",
           "业务技能提升较慢", "批评与自我批评不够"]
S_NOTE = ["需要引起重视", "本人已有认识", "希望认真改进", "应当加以克服", "要举一反三", "应尽快整改", "群众对此有意见",
          "支部将跟踪督促", "需在年内改正", "要防止类似情况", "请本人对照检查", "今后要注意"]
D_VERB = ["今后要", "希望", "下一步要", "建议", "要继续", "要注重", "要坚持", "应当", "务必", "要努力", "要切实", "要积极"]
D_OBJ = ["加强理论学习", "主动汇报思想", "按时参加组织生活", "提高业务技能", "密切联系群众", "带头兑现承诺", "发挥传帮带作用",
         "关心困难群众", "遵守党的纪律", "参加志愿服务", "学习致富技术", "做好本职工作"]
D_VERB2 = ["同时", "并且", "还要", "另外", "进一步", "在此基础上", "更要", "也要", "尤其要", "特别要", "此外还要", "力争"]
D_OBJ2 = ["把学习成果用到工作中", "多为群众办实事好事", "在急难险重任务中当先锋", "帮助年轻党员成长", "主动参与村务监督",
          "带头移风易俗", "积极建言献策", "发展特色产业", "维护社会和谐稳定", "参与环境整治", "做好矛盾化解工作", "提高服务水平"]
D_GOAL = ["争当优秀共产党员", "在本职岗位上创一流业绩", "为村里发展多作贡献", "做群众的贴心人", "带动更多群众致富",
          "树立党员良好形象", "把承诺落到实处", "在创先争优中走在前列", "为企业发展出力", "让群众真正满意", "发挥先锋模范作用",
          "不辜负组织期望"]


def org_content(name):
    how1, how2, eff = unique("org.eval", ORG_HOW, ORG_HOW, ORG_EFFECT)
    a1, a2, a3 = unique("org.ach", ORG_ACH, ORG_ACH, ORG_ACH)
    s1, s2, s3 = unique("org.short", ORG_SHORT, S_TIME, ORG_SHORT)
    d1, d2, g = unique("org.dir", ORG_DIR, ORG_DIR, D_GOAL)
    return {
        "evaluation": f"{name}{how1}，{how2}，{eff}。",
        "achievements": f"今年以来{fill(a1)}，{fill(a2)}，{fill(a3)}。",
        "shortcomings": f"{s1}；{s2}{s3}。",
        "direction": f"{fill(d1)}，{fill(d2)}，{g}。",
    }


def sec_content(name):
    t1, t2, deed, eff = unique("sec.eval", SEC_TRAIT, SEC_TRAIT, SEC_DEED, ORG_EFFECT)
    a1, a2 = unique("sec.ach", ORG_ACH, MEM_RES)
    s1, s2, s3 = unique("sec.short", ORG_SHORT, S_AREA, S_PROB)
    d1, v, o = unique("sec.dir", ORG_DIR, D_VERB2, D_OBJ2)
    return {
        "evaluation": f"{name}同志{t1}，{t2}，能够{deed}，{eff}。",
        "achievements": f"带领班子{fill(a1)}，{a2}。",
        "shortcomings": f"{s1}，个人{s2}{s3}。",
        "direction": f"{fill(d1)}，{v}{o}。",
    }


def member_content(name):
    opening, how, ctx, act, res = unique("mem.eval", MEM_OPEN, MEM_HOW, MEM_CTX, MEM_ACT, MEM_RES)
    if R.random() < 0.5:
        opening = opening.replace("该同志", f"{name}同志")
    a, p, t, p2, n = unique("mem.short", S_AREA, S_PROB, S_TIME, S_PROB2, S_NOTE)
    v, o, v2, o2, g = unique("mem.dir", D_VERB, D_OBJ, D_VERB2, D_OBJ2, D_GOAL)
    return {
        "evaluation": f"{opening}{how}，{ctx}{act}，{res}。",
        "shortcomings": f"{a}{p}，{t}{p2}，{n}。",
        "direction": f"{v}{o}，{v2}{o2}，{g}。",
    }


ORG_FOCUS = ["central_work", "public_pledge", "serve_people", "team_building", "joint_building"]
SEC_FOCUS = ["lead_by_example", "organize_members"]
MEM_FOCUS = ["post_performance", "public_pledge", "serve_people"]
COMBINED = ["org_life_meeting", "democratic_appraisal", "mass_appraisal", "annual_assessment", "dual_report", "field_visit"]
GRADES = ["good"] * 5 + ["fairly_good"] * 3 + ["average"]


def day(start, end):
    """A random ISO date between two ISO dates (inclusive)."""
    import datetime
    a = datetime.date.fromisoformat(start)
    b = datetime.date.fromisoformat(end)
    return (a + datetime.timedelta(days=R.randint(0, (b - a).days))).isoformat()


entries = []


def add_entry(date, reviewer, target, method, content, focus, **extra):
    e = {"id": f"e{len(entries) + 1}", "date": date, "reviewer": reviewer, "target": target, "method": method}
    if R.random() < 0.8:
        e["grade"] = R.choice(GRADES) if R.random() < 0.97 else "poor"
    e.update(content)
    e["focus"] = focus
    for k, v in extra.items():
        e[k] = v
    if R.random() < 0.6:
        e["combined_with"] = R.sample(COMBINED, R.randint(1, 2))
    entries.append(e)
    return e


def reviewer_member(mid, role):
    return {"id": mid, "name": member_info[mid]["name"], "role": role, "org": member_info[mid]["org"]}


LEADERS = [  # county leaders (outside the grassroots roster: no id)
    ({"name": "郑国华", "role": "county_party_secretary"}, ["城关镇", "县直机关工委"]),
    ({"name": "冯立新", "role": "county_leader"}, ["东岗镇", "西河乡"]),
    ({"name": "蒋振华", "role": "county_leader"}, ["南山乡", "北坡镇"]),
    ({"name": "韩德胜", "role": "county_leader"}, ["柳树乡", "石桥镇", "县两新组织党工委"]),
]
SENIOR = [{"name": "卢长江", "role": "senior_cadre"}, {"name": "魏学军", "role": "leadership_member"}]


def children(oid):
    return [o["id"] for o in orgs if o["parent"] == oid]


def problems():
    found = R.choice([0, 0, 0, 1, 1, 2, 3])
    return {"problems_found": found, "problems_solved": R.randint(0, found)} if found else {}


# Committees and general branches: reviewed by the county leader in charge (some not yet).
for leader, units in LEADERS:
    for c in committees:
        if org_info[c]["unit"] not in units:
            continue
        for oid in [c] + [g for g in children(c) if org_info[g]["kind"] == "general_branch"]:
            if R.random() < 0.92:
                add_entry(day("2010-11-20", "2011-01-12"), leader, {"kind": org_info[oid]["kind"], "id": oid, "name": org_info[oid]["name"]},
                          R.choice(["onsite", "collective"]), org_content(org_info[oid]["name"]), R.sample(ORG_FOCUS, 2),
                          model=R.random() < 0.15, **problems())
            sec = secretary_of[oid]
            if R.random() < 0.85:
                add_entry(day("2010-11-20", "2011-01-12"), leader, {"kind": "secretary", "id": sec, "name": member_info[sec]["name"]},
                          "individual", sec_content(member_info[sec]["name"]), R.sample(SEC_FOCUS, R.randint(1, 2)),
                          talk=R.random() < 0.2)

# Branches and their secretaries: reviewed by the committee (or general branch) secretary.
for o in orgs:
    if o["kind"] != "branch":
        continue
    b = o["id"]
    parent = o["parent"]
    reviewer = reviewer_member(secretary_of[parent], "committee_secretary")
    if R.random() < 0.9:
        method = R.choice(["collective", "collective", "onsite", "random"])
        add_entry(day("2010-11-15", "2011-01-10"), reviewer, {"kind": "branch", "id": b, "name": o["name"]}, method,
                  org_content(o["name"]), R.sample(ORG_FOCUS, R.randint(1, 3)), model=R.random() < 0.08, **problems())
    if R.random() < 0.87:
        sec = secretary_of[b]
        add_entry(day("2010-11-15", "2011-01-10"), reviewer, {"kind": "secretary", "id": sec, "name": member_info[sec]["name"]},
                  "individual", sec_content(member_info[sec]["name"]), R.sample(SEC_FOCUS, R.randint(1, 2)),
                  talk=R.random() < 0.1)
    # A second, spring round for some branches (2011-H1), and a few leaders' on-site visits.
    if R.random() < 0.3:
        add_entry(day("2011-03-01", "2011-06-20"), reviewer, {"kind": "branch", "id": b, "name": o["name"]}, "onsite",
                  org_content(o["name"]), R.sample(ORG_FOCUS, 1))
    if R.random() < 0.06:
        add_entry(day("2010-12-01", "2011-01-10"), R.choice(SENIOR), {"kind": "branch", "id": b, "name": o["name"]},
                  R.choice(["onsite", "random"]), org_content(o["name"]), R.sample(ORG_FOCUS, 2))

    # Members: reviewed by their branch secretary; a few branches have not started yet.
    if R.random() < 0.08:
        continue
    bsec = secretary_of[b]
    for mid in org_members[b]:
        if mid == bsec:
            continue
        rate = 0.55 if member_info[mid]["mobile"] else 0.9
        if R.random() > rate:
            continue
        method = R.choice(["collective"] * 6 + ["individual"] * 3 + ["random"])
        add_entry(day("2010-11-25", "2011-01-13"), reviewer_member(bsec, "branch_secretary"),
                  {"kind": "member", "id": mid, "name": member_info[mid]["name"], "org": b}, method,
                  member_content(member_info[mid]["name"]), R.sample(MEM_FOCUS, R.randint(1, 2)),
                  talk=method == "individual" and R.random() < 0.15, model=R.random() < 0.01, **problems())

# Entries after the batch-1 statistics date (counted only by a later as_of).
for mid in R.sample([m["id"] for m in members], 40):
    b = member_info[mid]["org"]
    if org_info[b]["kind"] != "branch" or mid == secretary_of[b]:
        continue
    add_entry(day("2011-02-20", "2011-06-25"), reviewer_member(secretary_of[b], "branch_secretary"),
              {"kind": "member", "id": mid, "name": member_info[mid]["name"], "org": b}, "individual",
              member_content(member_info[mid]["name"]), ["post_performance"])

# A handful of what a receiving office should look at (warnings, not errors).
branch_entries = [e for e in entries if e["target"]["kind"] == "member"]
copied = "同志能够认真学习，积极参加组织生活，较好地发挥了党员作用。"
for e in branch_entries[10:13]:
    e["evaluation"] = e["target"]["name"] + copied                 # E009: the same text three times
branch_entries[20]["method"] = "collective"
branch_entries[20]["talk"] = True                                   # E011
branch_entries[30]["shortcomings"] = "无。"                         # E008
branch_entries[40]["date"] = "2010-03-20"                           # E003
other_branch = [m for m in members if member_info[m["id"]]["org"] != branch_entries[50]["reviewer"]["org"]
                and org_info[member_info[m["id"]]["org"]]["kind"] == "branch"][0]
branch_entries[50]["target"] = {"kind": "member", "id": other_branch["id"], "name": other_branch["name"]}  # E015
e = branch_entries[60]
e["target"] = {"kind": "branch", "id": e["reviewer"]["org"], "name": org_info[e["reviewer"]["org"]]["name"]}  # E010
e.update(org_content(e["target"]["name"]))
e["focus"] = ["central_work"]
for i, e in enumerate(entries):
    if i % 97 == 5:
        y, m, d = e["date"].split("-")
        e["date"] = f"{y}年{int(m)}月{int(d)}日"  # as clerks type them (read, with an N002 note)

entries_doc = {"format": "cxzy-entries/1", "entries": entries}

# --- the broken file: one rule per entry ----------------------------------------------------------
first_branch = next(o for o in orgs if o["kind"] == "branch")
bsec = secretary_of[first_branch["id"]]
own = [m for m in org_members[first_branch["id"]] if m != bsec]
rv = reviewer_member(bsec, "branch_secretary")


def m_target(mid):
    return {"kind": "member", "id": mid, "name": member_info[mid]["name"]}


def good(i, **over):
    e = {"id": f"b{i}", "date": "2010-12-20", "reviewer": rv, "target": m_target(own[i % len(own)]), "method": "collective",
         "evaluation": f"{member_info[own[i % len(own)]]['name']}同志在第{i}次支部大会上主动认领公开承诺事项{i + 3}项，推进有力。",
         "shortcomings": f"第{i}项承诺进度落后于计划约{i * 3 + 5}天，需要加快。", "direction": f"要在第{i}季度前完成剩余{i + 1}项承诺。",
         "focus": ["public_pledge"]}
    for k, v in over.items():
        if v is None:
            e.pop(k, None)
        else:
            e[k] = v
    return e


broken = [
    good(0),
    good(1, id="b0"),                                                  # E001 duplicate id
    good(2, date="2010-02-30"),                                        # E002 impossible date
    good(3, date="2011-05-01"),                                        # E002 after today (--today 2011-01-15)
    good(4, date="2009-12-01"),                                        # E003 before the campaign
    good(5, reviewer={"name": "", "role": "village_head"}),           # E004 name and role
    good(6, target={"kind": "villager", "name": "张三"}),             # E005 kind
    good(7, method="telephone"),                                       # E006
    good(8, shortcomings=None),                                        # E007 no 不足
    good(9, direction="继续努力。"),                                   # E008 too short
    good(10, evaluation="该同志表现良好，群众满意，起到了模范带头作用。"),  # E009 ×3
    good(11, evaluation="该同志表现良好，群众满意，起到了模范带头作用。"),
    good(12, evaluation="该同志表现良好，群众满意，起到了模范带头作用！"),
    good(13, target={"kind": "committee", "id": first_branch["parent"], "name": org_info[first_branch["parent"]]["name"]},
         achievements="本年度完成重点工作十二项，新建活动阵地两处。", focus=["central_work"]),  # E010
    good(14, talk=True),                                               # E011 talk in a collective review
    good(15, problems_found=1, problems_solved=3),                     # E012
    good(16, focus=["lead_by_example"]),                               # E013 a secretary's focus for a member
    good(17, target={"kind": "member", "id": "m999999", "name": "查无此人"}),  # E014
    good(18, target=m_target(next(m["id"] for m in members if member_info[m["id"]]["org"] != first_branch["id"]))),  # E015
    good(19, target=m_target(bsec)),                                   # E016 reviewing oneself
    good(20, grade="excellent", combined_with=["party_day"]),          # E017 ×2
    good(21, remark="补录"),                                          # T008 unknown field
    good(22, evaluation="评" * 2001),                                  # X001
]
broken_doc = {"format": "cxzy-entries/1", "entries": broken}


def write(name, doc):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{name}: {os.path.getsize(path):,} bytes")


write("roster.json", roster)
write("entries.json", entries_doc)
write("entries_broken.json", broken_doc)
print(f"{len(orgs)} organisations ({sum(o['kind'] == 'branch' for o in orgs)} branches), {len(members)} members, {len(entries)} entries")
