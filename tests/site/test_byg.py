"""The build step itself: pure generation, writing only what changed, cleaning up what is stale."""
from __future__ import annotations

from generator.site import urls
from generator.site.byg import byg

from ..support import erstat


def test_second_build_writes_nothing_and_an_edit_rewrites_only_its_pages(tmp_path, data_kopi):
    content = tmp_path / "content"
    første = byg(data_kopi, content)
    assert første.skrevet > 40 and første.slettet == 0
    anden = byg(data_kopi, content)
    # `mkdocs serve` watches content/: a rebuild that changes nothing must touch nothing, or it loops.
    assert anden.skrevet == 0 and anden.uaendret == første.skrevet - 1  # the PDF is counted apart
    erstat(data_kopi / "indsatser.yaml", "titel: Tøjvask", "titel: Tøjvask og strygning")
    tredje = byg(data_kopi, content)
    assert 0 < tredje.skrevet < første.skrevet
    assert not (content / "katalog/indsatser/k-2-2-toejvask.md").exists()  # renamed page: old file removed
    assert tredje.slettet == 1
    assert (content / "katalog/indsatser/k-2-2-toejvask-og-strygning.md").exists()
    assert (content / urls.PDF).exists()


def test_generated_files_never_touch_hand_written_pages(tmp_path, data_kopi):
    content = tmp_path / "content"
    (content / "egen-side.md").parent.mkdir(parents=True)
    (content / "egen-side.md").write_text("# Min side\n", encoding="utf-8")
    byg(data_kopi, content)
    assert (content / "egen-side.md").read_text(encoding="utf-8") == "# Min side\n"
