import pytest

from common.ids import canonical_id, find_tracking_numbers


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("LS-2026-000123", "LS-2026-000123"),
        ("ls-2026-000123", "LS-2026-000123"),
        ("LS 2026 000123", "LS-2026-000123"),
        ("ls2026000123", "LS-2026-000123"),
        ("LS/2026/000123", "LS-2026-000123"),
        ("Ls 2026 - 000123", "LS-2026-000123"),
        ("ls-२०२६-०००१२३", "LS-2026-000123"),
        ("LS-२०२६-१२३", "LS-2026-000123"),
        ("एलएस-2026-123", "LS-2026-000123"),
        ("एलएस २०२६ १२३", "LS-2026-000123"),
        ("LS-2026-123", "LS-2026-000123"),
        ("ls 1999 1", "LS-1999-000001"),
        ("CMP-2025-000045", "CMP-2025-000045"),
        ("cmp 2025 45", "CMP-2025-000045"),
        ("सीएमपी-2025-45", "CMP-2025-000045"),
    ],
)
def test_every_variant_gives_the_canonical_form(text, canonical):
    assert canonical_id(text) == canonical


def test_entity_follows_the_prefix():
    found = list(find_tracking_numbers("LS-2026-1 और सीएमपी-2026-2"))
    assert [f.entity for f in found] == ["application_id", "complaint_id"]
    assert canonical_id("LS-2026-1 और सीएमपी-2026-2", entity="complaint_id") == "CMP-2026-000002"
    assert canonical_id("LS-2026-1", entity="complaint_id") is None


@pytest.mark.parametrize(
    "text, original",
    [
        ("mera id ls २०२६ १२३ hai", "ls २०२६ १२३"),
        ("मेरा आवेदन एलएस-२०२६-०००१२३ कहाँ है?", "एलएस-२०२६-०००१२३"),
        ("status? LS2026000123.", "LS2026000123"),
    ],
)
def test_offsets_point_at_the_original_text(text, original):
    [found] = find_tracking_numbers(text)
    assert text[found.start : found.end] == original


@pytest.mark.parametrize(
    "text",
    [
        "ALS-2026-000123",
        "myLS-2026-123",
        "calls 2026 123",
        "आवेदनएलएस-2026-1",
        "LS-2026-1234567",
        "ls 2026 0001234",
        "LS-2026",
        "LS-1899-123",
        "2026-000123",
        "no id here",
    ],
)
def test_no_match(text):
    assert list(find_tracking_numbers(text)) == []
    assert canonical_id(text) is None
