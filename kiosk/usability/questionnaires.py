"""The questionnaires a participant answers on the kiosk: their wording in Chinese and English,
their scales and anchors. No Qt: the kiosk's questionnaire (kiosk/ui/study/questionnaire.py)
shows them and the report names their items.

- SEQ (Single Ease Question, Sauro & Dumas 2009): one 7-point item after each task,
  1 = very difficult, 7 = very easy.
- SUS (System Usability Scale, Brooke 1996): ten 5-point items, 1 = strongly disagree,
  5 = strongly agree; odd items are worded positively, even items negatively. The English is
  Brooke's wording as published. The Chinese says 这台自助机 ("this kiosk") where the English
  says "the system": naming the product is the usual adaptation of the scale (Bangor et al.
  2008; Lewis & Sauro), and 系统 means little to a citizen at a hall's kiosk.
- UMUX-Lite (Lewis, Utesch & Maher 2013): two 7-point items, the positive items of UMUX.

An answer is recorded as ``Kind.ANSWER`` with ``instrument`` = :attr:`Instrument.code`, ``item``
(1-based) and ``value`` (1 … :attr:`Instrument.points`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Instrument:
    code: str  # "SEQ", "SUS", "UMUX_LITE": the record's instrument
    name: str
    name_en: str
    intro: str  # said above every item
    intro_en: str
    points: int  # 5 or 7
    low: str  # the anchor of 1
    low_en: str
    high: str  # the anchor of the highest point
    high_en: str
    items: tuple[tuple[str, str], ...]  # (中文, English), in order

    def item(self, number: int, english: bool) -> str:
        """Item ``number`` (1-based) in the participant's language."""
        zh, en = self.items[number - 1]
        return en if english else zh

    def anchor(self, value: int, english: bool) -> str:
        """The words beside ``value`` on the scale: the two ends have them, the middle points do not."""
        if value == 1:
            return self.low_en if english else self.low
        if value == self.points:
            return self.high_en if english else self.high
        return ""

    def title(self, english: bool) -> str:
        return self.name_en if english else self.name

    def lead(self, english: bool) -> str:
        return self.intro_en if english else self.intro


SEQ = Instrument(
    "SEQ", "刚才这项任务", "The task you just did",
    "请选一个数字，1 表示非常难，7 表示非常容易。",
    "Choose a number: 1 is very difficult, 7 is very easy.",
    7, "非常难", "Very difficult", "非常容易", "Very easy",
    (("总的来说，完成这项任务有多难或多容易？", "Overall, how difficult or easy was the task to complete?"),),
)

SUS = Instrument(
    "SUS", "使用感受", "Your experience",
    "请选一个数字，1 表示非常不同意，5 表示非常同意。",
    "Choose a number: 1 is strongly disagree, 5 is strongly agree.",
    5, "非常不同意", "Strongly disagree", "非常同意", "Strongly agree",
    (
        ("我愿意经常使用这台自助机。", "I think that I would like to use this system frequently."),
        ("我觉得这台自助机复杂得没有必要。", "I found the system unnecessarily complex."),
        ("我觉得这台自助机用起来很容易。", "I thought the system was easy to use."),
        ("我觉得要有懂技术的人帮忙，我才能用这台自助机。",
         "I think that I would need the support of a technical person to be able to use this system."),
        ("我觉得这台自助机的各项功能配合得很好。", "I found the various functions in this system were well integrated."),
        ("我觉得这台自助机前后不一致的地方太多。", "I thought there was too much inconsistency in this system."),
        ("我想大多数人都能很快学会用这台自助机。",
         "I would imagine that most people would learn to use this system very quickly."),
        ("我觉得这台自助机用起来很别扭、很费劲。", "I found the system very cumbersome to use."),
        ("我用这台自助机时很有把握。", "I felt very confident using the system."),
        ("我要先学很多东西，才能用好这台自助机。",
         "I needed to learn a lot of things before I could get going with this system."),
    ),
)

UMUX_LITE = Instrument(
    "UMUX_LITE", "总体评价", "Overall",
    "请选一个数字，1 表示非常不同意，7 表示非常同意。",
    "Choose a number: 1 is strongly disagree, 7 is strongly agree.",
    7, "非常不同意", "Strongly disagree", "非常同意", "Strongly agree",
    (
        ("这台自助机的功能能满足我的需要。", "This system's capabilities meet my requirements."),
        ("这台自助机用起来很容易。", "This system is easy to use."),
    ),
)

INSTRUMENTS = {i.code: i for i in (SEQ, SUS, UMUX_LITE)}


@dataclass(frozen=True)
class Question:
    """One page of a questionnaire: an instrument's item (and the task a SEQ is about)."""

    instrument: Instrument
    item: int  # 1-based
    task: str = ""  # SEQ: the task's id


def seq_after(task_id: str) -> tuple[Question, ...]:
    return (Question(SEQ, 1, task_id),)


def after_block(sus: bool, umux_lite: bool) -> tuple[Question, ...]:
    """The questionnaires after a condition block (within-subject) or the session (between):
    SUS's ten items, then UMUX-Lite's two, as the study asks for them."""
    pages = [Question(SUS, n) for n in range(1, len(SUS.items) + 1)] if sus else []
    if umux_lite:
        pages += [Question(UMUX_LITE, n) for n in range(1, len(UMUX_LITE.items) + 1)]
    return tuple(pages)
