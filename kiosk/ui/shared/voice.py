"""Spoken call announcements for the call board (叫号播报): queued, never overlapping, each said twice.

``Announcer.announce("A012", 3)`` queues "请 A012 号到 3 号窗口". One announcement plays at a time;
the rest wait in order. Each is played ``repeats`` times (2 by default) with a short pause between.

What "played" means depends on the engine, chosen once at construction:

``tts``     QtTextToSpeech says the sentence, the number spelled so it is read digit by digit
            ("请 A 零 一 二 号，到 3 号窗口"), in a Chinese voice when the engine has one.
``chime``   no speech engine: a short two-tone chime (a WAV written once with :mod:`wave`) through
            QtMultimedia's QSoundEffect, then the caption stays up for ``caption_ms``.
``silent``  no audio at all: captions only, each repetition shown for ``caption_ms``.

``engine="auto"`` tries them in that order; asking for ``tts`` or ``chime`` also falls back down the
chain. A machine without a sound card or speech engine is normal for a hall screen, so every fallback
is logged at INFO, never raised. QtTextToSpeech's import fails (ImportError) when libpulse0 is
missing; an engine that exists but cannot work (speechd without speech-dispatcher) reports the Error
state — both fall back. ``tts_engine`` names a QtTextToSpeech plug-in: tests use Qt's ``"mock"``.

The caption — what the board shows — is the normal text, translated with ``tr()`` ("Number A012,
please go to window 3" in English). Speech stays Mandarin, the hall's spoken language.

Signals:
``caption_changed(str)``  the caption of the announcement being played; "" when idle
``started(str)``          an announcement (its caption) begins
``repeated(str, int)``    one repetition of it begins (its caption, 1 … ``repeats``)
``finished(str)``         it has been played ``repeats`` times
``muted_changed(bool)``

Muted (``set_muted(True)``), nothing is spoken or chimed but captions still show, each repetition
for ``caption_ms`` — as the silent engine does.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import struct
import tempfile
import wave
from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

from kiosk.ui.shared.i18n import Translating

log = logging.getLogger(__name__)

MAX_PENDING = 6  # announcements waiting at most; older ones are dropped
ENGINES = ("auto", "tts", "chime", "silent")
_CHINESE_DIGITS = "零一二三四五六七八九"

# The chime: two tones (Hz, seconds) — a soft "ding-dong", ~0.9 s in all.
CHIME_TONES = ((880.0, 0.38), (659.25, 0.52))
CHIME_RATE = 22050


def spoken_number(number: str) -> str:
    """``A012`` → ``A 零 一 二``: a speech engine then reads digit by digit, not "twelve"."""
    return " ".join(_CHINESE_DIGITS[int(c)] if c.isdigit() else c for c in number.strip().upper())


def speech_text(number: str, window: int) -> str:
    """What the speech engine says: ``请 A 零 一 二 号，到 3 号窗口``."""
    return f"请 {spoken_number(number)} 号，到 {window} 号窗口"


def write_chime(path: Path) -> Path:
    """Write the two-tone chime as 16-bit mono WAV to ``path`` (atomically) and return it."""
    frames = bytearray()
    for freq, seconds in CHIME_TONES:
        n = int(CHIME_RATE * seconds)
        for i in range(n):
            t = i / CHIME_RATE
            envelope = min(1.0, i / (0.01 * CHIME_RATE)) * math.exp(-3.2 * t / seconds)  # quick attack, decay
            frames += struct.pack("<h", int(0.45 * 32767 * envelope * math.sin(2 * math.pi * freq * t)))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as raw, wave.open(raw, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(CHIME_RATE)
            out.writeframes(bytes(frames))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def chime_file(cache_dir: Path | None = None) -> Path:
    """The chime WAV in ``cache_dir`` (or the temp folder), written on first use."""
    key = hashlib.sha256(repr((CHIME_TONES, CHIME_RATE)).encode()).hexdigest()[:12]
    path = Path(cache_dir or tempfile.gettempdir()) / f"kiosk-chime-{key}.wav"
    return path if path.exists() else write_chime(path)


# --- players: each plays one repetition and emits done() once when it is over -------------------

class _Player(QObject):
    done = Signal()
    kind = "silent"

    def play(self, speech: str) -> None:
        raise NotImplementedError

    def hush(self) -> None:
        """Stop any sound now; the repetition still ends with done()."""

    def shutdown(self) -> None:
        """Stop without emitting done()."""


class _SilentPlayer(_Player):
    """Captions only: a repetition lasts ``caption_ms``."""

    def __init__(self, caption_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(caption_ms)
        self.timer.timeout.connect(self.done)

    def play(self, speech: str) -> None:
        self.timer.start()

    def shutdown(self) -> None:
        self.timer.stop()


class _ChimePlayer(_SilentPlayer):
    """The chime at the start of each repetition; the caption stays up for ``caption_ms``."""

    kind = "chime"

    def __init__(self, effect, caption_ms: int, parent: QObject | None = None):
        super().__init__(caption_ms, parent)
        self.effect = effect
        effect.setParent(self)
        effect.statusChanged.connect(self._status)

    def _status(self) -> None:
        if self.effect.status() == self.effect.Status.Error:
            log.info("the chime cannot be played (no working audio output?): captions only")

    def play(self, speech: str) -> None:
        super().play(speech)
        self.effect.play()

    def hush(self) -> None:
        self.effect.stop()

    def shutdown(self) -> None:
        super().shutdown()
        self.effect.stop()


class _TtsPlayer(_Player):
    """QtTextToSpeech; done() when the engine is back to Ready (or fails, or a watchdog fires)."""

    kind = "tts"

    def __init__(self, tts, watchdog_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._State = QTextToSpeech.State
        self.tts = tts
        tts.setParent(self)
        self.failed = False
        self._active = False
        self._speaking = False
        self.watchdog = QTimer(self)
        self.watchdog.setSingleShot(True)
        self.watchdog.setInterval(watchdog_ms)
        self.watchdog.timeout.connect(self._timed_out)
        tts.stateChanged.connect(self._state)

    def play(self, speech: str) -> None:
        self._active, self._speaking = True, False
        self.watchdog.start()
        self.tts.say(speech)
        if self.tts.state() == self._State.Error:  # some engines fail synchronously
            self._state(self._State.Error)

    def hush(self) -> None:
        if self._active:
            self.tts.stop()

    def shutdown(self) -> None:
        self._active = False
        self.watchdog.stop()
        self.tts.stop()

    def _state(self, state) -> None:
        if not self._active:
            return
        if state == self._State.Speaking:
            self._speaking = True
        elif state == self._State.Error:
            self.failed = True
            log.info("speech engine failed (%s): captions only from now on", self.tts.errorString())
            self._end()
        elif state == self._State.Ready and self._speaking:
            self._end()

    def _timed_out(self) -> None:
        if self._active:
            log.info("speech engine did not finish in %d ms: going on", self.watchdog.interval())
            self.tts.stop()
            self._end()

    def _end(self) -> None:
        self._active = False
        self.watchdog.stop()
        self.done.emit()


def _make_tts(name: str | None, parent: QObject):
    """A working QTextToSpeech (named plug-in, or the first real one), or None — logged at INFO."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:  # e.g. libpulse0 missing
        log.info("text-to-speech unavailable (%s)", exc)
        return None
    from PySide6.QtCore import QLocale

    names = [name] if name else [n for n in QTextToSpeech.availableEngines() if n != "mock"]
    if not names:
        log.info("no text-to-speech engine installed")
    for candidate in names:
        tts = QTextToSpeech(candidate, parent)
        if tts.state() == QTextToSpeech.State.Error:
            log.info("text-to-speech engine %r not usable: %s", candidate, tts.errorString() or "error state")
            tts.deleteLater()
            continue
        chinese = [loc for loc in tts.availableLocales() if loc.language() == QLocale.Language.Chinese]
        if chinese:
            tts.setLocale(chinese[0])
        else:
            log.info("text-to-speech engine %r has no Chinese voice; using %s", candidate, tts.locale().name())
        log.info("announcements spoken by text-to-speech engine %r", candidate)
        return tts
    return None


def _make_chime(cache_dir: Path | None, parent: QObject):
    """A QSoundEffect loaded with the chime, or None when QtMultimedia or an audio output is missing."""
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
    except ImportError as exc:
        log.info("QtMultimedia unavailable (%s)", exc)
        return None
    if not _has_audio_output(QMediaDevices):
        log.info("no audio output device: announcements are captions only")
        return None
    try:
        path = chime_file(cache_dir)
    except OSError as exc:
        log.info("cannot write the chime (%s)", exc)
        return None
    effect = QSoundEffect(parent)
    effect.setSource(QUrl.fromLocalFile(str(path)))
    effect.setVolume(0.8)
    log.info("announcements chimed (%s)", path)
    return effect


def _has_audio_output(media_devices) -> bool:
    return bool(media_devices.audioOutputs())


class Announcer(Translating, QObject):
    """Queues call announcements and plays them one at a time, each ``repeats`` times. Its
    caption is in ``language`` (the board's: set by the board), else Chinese."""

    caption_changed = Signal(str)
    started = Signal(str)
    repeated = Signal(str, int)
    finished = Signal(str)
    muted_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, engine: str = "auto", tts_engine: str | None = None,
                 repeats: int = 2, caption_ms: int = 4500, gap_ms: int = 800, watchdog_ms: int = 20000,
                 cache_dir: Path | None = None, muted: bool = False):
        super().__init__(parent)
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
        self.repeats = max(1, int(repeats))
        self._muted = bool(muted)
        # a burst of calls (a simulated day at high speed) must not build an hour of backlog: keep
        # the newest few; the board shows every call anyway
        self._queue: deque[tuple[str, int]] = deque(maxlen=MAX_PENDING)
        self._current: tuple[str, int] | None = None
        self._caption = ""
        self._speech = ""
        self._played = 0
        self._active: _Player | None = None

        self._silent = _SilentPlayer(caption_ms, self)
        self._silent.done.connect(lambda: self._repetition_done(self._silent))
        self._player: _Player = self._choose(engine, tts_engine, caption_ms, watchdog_ms, cache_dir)
        if self._player is not self._silent:
            self._player.done.connect(lambda: self._repetition_done(self._player))

        self._gap = QTimer(self)
        self._gap.setSingleShot(True)
        self._gap.setInterval(max(0, gap_ms))
        self._gap.timeout.connect(self._after_gap)

    def _choose(self, engine, tts_engine, caption_ms, watchdog_ms, cache_dir) -> _Player:
        if engine in ("auto", "tts"):
            tts = _make_tts(tts_engine, self)
            if tts is not None:
                return _TtsPlayer(tts, watchdog_ms, self)
        if engine in ("auto", "tts", "chime"):
            effect = _make_chime(cache_dir, self)
            if effect is not None:
                return _ChimePlayer(effect, caption_ms, self)
        if engine != "silent":
            log.info("announcements are captions only (no speech engine, no audio output)")
        return self._silent

    # --- state ----------------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        """The engine in use: "tts", "chime" or "silent" (after any fallback)."""
        if isinstance(self._player, _TtsPlayer) and self._player.failed:
            return "silent"
        return self._player.kind

    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        muted = bool(muted)
        if muted == self._muted:
            return
        self._muted = muted
        if muted and self._active is not None and self._active is not self._silent:
            self._active.hush()  # the repetition ends at once; the rest are captions only
        log.info("announcements %s", "muted" if muted else "unmuted")
        self.muted_changed.emit(muted)

    @property
    def caption(self) -> str:
        return self._caption

    @property
    def busy(self) -> bool:
        return self._current is not None

    @property
    def pending(self) -> list[tuple[str, int]]:
        """Announcements waiting their turn, in order."""
        return list(self._queue)

    def caption_for(self, number: str, window: int) -> str:
        return self.tr("请 {number} 号到 {window} 号窗口").format(number=number, window=window)

    def retranslate(self) -> None:
        """Re-make the caption in the current language (the board calls this on a language switch)."""
        if self._current is not None:
            self._set_caption(self.caption_for(*self._current))

    # --- queue ----------------------------------------------------------------------------------

    def announce(self, number: str, window: int) -> None:
        """Queue "请 {number} 号到 {window} 号窗口"; played when those before it are done."""
        entry = (str(number).strip().upper(), int(window))
        if entry in self._queue:  # already waiting its turn: once is enough
            return
        self._queue.append(entry)
        if self._current is None and not self._gap.isActive():
            self._next()

    def clear(self) -> None:
        """Drop everything queued and stop the announcement being played."""
        self._queue.clear()
        self._gap.stop()
        for player in (self._player, self._silent):
            player.shutdown()
        self._active = None
        if self._current is not None:
            self._current = None
            self._set_caption("")

    def _next(self) -> None:
        if not self._queue:
            self._set_caption("")
            return
        self._current = self._queue.popleft()
        number, window = self._current
        self._speech = speech_text(number, window)
        self._played = 0
        self._set_caption(self.caption_for(number, window))
        self.started.emit(self._caption)
        self._play()

    def _play(self) -> None:
        tts_failed = isinstance(self._player, _TtsPlayer) and self._player.failed
        self._active = self._silent if (self._muted or tts_failed) else self._player
        self.repeated.emit(self._caption, self._played + 1)
        self._active.play(self._speech)

    def _repetition_done(self, player: _Player) -> None:
        if player is not self._active or self._current is None:
            return
        self._active = None
        self._played += 1
        if self._played >= self.repeats:
            caption, self._current = self._caption, None
            self.finished.emit(caption)
            if not self._queue:
                self._set_caption("")
        self._gap.start()

    def _after_gap(self) -> None:
        if self._current is not None:
            self._play()
        else:
            self._next()

    def _set_caption(self, text: str) -> None:
        if text != self._caption:
            self._caption = text
            self.caption_changed.emit(text)


class Speaker(Translating, QObject):
    """A terminal's voice (语音播报, for the kiosk: 无障碍环境建设法 Art. 33): it says one text at
    a time, in the terminal's language. A new text cuts the one being said — never two voices at
    once — and nothing waits for speech (QTextToSpeech works on its own). The engine is made on
    the first thing said with the voice on, so a kiosk that never speaks never loads it; without
    a usable engine the voice is silent, and ``spoken(text, language)`` still says what it would
    have said (the screen-reader-free check of what each screen reads out).

    ``engine``: a QtTextToSpeech plug-in name (tests: ``"mock"``), None for the first real one,
    ``"none"`` for silence.

    An engine that fails while in use (its Error state, or :meth:`engine_lost`: the study's voice
    fault) is gone: nothing is said — ``spoken`` is not emitted — and ``unavailable()`` is emitted
    instead of each text the voice should have said, so the terminal can say so on screen.
    :meth:`engine_back` makes a new engine at the next text."""

    spoken = Signal(str, str)
    enabled_changed = Signal(bool)
    unavailable = Signal()

    def __init__(self, language, parent: QObject | None = None, *, engine: str | None = None, enabled: bool = False):
        super().__init__(parent)
        self.language = language
        self.engine = engine
        self._enabled = enabled
        self._tts = None
        self._tried = False
        self._locales: dict[str, object] = {}
        self.last = ("", "")
        self.gone = False  # the engine failed: silent until engine_back()

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, on: bool) -> None:
        if on == self._enabled:
            return
        self._enabled = on
        if not on:
            self.stop()
        self.enabled_changed.emit(on)

    @property
    def kind(self) -> str:
        """"tts" once an engine speaks, "silent" without one, "" before anything was said."""
        return "" if not self._tried else ("tts" if self._tts is not None else "silent")

    def say(self, text: str) -> None:
        """Say ``text`` now (cutting whatever is being said), if the voice is on."""
        text = " ".join(text.replace("\n", "，" if not self.language.english else ". ").split())
        if not self._enabled or not text:
            return
        if self.gone:
            self.unavailable.emit()
            return
        lang = self.language.current
        self.last = (text, lang)
        tts = self._engine()
        if tts is not None:
            locale = self._locale(tts, lang)
            if locale is not None and tts.locale() != locale:
                tts.setLocale(locale)
            tts.say(text)  # stops what is being said first: one voice at a time
        self.spoken.emit(text, lang)

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def engine_lost(self) -> None:
        """The voice engine is gone (it failed, or the study's fault took it): silent from now on."""
        if self._tts is not None:
            self._tts.stop()
            self._tts.deleteLater()
        self._tts, self._tried, self._locales = None, True, {}
        self.gone = True

    def engine_back(self) -> None:
        """Try an engine again at the next text said."""
        self.gone, self._tried = False, False

    def _engine(self):
        if not self._tried:
            self._tried = True
            self._tts = None if self.engine == "none" else _make_tts(self.engine, self)
            if self._tts is not None:
                self._tts.stateChanged.connect(self._state)
        return self._tts

    def _state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Error and self._tts is not None:
            log.warning("the voice engine failed: %s", self._tts.errorString() or "error state")
            self.engine_lost()

    def _locale(self, tts, lang: str):
        if lang not in self._locales:
            from PySide6.QtCore import QLocale

            want = QLocale(lang)
            same = [loc for loc in tts.availableLocales() if loc.language() == want.language()]
            exact = [loc for loc in same if loc.territory() == want.territory()]
            self._locales[lang] = (exact or same or [None])[0]
            if self._locales[lang] is None:
                log.info("text-to-speech has no %s voice; speaking with %s", lang, tts.locale().name())
        return self._locales[lang]
