"""Which readers exist, and which one a file belongs to.

Adding an export family means adding its module and one line to ``_READERS``; detection, the CLI's ``--format``
choices and the Import page's format list all come from here.
"""

from __future__ import annotations

from analytics.errors import ReboundError
from analytics.importers.base import Importer, Source
from analytics.importers.events_csv import EventsCsvImporter
from analytics.importers.followers_csv import FollowersCsvImporter
from analytics.importers.linkedin import LinkedInImporter
from analytics.importers.mastodon import MastodonImporter
from analytics.importers.mentions_brandwatch import BrandwatchImporter
from analytics.importers.mentions_generic import GenericMentionsImporter
from analytics.importers.mentions_meltwater import MeltwaterImporter
from analytics.importers.meta_daily import FacebookInsightsLegacyImporter, MetaDailyMetricImporter
from analytics.importers.meta_posts import MetaPostsImporter
from analytics.importers.x_account_overview import XAccountOverviewImporter
from analytics.importers.x_analytics_legacy import XDailyActivityImporter, XTweetActivityImporter
from analytics.importers.x_archive import XArchiveImporter
from analytics.importers.x_archive_csv import XClassicArchiveImporter
from analytics.importers.x_content import XContentImporter

_READERS: tuple[Importer, ...] = (
    XArchiveImporter(),
    XAccountOverviewImporter(),
    XTweetActivityImporter(),
    XDailyActivityImporter(),
    XContentImporter(),
    XClassicArchiveImporter(),
    BrandwatchImporter(),
    MeltwaterImporter(),
    MetaPostsImporter(),
    MetaDailyMetricImporter(),
    FacebookInsightsLegacyImporter(),
    LinkedInImporter(),
    MastodonImporter(),
    FollowersCsvImporter(),
    EventsCsvImporter(),
    GenericMentionsImporter(),
)


def readers() -> tuple[Importer, ...]:
    """Every reader, in the order they are listed to users."""
    return _READERS


def by_name(name: str) -> Importer:
    """The reader called ``name`` (``--format`` values), or a ``ReboundError`` listing the valid names."""
    for reader in _READERS:
        if reader.name == name:
            return reader
    known = ", ".join(r.name for r in _READERS)
    raise ReboundError(f"Unknown format {name!r}; choose one of: {known}.", title="Unknown format")


def detect(source: Source) -> Importer:
    """The reader most confident it understands ``source`` (judged from content, not the file name)."""
    scored = sorted(((reader.sniff(source), index, reader) for index, reader in enumerate(_READERS)),
                    key=lambda item: (-item[0], item[1]))
    best_score, _, best = scored[0]
    if best_score <= 0:
        raise ReboundError(
            f"{source.name} does not look like any export Rebound reads; choose its format by hand if you know it.",
            title="File not recognised")
    return best
