"""The last guard on a comment's text and author: metadata that themes glue in goes away.

Structure removes most metadata (the engine skips author, date, reply and vote elements); this
module catches what themes print as bare text around the comment: the author's name on the first
line ("Ramón dijo:", "Ted • 3 weeks ago", "Author | 11/08/2020"), a number ("1", "#12"), a date
line, "Reply"/"Antworten"/"Responder", and like/vote counters at the end. Only whole lines at the
start and end are removed, and only when they are nothing but such metadata, so what a commenter
wrote in the middle of a comment is never touched.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .._dates import _month_names, when_from_text, yearless_tail

# "Reply", "Log in to Reply" and their translations in WordPress core's language packs and the
# systems' own phrase files; lower-cased, matched as a whole line (with arrows and brackets). "_"
# joins the words of one phrase ("me_gusta"): split first, so "me" alone is not a reply word.
REPLY_WORDS = frozenset(w.replace("_", " ") for w in """
reply replies reply↓ respond responder responda responde responder↓ répondre repondre réponse
antworten antwort beantworten rispondi rispondere risposta antwoord antwoorden reageer reageren
beantwoorden svara svar svare vastaa odpowiedz odpowiedź odpovědět odpovědet odpovedať válasz
válaszol yanıtla yanitla cevapla ответить ответ відповісти відповідь balas responder→ 返信 回复
回覆 답글 답장 comment kommentieren commenter comentar commentare quote zitieren citer citar
cita citare zitat citation citazione report melden signaler denunciar segnala permalink permalien permalink↑ edit
bearbeiten modifier editar modifica like unlike gefällt gefällt_mir mag j'aime me_gusta mi_piace
share teilen partager compartir condividi flag delete löschen supprimer eliminar elimina
""".split()) | frozenset({
    "log in to reply", "login to reply", "anmelden zum antworten", "zum antworten anmelden",
    "connectez-vous pour répondre", "inicia sesión para responder", "accedi per rispondere",
    "reply to this comment", "reply to this post", "reply to this", "reply to comment",
    "auf diesen kommentar antworten", "auf diesen beitrag antworten", "répondre à ce post", "répondre à ce message",
    "répondre à ce commentaire", "responder a este comentario", "rispondi a questo commento",
    "gefällt mir", "j'aime", "me gusta", "mi piace", "vind ik leuk", "thumbs up", "thumbs down",
    # phpBB's REPLY_WITH_QUOTE, REPORT_POST, EDIT_POST, DELETE_POST in its language packs (the post's
    # button list): a button row, never words.
    "reply with quote", "mit zitat antworten", "répondre en citant le message", "responder citando",
    "rispondi citando", "report this post", "edit post", "delete post", "beitrag melden",
    "beitrag ändern", "beitrag löschen", "rapporter ce message", "éditer le message",
    "supprimer le message", "cancel reply", "antworten abbrechen", "annuler la réponse", "cancelar respuesta",
    "load more replies", "show replies", "hide replies", "view replies", "mehr anzeigen",
    # Drupal's comment_forbidden link (6: "Login or register", 7+: "Log in or register").
    "login or register to post comments", "log in or register to post comments",
    "log in to post comments", "login to post comments",
})
# Badges themes print next to a name: the commenter's role, not part of the name.
ROLE_WORDS = frozenset("""
author autor auteur autore auteure autorin admin administrator administrador amministratore
moderator moderateur modérateur moderador moderatore mod guest gast invité invitée invitado
ospite staff team member mitglied membre miembro membro editor redaktion rédaction redacción
redazione owner inhaber propriétaire verified verifiziert
""".split()) | frozenset({"post author", "blog author", "site owner", "beitragsautor",
                          "artikelautor", "autor des beitrags", "auteur de l'article"})


def is_role_word(s: str) -> bool:
    return _norm(s) in ROLE_WORDS


# Labels of the link to a commenter's profile page, which themes put in the author block next to
# (or instead of) the name: the link's text is never the name.
PROFILE_WORDS = frozenset({
    "profile", "view profile", "user profile", "see profile", "profil", "profil anzeigen",
    "benutzerprofil", "zum profil", "voir le profil", "perfil", "ver perfil", "profilo",
    "vedi profilo", "visualizza profilo", "profiel", "bekijk profiel",
})


def is_profile_label(s: str) -> bool:
    return _norm(s) in PROFILE_WORDS


# "X said:", "X dijo:", "X schrieb:", ... (the name is checked separately); old themes close the
# header with a comma ("NAME said," above the words).
SAID = re.compile(
    r"\s*(?:says|said|wrote|writes|dijo|dice|escribió|escribio|schrieb|schreibt|sagt|sagte|"
    r"meint|meinte|a écrit|a ecrit|dit|écrit|scrive|ha scritto|scrisse|disse|escreveu|"
    r"schreef|zegt|skrev|skriver|sa|napisał|napisała|napisal|kirjoitti|написал|написала|"
    r"yazdı|írta|napsal|napsala|pisze|píše|пишет|пише|написав|сказал|сказала|говорит)\s*(?:\.\.\.|…)?\s*[:,]?\s*$", re.I)
# "NAME wrote on DATE:" opening a quotation the commenter typed (the verb, a preposition, the date).
_QUOTE_HEAD = re.compile(
    r"^\S.{0,40}?\s(?:wrote|said|schrieb|sagte|meinte|a écrit|escribió|dijo|scrisse|ha scritto|escreveu|"
    r"schreef|skrev|napisał|napisała|написал|написала)\s+(?:on|am|le|el|il|em|op|den|в)\s+\S.{2,40}:$", re.I)
_NUMBER_LINE = re.compile(r"^(?:#|№|no\.?|nr\.?|n°)?\s*\d{1,5}\s*[.):]?$", re.I)
_COUNTER_LINE = re.compile(
    r"^(?:[👍👎❤♥★☆⬆⬇↑↓▲▼+\-−–|•·()\[\]\s]*\d[👍👎❤♥★☆⬆⬇↑↓▲▼+\-−–|•·()\[\]\s\d]*"
    r"|(?:liked by|rating|bewertung)\b.{0,30}"
    # a like button's label with its count or a reply button beside it ("Gefällt mir 3",
    # "Mi piace · Rispondi"); "Mi piace tanto, Paola!" is a commenter's words
    r"|(?:gefällt(?:\s+mir)?|me gusta|j'aime|mi piace|vind ik leuk|thumbs up|thumbs down)\b(?=.{0,30}$)"
    r"(?:\W*\d.*|\W*(?:reply|antworten|répondre|responder|rispondi|share|teilen|reageren)?\W*)"
    # "Likes 3", "Like (2)", "Votes: 5 up", "Like · Reply": a counter or button row; "Like this."
    # on its own is a commenter's words.
    r"|(?:likes?|dislikes?|votes?|points?|punkte|stimmen)\b(?:(?=.{0,30}$).*\d.*|\W*"
    r"(?:reply|antworten|répondre|responder|rispondi|share|teilen)?\W*)"
    # "12 likes", "+3 points": the counter's number before its word; "Fair point." and "Good
    # point!" are a commenter's whole answer, not a counter
    r"|(?=\D{0,12}\d).{0,12}\b(?:likes?|dislikes?|votes?|points?|punkte|stimmen)\s*[.!]?"
    r"|.{0,12}\b(?:people like this|"
    r"person likes this|personen gefällt das|personnes aiment|personas les gusta)\s*[.!]?)$",
    re.I)
_SEPARATORS = " \t|•·-–—:,;@»«›‹()[]"
_NAME_SEPARATORS = " \t|•·-–—:,;»«›‹"
_DATEISH = re.compile(r"\d{1,4}[./:-]\d{1,2}|\d{4}|\b(?:am|pm|uhr|h\d\d)\b", re.I)


def _norm(s: str) -> str:
    return " ".join(s.lower().strip(_SEPARATORS + "\u200e\u200f↓↑→←").split())


def is_reply_word(line: str) -> bool:
    return _norm(line) in REPLY_WORDS


def is_action_label(line: str) -> bool:
    """A button's label in a comment's or post's tool row ("Reply", "Reply with quote", "Quote",
    "Report", "Permalink")."""
    return is_reply_word(line)


def is_date_line(line: str, languages: tuple[str, ...]) -> bool:
    s = line.strip(_SEPARATORS)
    if not s or len(s) > 80 or not _DATEISH.search(s) or _is_sentence(s, languages):
        return False
    if s.rstrip(")]\"'”’» ").endswith(("?", "!", "？", "！")):
        return False  # a question or an exclamation about a date ("Until 20/02/2010? Not 2012?")
    return bool(when_from_text(s, languages))


_PROSE_WORD = re.compile(r"[^\W\d_]+")


def _is_sentence(s: str, languages: tuple[str, ...]) -> bool:
    """A sentence that mentions a date ("I only found this today (12-19-2011)."): six or more
    words besides month names, ending as a sentence ends. A theme's date line is the date with
    a label or two ("Posted on Monday, December 19, 2011 at 8:08 pm")."""
    if _clause_after_year(s):
        return True
    if not s.rstrip(")]\"'”’» ").endswith((".", "!", "?")):
        return False
    months = _month_names(tuple(languages))[0]
    return sum(1 for w in _PROSE_WORD.findall(s) if w.lower() not in months) >= 6


_YEAR_IN_LINE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _clause_after_year(s: str) -> bool:
    """A line that goes on after the date's year with a clause of lower-case words ("c 23
    августа 2012=) у меня есть еще один акк"): a chat-style sentence without its full stop. A
    theme's date line ends with the time, "| Reply", "by NAME" or a category's name."""
    years = list(_YEAR_IN_LINE.finditer(s))
    if not years:
        return False
    tail = _PROSE_WORD.findall(s[years[-1].end():])
    return sum(1 for w in tail if w[0].islower() and w.lower() not in _CUT_CONNECTORS
               and w.lower() not in ("am", "pm", "uhr", "h", "by", "von", "par", "por", "di", "door")) >= 4


def is_number_label(line: str) -> bool:
    """A comment's running number as a theme prints it ("#3", "12.", "No. 4")."""
    return bool(_NUMBER_LINE.match(line.strip()))


def is_counter_line(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= 60 and (bool(_COUNTER_LINE.match(s)) and not s.isalpha()
                                         or bool(_HELPFUL_LINE.match(s)))


# A review or Q&A widget's helpfulness vote under each entry, with its counts ("Was this answer
# helpful? 0 0" in Yotpo's widget; "Helpful? Yes (3) No (0)"; "12 people found this helpful"),
# in the languages of the widgets' locales.
_HELPFUL_LINE = re.compile(
    r"^(?:(?:was|is) this (?:answer|review|question|comment|reply|post) helpful\??|helpful\?|"
    r"war diese (?:antwort|bewertung|frage) hilfreich\??|hilfreich\?|"
    r"(?:cette réponse|cet avis) (?:vous )?a-t-(?:il|elle) été utile\s?\??|utile\s?\?|"
    r"¿?(?:te )?(?:resultó|fue) útil(?: esta (?:respuesta|reseña|opinión))?\??|"
    r"(?:questa risposta|questa recensione) (?:è stata|ti è stata) utile\??|"
    r"\d+ (?:people|person|personen|personnes|personas|persone) found this helpful)"
    r"(?:\s*(?:yes|no|ja|nein|oui|non|sí|si)?\s*[(\[]?\d*[)\]]?)*\s*$", re.I)


def _strip_author_prefix(line: str, author: str | None) -> str | None:
    """The rest of ``line`` when it starts with the author's name (and "said:"/dates), else None."""
    if not author:
        return None
    a = author.strip()
    if not a or not line.lower().startswith(a.lower()):
        return None
    rest = line[len(a):]
    rest = SAID.sub("", rest) if SAID.fullmatch(rest) else rest
    return rest.strip(_SEPARATORS)


_SIG_LINE = re.compile(r"^[ \t]*_{15,}[ \t]*$", re.M)
_SIG_DATE = re.compile(r"\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|(?<!\d)(?:19|20)\d\d(?!\d)")


_DATE_FIRST = re.compile(r"^(.{6,60}?)\s+[|•·]\s+([^|•·]{1,60})$")
_CONNECTORS = frozenset("於 于 on am um le el il at à a op den dnia - – — | • · ,".split())


def split_signature(line: str, languages: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """("NAME", "DATE") for a signature line "NAME 於 2014/01/01 20:31 回覆", "NAME | 8.11.2020",
    "11 October 2012 | NAME"."""
    s = line.strip()
    if not s or len(s) > 90:
        return None
    m = _SIG_DATE.search(s)
    if not m:
        return None
    first = _DATE_FIRST.match(s)
    if first and not _DATEISH.search(first.group(2)) and len(first.group(2).split()) <= 5 \
            and is_date_line(first.group(1), languages):
        # The date first: "October 11, 2012 | NAME" (Squarespace's journal comment signature).
        return first.group(2).strip(_NAME_SEPARATORS), first.group(1)
    words = s[:m.start()].split()
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    rest = s[m.start():].split()
    while rest and is_reply_word(rest[-1]):
        rest.pop()
    name = " ".join(words).strip(_NAME_SEPARATORS)
    date = " ".join(rest)
    if not name or len(words) > 5 or _DATEISH.search(name) or not is_date_line(date, languages):
        return None
    return name, date


# "3 weeks ago", "vor 2 Tagen", "il y a 3 jours", "hace 5 minutos", "1 Monat her", "2 giorni fa",
# "3 gün önce"
_RELATIVE_LINE = re.compile(
    r"^[•·|\-–—\s]*(?:(?:vor|il y a|hace|há)\s+)?(?:\d+|a|an|one|ein|eine|einem|einer|un|une|uno|una|bir)\s+"
    r"(?:sec\w*|min\w*|hour\w*|stunde\w*|heure\w*|hora\w*|ora|ore|day\w*|tag\w*|jour\w*|d[ií]a\w*|"
    r"giorn\w*|week\w*|woche\w*|semaine\w*|semana\w*|settiman\w*|month\w*|monat\w*|mois|mes\w*|"
    r"year\w*|jahr\w*|an|ans|année\w*|año\w*|ann\w*|"
    r"saniye|dakika|dk|saat|gün|hafta|ay|yıl)"
    r"(?:\s+(?:ago|her|fa|atrás|önce))?\s*$", re.I)


# The same in Chinese, Japanese and Korean ("1周前", "3 天前", "2時間前", "1ヶ月前", "5분 전"), the
# verb a Q&A page puts first ("answered 6 years ago", "replied 4 years ago"), "just now", and a
# day word with a time of day ("Today at 5:42PM", "Yesterday at 12:30AM", "gestern um 18:04",
# "昨天 12:30"): an age as shown, never a date of its own.
_RELATIVE_CJK = re.compile(
    r"^\d+\s*(?:秒|秒钟|秒鐘|分|分钟|分鐘|小时|小時|時間|个小时|個小時|天|日|周|週|週間|星期|个星期|"
    r"个月|個月|ヶ月|か月|カ月|月|年)\s*前$|^\d+\s*(?:초|분|시간|일|주|개월|달|년)\s*전$|"
    r"^(?:刚刚|剛剛|刚才|たった今|방금)$")
_ANSWER_VERB = re.compile(r"^(?:replied|answered|asked|commented|posted|wrote|added|submitted|"
                          r"(?:last\s+)?(?:edited|modified|updated))\s+",
                          re.I)
_DAY_WORD_TIME = re.compile(
    r"^(?:just now|gerade eben|à l'instant|ahora mismo|proprio ora|zojuist|"
    r"(?:today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|vandaag|gisteren|"
    r"今天|昨天|今日|昨日|오늘|어제),?\s*(?:(?:at|um|à|a las|alle|om)\s+)?"
    r"\d{1,2}\s*[:.h]\s*\d{2}\s*(?:[ap]\.?\s?m\.?|uhr)?)$", re.I)


def is_relative_time(line: str) -> bool:
    s = " ".join(line.strip().split())
    s = _ANSWER_VERB.sub("", s)
    return bool(_RELATIVE_LINE.match(s) or _RELATIVE_CJK.match(s) or _DAY_WORD_TIME.match(s))


# Emoticons typed as text, as WordPress's smilies_init() lists them (":)", ":-D", ";)", "8O",
# ":?:", ":lol:"), plus "<3" and "^_^": a line of them is words, though it has no letters.
_EMOTICON = r"(?:[:;=8][-o^']?[)(\]\[DPpOoxX|/\\*3?!]|:[a-z]{2,8}:|<3|\^_?\^|[xX]D)"
_EMOTICONS = re.compile(rf"{_EMOTICON}(?:\s*{_EMOTICON})*[!.]*")


# A permalink's running number before the date on one line ("#1.1 - Tue Jul 24, 2012 10:35 AM
# EDT", Newsvine's reply numbering; "#12 | 3 March 2012"): numbering and date, both fields.
_NUMBERED_DATE = re.compile(r"^(?:#|№)\s*\d{1,5}(?:\.\d{1,5})*\s*[-–—|•·:]?\s+(\S.*)$")
# A footer whose name link went to the author field, leaving its words and the time ("By , at 2:35
# PM": Blogger's classic "Posted by NAME at TIME"; "von , um 14:05").
_EMPTIED_BYLINE = re.compile(
    r"^(?:posted\s+)?(?:by|von|par|por|di|door|av|przez)\s*[,;:|•·]?\s*(?:at|um|à|a las|alle|om|o)?\s+"
    r"(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?|\S.{4,60})$", re.I)
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?$", re.I)
# Blogger's classic comment header "At DATE, NAME said..." (its language packs word the verb;
# SAID lists them): the date before the comma, the name after it.
_AT_DATE_SAID = re.compile(r"^(?:at|am|le|el|il|em|op|on)\s+(.{6,60}?),\s+(.{1,80}?)$", re.I)


def _numbered_date(s: str, languages: tuple[str, ...]) -> bool:
    m = _NUMBERED_DATE.match(s)
    return m is not None and is_date_line(m.group(1), languages)


def _emptied_byline(s: str, languages: tuple[str, ...]) -> bool:
    m = _EMPTIED_BYLINE.match(s)
    return m is not None and (bool(_CLOCK.match(m.group(1))) or is_date_line(m.group(1), languages))


def _dated_said_header(s: str, languages: tuple[str, ...]) -> bool:
    if len(s) > 160:
        return False
    verb = SAID.search(s)
    if verb is None or verb.start() == 0:
        return False
    m = _AT_DATE_SAID.match(s[:verb.start()].rstrip())
    return m is not None and is_date_line(m.group(1), languages)


# "@NAME" opening a line (a letter after the "@": "@ 3:15 pm" is a theme's time).
_ADDRESSING = re.compile(r"^@[^\W\d_][\w.-]*")


# The members who reacted to a post, as a forum engine words the list under it when the markup
# that names it (roles.REACTION_LISTS) is gone - a copied page, a style that prints it plain:
# XenForo 2.2+'s "Reactions: A, B and 3 others" (phrase ``reactions:`` in its language packs:
# "Reaktionen:", "Réactions :", "Reacciones:", "Reazioni:", "Reações:", "Реакции:", "Reakcje:"),
# 2.0/2.1's "Likes: A, B", and the names alone "A, B and 3 others" left after the label's line.
# Names of other members: never the poster's words.
_REACTION_LINE = re.compile(
    r"^(?:reactions?|likes|reaktionen|r[ée]actions?|reacciones|reazioni|rea[çc][õo]es|реакции|reakcje)"
    r"\s*:(?:\s*\S.{0,300})?$|"
    r"^(?:[^,.!?:\n]{1,40},\s)*[^,.!?:\n]{1,40}\s(?:and|und|et|y|e|en|и|i)\s\d{1,6}\s"
    r"(?:others?|weitere[rn]?|autres?|otros?|altri|outros?|anderen|других|innych)$", re.I)


def is_reaction_line(line: str) -> bool:
    s = " ".join(line.split())
    return len(s) <= 320 and bool(_REACTION_LINE.match(s))


def clean_comment_text(text: str, author: str | None = None, *,
                       languages: tuple[str, ...] = (), date_texts: tuple[str, ...] = ()) -> str:
    """Drop metadata lines at the start and end of a comment's text."""
    # phpBB 2 (``viewtopic.php``) prints the signature after a line of 17 underscores inside the
    # post's own element: what follows that line is the signature, not the post's words.
    sig = _SIG_LINE.search(text)
    if sig and sig.start() > 0:
        text = text[:sig.start()]
    lines = text.split("\n")
    dates = {_norm(d) for d in date_texts if d and d.strip()}

    def meta_line(line: str, at_start: bool) -> str | None:
        """None: keep the line; otherwise what is left of it after removing metadata."""
        s = line.strip()
        if not s:
            return ""
        if _EMOTICONS.fullmatch(s) and not s.isdigit():
            # (a position number "83" is not the "8" + "3" smiley)
            return None  # ":)" alone is the commenter's whole answer, not a separator
        if _ADDRESSING.match(s):
            return None  # "@NAME (DATE) ...": the commenter addressing an earlier comment, words
        n = _norm(s)
        if not n or n in dates or is_reply_word(s) or _NUMBER_LINE.match(s) or is_counter_line(s) \
                or is_relative_time(s):
            return ""
        if at_start:
            rest = _strip_author_prefix(s, author)
            if rest is not None:
                if not rest or _norm(rest) in dates or is_date_line(rest, languages) \
                        or is_reply_word(rest):
                    return ""
                if SAID.fullmatch(" " + rest):
                    return ""
                return None  # the name starts a real sentence ("Anna, thank you ...")
            if SAID.fullmatch(" " + s):
                return ""  # the header's verb alone: its name (a link) was read as the author
            if not author and SAID.search(s) and len(s) <= 60 and s.rstrip().endswith((":", ",", "...", "…")):
                return ""  # "Someone said:" with a name the reader did not get
            # With the author known, "Other Name says:" opening the text is the commenter quoting
            # another comment (pasted with its header): their own words, kept; also with the date
            # ("Other Name wrote on October 23, 2011:"), which is not the comment's date line.
            if author and _QUOTE_HEAD.match(s):
                return None
        if is_date_line(s, languages) or _numbered_date(s, languages) or _emptied_byline(s, languages):
            return ""
        if at_start and _dated_said_header(s, languages):
            return ""
        if not at_start and is_reaction_line(s):
            return ""
        if not at_start:
            sig = split_signature(s, languages)
            if sig and (not author or _norm(sig[0]) == _norm(author)):
                return ""  # "NAME 於 2014/01/01 20:31 回覆": the writer's signature line
        return None

    start, end = 0, len(lines)
    while start < end:
        r = meta_line(lines[start], True)
        if r is None:
            break
        start += 1
    while end > start:
        r = meta_line(lines[end - 1], False)
        if r is None:
            break
        end -= 1
    return _DANGLING_SEPARATOR.sub("", "\n".join(lines[start:end]).strip())


# A separator left alone at the end of the words, after a space: what stood after it (the
# signature "– NAME DATE" a Q&A comment prints on the line of its words) went to the fields.
_DANGLING_SEPARATOR = re.compile(r"(?<=\S)[ \t\u00a0]+[–—|•·]$")


# The verb is a word of its own after the name: "Ada said:" loses "said:", while "Pandit" keeps
# its "dit" and a commenter called "Said" keeps the name.
_AUTHOR_TAIL = re.compile(
    r"\s+(?:says|said|sagt|schrieb|dijo|dit|dice|scrive|schreef|skrev|wrote|a écrit|schreibt|escribió|ha scritto|escreveu|skriver|napisał|napisała|kirjoitti|pisze|píše|написал|написала|пишет|пише|написав)\s*"
    r"(?:\.\.\.|…)?\s*:?\s*$|\s+(?:on|am|le|el|il|op|den)\s+\d.*$|\s*[|•·]\s*(?=[^|•·]*\d).*$|"
    r"\s+[—–]\s+(?=.*\d).*$", re.I)
_AUTHOR_HEAD = re.compile(r"^[\s—–-]*(?:comment by|submitted by|kommentar von|commentaire (?:de|par)|comentario de|"
                          r"posted by|geschrieben von|écrit par|escrito por|scritto da|by|von|par|"
                          r"por|di|door|av|przez)\s*:?\s+", re.I)


_LEADING_DATE_SEP = re.compile(r"^(.{6,60}?)\s+[—–|•·]\s+(?=\S)")
_NOT_VERIFIED = re.compile(r"\s*\((?:not verified|nicht überprüft|non vérifié|no verificado|"
                           r"non verificato|niet geverifieerd)\)", re.I)
_ESCAPED_TAG = re.compile(r"</?(?:span|a|b|strong|em|i|div|bdi)\b[^<>]{0,200}>", re.I)


def bare_name(text: str, languages: tuple[str, ...] = ()) -> str | None:
    """A commenter's name printed as plain text on a signature line, once the date is taken out
    ("– user3535137 15 апр. 14", Stack Exchange's line for a deleted or unregistered account;
    a theme's "NAME <time>" header): one short name and nothing else (no sentence, no "Reply",
    role or profile label, no time or date left over), or None. The one test both shapes use
    (``engine._dated_line_name``, ``stackexchange.signed_line``)."""
    rest = " ".join(text.split()).strip(" |•·-–—:/\u00a0")
    if not rest:
        return None
    name = clean_author(rest, languages)
    if name and name == rest and len(name) <= 40 and len(name.split()) <= 3 \
            and not any(ch in name for ch in ".!?,;:()") and not is_reply_word(name) \
            and not is_role_word(name) and not is_profile_label(name) \
            and not is_relative_time(name) and not is_date_line(name, languages):
        return name
    return None


def clean_author(name: str | None, languages: tuple[str, ...] = ()) -> str | None:
    """A commenter's display name without "says:", dates, "Reply" or counters; None if nothing."""
    if not name:
        return None
    s = " ".join(name.split())
    # A theme that escapes the name's own markup prints "<span>NAME</span>" as text.
    s = _ESCAPED_TAG.sub("", s).strip()
    s = _AUTHOR_HEAD.sub("", s)
    # Drupal's theme_username marks a name an anonymous commenter typed: not part of the name.
    s = _NOT_VERIFIED.sub("", s)
    # "DATE — NAME" (a theme's byline with the date first): the date is not part of the name.
    m = _LEADING_DATE_SEP.match(s)
    if m and _only_a_date(m.group(1), languages):
        s = s[m.end():]
    for _ in range(3):
        s2 = _AUTHOR_TAIL.sub("", s).strip(_NAME_SEPARATORS)
        if s2 == s:
            break
        s = s2
    # "NAME | Reply", "NAME • Admin": the parts after a bar are the header's, unless they are words
    # of the display name itself ("Ada | Example Kitchen", a blogger naming her blog).
    parts = re.split(r"\s*[|•·]\s*", s)
    if len(parts) > 1 and all(not p or is_reply_word(p) or is_role_word(p) or is_profile_label(p)
                              or is_relative_time(p) for p in parts[1:]):
        s = parts[0]
    # "NAME - author": a role badge a theme writes into the name's link after a spaced dash.
    parts = re.split(r"\s+[-–—]\s+", s)
    if len(parts) > 1 and parts[0] and all(is_role_word(p) for p in parts[1:]):
        s = parts[0]
    words = s.split()
    # Trailing "Antworten"/"Reply" glued to the name (a role badge is its own element and is
    # skipped there: as text, "Post Author" may well be someone's display name).
    while len(words) > 1 and is_reply_word(words[-1]):
        words.pop()
    s = " ".join(words)
    for m in _DATEISH.finditer(s):
        # The date starts at the word nearest to its digits that still reads as a date ("April"
        # of "on April 16, 2012"), and takes the weekday and connecting words before it ("Mo,
        # 19. Juni", "on"): a date is found anywhere in a line, so the first word start that
        # "reads as a date" would cut into the name.
        starts = [i + 1 for i, ch in enumerate(s[:m.start()]) if ch == " "]
        cut = next((i for i in reversed(starts) if is_date_line(s[i:], languages)), None)
        if cut is not None:
            head = s[:cut].split()
            while len(head) > 1 and _date_word(head[-1], languages):
                head.pop()
            s = " ".join(head).strip(_NAME_SEPARATORS)
            break
    s = _strip_trailing_time(s, languages)
    if not s or len(s) > 80 or is_reply_word(s) or is_profile_label(s) or is_date_line(s, languages):
        return None
    return _balance(s)


_BRACKETED_TAIL = re.compile(r"\s*[(\[]([^()\[\]]{1,40})[)\]]\s*$")


def _strip_trailing_time(s: str, languages: tuple[str, ...]) -> str:
    """A name's element that also prints when: "NAME 12 days ago", "NAME (5 days ago)", "NAME
    March 3 at 4:12 pm" (a date without a year), "NAME says:" left once the date is cut."""
    for _ in range(2):
        before = s
        m = _BRACKETED_TAIL.search(s)
        if m and m.start() > 0 and (is_relative_time(m.group(1)) or is_date_line(m.group(1), languages)
                                    or yearless_tail(m.group(1), languages) == 0):
            s = s[:m.start()]
        words = s.split()
        for k in range(min(6, len(words) - 1), 0, -1):
            if is_relative_time(" ".join(words[-k:])):
                s = " ".join(words[:-k])
                break
        cut = yearless_tail(s, languages)
        if cut:
            s = s[:cut]
            words = s.split()
            while len(words) > 1 and _date_word(words[-1], languages):
                words.pop()
            s = " ".join(words)
        s = _AUTHOR_TAIL.sub("", s).strip(_NAME_SEPARATORS)
        if s == before:
            break
    return s


_CUT_CONNECTORS = frozenset("on am um le el il at à a op den dnia the der dem du del".split())


@lru_cache(maxsize=64)
def _weekdays(languages: tuple[str, ...]) -> frozenset[str]:
    """Weekday names and abbreviations in the page's languages and English (dateparser's data)."""
    out: set[str] = set()
    try:
        from dateparser.languages.loader import default_loader
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return frozenset()
    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    for lang in dict.fromkeys(tuple(x.split("-")[0] for x in languages) + ("en",)):
        try:
            info = default_loader.get_locale(lang).info
        except (KeyError, ValueError, AttributeError):
            continue
        for d in days:
            out.update(n.lower().rstrip(".") for n in info.get(d, []) if n)
    return frozenset(out)


def _only_a_date(s: str, languages: tuple[str, ...]) -> bool:
    """A date and nothing else: its words are month or weekday names, connectors, am/pm."""
    months = _month_names(tuple(languages))[0]
    words = [w.lower() for w in _PROSE_WORD.findall(s)]
    return is_date_line(s, languages) and all(
        w in months or w in _CUT_CONNECTORS or w in _weekdays(tuple(languages))
        or w in ("am", "pm", "uhr", "h") for w in words)


def _date_word(word: str, languages: tuple[str, ...]) -> bool:
    w = word.lower().strip(_NAME_SEPARATORS + ".")
    return not w or w in _CUT_CONNECTORS or w in _weekdays(tuple(languages))


# A smiley typed into the display name ("Darkness=)", "Sara ;)", "Kate :-)"): its bracket is
# the mouth, not the rest of a bracketed header part, so it has no opening bracket to balance.
_SMILEY_TAIL = re.compile(r"(?:[:;=]['^o-]?|\^_?\^)[)\]]+$")


def _balance(s: str) -> str:
    """Strip punctuation left at the ends, but keep a closing bracket that has its opening one
    (or is a smiley's mouth)."""
    s = s.strip(_NAME_SEPARATORS)
    while s and s[-1] in ")]" and s.count(s[-1]) > s.count("(" if s[-1] == ")" else "[") \
            and not _SMILEY_TAIL.search(s):
        s = s[:-1].rstrip()
    while s and s[0] in "([" and s.count(s[0]) > s.count(")" if s[0] == "(" else "]"):
        s = s[1:].lstrip()
    return s
