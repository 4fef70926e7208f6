// CutElement: Word's latent styles are cut out of styles.xml before it is
// parsed, only where every '<' up to the element's end plainly starts a tag.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "extract/package.h"

namespace missive::extract_internal {
namespace {

struct Result {
  std::string xml;  // after the cut
  Cut cut;
};

Result CutLatentStyles(std::string xml) {
  std::size_t size = xml.size();
  const Cut cut = CutElement(xml.data(), &size, "latentStyles");
  xml.resize(size);
  return {xml, cut};
}

constexpr std::string_view kDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

TEST(CutElement, RemovesTheLatentStylesOfAWordStylesPart) {
  const std::string before =
      std::string(kDeclaration) +
      "<w:styles xmlns:w=\"urn:w\"><w:docDefaults><w:rPrDefault/></w:docDefaults>";
  const std::string latent =
      "<w:latentStyles w:defLockedState=\"0\" w:count=\"376\">"
      "<w:lsdException w:name=\"Normal\" w:uiPriority=\"0\" w:qFormat=\"1\"/>"
      "<w:lsdException w:name=\"heading 1\" w:uiPriority=\"9\"/></w:latentStyles >";
  const std::string after = "<w:style w:styleId=\"Normal\"/></w:styles>";
  const Result result = CutLatentStyles(before + latent + after);
  EXPECT_EQ(result.xml, before + after);
  EXPECT_EQ(result.cut.offset, before.size());
  EXPECT_EQ(result.cut.length, latent.size());
}

TEST(CutElement, FindsTheElementUnderAnyPrefixAfterAByteOrderMark) {
  const std::string xml = "\xEF\xBB\xBF" + std::string(kDeclaration) +
                          "<s:styles xmlns:s=\"urn:w\"><s:latentStyles s:count=\"a>b\"/>"
                          "<s:style/></s:styles>";
  EXPECT_EQ(CutLatentStyles(xml).xml, "\xEF\xBB\xBF" + std::string(kDeclaration) +
                                          "<s:styles xmlns:s=\"urn:w\"><s:style/></s:styles>");
  // Without a prefix, and the '>' inside a quoted value is no tag end.
  EXPECT_EQ(CutLatentStyles("<styles><latentStyles a='>'><x/></latentStyles></styles>").xml,
            "<styles></styles>");
}

TEST(CutElement, LeavesAnythingItCannotReadPlainly) {
  const std::string untouched[] = {
      // No such element, or only a longer name.
      "<w:styles><w:latentStylesX/></w:styles>",
      "<w:styles><w:style/></w:styles>",
      // A DTD, a comment or a processing instruction before it: the '<'
      // might not start a tag, and LoadXmlPart must still see a DTD.
      "<!DOCTYPE w [<!ENTITY a 'b'>]><w:styles><w:latentStyles/></w:styles>",
      "<w:styles><!-- <w:latentStyles> --><w:latentStyles/></w:styles>",
      "<w:styles><?pi <w:latentStyles/>?><w:latentStyles/></w:styles>",
      // Inside it: a comment, CDATA, the same name nested, no end.
      "<w:styles><w:latentStyles><!-- </w:latentStyles> --></w:latentStyles></w:styles>",
      "<w:styles><w:latentStyles><![CDATA[x]]></w:latentStyles></w:styles>",
      "<w:styles><w:latentStyles><w:latentStyles/></w:latentStyles></w:styles>",
      "<w:styles><w:latentStyles><w:lsdException/>",
      "<w:styles><w:latentStyles a=\"1\"",
      "<w:styles><w:latentStyles></w:latentStyles",
      // An end tag of another prefix does not close it.
      "<w:styles><w:latentStyles></x:latentStyles></w:styles>",
      "<",
      "",
  };
  for (const std::string& xml : untouched) {
    const Result result = CutLatentStyles(xml);
    EXPECT_EQ(result.xml, xml);
    EXPECT_EQ(result.cut.length, 0u) << xml;
  }
}

}  // namespace
}  // namespace missive::extract_internal
