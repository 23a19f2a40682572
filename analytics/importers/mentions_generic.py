"""Any other CSV/XLSX of mentions, read through a column mapping the app proposes and the user confirms.

Listening tools (Sprout, Hootsuite, Talkwalker, a Kaggle data set, a colleague's spreadsheet) all write mentions with
their own column names, most of them unverified (export-formats.md §8.3–8.6, §10). Rather than one reader per guess,
``propose_mapping`` looks at the header **and the values** and proposes which column holds each canonical field:

* by name: an alias list per field (``created_at``, ``tweet_created`` → time; ``retweet_count`` → reposts), exact or
  as whole words inside the header;
* by content: an 18-digit column is an id, a column that parses as timestamps is the time, the longest free-text
  column is the text, and a column whose value is named in that row's text (``Virgin America`` in
  ``@VirginAmerica …``) is the account the mention is about.

Each field gets a chosen column, its candidates (best first) and an ``ambiguous`` flag (two candidates scored the
same). The reader uses ``options.mapping`` where given and the proposal elsewhere, but only when every required
field (``text``, ``time``; ``account`` unless ``options.account`` names it) is unambiguous; otherwise it refuses the
file naming the candidates, because guessing which of two date columns is the post time silently shifts every chart.

Precedence for the account a row is about: an ``account`` column the user mapped explicitly, else
``options.account``, else a proposed ``account`` column. Account values become slugs (``Virgin America`` →
``virginamerica``): lower case, letters, digits and ``_`` only, the same rule the Brandwatch reader applies to query
names. A file without an id column gets content-hash ids (``damage.content_id``), so re-imports still de-duplicate.

Saved mappings (``column_mappings``) are keyed by a header signature, so the next export with the same columns is
mapped the same way without asking.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analytics.errors import ReboundError
from analytics.importers.base import (
    ACCOUNT_COLUMNS,
    POST_COLUMNS,
    Importer,
    ImportOptions,
    ParsedFile,
    Source,
    canonical_frame,
    normalise_handle,
)
from analytics.importers.damage import TimeParser, content_id, is_scientific
from analytics.importers.tabular import convert_records
from analytics.importers.textfile import CsvTable, decode, normalise_header, parse_count, read_csv, sniff_text
from analytics.importers.xlsx_table import is_xlsx, read_sheet
from analytics.queries import fetch_rows, sql

FIELDS = ("text", "time", "id", "account", "author", "platform", "url", "lang", "likes", "reposts", "replies",
          "impressions")
"""Canonical fields a column can be mapped to, in the order columns are assigned (a column serves one field)."""

REQUIRED_FIELDS = ("text", "time")
"""Fields without which a row is not a mention we can place on a timeline."""

COUNT_FIELDS = ("likes", "reposts", "replies", "impressions")

ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "full text", "tweet", "tweet text", "content", "message", "body", "hit sentence", "post text",
             "post", "mention", "snippet", "caption", "comment", "status"),
    "time": ("time", "date", "created", "created at", "created time", "timestamp", "published", "published at",
             "publish time", "posted", "posted at", "datetime", "date time", "post date", "date published"),
    "id": ("id", "tweet id", "post id", "mention id", "status id", "resource id", "document id", "message id",
           "guid", "id str"),
    "account": ("account", "brand", "company", "query", "query name", "topic", "mentioned brand", "profile",
                "search", "search name", "input name", "client", "organisation", "organization", "page"),
    "author": ("author", "name", "user", "username", "user name", "screen name", "handle", "author handle",
               "author name", "from", "posted by", "influencer", "user screen name"),
    "platform": ("platform", "network", "social network", "source", "source type", "page type", "channel", "site"),
    "url": ("url", "link", "permalink", "post url", "tweet url", "post link"),
    "lang": ("lang", "language", "language code"),
    "likes": ("likes", "like count", "favorites", "favourites", "favorite count", "favourite count", "reactions"),
    "reposts": ("retweets", "retweet count", "reposts", "repost count", "shares", "share count"),
    "replies": ("replies", "reply count", "comments", "comment count"),
    "impressions": ("impressions", "impression count", "views", "view count"),
}
"""Header names per field that identify it on their own, compared after ``header_key`` (lower case, ``_``/``-``/``.``
as spaces)."""

WORD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "message", "body", "sentence", "snippet", "caption"),
    "time": ("created", "date", "time", "timestamp", "published", "posted", "datetime"),
    "id": ("id",),
    "account": ("account", "brand", "company", "query", "client"),
    "author": ("author", "user", "username", "handle", "screen name"),
    "platform": ("platform", "network", "channel"),
    "url": ("url", "link", "permalink"),
    "lang": ("lang", "language"),
    "likes": ("likes", "favorites", "favourites", "reactions"),
    "reposts": ("retweets", "reposts", "shares"),
    "replies": ("replies", "comments"),
    "impressions": ("impressions", "views"),
}
"""Words that, inside a longer header (``tweet_created``, ``Twitter Retweets``), point at a field when the column's
content fits it too."""

NAME_EXACT = 4
"""Score for a header equal to an alias."""

NAME_WORDS = 2
"""Score for a header containing an alias as whole words (``tweet_created`` holds ``created``)."""

CONTENT_STRONG = 2
"""Score for values that only this field's column has (18-digit ids, parseable times, the account named in text)."""

CONTENT_WEAK = 1
"""Score for values consistent with the field but not specific to it (short handles, numbers)."""

MIN_CANDIDATE_SCORE = 2
"""A column needs at least this score to be proposed: content alone must be strong, or the name must fit."""

SAMPLE_ROWS = 500
"""Rows the proposal looks at (the first ones): enough to judge content, cheap on a large file."""

CONTENT_SHARE = 0.8
"""Share of a sample's non-empty values that must fit a content test."""

ACCOUNT_IN_TEXT_SHARE = 0.5
"""Share of rows whose text names the row's account value for that column to count as the account."""

TEXT_MIN_MEAN_CHARS = 20
"""Shortest mean length of a free-text column (handles, labels and codes are shorter)."""

TIME_SAMPLE = 100
"""Values of a column tried as timestamps when judging whether it is a time column."""

AUTHOR_MIN_DISTINCT = 0.1
"""Share of distinct values below which a handle-like column is a label (sentiment, category), not authors."""

ID_MIN_DIGITS = 12
"""Digits a numeric value needs to count as a platform id by content alone (counts are shorter)."""

GENERIC_CONFIDENCE = 10
"""Sniff score: low, so every specific reader wins; the generic reader only takes files nobody else claims."""

UNMAPPED = "-"
"""Column value meaning "leave this field unmapped" in a user's mapping (``--map likes=-``)."""

PLATFORM_NAMES = {"twitter": "x", "x": "x", "x (twitter)": "x", "tweet": "x", "facebook": "facebook", "fb": "facebook",
                  "instagram": "instagram", "ig": "instagram", "linkedin": "linkedin", "mastodon": "mastodon"}
"""Platform names as exports write them → Rebound's platform codes; anything else is ``other``."""

URL_PLATFORMS = (("twitter.com", "x"), ("x.com", "x"), ("facebook.com", "facebook"), ("fb.com", "facebook"),
                 ("instagram.com", "instagram"), ("linkedin.com", "linkedin"))
_KNOWN_PLATFORM_VALUES = {*PLATFORM_NAMES, "reddit", "youtube", "tiktok", "news", "blog", "blogs", "forum", "forums",
                          "web", "online news", "tumblr", "pinterest", "review", "reviews", "threads", "bluesky"}
_ID_VALUE = re.compile(rf"^\d{{{ID_MIN_DIGITS},20}}$")
_HANDLE_VALUE = re.compile(r"^@?[\w.\-]{1,40}$")
_LANG_VALUE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z]{2,4})?$", re.IGNORECASE)
_NUMERIC = re.compile(r"^-?[\d,.]+$")
_SLUG_DROP = re.compile(r"[^0-9a-z_]+")


def header_key(name: str) -> str:
    """A header as compared with aliases: ``Tweet_Created`` → ``tweet created``."""
    return " ".join(re.sub(r"[_\-.#]+", " ", normalise_header(name)).split())


def account_slug(value: object) -> str | None:
    """An account/brand cell as a handle: ``"Virgin America"`` → ``virginamerica``, ``"@Delta"`` → ``delta``."""
    if value is None:
        return None
    return _SLUG_DROP.sub("", str(value).lower()) or None


def platform_from(value: object, url: object = None) -> str | None:
    """Rebound's platform code for an export's platform cell, else from the post's URL; ``None`` when unknown."""
    name = " ".join(str(value or "").strip().lower().split())
    if name in PLATFORM_NAMES:
        return PLATFORM_NAMES[name]
    link = str(url or "").lower()
    for domain, platform in URL_PLATFORMS:
        if f"//{domain}/" in link or f".{domain}/" in link:
            return platform
    return "other" if name else None


def header_signature(header: list[str]) -> str:
    """What identifies "the same kind of file": sha1 of its sorted, normalised column names (order-independent)."""
    names = sorted({normalise_header(h) for h in header if normalise_header(h)})
    return hashlib.sha1("\x1f".join(names).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FieldProposal:
    """One canonical field: the column proposed for it (``None`` when none or ambiguous) and every candidate."""

    field: str
    column: str | None
    candidates: tuple[str, ...] = ()
    ambiguous: bool = False


@dataclass(frozen=True)
class MappingProposal:
    """The proposal for one file: its header and a ``FieldProposal`` per canonical field."""

    header: tuple[str, ...]
    fields: dict[str, FieldProposal] = field(default_factory=dict)

    def mapping(self) -> dict[str, str]:
        """The unambiguous choices, field → column."""
        return {name: p.column for name, p in self.fields.items() if p.column}

    def ambiguous(self) -> dict[str, tuple[str, ...]]:
        """Fields with tied candidates, field → candidates."""
        return {name: p.candidates for name, p in self.fields.items() if p.ambiguous}


def propose_mapping(header: list[str], sample_rows: list[dict[str, str]]) -> MappingProposal:
    """Propose a column for every canonical field from the header names and a sample of rows (see module notes).

    ``sample_rows`` are records keyed by the normalised header (as ``read_csv`` returns them).
    """
    columns = [normalise_header(h) for h in header if normalise_header(h)]
    columns = list(dict.fromkeys(columns))
    values = {c: [str(r.get(c, "") or "").strip() for r in sample_rows[:SAMPLE_ROWS]] for c in columns}
    values = {c: [v for v in vs if v] for c, vs in values.items()}
    taken: set[str] = set()
    stats: dict[tuple[str, str], object] = {}
    proposals: dict[str, FieldProposal] = {}
    text_column = None
    for name in FIELDS:
        scores = {}
        for column in columns:
            if column in taken:
                continue
            score = _score(name, column, values[column], sample_rows, text_column, stats)
            if score >= MIN_CANDIDATE_SCORE:
                scores[column] = score
        # Among equally scored free-text columns the longest is the post (a title or snippet is shorter).
        length = (lambda c: -float(stats.get((c, "mean"), 0))) if name == "text" else (lambda c: 0.0)
        ranked = sorted(scores, key=lambda c: (-scores[c], length(c), columns.index(c)))
        if name == "text" and len(ranked) > 1 and scores[ranked[0]] == scores[ranked[1]] \
                and length(ranked[0]) < length(ranked[1]):
            scores[ranked[0]] += 1
        tied = len(ranked) > 1 and scores[ranked[0]] == scores[ranked[1]]
        chosen = ranked[0] if ranked and not tied else None
        if chosen:
            taken.add(chosen)
        if name == "text":
            text_column = chosen
        candidates = tuple(c for c in ranked if scores[c] == scores[ranked[0]]) if tied else tuple(ranked)
        proposals[name] = FieldProposal(name, chosen, candidates, tied)
    return MappingProposal(tuple(columns), proposals)


def _score(name: str, column: str, values: list[str], rows: list[dict[str, str]], text_column: str | None,
           stats: dict[tuple[str, str], object]) -> int:
    """A column's score for a field: an exact alias counts on its own; a name containing an alias only together
    with fitting content; content alone only when it is specific to the field (``CONTENT_STRONG``)."""
    key = header_key(column)
    words = key.split()
    exact = key in ALIASES[name]
    in_words = any(words[i:i + len(a.split())] == a.split() for a in WORD_ALIASES[name] for i in range(len(words)))
    name_score = NAME_EXACT if exact else NAME_WORDS if in_words else 0
    content = _content_score(name, column, values, rows, text_column, name_score > 0, stats) if values else 0
    if exact:
        return name_score + content
    return name_score + content if content else 0


def _share(values: list[str], test) -> float:
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def _content_score(name: str, column: str, values: list[str], rows: list[dict[str, str]], text_column: str | None,
                   named: bool, stats: dict[tuple[str, str], object]) -> int:
    distinct = len(set(values)) / len(values)
    if name == "text":
        mean = sum(len(v) for v in values) / len(values)
        wordy = _share(values, lambda v: " " in v) >= CONTENT_SHARE / 2
        fits = mean >= TEXT_MIN_MEAN_CHARS and wordy and not _times(column, values, False, stats)
        stats[(column, "mean")] = mean
        return CONTENT_STRONG if fits else 0
    if name == "time":
        return CONTENT_STRONG if _times(column, values, named, stats) else 0
    if name == "id":
        if _share(values, lambda v: bool(_ID_VALUE.match(v)) or is_scientific(v)) >= CONTENT_SHARE:
            return CONTENT_STRONG
        return CONTENT_WEAK if named and distinct >= CONTENT_SHARE else 0
    if name == "account":
        if text_column is None or text_column == column:
            return 0
        named_in_text = [account_slug(r.get(column)) in _SLUG_DROP.sub("", str(r.get(text_column, "")).lower())
                         for r in rows[:SAMPLE_ROWS] if account_slug(r.get(column))]
        share = sum(named_in_text) / len(named_in_text) if named_in_text else 0
        return CONTENT_STRONG if share >= ACCOUNT_IN_TEXT_SHARE else 0
    if name == "author":
        handles = _share(values, lambda v: bool(_HANDLE_VALUE.match(v)) and not _NUMERIC.match(v))
        return CONTENT_WEAK if handles >= CONTENT_SHARE and distinct >= AUTHOR_MIN_DISTINCT else 0
    if name == "platform":
        known = _share(values, lambda v: " ".join(v.lower().split()) in _KNOWN_PLATFORM_VALUES)
        return CONTENT_STRONG if known >= CONTENT_SHARE else 0
    if name == "url":
        links = _share(values, lambda v: v.lower().startswith(("http://", "https://")))
        return CONTENT_STRONG if links >= CONTENT_SHARE else 0
    if name == "lang":
        return CONTENT_WEAK if _share(values, lambda v: bool(_LANG_VALUE.match(v))) >= CONTENT_SHARE else 0
    # Counts: numbers say nothing about which count a column is, so only a fitting name makes a candidate.
    return CONTENT_WEAK if named and _share(values, lambda v: bool(_NUMERIC.match(v))) >= CONTENT_SHARE else 0


def _times(column: str, values: list[str], named: bool, stats: dict[tuple[str, str], object]) -> bool:
    """Whether a column's values read as timestamps (numbers only when the column's name says time); cached."""
    key = (column, "times" if named else "times-text")
    if key not in stats:
        sample = values[:TIME_SAMPLE]
        if _share(sample, lambda v: any(ch.isdigit() for ch in v)) < CONTENT_SHARE:
            stats[key] = False
            return False
        if not named:
            sample = [v for v in sample if not _NUMERIC.match(v)]
        parser = TimeParser(allow_numeric=named).fit(sample)
        readable = 0
        for value in sample:
            try:
                parser.parse(value)
            except ValueError:
                continue
            readable += 1
        stats[key] = bool(sample) and readable >= CONTENT_SHARE * len(values[:TIME_SAMPLE])
    return bool(stats[key])


def resolve_mapping(proposal: MappingProposal, options: ImportOptions, name: str = "file") -> dict[str, str]:
    """The mapping a file is read with: ``options.mapping`` over the proposal; refuses ambiguous required fields.

    Raises ``ReboundError`` naming the candidates (or the missing field) so the user can choose with the mapping
    step / ``--map FIELD=COLUMN``.
    """
    user = _check_user_mapping(options.mapping or {}, proposal.header, name)
    mapping = {f: c for f, c in proposal.mapping().items() if f not in user}
    mapping.update({f: c for f, c in user.items() if c != UNMAPPED})
    needed = list(REQUIRED_FIELDS) + ([] if normalise_handle(options.account) else ["account"])
    problems = []
    for wanted in needed:
        if wanted in mapping:
            continue
        candidates = proposal.fields[wanted].candidates if wanted in proposal.fields else ()
        if candidates and proposal.fields[wanted].ambiguous:
            problems.append(f"{wanted} could be {' or '.join(repr(c) for c in candidates)}")
        elif wanted == "account":
            problems.append("account: no column names the brand each mention is about, and no account was chosen")
        else:
            problems.append(f"{wanted}: no column looks like it")
    if problems:
        raise ReboundError(f"{name}: cannot map its columns without you — {'; '.join(problems)}. Choose them in the "
                           "mapping step (CLI: --map text=COLUMN,time=COLUMN,account=COLUMN or --account HANDLE).",
                           title="Column mapping needed")
    return {f: mapping[f] for f in FIELDS if f in mapping}


def _check_user_mapping(mapping: dict[str, str], header: tuple[str, ...], name: str) -> dict[str, str]:
    checked = {}
    for key, column in mapping.items():
        wanted = key.strip().lower()
        if wanted not in FIELDS:
            raise ReboundError(f"Unknown field {key!r} in the column mapping; fields are: {', '.join(FIELDS)}.",
                               title="Invalid column mapping")
        column_name = normalise_header(column) if column.strip() != UNMAPPED else UNMAPPED
        if column_name != UNMAPPED and column_name not in header:
            raise ReboundError(f"{name} has no column {column!r} (for {wanted}); its columns are: "
                               f"{', '.join(header)}.", title="Invalid column mapping")
        checked[wanted] = column_name
    return checked


def mapping_text(mapping: dict[str, str]) -> str:
    """A mapping as ``--map`` syntax: ``text=text,time=tweet_created``."""
    return ",".join(f"{f}={c}" for f, c in mapping.items())


def load_table(source: Source, max_rows: int | None = None) -> CsvTable:
    """A generic file's table: an XLSX's first sheet, or a CSV/TSV whose header is its first line with two or more
    filled cells (decoded and split the way every CSV reader does)."""
    if is_xlsx(source):
        table = read_sheet(source, (), max_rows=max_rows)
    else:
        text = decode(source).text
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[:HEADER_SEARCH_LINES]
        delimiter = max((",", "\t", ";", "|"), key=lambda d: sum(line.count(d) for line in lines))
        header = None
        for line in lines:
            cells = [c for c in next(csv.reader([line], delimiter=delimiter), []) if c.strip()]
            if len(cells) >= 2:
                header = cells
                break
        if header is None:
            raise ReboundError(f"{source.name}: no header row (a line with two or more column names) in its first "
                               f"{HEADER_SEARCH_LINES} lines.", title="File not recognised")
        table = read_csv(text, required=header, delimiter=delimiter, name=source.name,
                         max_banner_lines=HEADER_SEARCH_LINES)
    if not table.records:
        raise ReboundError(f"{source.name} has a header but no rows.", title="Empty file")
    return table


HEADER_SEARCH_LINES = 20
"""How many lines from the top of a generic CSV may precede its header."""


def propose_for(source: Source) -> MappingProposal:
    """The mapping proposal for a file, from its header and first ``SAMPLE_ROWS`` rows (for the page and the CLI)."""
    table = load_table(source)
    return propose_mapping(table.header, [r for _, r in table.records[:SAMPLE_ROWS]])


class GenericMentionsImporter(Importer):
    name = "generic"
    label = "Other mentions file (CSV or XLSX, with a column mapping)"

    def sniff(self, source: Source) -> int:
        """Low confidence for any table whose proposal finds a text and a time column; 0 otherwise. Never raises."""
        try:
            if is_xlsx(source):
                table = read_sheet(source, (), max_rows=SAMPLE_ROWS)
            else:
                head = sniff_text(source)
                if not head:
                    return 0
                if len(source.data) > len(head.encode("utf-8", errors="ignore")):
                    head = head[: head.rfind("\n")] if "\n" in head else head
                table = load_table(Source(source.name, head.encode("utf-8")))
        except (ReboundError, csv.Error, ValueError):
            return 0
        proposal = propose_mapping(table.header, [r for _, r in table.records[:SAMPLE_ROWS]])
        found = all(proposal.fields[f].candidates for f in REQUIRED_FIELDS)
        return GENERIC_CONFIDENCE if found else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        table = load_table(source)
        proposal = propose_mapping(table.header, [r for _, r in table.records[:SAMPLE_ROWS]])
        mapping = resolve_mapping(proposal, options, source.name)
        explicit_account = "account" in (options.mapping or {}) and mapping.get("account")
        chosen_account = normalise_handle(options.account)
        times = TimeParser(assumed_zone=options.assumed_zone, allow_numeric=True)
        times.fit([r.get(mapping["time"], "") for _, r in table.records[:SAMPLE_ROWS]])
        counters = {"bad_counts": 0, "no_platform": 0}

        def cell(record: dict[str, str], name: str) -> str:
            column = mapping.get(name)
            return (record.get(column) or "").strip() if column else ""

        def count(record: dict[str, str], name: str) -> int | None:
            try:
                return parse_count(cell(record, name))
            except ValueError:
                counters["bad_counts"] += 1
                return None

        def convert(record: dict[str, str]) -> dict:
            text = record.get(mapping["text"]) or ""
            if not text.strip():
                raise ValueError(f"empty text (column {mapping['text']!r})")
            created = times.parse(record.get(mapping["time"]))
            url = cell(record, "url") or None
            platform = options.platform or platform_from(cell(record, "platform"), url)
            if platform is None:
                counters["no_platform"] += 1
                platform = "other"
            column_account = account_slug(cell(record, "account"))
            account = (column_account if explicit_account else None) or chosen_account or column_account
            if not account:
                raise ValueError(f"no account (column {mapping.get('account')!r} is empty and no account was chosen)")
            author = normalise_handle(cell(record, "author"))
            post_id = cell(record, "id") or content_id(platform, author, created, text)
            lang = cell(record, "lang").lower()
            return {
                "platform": platform, "post_id": post_id, "author": author, "account": account, "role": "mention",
                "created_at": created, "text": text, "lang": lang if 0 < len(lang) <= 8 else None,
                "is_repost": text.startswith("RT @"),
                "likes": count(record, "likes"), "reposts": count(record, "reposts"),
                "replies": count(record, "replies"), "impressions": count(record, "impressions"), "url": url,
            }

        rows, rejected = convert_records(table, convert)
        if not rows:
            first = rejected[0].reason if rejected else "no rows"
            raise ReboundError(f"{source.name}: none of its {len(table.records):,} rows could be read with the mapping "
                               f"{mapping_text(mapping)} (first: {first}).", title="File not readable")
        warnings = [f"Column mapping used: {mapping_text(mapping)}."]
        for field_name, candidates in proposal.ambiguous().items():
            if field_name not in mapping:
                warnings.append(f"{field_name} could be {' or '.join(repr(c) for c in candidates)}; left unmapped. "
                                "Map it to import it.")
        if "id" not in mapping:
            warnings.append("No id column: each row got a content-hash id (platform, author, time, text), so "
                            "re-importing the file adds nothing twice.")
        if counters["no_platform"]:
            warnings.append(f"{counters['no_platform']:,} rows name no platform (no platform column or link, none "
                            "chosen): stored as platform 'other'. Choose the platform to match other exports.")
        if counters["bad_counts"]:
            warnings.append(f"{counters['bad_counts']:,} engagement cells were not numbers; left empty.")
        zoneless = times.counts["zoneless"] - times.counts["damaged"]  # the re-save warning already says so
        if zoneless:
            warnings.append(f"{zoneless:,} times had no zone; read in {options.assumed_zone} (the "
                            "import's assumed zone).")
        warnings.extend(times.warnings(mapping["time"]))
        posts = canonical_frame(rows, POST_COLUMNS)
        accounts = posts[["platform", "account"]].drop_duplicates().rename(columns={"account": "handle"})
        return ParsedFile(format=self.name, rows_read=len(table.records), posts=posts, rejected=rejected,
                          warnings=warnings, assumed_zone=None if times.all_zoned else options.assumed_zone,
                          accounts=canonical_frame(accounts, ACCOUNT_COLUMNS))


def save_mapping(con: duckdb.DuckDBPyConnection, name: str, header: list[str] | tuple[str, ...],
                 mapping: dict[str, str]) -> None:
    """Remember ``mapping`` under ``name`` for files with this header (replaces a mapping of the same name)."""
    label = " ".join(str(name).split())
    if not label:
        raise ReboundError("Give the saved mapping a name.", title="Invalid column mapping")
    cur = con.cursor()
    try:
        cur.execute(sql("mapping_save"), {"name": label, "header_signature": header_signature(list(header)),
                                          "mapping_json": json.dumps(mapping, sort_keys=True)})
    finally:
        cur.close()


def saved_mapping(con: duckdb.DuckDBPyConnection, header: list[str] | tuple[str, ...]
                  ) -> tuple[str, dict[str, str]] | None:
    """The saved mapping (name, mapping) for files with this header, newest first; ``None`` when there is none."""
    rows = fetch_rows(con, "mapping_for_header", header_signature=header_signature(list(header)))
    if not rows:
        return None
    return rows[0][0], json.loads(rows[0][1])


def saved_mappings(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every saved mapping, newest first (name, header_signature, mapping_json, saved_at)."""
    cur = con.cursor()
    try:
        return cur.execute(sql("mapping_list")).df()
    finally:
        cur.close()


def options_with_saved_mapping(con: duckdb.DuckDBPyConnection, source: Source, options: ImportOptions
                               ) -> tuple[ImportOptions, str | None]:
    """``options`` with the saved mapping for this file's header underneath the user's own (user's entries win).

    Returns the options and the saved mapping's name (``None`` when none applied). Never raises for unreadable
    files: the reader will refuse them with its own message.
    """
    try:
        table = load_table(source, max_rows=1)
    except ReboundError:
        return options, None
    found = saved_mapping(con, table.header)
    if not found:
        return options, None
    name, mapping = found
    merged = {**mapping, **(options.mapping or {})}
    return ImportOptions(account=options.account, assumed_zone=options.assumed_zone, mapping=merged,
                         platform=options.platform), name


def prepare_options(con: duckdb.DuckDBPyConnection, source: Source, options: ImportOptions
                    ) -> tuple[ImportOptions, dict[str, str], str | None]:
    """Everything the CLI and the Import page do before importing a generic file, in one place.

    Applies a saved mapping for this header (the user's own entries win), resolves the proposal, and returns the
    options carrying the full mapping used, that mapping, and the saved mapping's name (or ``None``). Raises
    ``ReboundError`` naming the candidates when a required field is ambiguous.
    """
    options, saved_name = options_with_saved_mapping(con, source, options)
    proposal = propose_for(source)
    mapping = resolve_mapping(proposal, options, source.name)
    resolved = ImportOptions(account=options.account, assumed_zone=options.assumed_zone, mapping=mapping,
                             platform=options.platform)
    return resolved, mapping, saved_name
