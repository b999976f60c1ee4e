"""Precision and recall of the extractor on the hand-written labelled set (tests/data/facts.jsonl).

Each line: {"message", "sender", "lang", "facts": [{"kind", "value"}], "flags": [reason, ...]}.
Messages are read as sent at REFERENCE_NOW (a Wednesday), so "Friday" is 2026-03-06.
A fact counts as found when its kind and its key (folded value, without a leading article;
"species:name" for pets, "what@date" for events) match an expected one.
"""
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .extractor import KINDS, TEXT_FLAGS, extract
from .text import fold

REFERENCE_NOW = datetime(2026, 3, 4, 15, 0, tzinfo=timezone.utc)
DATASET = Path(__file__).resolve().parents[2] / "tests" / "data" / "facts.jsonl"
ARTICLES = ("the ", "le ", "la ", "les ", "l'")


def fact_key(kind: str, value) -> str:
    if kind == "pet" and isinstance(value, dict):
        value = f"{value['species']}:{value['name']}" if value.get("name") else value["species"]
    elif kind == "event" and isinstance(value, dict):
        value = f"{value['what']}@{value['date']}"
    key = fold(str(value)).strip()
    for article in ARTICLES:
        if key.startswith(article):
            key = key[len(article):]
    return key


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def add(self, expected: set, found: set) -> None:
        self.tp += len(expected & found)
        self.fp += len(found - expected)
        self.fn += len(expected - found)


@dataclass
class Report:
    messages: int = 0
    kinds: dict = field(default_factory=lambda: {kind: Score() for kind in KINDS})
    flags: dict = field(default_factory=lambda: {reason: Score() for reason in TEXT_FLAGS})
    facts_total: Score = field(default_factory=Score)
    flags_total: Score = field(default_factory=Score)
    errors: list = field(default_factory=list)


def load(path: Path = DATASET) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(cases: list[dict]) -> Report:
    report = Report(messages=len(cases))
    for case in cases:
        result = extract(case["message"], sender=case.get("sender", "fan"), sent_at=REFERENCE_NOW)
        expected = {(f["kind"], fact_key(f["kind"], f["value"])) for f in case["facts"]}
        found = {(f.kind, fact_key(f.kind, f.value)) for f in result.facts}
        report.facts_total.add(expected, found)
        for kind in KINDS:
            report.kinds[kind].add({e for e in expected if e[0] == kind}, {f for f in found if f[0] == kind})
        expected_flags, found_flags = set(case["flags"]), set(result.flags)
        report.flags_total.add(expected_flags, found_flags)
        for reason in TEXT_FLAGS:
            report.flags[reason].add(expected_flags & {reason}, found_flags & {reason})
        if expected != found or expected_flags != found_flags:
            report.errors.append({"message": case["message"], "missed": sorted(map(str, expected - found)),
                                  "wrong": sorted(map(str, found - expected)),
                                  "missed_flags": sorted(expected_flags - found_flags),
                                  "wrong_flags": sorted(found_flags - expected_flags)})
    return report


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(report: Report) -> str:
    lines = ["| kind or flag | expected | found | correct | precision | recall |", "|---|---|---|---|---|---|"]

    def row(name, score):
        lines.append(f"| {name} | {score.tp + score.fn} | {score.tp + score.fp} | {score.tp} | "
                     f"{_cell(score.precision)} | {_cell(score.recall)} |")

    for kind, score in report.kinds.items():
        row(kind, score)
    row("**all facts**", report.facts_total)
    for reason, score in report.flags.items():
        row(f"flag `{reason}`", score)
    row("**all flags**", report.flags_total)
    return "\n".join(lines)


def counts_by_language(cases: list[dict]) -> Counter:
    return Counter(case.get("lang", "?") for case in cases)
