"""The call announcer: one announcement at a time, each said twice, captions always, sound optional.

Nothing here makes a sound: the silent engine (captions on short timers) and Qt's "mock"
text-to-speech plug-in (which "speaks" word by word on a timer) stand in for a loudspeaker."""

from __future__ import annotations

import logging
import sys
import time
import wave

import pytest

from kiosk.ui.shared import voice
from kiosk.ui.shared.voice import Announcer, chime_file, speech_text, spoken_number


class Log:
    """Everything an Announcer says, in order: (signal, caption[, repetition])."""

    def __init__(self, announcer: Announcer):
        self.events: list[tuple] = []
        self.captions: list[str] = []
        announcer.started.connect(lambda c: self.events.append(("started", c)))
        announcer.repeated.connect(lambda c, n: self.events.append(("repeated", c, n)))
        announcer.finished.connect(lambda c: self.events.append(("finished", c)))
        announcer.caption_changed.connect(self.captions.append)

    def finished(self) -> list[str]:
        return [e[1] for e in self.events if e[0] == "finished"]


def silent(**kw) -> Announcer:
    kw = dict(engine="silent", caption_ms=40, gap_ms=5) | kw
    return Announcer(**kw)


@pytest.fixture
def no_audio(monkeypatch):
    """No sound card, whatever the machine has (the chime falls back to captions only)."""
    monkeypatch.setattr(voice, "_has_audio_output", lambda _devices: False)


def test_the_number_is_spelled_for_speech_and_shown_plainly():
    assert spoken_number("A012") == "A 零 一 二"
    assert spoken_number(" z100 ") == "Z 一 零 零"
    assert speech_text("A012", 3) == "请 A 零 一 二 号，到 3 号窗口"
    assert Announcer(engine="silent").caption_for("A012", 3) == "请 A012 号到 3 号窗口"


def test_announcements_queue_without_overlap_and_each_is_said_twice(qtbot):
    a = silent()
    log = Log(a)
    assert a.caption == "" and not a.busy
    t0 = time.monotonic()
    a.announce("A012", 3)
    a.announce("b001", 6)  # normalised to B001
    assert a.busy and a.pending == [("B001", 6)]
    qtbot.waitUntil(lambda: len(log.finished()) == 2, timeout=3000)
    A, B = "请 A012 号到 3 号窗口", "请 B001 号到 6 号窗口"
    assert log.events == [("started", A), ("repeated", A, 1), ("repeated", A, 2), ("finished", A),
                          ("started", B), ("repeated", B, 1), ("repeated", B, 2), ("finished", B)]
    assert time.monotonic() - t0 >= 4 * 0.040  # four repetitions, one after the other
    # the caption goes straight from one to the next, and is empty only when all is said
    assert log.captions == [A, B, ""]
    assert a.caption == "" and not a.busy and a.pending == []


def test_repeats_is_configurable(qtbot):
    for repeats in (1, 3):
        a = silent(repeats=repeats)
        log = Log(a)
        a.announce("C007", 8)
        qtbot.waitUntil(lambda log=log: bool(log.finished()), timeout=3000)
        assert [e[2] for e in log.events if e[0] == "repeated"] == list(range(1, repeats + 1))


def test_a_number_already_waiting_is_not_queued_twice_but_a_later_recall_is(qtbot):
    a = silent()
    log = Log(a)
    a.announce("A001", 1)
    a.announce("A002", 2)
    a.announce("A002", 2)
    assert a.pending == [("A002", 2)]
    qtbot.waitUntil(lambda: len(log.finished()) == 2, timeout=3000)
    a.announce("A002", 2)  # a recall after the first announcement is over: said again
    qtbot.waitUntil(lambda: len(log.finished()) == 3, timeout=3000)
    assert log.finished() == ["请 A001 号到 1 号窗口", "请 A002 号到 2 号窗口", "请 A002 号到 2 号窗口"]


def test_clear_drops_the_queue_and_the_caption(qtbot):
    a = silent(caption_ms=5000)
    log = Log(a)
    a.announce("A001", 1)
    a.announce("A002", 2)
    a.clear()
    assert a.caption == "" and a.pending == [] and not a.busy
    assert log.captions == ["请 A001 号到 1 号窗口", ""]


def test_the_caption_follows_the_language(qtbot):
    from kiosk.ui.shared.i18n import EN, ZH, Language

    language = Language()
    a = silent(caption_ms=5000)
    a.language = language  # the board gives its announcer its own language
    a.announce("A012", 3)
    try:
        language.set(EN)
        a.retranslate()
        assert a.caption == "Number A012, please go to window 3"
        assert a.caption_for("B001", 6) == "Number B001, please go to window 6"
    finally:
        language.set(ZH)
    a.retranslate()
    assert a.caption == "请 A012 号到 3 号窗口"
    a.clear()


# --- the mock text-to-speech engine -----------------------------------------------------------------

@pytest.fixture
def said(monkeypatch) -> list[str]:
    """The texts handed to the speech engine (Qt's mock plug-in underneath), in order."""
    import PySide6.QtTextToSpeech as qtts

    texts: list[str] = []

    class Recording(qtts.QTextToSpeech):
        def say(self, text):
            texts.append(text)
            super().say(text)

    monkeypatch.setattr(qtts, "QTextToSpeech", Recording)
    return texts


def mock_tts(**kw) -> Announcer:
    a = Announcer(engine="tts", tts_engine="mock", caption_ms=40, gap_ms=5, **kw)
    assert a.kind == "tts"
    return a


class Speech:
    """What the mock engine actually speaks: one entry per utterance, the words said so far."""

    def __init__(self, announcer: Announcer):
        from PySide6.QtTextToSpeech import QTextToSpeech

        self.utterances: list[list[str]] = []
        tts = announcer._player.tts
        tts.stateChanged.connect(lambda s: self.utterances.append([]) if s == QTextToSpeech.State.Speaking else None)
        tts.sayingWord.connect(lambda word, _id, _start, _length: self.utterances[-1].append(word))


def test_mock_tts_says_the_spelled_number_twice_and_announcements_wait_their_turn(qtbot, said):
    a = mock_tts()
    log, speech = Log(a), Speech(a)
    a.announce("A012", 3)
    a.announce("B001", 6)
    qtbot.waitUntil(lambda: len(log.finished()) == 2, timeout=10_000)
    assert said == ["请 A 零 一 二 号，到 3 号窗口"] * 2 + ["请 B 零 零 一 号，到 6 号窗口"] * 2
    assert len(speech.utterances) == 4 and all(speech.utterances)  # each spoken to its end
    assert [e[0] for e in log.events] == ["started", "repeated", "repeated", "finished"] * 2
    assert log.captions == ["请 A012 号到 3 号窗口", "请 B001 号到 6 号窗口", ""]


def test_muted_nothing_is_spoken_but_captions_show(qtbot, said):
    a = mock_tts()
    log, speech = Log(a), Speech(a)
    changes = []
    a.muted_changed.connect(changes.append)
    a.set_muted(True)
    assert a.muted and changes == [True]
    a.announce("A012", 3)
    assert a.caption == "请 A012 号到 3 号窗口"
    qtbot.waitUntil(lambda: bool(log.finished()), timeout=5000)
    assert speech.utterances == [] and said == []
    assert [e for e in log.events if e[0] == "repeated"] == [("repeated", "请 A012 号到 3 号窗口", 1),
                                                          ("repeated", "请 A012 号到 3 号窗口", 2)]
    a.set_muted(False)
    a.announce("A013", 4)
    qtbot.waitUntil(lambda: len(log.finished()) == 2, timeout=10_000)
    assert len(speech.utterances) == 2 and said == ["请 A 零 一 三 号，到 4 号窗口"] * 2
    assert changes == [True, False]


def test_muting_during_speech_stops_it_and_the_rest_is_captions_only(qtbot, said):
    a = mock_tts()
    log, speech = Log(a), Speech(a)
    a.announce("A012", 3)
    qtbot.waitUntil(lambda: bool(speech.utterances and speech.utterances[0]), timeout=5000)
    a.set_muted(True)
    assert a.caption == "请 A012 号到 3 号窗口"
    qtbot.waitUntil(lambda: bool(log.finished()), timeout=5000)
    assert said == ["请 A 零 一 二 号，到 3 号窗口"]  # said once, cut short, not said again
    assert len(speech.utterances) == 1
    assert [e[0] for e in log.events] == ["started", "repeated", "repeated", "finished"]


# --- fallbacks: a missing speech engine or sound card is never an error ------------------------------

def test_falls_back_to_silent_when_the_tts_import_fails(qtbot, monkeypatch, no_audio, caplog):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # as when libpulse0 is missing
    with caplog.at_level(logging.INFO, logger="kiosk.ui.shared.voice"):
        a = Announcer(engine="tts", tts_engine="mock", caption_ms=30, gap_ms=5)
    assert a.kind == "silent"
    assert any("text-to-speech unavailable" in r.message and r.levelno == logging.INFO for r in caplog.records)
    assert all(r.levelno < logging.WARNING for r in caplog.records)
    log = Log(a)
    a.announce("A012", 3)
    qtbot.waitUntil(lambda: bool(log.finished()), timeout=3000)
    assert log.captions == ["请 A012 号到 3 号窗口", ""]


def test_falls_back_when_qtmultimedia_is_missing_too(qtbot, monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    with caplog.at_level(logging.INFO, logger="kiosk.ui.shared.voice"):
        a = Announcer(engine="auto")
    assert a.kind == "silent"
    assert any("QtMultimedia unavailable" in r.message for r in caplog.records)


def test_an_engine_in_the_error_state_falls_back(qtbot, monkeypatch, no_audio, caplog):
    """Like speechd without speech-dispatcher: the plug-in loads, but its state is Error."""
    import PySide6.QtTextToSpeech as qtts

    class Broken(qtts.QTextToSpeech):
        def state(self):
            return qtts.QTextToSpeech.State.Error

        def errorString(self):  # noqa: N802
            return "speech-dispatcher is not running"

    monkeypatch.setattr(qtts, "QTextToSpeech", Broken)
    with caplog.at_level(logging.INFO, logger="kiosk.ui.shared.voice"):
        a = Announcer(engine="tts", tts_engine="mock", caption_ms=30, gap_ms=5)
    assert a.kind == "silent"
    assert any("not usable: speech-dispatcher is not running" in r.message for r in caplog.records)
    assert all(r.levelno == logging.INFO for r in caplog.records)
    log = Log(a)
    a.announce("A012", 3)
    qtbot.waitUntil(lambda: bool(log.finished()), timeout=3000)


def test_an_engine_that_fails_while_speaking_goes_on_with_captions(qtbot, monkeypatch, no_audio, caplog):
    import PySide6.QtTextToSpeech as qtts

    class FailsWhenSpeaking(qtts.QTextToSpeech):
        def say(self, text):
            self.stateChanged.emit(qtts.QTextToSpeech.State.Error)

    monkeypatch.setattr(qtts, "QTextToSpeech", FailsWhenSpeaking)
    a = Announcer(engine="tts", tts_engine="mock", caption_ms=30, gap_ms=5)
    assert a.kind == "tts"
    log = Log(a)
    with caplog.at_level(logging.INFO, logger="kiosk.ui.shared.voice"):
        a.announce("A012", 3)
        qtbot.waitUntil(lambda log=log: bool(log.finished()), timeout=3000)
    assert a.kind == "silent"
    assert [e[0] for e in log.events] == ["started", "repeated", "repeated", "finished"]
    assert any("speech engine failed" in r.message for r in caplog.records)


def test_auto_never_picks_the_mock_engine(qtbot, monkeypatch, no_audio):
    import PySide6.QtTextToSpeech as qtts

    monkeypatch.setattr(qtts.QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    assert Announcer(engine="auto").kind == "silent"


# pretending there is an audio output where there is none, QSoundEffect says so when it loads the file
@pytest.mark.qt_log_ignore("^QSoundEffect: playback of this format is not supported on the selected audio device$")
def test_the_chime_is_chosen_when_there_is_audio_but_no_speech(qtbot, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    monkeypatch.setattr(voice, "_has_audio_output", lambda _devices: True)
    a = Announcer(engine="auto", cache_dir=tmp_path, caption_ms=30, gap_ms=5, muted=True)
    assert a.kind == "chime"
    effect = a._player.effect
    assert effect.source().toLocalFile() == str(chime_file(tmp_path))
    qtbot.waitUntil(lambda: effect.status() in (effect.Status.Ready, effect.Status.Error), timeout=5000)
    log = Log(a)
    a.announce("A012", 3)  # muted: captions only, the effect is never played
    qtbot.waitUntil(lambda: bool(log.finished()), timeout=3000)


def test_the_chime_is_a_short_two_tone_wav_written_once(tmp_path):
    path = chime_file(tmp_path)
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, voice.CHIME_RATE)
        assert 0.5 < w.getnframes() / w.getframerate() < 1.5
    mtime = path.stat().st_mtime_ns
    assert chime_file(tmp_path) == path and path.stat().st_mtime_ns == mtime
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


def test_an_unknown_engine_is_a_programming_error():
    with pytest.raises(ValueError):
        Announcer(engine="loud")


def test_a_burst_keeps_only_the_newest_announcements(qtbot):
    from kiosk.ui.shared.voice import MAX_PENDING, Announcer

    a = Announcer(engine="silent", caption_ms=10_000, gap_ms=0)
    for i in range(20):
        a.announce(f"A{i:03d}", 1)
    assert a.caption.startswith("请 A000") or "A000" in a.caption
    assert len(a._queue) == MAX_PENDING
    assert list(a._queue)[-1] == ("A019", 1)
