"""Beyond the standard: routing, SLA, duplicates, supporters, status history,
resolution photos, reopening, rating and "my complaints"."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from open311_api.report import last_resolution
from tests.open311_api.conftest import _app_for
from tests.open311_api.open311_test_data import BOT, CLIENT, OPERATOR, OUTSIDE, RAJWADA, VIJAY_NAGAR

COMPLAINANT = "9827012345"  # file_complaint's default phone
NEIGHBOUR = "+91 99770 55555"


def _metres_north(point, metres):
    return point[0] + metres / 111_195.0, point[1]


def _detail(client, number, headers=OPERATOR, **params):
    response = client.get(f"/api/v1/requests/{number}", headers=headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _post(client, number, action, body, headers=OPERATOR):
    return client.post(f"/api/v1/requests/{number}/{action}", json=body, headers=headers)


@pytest.mark.parametrize(
    "service_code, at, address, department, officer, ward, zone",
    [
        ("garbage", VIJAY_NAGAR, None, "swm", "swm_daroga_vijay_nagar", "vijay_nagar", "zone_vijay_nagar"),
        ("garbage", RAJWADA, None, "swm", "swm_daroga_rajwada", "rajwada", "zone_rajmohalla"),
        ("streetlight", RAJWADA, None, "electrical", "elec_se_west", "rajwada", "zone_rajmohalla"),
        ("water_supply", VIJAY_NAGAR, None, "water", "water_ae_east", "vijay_nagar", "zone_vijay_nagar"),
        ("garbage", OUTSIDE, None, "swm", "swm_head", None, None),
        ("garbage", None, "Behind Khajrana Ganesh Mandir, Indore", "swm", "swm_daroga_khajrana", "khajrana", "zone_scheme_94"),
        ("dead_animal", None, "राजवाड़ा के पास, सराफा गली", "health", "health_zho_west", "rajwada", "zone_rajmohalla"),
    ],
)
def test_complaints_are_routed_by_category_and_ward(client, file_complaint, service_code, at, address, department, officer, ward, zone):
    fields = {"address_string": address} if address else {}
    number = file_complaint(service_code, at=at, **fields)["service_request_id"]
    shown = _detail(client, number)
    extended = shown["extended_attributes"]
    assert extended["department"]["code"] == department
    assert shown["agency_responsible"] == extended["department"]["name"]
    assert extended["officer"]["code"] == officer
    assert (extended["ward"] or {}).get("code") == ward
    assert (extended["zone"] or {}).get("code") == zone


@pytest.mark.parametrize("service_code, hours", [("garbage", 24), ("dead_animal", 12), ("road_damage", 168)])
def test_expected_datetime_follows_the_category_sla(client, file_complaint, service_code, hours):
    number = file_complaint(service_code)["service_request_id"]
    [shown] = client.get(f"/open311/v2/requests/{number}.json").json()
    requested = datetime.fromisoformat(shown["requested_datetime"])
    assert datetime.fromisoformat(shown["expected_datetime"]) - requested == timedelta(hours=hours)


def test_post_with_extensions_returns_department_expected_time_and_duplicates(client, file_complaint):
    first = file_complaint("garbage")["service_request_id"]
    created = file_complaint("garbage", at=_metres_north(VIJAY_NAGAR, 20), extensions="true")
    extended = created["extended_attributes"]
    assert extended["agency_responsible"] == "Solid Waste Management Department"
    assert extended["expected_datetime"].endswith("+05:30")
    assert extended["likely_duplicate_of"] == first
    assert [d["service_request_id"] for d in extended["likely_duplicates"]] == [first]
    assert 15 < extended["likely_duplicates"][0]["distance_m"] < 25


@pytest.mark.parametrize(
    "metres, service_code, flagged",
    [(30, "garbage", True), (49, "garbage", True), (80, "garbage", False), (10, "streetlight", False)],
)
def test_likely_duplicates_are_same_category_within_50_m(client, file_complaint, metres, service_code, flagged):
    first = file_complaint("garbage")["service_request_id"]
    second = file_complaint(service_code, at=_metres_north(VIJAY_NAGAR, metres))["service_request_id"]
    assert _detail(client, second)["extended_attributes"]["likely_duplicate_of"] == (first if flagged else None)


def test_nearby_lists_open_complaints_within_the_radius(client, file_complaint):
    near = file_complaint("garbage")["service_request_id"]
    closed = file_complaint("garbage", at=_metres_north(VIJAY_NAGAR, 5))["service_request_id"]
    _post(client, closed, "resolve", {})
    file_complaint("garbage", at=_metres_north(VIJAY_NAGAR, 120))
    file_complaint("drainage")
    lat, long = _metres_north(VIJAY_NAGAR, 10)
    found = client.get("/api/v1/requests/nearby", params={"lat": lat, "long": long, "service_code": "garbage"}, headers=CLIENT).json()
    assert [f["service_request_id"] for f in found] == [near]
    assert 9 < found[0]["distance_m"] < 11
    wider = client.get("/api/v1/requests/nearby", params={"lat": lat, "long": long, "radius_m": 200}, headers=CLIENT).json()
    assert len(wider) == 3  # any category, still open only
    assert client.get("/api/v1/requests/nearby", params={"lat": 95, "long": long}, headers=CLIENT).status_code == 400


def test_same_place_lists_open_complaints_at_an_address_with_the_same_words(client, file_complaint):
    there = file_complaint("stray_animals", at=None, address_string="scheme 78, sector A ka main chauraha")
    file_complaint("stray_animals", at=None, address_string="scheme 78, sector B chauraha")  # another sector
    file_complaint("garbage", at=None, address_string="scheme 78 sector A chauraha")  # another problem
    file_complaint("stray_animals", at=None, address_string="Scheme 78")  # an area, not a spot
    file_complaint("stray_animals", at=None, address_string="scheme 78 sector A chauraha ke peeche")  # behind it
    found = client.get("/api/v1/requests/same-place", params={"address": "Scheme 78 sector A chauraha pe",
                                                             "service_code": "stray_animals"}, headers=CLIENT).json()
    assert [f["service_request_id"] for f in found] == [there["service_request_id"]]
    assert client.get("/api/v1/requests/same-place", params={"address": "x"}, headers=CLIENT).status_code == 400


def test_citizen_joins_an_existing_complaint(client, file_complaint):
    number = file_complaint()["service_request_id"]
    joined = _post(client, number, "supporters", {"phone": NEIGHBOUR, "name": "Meena"}, headers=BOT)
    assert joined.status_code == 201
    assert joined.json()["extended_attributes"]["supporters_count"] == 1
    again = _post(client, number, "supporters", {"phone": "919977055555"}, headers=BOT)
    assert again.status_code == 200 and again.json()["extended_attributes"]["supporters_count"] == 1
    own = _post(client, number, "supporters", {"phone": COMPLAINANT}, headers=BOT)
    assert own.json()["extended_attributes"]["supporters_count"] == 1
    mine = client.get("/api/v1/requests", params={"phone": "+919977055555"}, headers=BOT).json()
    assert [(m["service_request_id"], m["role"]) for m in mine] == [(number, "supporter")]
    _post(client, number, "resolve", {})
    assert _post(client, number, "supporters", {"phone": "9000000001"}, headers=BOT).status_code == 409


def test_my_complaints_by_whatsapp_number(client, file_complaint):
    mine = file_complaint("garbage")["service_request_id"]
    file_complaint("drainage", phone="9111111111")
    for spelling in ["919827012345", "+91 98270 12345", "098270-12345"]:
        found = client.get("/api/v1/requests", params={"phone": spelling}, headers=BOT).json()
        assert [(f["service_request_id"], f["role"]) for f in found] == [(mine, "complainant")]
    assert client.get("/api/v1/requests", headers=BOT).status_code == 400  # the bot must name the citizen
    assert client.get("/api/v1/requests", params={"phone": "abc"}, headers=BOT).status_code == 400


def test_operators_filter_complaints(client, file_complaint):
    garbage = file_complaint("garbage")["service_request_id"]
    light = file_complaint("streetlight", at=RAJWADA)["service_request_id"]
    _post(client, light, "status", {"status": "in_progress"})

    def ids(**params):
        response = client.get("/api/v1/requests", params=params, headers=OPERATOR)
        assert response.status_code == 200, response.text
        return [r["service_request_id"] for r in response.json()]

    assert ids() == [light, garbage]
    assert ids(department="electrical") == [light]
    assert ids(ward="vijay_nagar") == [garbage]
    assert ids(officer="elec_se_west") == [light]
    assert ids(status="in_progress") == [light]
    assert ids(status="submitted,resolved") == [garbage]
    assert ids(status="open", service_code="garbage") == [garbage]
    for bad in ({"ward": "atlantis"}, {"status": "lost"}, {"department": "space"}, {"officer": "nobody"}):
        assert client.get("/api/v1/requests", params=bad, headers=OPERATOR).status_code == 400


def test_operators_page_through_a_filtered_list_with_its_total(client, db_url, file_complaint):
    garbage = [file_complaint("garbage")["service_request_id"] for _ in range(4)]
    light = file_complaint("streetlight", at=RAJWADA)["service_request_id"]
    resolved, closed, escalated, late = garbage
    _post(client, resolved, "resolve", {})
    _post(client, closed, "status", {"status": "closed"})
    _post(client, escalated, "escalate", {})
    with _app_for(db_url).state.engine.begin() as connection:  # the time to fix it has passed
        connection.execute(text("UPDATE open311_requests SET expected_at = :past WHERE service_request_id = :id"),
                           {"past": datetime(2020, 1, 1), "id": late})

    def listed(**params):
        response = client.get("/api/v1/requests", params=params, headers=OPERATOR)
        assert response.status_code == 200, response.text
        return [r["service_request_id"] for r in response.json()], int(response.headers["X-Total-Count"])

    assert listed(limit=2) == ([light, late], 5)
    assert listed(limit=2, offset=4) == ([resolved], 5)
    assert listed(department=["swm", "electrical"], limit=1) == ([light], 5)
    assert listed(internal_status="closed") == ([closed], 1)  # not also the resolved one
    assert listed(status="closed") == ([closed, resolved], 2)
    assert listed(status="open", escalated="true") == ([escalated], 1)
    assert listed(overdue="true") == ([late], 1)
    assert listed(service_request_id=[light, closed]) == ([light, closed], 2)
    assert client.get("/api/v1/requests", params={"internal_status": "lost"}, headers=OPERATOR).status_code == 400


def test_the_day_per_department_is_counted_for_operators_only(client, db_url, file_complaint):
    garbage = [file_complaint("garbage")["service_request_id"] for _ in range(3)]
    file_complaint("streetlight", at=RAJWADA)
    resolved, escalated, late = garbage
    _post(client, resolved, "resolve", {})
    _post(client, escalated, "escalate", {})
    with _app_for(db_url).state.engine.begin() as connection:
        connection.execute(text("UPDATE open311_requests SET expected_at = :past WHERE service_request_id = :id"),
                           {"past": datetime(2020, 1, 1), "id": late})
    response = client.get("/api/v1/summary", headers=OPERATOR)
    assert response.status_code == 200, response.text
    rows = {row["department"]["code"]: row for row in response.json()["departments"]}
    figures = {key: rows["swm"][key] for key in ("new", "decided", "escalated", "open", "overdue")}
    assert figures == {"new": 3, "decided": 1, "escalated": 1, "open": 2, "overdue": 1}
    assert rows["electrical"]["new"] == 1 and rows["electrical"]["decided"] == 0
    yesterday = client.get("/api/v1/summary", params={"day": "2020-01-01"}, headers=OPERATOR).json()
    assert all(row["new"] == 0 and row["open"] == rows[row["department"]["code"]]["open"]
               for row in yesterday["departments"])
    assert client.get("/api/v1/summary", headers=CLIENT).status_code == 403
    assert client.get("/api/v1/summary", params={"day": "0001-01-01"}, headers=OPERATOR).status_code == 400


def test_the_report_counts_categories_wards_resolution_and_sla_for_operators_only(client, db_url, file_complaint):
    resolved, still_open, late = [file_complaint("garbage")["service_request_id"] for _ in range(3)]
    light = file_complaint("streetlight", at=RAJWADA)["service_request_id"]
    with _app_for(db_url).state.engine.begin() as connection:
        connection.execute(text("UPDATE open311_requests SET expected_at = :past WHERE service_request_id IN (:a, :b)"),
                           {"past": datetime(2020, 1, 1), "a": late, "b": light})
    for number in (resolved, light):
        _post(client, number, "resolve", {})
    _post(client, still_open, "status", {"status": "acknowledged"})
    response = client.get("/api/v1/reports/complaints", headers=OPERATOR)
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["total"], report["open"]) == (4, 2)
    assert report["resolution"]["sla"] == {"in_time": 1, "settled_late": 1, "open_overdue": 1, "share_in_time": 0.333}
    assert report["resolution"]["median_hours"] < 1
    assert [(c["service_code"], c["total"]) for c in report["categories"]] == [("garbage", 3), ("streetlight", 1)]
    assert [(w["ward"], w["total"]) for w in report["wards"]] == [("vijay_nagar", 3), ("rajwada", 1)]
    swm = client.get("/api/v1/reports/complaints", params={"department": "swm"}, headers=OPERATOR).json()
    assert swm["total"] == 3 and swm["resolution"]["sla"]["share_in_time"] == 0.5
    assert client.get("/api/v1/reports/complaints", headers=CLIENT).status_code == 403
    assert client.get("/api/v1/reports/complaints", params={"department": "x"}, headers=OPERATOR).status_code == 400


def test_status_updates_build_a_dated_history(client, file_complaint):
    number = file_complaint()["service_request_id"]
    _post(client, number, "status", {"status": "acknowledged"})
    updated = _post(client, number, "status", {"status": "in_progress", "note": "गाड़ी भेज दी है", "officer": "swm_daroga_vijay_nagar"})
    assert updated.status_code == 200
    notes = updated.json()["notes"]
    assert [n["type"] for n in notes] == ["submitted", "acknowledged", "in_progress"]
    assert notes[1]["description"] == "The department has seen the complaint."
    assert notes[2]["description"] == "गाड़ी भेज दी है" and notes[2]["officer"] == "swm_daroga_vijay_nagar"
    assert all(n["datetime"].endswith("+05:30") for n in notes)
    assert [datetime.fromisoformat(n["datetime"]) for n in notes] == sorted(datetime.fromisoformat(n["datetime"]) for n in notes)
    [open311] = client.get(f"/open311/v2/requests/{number}.json").json()
    assert open311["status_notes"] == "गाड़ी भेज दी है"
    assert open311["updated_datetime"] == notes[2]["datetime"]
    hindi = _detail(client, number, locale="hi")["notes"][1]["description"]
    assert hindi == "विभाग ने शिकायत देख ली है।"


@pytest.mark.parametrize(
    "body, status",
    [
        ({"status": "submitted"}, 400),
        ({"status": "lost"}, 400),
        ({"status": "acknowledged", "officer": "nobody"}, 400),
        ({"status": "reopened"}, 409),
        ({"status": "acknowledged", "note": "x" * 2001}, 400),
        ({}, 400),
    ],
)
def test_bad_status_updates(client, file_complaint, body, status):
    number = file_complaint()["service_request_id"]
    response = _post(client, number, "status", body)
    assert response.status_code == status, response.text
    assert response.json()[0]["code"] == status


def test_the_same_open_status_with_a_note_is_a_progress_note(client, file_complaint):
    number = file_complaint()["service_request_id"]
    assert _post(client, number, "status", {"status": "in_progress"}).status_code == 200
    assert _post(client, number, "status", {"status": "in_progress"}).status_code == 409  # nothing new said
    noted = _post(client, number, "status", {"status": "in_progress", "note": "Supply back by tomorrow"})
    assert noted.status_code == 200
    [open311] = client.get(f"/open311/v2/requests/{number}.json").json()
    assert open311["status_notes"] == "Supply back by tomorrow"


def test_operator_actions_need_the_operator_key(client, file_complaint):
    number = file_complaint()["service_request_id"]
    for action in ("status", "resolve", "escalate"):
        assert _post(client, number, action, {"status": "acknowledged"}, headers=CLIENT).status_code == 403
    assert client.get(f"/api/v1/requests/{number}").status_code == 403
    assert client.get(f"/api/v1/requests/{number}", headers={"X-API-Key": "guess"}).status_code == 403
    assert client.get(f"/api/v1/requests/{number}", params={"api_key": "test-client-key"}).status_code == 200
    assert client.get("/api/v1/requests/CMP-2026-999999", headers=CLIENT).status_code == 404


def test_contact_details_only_for_operators(client, file_complaint):
    number = file_complaint(first_name="Ramesh", email="ramesh@example.org")["service_request_id"]
    assert _detail(client, number)["contact"]["phone"] == "+919827012345"
    assert "contact" not in _detail(client, number, headers=CLIENT)


def test_resolution_with_after_photo(client, file_complaint):
    number = file_complaint(media_url="https://media.example.org/before.jpg")["service_request_id"]
    resolved = _post(client, number, "resolve", {"note": "Cleaned", "officer": "swm_daroga_vijay_nagar", "media_url": "https://media.example.org/after.jpg"})
    assert resolved.status_code == 200
    extended = resolved.json()["extended_attributes"]
    assert [(p["kind"], p["media_url"]) for p in extended["photos"]] == [
        ("report", "https://media.example.org/before.jpg"), ("after", "https://media.example.org/after.jpg")]
    [open311] = client.get(f"/open311/v2/requests/{number}.json").json()
    assert open311["status"] == "closed" and open311["status_notes"] == "Cleaned"
    assert open311["media_url"] == "https://media.example.org/before.jpg"
    assert _post(client, number, "resolve", {"media_url": "ftp://x"}).status_code == 400


def test_citizen_adds_photos(client, file_complaint):
    number = file_complaint()["service_request_id"]
    added = _post(client, number, "photos", {"phone": COMPLAINANT, "media_url": "https://media.example.org/2.jpg"}, headers=BOT)
    assert [p["media_url"] for p in added.json()["extended_attributes"]["photos"]] == ["https://media.example.org/2.jpg"]
    assert _post(client, number, "photos", {"phone": "9000000001", "media_url": "https://m.example.org/x.jpg"}, headers=BOT).status_code == 403


def test_citizen_reopens_after_resolution_and_the_sla_restarts(client, file_complaint):
    number = file_complaint()["service_request_id"]
    assert _post(client, number, "reopen", {"phone": COMPLAINANT}, headers=BOT).status_code == 409  # still open
    _post(client, number, "resolve", {})
    assert _post(client, number, "reopen", {"phone": "9000000001"}, headers=BOT).status_code == 403
    reopened = _post(client, number, "reopen", {"phone": "+919827012345", "note": "अभी भी कचरा पड़ा है"}, headers=BOT)
    assert reopened.status_code == 200
    shown = reopened.json()
    assert shown["status"] == "open" and shown["extended_attributes"]["internal_status"] == "reopened"
    assert shown["notes"][-1]["actor"] == "citizen"
    reopened_at = datetime.fromisoformat(shown["notes"][-1]["datetime"])
    assert datetime.fromisoformat(shown["expected_datetime"]) - reopened_at == timedelta(hours=24)


def test_citizen_rates_after_resolution(client, file_complaint):
    number = file_complaint()["service_request_id"]
    _post(client, number, "supporters", {"phone": NEIGHBOUR}, headers=BOT)
    assert _post(client, number, "rating", {"phone": COMPLAINANT, "rating": 5}, headers=BOT).status_code == 409
    _post(client, number, "resolve", {})
    for bad in (0, 6, "five"):
        assert _post(client, number, "rating", {"phone": COMPLAINANT, "rating": bad}, headers=BOT).status_code == 400
    assert _post(client, number, "rating", {"phone": NEIGHBOUR, "rating": 2}, headers=BOT).status_code == 403
    rated = _post(client, number, "rating", {"phone": COMPLAINANT, "rating": 4, "comment": "जल्दी हुआ"}, headers=BOT)
    assert rated.status_code == 200
    assert (rated.json()["extended_attributes"]["rating"], rated.json()["extended_attributes"]["rating_comment"]) == (4, "जल्दी हुआ")


def test_a_closed_requests_updated_datetime_stays_its_closing_time(client, file_complaint):
    number = file_complaint()["service_request_id"]
    closed_at = _post(client, number, "resolve", {}).json()["updated_datetime"]
    time.sleep(1.1)  # times are kept in whole seconds
    _post(client, number, "rating", {"phone": COMPLAINANT, "rating": 4}, headers=BOT)
    _post(client, number, "photos", {"phone": COMPLAINANT, "media_url": "https://media.example.org/late.jpg"}, headers=BOT)
    [shown] = client.get(f"/open311/v2/requests/{number}.json").json()
    assert shown["status"] == "closed" and shown["updated_datetime"] == closed_at


def test_escalation_climbs_the_levels(client, file_complaint):
    number = file_complaint()["service_request_id"]
    chain = []
    while (response := _post(client, number, "escalate", {})).status_code == 200:
        chain.append(response.json()["extended_attributes"]["officer"]["code"])
    assert chain == ["swm_csi_east", "swm_head"]
    assert response.status_code == 409
    notes = _detail(client, number)["notes"]
    assert notes[-1]["type"] == "escalated"
    assert notes[-1]["description"] == "Escalated to Dr. Anil Sharma (Additional Commissioner, SWM), Solid Waste Management Department."


def test_departments_and_wards_are_listed(client):
    departments = client.get("/api/v1/departments", headers=CLIENT).json()
    swm = next(d for d in departments if d["code"] == "swm")
    assert {"garbage", "public_toilet"} <= set(swm["categories"])
    assert [o["level"] for o in swm["officers"]] == [1, 1, 1, 2, 2, 3]
    wards = client.get("/api/v1/wards", params={"locale": "hi"}, headers=CLIENT).json()
    assert {"code": "vijay_nagar", "name": "विजय नगर", "zone": {"code": "zone_vijay_nagar", "name": "विजय नगर ज़ोन"}} in wards


def test_an_ordinary_client_key_cannot_act_for_a_citizen(client, file_complaint):
    number = file_complaint()["service_request_id"]
    citizen = {"phone": "9827012345"}
    assert client.get("/api/v1/requests", params=citizen, headers=CLIENT).status_code == 403
    for action, body in (("supporters", {"phone": "919977055555"}), ("reopen", citizen),
                         ("rating", {**citizen, "rating": 1}),
                         ("photos", {**citizen, "media_url": "https://media.example.org/x.jpg"})):
        assert _post(client, number, action, body, headers=CLIENT).status_code == 403
    assert client.get(f"/api/v1/requests/{number}", headers=CLIENT).status_code == 200  # reading stays open


def test_operators_page_through_every_complaint_earliest_due_first(client, file_complaint):
    numbers = [file_complaint(service_code=code)["service_request_id"]
               for code in ("garbage", "streetlight", "drainage", "garbage", "road_damage")]
    pages = [client.get("/api/v1/requests", params={"order": "due", "limit": 2, "offset": offset},
                        headers=OPERATOR).json() for offset in (0, 2, 4, 6)]
    assert [len(page) for page in pages] == [2, 2, 1, 0]
    seen = [item for page in pages for item in page]
    assert sorted(item["service_request_id"] for item in seen) == sorted(numbers)
    due = [item["expected_datetime"] for item in seen]
    assert due == sorted(due)
    assert client.get("/api/v1/requests", params={"order": "oldest"}, headers=OPERATOR).status_code in (400, 422)


def test_a_complaint_is_resolved_when_its_last_closing_run_began():
    at = [datetime(2026, 1, day, tzinfo=timezone.utc) for day in range(1, 6)]
    assert last_resolution([("submitted", at[0]), ("acknowledged", at[1])]) is None
    assert last_resolution([("submitted", at[0]), ("resolved", at[1]), ("closed", at[2])]) == at[1]
    reopened = [("submitted", at[0]), ("resolved", at[1]), ("reopened", at[2]), ("resolved", at[3]), ("closed", at[4])]
    assert last_resolution(reopened) == at[3]
