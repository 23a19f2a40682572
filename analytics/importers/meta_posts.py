"""Meta Business Suite post exports: Facebook (export-formats.md §3.1) and Instagram (§4), as the brand's own posts.

Both are UTF-8 CSVs with a BOM, one row per post with *lifetime* counts (``Date`` = ``Lifetime``), captions that
span lines, numbers with thousands separators and headers whose capitalisation varies between exports. Facebook's
header starts ``"Post ID","Page ID","Page name"``; Instagram's ``Post ID,Account ID,Account username``.

``Publish time`` (``MM/DD/YYYY HH:MM``) has **no zone**: which zone Meta writes it in (page, account or viewer) is
not known [export-formats.md §10], so it is read in the import's assumed zone, which is recorded on the import and
named in a warning. Counts map as follows (documented here because the exports offer several candidates):

* ``impressions`` = ``Views`` (``Impressions`` in exports before Meta's 2024–25 metric change); ``Reach`` (unique
  people) is not an impression count and is not stored.
* Facebook: ``likes`` = ``Reactions``, ``replies`` = ``Comments``, ``reposts`` = ``Shares``, ``engagements`` =
  ``Reactions, Comments and Shares`` (or their sum when that column was not picked); ``Is share`` = 1 marks a repost.
* Instagram: ``likes`` = ``Likes``, ``replies`` = ``Comments``, ``reposts`` = ``Shares``, ``engagements`` = likes +
  comments + shares + saves.

The account is the one the user chose, else the page name (spaces and punctuation dropped, lower case) or the
Instagram username. Meta's "Download your information" text is mojibake (each UTF-8 byte stored as a Latin-1
character); ``repair_mojibake`` undoes that and is applied to every text field, harmlessly where nothing is broken.
"""

from __future__ import annotations

import re
import unicodedata

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
from analytics.importers.spreadsheet import destroyed_id, excel_serial, formula_warning, is_formula_text
from analytics.importers.tabular import convert_records, header_matches, parse_local_time, read_table
from analytics.importers.textfile import parse_count

FACEBOOK_REQUIRED = ("Post ID", "Page ID", "Page name", "Publish time")
INSTAGRAM_REQUIRED = ("Post ID", "Account ID", "Account username", "Publish time")
PUBLISH_TIME_FORMATS = ("%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S",
                        "%Y-%m-%d %H:%M")
SNIFF_CONFIDENCE = 95
"""Both headers are distinctive (``Page ID``/``Account ID`` beside ``Post ID``), so a match is near certain."""

_CP1252_SPECIALS = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
"""The characters cp1252 puts at bytes 0x80–0x9F (``€``, ``’``, ``—`` …): mojibake that went through Windows-1252."""
_MOJIBAKE_RUN = re.compile(f"[\u0080-\u00ff{_CP1252_SPECIALS}]{{2,}}")
"""A run of characters that could each stand for one byte (Latin-1, or cp1252's replacements for 0x80–0x9F)."""


def repair_mojibake(text: str) -> str:
    """Undo Meta's "Download your information" mojibake (``'itâ\\x80\\x99s'`` → ``'it’s'``) where it round-trips.

    Meta writes each UTF-8 byte as its own ``\\u00XX`` character. Re-encoding such a run of characters as Latin-1
    gives the original bytes back; when they are valid UTF-8 they are the real text. Each run is repaired on its own,
    so a text mixing repaired and intact characters is fixed too, and a run that does not round-trip (real Latin-1
    like ``café``, a lone ``£`` or ``–``) is left unchanged: the repair is safe on text that was never broken. The
    cp1252 variant (``â€™``, from a file decoded as Windows-1252 on the way) is repaired the same way.
    """
    if not text or text.isascii():
        return text
    return _MOJIBAKE_RUN.sub(_repair_run, text)


def _repair_run(match: re.Match[str]) -> str:
    run = match.group(0)
    for codec in ("latin-1", "cp1252"):
        try:
            return run.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return run


def page_handle(name: str) -> str | None:
    """A Facebook page name as an account handle: ``"Lumen Fibre"`` → ``lumenfibre``.

    Letters, digits and combining marks of any script are kept (Bengali vowel signs are marks, not ``\\w``), so a
    page named in another script still gets a readable handle; spaces, punctuation and symbols are dropped.
    """
    kept = "".join(ch for ch in (name or "") if unicodedata.category(ch)[0] in "LNM")
    return normalise_handle(kept) or None


class MetaPostsImporter(Importer):
    name = "meta_posts"
    label = "Meta Business Suite post export (Facebook or Instagram, CSV)"

    def sniff(self, source: Source) -> int:
        if header_matches(source, FACEBOOK_REQUIRED) or header_matches(source, INSTAGRAM_REQUIRED):
            return SNIFF_CONFIDENCE
        return 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        platform = "facebook" if header_matches(source, FACEBOOK_REQUIRED) else "instagram"
        required = FACEBOOK_REQUIRED if platform == "facebook" else INSTAGRAM_REQUIRED
        table = read_table(source, required)
        chosen = normalise_handle(options.account)
        counters = {"formula": 0, "mojibake": 0}
        display_names: dict[str, str] = {}

        def text_field(record: dict[str, str], *names: str) -> str:
            for name in names:
                value = record.get(name, "")
                if value.strip():
                    counters["formula"] += is_formula_text(value)
                    repaired = repair_mojibake(value)
                    counters["mojibake"] += repaired != value
                    return repaired
            return ""

        def convert(record: dict[str, str]) -> dict:
            post_id = record["post id"].strip()
            if not post_id:
                raise ValueError("no Post ID")
            damage = destroyed_id(post_id)
            if damage:
                raise ValueError(damage)
            published = record["publish time"]
            if excel_serial(published):
                raise ValueError(f"Publish time {published.strip()!r} is an Excel serial number (the date format "
                                 "was lost in a spreadsheet re-save)")
            if platform == "facebook":
                display = text_field(record, "page name")
                account = chosen or page_handle(display)
                text = text_field(record, "title", "description")
            else:
                display = text_field(record, "account name", "account username")
                account = chosen or normalise_handle(text_field(record, "account username"))
                text = text_field(record, "description", "title")
            if not account:
                raise ValueError(f"no {'Page name' if platform == 'facebook' else 'Account username'} and no "
                                 "account chosen")
            display_names.setdefault(account, display)
            likes = parse_count(record.get("reactions") if platform == "facebook" else record.get("likes"))
            replies = parse_count(record.get("comments"))
            reposts = parse_count(record.get("shares"))
            if platform == "facebook":
                engagements = parse_count(record.get("reactions, comments and shares"))
                parts = (likes, replies, reposts)
            else:
                engagements = None
                parts = (likes, replies, reposts, parse_count(record.get("saves")))
            if engagements is None and any(p is not None for p in parts):
                engagements = sum(p or 0 for p in parts)
            impressions = parse_count(record.get("views") or record.get("impressions"))
            return {
                "platform": platform, "post_id": post_id, "author": account, "account": account, "role": "own",
                "created_at": parse_local_time(published, PUBLISH_TIME_FORMATS, options.assumed_zone),
                "text": text, "is_repost": record.get("is share", "").strip() == "1",
                "likes": likes, "replies": replies, "reposts": reposts, "impressions": impressions,
                "engagements": engagements, "url": record.get("permalink", "").strip() or None,
            }

        rows, rejected = convert_records(table, convert)
        posts = canonical_frame(rows, POST_COLUMNS)
        accounts = canonical_frame([{"platform": platform, "handle": handle, "display_name": display or None,
                                     "is_own": True} for handle, display in display_names.items()], ACCOUNT_COLUMNS)
        warnings = [f"Publish time has no zone; read as {options.assumed_zone} (the import's assumed zone). If the "
                    "page's posts look shifted, remove this import and import again with the right zone.",
                    "Counts are lifetime totals as of the export date, not per day."]
        if counters["mojibake"]:
            warnings.append(f"Repaired {counters['mojibake']} text field(s) with Meta's Latin-1 mojibake "
                            "(UTF-8 bytes stored as single characters).")
        formula = formula_warning(counters["formula"])
        if formula:
            warnings.append(formula)
        if not rows and rejected:
            raise ReboundError(f"{source.name}: none of its {len(rejected)} rows could be read (first: "
                               f"{rejected[0].reason}).", title="File not readable")
        return ParsedFile(format=self.name, rows_read=len(table.records), posts=posts, accounts=accounts,
                          rejected=rejected, warnings=warnings, assumed_zone=options.assumed_zone)
