"""The store: migrations, transactions, the workspace path setting."""

from __future__ import annotations

import duckdb
import pytest

from analytics import store
from analytics.errors import ReboundError


def test_new_workspace_has_the_canonical_model(con):
    tables = {row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()}
    assert {"accounts", "posts", "account_daily", "events", "sentiment_cache", "sentiment_override", "imports",
            "import_rejections", "settings", "schema_migrations"} <= tables
    assert store.schema_version(con) == max(v for v, _, _ in store.migrations())


def test_ids_and_times_have_safe_types(con):
    types = dict(con.execute("select column_name, data_type from information_schema.columns "
                             "where table_name = 'posts'").fetchall())
    assert types["post_id"] == "VARCHAR"
    assert types["in_reply_to_id"] == "VARCHAR"
    assert types["created_at"] == "TIMESTAMP WITH TIME ZONE"


def test_migrations_apply_once(tmp_path):
    path = tmp_path / "w.duckdb"
    first = store.connect(path)
    first.close()
    again = store.connect(path)
    assert store.migrate(again) == []
    again.close()


def test_transaction_rolls_back_on_error(con):
    with pytest.raises(duckdb.Error), store.transaction(con):
        con.execute("insert into settings values ('a', '1')")
        con.execute("insert into settings values ('a', '2')")  # primary key violation
    assert con.execute("select count(*) from settings").fetchone()[0] == 0


def test_db_path_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("REBOUND_DB", str(tmp_path / "x.duckdb"))
    assert store.default_db_path() == tmp_path / "x.duckdb"
    monkeypatch.delenv("REBOUND_DB")
    assert str(store.default_db_path()) == "data/rebound.duckdb"


def test_cursors_see_utc(tmp_path):
    connection = store.connect(tmp_path / "z.duckdb")
    assert connection.cursor().execute("select current_setting('TimeZone')").fetchone()[0] == "UTC"


def test_a_file_that_is_not_duckdb_is_refused(tmp_path):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("hello, I am not a database")
    with pytest.raises(ReboundError, match="not a Rebound workspace|Could not open"):
        store.connect(bogus)


def test_a_migration_numbered_below_the_newest_still_applies(tmp_path):
    # A workspace made before 010_column_mappings existed, but after 020+: simulate by removing 010's traces.
    path = tmp_path / "gap.duckdb"
    store.connect(path).close()
    raw = duckdb.connect(str(path))
    raw.execute("drop table column_mappings")
    raw.execute("delete from schema_migrations where version = 10")
    raw.close()
    reopened = store.connect(path)
    assert reopened.execute("select count(*) from schema_migrations where version = 10").fetchone()[0] == 1
    assert reopened.execute("select count(*) from column_mappings").fetchone()[0] == 0
