"""The hook keeps the generator's result for unchanged input (generator/site/mellemlager.py):
kept only while nothing it reads has changed, an unchanged catalogue's data warnings still
stop `mkdocs build --strict`, and a page is read again by the verifier unless it is byte for
byte one the last build verified."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

from generator.site import mellemlager, mkdocs_hook, rens
from generator.site.mellemlager import Bygning

from ..support import byg_site, erstat, kopier_projekt, pdf_som_aktuel


def test_a_kept_result_is_used_only_for_the_same_input(tmp_path, data_kopi):
    docs = tmp_path / "content"
    docs.mkdir()
    (docs / "side.md").write_text("# Side\n", encoding="utf-8")
    noegle, bygning = mellemlager.hent(data_kopi, docs)
    assert bygning is None
    mellemlager.gem(docs, noegle, Bygning(nav=["side.md"], copyright="©", advarsler=["en advarsel"],
                                          filer=mellemlager.stat(docs, ["side.md"])))
    igen, bygning = mellemlager.hent(data_kopi, docs)
    assert igen == noegle and bygning.fra_mellemlager
    assert (bygning.nav, bygning.copyright, bygning.advarsler) == (["side.md"], "©", ["en advarsel"])

    tekst = (data_kopi / "katalog.yaml").read_text(encoding="utf-8")
    (data_kopi / "katalog.yaml").write_text(tekst + "# en kommentar er også en ændring\n", encoding="utf-8")
    assert mellemlager.hent(data_kopi, docs)[1] is None          # the data changed
    (data_kopi / "katalog.yaml").write_text(tekst, encoding="utf-8")
    assert mellemlager.hent(data_kopi, docs)[1] is not None      # ... and back
    (data_kopi / "tidligere").mkdir()
    (data_kopi / "tidligere" / "x.json").write_text("{}", encoding="utf-8")
    assert mellemlager.hent(data_kopi, docs)[1] is None          # any file in the data folder counts
    (data_kopi / "tidligere" / "x.json").unlink()
    (data_kopi / "tidligere").rmdir()
    (docs / "side.md").write_text("# Rettet i hånden\n", encoding="utf-8")
    assert mellemlager.hent(data_kopi, docs)[1] is None          # a generated file was changed
    (docs / "side.md").unlink()
    assert mellemlager.hent(data_kopi, docs)[1] is None          # ... or deleted


@pytest.mark.slow
def test_an_unchanged_catalogues_warnings_still_stop_a_strict_build(tmp_path, data_kopi):
    erstat(data_kopi / "katalog.yaml", 'dato: "2014-05"', 'dato: "2026-01"')  # § 83 no longer applies
    erstat(data_kopi / "katalog.yaml", 'id: "2014"', 'id: "2026"')
    projekt = kopier_projekt(tmp_path / "projekt", data_kopi)
    pdf_som_aktuel(projekt / "content", data_kopi)  # the warnings are under test, not the PDF
    første = byg_site(projekt, tmp_path / "site1")
    anden = byg_site(projekt, tmp_path / "site2")
    advarsler = [[l for l in r.stderr.splitlines() if "advarsel:" in l] for r in (første, anden)]
    assert første.returncode != 0 and anden.returncode != 0, anden.stderr
    assert advarsler[0] and advarsler[0] == advarsler[1]
    assert "uændrede siden sidste bygning" in anden.stderr and "uændrede siden sidste bygning" not in første.stderr


def test_a_page_verified_clean_before_is_read_again_only_when_it_changes(tmp_path, monkeypatch):
    """The hook skips reading a page that is byte for byte one the last build verified; a changed one is read."""
    ren = '<html><body><a href="https://x.dk">x</a></body></html>'
    farlig = '<html><body><a href="javascript:alert(1)">x</a></body></html>'
    mellemlager.gem_verificerede(tmp_path, {mellemlager.aftryk(ren)})
    t = mkdocs_hook.Tilstand(verificerede=mellemlager.verificerede(tmp_path))
    laest = []
    monkeypatch.setattr(mkdocs_hook, "farlige_steder", lambda html: laest.append(html) or rens.farlige_steder(html))
    mkdocs_hook._verificer(t, ren, "Siden a.md")
    assert laest == []                                   # the same bytes: not read again
    with pytest.raises(Abort, match="en farlig URL"):
        mkdocs_hook._verificer(t, farlig, "Siden a.md")  # different bytes: read, and stopped
    assert laest == [farlig]
    assert t.sete == {mellemlager.aftryk(ren), mellemlager.aftryk(farlig)}
    # Another site's state is its own: built in the same process, it sees nothing of this one's.
    class _Cfg:
        config_file_path = str(tmp_path / "a" / "mkdocs.yml")

    class _Anden:
        config_file_path = str(tmp_path / "b" / "mkdocs.yml")

    mkdocs_hook.tilstand(_Cfg).sete.add("x")
    assert mkdocs_hook.tilstand(_Anden).sete == set() and mkdocs_hook.tilstand(_Cfg).sete == {"x"}
    (tmp_path / mellemlager.VERIFICERET).write_text('{"kode": "en anden kode", "sider": []}', encoding="utf-8")
    assert mellemlager.verificerede(tmp_path) == set()  # other code: nothing is taken as verified
