"""Letterhead images (logo, signature or seal): PNG or JPEG, checked before any letter is built.

A missing or damaged image is reported when the letterhead is set, not as a broken letter later.
Parsed images are cached by content, so a batch decodes each image once.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from reportlab.lib.utils import ImageReader

from app.errors import LetterheadImageError

_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
_MAX_PIXELS = 6000


@dataclass(frozen=True)
class LetterImage:
    """A validated PNG or JPEG image.

    Attributes:
        data: the file's bytes (embedded as they are for JPEG; PNG is re-encoded by ReportLab).
        width_px, height_px: pixel size. kind: ``"PNG"`` or ``"JPEG"``.
    """

    data: bytes
    width_px: int
    height_px: int
    kind: str

    def reader(self) -> ImageReader:
        """Return a ReportLab image reader over the bytes (one per drawing: readers hold state)."""
        return ImageReader(io.BytesIO(self.data))

    def fit(self, max_width: float, max_height: float) -> tuple[float, float]:
        """Return (width, height) in points that fit the box and keep the aspect ratio."""
        scale = min(max_width / self.width_px, max_height / self.height_px)
        return self.width_px * scale, self.height_px * scale


def read_image_source(source: bytes | Path | str, role: str) -> bytes:
    """Return the bytes of an image given as bytes or as a file path.

    Raises:
        LetterheadImageError: the file does not exist or cannot be read (the file name is given).
    """
    if isinstance(source, bytes):
        return source
    path = Path(source)
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise LetterheadImageError(role, f"file not found ({path.name})") from exc
    except OSError as exc:
        raise LetterheadImageError(role, f"cannot read {path.name} ({exc.strerror})") from exc


@functools.lru_cache(maxsize=32)
def load_image(data: bytes, role: str) -> LetterImage:
    """Check that ``data`` is a complete PNG or JPEG image and return it with its size.

    Args:
        data: the image file's bytes. role: ``"logo"`` or ``"signature_image"`` (for errors).

    Returns:
        The ``LetterImage``.

    Raises:
        LetterheadImageError: empty, not PNG/JPEG, truncated or damaged, or over 6000 pixels
            on a side.
    """
    kind = next((name for magic, name in _SIGNATURES.items() if data.startswith(magic)), None)
    if kind is None:
        raise LetterheadImageError(role, "not a PNG or JPEG image")
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # decodes every pixel: a truncated file fails here, not in a letter
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise LetterheadImageError(role, f"damaged {kind} image ({exc})") from exc
    if not (0 < width <= _MAX_PIXELS and 0 < height <= _MAX_PIXELS):
        raise LetterheadImageError(role, f"image size {width}x{height} px is not supported")
    return LetterImage(data=data, width_px=width, height_px=height, kind=kind)
