// The words of dates, times and time zones in the six ITU languages. Every
// entry is matched case-insensitively (unless marked exact), longest first,
// and a space in an entry matches any run of blanks.

#include "normalize/tables.h"

namespace missive::internal {
namespace {

constexpr std::string_view kDashes[] = {"-",  "‐", "‑", "‒", "–",  "—",
                                        "——", "―", "−", "~", "～", "〜"};

constexpr ZoneName kCommonZones[] = {
    {"UTC", "UTC", true},
    {"GMT", "UTC", true},
    {"CET", "Europe/Zurich", true},
    {"CEST", "Europe/Zurich", true},
};

// ---- zh ----

constexpr std::string_view kZhYear[] = {"年"};
constexpr std::string_view kZhMonth[] = {"月"};
constexpr std::string_view kZhDay[] = {"日", "号", "號"};
constexpr std::string_view kZhJoiners[] = {"至", "到"};
constexpr std::string_view kZhWeekdays[] = {
    "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天",
    "周一",   "周二",   "周三",   "周四",   "周五",   "周六",   "周日",   "周天",
    "週一",   "週二",   "週三",   "週四",   "週五",   "週六",   "週日",   "礼拜一",
    "礼拜二", "礼拜三", "礼拜四", "礼拜五", "礼拜六", "礼拜日", "礼拜天"};
// 点 is left out: "以下3点" (three points) is far more common in letters than 3点 (3 o'clock).
constexpr std::string_view kZhHour[] = {"时", "時"};
constexpr std::string_view kZhHourBlockers[] = {"间", "間", "区", "區", "段", "代", "期",
                                                "候", "差", "刻", "辰", "效", "钟", "鐘"};
constexpr std::string_view kZhMinute[] = {"分"};
constexpr std::string_view kZhHalf[] = {"半"};
constexpr std::string_view kZhPm[] = {"下午", "晚上", "傍晚"};
constexpr std::string_view kZhNotTimes[] = {"一时"};
constexpr ZoneName kZhZones[] = {
    {"日内瓦时间", "Europe/Zurich"},
    {"日内瓦当地时间", "Europe/Zurich"},
    {"欧洲中部时间", "Europe/Zurich"},
    {"欧洲中部夏令时间", "Europe/Zurich"},
    {"欧洲中部夏令时", "Europe/Zurich"},
    {"中欧时间", "Europe/Zurich"},
    {"中欧夏令时间", "Europe/Zurich"},
    {"瑞士时间", "Europe/Zurich"},
    {"北京时间", "Asia/Shanghai"},
    {"协调世界时", "UTC"},
    {"世界标准时间", "UTC"},
    {"格林尼治标准时间", "UTC"},
};

// ---- en ----

constexpr MonthName kEnMonths[] = {
    {"January", 1},   {"February", 2},  {"March", 3},  {"April", 4},     {"May", 5},
    {"June", 6},      {"July", 7},      {"August", 8}, {"September", 9}, {"October", 10},
    {"November", 11}, {"December", 12}, {"Jan", 1},    {"Jan.", 1},      {"Feb", 2},
    {"Feb.", 2},      {"Mar", 3},       {"Mar.", 3},   {"Apr", 4},       {"Apr.", 4},
    {"Jun", 6},       {"Jun.", 6},      {"Jul", 7},    {"Jul.", 7},      {"Aug", 8},
    {"Aug.", 8},      {"Sep", 9},       {"Sep.", 9},   {"Sept", 9},      {"Sept.", 9},
    {"Oct", 10},      {"Oct.", 10},     {"Nov", 11},   {"Nov.", 11},     {"Dec", 12},
    {"Dec.", 12},
};
constexpr std::string_view kEnOrdinals[] = {"st", "nd", "rd", "th"};
constexpr std::string_view kEnDayMonth[] = {"of"};
constexpr std::string_view kEnMonthYear[] = {","};
constexpr RangeWords kEnRanges[] = {
    {"from", "to"}, {"from", "until"}, {"from", "till"}, {"from", "through"}, {"between", "and"}};
constexpr std::string_view kEnJoiners[] = {"to", "until", "till", "through"};
constexpr std::string_view kEnWeekdays[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon",  "Mon.",
    "Tue",    "Tue.",    "Tues",      "Tues.",    "Wed",    "Wed.",     "Thu",    "Thu.", "Thur",
    "Thur.",  "Thurs",   "Thurs.",    "Fri",      "Fri.",   "Sat",      "Sat.",   "Sun",  "Sun."};
constexpr std::string_view kEnHour[] = {"o'clock", "o’clock"};
constexpr std::string_view kEnTimeWords[] = {"hours", "hrs", "hrs.", "hr", "h"};
constexpr Meridiem kEnMeridiems[] = {{"a.m.", false}, {"am", false}, {"p.m.", true}, {"pm", true}};
constexpr RangeWords kEnTimeRanges[] = {{"from", "to"}, {"from", "until"}, {"between", "and"}};
constexpr std::string_view kEnTimeJoiners[] = {"to", "until", "till"};
constexpr ZoneName kEnZones[] = {
    {"Geneva time", "Europe/Zurich"},
    {"Geneva local time", "Europe/Zurich"},
    {"local time in Geneva", "Europe/Zurich"},
    {"Central European Time", "Europe/Zurich"},
    {"Central European Summer Time", "Europe/Zurich"},
    {"Swiss time", "Europe/Zurich"},
    {"Coordinated Universal Time", "UTC"},
    {"Greenwich Mean Time", "UTC"},
};

// ---- fr ----

constexpr MonthName kFrMonths[] = {
    {"janvier", 1},   {"février", 2},  {"fevrier", 2},   {"mars", 3},      {"avril", 4},
    {"mai", 5},       {"juin", 6},     {"juillet", 7},   {"août", 8},      {"aout", 8},
    {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12}, {"decembre", 12},
    {"janv.", 1},     {"févr.", 2},    {"avr.", 4},      {"juil.", 7},     {"sept.", 9},
    {"oct.", 10},     {"nov.", 11},    {"déc.", 12},
};
constexpr std::string_view kFrOrdinals[] = {"er", "re"};
constexpr RangeWords kFrRanges[] = {{"du", "au"}, {"entre le", "et le"}};
constexpr std::string_view kFrJoiners[] = {"au"};
constexpr std::string_view kFrWeekdays[] = {"lundi",    "mardi",  "mercredi", "jeudi",
                                            "vendredi", "samedi", "dimanche"};
constexpr std::string_view kFrHour[] = {"h", "heures", "heure"};
constexpr std::string_view kFrMinute[] = {"min", "minutes"};
constexpr std::string_view kFrTimeWords[] = {"h", "heures"};
constexpr RangeWords kFrTimeRanges[] = {{"de", "à"}, {"entre", "et"}};
constexpr std::string_view kFrTimeJoiners[] = {"à"};
constexpr ZoneName kFrZones[] = {
    {"heure de Genève", "Europe/Zurich"},         {"heure locale de Genève", "Europe/Zurich"},
    {"heure d'Europe centrale", "Europe/Zurich"}, {"heure d’Europe centrale", "Europe/Zurich"},
    {"temps universel coordonné", "UTC"},
};

// ---- es ----

constexpr MonthName kEsMonths[] = {
    {"enero", 1},    {"febrero", 2},    {"marzo", 3},      {"abril", 4},      {"mayo", 5},
    {"junio", 6},    {"julio", 7},      {"agosto", 8},     {"septiembre", 9}, {"setiembre", 9},
    {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
};
constexpr std::string_view kEsOrdinals[] = {"º", ".º", "°"};
constexpr std::string_view kEsDayMonth[] = {"de"};
constexpr std::string_view kEsMonthYear[] = {"de", "del"};
constexpr RangeWords kEsRanges[] = {{"del", "al"}, {"desde el", "hasta el"}, {"entre el", "y el"}};
constexpr std::string_view kEsJoiners[] = {"al"};
constexpr std::string_view kEsWeekdays[] = {"lunes",   "martes", "miércoles", "miercoles", "jueves",
                                            "viernes", "sábado", "sabado",    "domingo"};
constexpr std::string_view kEsHour[] = {"h"};
constexpr std::string_view kEsTimeWords[] = {"horas", "hrs", "hrs.", "h"};
constexpr RangeWords kEsTimeRanges[] = {
    {"de las", "a las"}, {"de", "a"}, {"desde las", "hasta las"}, {"entre las", "y las"}};
constexpr std::string_view kEsTimeJoiners[] = {"a las", "a"};
constexpr ZoneName kEsZones[] = {
    {"hora de Ginebra", "Europe/Zurich"},
    {"hora local de Ginebra", "Europe/Zurich"},
    {"hora de Europa Central", "Europe/Zurich"},
    {"hora central europea", "Europe/Zurich"},
};

// ---- ru ----

constexpr MonthName kRuMonths[] = {
    // Genitive, as after a day number, then nominative.
    {"января", 1},   {"февраля", 2},  {"марта", 3},   {"апреля", 4},   {"мая", 5},
    {"июня", 6},     {"июля", 7},     {"августа", 8}, {"сентября", 9}, {"октября", 10},
    {"ноября", 11},  {"декабря", 12}, {"январь", 1},  {"февраль", 2},  {"март", 3},
    {"апрель", 4},   {"май", 5},      {"июнь", 6},    {"июль", 7},     {"август", 8},
    {"сентябрь", 9}, {"октябрь", 10}, {"ноябрь", 11}, {"декабрь", 12},
};
constexpr std::string_view kRuYearSuffixes[] = {"года", "год", "году", "г.", "г"};
constexpr RangeWords kRuRanges[] = {{"с", "по"}, {"со", "по"}, {"с", "до"}};
constexpr std::string_view kRuJoiners[] = {"по"};
constexpr std::string_view kRuWeekdays[] = {"понедельник", "вторник", "среда",      "четверг",
                                            "пятница",     "суббота", "воскресенье"};
constexpr std::string_view kRuHour[] = {"час.", "часов", "часа", "час", "ч."};
constexpr std::string_view kRuMinute[] = {"мин.", "минут", "мин"};
constexpr std::string_view kRuTimeWords[] = {"час.", "ч."};
constexpr RangeWords kRuTimeRanges[] = {{"с", "до"}, {"с", "по"}, {"со", "до"}};
constexpr std::string_view kRuTimeJoiners[] = {"до"};
constexpr ZoneName kRuZones[] = {
    {"по женевскому времени", "Europe/Zurich"},
    {"женевскому времени", "Europe/Zurich"},
    {"женевского времени", "Europe/Zurich"},
    {"женевское время", "Europe/Zurich"},
    {"центральноевропейскому времени", "Europe/Zurich"},
    {"центральноевропейское время", "Europe/Zurich"},
};

// ---- ar ----

constexpr MonthName kArMonths[] = {
    {"يناير", 1},
    {"فبراير", 2},
    {"مارس", 3},
    {"أبريل", 4},
    {"ابريل", 4},
    {"إبريل", 4},
    {"مايو", 5},
    {"يونيو", 6},
    {"يونيه", 6},
    {"يوليو", 7},
    {"يوليه", 7},
    {"أغسطس", 8},
    {"اغسطس", 8},
    {"سبتمبر", 9},
    {"أكتوبر", 10},
    {"اكتوبر", 10},
    {"نوفمبر", 11},
    {"ديسمبر", 12},
    // Levantine names.
    {"كانون الثاني", 1},
    {"شباط", 2},
    {"آذار", 3},
    {"نيسان", 4},
    {"أيار", 5},
    {"حزيران", 6},
    {"تموز", 7},
    {"آب", 8},
    {"أيلول", 9},
    {"تشرين الأول", 10},
    {"تشرين الثاني", 11},
    {"كانون الأول", 12},
};
constexpr std::string_view kArYearSuffixes[] = {"م"};
constexpr RangeWords kArRanges[] = {{"من", "إلى"}, {"من", "الى"}, {"من", "حتى"}};
constexpr std::string_view kArJoiners[] = {"إلى", "الى", "حتى"};
constexpr std::string_view kArWeekdays[] = {"الاثنين",  "الإثنين", "الثلاثاء", "الأربعاء",
                                            "الاربعاء", "الخميس",  "الجمعة",   "السبت",
                                            "الأحد",    "الاحد"};
// "من الساعة 11:00 إلى الساعة 13:00": "الساعة" (the hour) before each end.
constexpr RangeWords kArTimeRanges[] = {{"من الساعة", "إلى الساعة"},
                                        {"من الساعة", "الى الساعة"},
                                        {"من الساعة", "حتى الساعة"},
                                        {"من", "إلى"},
                                        {"من", "الى"},
                                        {"من", "حتى"}};
constexpr std::string_view kArTimeJoiners[] = {"إلى", "الى", "حتى"};
constexpr ZoneName kArZones[] = {
    {"توقيت جنيف", "Europe/Zurich"},
    {"بتوقيت جنيف", "Europe/Zurich"},
    {"توقيت وسط أوروبا", "Europe/Zurich"},
    {"بتوقيت وسط أوروبا", "Europe/Zurich"},
};

constexpr LanguageTable kTables[] = {
    {
        .tag = "zh",
        .style = DateStyle::kMarkers,
        .cjk_numerals = true,
        .year_markers = kZhYear,
        .month_markers = kZhMonth,
        .day_markers = kZhDay,
        .date_joiners = kZhJoiners,
        .weekdays = kZhWeekdays,
        .hour_markers = kZhHour,
        .hour_marker_blockers = kZhHourBlockers,
        .minute_markers = kZhMinute,
        .minute_marker_required = true,
        .half_hours = kZhHalf,
        .pm_prefixes = kZhPm,
        .time_joiners = kZhJoiners,
        .not_times = kZhNotTimes,
        .zones = kZhZones,
    },
    {
        .tag = "en",
        .months = kEnMonths,
        .month_first = true,
        .ordinal_suffixes = kEnOrdinals,
        .day_month_links = kEnDayMonth,
        .month_year_links = kEnMonthYear,
        .date_ranges = kEnRanges,
        .date_joiners = kEnJoiners,
        .weekdays = kEnWeekdays,
        .hour_markers = kEnHour,
        .time_words = kEnTimeWords,
        .meridiems = kEnMeridiems,
        .time_ranges = kEnTimeRanges,
        .time_joiners = kEnTimeJoiners,
        .zones = kEnZones,
    },
    {
        .tag = "fr",
        .months = kFrMonths,
        .ordinal_suffixes = kFrOrdinals,
        .date_ranges = kFrRanges,
        .date_joiners = kFrJoiners,
        .weekdays = kFrWeekdays,
        .hour_markers = kFrHour,
        .minute_markers = kFrMinute,
        .time_words = kFrTimeWords,
        .time_ranges = kFrTimeRanges,
        .time_joiners = kFrTimeJoiners,
        .zones = kFrZones,
    },
    {
        .tag = "es",
        .months = kEsMonths,
        .ordinal_suffixes = kEsOrdinals,
        .day_month_links = kEsDayMonth,
        .month_year_links = kEsMonthYear,
        .date_ranges = kEsRanges,
        .date_joiners = kEsJoiners,
        .weekdays = kEsWeekdays,
        .hour_markers = kEsHour,
        .time_words = kEsTimeWords,
        .time_ranges = kEsTimeRanges,
        .time_joiners = kEsTimeJoiners,
        .zones = kEsZones,
    },
    {
        .tag = "ru",
        .months = kRuMonths,
        .year_suffixes = kRuYearSuffixes,
        .date_ranges = kRuRanges,
        .date_joiners = kRuJoiners,
        .weekdays = kRuWeekdays,
        .hour_markers = kRuHour,
        .minute_markers = kRuMinute,
        .time_words = kRuTimeWords,
        .time_ranges = kRuTimeRanges,
        .time_joiners = kRuTimeJoiners,
        .zones = kRuZones,
    },
    {
        .tag = "ar",
        .months = kArMonths,
        .year_suffixes = kArYearSuffixes,
        .date_ranges = kArRanges,
        .date_joiners = kArJoiners,
        .weekdays = kArWeekdays,
        .time_ranges = kArTimeRanges,
        .time_joiners = kArTimeJoiners,
        .zones = kArZones,
    },
};

}  // namespace

const LanguageTable* FindLanguageTable(std::string_view language) {
  // A loop, not find_first_of: that asks char_traits::find of "-_" for each
  // character of the tag.
  std::size_t cut = 0;
  while (cut < language.size() && language[cut] != '-' && language[cut] != '_') ++cut;
  const std::string_view primary = language.substr(0, cut);
  for (const LanguageTable& table : kTables) {
    if (primary.size() != table.tag.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < primary.size() && same; ++i) {
      // ASCII lower case inline: std::tolower is a call into the C locale
      // for each letter, and this runs for every text a grammar scans.
      const char c = primary[i];
      same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c) == table.tag[i];
    }
    if (same) return &table;
  }
  return nullptr;
}

std::span<const LanguageTable> AllLanguageTables() { return kTables; }

const Words& RangeDashes() {
  static constexpr Words kList = kDashes;
  return kList;
}

const List<ZoneName>& CommonZones() {
  static constexpr List<ZoneName> kList = kCommonZones;
  return kList;
}

}  // namespace missive::internal
