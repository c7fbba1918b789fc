"""The header labels mail clients write above a message they forward inline (``forwards``), in
the languages the clients ship: the sender's, the date's, the recipients' and the subject's.

Matched case-insensitively against the words before a line's colon (``:`` or ``：``).
"""

# Sender labels of the header blocks clients write (their own language's words).
SENDER_LABELS = frozenset(
    {"from", "von", "de", "da", "van", "från", "fra", "frá", "od", "от", "від", "nadawca",
     "afzender", "remitente", "expéditeur", "mittente", "remetente", "absender", "lähettäjä",
     "kimden", "από", "מאת", "من", "feladó", "từ", "จาก", "dari", "pengirim", "odesílatel",
     "发件人", "發件人", "寄件者", "寄件人", "发信人", "發信人", "差出人", "送信者", "보낸 사람",
     "보낸사람"}
)  # fmt: skip
# The date labels: when the quoted message was sent ("Sent:", "Gesendet:", "发送时间:").
DATE_LABELS = frozenset(
    {"sent", "date", "gesendet", "datum", "envoyé", "enviado", "enviado el", "fecha", "inviato",
     "data", "verzonden", "skickat", "sendt", "отправлено", "дата", "wysłano", "lähetetty",
     "tarih", "ημερομηνία", "תאריך", "التاريخ", "tanggal", "ngày", "วันที่", "odesláno",
     "发送时间", "发送日期", "时间", "日期", "寄件日期", "傳送時間", "送信日時", "日付",
     "보낸 날짜", "날짜"}
)  # fmt: skip
# The recipient labels: To: and Cc: (Bcc: is never quoted to a recipient, but a sender's
# own copy shows it).
RECIPIENT_LABELS = frozenset(
    {"to", "cc", "bcc", "an", "à", "para", "a", "aan", "till", "til", "кому", "do",
     "vastaanottaja", "kime", "προς", "אל", "إلى", "kepada", "đến", "ถึง", "komu", "收件人",
     "抄送", "收件者", "副本", "宛先", "받는 사람", "받는사람", "참조"}
)  # fmt: skip
# The subject labels.
SUBJECT_LABELS = frozenset(
    {"subject", "betreff", "objet", "asunto", "oggetto", "onderwerp", "ämne", "emne", "тема",
     "temat", "aihe", "konu", "θέμα", "נושא", "الموضوع", "perihal", "chủ đề", "เรื่อง",
     "předmět", "主题", "主旨", "件名", "제목"}
)  # fmt: skip
# The other labels of such a block.
_OTHER_LABELS = frozenset({"reply-to"})

HEADER_LABELS = SENDER_LABELS | DATE_LABELS | RECIPIENT_LABELS | SUBJECT_LABELS | _OTHER_LABELS
