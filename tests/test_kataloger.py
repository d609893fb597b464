"""Contract tests over every catalogue in the repository, and a new one from every shipped profile.

Every catalogue (the root's data/, each folder under examples/ and tests/fixtures/ with a
data/katalog.yaml) passes `check` and `mkdocs build --strict`; every entry has its page; its pages
carry no other catalogue's municipality and no other profile's own words. `python -m generator ny`
gives, for every profile in profiler/, a catalogue that passes both at once.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.data.profil import Profil
from generator.site import sammenligning, urls
from generator.site.visning import Visning
from generator.tjek.indlaes import indlaes_katalog

from . import support
from .support import ROD

KATALOGER = [ROD] + sorted(
    p.parent.parent for mappe in ("examples", "tests/fixtures") for p in (ROD / mappe).glob("*/data/katalog.yaml")
)
PROFILER = sorted(p.parent.name for p in (ROD / "profiler").glob("*/profil.yaml"))


def _navn(mappe: Path) -> str:
    return "rod" if mappe == ROD else mappe.name


def _profil(navn: str) -> Profil:
    return Profil.model_validate(yaml.safe_load((ROD / "profiler" / navn / "profil.yaml").read_text(encoding="utf-8")))


def test_the_repository_has_catalogues_of_several_shapes():
    """The contract below means something only if it runs over more than one catalogue and profile."""
    assert len(KATALOGER) >= 2 and len(PROFILER) >= 2, (KATALOGER, PROFILER)


@pytest.mark.parametrize("mappe", KATALOGER, ids=_navn)
def test_check_passes(mappe):
    katalog = indlaes_katalog(mappe / "data")
    assert katalog.indsatser or katalog.standarder


def _kopi(mappe: Path, maal: Path) -> Path:
    """The catalogue folder copied with its mkdocs.yml's relative paths (hook, theme, watch) made
    absolute, so it builds elsewhere; the generated pages are not copied."""
    if mappe == ROD:
        shutil.copytree(mappe / "data", maal / "data")
        return support.kopier_projekt(maal, maal / "data")
    # Everything the catalogue's folder holds (its own profile too), but the build's output.
    shutil.copytree(mappe, maal, ignore=lambda d, navne: [
        n for n in navne if n in ("site", "tests", "__pycache__") or (Path(d).name == "content" and (
            n in ("katalog", "index.md") or n.startswith(".")))])
    cfg = (mappe / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = re.sub(r"(?m)^(\s*(?:-|custom_dir:)\s+)(\.\./[^\s#]+)", lambda m: m.group(1) + str((mappe / m.group(2)).resolve()), cfg)
    (maal / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    return maal


def _byg(projekt: Path, data: Path, ud: Path) -> subprocess.CompletedProcess:
    support.pdf_som_aktuel(projekt / "content", data)  # the PDF has its own tests; here it would cost minutes
    return support.byg_site(projekt, ud)


def _fremmede_ord(egen: Path) -> dict[str, str]:
    """Words that belong to another catalogue (its municipality's name) or another profile (its
    group titles and its own texts), and must not be on this catalogue's pages."""
    k = indlaes_katalog(egen / "data")
    ud: dict[str, str] = {}
    for anden in KATALOGER:
        if anden == egen:
            continue
        navn = indlaes_katalog(anden / "data").info.kommune.navn
        if navn != k.info.kommune.navn and "endnu" not in navn:
            ud[navn] = f"kommunen i {_navn(anden)}"
    for navn in PROFILER:
        if navn == k.info.profil:
            continue
        p = _profil(navn)
        egne = {g.titel for g in k.profil.indsats.grupper} | set(k.profil.tekster.values())
        for g in p.indsats.grupper:
            if g.titel not in egne:
                ud[g.titel] = f"en gruppe i profilen {navn}"
        for noegle, tekst in p.tekster.items():
            start = " ".join(tekst.split())[:50]
            if len(start) >= 30 and not any(start in " ".join(t.split()) for t in egne):
                ud[start] = f"teksten {noegle} i profilen {navn}"
    return ud


@pytest.mark.slow
@pytest.mark.parametrize("mappe", KATALOGER, ids=_navn)
def test_builds_strict_with_a_page_per_entry_and_no_one_elses_words(mappe, tmp_path):
    projekt = _kopi(mappe, tmp_path / "projekt")
    r = _byg(projekt, projekt / "data", tmp_path / "site")
    assert r.returncode == 0, r.stderr[-3000:]
    assert "WARNING" not in r.stderr, r.stderr[-3000:]
    katalog = indlaes_katalog(projekt / "data")
    visning = Visning(katalog)
    for sti in [*visning.standard_sti.values(), *visning.indsats_sti.values()]:
        assert (tmp_path / "site" / urls.html_fil(sti)).is_file(), sti
    fremmede = _fremmede_ord(mappe)
    # The comparison a catalogue names (sammenlign_med) is the one page that shows other catalogues, by design.
    sammenligning_ = tmp_path / "site" / urls.html_fil(sammenligning.STI)
    for html in (tmp_path / "site").rglob("*.html"):
        if html == sammenligning_:
            continue
        tekst = " ".join(support.laes(html).tekst.split())
        fundet = [f"{ord_!r} ({hvis})" for ord_, hvis in fremmede.items() if ord_ in tekst]
        assert not fundet, f"{html.relative_to(tmp_path)}: {fundet}"


@pytest.mark.parametrize("profil", PROFILER)
def test_a_new_catalogue_from_every_profile_passes_check(profil, tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "generator", "ny", str(tmp_path / "nyt"), "--profil", profil],
        cwd=ROD, capture_output=True, text=True,
    )
    assert r.returncode == 0, r.stderr
    katalog = indlaes_katalog(tmp_path / "nyt" / "data")
    assert katalog.profil.navn == _profil(profil).navn
    # Every section says it is not written yet: nothing is filled in for the municipality.
    tekst = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "nyt" / "data").glob("*.yaml") if p.name != "love.yaml")
    assert "Ikke skrevet endnu" in tekst
    assert re.search(r"(?m)^  telefon: null$", tekst) and "hjemmeside: null" in tekst


@pytest.mark.slow
@pytest.mark.parametrize("profil", PROFILER)
def test_a_new_catalogue_from_every_profile_builds_strict(profil, tmp_path):
    mappe = tmp_path / "nyt"
    r = subprocess.run([sys.executable, "-m", "generator", "ny", str(mappe), "--profil", profil], cwd=ROD,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    b = _byg(mappe, mappe / "data", tmp_path / "site")
    assert b.returncode == 0 and "WARNING" not in b.stderr, b.stderr[-3000:]


def test_ny_never_overwrites_a_catalogue(tmp_path):
    (tmp_path / "fyldt" / "data").mkdir(parents=True)
    r = subprocess.run([sys.executable, "-m", "generator", "ny", str(tmp_path / "fyldt"), "--profil", PROFILER[0]],
                       cwd=ROD, capture_output=True, text=True)
    assert r.returncode == 1 and "har allerede data" in r.stderr and "Traceback" not in r.stderr


def test_ny_takes_a_catalogue_folder_that_holds_only_its_own_profile(tmp_path):
    """A municipality's own shape: the profile sits in the catalogue's folder, named by a path from it."""
    mappe = tmp_path / "egen"
    shutil.copytree(ROD / "profiler" / PROFILER[0], mappe / "profil")
    r = subprocess.run([sys.executable, "-m", "generator", "ny", str(mappe), "--profil",
                        str(mappe / "profil" / "profil.yaml")], cwd=ROD, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "profil: \"profil/profil.yaml\"" in (mappe / "data" / "katalog.yaml").read_text(encoding="utf-8")
    assert indlaes_katalog(mappe / "data").profil.navn == _profil(PROFILER[0]).navn


def test_ny_names_the_profiles_there_are(tmp_path):
    r = subprocess.run([sys.executable, "-m", "generator", "ny", str(tmp_path / "x"), "--profil", "findes-ikke"],
                       cwd=ROD, capture_output=True, text=True)
    assert r.returncode == 1 and all(p in r.stderr for p in PROFILER), r.stderr


@pytest.mark.parametrize("mappe", KATALOGER, ids=_navn)
def test_an_excerpt_calls_what_it_does_not_hold_unknown_not_missing(mappe):
    """Sections an excerpt stops before are unknown: the coverage report never calls them missing."""
    from generator.data import schema
    from generator.tjek.fuldstaendighed import daekning

    katalog = indlaes_katalog(mappe / "data")
    uddrag = {i.id for i in katalog.indsatser if i.uddrag}
    for d in daekning(katalog):
        if d.post in uddrag:
            post = katalog.indsats(d.post)
            # Only what the data itself says the source does not give ({mangler: …}) is missing.
            assert all(schema.mangler(getattr(post, f)) for f in d.mangler), (d.post, d.mangler)
        else:
            assert d.ukendt == (), d.post


def test_a_catalogue_approved_page_by_page_says_so_with_each_approval():
    """Køge approves each page for itself: the edition's approval names each date once, never 'dato ikke angivet'."""
    koege = indlaes_katalog(ROD / "examples" / "koege-2023-2024" / "data").godkendelse()
    assert koege.startswith("Hver side er godkendt for sig:") and "dato ikke angivet" not in koege
    assert "8. marts 2023" in koege and "12. marts 2024" in koege
    assert indlaes_katalog(ROD / "examples" / "nyborg-2019" / "data").godkendelse() == (
        "Politisk godkendt i Ældreudvalget den 3. december 2019")


def test_the_footer_names_the_municipality_once_where_the_source_names_no_contact():
    """Køge's excerpt names no unit or phone: the footer says the municipality once, not twice."""
    from generator.site.mkdocs_hook import kontaktlinje

    koege = indlaes_katalog(ROD / "examples" / "koege-2023-2024" / "data")
    assert kontaktlinje(koege).startswith("Køge Kommune · ") and "Køge Kommune, Køge Kommune" not in kontaktlinje(koege)
    varde = indlaes_katalog(ROD / "data")
    assert kontaktlinje(varde).startswith(
        'Varde Kommune, Social og Handicap, Team Visitation, tlf. <a class="telefon" href="tel:+4579946834">79 94 68 34</a>'
    )
