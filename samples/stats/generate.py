#!/usr/bin/env python3
"""Deterministic fictitious sample tables for both presets (numbers invented; they pass every
rule), a batch-2 table that reaches 两个全覆盖, a GBK CSV as Chinese Excel saves it, and a broken
table that shows many codes. Run: python3 samples/stats/generate.py"""
import csv, io, json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
HLJ = ["哈尔滨市", "齐齐哈尔市", "牡丹江市", "佳木斯市", "大庆市", "鸡西市", "双鸭山市", "伊春市",
       "七台河市", "鹤岗市", "黑河市", "绥化市", "大兴安岭地区", "省直机关工委", "省委高校工委",
       "省国资委", "省农垦总局", "省森工总局", "大庆油田"]
CENTRAL = ["北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
           "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
           "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
           "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
           "新疆生产建设兵团", "中直机关工委", "中央国家机关工委", "国务院国资委党委", "中管金融机构",
           "教育部党组"]
REPORT = {
    "overview": "截至统计截止日期，全省各级党组织普遍开展了领导点评，党员领导干部特别是各级党组织书记带头深入基层，点评覆盖面逐步扩大。",
    "practices": "坚持一级抓一级，把点评与学习宣传十七届五中全会精神、年度考核和群众评议结合起来，建立点评台账，逐一销号。",
    "examples": "某市委书记深入非公有制企业现场点评，帮助企业党组织解决了党员活动场所问题，被评为典型在全市推广。",
}


def row(rng, name, scale, full=False):
    orgs = rng.randint(40, 120) * scale
    new_orgs = orgs * rng.randint(10, 25) // 100
    secretaries = orgs - rng.randint(0, orgs // 20)
    members = orgs * rng.randint(18, 40)
    mobile = members * rng.randint(2, 6) // 100
    pct = 100 if full else rng.randint(70, 96)
    orgs_rev = orgs * pct // 100
    new_rev = min(new_orgs * pct // 100, orgs_rev)
    sec_rev = secretaries * pct // 100
    sec_ing = secretaries if full else secretaries * rng.randint(75, 98) // 100
    mem_rev = members * pct // 100
    mob_rev = min(mobile * (pct - 5 if not full else 100) // 100, mem_rev)
    acts = orgs_rev + mem_rev + rng.randint(0, orgs)
    collective = acts * 55 // 100
    individual = acts * 25 // 100
    onsite = acts * 12 // 100
    rnd = acts - collective - individual - onsite
    found = rng.randint(orgs // 4, orgs // 2)
    return {
        "name": name, "orgs_total": orgs, "orgs_reviewed": orgs_rev, "new_orgs_total": new_orgs,
        "new_orgs_reviewed": new_rev, "secretaries_total": secretaries, "secretaries_reviewed": sec_rev,
        "secretaries_reviewing": sec_ing, "members_total": members, "members_reviewed": mem_rev,
        "mobile_total": mobile, "mobile_reviewed": mob_rev, "cadres_reviewing": rng.randint(20, 300),
        "collective": collective, "individual": individual, "onsite": onsite, "random": rnd,
        "talks": individual // rng.randint(8, 15), "models": rng.randint(5, 60),
        "problems_found": found, "problems_solved": found * rng.randint(60, 95) // 100,
    }


def grow(rng, r):
    """Batch 2 from batch 1: totals move a little, everything reviewed (两个全覆盖)."""
    g = dict(r)
    for k in ("orgs_total", "members_total"):
        g[k] = r[k] + rng.randint(0, r[k] // 50)
    g["secretaries_total"] = min(r["secretaries_total"] + rng.randint(0, 3), g["orgs_total"])
    g["new_orgs_total"] = r["new_orgs_total"]
    g["mobile_total"] = r["mobile_total"]
    for rev, tot in (("orgs_reviewed", "orgs_total"), ("new_orgs_reviewed", "new_orgs_total"),
                     ("secretaries_reviewed", "secretaries_total"), ("secretaries_reviewing", "secretaries_total"),
                     ("members_reviewed", "members_total"), ("mobile_reviewed", "mobile_total")):
        g[rev] = g[tot]
    extra = g["orgs_reviewed"] + g["members_reviewed"] - r["orgs_reviewed"] - r["members_reviewed"]
    g["collective"] = r["collective"] + extra
    for k in ("individual", "onsite", "random", "models", "cadres_reviewing"):
        g[k] = r[k] + rng.randint(0, 20)
    g["talks"] = r["talks"] + rng.randint(0, 5)
    g["problems_found"] = r["problems_found"] + rng.randint(0, 10)
    g["problems_solved"] = g["problems_found"]
    return g


def table(unit, preset, batch, as_of, filed_on, rows):
    return {"format": "cxzy-stats/1", "unit": unit, "batch": batch, "as_of": as_of, "filed_on": filed_on,
            "principal": "李明华", "preparer": "王晓燕", "phone": "0451-82345678", "preset": preset,
            "rows": rows, "report": REPORT, "notes": "数字均为虚构，仅供演示。"}


def dump(name, doc):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main():
    rng = random.Random(2010)
    b1 = [row(rng, n, 10 if n == "哈尔滨市" else 4) for n in HLJ]
    dump("heilongjiang-2010-batch1.json", table("黑龙江省", "heilongjiang-2010", 1, "2011-01-15", "2011-01-16", b1))
    b2 = [grow(rng, r) for r in b1]
    dump("heilongjiang-2010-batch2.json", table("黑龙江省", "heilongjiang-2010", 2, "2011-02-15", "2011-02-16", b2))
    c1 = [row(rng, n, 40) for n in CENTRAL]
    dump("central-2010-batch1.json", dict(table("全国", "central-2010", 1, "2011-01-19", "2011-01-20", c1), phone="010-68133322转76411"))

    # The same Heilongjiang table as a clerk's spreadsheet: GBK, zh-CN headers, thousands separators.
    cols = ["单位名称", "基层党组织 · 总数(个)", "基层党组织 · 已点评(个)", "其中“两新”组织党组织 · 数量(个)",
            "其中“两新”组织党组织 · 已点评(个)", "基层党组织书记 · 总数(名)", "基层党组织书记 · 已被点评(名)",
            "书记 · 参与点评(名)", "党员 · 总数(名)", "党员 · 已点评(名)", "其中流动党员 · 数量(名)",
            "其中流动党员 · 已点评(名)", "参与点评的县级以上党员领导干部(名)", "点评方式 · 集中点评(人/个次)",
            "点评方式 · 个别点评(人/个次)", "点评方式 · 现场点评(人/个次)", "点评方式 · 随机点评(人/个次)",
            "专门约谈(次)", "发现树立典型(个)", "发现问题(个)", "已解决问题(个)"]
    keys = list(b1[0].keys())
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for k, v in (("填报单位", "黑龙江省"), ("批次", "1"), ("统计截止日期", "2011年1月15日"), ("报出日期", "2011年1月16日"),
                 ("负责人", "李明华"), ("填表人", "王晓燕"), ("联系电话", "0451-82345678"), ("预设", "heilongjiang-2010"),
                 ("总体情况", REPORT["overview"]), ("突出做法", REPORT["practices"]), ("典型事例", REPORT["examples"])):
        w.writerow([k, v])
    w.writerow([])
    w.writerow(cols)
    for r in b1:
        w.writerow([r["name"]] + [f"{r[k]:,}" for k in keys[1:]])
    with open(os.path.join(HERE, "heilongjiang-2010-batch1.gbk.csv"), "wb") as f:
        f.write(buf.getvalue().encode("gbk"))

    # A table with many mistakes: each comment names the code it shows.
    broken_rows = [dict(r) for r in b1[:6]]
    broken_rows[0].update(orgs_reviewed=broken_rows[0]["orgs_total"] + 50)            # R010
    broken_rows[1].update(orgs_total="12O0", members_total=-3, talks=1.5)               # R003 ×3
    broken_rows[2].update(secretaries_reviewed=broken_rows[2]["secretaries_total"] + 1)  # R012 (+R017)
    broken_rows[2].update(problems_solved=broken_rows[2]["problems_found"] + 3)         # R032
    broken_rows[3].update(collective=0, individual=1, onsite=0, random=0, talks=9)       # R030, R031
    broken_rows[3].update(members_total=200_000_000)                                    # R004
    broken_rows[4]["name"] = broken_rows[3]["name"]                                     # R001
    del broken_rows[5]["models"]                                                        # R002
    broken_rows[5].update(secretaries_total=broken_rows[5]["orgs_total"] + 5)            # R020
    broken_rows[5]["orgs_totl"] = 5                                                     # T008
    broken = table("", "heilongjiang-2010", 3, "2011年1月2O日", "2011-02-30", broken_rows)  # T001 T002 T003 ×2
    broken.update(phone="12345", principal=" ", unitt="黑龙江省")                          # T007 T006 T008
    broken["report"] = {"overview": "", "practices": REPORT["practices"], "examples": REPORT["examples"]}  # T012
    dump("broken.json", broken)                                                         # + T011 (13 rows missing)


if __name__ == "__main__":
    main()
