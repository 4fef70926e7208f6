#include "emit/emit.h"

#include <nlohmann/json.hpp>

namespace missive {

extern const char* const kSchemaText;

namespace {

// ordered_json keeps the contract's key order, which people reading the
// output (and diffing it) rely on.
using Json = nlohmann::ordered_json;

Json Opt(const OptString& value) { return value ? Json(*value) : Json(nullptr); }

Json Strings(const std::vector<std::string>& values) {
  Json array = Json::array();
  for (const auto& value : values) array.push_back(value);
  return array;
}

Json ToJson(const Warning& warning) {
  return Json{{"code", warning.code}, {"message", warning.message}};
}

Json ToJson(const Properties& p) {
  return Json{{"title", Opt(p.title)},
              {"creator", Opt(p.creator)},
              {"last_modified_by", Opt(p.last_modified_by)},
              {"created", Opt(p.created)},
              {"modified", Opt(p.modified)}};
}

Json ToJson(const LetterFields& l) {
  Json reference = nullptr;
  if (l.reference) {
    const Reference& r = *l.reference;
    reference = Json{{"text", r.text},       {"issuer", Opt(r.issuer)}, {"kind", Opt(r.kind)},
                     {"number", Opt(r.number)}, {"file", Opt(r.file)},  {"key", Opt(r.key)}};
  }
  Json contact = nullptr;
  if (l.contact) {
    const Contact& c = *l.contact;
    contact = Json{{"name", Opt(c.name)}, {"tel", Opt(c.tel)},  {"fax", Opt(c.fax)},
                   {"email", Opt(c.email)}, {"web", Opt(c.web)}};
  }
  Json signature = nullptr;
  if (l.signature) signature = Json{{"name", l.signature->name}, {"title", Opt(l.signature->title)}};
  return Json{{"place", Opt(l.place)},
              {"date", Opt(l.date)},
              {"reference", reference},
              {"addressees", Strings(l.addressees)},
              {"copies", Strings(l.copies)},
              {"contact", contact},
              {"subject", Opt(l.subject)},
              {"salutation", Opt(l.salutation)},
              {"closing", Opt(l.closing)},
              {"signature", signature}};
}

Json ToJson(const Meeting& m) {
  return Json{{"body", m.body},         {"body_key", Opt(m.body_key)}, {"start", Opt(m.start)},
              {"end", Opt(m.end)},      {"mode", Opt(m.mode)},         {"location", Opt(m.location)},
              {"opening", Opt(m.opening)}, {"timezone", Opt(m.timezone)}};
}

Json ToJson(const Event& e) {
  return Json{{"title", e.title},     {"date", Opt(e.date)},         {"start", Opt(e.start)},
              {"end", Opt(e.end)},    {"timezone", Opt(e.timezone)}, {"url", Opt(e.url)},
              {"text", e.text}};
}

Json ToJson(const Agenda& a) {
  Json items = Json::array();
  for (const AgendaItem& item : a.items) {
    items.push_back(Json{{"number", item.number},
                         {"level", item.level},
                         {"parent", Opt(item.parent)},
                         {"title", item.title},
                         {"documents", Strings(item.documents)},
                         {"notes", Opt(item.notes)}});
  }
  return Json{{"title", Opt(a.title)}, {"annex", Opt(a.annex)}, {"items", std::move(items)}};
}

Json ToJson(const OutputBlock& b) {
  if (b.type == "table") {
    Json rows = Json::array();
    for (const auto& row : b.rows) rows.push_back(Strings(row));
    return Json{{"type", b.type}, {"rows", std::move(rows)}};
  }
  if (b.type == "heading") return Json{{"type", b.type}, {"level", b.level}, {"text", b.text}};
  return Json{{"type", b.type},
              {"text", b.text},
              {"style", b.style.empty() ? Json(nullptr) : Json(b.style)}};
}

Json ToJson(const OutputNote& n) {
  return Json{{"kind", n.kind}, {"id", n.id}, {"text", n.text}};
}

template <typename T>
Json Array(const std::vector<T>& values) {
  Json array = Json::array();
  for (const T& value : values) array.push_back(ToJson(value));
  return array;
}

}  // namespace

std::string EmitJson(const LetterRecord& r, JsonStyle style) {
  Json error = nullptr;
  if (r.error) error = Json{{"code", ErrorCodeName(r.error->code)}, {"message", r.error->message}};
  Json deadlines = Json::array();
  for (const Deadline& d : r.deadlines) deadlines.push_back(Json{{"date", d.date}, {"text", d.text}});
  Json annexes = Json::array();
  for (const Annex& a : r.annexes) annexes.push_back(Json{{"label", a.label}, {"title", Opt(a.title)}});

  Json json{
      {"schema_version", kSchemaVersion},
      {"id", r.id},
      {"source",
       Json{{"path", r.source.path},
            {"size", r.source.size},
            {"sha256", r.source.sha256},
            {"format", r.source.format}}},
      {"status", r.ok() ? "ok" : "error"},
      {"error", error},
      {"warnings", Array(r.warnings)},
      {"language", Opt(r.language)},
      {"properties", r.properties ? ToJson(*r.properties) : Json(nullptr)},
      {"letter", r.letter ? ToJson(*r.letter) : Json(nullptr)},
      {"meeting", r.meeting ? ToJson(*r.meeting) : Json(nullptr)},
      {"deadlines", std::move(deadlines)},
      {"events", Array(r.events)},
      {"agenda", r.agenda ? ToJson(*r.agenda) : Json(nullptr)},
      {"annexes", std::move(annexes)},
      {"recommendations", Strings(r.recommendations)},
      {"urls", Strings(r.urls)},
      {"blocks", Array(r.blocks)},
      {"text", Opt(r.text)},
      {"notes", Array(r.notes)},
  };
  const int indent = style == JsonStyle::kPretty ? 2 : -1;
  // An archive may hold text that is not valid UTF-8; replacing beats failing.
  return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string_view SchemaText() { return kSchemaText; }

}  // namespace missive
