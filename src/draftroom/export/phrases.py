"""Opening phrases of preambular and operative paragraphs, per language, for the typography's opener:
seed lists, and the table measured on the UN's own AKN4UN files (openers.tsv).

Lists are seeds, not the whole vocabulary: `typography.opener_length` matches the longest phrase
and falls back to a general rule (the first word, with a following "also"/"further" and the like).
"""

from importlib.resources import files

_EN_PREAMBULAR = """Recalling|Reaffirming|Guided by|Bearing in mind|Noting|Noting with appreciation|
Noting with concern|Noting with satisfaction|Taking note of|Taking note with appreciation of|Welcoming|
Welcoming with appreciation|Recognizing|Acknowledging|Convinced|Deeply concerned|Emphasizing|Stressing|
Having considered|Considering|Aware|Mindful|Affirming|Alarmed|Concerned|Expressing|Expressing concern|
Expressing its appreciation|Determined|Underlining|Highlighting|Taking into account|Taking into consideration|
Gravely concerned|Deeply alarmed|Encouraged|Deploring|Desiring|Having examined|Having reviewed|Observing|
Reiterating|Commending|Believing|Seeking|Realizing|Cognizant|Strongly condemning|Condemning|Appreciating|
Further recalling|Also recalling|Recalling also|Recalling further|Reaffirming also|Reaffirming further|
Noting also|Noting further|Recognizing also|Recognizing further|Welcoming also|Stressing also|
Emphasizing also|Acknowledging also|Bearing in mind also|Expressing deep concern"""

_EN_OPERATIVE = """Decides|Requests|Also requests|Further requests|Calls upon|Also calls upon|Calls upon all States|
Urges|Strongly urges|Encourages|Also encourages|Further encourages|Invites|Also invites|Welcomes|
Also welcomes|Further welcomes|Takes note of|Takes note with appreciation of|Reaffirms|Recognizes|Emphasizes|
Stresses|Condemns|Strongly condemns|Expresses its appreciation|Expresses deep concern|Expresses concern|
Endorses|Approves|Adopts|Recommends|Calls for|Supports|Notes|Notes with appreciation|Notes with concern|
Reiterates|Underlines|Underscores|Acknowledges|Affirms|Appeals|Commends|Deplores|Designates|Proclaims|
Authorizes|Declares|Requests the Secretary-General|Also decides|Further decides|Decides also|
Decides further|Further invites|Emphasizes also|Stresses also|Recognizes also|Reaffirms also"""

_ZH_BASE = """回顾|重申|遵循|依循|铭记|注意到|赞赏地注意到|关切地注意到|满意地注意到|表示注意到|欢迎|确认|认识到|承认|
深信|深为关切|强调|审议了|考虑到|意识到|申明|关切|严重关切|深表关切|震惊|谴责|强烈谴责|决心|赞扬|赞赏|表示赞赏|
表示关切|重视|希望|决定|请|吁请|敦促|鼓励|邀请|支持|赞同|核准|通过|建议|呼吁|宣布|促请|感谢|表示感谢|
着重指出|指出|确认|重申其|鼓励所有|敦促所有|再次强烈谴责|再次关切|再次申明"""

_FR = """Rappelant|Réaffirmant|Guidée par|Ayant à l’esprit|Notant|Notant avec satisfaction|Notant avec préoccupation|
Prenant note|Prenant acte|Accueillant avec satisfaction|Se félicitant|Reconnaissant|Considérant|Consciente|
Convaincue|Profondément préoccupée|Préoccupée|Soulignant|Insistant|Affirmant|Constatant|Sachant|Tenant compte|
Décide|Prie|Demande|Engage|Exhorte|Invite|Encourage|Se félicite|Prend note|Prend acte|Réaffirme|Reconnaît|
Souligne|Condamne|Approuve|Adopte|Recommande|Appuie|Exprime|Accueille avec satisfaction|Insiste|Note"""

_ES = """Recordando|Reafirmando|Guiada por|Teniendo presente|Observando|Observando con aprecio|
Observando con preocupación|Tomando nota|Acogiendo con beneplácito|Acogiendo con satisfacción|Reconociendo|
Considerando|Consciente|Convencida|Profundamente preocupada|Preocupada|Destacando|Subrayando|Poniendo de relieve|
Afirmando|Habiendo examinado|Expresando|Decide|Solicita|Pide|Exhorta|Insta|Invita|Alienta|Acoge con beneplácito|
Acoge con satisfacción|Toma nota|Reafirma|Reconoce|Destaca|Subraya|Condena|Aprueba|Recomienda|Apoya|Expresa|
Observa|Hace un llamamiento"""

_RU = """Ссылаясь на|Вновь подтверждая|Руководствуясь|Учитывая|Принимая во внимание|Отмечая|
Отмечая с удовлетворением|Отмечая с обеспокоенностью|Принимая к сведению|Приветствуя|Признавая|Будучи убеждена|
Будучи глубоко обеспокоена|Будучи обеспокоена|Подчеркивая|Особо отмечая|Подтверждая|Сознавая|Рассмотрев|
Выражая|Постановляет|Просит|Призывает|Настоятельно призывает|Предлагает|Рекомендует|Приветствует|
Принимает к сведению|Вновь подтверждает|Признает|Подчеркивает|Осуждает|Решительно осуждает|Одобряет|
Утверждает|Принимает|Поддерживает|Выражает|Отмечает|Рекомендует"""

_AR = """إذ تشير|وإذ تشير|وإذ تؤكد من جديد|إذ تؤكد من جديد|وإذ تضع في اعتبارها|وإذ تلاحظ|وإذ تحيط علما|وإذ ترحب|وإذ تسلم|
وإذ تعترف|واقتناعا منها|وإذ يساورها بالغ القلق|وإذ تشدد|وإذ تؤكد|وإذ تدرك|تقرر|تطلب|تهيب|تحث|تشجع|تدعو|ترحب|
تحيط علما|تؤكد من جديد|تسلم|تشدد|تدين|تؤيد|توافق|تعتمد|توصي|تعرب عن"""

# the words that extend a fallback opener: "Recalling also", "Further requests", "Prie également"
EXTENDERS = {
    "en": ("also", "further", "again", "moreover", "furthermore", "once"),
    "fr": ("également", "en", "outre", "aussi"),
    "es": ("también", "además", "asimismo", "nuevamente"),
    "ru": ("также", "далее", "вновь", "кроме", "того"),
}
LEADING_EXTENDERS = {"en": ("also", "further", "again"), "fr": (), "es": (), "ru": ("также", "далее")}


def _split(block: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in block.replace("\n", "").split("|") if p.strip())


def _zh_with_prefixes(block: str) -> tuple[str, ...]:
    """Chinese builds "also"/"further"/"again" with prefixes: 回顾, 又回顾, 还回顾, 再次回顾."""
    base = _split(block)
    return tuple(f"{prefix}{p}" for p in base for prefix in ("", "又", "还", "并", "再次", "又再次"))


def _measured() -> dict[str, tuple[str, ...]]:
    """The openers the UN set in italics in its own AKN4UN files (openers.tsv, written by
    scripts/measure_openers.py), per language."""
    table = files("draftroom.export").joinpath("openers.tsv").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            lang, phrase, _ = line.split("\t")
            out.setdefault(lang, []).append(phrase)
    return {lang: tuple(phrases) for lang, phrases in out.items()}


def _with_measured(seeds: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """The measured openers, and the seeds the measurement does not contradict: a seed that runs on
    past a measured opener ("Takes note with appreciation of" past "Takes note with appreciation")
    sets upright words in italics, as the UN does not."""
    measured = _MEASURED.get(lang, ())
    known = set(measured)
    kept = tuple(
        seed for seed in seeds if seed in known or not any(seed.startswith(m + " ") for m in measured)
    )
    return measured + kept


_MEASURED = _measured()
PHRASES: dict[str, tuple[str, ...]] = {
    "en": _with_measured(_split(_EN_PREAMBULAR) + _split(_EN_OPERATIVE), "en"),
    "zh": _with_measured(_zh_with_prefixes(_ZH_BASE), "zh"),
    "fr": _with_measured(_split(_FR), "fr"),
    "es": _with_measured(_split(_ES), "es"),
    "ru": _with_measured(_split(_RU), "ru"),
    "ar": _with_measured(_split(_AR), "ar"),
}
