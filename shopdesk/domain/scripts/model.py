"""The reply script (话术) and the library of scripts, parsed from plain dicts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from ..enums import CaseKind, Cause, CauseSide, CustomerType
from ..errors import ShopDeskError
from ..labels import LabelledEnum
from ..text import Bilingual, Text, colon, is_english, pick
from .placeholders import (
    PLACEHOLDERS,
    RenderResult,
    canonical_key,
    find_placeholders,
    placeholder,
    render,
    stray_braces,
)
from .steps import Audience, Channel, HandlingStep

ANY = "any"
ID_PATTERN = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
TAG_PATTERN = re.compile(r"^[a-z0-9_]+$")
SCRIPT_KEYS = frozenset({"id", "title", "kinds", "causes", "step", "channel", "tone", "text",
                         "audience", "customer_types", "tags", "facts"})
FACTS_KEY = "facts"  # the placeholder {事实} / {facts} the confirmed facts fill
REQUIRED_KEYS = ("id", "title", "kinds", "causes", "step", "channel", "tone", "text")

# A field as the script form names it (the dialog's own labels), for messages to the user;
# the files and the import keep the key ("title.en") so an error points at the column.
FIELD_LABELS: dict[str, Text] = {
    "id": Text("编号", "Id"),
    "title": Text("标题", "Title"),
    "tone": Text("语气", "Tone"),
    "text": Text("正文", "Text"),
    "kinds": Text("售后类型", "Case kinds"),
    "causes": Text("原因", "Causes"),
    "step": Text("处理步骤", "Step"),
    "channel": Text("渠道", "Channel"),
    "audience": Text("对象", "Audience"),
    "customer_types": Text("客户类型", "Customer types"),
    "tags": Text("标签", "Tags"),
    "facts": Text("事实", "Facts"),
}
LANGUAGE_LABELS: dict[str, Text] = {"zh": Text("中文", "Chinese"), "en": Text("英文", "English")}
_FIELD_KEY = re.compile(r"^(?P<name>[a-z_]+)(\[\d+\])?(\.(?P<lang>zh|en))?$")


def field_label(field_name: str, lang: str = "zh") -> str:
    """How the form names a script field: "title.en" -> "标题（英文）" / "Title (English)",
    "kinds[2]" -> "售后类型"; a key it does not know is returned as it is."""
    m = _FIELD_KEY.match(field_name)
    if m is None or m["name"] not in FIELD_LABELS:
        return field_name
    label = FIELD_LABELS[m["name"]].get(lang)
    if m["lang"]:
        language = LANGUAGE_LABELS[m["lang"]].get(lang)
        label = f"{label} ({language})" if is_english(lang) else f"{label}（{language}）"
    return label


@dataclass(frozen=True)
class ScriptError(Bilingual):
    """One problem in the script data: which file, which script (id or #index), which field."""

    source: str
    script: str
    field: str
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        text = super().message(lang)
        where = ": ".join(p for p in (self.source, self.script, self.field) if p)
        return f"{where}: {text}" if where else text

    def __str__(self) -> str:
        return self.message("en")

    def field_message(self, lang: str = "zh") -> str:
        """"标题（中文）：不能为空": the field as the form names it, without file or id (the
        form shows one script)."""
        text = pick(lang, self.zh, self.en)
        return f"{field_label(self.field, lang)}{colon(lang)}{text}" if self.field else text


class ScriptLibraryError(ShopDeskError, ValueError):
    """Script data refused; `errors` lists every problem found, one a line in message()."""

    def __init__(self, errors: list[ScriptError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(e.message("zh") for e in self.errors),
                         "\n".join(e.message("en") for e in self.errors))


@dataclass(frozen=True)
class Script:
    """One reply script. Empty `kinds` / `causes` mean "any"."""

    id: str
    title: Text
    kinds: tuple[CaseKind, ...]
    causes: tuple[Cause, ...]
    step: HandlingStep
    channel: Channel
    tone: Text
    text: Text
    audience: Audience = Audience.BUYER
    customer_types: tuple[CustomerType, ...] = ()
    tags: tuple[str, ...] = ()
    source: str = ""
    # Statements a script to the platform may make, each only once the user has ticked it as
    # true for this case: never assumed (an appeal with a false fact loses the appeal).
    facts: tuple[Text, ...] = ()

    @property
    def any_kind(self) -> bool:
        return not self.kinds

    @property
    def any_cause(self) -> bool:
        return not self.causes

    def applies_to_kind(self, kind: CaseKind) -> bool:
        return self.any_kind or kind in self.kinds

    def applies_to_cause(self, cause: Cause | None) -> bool:
        """Generic scripts fit every case; cause-specific ones only their causes."""
        return self.any_cause or (cause is not None and cause in self.causes)

    @property
    def names_seller_cause(self) -> bool:
        """True when the script is written for at least one seller-side cause."""
        return any(c.side is CauseSide.SELLER for c in self.causes)

    @property
    def placeholders(self) -> tuple[str, ...]:
        """Canonical (English) keys of the placeholders in the Chinese text, in order."""
        keys = [canonical_key(n) or n for n in find_placeholders(self.text.zh)]
        return tuple(dict.fromkeys(keys))

    def text_lang(self, lang: str = "zh") -> str:
        """The language the script's text is in when asked for `lang`: a shop script may be
        Chinese only, and then English asks get the Chinese text ("zh")."""
        return "en" if is_english(lang) and self.text.en else "zh"

    def render(self, values: Mapping[str, object], lang: str = "zh",
               facts: Iterable[int] = ()) -> RenderResult:
        """The text filled from `values`; `facts` are the indexes of the script's facts the
        user confirmed for the case (none confirmed leaves {事实} missing). Without an English
        text the Chinese one is rendered, its facts in Chinese too (see text_lang)."""
        lang = self.text_lang(lang)
        chosen = [self.facts[i] for i in sorted(set(facts)) if 0 <= i < len(self.facts)]
        if chosen:
            values = {**values, FACTS_KEY: facts_text(chosen, lang)}
        return render(self.text.get(lang), values)


def facts_text(facts: Iterable[Text], lang: str = "zh") -> str:
    """'1. …；2. …' (Chinese) / '1. …; 2. …' (English)."""
    sep = "; " if lang.startswith("en") else "；"
    return sep.join(f"{n}. {f.get(lang)}" for n, f in enumerate(facts, 1))


class ErrorCollector:
    """Collects ScriptErrors for one script (or rule) of one file."""

    def __init__(self, source: str, script: str) -> None:
        self.source = source
        self.script = script
        self.items: list[ScriptError] = []

    def add(self, field_name: str, zh: str, en: str) -> None:
        self.items.append(ScriptError(self.source, self.script, field_name, zh, en))


def _bitext(data: Mapping[str, object], name: str, errors: ErrorCollector, *,
            english_required: bool) -> Text | None:
    value = data.get(name)
    if not isinstance(value, Mapping):
        errors.add(name, "应为包含 zh 和 en 的表", "must be a table with zh and en")
        return None
    ok = True
    for lang in ("zh", "en"):
        text = value.get(lang)
        if lang == "en" and not english_required and (
                text is None or (isinstance(text, str) and not text.strip())):
            continue  # a shop's own script may be Chinese only (English falls back)
        if not isinstance(text, str) or not text.strip():
            errors.add(f"{name}.{lang}", "不能为空", "is required and must be non-empty text")
            ok = False
    for extra in sorted(set(value) - {"zh", "en"}):
        errors.add(f"{name}.{extra}", "未知字段（只允许 zh、en）", "unknown key (only zh, en)")
        ok = False
    if not ok:
        return None
    return Text(str(value["zh"]).strip(), str(value.get("en") or "").strip())


def _str_list(data: Mapping[str, object], name: str, errors: ErrorCollector) -> list[str] | None:
    value = data.get(name)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.add(name, "应为文本列表", "must be a list of strings")
        return None
    return [v.strip() for v in value]


def _enum_list(data: Mapping[str, object], name: str, enum: type[LabelledEnum],
               errors: ErrorCollector, *, allow_any: bool, exclude: tuple[str, ...] = ()) -> tuple:
    items = _str_list(data, name, errors)
    if items is None:
        return ()
    if allow_any and not items:
        errors.add(name, f"不能为空（通用请写 [\"{ANY}\"]）",
                   f"must not be empty (write [\"{ANY}\"] for any)")
        return ()
    if allow_any and ANY in items:
        if len(items) > 1:
            errors.add(name, f"\"{ANY}\" 不能与其他值同时出现",
                       f"\"{ANY}\" cannot be combined with other values")
        return ()
    keys = [m.value for m in enum if m.value not in exclude]
    out = []
    for i, item in enumerate(items):
        if item not in keys:
            errors.add(f"{name}[{i}]", f"未知的值：{item}（可选：{', '.join(keys)}）",
                       f"unknown value: {item} (one of: {', '.join(keys)})")
            continue
        member = enum(item)
        if member in out:
            errors.add(f"{name}[{i}]", f"重复的值：{item}", f"duplicate value: {item}")
            continue
        out.append(member)
    return tuple(out)


def _enum(data: Mapping[str, object], name: str, enum: type[LabelledEnum], errors: ErrorCollector,
          default: LabelledEnum | None = None) -> LabelledEnum | None:
    value = data.get(name)
    if value is None and default is not None:
        return default
    keys = [m.value for m in enum]
    if not isinstance(value, str) or value.strip() not in keys:
        errors.add(name, f"未知的值：{value}（可选：{', '.join(keys)}）",
                   f"unknown value: {value} (one of: {', '.join(keys)})")
        return None
    return enum(value.strip())


def _allowed_placeholders(lang: str, sep: str) -> str:
    """Every placeholder as a text in `lang` must write it: "{买家}、{订单号}…" / "{buyer}, …"."""
    return sep.join(f"{{{p.name(lang)}}}" for p in PLACEHOLDERS)


def _check_text_placeholders(text: Text, errors: ErrorCollector) -> None:
    keys: dict[str, set[str]] = {}
    for lang in ("zh", "en"):
        body = text.zh if lang == "zh" else text.en  # not get(): no fallback to Chinese
        field_name = f"text.{lang}"
        if stray_braces(body):
            errors.add(field_name, "有不成对的花括号（字面花括号请写 {{ 或 }}）",
                       "unbalanced brace (write {{ or }} for a literal brace)")
        found: set[str] = set()
        for name in find_placeholders(body):
            p = placeholder(name)
            if p is None:
                # Name what may be written instead: a typo or a made-up name is fixed by
                # picking from the list (in this text's language: {买家} in Chinese).
                errors.add(field_name,
                           f"未知的占位符：{{{name}}}（可用：{_allowed_placeholders(lang, '、')}）",
                           f"unknown placeholder: {{{name}}} "
                           f"(allowed: {_allowed_placeholders(lang, ', ')})")
                continue
            expected = p.name(lang)
            if name != expected:
                errors.add(field_name, f"占位符 {{{name}}} 在此语言中应写作 {{{expected}}}",
                           f"placeholder {{{name}}} should be written {{{expected}}} here")
            found.add(p.key)
        keys[lang] = found
    if not text.en:
        return  # Chinese only: nothing to compare
    only_zh = sorted(keys["zh"] - keys["en"])
    only_en = sorted(keys["en"] - keys["zh"])
    if only_zh or only_en:
        errors.add("text", f"中英文占位符不一致：仅中文 {only_zh}，仅英文 {only_en}",
                   f"zh and en placeholders differ: only zh {only_zh}, only en {only_en}")


def _facts(data: Mapping[str, object], text: Text | None, errors: ErrorCollector, *,
           english_required: bool) -> tuple[Text, ...]:
    """`facts.zh` / `facts.en`: two lists of the same length; the text then says where they
    go with {事实}, and a text with {事实} needs facts to choose from.

    The facts are in the languages the text is: an English text needs English facts (else
    it renders "What we checked: 1. 已核实物流停滞"), and a Chinese-only text (English optional,
    left empty) takes Chinese-only facts: facts.en left out or empty, since English readers
    get the Chinese text and facts (English ones would never be shown).
    """
    raw = data.get("facts")
    uses = text is not None and FACTS_KEY in {canonical_key(n) for n in
                                              find_placeholders(text.zh)}
    if raw is None:
        if uses:
            errors.add("facts", "正文用了 {事实}，但没有列出可勾选的事实",
                       "the text uses {facts} but lists no facts to tick")
        return ()
    lists = {lang: raw.get(lang) if isinstance(raw, Mapping) else None for lang in ("zh", "en")}

    def texts(v: object) -> bool:
        return isinstance(v, list) and bool(v) and all(isinstance(x, str) and x.strip()
                                                       for x in v)

    # Left out, [] or all blank (a CSV export of Chinese-only facts writes "|" or "").
    en = lists["en"]
    en_blank = en is None or (isinstance(en, list) and all(
        isinstance(x, str) and not x.strip() for x in en))
    english_text = bool(text.en) if text is not None else english_required
    if not texts(lists["zh"]) or (not en_blank and texts(en) and len(en) != len(lists["zh"])):  # type: ignore[arg-type]
        errors.add("facts", "facts.zh 和 facts.en 应是条数相同、不为空的文字列表",
                   "facts.zh and facts.en must be non-empty lists of text of the same length")
        return ()
    zh_facts: list[str] = lists["zh"]  # type: ignore[assignment]
    if english_text and not texts(en):
        errors.add("facts.en", "正文有英文，事实也要写英文：每条中文事实对应一条英文",
                   "the text has an English text, so every fact needs its English too "
                   "(one facts.en line per facts.zh line)")
        return ()
    if not english_text and not en_blank:
        errors.add("facts.en", "英文正文为空时事实只写中文（英文读者看到的是中文正文和事实）："
                               "请清空英文事实，或补上英文正文",
                   "English facts need an English text (without one, English readers get the "
                   "Chinese text and facts): clear facts.en or write text.en")
        return ()
    if not uses:
        errors.add("facts", "列出了事实，但正文没有 {事实} 说明放在哪里",
                   "facts are listed but the text has no {facts} to put them in")
    en_facts = en if english_text else [""] * len(zh_facts)
    return tuple(Text(zh.strip(), en.strip())
                 for zh, en in zip(zh_facts, en_facts, strict=True))  # type: ignore[arg-type]


def _parse(data: object, source: str, index: int | None, *,
           english_required: bool = True) -> tuple[Script | None, list[ScriptError]]:
    label = f"#{index}" if index is not None else "#?"
    if not isinstance(data, Mapping):
        errors = ErrorCollector(source, label)
        errors.add("", "话术应为一个表", "a script must be a table")
        return None, errors.items
    raw_id = data.get("id")
    if isinstance(raw_id, str) and raw_id.strip():
        label = raw_id.strip()
    errors = ErrorCollector(source, label)
    for key in REQUIRED_KEYS:
        if key not in data:
            errors.add(key, "缺少必填字段", "required field is missing")
    for key in sorted(set(data) - SCRIPT_KEYS):
        errors.add(key, "未知字段", "unknown field")
    if "id" in data and (not isinstance(raw_id, str) or not ID_PATTERN.match(raw_id.strip())):
        errors.add("id", "编号格式应为 类型.步骤.序号（小写字母、数字、下划线，用点分隔）",
                   "id must look like kind.step.n (lowercase letters, digits, _ joined by dots)")
    title = (_bitext(data, "title", errors, english_required=english_required)
             if "title" in data else None)
    tone = (_bitext(data, "tone", errors, english_required=english_required)
            if "tone" in data else None)
    text = (_bitext(data, "text", errors, english_required=english_required)
            if "text" in data else None)
    kinds = _enum_list(data, "kinds", CaseKind, errors, allow_any=True) if "kinds" in data else ()
    causes = (_enum_list(data, "causes", Cause, errors, allow_any=True)
              if "causes" in data else ())
    step = _enum(data, "step", HandlingStep, errors) if "step" in data else None
    channel = _enum(data, "channel", Channel, errors) if "channel" in data else None
    audience = _enum(data, "audience", Audience, errors, default=Audience.BUYER)
    ctypes = (_enum_list(data, "customer_types", CustomerType, errors, allow_any=False,
                         exclude=(CustomerType.UNKNOWN.value,))
              if "customer_types" in data else ())
    tags: tuple[str, ...] = ()
    if "tags" in data:
        raw_tags = _str_list(data, "tags", errors) or []
        for i, tag in enumerate(raw_tags):
            if not TAG_PATTERN.match(tag):
                errors.add(f"tags[{i}]", "标签只能包含小写字母、数字和下划线",
                           "a tag may contain only lowercase letters, digits and _")
        tags = tuple(dict.fromkeys(raw_tags))
    if text is not None:
        _check_text_placeholders(text, errors)
    facts = _facts(data, text, errors, english_required=english_required)
    if errors.items:
        return None, errors.items
    script = Script(
        id=label, title=title, kinds=kinds, causes=causes, step=step,  # type: ignore[arg-type]
        channel=channel, tone=tone, text=text, audience=audience,  # type: ignore[arg-type]
        customer_types=ctypes, tags=tags, source=source, facts=facts,
    )
    return script, []


def parse_script_dict(data: Mapping[str, object], *, source: str = "",
                      index: int | None = None, english_required: bool = True) -> Script:
    """Validate one script table (as read from TOML) into a Script.

    `english_required`: the shipped library has every text in Chinese and English; a shop's
    own scripts (and its edits) may leave the English out (False), and English readers then
    get the Chinese. Raises ScriptLibraryError listing every problem, each naming `source`
    (the file), the script id (or "#index" when the id is missing) and the field.
    """
    script, errors = _parse(data, source, index, english_required=english_required)
    if errors:
        raise ScriptLibraryError(errors)
    assert script is not None
    return script


@dataclass(frozen=True)
class ScriptLibrary:
    """An ordered collection of scripts with unique ids."""

    scripts: tuple[Script, ...] = ()
    _by_id: dict[str, Script] = field(default_factory=dict, init=False, repr=False,
                                      compare=False)

    def __post_init__(self) -> None:
        by_id: dict[str, Script] = {}
        errors = []
        for s in self.scripts:
            if s.id in by_id:
                first = by_id[s.id].source or "?"
                errors.append(ScriptError(s.source, s.id, "id",
                                          f"重复的话术编号（已在 {first} 中定义）",
                                          f"duplicate script id (already defined in {first})"))
                continue
            by_id[s.id] = s
        if errors:
            raise ScriptLibraryError(errors)
        self._by_id.update(by_id)

    @classmethod
    def from_dicts(cls, dicts: Iterable[Mapping[str, object]], *,
                   source: str = "") -> ScriptLibrary:
        """Parse script tables; raises ScriptLibraryError with every problem at once."""
        scripts, errors = parse_script_dicts(dicts, source=source)
        if errors:
            raise ScriptLibraryError(errors)
        return cls(tuple(scripts))

    def __iter__(self) -> Iterator[Script]:
        return iter(self.scripts)

    def __len__(self) -> int:
        return len(self.scripts)

    def __contains__(self, script_id: object) -> bool:
        return script_id in self._by_id

    def get(self, script_id: str) -> Script:
        """The script with this id; KeyError when there is none."""
        return self._by_id[script_id]

    def merged(self, other: ScriptLibrary) -> ScriptLibrary:
        """This library with `other`'s scripts added; a script with the same id replaces ours."""
        replaced = {s.id for s in other.scripts}
        kept = tuple(s for s in self.scripts if s.id not in replaced)
        return ScriptLibrary(kept + other.scripts)

    def filter(self, *, kind: CaseKind | None = None, cause: Cause | None = None,
               step: HandlingStep | None = None, channel: Channel | None = None,
               tag: str | None = None) -> list[Script]:
        """Scripts usable for the given kind/cause/step/channel/tag (None = don't filter)."""
        out = []
        for s in self.scripts:
            if kind is not None and not s.applies_to_kind(kind):
                continue
            if cause is not None and not s.applies_to_cause(cause):
                continue
            if step is not None and s.step is not step:
                continue
            if channel is not None and s.channel is not channel:
                continue
            if tag is not None and tag not in s.tags:
                continue
            out.append(s)
        return out


def parse_script_dicts(dicts: Iterable[object], *, source: str = "",
                       english_required: bool = True) -> tuple[list[Script], list[ScriptError]]:
    """Parse many script tables of one file; returns the good scripts and every error.

    Indexes in error labels are 1-based positions in the file.
    """
    scripts: list[Script] = []
    errors: list[ScriptError] = []
    seen: dict[str, int] = {}
    for i, data in enumerate(dicts, start=1):
        script, errs = _parse(data, source, i, english_required=english_required)
        errors.extend(errs)
        if script is None:
            continue
        if script.id in seen:
            errors.append(ScriptError(source, script.id, "id",
                                      f"重复的话术编号（与第 {seen[script.id]} 条相同）",
                                      f"duplicate script id (same as script #{seen[script.id]})"))
            continue
        seen[script.id] = i
        scripts.append(script)
    return scripts, errors
