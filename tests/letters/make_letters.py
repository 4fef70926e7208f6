#!/usr/bin/env python3
"""Writes the letter family test set into the folder this script lives in.

Fifteen ITU-T letters (thirteen in Chinese, two in English) as DOCX packages
written the way Microsoft Word 2016 writes them, each a different member of
the family described in shared/letter-family.md: other study groups, working
parties and a focus group, circulars with and without a meeting, an addendum,
header blocks as tables and as tabbed paragraphs, dates in fullwidth digits
and in Chinese numerals, deadlines as tabbed lines, tables, bullets and
sentences, agendas as tables, numbered paragraphs (digits, Chinese and Roman
numerals) and Word numbering, events as date-led bullets, and a signature in
a text box.

Each <name>.docx has a hand-written <name>.expected.json beside it: a partial
letter record read off the letter text below (see README.md). This script
writes only the .docx files; it never touches the expected files.

Standard library only. Deterministic: fixed zip dates, fixed entry order,
fixed ids, so two runs give identical bytes.

Usage: python3 tests/letters/make_letters.py   (from any directory)
"""

import itertools
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(HERE.parent.parent / "samples"))

from wordml import (TEXT_WIDTH, Doc, docx_parts, document_xml, level,  # noqa: E402
                    numbering_xml, spell, style, write_docx)

# Word splits text into runs wherever an edit, a translation memory segment or
# a proofing pass left a boundary. These chunk lengths (cycled) put run
# boundaries mid-word, mid-number and mid-date throughout every letter.
CUTS = (9, 4, 13, 6, 17, 3, 11)

LABEL_W = 1418                       # the label column of the header block
DEADLINE_TABS = (("left", 567), ("left", 2552), ("left", 2835))
DEADLINE_IND = (2835, 2835)

LIST_PARAGRAPH = style(
    "paragraph", "ListParagraph", "List Paragraph",
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/>'
    '<w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>')


class Letter:
    """A Doc plus the letter-level pieces every ITU letter is made of.

    Content arguments: a str is text (split into several runs, "\\t" → w:tab,
    "\\n" → w:br); a list holds ready XML (bookmarks, hyperlinks, runs)."""

    def __init__(self):
        self.d = Doc()
        self._cuts = itertools.cycle(CUTS)
        self._hlk = itertools.count(0x3E81A2)

    # ---- runs and paragraphs

    def runs(self, text, **fmt):
        out, i = [], 0
        while i < len(text):
            n = next(self._cuts)
            out.append(self.d.run(text[i:i + n], **fmt))
            i += n
        return out

    def content(self, items, **fmt):
        out = []
        for item in items:
            out += self.runs(item, **fmt) if isinstance(item, str) else item
        return out

    def p(self, *items, bold=False, **para):
        return self.d.para(*self.content(items, bold=bold), **para)

    def link(self, target, *fragments):
        """An external hyperlink; its text is target unless fragments given."""
        return [self.d.hyperlink(target, *(fragments or (target,)))]

    def hlk(self, text, **fmt):
        """A _Hlk bookmark around text, as Word leaves after copy/paste."""
        name = f"_Hlk{next(self._hlk)}"
        return [self.d.bm_start(name), *self.runs(text, **fmt), self.d.bm_end(name)]

    def spell(self, word):
        return spell(self.d, word)

    # ---- letter parts

    def date_line(self, text):
        return self.d.para(self.d.run(" \t"), *self.runs(text), tabs=(("right", TEXT_WIDTH),))

    def header_table(self, rows):
        """The borderless two-column header block. rows: (label, values).
        label: a str, or a tuple of run fragments (a label split over runs).
        values: a str (one paragraph) or a list with one entry per value
        paragraph: a ready paragraph (a str starting "<w:p "), a str of
        text, or a list of content items (text and XML)."""
        d = self.d
        out = []
        for label, values in rows:
            fragments = label if isinstance(label, tuple) else (label,)
            label_p = d.para(*(d.run(f) for f in fragments), jc="left")
            if isinstance(values, str):
                values = [values]
            paras = []
            for v in values:
                if isinstance(v, str) and v.startswith("<w:p "):
                    paras.append(v)
                elif isinstance(v, str):
                    paras.append(self.p(v, jc="left"))
                else:
                    paras.append(self.p(*v, jc="left"))
            out.append([label_p, paras])
        return d.table([LABEL_W, TEXT_WIDTH - LABEL_W], out, borders=False)

    def addressee(self, *items):
        return self.p(*items, ind=(284, 284), jc="left")

    def tab_field(self, label, *items):
        """A header line written as paragraphs: label, tab, value. label may be
        a tuple of run fragments; label None gives a continuation line."""
        d = self.d
        fragments = () if label is None else (label if isinstance(label, tuple) else (label,))
        return d.para(*(d.run(f) for f in fragments), d.run("\t"), *self.content(items),
                      tabs=(("left", LABEL_W),), ind=(LABEL_W, LABEL_W), jc="left")

    def deadline_line(self, date, *action):
        return self.d.para(self.d.run("\t"), *self.runs(date), self.d.run("\t–\t"),
                           *self.content(action), tabs=DEADLINE_TABS, ind=DEADLINE_IND)

    def bullet(self, *items, mark="-"):
        return self.d.para(self.d.run(f"{mark}\t"), *self.content(items), style="enumlev1")

    def annex(self, label, title):
        d = self.d
        head, tail = (label[:-1], label[-1:]) if len(label) > 1 else (label, "")
        runs = [d.run(head, rendered_break=True)] + ([d.run(tail)] if tail else [])
        return [d.para(*runs, style="AnnexNo"), d.para(d.run(title), style="Annextitle")]

    def cell(self, content, *, style="Tabletext", jc=None):
        """A table cell: "" (empty paragraph), a str, or a tuple of str (one
        paragraph each)."""
        lines = content if isinstance(content, tuple) else (content,)
        return [self.d.para(*(self.runs(line) if line else []), style=style, jc=jc)
                for line in lines]

    def grid(self, widths, header, rows):
        """A bordered table with an optional repeating header row."""
        body = []
        if header:
            body.append([self.cell(h, style="Tablehead") for h in header])
        for row in rows:
            body.append([self.cell(c, jc="center" if i == 0 and len(widths) > 2 else None)
                         for i, c in enumerate(row)])
        return self.d.table(widths, body, style="TableGrid", header_rows=1 if header else 0)

    def empty(self):
        return self.d.para()


def build(path, make, *, title, creator, modified_by, created, modified, numbering=None,
          extra_styles=()):
    letter = Letter()
    document = document_xml(make(letter))
    parts = docx_parts(letter.d, document,
                       core=dict(title=title, creator=creator, last_modified_by=modified_by,
                                 revision=3, created=created, modified=modified),
                       app=dict(title=title, total_time=27, pages=3),
                       numbering=numbering, extra_styles=extra_styles)
    write_docx(path, parts)


STD_ADDRESSEES = ("国际电联各成员国主管部门；", "ITU-T部门成员；")


# --------------------------------------------------------------------------
# 1. TSB Collective Letter 5/13: SG13 in Geneva, summer. Header table with a
#    contact name and copies, tabbed deadlines, an event with a registration
#    link, Annex 2 draft agenda as a three-column table.

def cl_5_13(L):
    p = L.p
    header = L.header_table([
        (("文号", "："), [["电信标准化局第5/", "13号集体函"], "SG13/TK"]),
        ("致：", [L.addressee("- ", "国际电联各成员国主管部门；"),
                 L.addressee("- ITU-T部门成员；"),
                 L.addressee("- 参加第13研究组工作的\nITU-T部门准成员；"),
                 L.addressee("- 国际电联学术成员")]),
        ("抄送：", [L.addressee("- ITU-T第13研究组主席和副主席；"),
                  L.addressee("- 电信发展局主任；"),
                  L.addressee("- 无线电通信局主任")]),
        (("联系", "人："), [[L.spell("Marta"), [L.d.run(" ")], L.spell("Lindqvist")]]),
        ("电话：", "+41 22 730 5126"),
        ("传真：", "+41 22 730 5853"),
        (("电子", "邮件："), [[L.link("mailto:tsbsg13@itu.int", "tsbsg13", "@itu.int")]]),
        ("网页：", [[L.link("https://www.itu.int/go/tsg13")]]),
        (("事由", "："), [[L.hlk("ITU-T第13研究组会议，2022年7月4日至15日，日内瓦", bold=True)]]),
    ])
    body = [
        p("尊敬的先生/女士："),
        p("我高兴地邀请您参加第13研究组（未来网络和新兴网络技术）于2022年7月4日至15日在",
          "日内瓦国际电联总部举行的会议。"),
        p("会议第一天将于9时30分（日内瓦时间）开幕。"),
        p("会议期间将审议ITU-T Y.3172建议书的修订草案。"),
        p("会议实用信息见附件1。会议议程草案见附件2。"),
        p("重要截止日期：", keep_next=True),
        L.deadline_line("2022年5月4日", "提交需要翻译的ITU-T成员文稿"),
        L.deadline_line("2022年5月20日", "提交与会补贴申请"),
        L.deadline_line("2022年6月3日", "预注册（通过研究组主页", L.link("https://www.itu.int/go/tsg13"),
                        "上的在线注册表进行）"),
        L.deadline_line("2022年6月21日", "提交ITU-T成员文稿（通过文件直传系统）"),
        p("另请注意：", keep_next=True),
        L.bullet("新代表情况介绍会将于2022年7月4日（日内瓦时间）8时至9时在蒙布里扬大楼举行。请在以下网址注册：",
                 L.link("https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=C-00011234",
                        "https://www.itu.int/net4/CRM/xreg/web/", "Registration.aspx?Event=C-00011234"),
                 "。"),
        p("祝您与会顺利且富有成效！"),
        L.empty(),
        p("电信标准化局主任"),
        p("李在摄"),
    ]
    annex1 = [
        *L.annex("附件1", "会议实用信息"),
        p("工作方法与设施", style="Heading1"),
        p([L.d.run("工作语文：", bold=True)], "会议将以英文进行。"),
        p([L.d.run("注册：", bold=True)],
          "请至少在会议开始一个月前通过研究组主页在线注册。"),
    ]
    agenda = [
        ("1", "会议开幕", ""),
        ("2", "通过议程", "TD 101"),
        ("3", "批准上次会议的报告", "Report 12"),
        ("4", "文件分配", "TD 123, TD 124"),
        ("5", "知识产权声明", "请与会者说明是否了解与所审议建议书有关的专利、软件版权或商标信息。"),
        ("6", "各工作组的报告", ""),
        ("6.1", "1/13工作组的报告", ("TD 201", "TD 202")),
        ("6.2", ("2/13工作组的报告：", "-同意ITU-T Y.3181建议书草案", "-批准新工作项目"), "C 45, C 46"),
        ("7", "联络声明", ""),
        ("8", "其他事宜", ""),
        ("9", "会议闭幕", ""),
    ]
    annex2 = [
        *L.annex("附件2", "议程草案"),
        p("2022年7月4日至15日，日内瓦", jc="center"),
        L.grid([1134, 5670, TEXT_WIDTH - 6804], ("编号", "项目", "文件"), agenda),
        p("注 – 议程的更新版本将在第13研究组网页上公布。", style="Note"),
    ]
    return [L.date_line("2022年3月4日，日内瓦"), header, L.empty(), body, annex1, annex2]


# --------------------------------------------------------------------------
# 2. TSB Collective Letter 3/16: WP1/16 virtual, weekdays in the dates. Header
#    as tabbed paragraphs, a contact name in decomposed Unicode, deadlines in
#    sentences, Annex B agenda as numbered paragraphs.

def cl_3_16(L):
    p = L.p
    header = [
        L.tab_field("文号：", "电信标准化局第3/16号集体函"),
        L.tab_field(None, "SG16/SC"),
        L.tab_field("致：", "- 国际电联各成员国主管部门；"),
        L.tab_field(None, "- ITU-T部门成员；"),
        L.tab_field(None, "- 参加第16研究组工作的ITU-T部门准成员；"),
        L.tab_field(None, "- 国际电联学术成员"),
        L.tab_field("联系人：", "Sima\u0303o Campos"),       # decomposed ã: NFC makes it one
        L.tab_field("电话：", "+41 22 730 6805"),
        L.tab_field(("电子", "邮件："), "tsbsg16@itu.int"),
        L.tab_field(("事由", "："), L.hlk("ITU-T第1/16工作组虚拟会议（2021年5月17日至21日）", bold=True)),
    ]
    body = [
        p("尊敬的先生/女士："),
        p("我高兴地通知您，第1/16工作组（多媒体编码、系统和应用）会议将于2021年5月17日（星期一）至21日（星期五）",
          "以完全虚拟方式举行。"),
        p("会议将于第一天日内瓦时间13时开始。本次会议将仅以英文进行，不提供口译服务。"),
        p("会议将重点讨论ITU-T H.266建议书的实施指南。"),
        p("请于2021年4月16日前注册。"),
        p("请在2021年5月4日前通过文件直传系统提交成员文稿。"),
        p("会议实用信息见附件A，议程见附件B。"),
        p("顺致敬意！"),
        p("（原文已签）"),
        p("李在摄"),
        p("电信标准化局主任"),
    ]
    numbered = [("1", "会议开幕"), ("2", "通过议程"), ("3", "文件分配"), ("4", "课题报告"),
                ("4.1", "课题6/16（视觉编码）"), ("4.2", "课题12/16（智能视觉系统）"),
                ("5", "联络声明"), ("6", "未来活动"), ("7", "其他事宜"), ("8", "会议闭幕")]
    annex_a = [
        *L.annex("附件A", "会议实用信息"),
        p("远程参会：将使用“我的会议”工具提供远程参会，代表必须注册。"),
    ]
    annex_b = [
        *L.annex("附件B", "议程"),
        *[p(f"{n}\t{t}", ind=(794, 794) if "." not in n else (1588, 794),
            tabs=(("left", 794 if "." not in n else 1588),)) for n, t in numbered],
    ]
    return [L.date_line("2021年3月22日，日内瓦"), header, L.empty(), body, annex_a, annex_b]


# --------------------------------------------------------------------------
# 3. TSB Circular 300: a questionnaire. No meeting, no agenda, no events (it
#    names a study group and an annex of numbered questions, neither of which
#    is a meeting or an agenda). The signature is in a text box.

def circular_300(L):
    d, p = L.d, L.p
    header = L.header_table([
        ("文号：", [["电信标准化局第", "300号通函"], "SG16/CB"]),
        ("致：", [L.addressee("- 国际电联各成员国主管部门；"), L.addressee("- ITU-T部门成员；"),
                 L.addressee("- ITU-T部门准成员；"), L.addressee("- 国际电联学术成员")]),
        ("抄送：", [L.addressee("- ITU-T各研究组主席和副主席；"), L.addressee("- 电信发展局主任；"),
                  L.addressee("- 无线电通信局主任")]),
        ("电话：", "+41 22 730 6805"),
        ("传真：", "+41 22 730 5853"),
        ("电子邮件：", [[L.link("mailto:tsbsg16@itu.int", "tsbsg16@itu.int")]]),
        ("事由：", [["关于视频编码建议书实施情况的", "问卷调查"]]),
    ])
    signature = d.textbox([d.para(d.run("李在摄")), d.para(*L.runs("电信标准化局主任"))])
    body = [
        p("尊敬的先生/女士："),
        p("第16研究组在其上次会议上同意开展一项关于视频编码标准实施情况的调查。"),
        p("本问卷旨在收集各成员实施H.264建议书和ITU-T H.265建议书的信息，调查结果将提交第16研究组审议。"),
        p("请于2021年4月30日前填写在线问卷。"),
        p("问卷网址：", L.link("https://www.itu.int/go/tsg16/survey")),
        p("问卷全文见附件A。如有任何问题，请联系tsbsg16@itu.int。"),
        p("顺致敬意！"),
        d.para(signature),
    ]
    annex = [
        *L.annex("附件A", "问卷"),
        p("1\t贵国是否已采用H.264建议书？", tabs=(("left", 794),), ind=(794, 794)),
        p("2\t贵国是否计划采用ITU-T H.265建议书？", tabs=(("left", 794),), ind=(794, 794)),
        p("3\t请说明实施中遇到的主要问题。", tabs=(("left", 794),), ind=(794, 794)),
    ]
    return [L.date_line("2021年2月8日，日内瓦"), header, L.empty(), body, annex]


# --------------------------------------------------------------------------
# 4. TSB Circular 375: the FG-AI4H focus group meeting, hybrid, in fullwidth
#    digits, winter. File code "TSB Events/XY", typed-bullet deadlines, a
#    deadline in Annex A, an event with a link, no agenda.

def circular_375(L):
    p = L.p
    header = L.header_table([
        ("文号：", [["电信标准化局第375号", "通函"], "TSB Events/XY"]),
        ("致：", [L.addressee("- 国际电联各成员国主管部门；"), L.addressee("- ITU-T部门成员；"),
                 L.addressee("- ITU-T部门准成员；"), L.addressee("- 国际电联学术成员；"),
                 L.addressee("- 对人工智能健康应用感兴趣的其他各方")]),
        ("联系人：", "Leo Bergmann"),
        ("电话：", "+41 22 730 6206"),
        ("电子邮件：", [[L.link("mailto:tsbfgai4h@itu.int", "tsbfgai4h@itu.int")]]),
        ("网页：", [[L.link("https://www.itu.int/go/fgai4h")]]),
        ("事由：", "国际电联/世卫组织人工智能健康应用焦点组（FG-AI4H）会议（２０２２年３月７日至１０日，日内瓦）"),
    ])
    body = [
        p("尊敬的先生/女士："),
        p("我高兴地邀请您参加国际电联/世卫组织人工智能健康应用焦点组（FG-AI4H）第14次会议。",
          "会议将于２０２２年３月７日至１０日在日内瓦国际电联总部以混合方式召开，既可现场参会，也可远程参会。"),
        p("会议将于首日11:00（日内瓦时间）开幕。"),
        p("焦点组向所有感兴趣的各方开放，参会不收取费用。会议议程将在焦点组网页上公布。"),
        p("重要截止日期：", keep_next=True),
        L.bullet("2022年2月21日：提交签证协办申请", mark="•"),
        L.bullet("2022年2月28日：提交文稿（通过焦点组协作平台）", mark="•"),
        p("FG-AI4H新参会者介绍会将于2022年3月4日（日内瓦时间）15时至16时以线上方式举行。注册网址：",
          L.link("https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=C-00010678"), "。"),
        p("会议实用信息见附件A。"),
        p("顺致敬意！"),
        p("（签字）"),
        p("电信标准化局主任"),
        p("李在摄"),
    ]
    annex = [
        *L.annex("附件A", "会议实用信息"),
        p("现场参会者请于2022年3月4日前完成现场参会注册。"),
        p("远程参会者可通过“我的会议”工具参会。"),
    ]
    return [L.date_line("2022年1月24日，日内瓦"), header, L.empty(), body, annex]


# --------------------------------------------------------------------------
# 5. Addendum 1 to TSB Collective Letter 8/16: the SG16 meeting moved online,
#    over New Year, winter. Names the parent letter and the old venue.

def addendum_8_16(L):
    p = L.p
    header = L.header_table([
        ("文号：", [["电信标准化局第8/16号集体函的", "补遗1"], "SG16/SC"]),
        ("致：", [L.addressee("- 国际电联各成员国主管部门；"), L.addressee("- ITU-T部门成员；"),
                 L.addressee("- 参加第16研究组工作的ITU-T部门准成员；"), L.addressee("- 国际电联学术成员")]),
        ("电话：", "+41 22 730 6805"),
        ("传真：", "+41 22 730 5853"),
        ("电子邮件：", [[L.link("mailto:tsbsg16@itu.int", "tsbsg16@itu.int")]]),
        ("网页：", [[L.link("https://www.itu.int/go/tsg16")]]),
        ("事由：", "ITU-T第16研究组会议改为虚拟会议，2020年12月31日至2021年1月8日"),
    ])
    body = [
        p("尊敬的先生/女士："),
        p("谨通知您，由于新冠肺炎疫情，原定在日内瓦举行的第16研究组会议将改为以完全虚拟方式举行，",
          "会议日期为2020年12月31日至2021年1月8日。"),
        p("会议第一天将于11时（日内瓦时间）开始。"),
        p("电信标准化局第8/16号集体函中的所有其他信息保持不变。"),
        p("经修订的重要截止日期如下：", keep_next=True),
        L.deadline_line("2020年12月1日", "提交需要翻译的ITU-T成员文稿"),
        L.deadline_line("2020年12月18日", "提交ITU-T成员文稿"),
        L.deadline_line("2020年12月21日", "注册"),
        p("顺致敬意！"),
        p("电信标准化局主任"),
        p("李在摄"),
    ]
    return [L.date_line("2020年11月20日，日内瓦"), header, L.empty(), body]


# --------------------------------------------------------------------------
# 6. TSB Collective Letter 4/12 (2012): dates and times in Chinese numerals,
#    the meeting's year left out, header labels without a colon, deadlines in a
#    two-column table, Annex B agenda as a two-column table.

def cl_4_12(L):
    p = L.p
    header = L.header_table([
        ("文号", [["电信标准化局第4/12号", "集体函"], "SG12/MA"]),
        ("致", [L.addressee("- 国际电联成员国主管部门；"), L.addressee("- ITU-T部门成员；"),
               L.addressee("- 参加第12研究组工作的ITU-T部门准成员")]),
        ("抄送", [L.addressee("- ITU-T第12研究组主席和副主席；"), L.addressee("- 电信发展局主任；"),
                L.addressee("- 无线电通信局主任")]),
        ("电话", "+41 22 730 5860"),
        ("传真", "+41 22 730 5853"),
        ("电子邮件", [[L.link("mailto:tsbsg12@itu.int", "tsbsg12@itu.int")]]),
        ("事由", "第12研究组会议，二〇一二年六月十一日至二十二日，日内瓦"),
    ])
    deadlines = [("二〇一二年四月十一日", "提交与会补贴申请"),
                 ("二〇一二年五月十一日", "在线注册"),
                 ("五月三十日", "提交成员文稿")]
    body = [
        p("尊敬的先生/女士："),
        p("我高兴地邀请您参加第12研究组（性能、服务质量和体验质量）定于六月十一日至二十二日在日内瓦国际电联总部",
          "举行的会议。"),
        p("会议将于第一天十四时三十分（日内瓦时间）开幕。"),
        p("重要截止日期：", keep_next=True),
        L.grid([3402, TEXT_WIDTH - 3402], None, deadlines),
        p("另请注意：", keep_next=True),
        L.bullet("新代表介绍会将于六月十一日（日内瓦时间）十二时三十分至十三时三十分在C1会议室举行。"),
        p("会议实用信息见附件A，议程见附件B。"),
        p("顺致敬意！"),
        p("电信标准化局主任"),
        p("马尔科姆·琼森"),
    ]
    annex_a = [
        *L.annex("附件A", "会议实用信息"),
        p("注册：所有与会者须在会议开始至少一个月前在线注册。"),
    ]
    agenda = [("1", "会议开幕"), ("2", "通过议程"), ("3", "批准上次会议的报告"), ("4", "工作组的报告"),
              ("4.1", "1/12工作组"), ("4.2", "2/12工作组"), ("5", "ITU-T P.863建议书的修订"),
              ("6", "未来会议"), ("7", "会议闭幕")]
    annex_b = [
        *L.annex("附件B", "议程"),
        L.grid([1134, TEXT_WIDTH - 1134], ("编号", "议题"), agenda),
    ]
    return [L.date_line("二〇一二年三月五日，日内瓦"), header, L.empty(), body, annex_a, annex_b]


# --------------------------------------------------------------------------
# 7. TSB Collective Letter 6/17: SG17 in Geneva across a month end, 欧洲中部时间,
#    reference and file code split by a line break, Word bullet deadlines, a
#    deadline without its year, an event with a quoted title, and the Annex B
#    agenda in Word automatic numbering (numbers not in the text).

AGENDA_NUM, BULLET_NUM = 1, 2


def cl_6_17(L):
    p = L.p
    header = L.header_table([
        ("文号：", [["电信标准化局第6/17号集体函\nSG17/AM"]]),
        ("致：", [L.addressee("- 国际电联各成员国主管部门；"), L.addressee("- ITU-T部门成员；"),
                 L.addressee("- 参加第17研究组工作的ITU-T部门准成员；"), L.addressee("- 国际电联学术成员")]),
        ("抄送：", [L.addressee("- ITU-T第17研究组主席、副主席；"), L.addressee("- 国际电联各区域代表处")]),
        ("联系人：", "Elena Moretti"),
        ("电话：", "+41 22 730 6206"),
        ("电子邮件：", [[L.link("mailto:tsbsg17@itu.int", "tsbsg17@itu.int")]]),
        ("网页：", [[L.link("https://www.itu.int/go/tsg17")]]),
        ("事由：", "ITU-T第17研究组会议，2023年8月29日至9月7日，日内瓦"),
    ])
    body = [
        p("尊敬的先生/女士："),
        p("我高兴地邀请您参加第17研究组（安全）于2023年8月29日至9月7日在日内瓦国际电联总部举行的会议。"),
        p("会议将于第一天欧洲中部时间9时30分开幕。"),
        p("重要截止日期：", keep_next=True),
        p("2023年6月29日：提交需要翻译的ITU-T成员文稿", style="ListParagraph", num=(BULLET_NUM, 0)),
        p("2023年7月14日：提交与会补贴申请", style="ListParagraph", num=(BULLET_NUM, 0)),
        p("2023年8月16日：提交ITU-T成员文稿", style="ListParagraph", num=(BULLET_NUM, 0)),
        p("请于8月18日前通过研究组主页完成注册。"),
        p("“量子时代的安全”研讨会将于2023年8月28日（日内瓦时间）14时至17时30分在国际电联总部举行，详情见",
          L.link("https://www.itu.int/go/sg17-quantum-2023"), "。"),
        p("会议实用信息见附件A，议程草案见附件B。"),
        p("顺致敬意！"),
        p("电信标准化局主任"),
        p("尾上诚藏"),
    ]
    annex_a = [
        *L.annex("附件A", "会议实用信息"),
        p("与会者可在会场使用无线局域网。"),
    ]
    items = [(0, "会议开幕"), (0, "通过议程和文件分配"), (1, "通过议程"), (1, "文件分配"),
             (0, "工作组的报告"), (1, "1/17工作组"), (0, "ITU-T X.509建议书的修订"),
             (0, "其他事宜"), (0, "会议闭幕")]
    annex_b = [
        *L.annex("附件B", "议程草案"),
        *[p(text, style="ListParagraph", num=(AGENDA_NUM, lvl)) for lvl, text in items],
    ]
    return [L.date_line("2023年5月15日，日内瓦"), header, L.empty(), body, annex_a, annex_b]


CL_6_17_NUMBERING = numbering_xml([
    [level(0, "decimal", "%1", left=794, hanging=794),
     level(1, "decimal", "%1.%2", left=1588, hanging=794)],
    [level(0, "bullet", "\uf0b7", left=720, hanging=360, symbol_font=True)],
])


# --------------------------------------------------------------------------
# 8. TSB Collective Letter 9/2, written in December: ASCII-colon labels, a
#    range with （含）, deadlines without their year (one falls in the next
#    year), a winter event, Annex 1 agenda with several documents per cell.

def cl_9_2(L):
    p = L.p
    header = L.header_table([
        ("文号:", [["电信标准化局第9/2", "号集体函"], "SG2/RC"]),
        ("致:", [L.addressee("- 国际电联各成员国主管部门；"), L.addressee("- ITU-T部门成员；"),
                L.addressee("- 参加第2研究组工作的ITU-T部门准成员；"), L.addressee("- 国际电联学术成员")]),
        ("电话:", "+41 22 730 5415"),
        ("电子邮件:", [[L.link("mailto:tsbsg2@itu.int", "tsbsg2@itu.int")]]),
        ("网页:", [[L.link("https://www.itu.int/go/tsg2")]]),
        ("事由:", "第2研究组虚拟会议，2022年2月21-25日"),
    ])
    body = [
        p("尊敬的先生/女士："),
        p("我高兴地邀请您参加第2研究组（业务提供和电信管理的运营问题）计划于2022年2月21-25日（含）以完全虚拟方式",
          "召开的会议。"),
        p("会议将于2022年2月21日12时（日内瓦时间）开幕。"),
        p("请于12月22日前告知电信标准化局是否需要为全体会议提供口译服务。"),
        p("请于1月10日前提交需要翻译的成员文稿。"),
        p("请于2022年2月9日前提交成员文稿。"),
        p("新代表情况介绍会将于2022年2月18日（日内瓦时间）13时至14时以虚拟方式举办。请在以下网址注册：",
          L.link("https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=C-00010555"), "。"),
        p("会议议程草案见附件1。"),
        p("顺致敬意！"),
        p("李在摄"),
        p("电信标准化局主任"),
    ]
    agenda = [
        ("1", "会议开幕", ""),
        ("2", "通过议程", "TD 30"),
        ("3", "批准上次会议的报告", "Report 5"),
        ("4", "第1/2工作组的报告", "C 12、C 13"),
        ("5", "第2/2工作组的报告", "TD 41, TD 42, TD 43"),
        ("6", "ITU-T E.164建议书增补草案", ""),
        ("7", "会议闭幕", ""),
    ]
    annex = [
        *L.annex("附件1", "议程草案"),
        L.grid([1134, 5670, TEXT_WIDTH - 6804], ("编号", "议题", "文件"), agenda),
    ]
    return [L.date_line("2021年12月15日，日内瓦"), header, L.empty(), body, annex]


# --------------------------------------------------------------------------
# 9. TSB Collective Letter 12/15: WP3/15 hybrid in November (winter), written
#    "3/15工作组" without 第; deadlines in a table with a header row; an event
#    without a time; Annex 2 agenda with multi-paragraph cells and bullet lines.

def cl_12_15(L):
    p = L.p
    header = L.header_table([
        ("文号：", [["电信标准化局第12/15号集体函"], "SG15/HO"]),
        ("致：", [L.addressee("- 国际电联各成员国主管部门；"), L.addressee("- ITU-T部门成员；"),
                 L.addressee("- 参加第15研究组工作的ITU-T部门准成员；"), L.addressee("- 国际电联学术成员")]),
        ("抄送：", L.addressee("- ITU-T第15研究组主席和副主席")),
        ("联系人：", "Lina Haddad"),
        ("电话：", "+41 22 730 6356"),
        ("电子邮件：", [[L.link("mailto:tsbsg15@itu.int", "tsbsg15@itu.int")]]),
        ("事由：", "3/15工作组会议（2024年11月18日至22日，日内瓦）"),
    ])
    deadlines = [("2024年10月4日", "提交与会补贴申请"),
                 ("2024年10月18日", "提交签证协办申请"),
                 ("2024年11月5日", "提交ITU-T成员文稿")]
    body = [
        p("尊敬的女士/先生："),
        p("我高兴地通知您，3/15工作组（传送网络的技术规范）会议将于2024年11月18日至22日在日内瓦国际电联总部",
          "以混合方式举行。"),
        p("会议第一天将于日内瓦时间十四时开幕。"),
        p("本次会议将审议ITU-T G.8275.1建议书和G.709建议书的修订草案。"),
        p("重要截止日期", keep_next=True),
        L.grid([3402, TEXT_WIDTH - 3402], ("日期", "事项"), deadlines),
        p("另请注意：", keep_next=True),
        L.bullet("第15研究组非洲区域组会议将于2024年11月17日在日内瓦举行。"),
        p("会议实用信息见附件1，议程草案见附件2。"),
        p("顺致敬意！"),
        p("尾上诚藏"),
        p("电信标准化局主任"),
    ]
    annex1 = [
        *L.annex("附件1", "会议实用信息"),
        p("远程参会：远程参会者须注册并使用“我的会议”工具。"),
    ]
    agenda = [
        ("1", "会议开幕", ""),
        ("2", "通过议程", "TD 501"),
        ("3", "各课题的进展报告", ""),
        ("3.1", ("课题10/15：", "•审议G.8275.1修订草案", "•审议联络声明"), "TD 510, TD 511"),
        ("3.2", ("课题11/15：", "•审议G.709修订草案"), ("C 88", "C 89")),
        ("4", "知识产权声明", "请与会者告知是否了解所审议建议书涉及的专利。"),
        ("5", "其他事宜", ""),
        ("6", "会议闭幕", ""),
    ]
    annex2 = [
        *L.annex("附件2", "议程草案"),
        L.grid([1134, 5670, TEXT_WIDTH - 6804], ("编号", "项目", "文件"), agenda),
    ]
    return [L.date_line("2024年9月2日，日内瓦"), header, L.empty(), body, annex1, annex2]


# --------------------------------------------------------------------------
# 10. TSB Circular 152: a workshop. Place before date, header as tabbed
#     paragraphs, two events and two deadlines but no meeting of a body, no
#     annex; the signature (title first) is in a text box.

def circular_152(L):
    d, p = L.d, L.p
    header = [
        L.tab_field("文号：", "电信标准化局第152号通函"),
        L.tab_field(None, "TSB Events/XY"),
        L.tab_field("致：", "- 国际电联各成员国主管部门；"),
        L.tab_field(None, "- ITU-T部门成员；"),
        L.tab_field(None, "- ITU-T部门准成员；"),
        L.tab_field(None, "- 国际电联学术成员"),
        L.tab_field("抄送：", "- ITU-T各研究组主席和副主席"),
        L.tab_field("电话：", "+41 22 730 5591"),
        L.tab_field(("电子邮件", "："), L.link("mailto:tsbworkshops@itu.int", "tsbworkshops@itu.int")),
        L.tab_field("事由：", "“人工智能赋能的未来网络”研讨会，2023年11月27日，日内瓦"),
    ]
    signature = d.textbox([d.para(*L.runs("电信标准化局主任")), d.para(d.run("尾上诚藏"))],
                          offset=(2880000, 90000))
    body = [
        p("尊敬的先生/女士："),
        p("“人工智能赋能的未来网络”研讨会将于2023年11月27日（日内瓦时间）9时30分至17时30分在日内瓦国际电联总部举行。",
          "研讨会网页：",
          L.link("https://www.itu.int/en/ITU-T/Workshops-and-Seminars/2023/1127/Pages/default.aspx"), "。"),
        p("人工智能与网络黑客马拉松将于2023年11月28日（日内瓦时间）9时至18时举办。"),
        p("研讨会免费向所有人开放，将仅以英文进行。"),
        p("希望发言的各方请于2023年11月6日前将发言提纲发送至tsbworkshops@itu.int。"),
        p("请于2023年11月20日前在线注册。"),
        p("顺致敬意！"),
        d.para(signature),
    ]
    return [d.para(*L.runs("日内瓦，2023年10月16日"), jc="right"), L.empty(), header, L.empty(), body]


# --------------------------------------------------------------------------
# 11. TSB Collective Letter 4/3: SG3 in Geneva (not at headquarters), weekdays,
#     a 9:30 opening, typed "-" bullet deadlines with dashes, an event on a
#     Sunday, Annex B agenda as numbered paragraphs three levels deep.

def cl_4_3(L):
    p = L.p
    header = L.header_table([
        ("文号：", [["电信标准化局第4/3号集体函"], "SG3/KM"]),
        ("致：", [L.addressee("- 国际电联各成员国主管部门；"), L.addressee("- ITU-T部门成员；"),
                 L.addressee("- 参加第3研究组工作的ITU-T部门准成员；"), L.addressee("- 国际电联学术成员")]),
        ("联系人：", "Karim Mansour"),
        ("电话：", "+41 22 730 5866"),
        (("传", "真："), "+41 22 730 5853"),
        ("电子邮件：", [[L.link("mailto:tsbsg3@itu.int", "tsbsg3@itu.int")]]),
        ("网页：", [[L.link("https://www.itu.int/go/tsg3")]]),
        ("事由：", "第3研究组会议，2022年9月5日至14日，日内瓦"),
    ])
    body = [
        p("尊敬的先生/女士："),
        p("谨通知您，第3研究组（经济和政策问题）会议将于2022年9月5日（星期一）至9月14日（星期三）在日内瓦举行。"),
        p("会议将于第一天9:30（日内瓦时间）开始。"),
        p("会议期间将审议ITU-T D.50建议书的修订草案。"),
        p("重要截止日期：", keep_next=True),
        L.bullet("2022年7月5日 – 提交与会补贴申请"),
        L.bullet("2022年7月25日 – 提交签证协办申请"),
        L.bullet("2022年8月5日 – 提交需要翻译的成员文稿"),
        p("经济和政策问题区域研讨会将于2022年9月4日（星期日）14时至17时（日内瓦时间）举行。"),
        p("会议实用信息见附件A，议程草案见附件B。"),
        p("顺致敬意！"),
        p("电信标准化局主任"),
        p("李在摄"),
    ]
    annex_a = [
        *L.annex("附件A", "会议实用信息"),
        p("注册：与会者须在会议开始至少一个月前在线注册。"),
    ]
    numbered = [("1", "会议开幕"), ("2", "通过议程"), ("3", "课题报告"), ("3.1", "1/3工作组的课题"),
                ("3.1.1", "课题1/3（资费和结算原则）"), ("3.1.2", "课题2/3（国际电信业务的计费）"),
                ("3.2", "2/3工作组的课题"), ("4", "其他事宜"), ("5", "会议闭幕")]
    indent = {1: 794, 2: 1588, 3: 2381}
    annex_b = [
        *L.annex("附件B", "议程草案"),
        *[p(f"{n}\t{t}", ind=(indent[n.count(".") + 1], 794),
            tabs=(("left", indent[n.count(".") + 1]),)) for n, t in numbered],
    ]
    return [L.date_line("2022年6月1日，日内瓦"), header, L.empty(), body, annex_a, annex_b]


# --------------------------------------------------------------------------
# 12. TSB Collective Letter 10/11: SG11 hybrid across the end of summer time
#     (the meeting opens on summer time, a forum a week later is on winter
#     time), location after 地点为, deadlines in a table without a header row.

def cl_10_11(L):
    p = L.p
    header = L.header_table([
        ("文号：", [["电信标准化局第10/11号", "集体函"], "SG11/DA"]),
        ("致：", [L.addressee("- 国际电联各成员国主管部门；"), L.addressee("- ITU-T部门成员；"),
                 L.addressee("- 参加第11研究组工作的ITU-T部门准成员；"), L.addressee("- 国际电联学术成员")]),
        ("抄送：", [L.addressee("- ITU-T第11研究组主席和副主席；"), L.addressee("- 电信发展局主任")]),
        ("电话：", "+41 22 730 6071"),
        ("电子邮件：", [[L.link("mailto:tsbsg11@itu.int", "tsbsg11@itu.int")]]),
        ("网页：", [[L.link("https://www.itu.int/go/tsg11")]]),
        ("事由：", "ITU-T第11研究组会议，2022年10月24日至11月2日"),
    ])
    deadlines = [("2022年8月24日", "提交需要翻译的ITU-T成员文稿"),
                 ("2022年9月23日", "提交与会补贴申请"),
                 ("2022年10月12日", "提交ITU-T成员文稿")]
    body = [
        p("尊敬的先生/女士："),
        p("我高兴地邀请您参加第11研究组（信令要求、协议、测试规范和打击假冒产品）的会议。会议将于2022年10月24日至11月2日",
          "以混合方式举行，地点为日内瓦国际电联总部。"),
        p("会议将于首日十一时（日内瓦时间）开幕。"),
        p("会议将审议ITU-T Q.3960建议书的修订草案。"),
        p("截止日期：", keep_next=True),
        L.grid([3402, TEXT_WIDTH - 3402], None, deadlines),
        p("另请注意：", keep_next=True),
        L.bullet("新代表情况介绍会将于2022年10月24日（日内瓦时间）9时至10时举行。"),
        L.bullet("“打击假冒和被盗ICT设备”论坛将于2022年10月31日（日内瓦时间）12时至13时30分以混合方式举办。更多信息见：",
                 L.link("https://www.itu.int/go/tsg11/forum2022"), "。"),
        p("议程草案见附件B。"),
        p("祝会议圆满成功！"),
        p("电信标准化局主任"),
        p("李在摄"),
    ]
    agenda = [
        ("1", "会议开幕", ""),
        ("2", "通过议程", "TD 100"),
        ("3", "工作组的报告", ""),
        ("3.1", "1/11工作组", "TD 110"),
        ("3.2", "2/11工作组", "TD 120, TD 121"),
        ("4", "会议闭幕", ""),
    ]
    annex_b = [
        *L.annex("附件B", "议程草案"),
        L.grid([1134, 5670, TEXT_WIDTH - 6804], ("序号", "议题", "文件"), agenda),
    ]
    return [L.date_line("2022年8月15日，日内瓦"), header, L.empty(), body, annex_b]


# --------------------------------------------------------------------------
# 13. TSB Collective letter 7/11, in English: SG11 virtual, English labels,
#     dates and hours, the signature title over a line break.

def cl_7_11_en(L):
    p = L.p
    header = L.header_table([
        ("Ref:", [["TSB Collective letter 7/", "11"], "SG11/DA"]),
        ("Contact:", "Maria Vogel"),
        ("Tel.:", "+41 22 730 5780"),
        ("Fax:", "+41 22 730 5853"),
        ("E-mail:", [[L.link("mailto:tsbsg11@itu.int", "tsbsg11@itu.int")]]),
        ("To:", [L.addressee("- Administrations of ITU Member States;"),
                 L.addressee("- ITU-T Sector Members;"),
                 L.addressee("- ITU-T Associates participating in the work of Study Group 11;"),
                 L.addressee("- ITU Academia")]),
        ("Copy:", [L.addressee("- The Chairman and Vice-Chairmen of ITU-T Study Group 11;"),
                   L.addressee("- The Director of the Telecommunication Development Bureau;"),
                   L.addressee("- The Director of the Radiocommunication Bureau")]),
        ("Subject:", [[L.hlk("Study Group 11 virtual meeting, 17-27 May 2021", bold=True)]]),
    ])
    body = [
        p("Dear Sir/Madam,"),
        p("I am pleased to invite you to attend the next meeting of Study Group 11 (Signalling requirements, ",
          "protocols, test specifications and combating counterfeit products), which will be held fully "
          "virtually, 17-27 May 2021."),
        p("The opening session will start at 1100 hours (Geneva time) on the first day of the meeting."),
        p("The meeting will consider draft revised Recommendation ITU-T Q.3057."),
        p("Key deadlines:", keep_next=True),
        L.deadline_line("17 March 2021", "Submit ITU-T Member contributions for which translation is requested"),
        L.deadline_line("16 April 2021", "Pre-registration (via the online form on the Study Group homepage)"),
        L.deadline_line("4 May 2021", "Submit ITU-T Member contributions"),
        p("A new delegates briefing session will take place on 21 April 2021, 1100-1300 hours (Geneva time). "
          "Please register at ",
          L.link("https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=C-00009300"), "."),
        p("Practical meeting information is set out in Annex A. The draft agenda is in Annex B."),
        p("Yours faithfully,"),
        p("(signed)"),
        p("Chaesub Lee"),
        p("Director of the Telecommunication\nStandardization Bureau"),
    ]
    annex_a = [
        *L.annex("Annex A", "Practical meeting information"),
        p("The meeting will be held in English only, with no interpretation."),
    ]
    agenda = [
        ("1", "Opening of the meeting", ""),
        ("2", "Adoption of the agenda", "TD 1"),
        ("3", "Approval of the report of the last meeting", "Report 10"),
        ("4", "Reports of Working Parties", ""),
        ("4.1", "Working Party 1/11", "TD 20, TD 21"),
        ("5", "Any other business", ""),
        ("6", "Closing of the meeting", ""),
    ]
    annex_b = [
        *L.annex("Annex B", "Draft agenda"),
        L.grid([1134, 5670, TEXT_WIDTH - 6804], ("No.", "Item", "Documents"), agenda),
    ]
    return [L.date_line("Geneva, 22 February 2021"), header, L.empty(), body, annex_a, annex_b]


# --------------------------------------------------------------------------
# 14. TSB Collective Letter 2/9: SG9 at headquarters. Events as date-led "•"
#     bullets with no 将于 (one with times, a zone and a registration link,
#     one on a day of the meeting), after deadlines as "•" bullets with "：".
#     Annex B agenda numbered in Chinese numerals ("一、"), with "（一）"
#     sub-items, under a date line that is no item.

def cl_2_9(L):
    p = L.p
    header = L.header_table([
        ("文号：", [["电信标准化局第2/9号集体函"], "SG9/RM"]),
        ("致：", [L.addressee("- 国际电联各成员国主管部门；"), L.addressee("- ITU-T部门成员；"),
                 L.addressee("- 参加第9研究组工作的ITU-T部门准成员；"), L.addressee("- 国际电联学术成员")]),
        ("联系人：", "Paolo Rosa"),
        ("电话：", "+41 22 730 5468"),
        ("电子邮件：", [[L.link("mailto:tsbsg9@itu.int", "tsbsg9@itu.int")]]),
        ("网页：", [[L.link("https://www.itu.int/go/tsg9")]]),
        ("事由：", "第9研究组会议，2024年4月15日至19日，日内瓦"),
    ])
    body = [
        p("尊敬的先生/女士："),
        p("谨通知您，第9研究组（宽带有线和电视）会议将于2024年4月15日至19日在日内瓦国际电联总部举行。"),
        p("会议将于第一天9时30分（日内瓦时间）开幕。"),
        p("重要截止日期：", keep_next=True),
        L.bullet("2024年2月15日：提交需要翻译的ITU-T成员文稿", mark="•"),
        L.bullet("2024年3月15日：提交与会补贴申请", mark="•"),
        L.bullet("2024年4月2日：提交ITU-T成员文稿", mark="•"),
        p("另请注意：", keep_next=True),
        L.bullet("2024年4月14日（日内瓦时间）14时至15时30分：新代表情况介绍会，注册：",
                 L.link("https://www.itu.int/go/tsg9/newcomers"), mark="•"),
        L.bullet("2024年4月16日：“有线电视网络的未来”研讨会", mark="•"),
        p("会议实用信息见附件A，议程草案见附件B。"),
        p("顺致敬意！"),
        p("电信标准化局主任"),
        p("尾上诚藏"),
    ]
    annex_a = [
        *L.annex("附件A", "会议实用信息"),
        p("注册：与会者须在会议开始至少一个月前在线注册。"),
    ]
    outline = [("一、", "会议开幕"), ("二、", "通过议程和时间表"), ("三、", "工作组报告"),
               ("（一）", "第1/9工作组"), ("（二）", "第2/9工作组"),
               ("四、", "ITU-T J.1305建议书草案"), ("五、", "其他事宜"), ("六、", "会议闭幕")]
    annex_b = [
        *L.annex("附件B", "议程草案"),
        p("2024年4月15日至19日，日内瓦", jc="center"),
        *[p(f"{n}{t}", ind=(1588 if n.startswith("（") else 794, 0)) for n, t in outline],
    ]
    return [L.date_line("2024年1月15日，日内瓦"), header, L.empty(), body, annex_a, annex_b]


# --------------------------------------------------------------------------
# 15. TSB Collective letter 3/12, in English: SG12 at ITU headquarters. Events
#     as "–" lines led by the date (times and zone before a colon, the link on
#     the line below), an agenda in Roman numerals ("I.", "IV –") with "(1)"
#     sub-items under a date line.

def cl_3_12_en(L):
    p = L.p
    header = L.header_table([
        ("Ref:", [["TSB Collective letter 3/12"], "SG12/HL"]),
        ("Contact:", "Hugo Lambert"),
        ("Tel.:", "+41 22 730 6828"),
        ("E-mail:", [[L.link("mailto:tsbsg12@itu.int", "tsbsg12@itu.int")]]),
        ("To:", [L.addressee("- Administrations of ITU Member States;"),
                 L.addressee("- ITU-T Sector Members;"),
                 L.addressee("- ITU-T Associates participating in the work of Study Group 12;"),
                 L.addressee("- ITU Academia")]),
        ("Subject:", "Study Group 12 meeting, Geneva, 14-23 May 2024"),
    ])
    body = [
        p("Dear Sir/Madam,"),
        p("I am pleased to invite you to attend the next meeting of Study Group 12 (Performance, QoS and QoE), "
          "which will be held at ITU headquarters, Geneva, from 14 to 23 May 2024."),
        p("The opening session will start at 0930 hours (Geneva time) on the first day of the meeting."),
        p("Key deadlines:", keep_next=True),
        L.deadline_line("2 April 2024", "Submit requests for fellowships"),
        L.deadline_line("1 May 2024", "Submit ITU-T Member contributions"),
        p("Please also note the following events:", keep_next=True),
        L.bullet("13 May 2024, 14:00–15:00 Geneva time: Newcomers' briefing session", mark="–"),
        p("Registration: ", L.link("https://www.itu.int/go/tsg12/newcomers")),
        L.bullet("16 May 2024: Workshop on quality of experience for immersive media", mark="–"),
        p("Yours faithfully,"),
        p("(signed)"),
        p("Seizo Onoe"),
        p("Director of the Telecommunication Standardization Bureau"),
    ]
    annex_a = [
        *L.annex("Annex A", "Practical meeting information"),
        p("The meeting will be held in English only, with no interpretation."),
    ]
    outline = [("I.\t", "Opening of the meeting"), ("II.\t", "Adoption of the agenda"),
               ("III.\t", "Reports of the Working Parties"), ("(1)\t", "Working Party 1/12"),
               ("(2)\t", "Working Party 2/12"), ("IV –\t", "Draft Recommendation ITU-T P.1203"),
               ("V.\t", "Closing of the meeting")]
    annex_b = [
        *L.annex("Annex B", "Draft agenda"),
        p("14 May 2024, Geneva", jc="center"),
        *[p(f"{n}{t}", ind=(1588 if n.startswith("(") else 794, 794),
            tabs=(("left", 1588 if n.startswith("(") else 794),)) for n, t in outline],
    ]
    return [L.date_line("Geneva, 5 February 2024"), header, L.empty(), body, annex_a, annex_b]


# --------------------------------------------------------------------------

LETTERS = [
    # name, builder, core properties (title, creator, last modified by, created, modified), extras
    ("cl-5-13-sg13-geneva", cl_5_13,
     ("ITU-T第13研究组会议，2022年7月4日至15日，日内瓦", "TSB", "Chen, Jing",
      "2022-03-01T08:40:00Z", "2022-03-04T10:15:00Z"), {}),
    ("cl-3-16-wp1-tabbed", cl_3_16,
     ("ITU-T第1/16工作组虚拟会议", "TSB", "Zhang, Wei", "2021-03-18T13:05:00Z", "2021-03-22T07:58:00Z"), {}),
    ("circular-300-survey", circular_300,
     ("关于视频编码建议书实施情况的问卷调查", "TSB", "Li, Na", "2021-02-03T09:00:00Z",
      "2021-02-08T16:20:00Z"), {}),
    ("circular-375-fg-ai4h-fullwidth", circular_375,
     ("FG-AI4H会议", "TSB", "Wang, Fang", "2022-01-20T10:30:00Z", "2022-01-24T09:45:00Z"), {}),
    ("addendum-1-cl-8-16", addendum_8_16,
     ("第8/16号集体函的补遗1", "TSB", "Mao, Yuanyuan", "2020-11-19T15:00:00Z", "2020-11-20T08:30:00Z"), {}),
    ("cl-4-12-chinese-numerals", cl_4_12,
     ("第12研究组会议", "TSB", "Liu, Yang", "2012-03-01T09:10:00Z", "2012-03-05T11:00:00Z"), {}),
    ("cl-6-17-autonumber", cl_6_17,
     ("ITU-T第17研究组会议", "TSB", "Zhao, Lei", "2023-05-10T07:30:00Z", "2023-05-15T12:45:00Z"),
     dict(numbering=CL_6_17_NUMBERING, extra_styles=(LIST_PARAGRAPH,))),
    ("cl-9-2-december", cl_9_2,
     ("第2研究组虚拟会议", "TSB", "Sun, Hui", "2021-12-13T14:00:00Z", "2021-12-15T09:20:00Z"), {}),
    ("cl-12-15-wp3-hybrid", cl_12_15,
     ("3/15工作组会议", "TSB", "Xu, Min", "2024-08-28T08:00:00Z", "2024-09-02T10:00:00Z"), {}),
    ("circular-152-workshop", circular_152,
     ("“人工智能赋能的未来网络”研讨会", "TSB", "Huang, Li", "2023-10-11T09:00:00Z",
      "2023-10-16T08:10:00Z"), {}),
    ("cl-4-3-numbered-agenda", cl_4_3,
     ("第3研究组会议", "TSB", "Zhou, Qiang", "2022-05-27T10:00:00Z", "2022-06-01T09:00:00Z"), {}),
    ("cl-10-11-dst-hybrid", cl_10_11,
     ("ITU-T第11研究组会议", "TSB", "Wu, Jun", "2022-08-10T12:00:00Z", "2022-08-15T08:00:00Z"), {}),
    ("cl-7-11-en", cl_7_11_en,
     ("Study Group 11 virtual meeting, 17-27 May 2021", "TSB", "Vogel, Maria",
      "2021-02-18T10:00:00Z", "2021-02-22T09:30:00Z"), {}),
    ("cl-2-9-chinese-outline", cl_2_9,
     ("第9研究组会议", "TSB", "Rosa, Paolo", "2024-01-10T09:00:00Z", "2024-01-15T08:30:00Z"), {}),
    ("cl-3-12-en-roman", cl_3_12_en,
     ("Study Group 12 meeting, Geneva, 14-23 May 2024", "TSB", "Lambert, Hugo",
      "2024-01-31T14:00:00Z", "2024-02-05T07:45:00Z"), {}),
]


def main():
    for name, make, (title, creator, by, created, modified), extra in LETTERS:
        path = HERE / f"{name}.docx"
        build(path, make, title=title, creator=creator, modified_by=by, created=created,
              modified=modified, **extra)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
