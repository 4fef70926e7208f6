#!/usr/bin/env python3
"""Writes hostile and broken inputs for missive, one generator per case.

Every case is built at test time (nothing big is checked in) by a small raw
zip writer that can lie where real writers do not: declared sizes, shared
local headers, duplicate and path-traversal names, encryption flags.
CASES maps each case name to its generator and what missive must answer;
check_bad.py runs the real binary on one case and asserts that answer, the
time bound and the peak memory.

Standard library only. Deterministic (fixed seeds), so failures reproduce.

Usage: make_bad.py OUT_DIR [CASE...]   writes the file cases (all by default)
       make_bad.py --list              prints the case names
"""

import os
import random
import struct
import sys
import zlib
from pathlib import Path

MiB = 1 << 20

# The defaults in extract/extract.h that the limit cases cross.
DEFAULT_MAX_PARAGRAPHS = 200_000
DEFAULT_MAX_ZIP_ENTRIES = 10_000

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_TYPE = NS_R
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

# ---------------------------------------------------------------------------
# A raw zip writer.


class Entry:
    """One zip entry. Fields left None take their true values."""

    def __init__(self, name, data=b"", method=8, *, declared_size=None,
                 compressed=None, crc=None, flags=0, shares=None):
        self.name = name.encode("utf-8") if isinstance(name, str) else name
        self.data = data.encode("utf-8") if isinstance(data, str) else data
        self.method = method
        self.declared_size = declared_size
        self.compressed = compressed  # ready compressed bytes (with crc and size)
        self.crc = crc
        self.flags = flags
        self.shares = shares  # index of an earlier entry whose local header this one reuses


def deflate(data):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def build_zip(entries):
    out = bytearray()
    central = bytearray()
    offsets, records = [], []
    for entry in entries:
        if entry.shares is not None:
            offset, crc, csize, usize = records[entry.shares]
        else:
            if entry.compressed is not None:
                payload, crc, usize = entry.compressed
            else:
                payload = deflate(entry.data) if entry.method == 8 else entry.data
                crc, usize = zlib.crc32(entry.data), len(entry.data)
            if entry.crc is not None:
                crc = entry.crc
            if entry.declared_size is not None:
                usize = entry.declared_size
            csize = len(payload)
            offset = len(out)
            out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, entry.flags | 0x800,
                               entry.method, 0, 0x21, crc, csize, usize, len(entry.name), 0)
            out += entry.name + payload
        offsets.append(offset)
        records.append((offset, crc, csize, usize))
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, entry.flags | 0x800,
                               entry.method, 0, 0x21, crc, csize, usize, len(entry.name), 0,
                               0, 0, 0, 0, offset)
        central += entry.name
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                       start, 0)
    return bytes(out)


# ---------------------------------------------------------------------------
# The pieces of a minimal WordprocessingML package.


def document_xml(body):
    return (XML_DECL + f'<w:document xmlns:w="{NS_W}" xmlns:r="{NS_R}"><w:body>{body}'
            "</w:body></w:document>")


def paragraph(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def relationships(*rels):
    items = "".join(f'<Relationship Id="{rid}" Type="{REL_TYPE}/{kind}" Target="{target}"/>'
                    for rid, kind, target in rels)
    return XML_DECL + f'<Relationships xmlns="{PKG_REL}">{items}</Relationships>'


CONTENT_TYPES = (
    XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')

PACKAGE_RELS = relationships(("rId1", "officeDocument", "word/document.xml"))


def docx(document, extra=(), method=8):
    """A package whose main part holds `document` (the whole part, as text or bytes)."""
    return build_zip([Entry("[Content_Types].xml", CONTENT_TYPES),
                      Entry("_rels/.rels", PACKAGE_RELS),
                      Entry("word/document.xml", document, method), *extra])


def letter_body(paragraphs):
    return "".join(paragraph(f"Paragraph {i}: the study group meets in Geneva on 17 May 2021.")
                   for i in range(paragraphs))


def random_letters(size, seed):
    """`size` bytes of letters a-p: random, so they compress only about 2:1."""
    raw = random.Random(seed).randbytes(size)
    return raw.translate(bytes(ord("a") + (b & 15) for b in range(256)))


# ---------------------------------------------------------------------------
# OLE2 compound files (legacy .doc, password-protected .docx).


def ole2(stream_names):
    sector = 512
    data = bytearray(sector * 3)

    def put32(offset, value):
        data[offset:offset + 4] = struct.pack("<I", value)

    def put16(offset, value):
        data[offset:offset + 2] = struct.pack("<H", value)

    data[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    put16(0x18, 0x3E)
    put16(0x1A, 3)
    put16(0x1C, 0xFFFE)
    put16(0x1E, 9)
    put16(0x20, 6)
    put32(0x2C, 1)
    put32(0x30, 1)
    put32(0x38, 4096)
    put32(0x3C, 0xFFFFFFFE)
    put32(0x44, 0xFFFFFFFE)
    put32(0x4C, 0)
    for i in range(1, 109):
        put32(0x4C + 4 * i, 0xFFFFFFFF)
    for i in range(sector // 4):
        put32(sector + 4 * i, 0xFFFFFFFF)
    put32(sector, 0xFFFFFFFD)
    put32(sector + 4, 0xFFFFFFFE)
    for i, name in enumerate(["Root Entry", *stream_names][:4]):
        entry = 2 * sector + 128 * i
        encoded = name.encode("utf-16-le")
        data[entry:entry + len(encoded)] = encoded
        put16(entry + 64, len(encoded) + 2)
        data[entry + 66] = 5 if i == 0 else 2
    return bytes(data)


# ---------------------------------------------------------------------------
# The cases. Each generator returns the bytes of one file.


def zero_bomb(size):
    """`size` zero bytes deflated (about 1000:1), built from one repeated
    full-flush block so that even 1 GiB takes milliseconds."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(b"\0" * MiB) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(b"\0" * MiB) + c.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    payload = block * (size // MiB) + c.flush()
    crc = 0
    zeros = b"\0" * MiB
    for _ in range(size // MiB):
        crc = zlib.crc32(zeros, crc)
    return payload, crc


def case_zip_bomb():
    payload, crc = zero_bomb(1 << 30)
    return build_zip([
        Entry("[Content_Types].xml", CONTENT_TYPES), Entry("_rels/.rels", PACKAGE_RELS),
        Entry("word/document.xml", compressed=(payload, crc, 1 << 30))])


def case_zip_bomb_declared_tiny():
    payload, crc = zero_bomb(1 << 30)
    return build_zip([
        Entry("[Content_Types].xml", CONTENT_TYPES), Entry("_rels/.rels", PACKAGE_RELS),
        Entry("word/document.xml", compressed=(payload, crc, 1000))])


def case_declared_huge_real_tiny():
    return build_zip([
        Entry("[Content_Types].xml", CONTENT_TYPES), Entry("_rels/.rels", PACKAGE_RELS),
        Entry("word/document.xml", document_xml(paragraph("tiny")), declared_size=0xFFFFFFF0)])


def case_overlapping_entries():
    # D. Fifield's non-recursive bomb: many central directory records share
    # one local entry. Each header part inflates 4 MiB at about 2:1 (under
    # max_compression_ratio), so only max_inflated_bytes stops the total.
    header = (XML_DECL + f'<w:hdr xmlns:w="{NS_W}"><w:p><w:r><w:t>').encode() + \
        random_letters(4 * MiB, 6) + b"</w:t></w:r></w:p></w:hdr>"
    count = 60
    rels = [(f"rId{i + 1}", "header", f"header{i}.xml") for i in range(count)]
    entries = [Entry("[Content_Types].xml", CONTENT_TYPES), Entry("_rels/.rels", PACKAGE_RELS),
               Entry("word/document.xml", document_xml(paragraph("text"))),
               Entry("word/_rels/document.xml.rels", relationships(*rels)),
               Entry("word/header0.xml", header)]
    shared = len(entries) - 1
    entries += [Entry(f"word/header{i}.xml", shares=shared) for i in range(1, count)]
    return build_zip(entries)


def case_xml_tree_bomb():
    # Tiny elements with random names: about 4:1 compressed, but each 5-byte
    # <xy/> costs pugixml a 64-byte node, so the parsed tree would balloon.
    # They sit in a header, which is read as a tree (the body is streamed
    # from its bytes and builds none).
    count = 2_000_000
    names = random_letters(2 * count, 7)
    soup = bytearray(b"<xy/>" * count)
    soup[1::5] = names[0::2]
    soup[2::5] = names[1::2]
    header = (XML_DECL + f'<w:hdr xmlns:w="{NS_W}">').encode() + bytes(soup) + b"</w:hdr>"
    return docx(document_xml(paragraph("body")),
                [Entry("word/_rels/document.xml.rels",
                       relationships(("rId1", "header", "header1.xml"))),
                 Entry("word/header1.xml", header)])


def deep_nesting(levels):
    pairs = levels // 2
    return document_xml("<w:sdt><w:sdtContent>" * pairs + paragraph("deep") +
                        "</w:sdtContent></w:sdt>" * pairs)


def case_deep_nesting_200000():
    # Stored, so that the depth limit, not the ratio, is what stops it.
    return docx(deep_nesting(200_000), method=0)


def case_deep_nesting_deflated():
    return docx(deep_nesting(200_000))


def case_deep_nesting_utf16():
    return docx(("\ufeff" + deep_nesting(200_000).replace('encoding="UTF-8"', 'encoding="UTF-16"'))
                .encode("utf-16-le"), method=0)


def case_too_many_paragraphs():
    # Paragraphs and cells count together: DEFAULT_MAX_PARAGRAPHS / 2 + 1
    # cells, each holding a paragraph. Stored: it compresses beyond 100:1.
    cells = DEFAULT_MAX_PARAGRAPHS // 2 + 1
    row = "<w:tr>" + "<w:tc><w:p/></w:tc>" * 100 + "</w:tr>"
    return docx(document_xml("<w:tbl>" + row * (cells // 100 + 1) + "</w:tbl>"), method=0)


def case_too_many_entries():
    entries = [Entry("[Content_Types].xml", CONTENT_TYPES), Entry("_rels/.rels", PACKAGE_RELS),
               Entry("word/document.xml", document_xml(paragraph("x")))]
    entries += [Entry(f"word/media/image{i}.png", b"", method=0)
                for i in range(DEFAULT_MAX_ZIP_ENTRIES)]
    return build_zip(entries)


def case_zip64_huge_entry_count():
    # A ZIP64 end record claiming 2^40 entries over an empty directory: the
    # count must not be trusted for an allocation.
    count = 1 << 40
    record = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, count * 46, 0)
    locator = struct.pack("<IIQI", 0x07064B50, 0, 30, 1)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return b"PK\x03\x04" + bytes(26) + record + locator + end


def case_billion_laughs():
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10))
    part = (XML_DECL + f"<!DOCTYPE w:document [{entities}]>" +
            document_xml(paragraph("&lol9;"))[len(XML_DECL):])
    return docx(part)


def case_dtd_in_relationships():
    rels = PACKAGE_RELS.replace(XML_DECL, XML_DECL + '<!DOCTYPE r [<!ENTITY x "y">]>')
    return build_zip([Entry("[Content_Types].xml", CONTENT_TYPES), Entry("_rels/.rels", rels),
                      Entry("word/document.xml", document_xml(paragraph("x")))])


def case_utf32_part():
    return docx(document_xml(paragraph("x")).replace('encoding="UTF-8"', 'encoding="UTF-32"')
                .encode("utf-32-le"))


def case_duplicate_entry_names():
    return build_zip([Entry("[Content_Types].xml", CONTENT_TYPES),
                      Entry("_rels/.rels", PACKAGE_RELS),
                      Entry("word/document.xml", document_xml(paragraph("first"))),
                      Entry("word/document.xml", document_xml(paragraph("second")))])


def case_duplicate_names_by_case():
    return build_zip([Entry("[Content_Types].xml", CONTENT_TYPES),
                      Entry("_rels/.rels", PACKAGE_RELS),
                      Entry("word/document.xml", document_xml(paragraph("first"))),
                      Entry("WORD/Document.XML", document_xml(paragraph("second")))])


SECRET = "SECRET-FROM-A-TRAVERSAL-ENTRY"


def case_path_traversal_entries():
    # Entries named to escape an extraction folder. missive never writes
    # entries anywhere and never reads them unless a relationship names
    # them, so the letter converts and none of their text appears.
    evil = document_xml(paragraph(SECRET))
    return docx(document_xml(paragraph("The letter itself.")), extra=[
        Entry("../../etc/passwd", evil), Entry("/etc/passwd", evil),
        Entry("..\\..\\windows\\win.ini", evil), Entry("word/../../evil.xml", evil)])


def case_path_traversal_target():
    rels = relationships(("rId1", "officeDocument", "../../../../../etc/passwd"))
    return build_zip([Entry("[Content_Types].xml", CONTENT_TYPES), Entry("_rels/.rels", rels),
                      Entry("../../../../../etc/passwd", document_xml(paragraph(SECRET)))])


def case_empty():
    return b""


def case_html_named_docx():
    return b"<!DOCTYPE html><html><body><p>Saved from a browser</p></body></html>\n"


def legit_letter(paragraphs=300):
    return docx(document_xml(letter_body(paragraphs)))


def case_truncated():
    data = legit_letter()
    return data[:len(data) // 2]


def case_corrupt_data():
    # Noise in the middle of word/document.xml's compressed data.
    data = bytearray(docx(document_xml(letter_body(300) + paragraph(
        random_letters(20000, 3).decode()))))
    start = data.find(b"word/document.xml") + len("word/document.xml") + 2000
    rng = random.Random(4)
    for i in range(start, start + 200):
        data[i] = rng.randrange(256)
    return bytes(data)


def case_encrypted_docx():
    return ole2(["EncryptionInfo", "EncryptedPackage"])


def case_legacy_doc():
    return ole2(["WordDocument", "1Table", "\x05SummaryInformation"])


def case_ole2_other():
    return ole2(["Workbook"])


def case_zip_entry_encrypted():
    # Traditional PKWARE encryption: general purpose flag bit 0.
    return build_zip([Entry("[Content_Types].xml", CONTENT_TYPES),
                      Entry("_rels/.rels", PACKAGE_RELS),
                      Entry("word/document.xml", random_letters(200, 5), flags=1)])


def case_unsupported_method():
    return build_zip([Entry("[Content_Types].xml", CONTENT_TYPES),
                      Entry("_rels/.rels", PACKAGE_RELS),
                      Entry("word/document.xml", document_xml(paragraph("x")).encode(),
                            method=14)])


def case_no_main_part():
    return build_zip([Entry("readme.txt", "a zip, but not a Word document")])


def case_main_part_missing():
    return build_zip([Entry("[Content_Types].xml", CONTENT_TYPES),
                      Entry("_rels/.rels", PACKAGE_RELS)])


def case_main_part_not_word():
    rels = relationships(("rId1", "officeDocument", "xl/workbook.xml"))
    return build_zip([Entry("_rels/.rels", rels), Entry(
        "xl/workbook.xml",
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')])


def case_malformed_xml():
    return docx(document_xml("<w:p><w:r><w:t>unclosed</w:r></w:p>"))


def case_invalid_utf8():
    return docx(XML_DECL.encode() + f'<w:document xmlns:w="{NS_W}"><w:body>'.encode() +
                b"<w:p><w:r><w:t>Gen\xe8ve, 17 mai \xff\xfe 2021</w:t></w:r></w:p>"
                b"</w:body></w:document>")


def case_text_too_many_lines():
    # A text export is held in memory like a package's XML: the same limits.
    return b"line\n" * (DEFAULT_MAX_PARAGRAPHS + 1)


def case_text_invalid_utf8():
    return "日内瓦，2021年1月12日\n".encode() + b"Gen\xe8ve \xff\n"


def case_big_legit():
    # Not hostile: a long letter well inside every limit still converts.
    return legit_letter(20000)


# name -> (generator or special input, expectations). A special input is a
# path kind check_bad.py sets up itself instead of a file.
#   code: the error code, or None for status "ok"
#   message: substrings the error message must hold
#   absent: substrings the whole record must not hold
#   warning: a warning code the record must carry
#   text: a substring of the record's text
#   suffix: the file name's extension (default .docx)
CASES = {
    "empty": (case_empty, {"code": "not-a-zip", "message": ["empty"]}),
    "html-named-docx": (case_html_named_docx, {"code": "not-a-zip", "message": ["not a zip"]}),
    "truncated": (case_truncated, {"code": "truncated", "message": ["cut short"]}),
    "corrupt-data": (case_corrupt_data, {"code": "truncated", "message": ["damaged"]}),
    "encrypted-docx": (case_encrypted_docx, {"code": "encrypted", "message": ["password"]}),
    "legacy-doc": (case_legacy_doc, {"code": "unsupported-format", "message": [
        "save it as DOCX", "libreoffice --headless --convert-to docx"]}),
    "ole2-other": (case_ole2_other, {"code": "unsupported-format", "message": ["DOCX"]}),
    "zip-entry-encrypted": (case_zip_entry_encrypted, {"code": "encrypted",
                                                       "message": ["word/document.xml"]}),
    "unsupported-method": (case_unsupported_method, {"code": "unsupported-format",
                                                     "message": ["compression method"]}),
    "no-main-part": (case_no_main_part, {"code": "not-docx", "message": ["not a Word document"]}),
    "main-part-missing": (case_main_part_missing, {"code": "not-docx",
                                                   "message": ["word/document.xml"]}),
    "main-part-not-word": (case_main_part_not_word, {"code": "not-docx", "message": ["workbook"]}),
    "malformed-xml": (case_malformed_xml, {"code": "xml-malformed",
                                           "message": ["word/document.xml", "at byte"]}),
    "billion-laughs": (case_billion_laughs, {"code": "xml-malformed", "message": [
        "word/document.xml", "DOCTYPE", "never expanded"], "absent": ["lollollol"]}),
    "dtd-in-relationships": (case_dtd_in_relationships, {"code": "xml-malformed",
                                                         "message": ["_rels/.rels", "DOCTYPE"]}),
    "utf32-part": (case_utf32_part, {"code": "xml-malformed", "message": ["UTF-32"]}),
    "invalid-utf8": (case_invalid_utf8, {"code": None, "warning": "invalid-utf8",
                                         "text": "Gen\ufffdve"}),
    "zip-bomb": (case_zip_bomb, {"code": "limit-exceeded",
                                 "message": ["max_compression_ratio", "word/document.xml"]}),
    "zip-bomb-declared-tiny": (case_zip_bomb_declared_tiny, {
        "code": "truncated", "message": ["more data than the zip directory says"]}),
    "declared-huge-real-tiny": (case_declared_huge_real_tiny, {
        "code": "truncated", "message": ["less data than the zip directory says"]}),
    "overlapping-entries": (case_overlapping_entries, {"code": "limit-exceeded",
                                                       "message": ["max_inflated_bytes"]}),
    "xml-tree-bomb": (case_xml_tree_bomb, {"code": "limit-exceeded",
                                           "message": ["max_inflated_bytes", "parsed XML"]}),
    "deep-nesting-200000": (case_deep_nesting_200000, {
        "code": "limit-exceeded", "message": ["max_xml_depth", "word/document.xml"]}),
    "deep-nesting-deflated": (case_deep_nesting_deflated, {"code": "limit-exceeded"}),
    "deep-nesting-utf16": (case_deep_nesting_utf16, {"code": "limit-exceeded",
                                                     "message": ["max_xml_depth"]}),
    "too-many-paragraphs": (case_too_many_paragraphs, {"code": "limit-exceeded",
                                                       "message": ["max_paragraphs"]}),
    "too-many-entries": (case_too_many_entries, {"code": "limit-exceeded",
                                                 "message": ["max_zip_entries"]}),
    "zip64-huge-entry-count": (case_zip64_huge_entry_count, {"code": "truncated",
                                                             "message": ["damaged"]}),
    "duplicate-entry-names": (case_duplicate_entry_names, {"code": "not-docx",
                                                           "message": ["more than once"]}),
    "duplicate-names-by-case": (case_duplicate_names_by_case, {"code": "not-docx",
                                                               "message": ["more than once"]}),
    "path-traversal-entries": (case_path_traversal_entries, {
        "code": None, "text": "The letter itself.", "absent": [SECRET]}),
    "path-traversal-target": (case_path_traversal_target, {
        "code": "not-docx", "absent": [SECRET, "root:"]}),
    "big-legit": (case_big_legit, {"code": None, "text": "Paragraph 19999:"}),
    "text-too-many-lines": (case_text_too_many_lines, {"suffix": ".txt", "code": "limit-exceeded",
                                                       "message": ["max_paragraphs"]}),
    "text-invalid-utf8": (case_text_invalid_utf8, {"suffix": ".txt", "code": None,
                                                   "warning": "invalid-utf8",
                                                   "text": "Gen\ufffdve"}),
    # Special inputs (check_bad.py builds them).
    "dev-zero": ("/dev/zero", {"code": "io", "message": ["not a regular file"]}),
    "fifo": ("fifo", {"code": "io", "message": ["not a regular file"]}),
    "missing-file": ("missing", {"code": "io", "message": ["No such file"]}),
    # A regular file whose read fails (EIO: missive's own address 0).
    "read-error": ("/proc/self/mem", {"code": "io", "message": ["cannot read"]}),
    # 600 MiB of nothing (sparse): refused by its size, without reading it.
    "sparse-600mib": ("sparse", {"code": "limit-exceeded", "message": ["512 MiB"]}),
    "unreadable": ("unreadable", {"code": "io", "message": ["Permission denied"]}),
}


def write_case(name, folder):
    """Writes case `name` into `folder`; returns its path (None for specials)."""
    make, expect = CASES[name]
    if isinstance(make, str):
        return None
    path = Path(folder) / (name + expect.get("suffix", ".docx"))
    path.write_bytes(make())
    return path


def main(argv):
    if argv[1:] == ["--list"]:
        print("\n".join(CASES))
        return 0
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for name in argv[2:] or list(CASES):
        write_case(name, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
