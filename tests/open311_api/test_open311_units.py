"""The small parts on their own: places, routing, phones, times, statuses,
XML, log masking and the city profile's checks."""
from __future__ import annotations

import io
import logging
import logging.config
import shutil
from datetime import datetime, timezone
from pathlib import Path
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
import yaml

from common.log_config import uvicorn_log_config
from common.masking import MaskingFilter, mask_for_log
from open311_api import statuses
from open311_api.attributes import checked_attributes
from open311_api.config import DEFAULT_PROFILE_DIR, Settings
from open311_api.errors import BadRequest
from open311_api.geo import haversine_m, polygon_contains
from open311_api.locate import locate, ward_at, ward_in_address
from open311_api.phones import normalize_phone
from open311_api.profile import ProfileError, load_profile
from open311_api.routing import assign, escalation_target
from open311_api.timefmt import parse_w3, to_w3
from open311_api.xml_encoding import to_xml
from tests.open311_api.open311_test_data import OUTSIDE, RAJWADA, VIJAY_NAGAR

IST = ZoneInfo("Asia/Kolkata")


@pytest.fixture(scope="module")
def profile():
    return load_profile(DEFAULT_PROFILE_DIR)


def test_haversine_matches_known_distances():
    assert haversine_m(0, 0, 0, 1) == pytest.approx(111_195, rel=1e-3)
    # Rajwada to Vijay Nagar, Indore: about 6 km
    assert 5_500 < haversine_m(*RAJWADA, *VIJAY_NAGAR) < 6_500


def test_polygon_contains():
    square = [(0, 0), (0, 1), (1, 1), (1, 0)]
    assert polygon_contains(square, 0.5, 0.5)
    assert not polygon_contains(square, 1.5, 0.5)
    assert not polygon_contains(square, 0.5, -0.1)


@pytest.mark.parametrize(
    "point, ward",
    [(RAJWADA, "rajwada"), (VIJAY_NAGAR, "vijay_nagar"), ((22.7240, 75.8860), "palasia"), ((22.6925, 75.8335), "sudama_nagar"), (OUTSIDE, None)],
)
def test_a_pin_finds_its_ward(profile, point, ward):
    found = ward_at(profile, *point)
    assert (found.code if found else None) == ward


@pytest.mark.parametrize(
    "address, ward",
    [
        ("12, Scheme No. 54, Vijay Nagar, Indore", "vijay_nagar"),
        ("vijaynagar square", "vijay_nagar"),
        ("विजय नगर में", "vijay_nagar"),
        ("खजराना गणेश मंदिर के पीछे", "khajrana"),
        ("Near BHAWARKUAN square", "bhanwarkuan"),
        ("MG Road somewhere", None),
        ("Palasiaxyz", None),
    ],
)
def test_an_address_mentioning_a_ward_or_colony_finds_it(profile, address, ward):
    found = ward_in_address(profile, address)
    assert (found.code if found else None) == ward


def test_the_pin_wins_over_the_address(profile):
    assert locate(profile, *RAJWADA, "Vijay Nagar").code == "rajwada"
    assert locate(profile, *OUTSIDE, "Vijay Nagar").code == "vijay_nagar"
    assert locate(profile, None, None, None) is None


@pytest.mark.parametrize(
    "category, ward, officer",
    [
        ("garbage", "vijay_nagar", "swm_daroga_vijay_nagar"),  # ward match
        ("garbage", "palasia", "swm_csi_east"),  # no ward daroga: zone level
        ("garbage", None, "swm_head"),  # unknown place: city-wide
        ("streetlight", "sudama_nagar", "elec_se_west"),
        ("encroachment", "rajwada", "removal_officer"),
    ],
)
def test_routing_takes_the_lowest_covering_level(profile, category, ward, officer):
    assert assign(profile, profile.categories[category], profile.wards.get(ward or "")).code == officer


def test_escalation_goes_one_covering_level_up(profile):
    ward = profile.wards["vijay_nagar"]
    chain, officer = [], profile.officer("swm_daroga_vijay_nagar")
    while officer := escalation_target(profile, "swm", officer, ward):
        chain.append(officer.code)
    assert chain == ["swm_csi_east", "swm_head"]


@pytest.mark.parametrize(
    "raw, expected",
    [("9827012345", "+919827012345"), ("+91 98270-12345", "+919827012345"), ("919827012345", "+919827012345"),
     ("09827012345", "+919827012345"), ("0091 98270 12345", "+919827012345"), ("+1 (415) 555-0100", "+14155550100"),
     ("111111111", "111111111"), ("0731 2535555", "+917312535555")],
)
def test_phone_numbers_are_normalized(raw, expected):
    assert normalize_phone(raw, "91") == expected


@pytest.mark.parametrize("raw", ["12", "call me", "+91 98270 1234567890123", ""])
def test_non_phone_numbers_are_refused(raw):
    with pytest.raises(ValueError):
        normalize_phone(raw, "91")


def test_datetimes_carry_the_city_offset():
    moment = datetime(2026, 11, 23, 8, 35, tzinfo=timezone.utc)
    assert to_w3(moment, IST) == "2026-11-23T14:05:00+05:30"
    assert to_w3(None, IST) is None


@pytest.mark.parametrize(
    "text", ["2026-11-23T14:05:00+05:30", "2026-11-23T08:35:00Z", "2026-11-23T14:05:00", "2026-11-23T08:35:00.000+00:00",
             "2026-11-23T14:05:00+0530", "2026-11-23T14:05:00 05:30", "2026-11-23T05:35:00-03:00", "2026-11-23T05:35-0300"]
)
def test_w3_datetimes_are_parsed_to_utc(text):
    assert parse_w3(text, IST) == datetime(2026, 11, 23, 8, 35, tzinfo=timezone.utc)


@pytest.mark.parametrize("fraction, microseconds", [("5", 500000), ("12", 120000), ("1234567", 123456), ("123456789", 123456)])
def test_any_number_of_fraction_digits_is_read(fraction, microseconds):
    moment = parse_w3(f"2026-11-23T14:05:00.{fraction}+05:30", IST)
    assert moment == datetime(2026, 11, 23, 8, 35, 0, microseconds, tzinfo=timezone.utc)


@pytest.mark.parametrize("text", ["yesterday", "2026-11-23T14:05:00 5:30", "23/11/2026", "0001-01-01T00:00:00+05:30",
                                  "9999-12-31T23:59:59-05:00"])
def test_other_texts_are_not_date_times(text):
    with pytest.raises(ValueError):
        parse_w3(text, IST)


def test_status_mapping_and_transitions():
    assert {s: statuses.open311_status(s) for s in statuses.ALL} == {
        "submitted": "open", "acknowledged": "open", "in_progress": "open",
        "resolved": "closed", "closed": "closed", "reopened": "open",
    }
    assert statuses.can_change("resolved", "reopened")
    assert not statuses.can_change("in_progress", "reopened")
    assert not statuses.can_change("closed", "in_progress")


def test_attribute_values_by_datatype(profile):
    water = profile.categories["water_supply"]
    assert checked_attributes(water, {"days_without_water": ["3"]}, IST) == {"days_without_water": "3"}
    with pytest.raises(BadRequest, match="must be a number"):
        checked_attributes(water, {"days_without_water": ["three"]}, IST)
    with pytest.raises(BadRequest, match="single value"):
        checked_attributes(water, {"water_problem": ["no_supply", "leakage"]}, IST)
    with pytest.raises(BadRequest, match="single line"):
        checked_attributes(profile.categories["streetlight"], {"pole_number": ["12\n13"]}, IST)


def test_required_attributes_must_be_sent(profile):
    garbage = profile.categories["garbage"]
    strict = garbage.copy(update={"attributes": [garbage.attributes[0].copy(update={"required": True})]})
    with pytest.raises(BadRequest, match=r"attribute\[garbage_type\]: required"):
        checked_attributes(strict, {}, IST)
    assert checked_attributes(strict, {"garbage_type": ["household"]}, IST) == {"garbage_type": "household"}


def test_xml_lists_get_the_spec_item_names():
    root = ElementTree.fromstring(to_xml("services", [{"service_code": "garbage", "metadata": True, "group": None}]))
    assert [(e.tag, e.text) for e in root.find("service")] == [("service_code", "garbage"), ("metadata", "true"), ("group", None)]


@pytest.mark.parametrize(
    "line, secret",
    [
        ("complaint for +91 98270 12345", "98270 12345"),
        ('127.0.0.1:5000 - "GET /api/v1/requests?phone=%2B919827012345 HTTP/1.1" 200', "919827012345"),
        ("citizen 919827012345 joined", "919827012345"),
        ("mail ramesh.patel@example.org", "ramesh.patel@"),
    ],
)
def test_personal_data_is_masked(line, secret):
    masked = mask_for_log(line)
    assert secret not in masked
    assert "2345" in masked or "@example.org" in masked


@pytest.mark.parametrize("line, secret", [
    ('127.0.0.1:5000 - "GET /open311/v2/requests.json?api_key=k3y-f0r-app&status=open HTTP/1.1" 200', "k3y-f0r-app"),
    ('"GET /webhooks/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=s3cret&hub.challenge=1" 200', "s3cret"),
])
def test_keys_in_query_strings_are_masked_and_the_rest_kept(line, secret):
    masked = mask_for_log(line)
    assert secret not in masked and "=***" in masked
    assert "status=open" in masked or "hub.challenge=1" in masked


def test_tracking_numbers_dates_and_coordinates_are_not_masked():
    line = "CMP-2026-000045 at 2026-11-23 14:05:00 lat 22.7533 long 75.8937"
    assert mask_for_log(line) == line


def test_every_log_handler_masks():
    config = uvicorn_log_config(["open311_api"])
    assert all(handler["filters"] == ["mask_personal_data"] for handler in config["handlers"].values())
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(MaskingFilter())
    logger = logging.getLogger("open311_api.test_masking")
    logger.addHandler(handler)
    try:
        logger.warning("citizen %s wrote from %s", "+919827012345", "a.b@example.org")
    finally:
        logger.removeHandler(handler)
    assert stream.getvalue() == "citizen ********2345 wrote from a***@example.org\n"


def test_settings_from_environment():
    settings = Settings.from_env({"OPEN311_PORT": "9002", "OPEN311_API_KEYS": "a, b,", "OPEN311_BOT_API_KEYS": "c",
                                  "OPEN311_JURISDICTION_ID": "bhopal.mp.gov.in"})
    assert settings.port == 9002 and settings.api_keys == {"a", "b"} and settings.bot_api_keys == {"c"}
    assert settings.jurisdiction_id == "bhopal.mp.gov.in"
    defaults = Settings.from_env({})
    assert (defaults.host, defaults.port, defaults.api_keys) == ("127.0.0.1", 8002, {"dev-open311-key"})
    assert defaults.db_url.endswith("/var/open311.db")


def test_the_indore_profile_covers_the_contract(profile):
    for category in profile.categories.values():
        assert set(category.name) == {"en", "hi"} and set(category.description) == {"en", "hi"}
        assert category.keywords["en"] and category.keywords["hi"]
        assert category.sla_hours > 0 and category.department in profile.departments


def _broken_profile(tmp_path: Path, file: str, change) -> Path:
    folder = tmp_path / "profile"
    shutil.copytree(DEFAULT_PROFILE_DIR, folder)
    data = yaml.safe_load((folder / file).read_text(encoding="utf-8"))
    change(data)
    (folder / file).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "file, change, message",
    [
        ("complaint_categories.yml", lambda d: d["categories"]["garbage"].update(department="space"), "unknown department space"),
        ("complaint_categories.yml", lambda d: d["categories"]["garbage"]["attributes"][0].update(values={}), "values are needed"),
        ("open311.yml", lambda d: d["texts"]["service_notice"].update(en="In {hours} hours"), "placeholder"),
        ("open311.yml", lambda d: d.update(timezone="Mars/Olympus"), "unknown time zone"),
        ("wards.yml", lambda d: d["wards"]["rajwada"].update(zone="zone_nowhere"), "unknown zone zone_nowhere"),
        ("municipal_departments.yml", lambda d: d["departments"]["swm"]["officers"].pop(), "city-wide officer"),
    ],
)
def test_a_broken_profile_stops_the_start_with_a_clear_message(tmp_path, file, change, message):
    with pytest.raises(ProfileError, match=message):
        load_profile(_broken_profile(tmp_path, file, change))
