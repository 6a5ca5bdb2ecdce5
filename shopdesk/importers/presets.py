"""Presets: known platform exports, described in TOML, recognised by their headers."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from shopdesk.domain.enums import Platform
from shopdesk.domain.text import pick

from .mapping import REQUIRED_FIELDS, ColumnMapping, MappingError, RecordType, normalise_header


@dataclass(frozen=True)
class Preset:
    """One platform export: candidate headers per target field, value maps, defaults.

    `signature` lists further headers typical of the export that feed no field; they
    only help tell similar exports apart.
    """

    key: str
    name_zh: str
    name_en: str
    platform: Platform
    record_type: RecordType
    columns: Mapping[str, tuple[str, ...]]
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    defaults: Mapping[str, str] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()
    min_score: int = 3

    def known_headers(self) -> frozenset[str]:
        names = [h for hs in self.columns.values() for h in hs] + list(self.signature)
        return frozenset(normalise_header(h) for h in names)

    def score(self, headers: Sequence[str]) -> int:
        """How many of the file's headers this preset knows; 0 when it cannot be used."""
        present = {normalise_header(h) for h in headers} - {""}
        for name in self.required:
            if not self._find(name, present):
                return 0
        hits = len(present & self.known_headers())
        return hits if hits >= self.min_score else 0

    def hits(self, headers: Sequence[str]) -> tuple[int, list[str]]:
        """(how many of the headers this preset knows, its required fields absent)."""
        present = {normalise_header(h) for h in headers} - {""}
        lacking = [name for name in self.required if not self._find(name, present)]
        return len(present & self.known_headers()), lacking

    def _find(self, name: str, present: set[str]) -> bool:
        return any(normalise_header(c) in present for c in self.columns.get(name, ()))

    def resolve(self, headers: Sequence[str]) -> ColumnMapping:
        """The mapping this preset gives for a header row: first candidate present wins."""
        by_norm: dict[str, str] = {}
        for header in headers:
            by_norm.setdefault(normalise_header(header), str(header))
        columns: dict[str, str] = {}
        for name, candidates in self.columns.items():
            for candidate in candidates:
                found = by_norm.get(normalise_header(candidate))
                if found is not None and found.strip():
                    columns[name] = found
                    break
        return ColumnMapping(record_type=self.record_type, platform=self.platform,
                             columns=columns, values={k: dict(v) for k, v in self.values.items()},
                             defaults=dict(self.defaults), name=self.key)

    def label(self, lang: str = "zh") -> str:
        return pick(lang, self.name_zh, self.name_en)

    @classmethod
    def from_dict(cls, data: Mapping[str, object], key: str = "") -> Preset:
        """Build and check a preset; raises MappingError naming what is wrong."""
        try:
            key = str(data.get("key", key))
            record_type = RecordType(str(data["record_type"]))
            platform = Platform(str(data["platform"]))
            columns_raw = data["columns"]
        except (KeyError, ValueError) as exc:
            raise MappingError(f"预设 {key} 格式不正确：{exc}",
                               f"Malformed preset {key}: {exc}") from None
        if not isinstance(columns_raw, Mapping):
            raise MappingError(f"预设 {key}：columns 必须是字典", f"Preset {key}: bad columns")
        columns: dict[str, tuple[str, ...]] = {}
        for name, candidates in columns_raw.items():
            if isinstance(candidates, str):
                candidates = [candidates]
            if not isinstance(candidates, list) or not candidates:
                raise MappingError(f"预设 {key}：{name} 需要列名列表",
                                   f"Preset {key}: {name} needs a list of headers")
            columns[str(name)] = tuple(str(c) for c in candidates)
        values = data.get("values", {})
        defaults = data.get("defaults", {})
        required = tuple(data.get("required", REQUIRED_FIELDS[record_type]))  # type: ignore[arg-type]
        signature = tuple(str(s) for s in data.get("signature", ()))  # type: ignore[union-attr]
        # Let ColumnMapping check field names, value maps and defaults for us.
        ColumnMapping(record_type=record_type, platform=platform,
                      columns={name: cands[0] for name, cands in columns.items()},
                      values=values, defaults=defaults, name=key)  # type: ignore[arg-type]
        for name in required:
            if name not in columns:
                raise MappingError(f"预设 {key}：必需字段 {name} 没有列名",
                                   f"Preset {key}: required field {name} has no header")
        return cls(key=key, name_zh=str(data.get("name_zh", key)),
                   name_en=str(data.get("name_en", key)), platform=platform,
                   record_type=record_type, columns=columns,
                   values={k: dict(v) for k, v in values.items()},  # type: ignore[union-attr]
                   defaults=dict(defaults), required=required,  # type: ignore[arg-type]
                   signature=signature, min_score=int(data.get("min_score", 3)))  # type: ignore[arg-type]


@dataclass(frozen=True)
class PresetMatch:
    preset: Preset
    score: int


def detect_preset(headers: Sequence[str], presets: Sequence[Preset]) -> PresetMatch | None:
    """The preset that knows most of these headers (ties: the one that knows them best)."""
    best: tuple[int, float, int] | None = None
    found: PresetMatch | None = None
    for order, preset in enumerate(presets):
        score = preset.score(headers)
        if not score:
            continue
        rank = (score, score / len(preset.known_headers()), -order)
        if best is None or rank > best:
            best, found = rank, PresetMatch(preset, score)
    return found


@dataclass(frozen=True)
class NearMiss:
    """A header row that is clearly a platform's export (or one of a few alike) but lacks
    required columns."""

    presets: tuple[Preset, ...]  # the export it is, or the few it could be
    lacking: tuple[str, ...]  # field names, lacking for every one of them


def near_miss(headers: Sequence[str], candidates: Sequence[Preset],
              presets: Sequence[Preset]) -> NearMiss | None:
    """The export among `candidates` this header row clearly is but for a required
    column: of all `presets` it knows the most headers (those within 2 of the most are
    alike: platform exports share 商品名称 or 申请时间, Douyin's and Kuaishou's most of
    theirs), and enough of them."""
    scored = [(*p.hits(headers), p) for p in presets]
    if not scored:
        return None
    top = max(hits for hits, _lacking, _p in scored)
    close = [(lacking, p) for hits, lacking, p in scored if hits >= top - 2]
    if top < 6 or any(not lacking for lacking, _p in close):
        return None  # too few, or it is a complete export of one of them
    forced = [(lacking, p) for lacking, p in close if p in candidates]
    if not forced:
        return None
    if len(candidates) == 1:  # the user chose the preset: speak of that one only
        close = forced
    common = [f for f in close[0][0] if all(f in lacking for lacking, _p in close)]
    if not common:
        return None
    return NearMiss(tuple(p for _lacking, p in close), tuple(common))


def load_presets(folder: Path) -> tuple[Preset, ...]:
    """Every *.toml in `folder`, in file-name order; the key is the file's stem."""
    presets = []
    for path in sorted(Path(folder).glob("*.toml")):
        with open(path, "rb") as fh:
            try:
                data = tomllib.load(fh)
            except tomllib.TOMLDecodeError as exc:
                raise MappingError(f"预设文件 {path.name} 不是有效的 TOML：{exc}",
                                   f"Preset file {path.name} is not valid TOML: {exc}") from None
        presets.append(Preset.from_dict(data, key=path.stem))
    keys = [p.key for p in presets]
    if len(set(keys)) != len(keys):
        raise MappingError("预设的 key 重复", "Duplicate preset keys")
    return tuple(presets)
