"""Photos become reachable by URL only when they are photos."""
import pytest

from jan_seva.complaint_photos import NotAPhoto, PhotoSettings, photo_extension, publish_upload
from tests.images import exif_of, jpeg_with_gps


@pytest.mark.parametrize("data, extension", [
    (b"\xff\xd8\xff\xe0rest", ".jpg"),
    (b"\x89PNG\r\n\x1a\nrest", ".png"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", ".webp"),
    (b"%PDF-1.4", None),
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
    (b"", None),
])
def test_the_kind_of_photo_comes_from_its_bytes(data, extension):
    assert photo_extension(data) == extension


def test_an_upload_is_published_under_a_random_name_or_refused(tmp_path):
    settings = PhotoSettings(file_store_dir=tmp_path / "files", photo_dir=tmp_path / "photos",
                             base_url="https://photos.example/complaint-photos")
    url = publish_upload(jpeg_with_gps(), settings)
    name = url.rsplit("/", 1)[1]
    assert url.startswith("https://photos.example/complaint-photos/") and name.endswith(".jpg")
    assert photo_extension((tmp_path / "photos" / name).read_bytes()) == ".jpg"
    for not_a_photo in (b"%PDF-1.4", b"\xff\xd8\xff\xe0 only a JPEG's first bytes"):
        with pytest.raises(NotAPhoto):
            publish_upload(not_a_photo, settings)
    assert [p.name for p in (tmp_path / "photos").iterdir()] == [name]


def test_a_published_photo_carries_no_position_or_camera(tmp_path):
    assert exif_of(jpeg_with_gps())  # the citizen's photo has them
    settings = PhotoSettings(file_store_dir=tmp_path / "files", photo_dir=tmp_path / "photos",
                             base_url="https://photos.example/complaint-photos")
    name = publish_upload(jpeg_with_gps(), settings).rsplit("/", 1)[1]
    assert exif_of((tmp_path / "photos" / name).read_bytes()) == {}
