#include <gtest/gtest.h>

#include <optional>
#include <string_view>

#include "normalize/normalize.h"

namespace missive {
namespace {

struct NumberCase {
  std::string_view text;
  std::optional<long long> value;
};

class ChineseNumberTest : public testing::TestWithParam<NumberCase> {};

TEST_P(ChineseNumberTest, Parses) {
  EXPECT_EQ(ParseChineseNumber(GetParam().text), GetParam().value) << GetParam().text;
}

// Digit by digit, as years are written.
INSTANTIATE_TEST_SUITE_P(DigitByDigit, ChineseNumberTest,
                         testing::Values(NumberCase{"二〇一二", 2012}, NumberCase{"二零二一", 2021},
                                         NumberCase{"二○一九", 2019},  // U+25CB white circle
                                         NumberCase{"一九九八", 1998}, NumberCase{"〇", 0},
                                         NumberCase{"零", 0}, NumberCase{"五", 5}));

// Positional, with 十 百 千 万 亿.
INSTANTIATE_TEST_SUITE_P(Positional, ChineseNumberTest,
                         testing::Values(NumberCase{"十", 10}, NumberCase{"十一", 11},
                                         NumberCase{"二十二", 22}, NumberCase{"三十", 30},
                                         NumberCase{"三十一", 31}, NumberCase{"一百零五", 105},
                                         NumberCase{"一百一十", 110}, NumberCase{"一百五", 150},
                                         NumberCase{"两千", 2000}, NumberCase{"两千零二十一", 2021},
                                         NumberCase{"一千零五十", 1050},
                                         NumberCase{"一万五", 15000}, NumberCase{"一万零五", 10005},
                                         NumberCase{"一亿二千万", 120000000},
                                         NumberCase{"廿一", 21}, NumberCase{"卅", 30}));

INSTANTIATE_TEST_SUITE_P(Capitals, ChineseNumberTest,
                         testing::Values(NumberCase{"壹拾贰", 12}, NumberCase{"叁佰", 300},
                                         NumberCase{"贰仟零贰拾壹", 2021}));

INSTANTIATE_TEST_SUITE_P(Digits, ChineseNumberTest,
                         testing::Values(NumberCase{"2021", 2021}, NumberCase{"007", 7},
                                         NumberCase{"２０２１", 2021}));

INSTANTIATE_TEST_SUITE_P(
    NotNumbers, ChineseNumberTest,
    testing::Values(NumberCase{"", std::nullopt}, NumberCase{"十十", std::nullopt},
                    NumberCase{"百", std::nullopt}, NumberCase{"一百零", std::nullopt},
                    NumberCase{"五五十", std::nullopt}, NumberCase{"二十年", std::nullopt},
                    NumberCase{"2十", std::nullopt}, NumberCase{"12a", std::nullopt},
                    NumberCase{" 12", std::nullopt}, NumberCase{"一万万", std::nullopt},
                    NumberCase{"星期一", std::nullopt},
                    NumberCase{"九千亿九千亿", std::nullopt}));  // would overflow

}  // namespace
}  // namespace missive
