#!/usr/bin/python3
"""A screen reader's walk through the running kiosk, over AT-SPI (Debian's python3-pyatspi).

Run by the system Python (pyatspi is a Debian package, not a wheel) on the accessibility bus the
kiosk registered with. It finds the kiosk in the AT-SPI registry and does what a blind citizen
does with a screen reader: find a control by what it is called and what it is (name, role,
description), and "activate" it — the control's default action, index 0, whatever that is
called (Press for a button, Toggle for a check box). Never coordinates, never synthetic input.

The path: home → 取号办事 → 综合咨询 → the persona card of someone aged 70 or more → 确认取号 →
the slip. Each screen is waited for by polling the accessible tree (with a timeout). Prints one
JSON object on stdout: ``ok``, the ``steps`` taken, the slip's ``number`` and ``green`` text as
read from the tree, and ``error`` (what went wrong, in words) when the walk did not complete.
Exit 0 when the walk completed, 1 when it did not, 2 when pyatspi is missing.

``--idle-check``: the kiosk runs with a short idle time; at the identity screen the walk waits
for the idle warning, then activates the persona card and checks that the action counted as the
citizen's activity (the warning goes away), as a tap would.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time

try:
    import pyatspi
    from gi.repository import Atspi
except ImportError as exc:  # pragma: no cover - reported to the caller
    print(json.dumps({"ok": False, "error": f"pyatspi is not available: {exc}", "steps": []}))
    sys.exit(2)

STEP_TIMEOUT = 15.0
POLL = 0.1


class WalkFailed(Exception):
    pass


# --- reading the tree ---------------------------------------------------------------------------


def states(acc) -> set:
    try:
        return set(acc.getState().getStates())
    except Exception:  # the object went away between two calls
        return set()


def showing(acc) -> bool:
    return pyatspi.STATE_SHOWING in states(acc)


def role(acc) -> str:
    try:
        return acc.getRoleName()
    except Exception:
        return ""


def name(acc) -> str:
    try:
        return acc.name or ""
    except Exception:
        return ""


def description(acc) -> str:
    try:
        return acc.description or ""
    except Exception:
        return ""


def accessible_id(acc) -> str:
    try:
        return acc.get_accessible_id() or ""
    except Exception:
        return ""


def shown(root):
    """Every object a sighted person could see now: the subtrees of hidden objects (the kiosk's
    other screens wait hidden in its stack) are left out, as a screen reader's review does."""
    stack = [root]
    while stack:
        acc = stack.pop()
        if acc is None or not showing(acc):
            continue
        yield acc
        try:
            children = [acc.getChildAtIndex(i) for i in range(acc.childCount)]
        except Exception:
            children = []
        stack.extend(reversed(children))


def fresh(app) -> None:
    """Forget what libatspi remembers: this client runs no main loop, so the change events that
    keep its cache right are never read. Every poll asks the kiosk."""
    try:
        app.clear_cache()
    except Exception:
        pass


def wait_for(app, what: str, find, timeout: float = STEP_TIMEOUT):
    """Poll the tree until ``find(app)`` returns something, or fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        fresh(app)
        found = find(app)
        if found:
            return found
        if time.monotonic() > deadline:
            raise WalkFailed(f"timed out after {timeout:.0f} s waiting for {what}; the screen shows: {summary(app)}")
        time.sleep(POLL)


def controls(app, role_names: tuple[str, ...]) -> list:
    return [a for a in shown(app) if role(a) in role_names]


def summary(app, limit: int = 40) -> str:
    """What a screen reader would list now: role and name of the named objects on screen."""
    fresh(app)
    parts = []
    for acc in shown(app):
        label = name(acc)
        if label and role(acc) not in ("application", "frame", "filler", "panel"):
            parts.append(f"{role(acc)} '{label}'")
    more = f" … (+{len(parts) - limit})" if len(parts) > limit else ""
    return "; ".join(parts[:limit]) + more


BUTTONS = ("push button", "check box", "toggle button", "radio button")


def button_named(pattern: str):
    rx = re.compile(pattern)
    return lambda app: next((a for a in controls(app, BUTTONS) if rx.search(name(a))), None)


def label_named(pattern: str):
    rx = re.compile(pattern)
    return lambda app: next((a for a in controls(app, ("label", "static", "text", "heading")) if rx.search(name(a))), None)


# --- acting --------------------------------------------------------------------------------------


def activate(acc, screen: str, steps: list) -> str:
    """Do the control's default action (index 0), as a screen reader's "activate" does."""
    try:
        actions = acc.queryAction()
    except NotImplementedError:
        raise WalkFailed(f"{role(acc)} '{name(acc)}' on {screen} has no actions") from None
    if actions.nActions < 1:
        raise WalkFailed(f"{role(acc)} '{name(acc)}' on {screen} offers no action")
    action = actions.getName(0)
    if pyatspi.STATE_SENSITIVE not in states(acc):
        raise WalkFailed(f"{role(acc)} '{name(acc)}' on {screen} is disabled")
    done = actions.doAction(0)
    steps.append({"screen": screen, "role": role(acc), "name": name(acc), "description": description(acc),
                  "action": action, "id": accessible_id(acc), "accepted": bool(done)})
    if not done:
        raise WalkFailed(f"the kiosk refused the {action} action on {role(acc)} '{name(acc)}'")
    return action


def checked(acc) -> bool:
    return pyatspi.STATE_CHECKED in states(acc)


def find_app(pid: int | None, app_name: str, timeout: float):
    def lookup(_=None):
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is None:
                continue
            try:
                if pid is not None and app.get_process_id() == pid:
                    return app
                if pid is None and app.name == app_name:
                    return app
            except Exception:
                continue
        return None

    deadline = time.monotonic() + timeout
    while True:
        if pid is not None and not os.path.exists(f"/proc/{pid}"):
            raise WalkFailed(f"the kiosk (process {pid}) ended before it appeared in the AT-SPI registry")
        app = lookup()
        if app is not None:
            app.set_cache_mask(Atspi.Cache.NONE)
            return app
        if time.monotonic() > deadline:
            who = f"process {pid}" if pid is not None else f"'{app_name}'"
            raise WalkFailed(f"the kiosk ({who}) did not appear in the AT-SPI registry within {timeout:.0f} s")
        time.sleep(POLL * 2)


ELDER_AGE = 70
AGE = re.compile(r"(\d+)\s*岁|aged\s+(\d+)", re.IGNORECASE)


def elder_card(app):
    """The persona card of someone aged 70 or more — as a listener learns it: the card's name is
    the person's name, its description says who they are ("72 岁本镇居民")."""
    for acc in controls(app, BUTTONS):
        m = AGE.search(description(acc))
        if m and int(m.group(1) or m.group(2)) >= ELDER_AGE:
            return acc
    return None


def persona_cards(app) -> list:
    return [a for a in controls(app, ("check box",)) if description(a)]


# --- the walk -----------------------------------------------------------------------------------


def walk(app, result: dict, idle_check: float | None) -> None:
    steps = result["steps"]
    started = time.monotonic()

    def lap(screen: str) -> None:
        result["times"][screen] = round(time.monotonic() - started, 2)

    tile = wait_for(app, "the home screen's 取号办事", button_named(r"^取号办事"))
    lap("home")
    activate(tile, "home", steps)

    consult = wait_for(app, "the ticket menu's 综合咨询", button_named(r"^综合咨询"))
    lap("ticket_menu")
    activate(consult, "ticket_menu", steps)

    wait_for(app, "the identity screen's 确认取号", button_named(r"^确认取号$"))

    def cards(app):
        found = persona_cards(app)
        return found if found else None

    try:
        wait_for(app, "the persona cards (check boxes with a description)", cards, timeout=5)
    except WalkFailed:
        raise WalkFailed("the identity screen shows no persona card a screen reader can tell apart: each card's "
                         f"name is only the person's name and it has no description. On screen: {summary(app)}") from None
    card = elder_card(app)
    if card is None:
        said = "; ".join(f"'{name(a)}' ({description(a)})" for a in persona_cards(app))
        raise WalkFailed(f"no persona card says it is someone aged {ELDER_AGE} or more: {said}")
    lap("identity")

    if idle_check is not None:
        wait_for(app, "the idle warning (您还在吗？)", label_named(r"^您还在吗"), timeout=idle_check + 5)
        result["idle_warning_seen"] = True

    card_name, card_description = name(card), description(card)
    activate(card, "identity", steps)

    def same_card(app):  # found again by what it says it is (its name may now say it was read)
        return next((a for a in controls(app, BUTTONS) if description(a) == card_description), None)

    def card_read(app):
        again = same_card(app)
        green = button_named(r"绿色通道")(app)  # named with its whole label: 走绿色通道，优先叫号（…）
        return (again, green) if again is not None and checked(again) and green is not None and checked(green) else None

    try:
        wait_for(app, f"the card '{card_name}' read (ticked, the green channel offered and ticked)", card_read, timeout=5)
    except WalkFailed as exc:
        again = same_card(app)
        ticked = again is not None and checked(again)
        if ticked:
            raise WalkFailed(f"{steps[-1]['action']} on the persona card '{card_name}' ticks it, but nothing happens: "
                             "the card is not read (no green channel offered)") from exc
        raise
    lap("card_read")

    if idle_check is not None:
        def warning_gone(app):
            return True if label_named(r"^您还在吗")(app) is None else None

        try:
            wait_for(app, "the idle warning to go away", warning_gone, timeout=3)
        except WalkFailed:
            raise WalkFailed("the screen reader's action on the persona card did not count as activity: "
                             "the idle warning stays") from None
        result["idle_reset_by_action"] = True

    confirm = wait_for(app, "an enabled 确认取号",
                       lambda app: next((a for a in controls(app, BUTTONS)
                                         if name(a) == "确认取号" and pyatspi.STATE_SENSITIVE in states(a)), None))
    activate(confirm, "identity", steps)

    number_label = wait_for(app, "the slip's number (您的号码 …)", label_named(r"^您的号码\s*\S+"))
    lap("slip")
    result["number_label"] = name(number_label)
    result["number"] = re.sub(r"^您的号码\s*", "", name(number_label))
    green = label_named(r"绿色通道")(app)
    result["green"] = name(green) if green is not None else None
    result["slip_text"] = [name(a) for a in controls(app, ("label",)) if name(a)]
    result["ok"] = True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pid", type=int, default=None, help="the kiosk's process id (default: find it by name)")
    ap.add_argument("--app-name", default="yichuang-kiosk", help="the application's accessible name")
    ap.add_argument("--start-timeout", type=float, default=30.0, help="seconds to wait for the kiosk to register")
    ap.add_argument("--idle-check", type=float, default=None, metavar="SECONDS",
                    help="the kiosk's --idle: wait for its warning at the identity screen and check that the "
                         "persona card's action clears it")
    args = ap.parse_args(argv)
    result: dict = {"ok": False, "steps": [], "times": {}, "number": None, "green": None, "error": None}
    try:
        app = find_app(args.pid, args.app_name, args.start_timeout)
        result["app"] = name(app)
        walk(app, result, args.idle_check)
    except WalkFailed as exc:
        result["error"] = str(exc)
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
