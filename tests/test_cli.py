import subprocess
import sys
from pathlib import Path

from kiosk.app import preview_scale
from kiosk.cli import main, parser

ROOT = Path(__file__).resolve().parent.parent


def test_help_explains_every_option():
    out = subprocess.run([sys.executable, "-m", "kiosk", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0
    for option in ("--window", "--fullscreen", "--data-dir", "--catalogue", "--idle", "--warn", "--lang", "--elder"):
        assert option in out.stdout
    assert all(a.help for a in parser()._actions if a.dest not in ("help",))


def test_catalogue_search_prints_ranked_codes_and_names(capsys, tmp_path):
    assert main(["catalogue", "search", "yyzz", "--data-dir", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 3
    code, name = lines[0].split("\t")
    assert code[:4].isalpha() and name
    assert main(["catalogue", "search", "营业执照", "--data-dir", str(tmp_path)]) == 0
    assert "营业执照" in capsys.readouterr().out


def test_bad_window_size_is_refused(capsys):
    try:
        main(["--window", "huge"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "is not a size like 540x960" in capsys.readouterr().err


def test_preview_scale_keeps_the_layout():
    assert preview_scale(None, (1080, 1920)) == 1.0
    assert preview_scale((540, 960), (1080, 1920)) == 0.5
    assert preview_scale((1080, 960), (1080, 1920)) == 0.5  # fits the tighter side


def test_the_console_takes_its_window_number_not_the_preview_option(capsys, tmp_path, keep_umask, quiet_logging):
    assert main(["counter", "99", "--data-dir", str(tmp_path)]) == 2
    assert "There is no window 99; the hall has windows 1, 2" in capsys.readouterr().err
    assert main(["counter", "--data-dir", str(tmp_path)]) == 2
    assert "Which window? kiosk counter N" in capsys.readouterr().err
    args = parser().parse_args(["counter", "3"])
    assert args.counter_number == 3
    assert parser().parse_args(["--window", "540x960"]).window == (540, 960)  # the kiosk's preview size


def test_hall_help_names_every_scenario_and_what_it_shows(capsys):
    from kiosk.sim.scenarios import SCENARIOS

    try:
        main(["hall", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps: compare words, not lines
    assert "--scenario" in out and "normal (default)" in out
    for s in SCENARIOS.values():
        assert f" {s.code} " in out and " ".join(s.description.split()) in out
    args = parser().parse_args(["hall", "--scenario", "rush", "--seed", "7"])
    assert (args.scenario, args.seed, args.simulate) == ("rush", 7, False)  # --scenario implies --simulate
    try:
        parser().parse_args(["hall", "--scenario", "chaos"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "invalid choice: 'chaos'" in capsys.readouterr().err
