#include "recognize/tables.h"

namespace missive {
namespace {

using F = HeaderField;

// The canonical English names used in reference keys live in recognize.cc;
// these tables map each language's wording onto them.
std::vector<LanguageTable> BuildTables() {
  std::vector<LanguageTable> tables;

  LanguageTable zh;
  zh.language = "zh";
  zh.labels = {{F::kReference, "文号"}, {F::kContact, "联系人"}, {F::kTel, "电话"},
               {F::kFax, "传真"},       {F::kEmail, "电子邮件"}, {F::kEmail, "电邮"},
               {F::kWeb, "网页"},       {F::kWeb, "网址"},       {F::kTo, "致"},
               {F::kCopy, "抄送"},      {F::kSubject, "事由"},   {F::kSubject, "主题"}};
  zh.salutations = {"尊敬的", "敬启者"};
  zh.closings = {"顺致敬意", "顺颂", "此致", "谨致", "祝"};
  zh.closing_continuations = {"敬礼", "时祺", "商祺"};
  zh.signature_titles = {"主任", "局长", "秘书长", "主席"};
  zh.annex_words = {"附件"};
  zh.agenda_words = {"议程"};
  zh.issuers = {
      {"电信标准化局", "TSB"}, {"无线电通信局", "BR"}, {"电信发展局", "BDT"}, {"总秘书处", "GS"}};
  zh.kinds = {{"集体函", "collective-letter"}, {"通函", "circular"}, {"函", "letter"}};
  zh.addendum_words = {"补遗", "增补"};
  zh.corrigendum_words = {"更正", "勘误"};
  zh.bodies = {{"第", "研究组", "ITU-T SG#", false},
               {"第", "工作组", "ITU-T WP#", true},
               {"", "工作组", "ITU-T WP#", true},
               {"", "研究组", "ITU-T SG#", false}};
  zh.body_connectors = {"的"};
  zh.meeting_words = {"会议"};
  zh.modes = {{"混合", "hybrid"},     {"虚拟", "virtual"}, {"线上", "virtual"},
              {"在线", "virtual"},    {"远程", "virtual"}, {"国际电联总部", "in-person"},
              {"面对面", "in-person"}};
  zh.opening_words = {"开始", "开幕"};
  zh.event_markers = {"将于", "定于", "将在"};
  zh.event_words = {"会", "论坛", "研讨", "讲习班", "培训", "活动", "讲座", "课程", "展览", "仪式"};
  zh.deadline_actions = {"提交", "注册", "报名", "申请", "回复", "答复",
                         "截止", "提出", "发送", "评论", "意见"};
  zh.deadline_words = {"截止日期", "截止时间", "最后期限"};
  zh.deadline_after_date = {"之前", "以前", "前", "截止"};
  zh.deadline_before_date = {"最迟于",     "不迟于",     "最晚于",    "截至",       "截止日期为",
                             "截止日期是", "截止日期：", "截止日期:", "截止时间为", "截止时间："};
  zh.location_before = {"在", "地点为", "地点："};
  zh.location_after = {"举行", "召开", "举办", "。", "，"};
  zh.location_stops = {"以"};  // "在日内瓦以混合方式举行": the mode is not the place
  zh.chinese_item_numerals = true;
  zh.roman_item_numerals = true;
  zh.item_marks = {"、", "．", "."};
  zh.item_brackets = {{"（", "）"}, {"(", ")"}};
  zh.document_prefixes = {"Report", "TD", "C", "COM", "R", "Doc.", "Doc", "报告"};
  zh.sectors = {{"ITU-T", "ITU-T"}, {"ITU-R", "ITU-R"}};
  zh.recommendation_after = {"建议书"};
  tables.push_back(zh);

  LanguageTable en;
  en.language = "en";
  en.labels = {{F::kReference, "Ref"},  {F::kContact, "Contact"}, {F::kTel, "Tel"},
               {F::kTel, "Telephone"},  {F::kFax, "Fax"},         {F::kEmail, "E-mail"},
               {F::kEmail, "Email"},    {F::kWeb, "Web"},         {F::kTo, "To"},
               {F::kCopy, "Copy"},      {F::kCopy, "Copies"},     {F::kCopy, "cc"},
               {F::kSubject, "Subject"}};
  en.salutations = {"Dear "};
  en.closings = {"Yours faithfully", "Yours sincerely", "Sincerely", "Best regards",
                 "Kind regards"};
  en.signature_titles = {"Director", "Secretary-General", "Chairman", "Chair"};
  en.title_connectors = {"of", "of the", "for", "for the"};
  en.annex_words = {"Annex", "ANNEX", "Appendix"};
  en.agenda_words = {"agenda", "Agenda", "AGENDA"};
  en.issuers = {{"TSB", "TSB"}, {"BDT", "BDT"}, {"BR", "BR"}};
  en.kinds = {{"Collective letter", "collective-letter"},
              {"Collective Letter", "collective-letter"},
              {"Circular", "circular"},
              {"Letter", "letter"}};
  en.addendum_words = {"Addendum"};
  en.corrigendum_words = {"Corrigendum"};
  en.bodies = {{"Study Group ", "", "ITU-T SG#", false},
               {"Working Party ", "", "ITU-T WP#", true},
               {"SG", "", "ITU-T SG#", false},
               {"WP", "", "ITU-T WP#", true}};
  en.body_connectors = {"of", "of the"};
  en.meeting_words = {"meeting", "Meeting"};
  en.modes = {{"hybrid", "hybrid"},
              {"virtual", "virtual"},
              {"Virtual", "virtual"},
              {"online", "virtual"},
              {"ITU headquarters", "in-person"},
              {"in person", "in-person"},
              {"physical", "in-person"}};
  en.opening_words = {"will open", "will start", "opening", "start at", "begin at"};
  en.event_markers = {" will be held", " will take place", " is scheduled"};
  en.event_words = {"session",  "meeting",     "workshop",   "forum",    "webinar",
                    "briefing", "seminar",     "symposium",  "event",    "training",
                    "course",   "summit",      "conference", "tutorial", "hackathon",
                    "ceremony", "round table", "roundtable", "dialogue"};
  en.deadline_actions = {"submission", "submit",      "registration", "register",     "request",
                         "apply",      "application", "reply",        "replies",      "response",
                         "comment",    "deadline",    "last date",    "closing date", "nomination"};
  en.deadline_words = {"deadline", "Deadline", "DEADLINE"};
  en.deadline_before_date = {"no later than", "not later than", "by ", "before ", "deadline"};
  en.location_before = {" in ", " at "};
  en.location_after = {", from", " from", ", on", " on"};
  en.roman_item_numerals = true;
  en.item_marks = {".", ")", "–", "—", "-", ":"};
  en.item_brackets = {{"(", ")"}};
  en.document_prefixes = {"Report", "TD", "C", "COM", "R", "Doc.", "Doc", "Contribution"};
  en.stopwords = {"the", "and", "of", "to", "in", "for", "is", "be", "on", "with", "will", "that"};
  en.sectors = {{"ITU-T", "ITU-T"}, {"ITU-R", "ITU-R"}};
  en.recommendation_before = {"Recommendation ", "Recommendations ", "Rec. "};
  tables.push_back(en);

  LanguageTable fr;
  fr.language = "fr";
  fr.labels = {{F::kReference, "Réf"}, {F::kContact, "Contact"}, {F::kTel, "Tél"},
               {F::kFax, "Télécopie"}, {F::kFax, "Fax"},         {F::kEmail, "Courriel"},
               {F::kWeb, "Web"},       {F::kTo, "Aux"},          {F::kTo, "À"},
               {F::kCopy, "Copie"},    {F::kSubject, "Objet"}};
  fr.place_fillers = {"le"};
  fr.salutations = {"Madame, Monsieur", "Monsieur, Madame", "Madame", "Monsieur"};
  fr.closings = {"Veuillez agréer", "Je vous prie d'agréer", "Je vous prie d’agréer",
                 "Avec mes salutations"};
  fr.signature_titles = {"Directeur", "Directrice", "Secrétaire général"};
  fr.annex_words = {"Annexe", "ANNEXE"};
  fr.agenda_words = {"ordre du jour", "Ordre du jour"};
  fr.issuers = {{"TSB", "TSB"}, {"BDT", "BDT"}, {"BR", "BR"}};
  fr.kinds = {
      {"Lettre collective", "collective-letter"}, {"Circulaire", "circular"}, {"Lettre", "letter"}};
  fr.addendum_words = {"Addendum"};
  fr.corrigendum_words = {"Corrigendum"};
  fr.bodies = {{"Commission d'études ", "", "ITU-T SG#", false},
               {"Commission d’études ", "", "ITU-T SG#", false},
               {"Groupe de travail ", "", "ITU-T WP#", true}};
  fr.body_connectors = {"de la", "de"};
  fr.meeting_words = {"réunion", "Réunion"};
  fr.modes = {{"hybride", "hybrid"},
              {"virtuelle", "virtual"},
              {"virtuel", "virtual"},
              {"en ligne", "virtual"},
              {"siège de l'UIT", "in-person"}};
  fr.opening_words = {"s'ouvrira", "s’ouvrira", "commencera", "ouverture"};
  fr.event_markers = {" aura lieu", " se tiendra"};
  fr.event_words = {"séance",    "session",   "réunion",     "atelier",   "forum",
                    "webinaire", "séminaire", "colloque",    "symposium", "manifestation",
                    "événement", "Événement", "formation",   "sommet",    "conférence",
                    "cours",     "cérémonie", "table ronde", "dialogue"};
  fr.deadline_actions = {"soumission",   "soumettre",   "envoi",        "inscription",
                         "s'inscrire",   "s’inscrire",  "demande",      "réponse",
                         "commentaires", "date limite", "contribution", "candidature"};
  fr.deadline_words = {"Date limite", "date limite", "Dates limites", "dates limites", "Délais"};
  fr.deadline_before_date = {"au plus tard le", "avant le", "d'ici au", "d’ici au"};
  fr.location_before = {" à "};
  fr.location_after = {", du", " du"};
  fr.roman_item_numerals = true;
  fr.item_marks = {".", ")", "–", "—", "-", ":"};
  fr.item_brackets = {{"(", ")"}};
  fr.document_prefixes = {"Rapport", "TD", "C", "COM", "R", "Doc."};
  fr.stopwords = {"le", "la", "les", "des", "et", "du", "pour", "est", "une", "dans", "sur", "aux"};
  fr.sectors = {{"UIT-T", "ITU-T"}, {"UIT-R", "ITU-R"}};
  fr.recommendation_before = {"Recommandation ", "Recommandations "};
  tables.push_back(fr);

  LanguageTable es;
  es.language = "es";
  es.labels = {{F::kReference, "Ref"},
               {F::kContact, "Contacto"},
               {F::kTel, "Teléfono"},
               {F::kTel, "Tel"},
               {F::kFax, "Fax"},
               {F::kEmail, "Correo-e"},
               {F::kEmail, "Correo electrónico"},
               {F::kWeb, "Web"},
               {F::kTo, "A las"},
               {F::kTo, "A los"},
               {F::kCopy, "Copia"},
               {F::kSubject, "Asunto"}};
  es.salutations = {"Muy Señora mía", "Muy Señor mío", "Estimado", "Estimada"};
  es.closings = {"Atentamente", "Le saluda atentamente"};
  es.signature_titles = {"Director", "Directora", "Secretario General"};
  es.annex_words = {"Anexo", "ANEXO"};
  es.agenda_words = {"orden del día", "Orden del día"};
  es.issuers = {{"TSB", "TSB"}, {"BDT", "BDT"}, {"BR", "BR"}};
  es.kinds = {{"Carta Colectiva", "collective-letter"},
              {"Carta colectiva", "collective-letter"},
              {"Circular", "circular"},
              {"Carta", "letter"}};
  es.addendum_words = {"Addéndum", "Addendum"};
  es.corrigendum_words = {"Corrigéndum", "Corrigendum"};
  es.bodies = {{"Comisión de Estudio ", "", "ITU-T SG#", false},
               {"Grupo de Trabajo ", "", "ITU-T WP#", true}};
  es.body_connectors = {"de la", "de"};
  es.meeting_words = {"reunión", "Reunión"};
  es.modes = {{"híbrida", "hybrid"},
              {"virtual", "virtual"},
              {"en línea", "virtual"},
              {"presencial", "in-person"},
              {"Sede de la UIT", "in-person"}};
  es.opening_words = {"comenzará", "se inaugurará", "apertura"};
  es.event_markers = {" tendrá lugar", " se celebrará"};
  es.event_words = {"sesión",      "reunión",   "taller",       "foro",    "seminario",
                    "webinario",   "simposio",  "evento",       "curso",   "cumbre",
                    "conferencia", "ceremonia", "mesa redonda", "diálogo", "formación"};
  es.deadline_actions = {"presentación", "presentar", "envío",        "inscripción",
                         "inscribirse",  "registro",  "solicitud",    "respuesta",
                         "comentarios",  "plazo",     "fecha límite", "contribución"};
  es.deadline_words = {"Plazo", "plazo", "Fechas límite"};
  es.deadline_before_date = {"a más tardar el", "antes del"};
  es.location_before = {" en "};
  es.location_after = {", del", " del"};
  es.roman_item_numerals = true;
  es.item_marks = {".", ")", "–", "—", "-", ":"};
  es.item_brackets = {{"(", ")"}};
  es.document_prefixes = {"Informe", "TD", "C", "COM", "R", "Doc."};
  es.stopwords = {"el", "los", "las", "del", "y", "para", "por", "una", "con", "que", "se", "la"};
  es.sectors = {{"UIT-T", "ITU-T"}, {"UIT-R", "ITU-R"}};
  es.recommendation_before = {"Recomendación ", "Recomendaciones "};
  tables.push_back(es);

  LanguageTable ru;
  ru.language = "ru";
  ru.labels = {{F::kReference, "Осн."},  {F::kContact, "Для контактов"},
               {F::kTel, "Тел."},        {F::kFax, "Факс"},
               {F::kEmail, "Эл. почта"}, {F::kWeb, "Веб-сайт"},
               {F::kTo, "Кому"},         {F::kCopy, "Копии"},
               {F::kSubject, "Предмет"}};
  ru.salutations = {"Уважаемая госпожа", "Уважаемый господин", "Уважаем"};
  ru.closings = {"С уважением"};
  ru.signature_titles = {"Директор", "Генеральный секретарь"};
  ru.annex_words = {"Приложение", "ПРИЛОЖЕНИЕ"};
  ru.agenda_words = {"повестк", "Повестк"};
  ru.issuers = {{"БСЭ", "TSB"}, {"БРЭ", "BDT"}, {"БР", "BR"}};
  // Nominative, then the cases an addendum names its letter in ("Добавление 1
  // к Коллективному письму"); "Циркуляр" is the stem of all its cases.
  ru.kinds = {{"Коллективное письмо", "collective-letter"},
              {"Коллективному письму", "collective-letter"},
              {"Коллективного письма", "collective-letter"},
              {"Циркуляр", "circular"},
              {"Письмо", "letter"}};
  ru.addendum_words = {"Добавление"};
  ru.corrigendum_words = {"Исправление"};
  ru.bodies = {{"", "-й Исследовательской комиссии", "ITU-T SG#", false},
               {"Исследовательской комиссии ", "", "ITU-T SG#", false},
               {"ИК", "", "ITU-T SG#", false},
               {"Рабочей группы ", "", "ITU-T WP#", true}};
  ru.body_connectors = {};
  ru.meeting_words = {"собрание", "Собрание", "заседание"};
  ru.modes = {{"гибридн", "hybrid"},
              {"виртуальн", "virtual"},
              {"очн", "in-person"},
              {"штаб-квартир", "in-person"}};
  ru.opening_words = {"откроется", "начнется", "начнётся"};
  ru.event_markers = {" состоится", " пройдет", " пройдёт"};
  // Stems, in both cases: only ASCII letters are matched in any case.
  ru.event_words = {
      "сесси",      "Сесси",   "собрани",  "Собрани",   "семинар",   "Семинар",    "форум",
      "Форум",      "вебинар", "Вебинар",  "симпозиум", "Симпозиум", "мероприяти", "Мероприяти",
      "брифинг",    "Брифинг", "совещани", "Совещани",  "заседани",  "Заседани",   "конференци",
      "Конференци", "саммит",  "Саммит",   "курс",      "Курс"};
  ru.deadline_actions = {"представлени",    "Представлени",   "регистраци", "Регистраци",
                         "запрос",          "Запрос",         "заявк",      "Заявк",
                         "ответ",           "Ответ",          "комментари", "Комментари",
                         "предельный срок", "Предельный срок"};
  ru.deadline_words = {"Предельный срок", "Предельные сроки", "предельный срок",
                       "предельные сроки"};
  ru.deadline_before_date = {"не позднее", "до "};
  ru.roman_item_numerals = true;
  ru.item_marks = {".", ")", "–", "—", "-", ":"};
  ru.item_brackets = {{"(", ")"}};
  ru.document_prefixes = {"Отчет", "TD", "C", "COM", "R"};
  ru.sectors = {{"МСЭ-Т", "ITU-T"}, {"МСЭ-R", "ITU-R"}};
  ru.recommendation_before = {"Рекомендация ", "Рекомендации ", "Рекомендацией "};
  tables.push_back(ru);

  LanguageTable ar;
  ar.language = "ar";
  ar.labels = {
      {F::kReference, "المرجع"}, {F::kContact, "جهة الاتصال"},     {F::kTel, "الهاتف"},
      {F::kFax, "الفاكس"},       {F::kEmail, "البريد الإلكتروني"}, {F::kWeb, "الموقع الإلكتروني"},
      {F::kTo, "إلى"},           {F::kCopy, "نسخة إلى"},           {F::kSubject, "الموضوع"}};
  ar.salutations = {"حضرات السادة والسيدات", "حضرات", "السيد"};
  ar.closings = {"وتفضلوا بقبول", "مع أطيب التحيات"};
  ar.signature_titles = {"مدير", "الأمين العام"};
  ar.annex_words = {"الملحق"};
  ar.agenda_words = {"جدول الأعمال"};
  ar.issuers = {{"مكتب تقييس الاتصالات", "TSB"},
                {"مكتب الاتصالات الراديوية", "BR"},
                {"مكتب تنمية الاتصالات", "BDT"}};
  // With the article, and after the preposition "لـ" that an addendum names its
  // letter with ("الإضافة 1 للرسالة الجماعية").
  ar.kinds = {{"الرسالة الجماعية", "collective-letter"},
              {"للرسالة الجماعية", "collective-letter"},
              {"الرسالة المعممة", "circular"},
              {"للرسالة المعممة", "circular"}};
  ar.addendum_words = {"الإضافة"};
  ar.corrigendum_words = {"التصويب"};
  ar.bodies = {{"لجنة الدراسات ", "", "ITU-T SG#", false}};
  ar.meeting_words = {"اجتماع"};
  ar.modes = {{"هجين", "hybrid"}, {"افتراضي", "virtual"}, {"مقر الاتحاد", "in-person"}};
  // "يبدأ" / "تبدأ" also in the future ("سيبدأ الاجتماع").
  ar.opening_words = {"افتتاح", "يبدأ", "تبدأ"};
  // The future verb, also with the conjunction "و" attached; a verb that
  // opens a sentence is found there too (see ReadMarkedEvents), and vowel
  // marks ("ستُعقد") are ignored wherever table words are matched.
  ar.event_markers = {" سيعقد", " ستعقد", " وسيعقد", " وستعقد"};
  ar.event_words = {"اجتماع", "ورشة عمل", "منتدى", "ندوة",  "دورة",
                    "جلسة",   "مؤتمر",    "قمة",   "فعالية"};
  ar.deadline_actions = {"تقديم", "التسجيل", "تسجيل",   "طلب",
                         "الرد",  "الردود",  "تعليقات", "الموعد النهائي"};
  ar.deadline_words = {"المواعيد النهائية", "الموعد النهائي"};
  ar.deadline_before_date = {"في موعد أقصاه"};
  ar.item_brackets = {{"(", ")"}};
  ar.document_prefixes = {"TD", "C", "COM", "R"};
  ar.recommendation_before = {"التوصية "};
  tables.push_back(ar);

  return tables;
}

}  // namespace

const std::vector<LanguageTable>& LanguageTables() {
  static const std::vector<LanguageTable> tables = BuildTables();
  return tables;
}

const LanguageTable& TableFor(std::string_view language) {
  for (const LanguageTable& table : LanguageTables()) {
    if (table.language == language) return table;
  }
  return LanguageTables()[1];
}

}  // namespace missive
