"""Screenshots for the README: forside, a standard, an intervention, a search with a question and the
finder at 1280 px, and the overview table on a phone (390 px).

    python scripts/skaermbilleder.py            # builds the site into a temporary folder first
    python scripts/skaermbilleder.py site/      # or uses an already built site

Writes docs/skaermbilleder/{forside,standard,indsats,soegning,hjaelp,mobil}.png, reduced to a 256-colour palette
(Pillow, which WeasyPrint already brings) so each stays well under 300 KB.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROD))

from generator.site import urls  # noqa: E402
from scripts.sitebrowser import VIEWPORT, chromium, server, soeg  # noqa: E402

UD = ROD / "docs" / "skaermbilleder"


def _gem(png: bytes, maal: Path) -> None:
    import io

    from PIL import Image

    billede = Image.open(io.BytesIO(png)).convert("RGB")
    billede.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        maal, optimize=True)
    print(f"{maal.relative_to(ROD)}: {maal.stat().st_size // 1024} KB")


def tag(site: Path) -> None:
    UD.mkdir(parents=True, exist_ok=True)
    with server(site) as base, chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(base)
        _gem(page.screenshot(), UD / "forside.png")
        page.goto(base + "katalog/standarder/2-praktiske-opgaver/")
        _gem(page.screenshot(), UD / "standard.png")
        page.goto(base + urls.url_i_site(urls.indsats("K.2.4", "Madservice/madudbringning")))
        _gem(page.screenshot(), UD / "indsats.png")
        page.goto(base)
        soeg(page, "hvor meget koster maden")
        page.mouse.move(0, 0)
        _gem(page.screenshot(), UD / "soegning.png")
        page.goto(base + urls.url_i_site(urls.HJAELP))
        _gem(page.screenshot(), UD / "hjaelp.png")
        telefon = browser.new_page(viewport={"width": 390, "height": 844})
        telefon.goto(base + urls.url_i_site(urls.SERVICENIVEAU))
        _gem(telefon.screenshot(), UD / "mobil.png")


def main() -> None:
    if len(sys.argv) > 1:
        tag(Path(sys.argv[1]).resolve())
        return
    from tests.support import byg_site, kopier_projekt

    with tempfile.TemporaryDirectory() as d:
        projekt = kopier_projekt(Path(d) / "projekt")
        r = byg_site(projekt, Path(d) / "site")
        if r.returncode != 0:
            raise SystemExit(r.stdout + r.stderr)
        tag(Path(d) / "site")


if __name__ == "__main__":
    main()
