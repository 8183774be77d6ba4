#!/usr/bin/env python3
"""Deterministic fictitious tables of Heilongjiang's 19 sub-units (13 cities and 6 provincial
systems), each with its own sub-units as rows, for a province roll-up (<cxzy-rollup unit="黑龙江省">,
www/rollup.html, the browser tests). Numbers invented. Batch 1 and batch 2 of every unit, with a few
deliberate problems a receiving office must see:
  * batch 1, 鹤岗市: one county's reviewed organisations exceed its organisations (R010 → A003);
  * batch 1, 七台河市 and 黑河市 as CSV (the clerks' spreadsheets), 七台河市 in GBK;
  * batch 2, 伊春市: talks fell since batch 1 (P001, 累计数不应减少);
  * batch 2, 黑河市: not everyone reviewed yet (R040, 两个全覆盖 not met, in the child and the parent).
Run: python3 samples/rollup/generate.py"""
import csv, io, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "stats"))
from generate import HLJ, REPORT, row, grow  # noqa: E402  (the same row model as the province samples)

SUBUNITS = {
    "哈尔滨市": ["道里区", "南岗区", "道外区", "香坊区", "松北区", "呼兰区", "阿城区", "双城市", "市直机关工委"],
    "齐齐哈尔市": ["龙沙区", "建华区", "铁锋区", "昂昂溪区", "讷河市", "市直机关工委"],
    "牡丹江市": ["东安区", "阳明区", "爱民区", "西安区", "海林市", "宁安市"],
    "佳木斯市": ["向阳区", "前进区", "东风区", "郊区", "富锦市", "同江市"],
    "大庆市": ["萨尔图区", "龙凤区", "让胡路区", "红岗区", "大同区", "肇州县"],
    "鸡西市": ["鸡冠区", "恒山区", "滴道区", "虎林市", "密山市"],
    "双鸭山市": ["尖山区", "岭东区", "四方台区", "宝山区", "集贤县"],
    "伊春市": ["伊春区", "南岔区", "友好区", "铁力市", "嘉荫县"],
    "七台河市": ["新兴区", "桃山区", "茄子河区", "勃利县"],
    "鹤岗市": ["向阳区", "工农区", "南山区", "兴安区", "萝北县", "绥滨县"],
    "黑河市": ["爱辉区", "北安市", "五大连池市", "嫩江县", "逊克县"],
    "绥化市": ["北林区", "安达市", "肇东市", "海伦市", "望奎县"],
    "大兴安岭地区": ["加格达奇区", "呼玛县", "塔河县", "漠河县"],
    "省直机关工委": ["省委办公厅机关党委", "省政府办公厅机关党委", "省发改委机关党委", "省教育厅机关党委"],
    "省委高校工委": ["黑龙江大学党委", "哈尔滨工程大学党委", "东北农业大学党委", "哈尔滨医科大学党委"],
    "省国资委": ["龙煤集团党委", "省建工集团党委", "省交通投资集团党委"],
    "省农垦总局": ["宝泉岭分局", "红兴隆分局", "建三江分局", "牡丹江分局", "北安分局", "九三分局"],
    "省森工总局": ["松花江林业管理局", "牡丹江林业管理局", "合江林业管理局"],
    "大庆油田": ["第一采油厂", "第二采油厂", "第三采油厂", "钻探工程公司"],
}
assert list(SUBUNITS) == HLJ
FIELDS = ["orgs_total", "orgs_reviewed", "new_orgs_total", "new_orgs_reviewed", "secretaries_total",
          "secretaries_reviewed", "secretaries_reviewing", "members_total", "members_reviewed", "mobile_total",
          "mobile_reviewed", "cadres_reviewing", "collective", "individual", "onsite", "random", "talks", "models",
          "problems_found", "problems_solved"]
PHONES = "0451-8234{:04d}"


def table(unit, batch, rows, i):
    as_of, filed = ("2011-01-14", "2011-01-15") if batch == 1 else ("2011-02-14", "2011-02-15")
    return {"format": "cxzy-stats/1", "unit": unit, "batch": batch, "as_of": as_of, "filed_on": filed,
            "principal": "赵建国", "preparer": "孙丽", "phone": PHONES.format(5000 + i), "rows": rows,
            "report": REPORT, "notes": "数字均为虚构，仅供演示。"}


def write_json(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


def write_csv(path, doc, encoding):
    """The product's CSV layout (docs/formats): header lines, a blank line, JSON field names."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for k, v in (("填报单位", doc["unit"]), ("批次", str(doc["batch"])), ("统计截止日期", doc["as_of"]),
                 ("填报日期", doc["filed_on"]), ("负责人", doc["principal"]), ("填表人", doc["preparer"]),
                 ("联系电话", doc["phone"]), ("总体情况", REPORT["overview"]), ("突出做法", REPORT["practices"]),
                 ("典型事例", REPORT["examples"]), ("备注", doc["notes"])):
        w.writerow([k, v])
    w.writerow([])
    w.writerow(["name"] + FIELDS)
    for r in doc["rows"]:
        w.writerow([r["name"]] + [r[k] for k in FIELDS])
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode(encoding))


def main():
    rng = random.Random(2011)
    for batch in (1, 2):
        os.makedirs(os.path.join(HERE, f"batch{batch}"), exist_ok=True)
    for i, (unit, subs) in enumerate(SUBUNITS.items()):
        scale = 3 if unit == "哈尔滨市" else 1
        b1 = [row(rng, n, scale) for n in subs]
        b2 = [grow(rng, r) for r in b1]
        if unit == "鹤岗市":
            b1[1]["orgs_reviewed"] = b1[1]["orgs_total"] + 7
            b2[1]["orgs_reviewed"] = b2[1]["orgs_total"]
        if unit == "伊春市":
            b2[0]["talks"] = max(0, b1[0]["talks"] - 3)
        if unit == "黑河市":
            b2[2]["members_reviewed"] = b2[2]["members_total"] - 40
            b2[2]["mobile_reviewed"] = min(b2[2]["mobile_reviewed"], b2[2]["members_reviewed"])
        for batch, rows in ((1, b1), (2, b2)):
            doc = table(unit, batch, rows, i)
            base = os.path.join(HERE, f"batch{batch}", unit)
            if batch == 1 and unit == "七台河市":
                write_csv(base + ".gbk.csv", doc, "gbk")
            elif batch == 1 and unit == "黑河市":
                write_csv(base + ".csv", doc, "utf-8-sig")
            else:
                write_json(base + ".json", doc)


if __name__ == "__main__":
    main()
