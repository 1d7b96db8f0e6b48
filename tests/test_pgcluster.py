"""The throw-away PostgreSQL server of tests/pgcluster.py: start, fresh databases, NOTIFY, crash."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg
import pytest
from pgcluster import PgServer, skip_or_fail
from sqlalchemy import create_engine, inspect, make_url, text


def _tables(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        return inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_server_listens_on_its_socket_only(pg_server: PgServer) -> None:
    with pg_server.connect() as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("postgres",)
        assert conn.execute("SHOW listen_addresses").fetchone() == ("",)
        version = conn.execute("SHOW server_version_num").fetchone()
        assert version is not None and int(version[0]) >= 150000
    assert (pg_server.socket_dir / f".s.PGSQL.{pg_server.port}").is_socket()
    assert Path(f"/proc/{pg_server.pid}").exists()


def test_each_database_is_new_and_empty(pg_server: PgServer, pg_url: str) -> None:
    other = pg_server.create_database()
    try:
        other_url = pg_server.url(other)
        assert other_url != pg_url
        assert _tables(pg_url) == [] and _tables(other_url) == []
        engine = create_engine(pg_url)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE only_here (id int)"))
        engine.dispose()
        assert _tables(pg_url) == ["only_here"] and _tables(other_url) == []
    finally:
        assert pg_server.drop_database(other)


def test_sqlalchemy_reads_back_what_it_wrote(pg_url: str) -> None:
    assert pg_url.startswith("postgresql+psycopg://postgres@/test_")
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (k text PRIMARY KEY, v text)"))
            conn.execute(text("INSERT INTO t VALUES ('hall', :v)"), {"v": "一窗通办"})
        with engine.connect() as conn:
            assert conn.execute(text("SELECT v FROM t WHERE k = 'hall'")).scalar_one() == "一窗通办"
    finally:
        engine.dispose()


def test_listen_notify_between_two_connections(pg_server: PgServer, pg_url: str) -> None:
    dbname = make_url(pg_url).database
    assert dbname
    with pg_server.connect(dbname) as listener, pg_server.connect(dbname) as sender:
        listener.execute("LISTEN kiosk_events")
        sender.execute("SELECT pg_notify('kiosk_events', 'A001 called')")
        got = list(listener.notifies(timeout=5, stop_after=1))
    assert [(n.channel, n.payload) for n in got] == [("kiosk_events", "A001 called")]


def test_kill9_and_restart_keep_committed_data(pg_server: PgServer, pg_url: str) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (v int)"))
        conn.execute(text("INSERT INTO t VALUES (42)"))
    engine.dispose()
    old = pg_server.pid
    pg_server.kill9()
    assert not Path(f"/proc/{old}").exists()  # dead and reaped, not a zombie
    with pytest.raises(psycopg.OperationalError):
        pg_server.connect().close()
    pg_server.restart()
    assert pg_server.pid != old
    assert "not properly shut down; automatic recovery in progress" in pg_server.log()
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT v FROM t")).scalar_one() == 42
    finally:
        engine.dispose()


def test_engine_url_covers_both_back_ends(engine_url: str | None, request: pytest.FixtureRequest) -> None:
    if request.node.callspec.params["engine_url"] == "sqlite":
        assert engine_url is None
    else:
        assert engine_url is not None and _tables(engine_url) == []


@pytest.mark.parametrize("ci", ["true", ""])
def test_missing_server_skips_except_in_ci(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    expected = pytest.fail.Exception if ci == "true" else pytest.skip.Exception
    with pytest.raises(expected, match="initdb not found"):
        skip_or_fail("initdb not found")


def test_no_server_process_outlives_a_stop(pg_server: PgServer) -> None:
    """stop() and restart() leave no server processes behind (nor zombies)."""
    pg_server.restart()
    pid = pg_server.pid
    children = [p for p in os.listdir("/proc") if p.isdigit() and _ppid(p) == pid]
    assert children  # checkpointer, walwriter, ...
    pg_server.stop()
    assert not [p for p in [str(pid), *children] if Path(f"/proc/{p}").exists()]
    pg_server.start()


def _ppid(pid: str) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None
