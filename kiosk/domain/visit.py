"""One citizen's visit to the kiosk: everything entered, cleared on 首页 and on idle timeout."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.domain.desk import Request, Slip


@dataclass
class Visit:
    request: Request | None = None
    ticked: set[str] = field(default_factory=set)  # material names the citizen says they have
    resident_id: str = ""
    persona_id: str = ""
    persona_tags: tuple[str, ...] = ()
    phone: str = ""
    use_green: bool = True
    slip: Slip | None = None
    missing: set[str] = field(default_factory=set)  # 容缺: materials to be handed in later
    applicant: str = ""  # 容缺: who commits, a commitments.Applicant ("person" / "legal")
    credit_code: str = ""  # 容缺 by a legal person: the unified social credit code typed

    def choose(self, request: Request) -> None:
        """Start on a new request: the checklist starts empty; identity is kept for this visit."""
        if request != self.request:
            self.ticked = set()
            self.missing = set()
        self.request = request
        self.slip = None

    def clear(self) -> None:
        """Forget every personal detail (idle timeout, 首页, after the slip)."""
        self.request = None
        self.ticked = set()
        self.resident_id = ""
        self.persona_id = ""
        self.persona_tags = ()
        self.phone = ""
        self.use_green = True
        self.slip = None
        self.missing = set()
        self.applicant = ""
        self.credit_code = ""

    @property
    def has_personal_data(self) -> bool:
        return bool(self.resident_id or self.phone or self.persona_id or self.ticked or self.slip or self.missing
                    or self.credit_code)
