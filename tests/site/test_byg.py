"""The build step itself: pure generation, writing only what changed, cleaning up what is stale."""
from __future__ import annotations

import pytest

from generator.site import pdf, urls
from generator.site.byg import byg

from ..support import PDF_STEDFORTRAEDER, erstat


@pytest.fixture
def uden_weasyprint(monkeypatch):
    """byg's bookkeeping is under test here, not WeasyPrint: the real PDF is rendered once per
    session (fixture `bygget`) and read back in test_pdf.py."""
    renderinger = []

    def render(dokument, maal, fingeraftryk):
        assert dokument.startswith("<!doctype html>")
        maal.parent.mkdir(parents=True, exist_ok=True)
        maal.write_bytes(PDF_STEDFORTRAEDER)
        pdf.kvittering(maal).write_text(fingeraftryk + "\n")
        renderinger.append(maal)

    monkeypatch.setattr(pdf, "render", render)
    return renderinger


def test_second_build_writes_nothing_and_an_edit_rewrites_only_its_pages(tmp_path, data_kopi, uden_weasyprint):
    content = tmp_path / "content"
    første = byg(data_kopi, content)
    assert første.skrevet > 40 and første.slettet == 0
    anden = byg(data_kopi, content)
    # A rebuild that changes nothing touches nothing: MkDocs, the PDF and an editor's diff see real changes only.
    assert anden.skrevet == 0 and anden.uaendret == første.skrevet - 1  # the PDF is counted apart
    erstat(data_kopi / "indsatser.yaml", "titel: Tøjvask", "titel: Tøjvask og strygning")
    tredje = byg(data_kopi, content)
    assert 0 < tredje.skrevet < første.skrevet
    assert not (content / "katalog/indsatser/k-2-2-toejvask.md").exists()  # renamed page: old file removed
    assert tredje.slettet == 1
    assert (content / "katalog/indsatser/k-2-2-toejvask-og-strygning.md").exists()
    assert (content / urls.PDF).exists()
    assert len(uden_weasyprint) == 2  # rendered for the first build and after the edit, not in between


def test_generated_files_never_touch_hand_written_pages(tmp_path, data_kopi, uden_weasyprint):
    content = tmp_path / "content"
    (content / "egen-side.md").parent.mkdir(parents=True)
    (content / "egen-side.md").write_text("# Min side\n", encoding="utf-8")
    byg(data_kopi, content)
    assert (content / "egen-side.md").read_text(encoding="utf-8") == "# Min side\n"
