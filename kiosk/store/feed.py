"""Change feeds (kiosk.domain.ports.ChangeFeed): how a terminal learns that another changed the hall.

- SQLite: ``PRAGMA data_version`` on a connection kept for it — it moves whenever another
  connection commits; asking costs microseconds and no disk I/O, so a timer asks.
- PostgreSQL: LISTEN on the hall's channel; every write transaction NOTIFYs at commit. The
  connection's socket becomes readable when a notification arrives, so nothing polls. When the
  server goes away, ``pending()`` raises StoreError and the next call reconnects.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.engine import Engine, make_url

from kiosk.domain.ports import StoreCode, StoreError

log = logging.getLogger(__name__)


class SqliteFeed:
    def __init__(self, engine: Engine):
        self._conn: Any = engine.raw_connection()
        self._version: int | None = None

    def fileno(self) -> int | None:
        return None

    def pending(self) -> bool:
        cur = self._conn.cursor()
        try:
            version = cur.execute("PRAGMA data_version").fetchone()[0]
        except Exception as exc:
            raise StoreError(f"the change feed stopped: {exc}", StoreCode.CANNOT_OPEN) from exc
        finally:
            cur.close()
        changed = version != self._version
        self._version = int(version)
        return bool(changed)

    def close(self) -> None:
        self._conn.close()


class PostgresFeed:
    """LISTEN/NOTIFY on its own autocommit psycopg connection."""

    def __init__(self, url: str, channel: str):
        self.url, self.channel = url, channel
        self._conn: Any = None
        self._connect()

    def _connect(self) -> None:
        import psycopg

        u = make_url(self.url)
        params: dict[str, Any] = {k: v for k, v in dict(u.query).items() if isinstance(v, str)}
        for key, value in (("user", u.username), ("password", u.password), ("host", u.host), ("port", u.port),
                           ("dbname", u.database)):
            if value is not None:
                params.setdefault(key, value)
        try:
            self._conn = psycopg.connect(autocommit=True, connect_timeout=5, **params)
            self._conn.execute(f"LISTEN {self.channel}")
        except psycopg.Error as exc:
            self._conn = None
            raise StoreError(f"the database server cannot be reached ({exc})", StoreCode.UNREACHABLE) from exc

    def fileno(self) -> int | None:
        return self._conn.fileno() if self._conn is not None else None

    def pending(self) -> bool:
        """True when a notification arrived (or the feed was just re-established: something may
        have changed while it was away)."""
        import psycopg

        if self._conn is None or self._conn.closed:
            self._connect()
            return True
        pg = self._conn.pgconn
        try:
            pg.consume_input()
        except psycopg.Error as exc:
            self._drop()
            raise StoreError("the database server connection was lost", StoreCode.UNREACHABLE) from exc
        if pg.status != psycopg.pq.ConnStatus.OK:
            self._drop()
            raise StoreError("the database server connection was lost", StoreCode.UNREACHABLE)
        got = False
        while pg.notifies() is not None:
            got = True
        return got

    def _drop(self) -> None:
        try:
            self._conn.close()
        except Exception:
            pass
        self._conn = None

    def close(self) -> None:
        if self._conn is not None:
            self._drop()
