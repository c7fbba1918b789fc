"""Reading rendered letters back: text per page and the fonts each page uses."""

import io
import re
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader

SUBSET_PREFIX = re.compile(r"^/[A-Z]{6}\+")


@dataclass(frozen=True)
class PdfFont:
    """One font resource of a rendered page."""

    base_font: str
    subtype: str
    has_font_file2: bool


def squash(text: str) -> str:
    """Remove all whitespace: pypdf breaks lines where the layout wrapped them."""
    return "".join(text.split())


def read_pdf(data: bytes) -> tuple[list[str], list[PdfFont]]:
    """Return each page's extracted text and every font resource used on any page."""
    reader = PdfReader(io.BytesIO(data))
    texts = [page.extract_text() for page in reader.pages]
    fonts = []
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for reference in resources["/Font"].values():
            font = reference.get_object()
            descriptor = font.get("/FontDescriptor")
            has_file2 = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts.append(PdfFont(str(font["/BaseFont"]), str(font["/Subtype"]), has_file2))
    return texts, fonts
