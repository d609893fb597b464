"""A way to act on every page: phone numbers and e-mail addresses as tel:/mailto: links, and
"Sådan søger du" on every entry page from the data (site/kontaktlinks.py, site/ansoegning.py),
over every catalogue in the repository."""

from __future__ import annotations

import re

import pytest

from generator.site import kontaktlinks, rens
from generator.site.byg import generer
from generator.site.visning import Visning
from generator.tjek.indlaes import indlaes_katalog

from ..test_kataloger import KATALOGER, _navn

TELEFONLINK = re.compile(r"\[([^\]]+)\]\(tel:(\+\d+)\)")


@pytest.mark.parametrize(
    ("tekst", "forventet"),
    [
        ("Ring på tlf. 79 94 68 34, hverdage.", "Ring på tlf. [79 94 68 34](tel:+4579946834), hverdage."),
        ("ring +45 79 94 68 34", "ring [+45 79 94 68 34](tel:+4579946834)"),
        ("tlf. 79946834", "tlf. [79946834](tel:+4579946834)"),
        ("7994 6834", "[7994 6834](tel:+4579946834)"),
        ("skriv til visitation@kommune.dk.", "skriv til [visitation@kommune.dk](mailto:visitation@kommune.dk)."),
        # Already a link, an address, a code span: left as written.
        ("[ring](tel:+4575947594) eller [79 94 68 34](tel:+4579946834)", None),
        ("[skriv](mailto:a@b.dk)", None),
        ("`79 94 68 34`", None),
        ("https://x.dk/a@b.dk", None),
        # Not phone numbers: a code, a price, eight digits with no cue, a number in a longer run.
        ("kode 17312894-b23f-43d9", None),
        ("12345678 kr.", None),
        ("1 234,50 kr.", None),
        ("1.234 56 78 90 12", None),
    ],
)
def test_numbers_and_addresses_become_links_once(tekst, forventet):
    assert kontaktlinks.markdown(tekst) == (tekst if forventet is None else forventet)


def test_the_footer_links_the_number_and_keeps_other_links():
    ud = kontaktlinks.html('Kommune, tlf. 79 94 68 34 · <a href="https://k.dk/12 34 56 78">k.dk</a>')
    assert ud == (
        'Kommune, tlf. <a class="telefon" href="tel:+4579946834">79 94 68 34</a> · '
        '<a href="https://k.dk/12 34 56 78">k.dk</a>'
    )
    # Text from the data stays text: markup in it is escaped, not linked into.
    assert kontaktlinks.html_tekst("<b>tlf. 79 94 68 34</b>").startswith("&lt;b&gt;tlf. <a ")


def test_the_sanitizer_keeps_the_links():
    html = '<a href="tel:+4579946834">79 94 68 34</a> <a href="mailto:a@b.dk">a@b.dk</a>'
    assert rens.rens(html) == html


@pytest.fixture(scope="module", params=KATALOGER, ids=_navn)
def genereret(request):
    katalog = indlaes_katalog(request.param / "data")
    _, filer = generer(katalog)
    return katalog, Visning(katalog), filer


def test_every_phone_number_on_every_generated_page_is_a_tel_link(genereret):
    """Every number the data gives (the contact, a placeholder filled in prose) is a link on every page."""
    katalog, _, filer = genereret
    for sti, tekst in filer.items():
        if not sti.endswith(".md"):
            continue
        uden_links = TELEFONLINK.sub("", tekst)
        uden_links = re.sub(r"\]\([^)]*\)", "](…)", uden_links)  # addresses (ELI paths have digits)
        rest = kontaktlinks.TELEFON.findall(uden_links)
        assert not rest, f"{sti}: {rest[:3]}"
        for synlig, adresse in TELEFONLINK.findall(tekst):
            assert adresse == kontaktlinks.e164(synlig), (sti, synlig, adresse)
    if katalog.info.kontakt.telefon:
        nummer = katalog.info.kontakt.telefon
        assert any(f"[{nummer}](tel:" in t for t in filer.values())


def test_every_entry_page_has_its_how_to_apply_line_from_the_data(genereret):
    katalog, visning, filer = genereret
    overskrift = katalog.profil.tekst("ansoegning_overskrift")
    assert overskrift, "profilens tekster mangler ansoegning_overskrift"
    sider = [*visning.standard_sti.values(), *visning.indsats_sti.values()]
    assert sider
    for sti in sider:
        linjer = [linje for linje in filer[sti].splitlines() if f"**{overskrift}:**" in linje]
        assert len(linjer) == 1, (sti, linjer)
        linje = linjer[0]
        assert f"{katalog.profil.tekst('ansoegning_kontakt')} " in linje, linje
        post = visning.post_paa_sti[sti]
        a = visning.ansoegning(post)
        if a.tekst:
            # The data's own words (its first paragraph), never a text of the generator's.
            foerste_ord = " ".join(a.tekst.split()[:4])
            assert foerste_ord.split("{")[0] in linje, (sti, foerste_ord, linje)


def test_how_to_apply_reads_the_entry_then_its_standard_and_invents_nothing():
    """Varde: an intervention without a visitation text of its own gets its standard's, with a link
    to the whole section; a standard with no visitation text (the source stops) gets the contact alone."""
    katalog = indlaes_katalog(KATALOGER[0] / "data")
    v = Visning(katalog)
    standard_2 = next(s for s in katalog.standarder if s.nr == 2)
    rengoering = next(i for i in katalog.indsatser if 2 in i.standarder)
    a = v.ansoegning(rengoering)
    assert a.tekst == standard_2.visitation.strip().split("\n\n")[0]
    assert a.mere is not None and a.mere[0] == v.standard_sti[2] and a.mere[1] == "visitation"
    from generator.data.schema import mangler

    uden = [s for s in katalog.standarder if not s.visitation or mangler(s.visitation)]
    assert uden, "Varde's data has standards the source does not describe"
    for s in uden:
        assert v.ansoegning(s).tekst is None


def test_a_profile_names_only_its_own_sections_for_how_to_apply():
    from generator.data.profil import Profil

    from ..test_kataloger import _profil

    data = _profil("spoergsmaal").model_dump(by_alias=True, exclude_none=True)
    data["ansøgning"] = ["ansøgningsfrist"]
    with pytest.raises(ValueError, match="ansøgning: 'ansøgningsfrist' er ikke et afsnit"):
        Profil.model_validate(data)


# ------------------------------------------------------------------ law citations


def test_citations_stand_in_legal_order_on_every_page(genereret):
    """Within one law the paragraphs ascend (§ 86 before § 88), whatever order the data lists them in."""
    katalog, visning, filer = genereret
    liste = re.compile(r"^- \[(?P<lov>.+?) § (?P<p>\d+)(?: (?P<b>[a-z]))?(?:, stk\. \d+)?\]\(", re.M)
    for sti in [*visning.standard_sti.values(), *visning.indsats_sti.values()]:
        for blok in re.split(r"\n\n(?!- )", filer[sti]):
            noegler = [(m["lov"], int(m["p"]), m["b"] or "") for m in liste.finditer(blok)]
            for lov in {n[0] for n in noegler}:
                egne = [n[1:] for n in noegler if n[0] == lov]
                assert egne == sorted(egne), (sti, lov, egne)


def test_a_link_goes_to_its_paragraph_only_where_the_registry_knows_its_anchor(data_kopi):
    """No anchor is invented: without `anker` every link goes to the whole law and says so; with one,
    the structured and the prose citation of that paragraph link to it."""
    from ..support import erstat

    def side(data):
        katalog = indlaes_katalog(data)
        _, filer = generer(katalog)
        return filer[Visning(katalog).standard_sti[2]]

    foer = side(data_kopi)
    assert "#" not in "".join(re.findall(r"\(https://www\.retsinformation\.dk/[^)]*\)", foer))
    assert "Lovhenvisningerne linker til hele loven" in foer
    assert '[Lov om social service §§ 83, 84 og 86](https://www.retsinformation.dk/eli/lta/2014/254 "hele loven")' in foer

    erstat(data_kopi / "love.yaml", '      - nr: "83"\n', '      - nr: "83"\n        anker: idtest83\n')
    efter = side(data_kopi)
    assert "- [Lov om social service § 83](https://www.retsinformation.dk/eli/lta/2014/254#idtest83)" in efter
    assert "- [Lov om social service § 86](https://www.retsinformation.dk/eli/lta/2014/254)" in efter
    # A citation of several paragraphs cannot go to one of them.
    assert '§§ 83, 84 og 86](https://www.retsinformation.dk/eli/lta/2014/254 "hele loven")' in efter


def test_one_name_for_one_law_and_a_quotation_kept_as_the_source_wrote_it(katalog):
    from generator.site.skabeloner import Udfylder

    u = Udfylder(katalog)
    ud = str(u.md("Målsætningen i Lov om Social Service og efter lov om Social Service § 83."))
    assert "Lov om social service og efter" in ud and "[lov om social service § 83](" in ud
    citat = str(u.md('Kilden trykker "Lov om Social Service §§ 1 og 83".'))
    assert '"[Lov om Social Service §§ 1 og 83](' in citat


# ------------------------------------------------------------------ the built site


def _pagefind_fragmenter(site):
    """Pagefind's page records (gzip'd JSON after a short signature), by URL."""
    import gzip
    import json

    ud = {}
    for fil in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fil.read_bytes())
        post = json.loads(data[data.index(b"{") :])
        ud[post["url"]] = post
    return ud


@pytest.mark.slow
def test_search_keywords_are_indexed_but_no_reader_sees_them(bygget, katalog, visning):
    """Every entry's `søgeord` reach Pagefind as metadata, and neither the page text Pagefind holds
    (its snippets) nor the page itself shows a "Søgeord:" line or the data's gap marker."""
    from generator.site import urls

    fragmenter = _pagefind_fragmenter(bygget)
    poster = [(s.søgeord, visning.standard_sti[s.nr]) for s in katalog.standarder]
    poster += [(i.søgeord, visning.indsats_sti[i.id]) for i in katalog.indsatser]
    assert any(ord_ for ord_, _ in poster)
    for ord_, sti in poster:
        if not ord_:
            continue
        post = fragmenter["/" + urls.url_i_site(sti)]
        assert post["meta"].get("soegeord") == ", ".join(ord_), sti
        assert "Søgeord" not in post["content"], sti
        html = (bygget / urls.html_fil(sti)).read_text(encoding="utf-8")
        assert "Søgeord:" not in html and "[et ord mangler her]" not in html, sti
    gab = [p for p in fragmenter.values() if "her mangler et ord i det trykte katalog" in p["content"]]
    assert gab, "the data's gaps are said in the reader's words on the pages that have them"


def test_the_catalogues_own_words_for_all_its_help_stand_where_an_entry_says_nothing(tmp_path):
    """Nyborg says once, on its overview page, how to apply (katalog.yaml kontakt.ansøgning): every
    page shows it; without it the page gives the contact alone (a broken copy)."""
    import shutil

    from ..support import ROD, erstat

    nyborg = ROD / "examples" / "nyborg-2019" / "data"
    katalog = indlaes_katalog(nyborg)
    v = Visning(katalog)
    for i in katalog.indsatser:
        assert v.ansoegning(i).tekst == "Du skal henvende dig til {kommunes} Visitation med dit ønske om hjælp."
    kopi = tmp_path / "data"
    shutil.copytree(nyborg, kopi)
    erstat(kopi / "katalog.yaml", "  ansøgning: Du skal henvende dig til {kommunes} Visitation med dit ønske om hjælp.\n", "")
    katalog = indlaes_katalog(kopi)
    v = Visning(katalog)
    assert all(v.ansoegning(i).tekst is None for i in katalog.indsatser)
