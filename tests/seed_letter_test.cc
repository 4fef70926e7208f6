// The seed letter (TSB Collective Letter 11/20, Chinese) end to end, from the
// DOCX sample and from the text export. Every expected value below was read
// off the letter itself (../shared/seed-letter-zh.txt), not off missive's
// output.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/convert.h"
#include "emit/emit.h"

namespace missive {
namespace {

const std::string kSamples = std::string(MISSIVE_SOURCE_DIR) + "/samples/";

class SeedLetterTest : public ::testing::TestWithParam<std::string> {
 protected:
  static const LetterRecord& Record(const std::string& name) {
    static std::map<std::string, LetterRecord> cache;
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(name, ConvertFile(kSamples + name)).first;
    return it->second;
  }
  const LetterRecord& record() const { return Record(GetParam()); }
  const LetterFields& letter() const { return *record().letter; }
};

TEST_P(SeedLetterTest, ConvertsWithStatusOkInChinese) {
  ASSERT_TRUE(record().ok()) << record().error->message;
  EXPECT_EQ(record().language, "zh");
  ASSERT_TRUE(record().letter.has_value());
  EXPECT_EQ(record().id.size(), 64u);
  EXPECT_EQ(record().source.sha256, record().id);
}

TEST_P(SeedLetterTest, PlaceAndDateComeFromTheFirstLine) {
  EXPECT_EQ(letter().place, "日内瓦");
  EXPECT_EQ(letter().date, "2021-01-12");
}

TEST_P(SeedLetterTest, ReferenceIsParsedIntoIssuerKindNumberFileAndKey) {
  ASSERT_TRUE(letter().reference.has_value());
  const Reference& reference = *letter().reference;
  EXPECT_EQ(reference.text, "电信标准化局第11/20号集体函");
  EXPECT_EQ(reference.issuer, "TSB");
  EXPECT_EQ(reference.kind, "collective-letter");
  EXPECT_EQ(reference.number, "11/20");
  EXPECT_EQ(reference.file, "SG20/CB");
  EXPECT_EQ(reference.key, "TSB Collective Letter 11/20");
}

TEST_P(SeedLetterTest, FourAddresseesWithTheWrappedOneJoined) {
  EXPECT_EQ(letter().addressees,
            (std::vector<std::string>{"国际电联各成员国主管部门", "ITU-T部门成员",
                                      "参加第20研究组工作的ITU-T部门准成员", "国际电联学术成员"}));
  EXPECT_TRUE(letter().copies.empty());
}

TEST_P(SeedLetterTest, ContactFieldsFromTheHeaderTable) {
  ASSERT_TRUE(letter().contact.has_value());
  const Contact& contact = *letter().contact;
  EXPECT_EQ(contact.name, std::nullopt);
  EXPECT_EQ(contact.tel, "+41 22 730 6301");
  EXPECT_EQ(contact.fax, "+41 22 730 5853");
  EXPECT_EQ(contact.email, "tsbsg20@itu.int");
  EXPECT_EQ(contact.web, "https://www.itu.int/go/tsg20");
}

TEST_P(SeedLetterTest, SubjectSalutationAndClosing) {
  EXPECT_EQ(letter().subject, "ITU-T第20研究组虚拟会议，2021年5月17-27日");
  EXPECT_EQ(letter().salutation, "尊敬的先生/女士：");
  EXPECT_EQ(letter().closing, "祝您与会顺利且富有成效！");
  EXPECT_FALSE(letter().signature.has_value());
}

TEST_P(SeedLetterTest, MeetingIsStudyGroup20VirtualOpeningAtElevenGenevaSummerTime) {
  ASSERT_TRUE(record().meeting.has_value());
  const Meeting& meeting = *record().meeting;
  EXPECT_EQ(meeting.body, "第20研究组");
  EXPECT_EQ(meeting.body_key, "ITU-T SG20");
  EXPECT_EQ(meeting.start, "2021-05-17");
  EXPECT_EQ(meeting.end, "2021-05-27");
  EXPECT_EQ(meeting.mode, "virtual");
  EXPECT_EQ(meeting.location, std::nullopt);
  EXPECT_EQ(meeting.opening, "2021-05-17T11:00:00+02:00");
  EXPECT_EQ(meeting.timezone, "Europe/Zurich");
}

TEST_P(SeedLetterTest, ThreeDeadlinesWithTheirActions) {
  ASSERT_EQ(record().deadlines.size(), 3u);
  EXPECT_EQ(record().deadlines[0].date, "2021-03-17");
  EXPECT_EQ(record().deadlines[0].text, "提交需要翻译的ITU-T成员文稿");
  EXPECT_EQ(record().deadlines[1].date, "2021-04-16");
  EXPECT_EQ(record().deadlines[1].text,
            "注册（通过研究组主页www.itu.int/go/tsg20提供的在线注册表进行）");
  EXPECT_EQ(record().deadlines[2].date, "2021-05-04");
  EXPECT_EQ(record().deadlines[2].text, "提交ITU-T成员文稿（通过文件直传系统）");
}

TEST_P(SeedLetterTest, ThreeEventsWithDatesTimesAndUrls) {
  const std::vector<Event>& events = record().events;
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].title, "新代表情况介绍会");
  EXPECT_EQ(events[0].date, "2021-04-21");
  EXPECT_EQ(events[0].start, "2021-04-21T11:00:00+02:00");
  EXPECT_EQ(events[0].end, "2021-04-21T13:00:00+02:00");
  EXPECT_EQ(events[0].timezone, "Europe/Zurich");
  EXPECT_EQ(events[0].url,
            "https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=C-00009285");
  EXPECT_EQ(events[0].text,
            "新代表情况介绍会将于2021年4月21日（日内瓦时间）11时至13时以虚拟方式举办。"
            "请在以下网址注册：https://www.itu.int/net4/CRM/xreg/web/"
            "Registration.aspx?Event=C-00009285。");

  EXPECT_EQ(events[1].title, "“标准在加速城市和社区数字化转型中的作用”虚拟论坛");
  EXPECT_EQ(events[1].date, "2021-04-22");
  EXPECT_EQ(events[1].start, "2021-04-22T12:00:00+02:00");
  EXPECT_EQ(events[1].end, "2021-04-22T14:30:00+02:00");
  EXPECT_EQ(events[1].url, "https://www.itu.int/en/ITU-T/climatechange/Pages/20210422.aspx");

  EXPECT_EQ(events[2].title, "物联网和智慧城市与社区联合协调活动（JCA-IoT和SC&C）会议");
  EXPECT_EQ(events[2].date, "2021-04-23");
  EXPECT_EQ(events[2].start, "2021-04-23T11:00:00+02:00");
  EXPECT_EQ(events[2].end, "2021-04-23T13:00:00+02:00");
  EXPECT_EQ(events[2].url, "https://www.itu.int/en/ITU-T/jca/iot/Pages/default.aspx");
}

TEST_P(SeedLetterTest, AgendaHasAllThirtyFiveItemsInOrder) {
  ASSERT_TRUE(record().agenda.has_value());
  const Agenda& agenda = *record().agenda;
  EXPECT_EQ(agenda.title, "议程草案");
  EXPECT_EQ(agenda.annex, "B");
  std::vector<std::string> numbers;
  for (const AgendaItem& item : agenda.items) numbers.push_back(item.number);
  EXPECT_EQ(numbers, (std::vector<std::string>{
                         "1",  "2",  "3",  "4",    "5",    "6",    "7",    "7.1",  "8",
                         "9",  "10", "11", "12",   "12.1", "12.2", "12.3", "12.4", "13",
                         "14", "15", "16", "16.1", "17",   "18",   "19",   "19.1", "19.2",
                         "20", "21", "22", "23",   "23.1", "23.2", "24",   "25"}));
}

TEST_P(SeedLetterTest, AgendaItemsCarryLevelParentTitleDocumentsAndNotes) {
  const std::vector<AgendaItem>& items = record().agenda->items;
  ASSERT_EQ(items.size(), 35u);
  EXPECT_EQ(items[0].title, "会议开始");
  EXPECT_EQ(items[0].level, 1);
  EXPECT_EQ(items[0].parent, std::nullopt);
  EXPECT_TRUE(items[0].documents.empty());
  EXPECT_EQ(items[0].notes, std::nullopt);

  EXPECT_EQ(items[3].title, "批准第20研究组第八次会议（2020年12月16日，虚拟会议）的报告");
  EXPECT_EQ(items[3].documents, std::vector<std::string>{"Report 15"});

  EXPECT_EQ(items[4].title,
            "ITU-T Y.4471（前Y.NDA-arch）建议书\n“自动驾驶汽车基于网络的辅助驾驶技术的功能架构”");
  EXPECT_EQ(items[5].title, "知识产权声明");
  EXPECT_TRUE(items[5].documents.empty());
  EXPECT_EQ(items[5].notes,
            "是否有人了解知识产权方面的情况，包括专利、软件或文本的版权、商标，"
            "为实施或发布所审议的建议书这些知识可能需要使用？");

  EXPECT_EQ(items[7].number, "7.1");
  EXPECT_EQ(items[7].level, 2);
  EXPECT_EQ(items[7].parent, "7");
  EXPECT_EQ(items[7].title, "发送给QAll/20的文稿");

  EXPECT_EQ(items[9].title, "TSAG（2021年1月）与第20研究组和WTSA-20筹备工作相关的简报");
  EXPECT_EQ(items[16].number, "12.4");
  EXPECT_EQ(items[16].parent, "12");

  EXPECT_EQ(items[25].number, "19.1");
  EXPECT_EQ(items[25].title, "1/20工作组：\n-批准新工作项目\n-批准工作计划\n-批准课题报告");
  EXPECT_EQ(items[26].title, "2/20工作组：\n-批准新工作项目\n-批准工作计划\n-批准课题报告");
  EXPECT_EQ(items[34].title, "会议闭幕");
}

TEST_P(SeedLetterTest, AnnexesRecommendationsAndUrls) {
  ASSERT_EQ(record().annexes.size(), 2u);
  EXPECT_EQ(record().annexes[0].label, "A");
  EXPECT_EQ(record().annexes[0].title, "会议实用信息");
  EXPECT_EQ(record().annexes[1].label, "B");
  EXPECT_EQ(record().annexes[1].title, "议程草案");
  EXPECT_EQ(record().recommendations, std::vector<std::string>{"ITU-T Y.4471"});
  EXPECT_EQ(record().urls,
            (std::vector<std::string>{
                "https://www.itu.int/go/tsg20", "http://www.itu.int/go/tsg20",
                "https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=C-00009285",
                "https://www.itu.int/en/ITU-T/climatechange/Pages/20210422.aspx",
                "https://www.itu.int/en/ITU-T/jca/iot/Pages/default.aspx"}));
}

TEST_P(SeedLetterTest, OnlyTheMissingSignatureIsWarnedAbout) {
  ASSERT_EQ(record().warnings.size(), 1u);
  EXPECT_EQ(record().warnings[0].code, "signature-not-found");
}

TEST_P(SeedLetterTest, BlocksAndTextHoldTheWholeLetterWithoutBookmarks) {
  ASSERT_TRUE(record().text.has_value());
  const std::string& text = *record().text;
  EXPECT_EQ(text.find("bookmark"), std::string::npos);
  EXPECT_EQ(text.find("_Hlk"), std::string::npos);
  EXPECT_NE(text.find("尊敬的先生/女士："), std::string::npos);
  EXPECT_NE(text.find("注 – 议程的更新版本见第20研究组网页。"), std::string::npos);
  int tables = 0;
  for (const OutputBlock& block : record().blocks) {
    if (block.type == "table") ++tables;
    EXPECT_EQ(block.text.find("bookmark"), std::string::npos);
  }
  EXPECT_GE(tables, 2);  // the header block and the agenda
}

INSTANTIATE_TEST_SUITE_P(Samples, SeedLetterTest,
                         ::testing::Values("seed-letter-zh.docx", "seed-letter-zh.txt"),
                         [](const auto& info) {
                           return info.param.find(".docx") != std::string::npos ? "Docx" : "Text";
                         });

// The DOCX and the text export of one letter must say the same thing: every
// contract field equal but the ones that describe the file itself.
TEST(SeedLetterEquivalence, DocxAndTextGiveTheSameRecord) {
  auto json = [](const std::string& name) {
    nlohmann::json record = nlohmann::json::parse(EmitJson(ConvertFile(kSamples + name)));
    for (const char* key : {"id", "source", "properties", "blocks", "text"}) record.erase(key);
    return record;
  };
  nlohmann::json docx = json("seed-letter-zh.docx");
  nlohmann::json text = json("seed-letter-zh.txt");
  EXPECT_TRUE(docx == text) << nlohmann::json::diff(docx, text).dump(2);
}

TEST(SeedLetterProperties, DocxCorePropertiesAreRead) {
  LetterRecord record = ConvertFile(kSamples + "seed-letter-zh.docx");
  ASSERT_TRUE(record.properties.has_value());
  EXPECT_EQ(record.properties->creator, "TSB");
  EXPECT_EQ(record.properties->created, "2021-01-11T09:12:00Z");
  EXPECT_EQ(record.source.format, "docx");
  LetterRecord text = ConvertFile(kSamples + "seed-letter-zh.txt");
  EXPECT_EQ(text.source.format, "text");
  ASSERT_TRUE(text.properties.has_value());
  EXPECT_EQ(text.properties->creator, std::nullopt);
}

}  // namespace
}  // namespace missive
