#!/usr/bin/env python3
"""Writes missive's sample inputs into the folder this script lives in.

  seed-letter-zh.txt   byte-identical copy of ../../shared/seed-letter-zh.txt
  seed-letter-zh.docx  the same letter as a DOCX package written the way
                       Microsoft Word 2016 writes it (runs split mid-word,
                       rsids, bookmarks, proofing marks, hyperlinks, tables)

Standard library only. The output is deterministic: fixed zip timestamps,
fixed entry order and fixed ids, so running the script twice gives the same
bytes. The WordprocessingML helpers live in wordml.py beside this script
(tests/letters/make_letters.py uses them too).

Usage: python3 samples/make_samples.py   (from any directory)
"""

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep samples/ free of __pycache__
sys.path.insert(0, str(HERE))

from wordml import TEXT_WIDTH, Doc, docx_parts, document_xml, spell, write_docx  # noqa: E402

SEED_SRC = HERE / ".." / ".." / "shared" / "seed-letter-zh.txt"
SEED_TXT = HERE / "seed-letter-zh.txt"
SEED_DOCX = HERE / "seed-letter-zh.docx"

TITLE = "ITU-T第20研究组虚拟会议，2021年5月17-27日"

# --------------------------------------------------------------------------
# The letter. Text is exactly the seed's, paragraph by paragraph; the split
# into runs imitates what Word leaves after editing and translation.

DEADLINE_TABS = (("left", 567), ("left", 2552), ("left", 2835))
DEADLINE_IND = (2835, 2835)


def header_block(d):
    """The 文号/致/电话/… block: a borderless two-column table."""
    def label(*fragments):
        return d.para(*d.runs(*fragments), jc="left")

    def value(*content):
        return d.para(*content, jc="left")

    def addressee(*fragments):
        return d.para(*d.runs(*fragments), ind=(284, 284), jc="left")

    rows = [
        [label("文号", "："),
         [value(*d.runs("电信标准化局第11/", "20号集体函")),
          value(d.run("SG20/CB"))]],
        [label("致："),
         [addressee("·", " 国际电联各成员国主管部门；"),
          addressee("· ITU-T", "部门成员；"),
          addressee("· 参加第20研究组工作的", "\nITU-T部门准成员；"),
          addressee("· 国际电联", "学术成员")]],
        [label("电话", "："), value(*d.runs("+41 22 730 ", "6301"))],
        [label("传真："), value(*d.runs("+41 22 ", "730 5853"))],
        [label("电子", "邮件："),
         value(d.hyperlink("mailto:tsbsg20@itu.int", "tsbsg20", "@itu.int"))],
        [label("网页："),
         value(d.hyperlink("https://www.itu.int/go/tsg20", "https://www.itu.int/go/tsg20"))],
        [label("事由", "："),
         value(d.bm_start("_Hlk62047071"),
               *d.runs("ITU-T第20研究组", "虚拟会议，", "2021年5月17", bold=True),
               d.bm_end("_Hlk62047071"),
               d.run("-27日", bold=True))],
    ]
    return d.table([1418, TEXT_WIDTH - 1418], rows, borders=False)


def body(d):
    """From the salutation to the closing and 最新会议信息."""
    p = d.para
    return [
        p(*d.bookmark("StartTyping_E"), *d.runs("尊敬的先生/", "女士：")),
        # _Hlk51248238 starts here and ends in the next paragraph.
        p(d.bm_start("lt_pId042"), d.bm_start("_Hlk51248238"),
          *d.runs("我高兴地邀请您参加第20研究组（物联网（", "IoT", "）和智慧城市与社区（SC＆C））计划于",
                  "2021年", "5月17", "-27日（含）以完全虚拟方式召开的会议。"),
          d.bm_end("lt_pId042")),
        p(*d.runs("请注意，将不发放与会补贴，而且整个会议将仅以英文进行，", "不提供口译服务。"),
          d.bm_end("_Hlk51248238")),
        p(*d.bookmark("lt_pId044", *d.runs("会议第一天将于（日内瓦时间）", "11时开始，请使用“我的会议”",
                                          "远程参会工具参加会议。 "))),
        p(*d.bookmark("lt_pId052", d.run("重要截止日期：")), keep_next=True),
        # Deadlines: tab, date, tab, dash, tab, what is due.
        p(d.run("\t"), *d.bookmark("lt_pId054", *d.runs("2021年3月", "17日")),
          d.run("\t–\t"), d.run("提交需要翻译的ITU-T成员文稿"),
          tabs=DEADLINE_TABS, ind=DEADLINE_IND),
        p(d.run("\t"), *d.bookmark("lt_pId058", *d.runs("2021年", "4月16日")),
          d.run("\t–\t"), d.run("注册（通过研究组主页"),
          d.hyperlink("http://www.itu.int/go/tsg20", "www.itu.int/go/tsg20"),
          d.run("提供的在线注册表进行）"),
          tabs=DEADLINE_TABS, ind=DEADLINE_IND),
        p(d.run("\t"), *d.bookmark("lt_pId063", *d.runs("2021年5月", "4日")),
          *d.runs("\t–", "\t提交ITU-T成员文稿（通过文件直传系统）"),
          tabs=DEADLINE_TABS, ind=DEADLINE_IND),
        p(d.run("会议实用信息见附件A。由"), *spell(d, "Nasser"), d.run(" Saleh AI "),
          *spell(d, "Marzouqi"), *d.runs("先生（沙特阿拉伯）起草的", "会议议程草案见附件B。")),
        p(d.run("另请注意："), keep_next=True),
        # Events: "-", tab, sentence; the URL is a link, the "。" after it is not.
        p(d.bm_start("lt_pId061"), d.run("-\t"), d.bm_end("lt_pId061"),
          *d.runs("新代表情况介绍会将于2021年4月21日（日内瓦时间）", "11时至13时以虚拟方式举办。",
                  "请在以下网址注册："),
          d.hyperlink("https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=C-00009285",
                      "https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=", "C-00009285"),
          d.run("。 "), style="enumlev1"),
        p(*d.bookmark("lt_pId065", d.run("-\t")),
          *d.runs("“标准在加速城市和社区数字化转型中的作用”虚拟论坛将于", "2021年4月22日",
                  "（日内瓦时间）12时至14时30分举行。更多信息见："),
          d.hyperlink("https://www.itu.int/en/ITU-T/climatechange/Pages/20210422.aspx",
                      "https://www.itu.int/en/ITU-T/climatechange/Pages/20210422.aspx"),
          d.run("。"), style="enumlev1"),
        p(d.bm_start("lt_pId067"), d.bm_start("lt_pId068"), d.run("-"), d.bm_end("lt_pId068"),
          d.run("\t物联网和智慧城市与社区联合协调活动（JCA-IoT和SC&C）会议将于2021年4月23日"),
          d.bm_end("lt_pId067"),
          *d.runs("（日内瓦时间）11时至13时以虚拟形式举办。请注意，JCA-IoT和SC&C会议的注册是",
                  "强制性的（通过填写"),
          d.hyperlink("https://www.itu.int/en/ITU-T/jca/iot/Pages/default.aspx",
                      "https://www.itu.int/en/ITU-T/jca/iot/Pages/default.aspx"),
          *d.runs("的在线注册表格进行）。", "不进行注册，就无法使用远程参会工具。 "),
          style="enumlev1"),
        p(*d.runs("祝您与会", "顺利且富有成效！")),
        p(d.run(" \t"), d.run("最新会议信息")),
    ]


def annex_a(d):
    p = d.para
    return [
        # Word records where it last broke the page: the start of Annex A.
        p(d.run(" ", rendered_break=True), *d.bookmark("lt_pId073", *d.runs("附件", "A")),
          d.run("\t"), style="AnnexNo"),
        p(d.run("会议实用信息"), style="Annextitle"),
        p(*d.runs("工作方法", "与设施"), style="Heading1"),
        p(d.run("文件的提交和获取：", bold=True),
          *d.runs("成员文稿应通过文件直传系统提交；临时文件草案应使用适当模板通过电子邮件提交给研究组秘书处。",
                  "会议文件可在研究组主页上获取，但仅限于拥有含", "TIES", "权限的国际电联用户账户的ITU-T成员。")),
        p(d.run("工作语文：", bold=True), d.run("整个会议将仅以英文进行。")),
        p(*d.bookmark("lt_pId083", d.run("互动式远程参会：", bold=True)),
          *d.runs("将使用我的会议工具为包括工作组和研究组全体会议等决策会议在内的所有会议提供远程参会。",
                  "代表们必须注册，而且在发言时需介绍自己和所属单位。远程参会将尽力提供。",
                  "参会者应了解，会议不会因为一位远程参会代表无法连接、无法聆听或其发言无法被听到而推迟或中断，",
                  "一切均需听从主席的安排。主席如果认为远程参会者的语音质量不佳，可能会打断远程参会者，",
                  "并且可能避免请他/", "她发言，直到有迹象表明问题已解决。",
                  "会议聊天功能是会议不可或缺的一部分，鼓励在会议期间使用它来促进高效的时间管理。")),
        # _Hlk62048412 starts here and ends in the heading that follows.
        p(d.bm_start("_Hlk62048412"), d.run("无障碍参会：", bold=True),
          *d.runs("将为1 / ", "20工作组、2 / 20", "工作组和第20研究组会议的开幕和闭幕全体会议提供实时字幕。")),
        p(d.bm_end("_Hlk62048412"), *d.bookmark("lt_pId101", *d.runs("注册、新代表、", "与会补贴和签证协办")),
          style="Heading1"),
        p(d.run("注册：", bold=True),
          *d.runs("必须进行注册，请至少在会议开始的一个月前通过研究组主页在线进行。",
                  "如电信标准化局第68号通函所述，ITU-T注册系统要求联系人批准注册申请；",
                  "电信标准化局第118号通函介绍了如何设置自动批准这些请求。",
                  "注册表中的一些选项仅适用于成员国。请各成员尽可能吸收女代表加入代表团。")),
        p(*d.runs("注册必须通过研究组主页上的在线注册表进行。", "未经注册，代表将无法使用我的会议远程参会工具。")),
        p(d.run("新代表、与会补贴和签证协办：", bold=True),
          d.run("由于虚拟会议不涉及差旅，因此不提供与会补贴，签证协办亦不适用。")),
    ]


# Annex B agenda: (number, title, document). A cell is a string, a list of
# strings (one paragraph split into runs), or a tuple of those (one paragraph
# each).
AGENDA = [
    ("1", "会议开始", ""),
    ("2", "通过议程", ""),
    ("3", "时间表草案", ""),
    ("4", ["批准第20研究组第八次会议（2020年12月", "16日，虚拟会议）的报告"], ["Report ", "15"]),
    ("5", (["ITU-T Y.4471（前Y.", "NDA-arch", "）建议书"],
           ["“自动驾驶汽车基于网络的", "辅助驾驶技术的功能架构”"]), ""),
    ("6", "知识产权声明",
     ["是否有人了解知识产权方面的情况，包括专利、软件或文本的版权、商标，",
      "为实施或发布所审议的建议书这些知识可能需要使用？"]),
    ("7", "文稿", ""),
    ("7.1", "发送给QAll/20的文稿", ""),   # QAll gets Word's spelling mark
    ("8", "陈旧的工作项目", ""),
    ("9", ["TSAG（2021年1月）", "与第20研究组和WTSA-20筹备工作相关的简报 "], ""),
    ("10", "任命工作组副主席、报告人、副报告人和联络官员 ", ""),
    ("11", "ITU-T第20研究组收到的输入联络声明报告", ""),
    ("12", "ITU-T第20研究组的各区域组", ""),
    ("12.1", "ITU-T第20研究组非洲区域组（SG20RG-AFR）", ""),
    ("12.2", "ITU-T第20研究组阿拉伯区域组（SG20RG-ARB）", ""),
    ("12.3", "ITU-T第20研究组拉丁美洲区域组（SG20RG-LATAM）", ""),
    ("12.4", "ITU-T第20研究组东欧、中亚、外高加索区域组（SG20RG-EECAT）", ""),
    ("13", ["落实WTSA-16第78号决议（2016年，哈马马特，修订版）和第98号决议（2016年，哈马马特）",
            "（将ICT用于电子卫生服务、将IoT和智慧城市和社区用于全球发展）的行动计划"], ""),
    ("14", "IoT 和SC&C联合协调活动", ""),
    ("15", "协作事宜和信息共享", ""),
    ("16", "宣传活动和重大活动", ""),
    ("16.1", "与第20研究组相关的网络研讨会、培训和论坛", ""),
    ("17", "信息通报文件", ""),
    ("18", "第1工作组和第2工作组会议的开幕", ""),
    ("19", "工作组会议的报告", ""),
    ("19.1", ("1/20工作组：", "-批准新工作项目", "-批准工作计划", "-批准课题报告"), ""),
    ("19.2", ("2/20工作组：", "-批准新工作项目", "-批准工作计划", "-批准课题报告"), ""),
    ("20", "建议书的同意/确定/批准/删除 ", ""),
    ("21", "商定参考性案文", ""),
    ("22", "批准即将发出的联络声明/信函", ""),
    ("23", "未来活动", ""),
    ("23.1", "2021年计划召开的会议", ""),
    ("23.2", "2021年计划召开的电子化会议", ""),
    ("24", "其他事宜", ""),
    ("25", "会议闭幕", ""),
]


def cell_paras(d, content, *, style="Tabletext", jc=None, before=(), after=()):
    """The paragraphs of one table cell. before/after (bookmarks) go into the
    first and last paragraph."""
    lines = content if isinstance(content, tuple) else (content,)
    paras = []
    for i, line in enumerate(lines):
        if isinstance(line, list):
            runs = d.runs(*line)
        elif "QAll" in line:
            head, tail = line.split("QAll")
            runs = [d.run(head), *spell(d, "QAll"), d.run(tail)]
        else:
            runs = [d.run(line)] if line else []
        paras.append(d.para(*(before if i == 0 else ()), *runs,
                            *(after if i == len(lines) - 1 else ()), style=style, jc=jc))
    return paras


def annex_b(d):
    p = d.para
    rows = [[
        cell_paras(d, "编号", style="Tablehead",
                   before=[d.bm_start("lt_pId110"), d.bm_start("_Hlk60827559")],
                   after=[d.bm_end("lt_pId110")]),
        cell_paras(d, "项目", style="Tablehead"),
        cell_paras(d, "文件", style="Tablehead"),
    ]]
    last = AGENDA[-1][0]
    for number, title, document in AGENDA:
        # _Hlk50485403 spans both paragraphs of item 5; _Hlk60827559, begun in
        # the header row, spans the whole table.
        before = [d.bm_start("_Hlk50485403")] if number == "5" else []
        after = ([d.bm_end("_Hlk50485403")] if number == "5" else
                 [d.bm_end("_Hlk60827559")] if number == last else [])
        rows.append([cell_paras(d, number, jc="center"),
                     cell_paras(d, title, before=before, after=after),
                     cell_paras(d, document)])
    return [
        p(d.run("附件", rendered_break=True), d.run("B"), style="AnnexNo"),
        p(d.run("议程草案"), style="Annextitle"),
        p(*d.runs("2021年5月17", "-27日，", "虚拟会议"), jc="center"),
        d.table([1134, 5670, TEXT_WIDTH - 1134 - 5670], rows, style="TableGrid", header_rows=1),
        p(*d.bookmark("lt_pId177", *d.runs("注 – 议程的更新版本见", "第20研究组网页。")), style="Note"),
        p(d.run("_____________________"), jc="center"),
        p(d.run(" ")),
    ]


def seed_document(d):
    date_line = d.para(d.run(" \t"), *d.runs("2021年1月", "12日，日内瓦"), tabs=(("right", TEXT_WIDTH),))
    after_table = d.para()  # the empty paragraph Word keeps after a table
    return document_xml([date_line, header_block(d), after_table, body(d), annex_a(d), annex_b(d)])


# --------------------------------------------------------------------------
# Writing the files.

def seed_parts():
    d = Doc()
    document = seed_document(d)   # first: it assigns the hyperlink rIds
    return docx_parts(d, document,
                      core=dict(title=TITLE, creator="TSB", last_modified_by="Mao, Yuanyuan",
                                revision=4, created="2021-01-11T09:12:00Z",
                                modified="2021-01-12T14:03:00Z"),
                      app=dict(title=TITLE, total_time=38, pages=4))


def copy_seed():
    if SEED_SRC.is_file():
        shutil.copyfile(SEED_SRC, SEED_TXT)
        print(f"copied {SEED_SRC.resolve()} -> {SEED_TXT}")
    elif SEED_TXT.is_file():
        print(f"note: {SEED_SRC} not found; keeping the checked-in {SEED_TXT.name}")
    else:
        print(f"warning: {SEED_SRC} not found and no checked-in copy", file=sys.stderr)


def main():
    copy_seed()
    write_docx(SEED_DOCX, seed_parts())
    print(f"wrote {SEED_DOCX}")


if __name__ == "__main__":
    main()
