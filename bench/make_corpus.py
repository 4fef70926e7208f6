#!/usr/bin/env python3
"""Writes a benchmark corpus of distinct ITU-T letters as DOCX packages.

  make_corpus.py OUT_DIR -n N [--seed S] [-j J] N letters: OUT_DIR/letter-00000.docx ...
  make_corpus.py --single OUT.docx [--seed S] [--scale K]
                                                one letter whose annexes repeat K times
  make_corpus.py --xml-mb MB OUT.docx [--seed S]
                                                one letter grown until its word/document.xml
                                                holds about MB megabytes (e.g. 20)

Each letter is a member of the family in shared/letter-family.md, written the
way Word 2016 writes it (samples/wordml.py): Chinese (about 60 %) or English,
a header block as a table or as tabbed paragraphs, deadlines, events with
links, practical information, and a draft agenda of 10 to 60 items (with
sub-items) as a table, as numbered paragraphs, or as Word automatic
numbering. About a third carry tracked changes (w:ins, w:del). A letter is
about 15 KB on disk with about 50 KB of word/document.xml.

Deterministic: letter i depends only on (seed, i), so two runs with the same
seed give identical bytes. Standard library only.
"""

import argparse
import itertools
import multiprocessing
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(HERE.parent / "samples"))

from wordml import (TEXT_WIDTH, Doc, docx_parts, document_xml, level,  # noqa: E402
                    numbering_xml, style, write_docx)

LABEL_W = 1418
DEADLINE_TABS = (("left", 567), ("left", 2552), ("left", 2835))
DEADLINE_IND = (2835, 2835)
AGENDA_NUM, BULLET_NUM = 1, 2  # numIds in NUMBERING

LIST_PARAGRAPH = style(
    "paragraph", "ListParagraph", "List Paragraph",
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/>'
    '<w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>')

NUMBERING = numbering_xml([
    [level(0, "decimal", "%1", left=794, hanging=794),
     level(1, "decimal", "%1.%2", left=1588, hanging=794)],
    [level(0, "bullet", "\uf0b7", left=720, hanging=360, symbol_font=True)],
])

GROUPS = {
    2: ("运营问题", "Operational aspects"),
    3: ("经济和政策问题", "Economic and policy issues"),
    5: ("环境、气候变化和循环经济", "Environment, EMF and circular economy"),
    9: ("宽带有线和电视", "Broadband cable and TV"),
    11: ("信令要求、协议、测试规范", "Protocols, testing and combating counterfeiting"),
    12: ("性能、服务质量和体验质量", "Performance, QoS and QoE"),
    13: ("未来网络和新兴网络技术", "Future networks and emerging network technologies"),
    15: ("网络、技术和基础设施", "Networks, technologies and infrastructures for transport"),
    16: ("多媒体编码、系统和应用", "Multimedia and digital technologies"),
    17: ("安全", "Security"),
    20: ("物联网和智慧城市与社区", "Internet of things and smart cities and communities"),
}
SECRETARIES = ["CB", "TK", "AM", "SC", "DA", "KM", "HL", "RS", "JP", "MV"]
CONTACTS = ["Marta Lindqvist", "Elena Moretti", "Karim Mansour", "Maria Vogel", "Simão Campos",
            "Hiroshi Ota", "Ana Pereira", "Tom Brennan", "Li Na", "Zhang Wei", "Olga Petrova"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MODES = ("geneva", "virtual", "hybrid")

AGENDA_ZH = [
    "会议开幕", "通过议程", "文件分配", "批准上次会议的报告", "知识产权声明", "时间表草案",
    "各工作组的报告", "联络声明", "输入联络声明报告", "批准即将发出的联络声明", "陈旧的工作项目",
    "任命工作组副主席、报告人、副报告人和联络官员", "各区域组的活动", "协作事宜和信息共享",
    "宣传活动和重大活动", "网络研讨会、培训和论坛", "信息通报文件", "建议书的同意/确定/批准/删除",
    "商定参考性案文", "未来活动", "计划召开的会议", "计划召开的电子化会议", "工作计划",
    "新工作项目", "课题报告", "落实全会决议的行动计划", "与其他研究组的合作", "标准化路线图",
    "测试和一致性", "弥合标准化工作差距", "其他事宜", "会议闭幕",
]
AGENDA_EN = [
    "Opening of the meeting", "Adoption of the agenda", "Document allocation",
    "Approval of the report of the last meeting", "Intellectual property rights declaration",
    "Draft time plan", "Reports of Working Parties", "Liaison statements",
    "Report on incoming liaison statements", "Approval of outgoing liaison statements",
    "Stale work items", "Appointment of vice-chairmen, rapporteurs and liaison officers",
    "Activities of the regional groups", "Collaboration and information sharing",
    "Promotion and major events", "Webinars, trainings and forums", "Information documents",
    "Consent, determination, approval or deletion of Recommendations",
    "Agreement of informative texts", "Future activities", "Meetings planned",
    "Electronic meetings planned", "Work programme", "New work items", "Reports of Questions",
    "Action plan for the Assembly resolutions", "Cooperation with other study groups",
    "Standardization roadmap", "Testing and conformance", "Bridging the standardization gap",
    "Any other business", "Closing of the meeting",
]
NOTES_ZH = ["请与会者说明是否了解与所审议建议书有关的专利、软件版权或商标信息。",
            "各工作组主席将介绍其会议的成果。", "仅供参考。"]
NOTES_EN = ["Participants are asked whether they know of patents, copyrights or trademarks "
            "that may be needed to implement the Recommendations under study.",
            "The chairmen will present the results of their meetings.", "For information."]
PRACTICAL_ZH = [
    ("文件的提交和获取：", "成员文稿应通过文件直传系统提交；临时文件草案应使用适当模板通过电子邮件提交给研究组秘书处。"
     "会议文件可在研究组主页上获取，但仅限于拥有含TIES权限的国际电联用户账户的ITU-T成员。"),
    ("工作语文：", "整个会议将仅以英文进行，不提供口译服务。"),
    ("互动式远程参会：", "将使用我的会议工具为所有会议提供远程参会。代表们必须注册，而且在发言时需介绍自己和所属单位。"
     "远程参会将尽力提供。参会者应了解，会议不会因为一位远程参会代表无法连接而推迟或中断。"),
    ("无障碍参会：", "将为工作组和研究组会议的开幕和闭幕全体会议提供实时字幕。"),
    ("注册：", "必须进行注册，请至少在会议开始的一个月前通过研究组主页在线进行。ITU-T注册系统要求联系人批准注册申请。"
     "请各成员尽可能吸收女代表加入代表团。"),
    ("与会补贴：", "为使最不发达国家能够参加会议，将根据现有资金情况提供与会补贴。申请应通过各国主管部门提交。"),
    ("签证协办：", "如需签证，必须在会议开始前至少两个月向瑞士驻所在国代表机构申请，并尽快将申请提交电信标准化局。"),
    ("无线局域网：", "与会者可在会场使用无线局域网。国际电联总部大楼内设有电子信息亭。"),
]
PRACTICAL_EN = [
    ("Document submission and access: ", "Member contributions should be submitted using the "
     "Direct Document Posting system; draft TDs should be submitted by e-mail to the study group "
     "secretariat using the appropriate template. Access to meeting documents is restricted to "
     "ITU-T Members holding an ITU user account with TIES access rights."),
    ("Working language: ", "The meeting will be held in English only, with no interpretation."),
    ("Interactive remote participation: ", "The MyMeetings tool will be used to provide remote "
     "participation for all sessions. Delegates must register and identify themselves and their "
     "affiliation when taking the floor. Remote participation is provided on a best-effort basis."),
    ("Accessibility: ", "Real-time captioning will be provided for the opening and closing plenary "
     "sessions of the study group and working parties."),
    ("Registration: ", "Registration is mandatory and is to be done online via the study group "
     "homepage at least one month before the start of the meeting. Members are encouraged to "
     "include women in their delegations."),
    ("Fellowships: ", "To facilitate participation from least developed countries, fellowships "
     "are granted subject to available funding. Requests must be authorized by the administration."),
    ("Visa assistance: ", "Where a visa is required, it must be requested at least two months before "
     "the meeting from the representation of Switzerland in the delegate's country."),
    ("Wireless LAN: ", "Wireless LAN facilities are available for use by delegates in the meeting "
     "rooms. Electronic information kiosks are located in the ITU headquarters building."),
]
CUTS = (9, 4, 13, 6, 17, 3, 11, 21, 7)


class Letter:
    """One letter under construction: a wordml.Doc plus the letter's random
    choices. Text given as str is split into several runs, as Word leaves it."""

    def __init__(self, rng):
        self.rng = rng
        self.d = Doc()
        # Word stamps random revision-session ids and paragraph ids; the
        # defaults are a short fixed cycle, which would compress too well.
        rsids = [f"00{rng.getrandbits(24):06X}" for _ in range(rng.randint(12, 40))]
        self.d._rsids = itertools.cycle(rsids)
        self.d._para_id = lambda: f"{rng.getrandbits(31):08X}"
        self.zh = rng.random() < 0.6
        self.tracked = rng.random() < 0.33
        self.change_id = 100
        self.cut = rng.randrange(len(CUTS))

    def runs(self, text, **fmt):
        out, i = [], 0
        while i < len(text):
            self.cut = (self.cut + 1) % len(CUTS)
            n = CUTS[self.cut] * (5 if self.zh else 9)
            piece = text[i:i + n]
            out.append(self.d.run(piece, **fmt))
            i += n
        if self.tracked and len(out) > 1 and self.rng.random() < 0.25:
            out = self._track(out)
        return out

    def _track(self, runs):
        """Marks one run inserted and adds a deleted run before it."""
        k = self.rng.randrange(len(runs))
        self.change_id += 2
        who = 'w:author="TSB Editor" w:date="2021-01-12T10:%02d:00Z"' % (self.change_id % 60)
        deleted = (self.d.run("旧文本" if self.zh else "former wording ")
                   .replace("<w:t>", "<w:delText>").replace("<w:t ", "<w:delText ")
                   .replace("</w:t>", "</w:delText>"))
        return (runs[:k] + [f'<w:del w:id="{self.change_id}" {who}>{deleted}</w:del>',
                            f'<w:ins w:id="{self.change_id + 1}" {who}>{runs[k]}</w:ins>']
                + runs[k + 1:])

    def content(self, items, **fmt):
        out = []
        for item in items:
            out += self.runs(item, **fmt) if isinstance(item, str) else item
        return out

    def p(self, *items, bold=False, **para):
        return self.d.para(*self.content(items, bold=bold), **para)

    def link(self, target, text=None):
        return [self.d.hyperlink(target, text or target)]


def date_zh(y, m, d):
    return f"{y}年{m}月{d}日"


def date_en(y, m, d):
    return f"{d} {MONTHS_EN[m - 1]} {y}"


def build_letter(rng, scale=1, xml_bytes=0):
    """(document xml, Doc, title) of one letter; its annexes are repeated
    `scale` times, and more until they hold `xml_bytes` of XML."""
    L = Letter(rng)
    zh, p, d = L.zh, L.p, L.d
    sg = rng.choice(sorted(GROUPS))
    topic = GROUPS[sg][0 if zh else 1]
    number = rng.randint(1, 30)
    year = rng.randint(2012, 2025)
    sent = (year, rng.randint(1, 6), rng.randint(1, 28))
    start = (year, sent[1] + rng.randint(2, 5), rng.randint(1, 18))
    end_day = start[2] + rng.randint(4, 9)
    mode = rng.choice(MODES)
    fmt = date_zh if zh else date_en
    contact = rng.choice(CONTACTS)
    tel = f"+41 22 730 {rng.randint(5000, 6999)}"
    mail = f"tsbsg{sg}@itu.int"
    web = f"https://www.itu.int/go/tsg{sg}"
    ref = (f"电信标准化局第{number}/{sg}号集体函" if zh else f"TSB Collective letter {number}/{sg}")
    file_code = f"SG{sg}/{rng.choice(SECRETARIES)}"
    if zh:
        span = f"{start[0]}年{start[1]}月{start[2]}日至{end_day}日"
        where = {"geneva": "日内瓦", "virtual": "虚拟会议", "hybrid": "日内瓦（混合方式）"}[mode]
        title = f"ITU-T第{sg}研究组会议，{span}，{where}"
    else:
        span = f"{start[2]}-{end_day} {MONTHS_EN[start[1] - 1]} {start[0]}"
        where = {"geneva": "Geneva", "virtual": "virtual meeting", "hybrid": "Geneva (hybrid)"}[mode]
        title = f"Study Group {sg} meeting, {where}, {span}"

    # ---- header block: a borderless table or tabbed paragraphs
    to = (["- 国际电联各成员国主管部门；", "- ITU-T部门成员；", f"- 参加第{sg}研究组工作的ITU-T部门准成员；",
           "- 国际电联学术成员"] if zh else
          ["- Administrations of ITU Member States;", "- ITU-T Sector Members;",
           f"- ITU-T Associates participating in the work of Study Group {sg};", "- ITU Academia"])
    copy = ([f"- ITU-T第{sg}研究组主席和副主席；", "- 电信发展局主任；", "- 无线电通信局主任"] if zh else
            [f"- The Chairman and Vice-Chairmen of ITU-T Study Group {sg};",
             "- The Director of the Telecommunication Development Bureau;",
             "- The Director of the Radiocommunication Bureau"])
    labels = (("文号：", "致：", "抄送：", "联系人：", "电话：", "传真：", "电子邮件：", "网页：", "事由：") if zh else
              ("Ref:", "To:", "Copy:", "Contact:", "Tel.:", "Fax:", "E-mail:", "Web:", "Subject:"))
    values = [[ref, file_code], to, copy, [contact], [tel], ["+41 22 730 5853"],
              [L.link(f"mailto:{mail}", mail)], [L.link(web)], [title]]
    if rng.random() < 0.7:
        rows = []
        for label, vals in zip(labels, values):
            paras = [p(v if isinstance(v, str) else v, jc="left", bold=label in ("事由：", "Subject:"),
                       ind=(284, 284) if label in labels[1:3] else None) for v in vals]
            rows.append([d.para(d.run(label), jc="left"), paras])
        header = [d.table([LABEL_W, TEXT_WIDTH - LABEL_W], rows, borders=False)]
    else:
        header = []
        for label, vals in zip(labels, values):
            for i, v in enumerate(vals):
                header.append(d.para(*([d.run(label)] if i == 0 else []), d.run("\t"),
                                     *L.content([v]), tabs=(("left", LABEL_W),),
                                     ind=(LABEL_W, LABEL_W), jc="left"))
    place = "日内瓦" if zh else "Geneva"
    date_text = f"{date_zh(*sent)}，{place}" if zh else f"{place}, {date_en(*sent)}"
    dateline = d.para(d.run(" \t"), *L.runs(date_text), tabs=(("right", TEXT_WIDTH),))

    # ---- body
    deadlines = []
    for k, (zh_what, en_what) in enumerate([
            ("提交需要翻译的ITU-T成员文稿", "Submit ITU-T Member contributions for which translation is requested"),
            ("提交与会补贴申请", "Submit requests for fellowships"),
            ("预注册（通过研究组主页上的在线注册表进行）", "Pre-registration via the online form on the homepage"),
            ("提交签证协办申请", "Submit requests for visa letters"),
            ("提交ITU-T成员文稿（通过文件直传系统）", "Submit ITU-T Member contributions")]):
        m, dd = max(1, start[1] - 2 + k // 2), 1 + (start[2] + 7 * k) % 28
        deadlines.append(L.d.para(d.run("\t"), *L.runs(fmt(start[0], m, dd)), d.run("\t–\t"),
                                  *L.runs(zh_what if zh else en_what),
                                  tabs=DEADLINE_TABS, ind=DEADLINE_IND))
    event_day = fmt(start[0], start[1], max(1, start[2] - 1))
    event_url = f"https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=C-{rng.randint(10000, 99999):08d}"
    if zh:
        body = [
            p("尊敬的先生/女士："),
            p(f"我高兴地邀请您参加第{sg}研究组（{topic}）计划于{span}在{where}召开的会议。"),
            p(f"会议第一天将于（日内瓦时间）{rng.choice([9, 10, 11, 14])}时{rng.choice(['', '30分'])}开幕。"),
            p(f"会议期间将审议ITU-T {rng.choice('EGHQXY')}.{rng.randint(100, 4999)}建议书的修订草案。"),
            p("重要截止日期：", keep_next=True), *deadlines,
            p("另请注意：", keep_next=True),
            p("-\t", f"新代表情况介绍会将于{event_day}（日内瓦时间）12时至13时30分举行。请在以下网址注册：",
              L.link(event_url), "。", style="enumlev1"),
            p("会议实用信息见附件A。会议议程草案见附件B。"),
            p("祝您与会顺利且富有成效！"), p("电信标准化局主任"), p("李在摄"),
        ]
    else:
        body = [
            p("Dear Sir/Madam,"),
            p(f"I am pleased to invite you to attend the meeting of Study Group {sg} ({topic}), "
              f"which will take place {span} ({where})."),
            p(f"The opening session will start at {rng.choice(['0930', '1000', '1100', '1430'])} hours "
              "(Geneva time) on the first day of the meeting."),
            p(f"The meeting will consider draft revised Recommendation ITU-T {rng.choice('EGHQXY')}."
              f"{rng.randint(100, 4999)}."),
            p("Key deadlines:", keep_next=True), *deadlines,
            p("Please also note:", keep_next=True),
            p("-\t", f"A new delegates briefing session will take place on {event_day}, 1200-1330 hours "
              "(Geneva time). Please register at ", L.link(event_url), ".", style="enumlev1"),
            p("Practical meeting information is set out in Annex A. The draft agenda is in Annex B."),
            p("I wish you a productive and enjoyable meeting."), p("Yours faithfully,"),
            p("Seizo Onoe"), p("Director of the Telecommunication\nStandardization Bureau"),
        ]

    annexes = []
    size = 0
    for rep in itertools.count():
        if rep >= scale and size >= xml_bytes:
            break
        more = annex_a(L, rng, rep) + annex_b(L, rng, rep, sg, span)
        if xml_bytes:
            size += sum(len(piece.encode("utf-8")) for piece in more)
        annexes += more
    document = document_xml([dateline, header, d.para(), body, annexes])
    # Word's w14:textId values are random too.
    pieces = document.split('w14:textId="77777777"')
    document = "".join(piece + (f'w14:textId="{rng.getrandbits(31):08X}"' if i + 1 < len(pieces) else "")
                       for i, piece in enumerate(pieces))
    return document, d, title


def annex_a(L, rng, rep):
    """Practical information: headings and a shuffled selection of paragraphs."""
    zh, p = L.zh, L.p
    pool = list(PRACTICAL_ZH if zh else PRACTICAL_EN)
    rng.shuffle(pool)
    out = [L.d.para(L.d.run("附件A" if zh else "Annex A", rendered_break=True), style="AnnexNo"),
           p("会议实用信息" if zh else "Practical meeting information", style="Annextitle"),
           p("工作方法与设施" if zh else "Working methods and facilities", style="Heading1")]
    for label, text in pool[:rng.randint(2, 5)]:
        out.append(p([L.d.run(label, bold=True)], text))
    if rep:
        out.append(p(f"（续{rep}）" if zh else f"(continued {rep})"))
    return out


def annex_b(L, rng, rep, sg, span):
    """The draft agenda: 10 to 60 items with sub-items, in one of three layouts."""
    zh, p, d = L.zh, L.p, L.d
    pool = AGENDA_ZH if zh else AGENDA_EN
    notes = NOTES_ZH if zh else NOTES_EN
    # Most agendas are short; a few run to 60 items.
    count = round(rng.triangular(10, 60, 12))
    items, top, sub = [], 0, 0
    for i in range(count):
        if i == 0 or i == count - 1 or top < 2 or rng.random() < 0.7:
            top, sub = top + 1, 0
            items.append((f"{top}", 0, pool[0] if i == 0 else pool[-1] if i == count - 1
                          else rng.choice(pool[1:-1])))
        else:
            sub += 1
            wp = f"{sub}/{sg}"
            items.append((f"{top}.{sub}", 1, f"{wp}工作组的报告" if zh else f"Working Party {wp}"))
    out = [d.para(d.run("附件B" if zh else "Annex B", rendered_break=True), style="AnnexNo"),
           p("议程草案" if zh else "Draft agenda", style="Annextitle"),
           p(span, jc="center")]
    layout = rng.choice(("table", "table", "numbered", "auto"))
    if layout == "table":
        def cell(text, head=False):
            return [p(text, style="Tablehead" if head else "Tabletext")] if text else [d.para(style="Tabletext")]
        rows = [[cell(h, True) for h in (("编号", "项目", "文件") if zh else ("No.", "Item", "Documents"))]]
        for number, _, title in items:
            r = rng.random()
            docs = (f"TD {rng.randint(1, 999)}, TD {rng.randint(1, 999)}" if r < 0.3 else
                    rng.choice(notes) if r < 0.4 else "")
            rows.append([cell(number), cell(title), cell(docs)])
        out.append(d.table([1134, 5670, TEXT_WIDTH - 6804], rows, style="TableGrid", header_rows=1))
    elif layout == "numbered":
        for number, lvl, title in items:
            indent = 794 * (lvl + 1)
            out.append(p(f"{number}\t{title}", ind=(indent, 794), tabs=(("left", indent),)))
    else:
        out += [p(title, style="ListParagraph", num=(AGENDA_NUM, lvl)) for _, lvl, title in items]
    out.append(p("注 – 议程的更新版本将在研究组网页上公布。" if zh else
                 "Note – Updates to the agenda will be posted on the study group web page.",
                 style="Note"))
    if rep:
        out.append(p(f"{rep}"))
    return out


def write_letter(path, rng, scale=1, xml_bytes=0):
    document, d, title = build_letter(rng, scale, xml_bytes)
    parts = docx_parts(d, document,
                       core=dict(title=title, creator="TSB", last_modified_by="TSB Editor",
                                 revision=3),
                       app=dict(title=title, total_time=27, pages=3 + len(document) // 20000),
                       numbering=NUMBERING, extra_styles=(LIST_PARAGRAPH,))
    write_docx(path, parts)
    return len(document.encode("utf-8"))


def letter_rng(seed, index):
    return random.Random(f"missive-bench:{seed}:{index}")


def write_indexed(job):
    out, seed, index = job
    return write_letter(Path(out) / f"letter-{index:05d}.docx", letter_rng(seed, index))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="output folder (with -n) or .docx file")
    parser.add_argument("-n", type=int, help="number of letters to write into the folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--single", action="store_true", help="write one letter to OUT")
    parser.add_argument("--scale", type=int, default=1, help="with --single: annex repetitions")
    parser.add_argument("--xml-mb", type=float, help="write one letter of about this much XML")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="processes writing letters")
    args = parser.parse_args()
    out = Path(args.out)
    if args.xml_mb:
        size = write_letter(out, letter_rng(args.seed, 0), xml_bytes=int(args.xml_mb * 1e6))
        print(f"wrote {out}: word/document.xml {size} bytes")
    elif args.single:
        size = write_letter(out, letter_rng(args.seed, 0), args.scale)
        print(f"wrote {out}: word/document.xml {size} bytes")
    elif args.n is not None:
        out.mkdir(parents=True, exist_ok=True)
        jobs = [(str(out), args.seed, i) for i in range(args.n)]
        if args.jobs > 1:
            with multiprocessing.Pool(args.jobs) as pool:
                total = sum(pool.imap_unordered(write_indexed, jobs, chunksize=64))
        else:
            total = sum(map(write_indexed, jobs))
        print(f"wrote {args.n} letters into {out}: {total} bytes of word/document.xml")
    else:
        parser.error("give -n N, --single or --xml-mb MB")


if __name__ == "__main__":
    main()
