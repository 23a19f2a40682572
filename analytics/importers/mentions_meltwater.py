"""Meltwater Explore/Monitor mention exports (export-formats.md §8.2).

The file is UTF-16 LE with a BOM and TAB-separated despite its ``.csv`` name; ``textfile.decode`` and the delimiter
guess handle both. Two column generations are known: the newer one (``Date``, ``Time``, ``Document ID``,
``Author Handle``, ``Source Type``, ``Likes``/``Replies``/``Reposts``…) and the older one (``Date``, ``Headline``,
``Source``, ``Influencer``, no ``Time`` or id). Both carry ``Hit Sentence`` (the text of a social post; ``Opening
Text`` for articles), ``Input Name`` (the search, i.e. the brand) and ``Language``.

The date and time formats are unverified [L], so ``Date`` and ``Time`` are joined and read by ``damage.TimeParser``,
which fits the column's format (day/month order decided once for the file) and rejects unreadable rows with their
line number. Times carry no zone: the assumed zone applies and is recorded. Meltwater's own ``Sentiment`` is not
imported: Rebound scores every text itself, one way for all sources, and says so in a warning.

The account a mention is about: the one the user chose, else the ``Input Name`` as a slug. The id: ``Document ID``,
else the status number of an X link, else the link itself, else a content hash.
"""

from __future__ import annotations

import re

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
from analytics.importers.damage import TimeParser, content_id
from analytics.importers.mentions_generic import account_slug, platform_from
from analytics.importers.tabular import convert_records, header_matches, read_table
from analytics.importers.textfile import parse_count

REQUIRED = ("Date", "Hit Sentence")
"""Columns every Meltwater generation has and the header search looks for."""

SNIFF_COLUMNS = ("Date", "Hit Sentence", "Opening Text")
"""Columns that together only a Meltwater export has."""

SNIFF_CONFIDENCE = 90

TIME_SAMPLE_ROWS = 500
"""Rows used to decide the file's date format (day-first or month-first) before reading every row."""

LANGUAGE_CODES = {"english": "en", "spanish": "es", "french": "fr", "german": "de", "italian": "it",
                  "portuguese": "pt", "dutch": "nl", "swedish": "sv", "danish": "da", "norwegian": "no",
                  "finnish": "fi", "polish": "pl", "turkish": "tr", "russian": "ru", "japanese": "ja",
                  "chinese": "zh", "korean": "ko", "arabic": "ar", "hindi": "hi", "indonesian": "id"}
"""Language names Meltwater may write instead of codes (unverified which it uses), mapped to ISO 639-1."""

_STATUS_ID = re.compile(r"/status(?:es)?/(\d+)")


def language_code(value: str) -> str | None:
    """``"English"`` or ``"en"`` → ``en``; anything unrecognised → ``None`` (language detection fills it later)."""
    text = (value or "").strip().lower()
    if not text:
        return None
    if text in LANGUAGE_CODES:
        return LANGUAGE_CODES[text]
    return text if re.fullmatch(r"[a-z]{2,3}(-[a-z]{2,4})?", text) else None


class MeltwaterImporter(Importer):
    name = "meltwater"
    label = "Meltwater mentions export (UTF-16 tab-separated .csv)"

    def sniff(self, source: Source) -> int:
        return SNIFF_CONFIDENCE if header_matches(source, SNIFF_COLUMNS) else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        table = read_table(source, REQUIRED)
        chosen = normalise_handle(options.account)
        has_time = "time" in table.header

        def when(record: dict[str, str]) -> str:
            date = record.get("date", "").strip()
            clock = record.get("time", "").strip() if has_time else ""
            return f"{date} {clock}".strip()

        times = TimeParser(assumed_zone=options.assumed_zone)
        times.fit([when(r) for _, r in table.records[:TIME_SAMPLE_ROWS]])

        def convert(record: dict[str, str]) -> dict:
            text = (record.get("hit sentence") or record.get("opening text") or record.get("title")
                    or record.get("headline") or "").strip()
            if not text:
                raise ValueError("no Hit Sentence, Opening Text or title")
            created = times.parse(when(record))
            url = record.get("url", "").strip() or None
            source_kind = record.get("source type") or record.get("source") or ""
            platform = options.platform or platform_from(source_kind, url) or "other"
            account = chosen or account_slug(record.get("input name"))
            if not account:
                raise ValueError("no Input Name and no account chosen")
            author = normalise_handle(record.get("author handle") or record.get("author name")
                                      or record.get("influencer"))
            post_id = record.get("document id", "").strip()
            if not post_id and url:
                match = _STATUS_ID.search(url)
                post_id = match.group(1) if match else url
            if not post_id:
                post_id = content_id(platform, author, created, text)
            return {
                "platform": platform, "post_id": post_id, "author": author, "account": account, "role": "mention",
                "created_at": created, "text": text, "lang": language_code(record.get("language", "")),
                "is_repost": text.startswith("RT @"),
                "likes": parse_count(record.get("likes") or record.get("reactions")),
                "reposts": parse_count(record.get("reposts") or record.get("shares")),
                "replies": parse_count(record.get("replies") or record.get("comments")),
                "impressions": parse_count(record.get("views")),
                "url": url,
            }

        rows, rejected = convert_records(table, convert)
        if not rows:
            first = rejected[0].reason if rejected else "no rows"
            raise ReboundError(f"{source.name}: none of its {len(table.records):,} rows could be read "
                               f"(first: {first}).", title="File not readable")
        warnings = []
        if times.counts["zoneless"]:
            warnings.append(f"Meltwater dates carry no zone; {times.counts['zoneless']:,} were read in "
                            f"{options.assumed_zone} (the import's assumed zone).")
        if not has_time:
            warnings.append("This export (older column set) has no Time column: rows without a time in Date are "
                            "placed at midnight.")
        warnings.extend(times.warnings("Date/Time"))
        if "sentiment" in table.header:
            warnings.append("Meltwater's own Sentiment column was not imported: Rebound scores every text itself, "
                            "the same way for every source.")
        posts = canonical_frame(rows, POST_COLUMNS)
        accounts = posts[["platform", "account"]].drop_duplicates().rename(columns={"account": "handle"})
        return ParsedFile(format=self.name, rows_read=len(table.records), posts=posts, rejected=rejected,
                          warnings=warnings, assumed_zone=None if times.all_zoned else options.assumed_zone,
                          accounts=canonical_frame(accounts, ACCOUNT_COLUMNS))
