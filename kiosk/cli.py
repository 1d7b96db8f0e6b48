"""Command line: `kiosk` opens the citizen kiosk; `kiosk catalogue check|search` serve curators."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kiosk import __version__


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("yichuang-kiosk", appauthor=False))


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 540x960")
    return int(m[1]), int(m[2])


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if value < 5:
        raise argparse.ArgumentTypeError("the idle time must be at least 5 seconds")
    return value


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=None,
                        help="where tickets, printed slips, logs and caches live "
                             "(default: the user data directory, e.g. ~/.local/share/yichuang-kiosk)")
    common.add_argument("--catalogue", type=Path, default=None, metavar="DIR",
                        help="use the catalogue in DIR instead of the shipped assets/catalogue")
    ap = argparse.ArgumentParser(
        prog="kiosk", parents=[common],
        description="一窗通办 citizen-service hall kiosk (张浦镇政务服务中心). "
                    "Without a subcommand it opens the citizen kiosk.")
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    ap.add_argument("--window", type=_size, metavar="WxH",
                    help="preview the kiosk scaled into a WxH window (same layout as the 1080x1920 reference)")
    ap.add_argument("--fullscreen", action="store_true", help="full screen, for a real kiosk")
    ap.add_argument("--idle", type=_seconds, default=60, metavar="SECONDS",
                    help="seconds without a touch before the idle warning (default 60)")
    ap.add_argument("--warn", type=_seconds, default=30, metavar="SECONDS",
                    help="length of the idle warning's countdown, at least 20 (default 30)")
    ap.add_argument("--lang", choices=("zh_CN", "en_US"), default="zh_CN", help="start-up language")
    ap.add_argument("--elder", action="store_true", help="start in 长辈版 (large text and targets)")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND", help="catalogue: check or search the catalogue")
    cat = sub.add_parser("catalogue", parents=[common], help="check or search the service-item catalogue")
    catsub = cat.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = catsub.add_parser("check", parents=[common],
                              help="validate the catalogue (or one items file); print every problem, exit 1 if any")
    check.add_argument("file", nargs="?", type=Path, help="an items-*.yaml file (default: the shipped catalogue)")
    search = catsub.add_parser("search", parents=[common], help="print ranked search results: code and name")
    search.add_argument("query", nargs="+", help="Chinese, pinyin, initials (yyzz), alias, English or code")
    return ap


def _print_problems(err) -> None:
    print(f"The catalogue has {len(err.problems)} problem(s):", file=sys.stderr)
    for p in err.problems:
        print(f"  {p}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    data_dir = args.data_dir or default_data_dir()
    from kiosk.domain.yamlfile import ValidationError

    if args.command == "catalogue":
        from kiosk.domain.catalogue import DEFAULT_DIR, load_catalogue

        try:
            folder = args.catalogue or DEFAULT_DIR
            if args.action == "check":
                cat = load_catalogue(folder, only=args.file)
                print(f"OK: {len(cat.items)} items, {len(cat.bundles)} bundles")
                return 0
            cat = load_catalogue(folder)
        except ValidationError as err:
            _print_problems(err)
            return 1
        from kiosk.app import build_index

        for hit in build_index(cat, data_dir / "cache").search(" ".join(args.query)):
            obj = cat.by_code.get(hit.key) or cat.bundle_by_code[hit.key]
            print(f"{hit.key}\t{obj.name}")
        return 0

    from kiosk.app import Settings, load_data, run_kiosk
    from kiosk.logs import setup_logging

    try:
        catalogue, hall = load_data(args.catalogue, data_dir / "cache")
    except ValidationError as err:
        _print_problems(err)
        print("The kiosk will not start with a bad catalogue; fix the lines above.", file=sys.stderr)
        return 1
    setup_logging(data_dir)
    settings = Settings(data_dir=data_dir, window=args.window, fullscreen=args.fullscreen,
                        idle_seconds=args.idle, warn_seconds=args.warn, language=args.lang, elder=args.elder)
    from kiosk.store.errors import StoreError

    try:
        return run_kiosk(settings, catalogue, hall)
    except StoreError as err:
        print(f"The kiosk cannot start: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
