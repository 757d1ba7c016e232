"""Small real pictures for tests, made with Pillow: a JPEG carrying a GPS position in its EXIF, a PNG."""
from __future__ import annotations

import io

from PIL import Image

GPS_IFD = 0x8825
GPS_LATITUDE = 2


def jpeg_with_gps(size: int = 8) -> bytes:
    image = Image.new("RGB", (size, size), (200, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif.get_ifd(GPS_IFD)[GPS_LATITUDE] = (22.0, 43.0, 25.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def png(size: int = 4) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), (40, 200, 40)).save(out, format="PNG")
    return out.getvalue()


def exif_of(data: bytes) -> dict:
    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif())
