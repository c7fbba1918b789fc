"""Letterhead logo and signature/seal images: embedded when valid, refused clearly when not."""

import io
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from app.errors import LetterError, LetterheadImageError
from app.reports import default_letterhead, load_letterhead, render_refusal
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash


def _image(kind: str, size: tuple[int, int] = (240, 80), colour: str = "#1F4E79") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA" if kind == "PNG" else "RGB", size, colour).save(buffer, kind)
    return buffer.getvalue()


def _images_per_page(data: bytes) -> list[int]:
    return [len(page.images) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("language", ["zh", "en", "zh+en"])
def test_logo_and_seal_are_printed(language: str) -> None:
    head = replace(
        default_letterhead(),
        logo=_image("PNG"),
        signature_image=_image("JPEG", (300, 300), "#C00000"),
    )
    data = render_refusal(samples.REFUSAL_FACTS, language, head)
    counts = _images_per_page(data)
    assert counts[0] >= 1  # the logo on the first page
    seals = 2 if language == "zh+en" else 1  # one signed letter per language
    assert sum(counts) == 1 + seals
    assert "须云科技有限公司" in squash("".join(read_pdf(data)[0]))


def test_images_given_as_paths_are_read_once(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(_image("PNG"))
    head = replace(default_letterhead(), logo=logo)
    logo.unlink()  # the letterhead already holds the bytes it prints
    assert head.logo == _image("PNG")
    assert _images_per_page(render_refusal(samples.REFUSAL_FACTS, "zh", head))[0] == 1


def test_letterhead_file_names_images_relative_to_itself(tmp_path: Path) -> None:
    (tmp_path / "seal.jpg").write_bytes(_image("JPEG"))
    path = tmp_path / "letterhead.toml"
    path.write_text(
        '[letterhead]\ncompany_name = "甲公司"\naddress = "北京"\nprivacy_contact = "p@x.example"\n'
        'signature_image = "seal.jpg"\ncomplaint_channel = "https://x.example/complaint"\n',
        encoding="utf-8",
    )
    head = load_letterhead(path)
    assert head.image("signature_image") is not None and head.image("logo") is None
    text = squash("".join(read_pdf(render_refusal(samples.REFUSAL_FACTS, "zh", head))[0]))
    assert "https://x.example/complaint" in text  # the internal complaint channel


def test_a_missing_image_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LetterheadImageError) as caught:
        replace(default_letterhead(), logo=tmp_path / "no-such-logo.png")
    assert caught.value.role == "logo" and "not found" in str(caught.value)
    assert "no-such-logo.png" in str(caught.value) and isinstance(caught.value, LetterError)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "not a PNG or JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "not a PNG or JPEG"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not a PNG or JPEG"),
        (_image("PNG")[:60], "damaged PNG"),
        (_image("JPEG")[:200], "damaged JPEG"),
    ],
)
def test_unreadable_images_are_refused(data: bytes, problem: str) -> None:
    with pytest.raises(LetterheadImageError, match=problem) as caught:
        replace(default_letterhead(), signature_image=data)
    assert caught.value.role == "signature_image"


def test_a_missing_image_in_the_letterhead_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "letterhead.toml"
    path.write_text(
        '[letterhead]\ncompany_name = "甲"\naddress = "乙"\nprivacy_contact = "p@x.example"\n'
        'logo = "gone.png"\n',
        encoding="utf-8",
    )
    with pytest.raises(LetterheadImageError, match=r"gone\.png"):
        load_letterhead(path)
