"""WordprocessingML writing helpers shared by missive's DOCX generators.

  samples/make_samples.py     the seed letter (samples/seed-letter-zh.docx)
  tests/letters/make_letters.py   the letter family test set

Everything here writes XML the way Microsoft Word 2016 does: Word 2016
namespaces, rsids and paraIds, run properties on every run, text split across
runs, bookmarks, hyperlinks through relationships, tables, numbering and text
boxes. Standard library only; no randomness, so output is deterministic.
"""

import itertools
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # what Word itself stores in every entry

# --------------------------------------------------------------------------
# Namespaces, as Word 2016 declares them.

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NS_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
NS_W16SE = "http://schemas.microsoft.com/office/word/2015/wordml/symex"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

DOCUMENT_NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" '
    'xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex" '
    f'xmlns:mc="{NS_MC}" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{NS_R}" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{NS_W}" xmlns:w14="{NS_W14}" xmlns:w15="{NS_W15}" '
    f'xmlns:w16se="{NS_W16SE}" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 w15 w16se wp14"'
)

# Parts other than document.xml declare this shorter set.
PART_NS = (
    f'xmlns:mc="{NS_MC}" xmlns:r="{NS_R}" xmlns:w="{NS_W}" '
    f'xmlns:w14="{NS_W14}" xmlns:w15="{NS_W15}" xmlns:w16se="{NS_W16SE}" '
    'mc:Ignorable="w14 w15 w16se"'
)

# Revision-session ids. Word stamps each run and paragraph with the editing
# session that created it; runs cycle through these so neighbours differ.
RSIDS = ["00A53707", "00C1E2F4", "005B7D21", "00E64918", "0017666A"]
RSID_ROOT = RSIDS[0]

TEXT_WIDTH = 9639  # A4 (11907 twips) less two 1134-twip margins


def attr(value):
    """An XML attribute value, quoted and escaped."""
    return quoteattr(str(value))


def has_cjk(text):
    return any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)


# --------------------------------------------------------------------------
# Building blocks of word/document.xml. A Doc carries the state that Word
# numbers as it goes: paragraph ids, bookmark ids, relationship ids.

class Doc:
    def __init__(self):
        self._para_ids = itertools.count(1)
        self._rsids = itertools.cycle(RSIDS)
        self._bookmarks = {}            # name -> w:id
        self.hyperlinks = []            # (rId, target), in document order
        self.first_link_rid = 3         # rId1 styles, rId2 settings
        self._shapes = []               # text box ids, in document order

    # ---- runs

    def run(self, text, *, bold=False, style=None, rendered_break=False):
        """One w:r. "\\t" in text becomes w:tab, "\\n" becomes w:br."""
        rsid = next(self._rsids)
        props = []
        if style:
            props.append(f"<w:rStyle w:val={attr(style)}/>")
        if has_cjk(text):
            props.append('<w:rFonts w:eastAsia="SimSun" w:hint="eastAsia"/>')
        else:
            props.append('<w:rFonts w:eastAsia="SimSun"/>')
        if bold:
            props.append("<w:b/><w:bCs/>")
        props.append('<w:lang w:val="en-GB" w:eastAsia="zh-CN"/>')
        body = ["<w:lastRenderedPageBreak/>"] if rendered_break else []
        body += [_text_piece(piece) for piece in _split_controls(text)]
        return (f'<w:r w:rsidR={attr(rsid)} w:rsidRPr={attr(rsid)}>'
                f'<w:rPr>{"".join(props)}</w:rPr>{"".join(body)}</w:r>')

    def runs(self, *texts, **fmt):
        """Several runs, one per fragment: how Word splits text mid-word."""
        return [self.run(t, **fmt) for t in texts]

    # ---- paragraphs

    def para(self, *content, style=None, tabs=(), jc=None, ind=None,
             keep_next=False, page_break_before=False, num=None):
        """One w:p. content: runs, bookmarks, hyperlinks (lists are flattened).
        tabs: (kind, position) pairs; ind: (left, hanging) in twips;
        num: (numId, ilvl) for a paragraph in a Word list (w:numPr)."""
        props = []
        if style:
            props.append(f"<w:pStyle w:val={attr(style)}/>")
        if keep_next:
            props.append("<w:keepNext/>")
        if page_break_before:
            props.append("<w:pageBreakBefore/>")
        if num:
            props.append(f"<w:numPr><w:ilvl w:val={attr(num[1])}/>"
                         f"<w:numId w:val={attr(num[0])}/></w:numPr>")
        if tabs:
            stops = "".join(f"<w:tab w:val={attr(k)} w:pos={attr(p)}/>" for k, p in tabs)
            props.append(f"<w:tabs>{stops}</w:tabs>")
        if ind:
            props.append(f'<w:ind w:left={attr(ind[0])} w:hanging={attr(ind[1])}/>')
        if jc:
            props.append(f"<w:jc w:val={attr(jc)}/>")
        props.append('<w:rPr><w:lang w:eastAsia="zh-CN"/></w:rPr>')
        rsid = next(self._rsids)
        return (f'<w:p w14:paraId={attr(self._para_id())} w14:textId="77777777" '
                f'w:rsidR={attr(rsid)} w:rsidRPr={attr(rsid)} '
                f'w:rsidRDefault={attr(RSID_ROOT)} w:rsidP={attr(rsid)}>'
                f'<w:pPr>{"".join(props)}</w:pPr>{flatten(content)}</w:p>')

    def _para_id(self):
        # Word's paraIds are random 31-bit hex; these are merely distinct.
        return f"{0x1A2B0000 + 0x137 * next(self._para_ids):08X}"

    # ---- bookmarks

    def bm_start(self, name):
        bid = self._bookmarks.setdefault(name, len(self._bookmarks))
        return f"<w:bookmarkStart w:id={attr(bid)} w:name={attr(name)}/>"

    def bm_end(self, name):
        return f"<w:bookmarkEnd w:id={attr(self._bookmarks[name])}/>"

    def bookmark(self, name, *content):
        """A bookmark around content that lies within one paragraph."""
        return [self.bm_start(name), *content, self.bm_end(name)]

    # ---- hyperlinks

    def hyperlink(self, target, *fragments):
        """An external w:hyperlink; its visible text is the fragments, each
        its own run in the Hyperlink character style."""
        rid = f"rId{self.first_link_rid + len(self.hyperlinks)}"
        self.hyperlinks.append((rid, target))
        inner = "".join(self.run(f, style="Hyperlink") for f in fragments)
        return f'<w:hyperlink r:id={attr(rid)} w:history="1">{inner}</w:hyperlink>'

    # ---- tables

    def table(self, widths, rows, *, style=None, borders=True, header_rows=0):
        """A w:tbl. rows: lists of cells; a cell is a paragraph or a list of
        paragraphs. The first header_rows rows repeat on each page."""
        props = [f"<w:tblStyle w:val={attr(style)}/>"] if style else []
        props.append(f'<w:tblW w:w={attr(sum(widths))} w:type="dxa"/>')
        if not borders:
            props.append("<w:tblBorders>" + "".join(
                f'<w:{side} w:val="none" w:sz="0" w:space="0" w:color="auto"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
                + "</w:tblBorders>")
        props.append('<w:tblLayout w:type="fixed"/>')
        props.append('<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
                     'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>')
        grid = "".join(f"<w:gridCol w:w={attr(w)}/>" for w in widths)
        body = "".join(self._row(widths, cells, header=i < header_rows)
                       for i, cells in enumerate(rows))
        return f'<w:tbl><w:tblPr>{"".join(props)}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'

    def _row(self, widths, cells, *, header):
        rsid = next(self._rsids)
        tr_pr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else ""
        tcs = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w={attr(w)} w:type="dxa"/></w:tcPr>{flatten(cell)}</w:tc>'
            for w, cell in zip(widths, cells))
        return (f'<w:tr w:rsidR={attr(rsid)} w14:paraId={attr(self._para_id())} '
                f'w14:textId="77777777" w:rsidTr={attr(RSID_ROOT)}>{tr_pr}{tcs}</w:tr>')

    # ---- text boxes

    def textbox(self, paragraphs, *, width=2880000, height=720000, offset=(3240000, 180000)):
        """One run holding a floating text box, as Word 2010+ writes it: a
        DrawingML shape (wps:txbx) in mc:Choice and the same paragraphs again
        in a VML v:textbox in mc:Fallback, for older readers. paragraphs:
        w:p strings (from para). Sizes and offsets are EMUs."""
        inner = flatten(paragraphs)
        shape_id = 1 + len(self._shapes)
        self._shapes.append(shape_id)
        rsid = next(self._rsids)
        wp_ns = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        choice = (
            '<mc:Choice Requires="wps"><w:drawing>'
            f'<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" '
            f'relativeHeight="{251659264 + shape_id}" behindDoc="0" locked="0" layoutInCell="1" '
            'allowOverlap="1" wp14:anchorId="2C4B8F1E">'
            '<wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>{offset[0]}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{offset[1]}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            '<wp:wrapSquare wrapText="bothSides"/>'
            f'<wp:docPr id="{shape_id}" name="Text Box {shape_id}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic {wp_ns}>'
            '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"><a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr>'
            f'<wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>'
            '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" '
            'bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
            '</wps:wsp></a:graphicData></a:graphic>'
            '<wp14:sizeRelH relativeFrom="margin"><wp14:pctWidth>0</wp14:pctWidth></wp14:sizeRelH>'
            '<wp14:sizeRelV relativeFrom="margin"><wp14:pctHeight>0</wp14:pctHeight></wp14:sizeRelV>'
            '</wp:anchor></w:drawing></mc:Choice>')
        pt = lambda emu: f"{emu / 12700:g}pt"
        fallback = (
            '<mc:Fallback><w:pict>'
            f'<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
            '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
            f'<v:shape id="Text Box {shape_id}" o:spid="_x0000_s{1025 + shape_id}" type="#_x0000_t202" '
            f'style="position:absolute;margin-left:{pt(offset[0])};margin-top:{pt(offset[1])};'
            f'width:{pt(width)};height:{pt(height)};z-index:{shape_id};visibility:visible;'
            'mso-wrap-style:square;mso-width-percent:0;mso-height-percent:0;'
            'mso-wrap-distance-left:9pt;mso-wrap-distance-top:3.6pt;mso-wrap-distance-right:9pt;'
            'mso-wrap-distance-bottom:3.6pt;mso-position-horizontal:absolute;'
            'mso-position-horizontal-relative:text;mso-position-vertical:absolute;'
            'mso-position-vertical-relative:text;mso-width-percent:0;mso-height-percent:0;'
            'mso-width-relative:margin;mso-height-relative:margin;v-text-anchor:top" '
            'filled="f" stroked="f">'
            f'<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox>'
            '<w10:wrap type="square"/></v:shape></w:pict></mc:Fallback>')
        return (f'<w:r w:rsidR={attr(rsid)} w:rsidRPr={attr(rsid)}><w:rPr>'
                '<w:rFonts w:eastAsia="SimSun"/><w:noProof/><w:lang w:val="en-GB" w:eastAsia="zh-CN"/>'
                f'</w:rPr><mc:AlternateContent>{choice}{fallback}</mc:AlternateContent></w:r>')


def _split_controls(text):
    """Splits "a\\tb\\nc" into ["a", "\\t", "b", "\\n", "c"]."""
    pieces, current = [], ""
    for ch in text:
        if ch in "\t\n":
            if current:
                pieces.append(current)
            pieces.append(ch)
            current = ""
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces


def _text_piece(piece):
    if piece == "\t":
        return "<w:tab/>"
    if piece == "\n":
        return "<w:br/>"
    space = ' xml:space="preserve"' if piece != piece.strip() else ""
    return f"<w:t{space}>{escape(piece)}</w:t>"


def flatten(content):
    """Joins XML strings, descending into (nested) lists."""
    if isinstance(content, str):
        return content
    return "".join(flatten(c) for c in content)


def spell(doc, word):
    """A run Word's speller flagged: wrapped in proofErr spellStart/End."""
    return ['<w:proofErr w:type="spellStart"/>', doc.run(word), '<w:proofErr w:type="spellEnd"/>']


SECT_PR = (
    f'<w:sectPr w:rsidR={attr(RSID_ROOT)} w:rsidSect={attr(RSID_ROOT)}>'
    '<w:pgSz w:w="11907" w:h="16840" w:code="9"/>'
    '<w:pgMar w:top="1418" w:right="1134" w:bottom="1134" w:left="1134" '
    'w:header="567" w:footer="567" w:gutter="0"/>'
    '<w:cols w:space="720"/><w:docGrid w:linePitch="326"/></w:sectPr>'
)



# --------------------------------------------------------------------------
# The other package parts.

WML_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def content_types_xml(extra=()):
    """extra: (part name, content type) overrides after the standard ones."""
    wml = WML_TYPE
    overrides = [
        ("/word/document.xml", f"{wml}.document.main+xml"),
        ("/word/styles.xml", f"{wml}.styles+xml"),
        ("/word/settings.xml", f"{wml}.settings+xml"),
        ("/word/fontTable.xml", f"{wml}.fontTable+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ]
    overrides += list(extra)
    return (XML_DECL +
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(f"<Override PartName={attr(n)} ContentType={attr(t)}/>" for n, t in overrides)
            + "</Types>")


def relationships_xml(rels):
    """rels: (id, type URI, target, external?)"""
    items = "".join(
        f"<Relationship Id={attr(rid)} Type={attr(kind)} Target={attr(target)}"
        + (' TargetMode="External"' if external else "") + "/>"
        for rid, kind, target, external in rels)
    return f'{XML_DECL}<Relationships xmlns="{PKG_REL}">{items}</Relationships>'


def package_rels_xml():
    return relationships_xml([
        ("rId3", f"{REL}/extended-properties", "docProps/app.xml", False),
        ("rId2", f"{PKG_REL}/metadata/core-properties", "docProps/core.xml", False),
        ("rId1", f"{REL}/officeDocument", "word/document.xml", False),
    ])


def document_rels_xml(d, extra=()):
    """extra: (relationship type name, target) after the font table, e.g.
    ("numbering", "numbering.xml")."""
    rels = [("rId1", f"{REL}/styles", "styles.xml", False),
            ("rId2", f"{REL}/settings", "settings.xml", False)]
    rels += [(rid, f"{REL}/hyperlink", target, True) for rid, target in d.hyperlinks]
    rels.append((f"rId{d.first_link_rid + len(d.hyperlinks)}", f"{REL}/fontTable", "fontTable.xml", False))
    for i, (kind, target) in enumerate(extra, start=1):
        rels.append((f"rId{d.first_link_rid + len(d.hyperlinks) + i}", f"{REL}/{kind}", target, False))
    return relationships_xml(rels)


def _style(kind, style_id, name, inner="", *, default=False, custom=False):
    flags = (' w:default="1"' if default else "") + (' w:customStyle="1"' if custom else "")
    return (f'<w:style w:type="{kind}"{flags} w:styleId="{style_id}">'
            f'<w:name w:val={attr(name)}/>{inner}</w:style>')


def style(kind, style_id, name, inner="", *, default=False, custom=False):
    """One w:style, for styles_xml(extra=...)."""
    return _style(kind, style_id, name, inner, default=default, custom=custom)


def styles_xml(extra=()):
    """The ITU letter styles; extra: more w:style strings appended at the end."""
    itu_tabs = ('<w:tabs><w:tab w:val="left" w:pos="794"/><w:tab w:val="left" w:pos="1191"/>'
                '<w:tab w:val="left" w:pos="1588"/><w:tab w:val="left" w:pos="1985"/></w:tabs>')
    table_tabs = ('<w:tabs><w:tab w:val="clear" w:pos="794"/><w:tab w:val="clear" w:pos="1191"/>'
                  '<w:tab w:val="clear" w:pos="1588"/><w:tab w:val="clear" w:pos="1985"/>'
                  '<w:tab w:val="left" w:pos="284"/><w:tab w:val="left" w:pos="567"/></w:tabs>')
    single = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    grid_borders = "".join(single.format(s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    styles = [
        _style("paragraph", "Normal", "Normal",
               '<w:qFormat/><w:rsid w:val="0017666A"/><w:pPr>' + itu_tabs +
               '<w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
               '<w:adjustRightInd w:val="0"/><w:spacing w:before="120"/><w:jc w:val="both"/>'
               '<w:textAlignment w:val="baseline"/></w:pPr>'
               '<w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman"/>'
               '<w:sz w:val="24"/><w:lang w:val="en-GB" w:eastAsia="zh-CN"/></w:rPr>', default=True),
        _style("paragraph", "Heading1", "heading 1",
               '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
               '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360"/>'
               '<w:ind w:left="794" w:hanging="794"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr>'
               '<w:rPr><w:b/></w:rPr>'),
        _style("paragraph", "Heading2", "heading 2",
               '<w:basedOn w:val="Heading1"/><w:next w:val="Normal"/><w:semiHidden/><w:unhideWhenUsed/>'
               '<w:qFormat/><w:pPr><w:spacing w:before="240"/><w:outlineLvl w:val="1"/></w:pPr>'),
        _style("character", "DefaultParagraphFont", "Default Paragraph Font",
               '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>', default=True),
        _style("table", "TableNormal", "Normal Table",
               '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
               '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
               '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
               '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>', default=True),
        _style("numbering", "NoList", "No List",
               '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>', default=True),
        _style("table", "TableGrid", "Table Grid",
               '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>'
               f'<w:tblPr><w:tblBorders>{grid_borders}</w:tblBorders></w:tblPr>'),
        _style("character", "Hyperlink", "Hyperlink",
               '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
               '<w:rPr><w:color w:val="0000FF"/><w:u w:val="single"/></w:rPr>'),
        _style("paragraph", "AnnexNo", "Annex_No",
               '<w:basedOn w:val="Normal"/><w:next w:val="Annextitle"/>'
               '<w:pPr><w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:spacing w:before="480"/>'
               '<w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="28"/></w:rPr>', custom=True),
        _style("paragraph", "Annextitle", "Annex_title",
               '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
               '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="280"/>'
               '<w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr>', custom=True),
        _style("paragraph", "enumlev1", "enumlev1",
               '<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="80"/>'
               '<w:ind w:left="794" w:hanging="794"/></w:pPr>', custom=True),
        _style("paragraph", "Tablehead", "Table_head",
               '<w:basedOn w:val="Normal"/><w:next w:val="Tabletext"/><w:pPr><w:keepNext/>'
               f'{table_tabs}<w:spacing w:before="80" w:after="80"/><w:jc w:val="center"/></w:pPr>'
               '<w:rPr><w:b/><w:sz w:val="22"/></w:rPr>', custom=True),
        _style("paragraph", "Tabletext", "Table_text",
               f'<w:basedOn w:val="Normal"/><w:pPr>{table_tabs}<w:spacing w:before="40" w:after="40"/>'
               '<w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr>', custom=True),
        _style("paragraph", "Note", "Note",
               '<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="80"/></w:pPr>'
               '<w:rPr><w:sz w:val="22"/></w:rPr>', custom=True),
    ]
    latent = "".join(
        f'<w:lsdException w:name={attr(n)} w:uiPriority="0" w:qFormat="1"/>'
        for n in ("Normal", "heading 1", "heading 2"))
    return (f"{XML_DECL}<w:styles {PART_NS}>"
            '<w:docDefaults><w:rPrDefault><w:rPr>'
            '<w:rFonts w:ascii="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman" '
            'w:cs="Times New Roman"/><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
            '</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>'
            '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" '
            f'w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376">{latent}</w:latentStyles>'
            + "".join(styles) + "".join(extra) + "</w:styles>")


def settings_xml():
    rsids = "".join(f'<w:rsid w:val="{r}"/>' for r in sorted(RSIDS))
    return (f'{XML_DECL}<w:settings {PART_NS} '
            'xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:v="urn:schemas-microsoft-com:vml" '
            'xmlns:sl="http://schemas.openxmlformats.org/schemaLibrary/2006/main">'
            '<w:zoom w:percent="100"/><w:bordersDoNotSurroundHeader/><w:bordersDoNotSurroundFooter/>'
            '<w:defaultTabStop w:val="794"/><w:hyphenationZone w:val="425"/>'
            '<w:characterSpacingControl w:val="compressPunctuation"/>'
            '<w:compat><w:useFELayout/>'
            '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
            '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '</w:compat>'
            f'<w:rsids><w:rsidRoot w:val="{RSID_ROOT}"/>{rsids}</w:rsids>'
            '<w:themeFontLang w:val="en-GB" w:eastAsia="zh-CN"/>'
            '<w:shapeDefaults><o:shapedefaults v:ext="edit" spidmax="2049"/>'
            '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout></w:shapeDefaults>'
            '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
            '<w15:chartTrackingRefBased/><w15:docId w15:val="{6F1C2B9E-3D4A-4E57-9B21-0C8A5D7E4F13}"/>'
            '</w:settings>')


FONTS = [
    # name, altName, panose, charset, family, usb0, usb1, usb2, csb0
    ("Times New Roman", None, "02020603050405020304", "00", "roman",
     "E0002EFF", "C000785B", "00000009", "000001FF"),
    ("SimSun", "宋体", "02010600030101010101", "86", "auto",
     "00000003", "288F0000", "00000016", "00040001"),
    ("Calibri", None, "020F0502020204030204", "00", "swiss",
     "E4002EFF", "C000247B", "00000009", "0000019F"),
]


def font_table_xml():
    fonts = []
    for name, alt, panose, charset, family, u0, u1, u2, c0 in FONTS:
        alt_xml = f"<w:altName w:val={attr(alt)}/>" if alt else ""
        fonts.append(
            f"<w:font w:name={attr(name)}>{alt_xml}<w:panose1 w:val=\"{panose}\"/>"
            f'<w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="variable"/>'
            f'<w:sig w:usb0="{u0}" w:usb1="{u1}" w:usb2="{u2}" w:usb3="00000000" '
            f'w:csb0="{c0}" w:csb1="00000000"/></w:font>')
    return f"{XML_DECL}<w:fonts {PART_NS}>{''.join(fonts)}</w:fonts>"


def core_xml(title, *, creator="TSB", last_modified_by="Mao, Yuanyuan", revision=4,
             created="2021-01-11T09:12:00Z", modified="2021-01-12T14:03:00Z"):
    return (XML_DECL +
            '<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(creator)}</dc:creator>"
            f"<cp:lastModifiedBy>{escape(last_modified_by)}</cp:lastModifiedBy>"
            f"<cp:revision>{revision}</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified>'
            "</cp:coreProperties>")


def app_xml(stats, title, *, total_time=38, pages=4):
    """Extended properties; counts are computed from the document text."""
    return (XML_DECL +
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Template>Normal.dotm</Template><TotalTime>{total_time}</TotalTime><Pages>{pages}</Pages>"
            f"<Words>{stats['words']}</Words><Characters>{stats['chars']}</Characters>"
            "<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>"
            f"<Lines>{stats['lines']}</Lines><Paragraphs>{stats['paragraphs']}</Paragraphs>"
            "<ScaleCrop>false</ScaleCrop>"
            '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Title</vt:lpstr>'
            "</vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>"
            f'<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>{escape(title)}</vt:lpstr>'
            "</vt:vector></TitlesOfParts>"
            "<Company>International Telecommunication Union (ITU)</Company>"
            "<LinksUpToDate>false</LinksUpToDate>"
            f"<CharactersWithSpaces>{stats['chars_with_spaces']}</CharactersWithSpaces>"
            "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
            "<AppVersion>16.0000</AppVersion></Properties>")


def text_stats(document):
    """Rough Word-style counts from w:t text: each CJK character is a word."""
    paragraphs = re.findall(r"<w:p [^>]*>.*?</w:p>", document)
    texts = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paragraphs]
    texts = [t for t in texts if t.strip()]
    joined = "".join(texts)
    cjk = sum(1 for ch in joined if has_cjk(ch))
    latin_words = len(re.findall(r"[^\s\u3000-\u9fff\uff00-\uffef]+", joined))
    chars = sum(1 for ch in joined if not ch.isspace())
    return {"words": cjk + latin_words, "chars": chars, "chars_with_spaces": len(joined),
            "paragraphs": len(texts), "lines": len(texts) + len(joined) // 40}


# --------------------------------------------------------------------------
# word/numbering.xml: Word's automatic numbering and bullets.

def level(ilvl, fmt, text, *, left, hanging, start=1, symbol_font=False):
    """One w:lvl of an abstract numbering definition. fmt: "decimal",
    "bullet", "lowerLetter", ...; text: the lvlText ("%1.%2", or the bullet
    character); symbol_font: the bullet is a Symbol-font glyph (U+F0B7), as
    Word writes its default bullet."""
    rpr = ('<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>'
           if symbol_font else "")
    return (f'<w:lvl w:ilvl="{ilvl}" w:tplc="{0x08090001 + ilvl:08X}">'
            f'<w:start w:val="{start}"/><w:numFmt w:val={attr(fmt)}/>'
            f'<w:lvlText w:val={attr(text)}/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>')


def numbering_xml(definitions):
    """definitions: one list of level() strings per list. List i gets
    abstractNumId i and numId i + 1 (w:numPr refers to the numId)."""
    abstracts, nums = [], []
    for i, levels in enumerate(definitions):
        kind = "multilevel" if len(levels) > 1 else "hybridMultilevel"
        abstracts.append(
            f'<w:abstractNum w:abstractNumId="{i}" w15:restartNumberingAfterBreak="0">'
            f'<w:nsid w:val="{0x3A5C1D00 + 17 * i:08X}"/><w:multiLevelType w:val="{kind}"/>'
            f'<w:tmpl w:val="{0x6E2F4B00 + 29 * i:08X}"/>{"".join(levels)}</w:abstractNum>')
        nums.append(f'<w:num w:numId="{i + 1}" w16cid:durableId="{0x1F3A0000 + i}">'
                    f'<w:abstractNumId w:val="{i}"/></w:num>')
    ns = PART_NS.replace('mc:Ignorable="w14 w15 w16se"',
                         'xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid" '
                         'mc:Ignorable="w14 w15 w16se w16cid"')
    return f'{XML_DECL}<w:numbering {ns}>{"".join(abstracts)}{"".join(nums)}</w:numbering>'


# --------------------------------------------------------------------------
# Writing the files.

def docx_parts(d, document, *, core, app, numbering=None, extra_styles=()):
    """The parts of one package, in the order Word writes them. d: the Doc
    that built document (its hyperlinks become relationships); core, app:
    keyword arguments for core_xml and app_xml (title is required);
    numbering: a word/numbering.xml string or None."""
    content_extra, rels_extra = [], []
    if numbering is not None:
        content_extra.append(("/word/numbering.xml", f"{WML_TYPE}.numbering+xml"))
        rels_extra.append(("numbering", "numbering.xml"))
    parts = [
        ("[Content_Types].xml", content_types_xml(content_extra)),
        ("_rels/.rels", package_rels_xml()),
        ("word/_rels/document.xml.rels", document_rels_xml(d, rels_extra)),
        ("word/document.xml", document),
        ("word/styles.xml", styles_xml(extra_styles)),
        ("word/settings.xml", settings_xml()),
        ("word/fontTable.xml", font_table_xml()),
    ]
    if numbering is not None:
        parts.append(("word/numbering.xml", numbering))
    parts += [
        ("docProps/core.xml", core_xml(**core)),
        ("docProps/app.xml", app_xml(text_stats(document), **app)),
    ]
    return parts


def document_xml(body):
    """word/document.xml around body (block XML, lists flattened); the
    section properties come last, as in every Word file."""
    return (f"{XML_DECL}<w:document {DOCUMENT_NS}><w:body>"
            f"{flatten(body)}{SECT_PR}</w:body></w:document>")


def write_docx(path, parts):
    """Writes (name, xml) parts as a zip the way Word does: fixed dates,
    DEFLATE, MS-DOS attributes, entries in the given order."""
    with zipfile.ZipFile(path, "w") as z:
        for name, xml in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0        # MS-DOS, as Word writes
            info.external_attr = 0
            z.writestr(info, xml.encode("utf-8"), compresslevel=6)
