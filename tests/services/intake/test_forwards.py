"""Forwarded messages: the sender of an attached message (message/rfc822, an attached .eml)
and of a message quoted inline below the separator each common client writes, in its
languages (QA11/QA12 D10)."""

from email.mime.message import MIMEMessage
from email.mime.text import MIMEText

import pytest

from app.services.intake.files import parse_incoming
from app.services.intake.forwards import ForwardedSender, inline_senders, quoted_sender
from app.services.intake.message import parse_message
from tests.services.intake.forward_mail import mail
from tests.services.intake.msg_builder import build_msg

# The forms each client writes (Gmail, Outlook classic and new, QQ Mail, Apple Mail,
# Thunderbird), in the languages they ship; the sender each quotes.
INLINE_FORWARDS = [
    (
        "FYI, a user's request below.\n\n---------- Forwarded message ---------\n"
        "From: Zhang San <zhang.san@example.cn>\nDate: Mon, 16 Nov 2026 at 10:00\n"
        "Subject: 删除个人信息\nTo: <support@xuyun.example>\n\n请删除我的个人信息。",
        ForwardedSender("Zhang San", "zhang.san@example.cn"),
    ),
    (
        "---------- 转发的邮件 ---------\n发件人： 李四 <li.si@Example.COM>\n"
        "Date: 2026年11月16日周一 10:00\nSubject: 注销账号\nTo: <support@xuyun.example>\n\n"
        "我要注销账号。",
        ForwardedSender("李四", "li.si@example.com"),
    ),
    (
        "---------- 已轉寄郵件 ---------\n寄件者： 陳大文 <chan.taiman@example.hk>\n"
        "日期：2026年11月16日 週一 上午10:00\n主旨：查閱資料\n收件者：<support@xuyun.example>",
        ForwardedSender("陳大文", "chan.taiman@example.hk"),
    ),
    (
        "See below.\n\n________________________________\n"
        "From: Maria Rossi <maria.rossi@example.it>\n"
        "Sent: Monday, November 16, 2026 10:00 AM\nTo: Support <support@xuyun.example>\n"
        "Subject: Access request\n\nI want a copy of my data.",
        ForwardedSender("Maria Rossi", "maria.rossi@example.it"),
    ),
    (
        "-----Original Message-----\nFrom: Jean Dupont [mailto:jean.dupont@example.fr]\n"
        "Sent: Monday, November 16, 2026 10:00\nTo: support@xuyun.example\nSubject: Effacement",
        ForwardedSender("Jean Dupont", "jean.dupont@example.fr"),
    ),
    (
        "-----原始邮件-----\n发件人: 王五 <wang.wu@example.cn>\n发送时间: 2026年11月16日 10:00\n"
        "收件人: support@xuyun.example\n主题: 删除申请",
        ForwardedSender("王五", "wang.wu@example.cn"),
    ),
    (
        "------------------ 原始邮件 ------------------\n"
        '发件人: "赵六"<zhaoliu@qq.com>;\n发送时间: 2026年11月16日(星期一) 上午10:00\n'
        '收件人: "support"<support@xuyun.example>;\n主题: 注销账号',
        ForwardedSender("赵六", "zhaoliu@qq.com"),
    ),
    (
        "-----Ursprüngliche Nachricht-----\nVon: Max Müller <max.mueller@example.de>\n"
        "Gesendet: Montag, 16. November 2026 10:00\nAn: support@xuyun.example\n"
        "Betreff: Auskunft nach Art. 15 DSGVO",
        ForwardedSender("Max Müller", "max.mueller@example.de"),
    ),
    (
        "________________________________\nDe : Élodie Martin <elodie.martin@example.fr>\n"
        "Envoyé : lundi 16 novembre 2026 10:00\nÀ : support@xuyun.example\n"
        "Objet : Demande d'accès",
        ForwardedSender("Élodie Martin", "elodie.martin@example.fr"),
    ),
    (
        "Begin forwarded message:\n\nFrom: Ana García <ana.garcia@example.es>\n"
        "Subject: Solicitud de acceso\nDate: 16 November 2026 at 10:00:00 CET\n"
        "To: support@xuyun.example",
        ForwardedSender("Ana García", "ana.garcia@example.es"),
    ),
    (
        "-------- Weitergeleitete Nachricht --------\nBetreff: \tLöschung\n"
        "Datum: \tMon, 16 Nov 2026 10:00:00 +0100\n"
        "Von: \tHans Schmidt <hans.schmidt@example.de>\nAn: \tsupport@xuyun.example",
        ForwardedSender("Hans Schmidt", "hans.schmidt@example.de"),
    ),
    (
        "---------- 転送されたメッセージ ---------\n差出人: 田中太郎 <tanaka@example.jp>\n"
        "Date: 2026年11月16日(月) 10:00\nSubject: 開示請求\nTo: <support@xuyun.example>",
        ForwardedSender("田中太郎", "tanaka@example.jp"),
    ),
    (
        "---------- 전달된 메일 ---------\n보낸사람: 김민수 <minsu.kim@example.kr>\n"
        "날짜: 2026년 11월 16일 (월) 오전 10:00\n제목: 열람 요청\n"
        "받는사람: <support@xuyun.example>",
        ForwardedSender("김민수", "minsu.kim@example.kr"),
    ),
    (
        "-------- Пересылаемое сообщение --------\nОт: Иван Петров <ivan.petrov@example.ru>\n"
        "Дата: 16.11.2026 10:00\nТема: Удаление данных\nКому: support@xuyun.example",
        ForwardedSender("Иван Петров", "ivan.petrov@example.ru"),
    ),
    (
        "-----Mensaje original-----\nDe: Carlos Pérez <carlos.perez@example.es>\n"
        "Enviado el: lunes, 16 de noviembre de 2026 10:00\nPara: support@xuyun.example\n"
        "Asunto: Supresión",
        ForwardedSender("Carlos Pérez", "carlos.perez@example.es"),
    ),
    (
        "-----Original Message-----\nمن: أحمد علي <ahmed.ali@example.sa>\n"
        "التاريخ: 16 نوفمبر 2026\nإلى: support@xuyun.example\nالموضوع: طلب حذف",
        ForwardedSender("أحمد علي", "ahmed.ali@example.sa"),
    ),
    # Outlook names a sender of the same Exchange organisation without an address.
    (
        "________________________________\nFrom: Zhang San\nSent: Monday, November 16, 2026\n"
        "To: Privacy Team\nSubject: Deletion",
        ForwardedSender("Zhang San", None),
    ),
    # Quoted in a reply ("> "), three header lines without a separator.
    (
        "Please handle.\n\n> From: Olga Nowak <olga.nowak@example.pl>\n"
        "> Wysłano: 16.11.2026\n> Temat: Usunięcie danych\n",
        ForwardedSender("Olga Nowak", "olga.nowak@example.pl"),
    ),
]


@pytest.mark.parametrize(("body", "sender"), INLINE_FORWARDS)
def test_an_inline_forward_names_its_sender(body: str, sender: ForwardedSender) -> None:
    assert inline_senders(body) == [sender]
    message = parse_message(mail("Li Wei <li.wei@xuyun.example>", body).as_bytes())
    assert message.forwarded == (sender,)
    assert message.body_text == body.strip()  # the text is kept as written


@pytest.mark.parametrize(
    "body",
    [
        # A reply's attribution line is no forward.
        "Yes, delete it.\n\nOn Mon, 16 Nov 2026 at 10:00, Zhang San <zhang.san@example.cn> "
        "wrote:\n> Please delete my data.",
        # The requester's own details, labelled.
        "Name: Zhang San\nEmail: zhang.san@example.cn\nPhone: 13800138000\n请删除我的数据。",
        # One sender line alone, and two header lines with no separator above them.
        "From: Zhang San <zhang.san@example.cn>\nPlease delete my data.",
        "From: Zhang San <zhang.san@example.cn>\nTo: the privacy team\n\nPlease delete my data.",
        # A separator and header lines, but no sender line.
        "-----Original Message-----\nSent: Monday\nSubject: Deletion",
        "",
    ],
    ids=["reply", "labels", "one-line", "letter-head", "no-sender", "empty"],
)
def test_text_that_forwards_nothing_names_no_sender(body: str) -> None:
    assert inline_senders(body) == []


def test_an_attached_message_names_its_sender_and_its_text_stays() -> None:
    inner = mail("=?utf-8?b?5byg5LiJ?= <zhang.san@Example.CN>", "请删除我的个人信息。")
    outer = mail("Li Wei <li.wei@xuyun.example>", "A user's request, attached.")
    outer.add_attachment(inner)
    message = parse_message(outer.as_bytes())
    assert message.forwarded == (ForwardedSender("张三", "zhang.san@example.cn"),)
    assert message.body_text == "A user's request, attached."


def test_a_message_that_is_only_a_forward_reads_the_inner_text() -> None:
    # QA11 h37-nested.eml: the whole message is a message/rfc822 part.
    inner = MIMEText("Please delete my data.", "plain", "utf-8")
    inner["From"] = "Inner <inner@example.com>"
    inner["Subject"] = "inner delete"
    outer = MIMEMessage(inner)
    outer["From"] = "Forwarder <fwd@example.com>"
    outer["Subject"] = "Fwd: deletion"
    message = parse_message(outer.as_bytes())
    assert (message.from_address, message.body_text) == (
        "fwd@example.com",
        "Please delete my data.",
    )
    assert message.forwarded == (ForwardedSender("Inner", "inner@example.com"),)


def test_an_html_forward_is_read_from_its_text() -> None:
    html = (
        "<div>FYI</div><div>---------- Forwarded message ---------<br>From: <strong>"
        'Zhang San</strong> <span>&lt;<a href="mailto:zhang.san@example.cn">'
        "zhang.san@example.cn</a>&gt;</span><br>Date: Mon, 16 Nov 2026<br>Subject: 删除<br>"
        'To: &lt;<a href="mailto:support@xuyun.example">support@xuyun.example</a>&gt;<br>'
        "</div><div>请删除我的个人信息。</div>"
    )
    html_mail = mail("Li Wei <li.wei@xuyun.example>", "")
    html_mail.set_content(html, subtype="html")
    message = parse_message(html_mail.as_bytes())
    assert message.html_only
    assert message.forwarded == (ForwardedSender("Zhang San", "zhang.san@example.cn"),)


def test_nested_forwards_are_named_in_order_once_each() -> None:
    body = (
        "---------- Forwarded message ---------\nFrom: Li Wei <li.wei@xuyun.example>\n"
        "Date: Mon, 16 Nov 2026\nSubject: Fwd: deletion\n\n"
        "---------- Forwarded message ---------\nFrom: Zhang San <zhang.san@example.cn>\n"
        "Date: Sun, 15 Nov 2026\nSubject: deletion\n\n"
        "-----Original Message-----\nFrom: Zhang San <Zhang.San@example.cn>\n"
        "Sent: Sat, 14 Nov 2026\nSubject: deletion"
    )
    inner = mail("Zhang San <zhang.san@example.cn>", "删除")
    outer = mail("Wang Fang <wang.fang@xuyun.example>", body)
    outer.add_attachment(inner)
    assert parse_message(outer.as_bytes()).forwarded == (
        ForwardedSender("Zhang San", "zhang.san@example.cn"),
        ForwardedSender("Li Wei", "li.wei@xuyun.example"),
    )


@pytest.mark.parametrize(
    ("value", "sender"),
    [
        ("Zhang San <zhang.san@example.cn>", ForwardedSender("Zhang San", "zhang.san@example.cn")),
        ('"Zhang, San" <zs@EXAMPLE.cn>', ForwardedSender("Zhang, San", "zs@example.cn")),
        ('"赵六"<zhaoliu@qq.com>;', ForwardedSender("赵六", "zhaoliu@qq.com")),
        ("Jean [mailto:jean@example.fr]", ForwardedSender("Jean", "jean@example.fr")),
        ("jean@example.fr (Jean Dupont)", ForwardedSender("Jean Dupont", "jean@example.fr")),
        ("<jean@example.fr>", ForwardedSender(None, "jean@example.fr")),
        ("zhang\u200b.san@example.cn", ForwardedSender(None, "zhang.san@example.cn")),
        ("Zhang\u200d San", ForwardedSender("Zhang San", None)),
        ("  ", None),
    ],
)
def test_a_quoted_sender_is_read_in_each_client_s_form(
    value: str, sender: ForwardedSender | None
) -> None:
    assert quoted_sender(value) == sender


def test_an_outlook_item_s_inline_forward_and_name_are_read_as_a_mail_s() -> None:
    headers = (
        "From: =?utf-8?b?TGnigI0gV2Vp?= <li.wei@xuyun.example>\r\n"
        "Date: Mon, 16 Nov 2026 10:00:00 +0800\r\n\r\n"
    )
    body = (
        "-----原始邮件-----\r\n发件人: 王五 <wang.wu@example.cn>\r\n"
        "发送时间: 2026年11月16日 10:00\r\n收件人: support@xuyun.example\r\n主题: 删除申请\r\n\r\n"
        "请删除我的个人信息。"
    )
    message = parse_incoming(build_msg({"0037": "转发: 删除申请", "007D": headers, "1000": body}))
    assert (message.from_name, message.name_invisibles) == ("Li Wei", True)
    assert message.forwarded == (ForwardedSender("王五", "wang.wu@example.cn"),)


def test_attached_files_that_are_no_message_are_passed_over_and_a_deep_one_is_cut() -> None:
    # An Outlook signature with junk behind it, binary bytes named .eml, and an .eml nested
    # 300 levels deep: only the last is a message, read above its 65th container part.
    levels = b"".join(
        b"--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n" % (i, i + 1)
        for i in range(300)
    )
    deep = b"From: Deep <deep@example.com>\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n"
    outer = mail("Li Wei <li.wei@xuyun.example>", "See the attached files.")
    junk_msg = bytes.fromhex("d0cf11e0a1b11ae1") + b"junk" * 100
    outer.add_attachment(
        junk_msg, maintype="application", subtype="vnd.ms-outlook", filename="a.msg"
    )
    outer.add_attachment(
        b"\x00\x01", maintype="application", subtype="octet-stream", filename="b.eml"
    )
    outer.add_attachment(
        deep + levels, maintype="application", subtype="octet-stream", filename="c.eml"
    )
    message = parse_message(outer.as_bytes())
    assert message.forwarded == (ForwardedSender("Deep", "deep@example.com"),)
    assert message.forwarded_request is None  # no text in it
