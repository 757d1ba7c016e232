"""Photos become reachable by URL only when they are photos."""
import pytest

from jan_seva.complaint_photos import NotAPhoto, PhotoSettings, photo_extension, publish_upload


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
    url = publish_upload(b"\xff\xd8\xff\xe0jpeg", settings)
    name = url.rsplit("/", 1)[1]
    assert url.startswith("https://photos.example/complaint-photos/") and name.endswith(".jpg")
    assert (tmp_path / "photos" / name).read_bytes() == b"\xff\xd8\xff\xe0jpeg"
    with pytest.raises(NotAPhoto):
        publish_upload(b"%PDF-1.4", settings)
    assert [p.name for p in (tmp_path / "photos").iterdir()] == [name]
