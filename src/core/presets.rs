//! Presets: the two reporting levels of the notices (SPEC §3.3), as data.
//!
//! 黑创先办[2010]11号 asks every 市(地) and 省直 system to report on 2011-01-16 and 2011-02-16;
//! 创先办[2010]7号 asks the provinces and central systems to report on 2011-01-20 and 2011-02-20.
//! Both want every organisation and member reviewed before the 2011 Spring Festival.

/// A reporting level: who reports and when.
#[derive(Debug, Clone, Copy)]
pub struct Preset {
    /// Public contract; its name and receiving office are words of each locale's catalogue
    /// ([`crate::core::vocab`], lists `preset` and `receiver`).
    pub id: &'static str,
    /// Deadlines of batch 1 and batch 2, ISO dates.
    pub deadlines: [&'static str; 2],
    /// 春节前…两个全覆盖: every organisation and member reviewed by this date.
    pub coverage_deadline: &'static str,
    /// The units expected to report, in the order of the form.
    pub rows: &'static [&'static str],
}

/// 2011 Spring Festival (春节): the coverage deadline of both notices.
pub const SPRING_FESTIVAL_2011: &str = "2011-02-03";

pub const PRESETS: &[Preset] = &[
    Preset {
        id: "heilongjiang-2010",
        deadlines: ["2011-01-16", "2011-02-16"],
        coverage_deadline: SPRING_FESTIVAL_2011,
        rows: &[
            "哈尔滨市", "齐齐哈尔市", "牡丹江市", "佳木斯市", "大庆市", "鸡西市", "双鸭山市",
            "伊春市", "七台河市", "鹤岗市", "黑河市", "绥化市", "大兴安岭地区", "省直机关工委",
            "省委高校工委", "省国资委", "省农垦总局", "省森工总局", "大庆油田",
        ],
    },
    Preset {
        id: "central-2010",
        deadlines: ["2011-01-20", "2011-02-20"],
        coverage_deadline: SPRING_FESTIVAL_2011,
        rows: &[
            "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
            "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
            "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
            "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
            "新疆生产建设兵团", "中直机关工委", "中央国家机关工委", "国务院国资委党委",
            "中管金融机构", "教育部党组",
        ],
    },
];

/// The preset with this id.
pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

impl Preset {
    /// The preset's name (`黑龙江省（黑创先办[2010]11号）`).
    pub fn name(&self, locale: crate::core::issue::Locale) -> &'static str {
        crate::core::vocab::catalogue(locale).get(crate::core::vocab::list::PRESET, self.id).unwrap_or(self.id)
    }
    /// Title shown above the form (the receiving office).
    pub fn receiver(&self, locale: crate::core::issue::Locale) -> &'static str {
        crate::core::vocab::catalogue(locale).get(crate::core::vocab::list::RECEIVER, self.id).unwrap_or("")
    }

    /// The deadline of batch 1 or 2.
    pub fn deadline(&self, batch: u8) -> Option<chrono::NaiveDate> {
        let s = self.deadlines.get(usize::from(batch).checked_sub(1)?)?;
        // Not `str::parse`: chrono's parser is large in wasm; the core reads dates anyway.
        crate::core::normalize::parse_date(s).ok()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn presets_are_well_formed() {
        for p in super::PRESETS {
            assert!(p.deadline(1).is_some() && p.deadline(2).is_some(), "{}", p.id);
            assert!(p.deadline(1) < p.deadline(2));
        }
        assert_eq!(super::find("heilongjiang-2010").unwrap().rows.len(), 19);
        assert_eq!(super::find("central-2010").unwrap().rows.len(), 37);
    }
}
