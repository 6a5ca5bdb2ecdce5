"""Follow-up rules in the Settings dialog: days after resolving, per case kind, before the
follow-up (回访) is due; "no follow-up" below 0. Saved on OK, each change audited."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QWidget

from ...domain.enums import CaseKind
from ...domain.followups import MAX_DAYS
from ...services.register import Register

NONE = -1  # the spin box's special value: no follow-up for this kind


class FollowupSettingsPage(QWidget):
    def __init__(self, register: Register, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followup_settings")
        self.register = register
        self.spins: dict[CaseKind, QSpinBox] = {}
        form = QFormLayout(self)
        intro = QLabel(self.tr("When a case is resolved, a follow-up with the buyer is due "
                               "this many days later (View → Follow-ups)."), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        for kind, rule in register.followups.rules().items():
            spin = QSpinBox(self)
            spin.setObjectName(f"followup_days_{kind.value}")
            spin.setRange(NONE, MAX_DAYS)
            spin.setSpecialValueText(self.tr("No follow-up"))
            spin.setSuffix(self.tr(" days"))
            spin.setValue(NONE if rule.days is None else rule.days)
            self.spins[kind] = spin
            # "Return & refund": a single & would be taken as a shortcut marker.
            form.addRow(kind.label(lang).replace("&", "&&"), spin)

    def save(self) -> None:
        """Store the rules that changed (called when the Settings dialog is accepted)."""
        rules = self.register.followups.rules()
        actor = self.register.staff.current_operator() or "-"
        for kind, spin in self.spins.items():
            days = None if spin.value() == NONE else spin.value()
            if rules[kind].days != days:
                self.register.followups.set_rule(kind, days, actor)
