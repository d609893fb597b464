"""A frequency as a value: how often a service is delivered, as the source states it.

Two forms, as sources word them: a count per period (``{gange: 25, pr: år}`` — "25 gange om
året", "2 gange om ugen") or an interval (``{hver: 14, enhed: dage}`` — "hver 14. dag"; "hver
anden uge" is ``{hver: 2, enhed: uger}``, the same interval). ``højst: true`` marks a maximum
("op til seks gange i døgnet"). The sentence stays the source's words (`Loefte.tekst`); this
value is what makes two catalogues' wordings comparable, and it is never read from the words.

Both forms convert exactly (fractions, no rounding until printed) to times per year and mean
days between deliveries. A year is 365 days, a month a twelfth of a year: the convention is
printed wherever a computed number is (`KONVENTION`).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Periode = Literal["døgn", "uge", "måned", "år"]
Interval = Literal["dage", "uger", "måneder", "år"]

DAGE_I: dict[str, Fraction] = {
    "døgn": Fraction(1),
    "dage": Fraction(1),
    "uge": Fraction(7),
    "uger": Fraction(7),
    "måned": Fraction(365, 12),
    "måneder": Fraction(365, 12),
    "år": Fraction(365),
}
AAR = DAGE_I["år"]

KONVENTION = "Beregnet med et år på 365 dage og en måned på en tolvtedel af et år."

_ENTAL = {"dage": "dag", "uger": "uge", "måneder": "måned", "år": "år"}
_PERIODE_ORD = {"døgn": "døgnet", "uge": "ugen", "måned": "måneden", "år": "året"}


class Hyppighed(BaseModel):
    """How often, as a value: ``{gange: N, pr: år}`` or ``{hver: N, enhed: dage}``, optionally ``højst``."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    gange: Annotated[int, Field(ge=1)] | None = None
    pr: Periode | None = None
    hver: Annotated[int, Field(ge=1)] | None = None
    enhed: Interval | None = None
    højst: bool = False
    """The source gives a maximum ("op til …"), not the level every citizen gets."""

    @model_validator(mode="after")
    def _en_form(self) -> Hyppighed:
        antal = self.gange is not None and self.pr is not None
        interval = self.hver is not None and self.enhed is not None
        delvis = {"gange": self.gange, "pr": self.pr, "hver": self.hver, "enhed": self.enhed}
        if antal == interval or sum(v is not None for v in delvis.values()) != 2:
            raise ValueError(
                "en hyppighed er enten 'gange' + 'pr' (fx {gange: 25, pr: år}) eller 'hver' + 'enhed' "
                "(fx {hver: 14, enhed: dage}), ikke begge eller kun en del"
            )
        return self

    @property
    def gange_pr_aar(self) -> Fraction:
        """Deliveries per year, exactly."""
        if self.gange is not None and self.pr is not None:
            return self.gange * AAR / DAGE_I[self.pr]
        assert self.hver is not None and self.enhed is not None
        return AAR / (self.hver * DAGE_I[self.enhed])

    @property
    def dage_mellem(self) -> Fraction:
        """Mean days between two deliveries, exactly."""
        return AAR / self.gange_pr_aar

    def __str__(self) -> str:
        """The value in plain words (not the source's sentence): "25 gange om året", "hver 14. dag"."""
        foran = "op til " if self.højst else ""
        if self.gange is not None and self.pr is not None:
            return f"{foran}{self.gange} {'gang' if self.gange == 1 else 'gange'} om {_PERIODE_ORD[self.pr]}"
        assert self.enhed is not None
        ental = _ENTAL[self.enhed]
        return f"{foran}hver {ental}" if self.hver == 1 else f"{foran}hver {self.hver}. {ental}"


def tal(x: Fraction, decimaler: int = 1) -> str:
    """A computed number the Danish way: whole numbers as such, else rounded ("14,6")."""
    if x.denominator == 1:
        return str(x.numerator)
    afrundet = round(float(x), decimaler)
    tekst = f"{afrundet:.{decimaler}f}".replace(".", ",")
    return tekst.rstrip("0").rstrip(",") if "," in tekst else tekst


def beregnet(h: Hyppighed) -> str:
    """The computed interval in words: "ca. 26,1 gange om året, i gennemsnit 14 dage imellem".

    A maximum ("op til seks gange i døgnet") gives only its ceiling per year: the days between
    deliveries of a maximum are no level anyone is promised."""
    pr_aar, dage = h.gange_pr_aar, h.dage_mellem
    ca = "" if pr_aar.denominator == 1 else "ca. "
    if h.højst:
        return f"højst {ca}{tal(pr_aar)} gange om året"
    mellem = (
        "hver dag" if dage == 1 else f"i gennemsnit {'' if dage.denominator == 1 else 'ca. '}{tal(dage)} dage imellem"
    )
    return f"{ca}{tal(pr_aar)} gange om året, {mellem}"
