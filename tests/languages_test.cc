// One collective letter in the six ITU languages (as text exports, written
// for this test from the Chinese seed letter): every version must give the
// same language-independent values: reference key, meeting body key, dates,
// mode and opening time. The language-specific wording comes from
// recognize/tables.cc, so this is what "a new language is a table" means.
#include <gtest/gtest.h>

#include <string>

#include "cli/convert.h"

namespace missive {
namespace {

struct LanguageCase {
  std::string language;
  std::string text;
  std::string salutation;
  std::string closing;
  std::string place;
};

const LanguageCase kCases[] = {
    {"en",
     "Geneva, 12 January 2021\n"
     "\n"
     "\tRef:\n\tTSB Collective letter 11/20\nSG20/CB\n"
     "\n"
     "\tTo:\n\t- Administrations of Member States of the Union;\n- ITU-T Sector Members\n"
     "\n"
     "\tTel:\n\t+41 22 730 6301\n"
     "\n"
     "\tE-mail:\n\ttsbsg20@itu.int\n"
     "\n"
     "\tSubject:\n\tVirtual meeting of ITU-T Study Group 20, 17-27 May 2021\n"
     "\n"
     "\n"
     "Dear Sir/Madam,\n"
     "I have the pleasure to invite you to attend the next meeting of Study Group 20, which is "
     "planned to take place in a fully virtual format from 17 to 27 May 2021.\n"
     "The meeting will open at 1100 hours (Geneva time) on the first day.\n"
     "Key deadlines:\n"
     "17 March 2021\t–\tSubmit ITU-T Member contributions for which translation is requested\n"
     "4 May 2021\t–\tSubmit ITU-T Member contributions\n"
     "Yours faithfully,\n",
     "Dear Sir/Madam,", "Yours faithfully,", "Geneva"},
    {"fr",
     "Genève, le 12 janvier 2021\n"
     "\n"
     "\tRéf.:\n\tLettre collective 11/20 du TSB\nSG20/CB\n"
     "\n"
     "\tAux:\n\t- Administrations des États Membres de l'Union;\n- Membres du Secteur de l'UIT-T\n"
     "\n"
     "\tTél.:\n\t+41 22 730 6301\n"
     "\n"
     "\tCourriel:\n\ttsbsg20@itu.int\n"
     "\n"
     "\tObjet:\n\tRéunion virtuelle de la Commission d'études 20 de l'UIT-T, 17-27 mai 2021\n"
     "\n"
     "\n"
     "Madame, Monsieur,\n"
     "J'ai l'honneur de vous inviter à participer à la prochaine réunion de la Commission "
     "d'études 20, qui se tiendra sous forme entièrement virtuelle du 17 au 27 mai 2021.\n"
     "La réunion s'ouvrira à 11 heures (heure de Genève) le premier jour.\n"
     "Dates limites:\n"
     "17 mars 2021\t–\tSoumission des contributions des Membres de l'UIT-T pour lesquelles "
     "une traduction est demandée\n"
     "4 mai 2021\t–\tSoumission des contributions des Membres de l'UIT-T\n"
     "Veuillez agréer, Madame, Monsieur, l'assurance de ma considération distinguée.\n",
     "Madame, Monsieur,",
     "Veuillez agréer, Madame, Monsieur, l'assurance de ma considération distinguée.", "Genève"},
    {"es",
     "Ginebra, 12 de enero de 2021\n"
     "\n"
     "\tRef.:\n\tCarta Colectiva TSB 11/20\nSG20/CB\n"
     "\n"
     "\tA las:\n\t- Administraciones de los Estados Miembros de la Unión;\n- Miembros del Sector "
     "UIT-T\n"
     "\n"
     "\tTeléfono:\n\t+41 22 730 6301\n"
     "\n"
     "\tCorreo-e:\n\ttsbsg20@itu.int\n"
     "\n"
     "\tAsunto:\n\tReunión virtual de la Comisión de Estudio 20 del UIT-T, 17-27 de mayo de 2021\n"
     "\n"
     "\n"
     "Muy Señora mía/Muy Señor mío:\n"
     "Tengo el honor de invitarle a participar en la próxima reunión de la Comisión de Estudio "
     "20, que se celebrará de forma totalmente virtual del 17 al 27 de mayo de 2021.\n"
     "La reunión comenzará a las 11.00 horas (hora de Ginebra) el primer día.\n"
     "Plazos:\n"
     "17 de marzo de 2021\t–\tPresentación de contribuciones de los Miembros del UIT-T para "
     "las que se solicita traducción\n"
     "4 de mayo de 2021\t–\tPresentación de contribuciones de los Miembros del UIT-T\n"
     "Atentamente,\n",
     "Muy Señora mía/Muy Señor mío:", "Atentamente,", "Ginebra"},
    {"ru",
     "Женева, 12 января 2021 года\n"
     "\n"
     "\tОсн.:\n\tКоллективное письмо БСЭ 11/20\nSG20/CB\n"
     "\n"
     "\tКому:\n\t- Администрациям Государств – Членов Союза;\n- Членам Сектора МСЭ-Т\n"
     "\n"
     "\tТел.:\n\t+41 22 730 6301\n"
     "\n"
     "\tЭл. почта:\n\ttsbsg20@itu.int\n"
     "\n"
     "\tПредмет:\n\tВиртуальное собрание 20-й Исследовательской комиссии МСЭ-Т, 17–27 мая "
     "2021 года\n"
     "\n"
     "\n"
     "Уважаемая госпожа,\n"
     "Уважаемый господин,\n"
     "Имею честь пригласить вас принять участие в следующем собрании 20-й Исследовательской "
     "комиссии, которое планируется провести в полностью виртуальном формате с 17 по 27 мая "
     "2021 года.\n"
     "Собрание откроется в 11 час. 00 мин. по женевскому времени в первый день.\n"
     "Предельные сроки:\n"
     "17 марта 2021 года\t–\tПредставление вкладов Членов МСЭ-Т, для которых требуется "
     "письменный перевод\n"
     "4 мая 2021 года\t–\tПредставление вкладов Членов МСЭ-Т\n"
     "С уважением,\n",
     "Уважаемая госпожа,", "С уважением,", "Женева"},
    {"ar",
     "جنيف، 12 يناير 2021\n"
     "\n"
     "\tالمرجع:\n\tالرسالة الجماعية 11/20 لمكتب تقييس الاتصالات\nSG20/CB\n"
     "\n"
     "\tإلى:\n\t- إدارات الدول الأعضاء في الاتحاد؛\n- أعضاء قطاع تقييس الاتصالات\n"
     "\n"
     "\tالهاتف:\n\t+41 22 730 6301\n"
     "\n"
     "\tالبريد الإلكتروني:\n\ttsbsg20@itu.int\n"
     "\n"
     "\tالموضوع:\n\tاجتماع افتراضي للجنة الدراسات 20 لقطاع تقييس الاتصالات، من 17 إلى 27 "
     "مايو 2021\n"
     "\n"
     "\n"
     "حضرات السادة والسيدات،\n"
     "يسرني أن أدعوكم إلى المشاركة في الاجتماع القادم للجنة الدراسات 20 الذي سيُعقد بشكل "
     "افتراضي بالكامل من 17 إلى 27 مايو 2021.\n"
     "سيكون الافتتاح في الساعة 11:00 بتوقيت جنيف في اليوم الأول.\n"
     "المواعيد النهائية:\n"
     "17 مارس 2021\t–\tتقديم مساهمات الأعضاء التي تتطلب ترجمة\n"
     "4 مايو 2021\t–\tتقديم مساهمات الأعضاء\n"
     "وتفضلوا بقبول فائق التقدير والاحترام.\n",
     "حضرات السادة والسيدات،", "وتفضلوا بقبول فائق التقدير والاحترام.", "جنيف"},
};

class LanguagesTest : public ::testing::TestWithParam<LanguageCase> {
 protected:
  LetterRecord Convert() const {
    return ConvertBytes(GetParam().text, "letter-" + GetParam().language + ".txt");
  }
};

TEST_P(LanguagesTest, LanguageIsDetected) { EXPECT_EQ(Convert().language, GetParam().language); }

TEST_P(LanguagesTest, ReferenceKeyIsTheSameInEveryLanguage) {
  LetterRecord record = Convert();
  ASSERT_TRUE(record.letter && record.letter->reference);
  const Reference& reference = *record.letter->reference;
  EXPECT_EQ(reference.issuer, "TSB");
  EXPECT_EQ(reference.kind, "collective-letter");
  EXPECT_EQ(reference.number, "11/20");
  EXPECT_EQ(reference.file, "SG20/CB");
  EXPECT_EQ(reference.key, "TSB Collective Letter 11/20");
}

TEST_P(LanguagesTest, PlaceDateSalutationAndClosing) {
  LetterRecord record = Convert();
  ASSERT_TRUE(record.letter);
  EXPECT_EQ(record.letter->date, "2021-01-12");
  EXPECT_EQ(record.letter->place, GetParam().place);
  EXPECT_EQ(record.letter->salutation, GetParam().salutation);
  EXPECT_EQ(record.letter->closing, GetParam().closing);
  EXPECT_EQ(record.letter->addressees.size(), 2u);
  ASSERT_TRUE(record.letter->contact);
  EXPECT_EQ(record.letter->contact->tel, "+41 22 730 6301");
  EXPECT_EQ(record.letter->contact->email, "tsbsg20@itu.int");
}

TEST_P(LanguagesTest, MeetingIsStudyGroup20VirtualOpeningAtElevenGenevaTime) {
  LetterRecord record = Convert();
  ASSERT_TRUE(record.meeting);
  EXPECT_EQ(record.meeting->body_key, "ITU-T SG20");
  EXPECT_EQ(record.meeting->start, "2021-05-17");
  EXPECT_EQ(record.meeting->end, "2021-05-27");
  EXPECT_EQ(record.meeting->mode, "virtual");
  EXPECT_EQ(record.meeting->opening, "2021-05-17T11:00:00+02:00");
  EXPECT_EQ(record.meeting->timezone, "Europe/Zurich");
  EXPECT_TRUE(record.events.empty());
}

TEST_P(LanguagesTest, TwoDeadlines) {
  LetterRecord record = Convert();
  ASSERT_EQ(record.deadlines.size(), 2u);
  EXPECT_EQ(record.deadlines[0].date, "2021-03-17");
  EXPECT_EQ(record.deadlines[1].date, "2021-05-04");
}

INSTANTIATE_TEST_SUITE_P(Six, LanguagesTest, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.language; });

}  // namespace
}  // namespace missive
