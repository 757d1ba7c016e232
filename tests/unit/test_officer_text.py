"""How the bot names an officer: designation, name and office, no part said twice."""
import pytest

from actions.lok_seva.display import officer_text

CEO_JANPAD = {"designation": {"hi": "मुख्य कार्यपालन अधिकारी, जनपद पंचायत", "en": "Chief Executive Officer, Janpad Panchayat"},
              "office": {"hi": "जनपद पंचायत, झाबुआ", "en": "Janpad Panchayat, Jhabua"}}
TEHSILDAR = {"designation": {"hi": "तहसीलदार", "en": "Tehsildar"},
             "office": {"hi": "तहसील कार्यालय, झाबुआ", "en": "Tehsil Office, Jhabua"}}


@pytest.mark.parametrize("officer, language, expected", [
    (CEO_JANPAD, "hi", "मुख्य कार्यपालन अधिकारी, जनपद पंचायत, झाबुआ"),
    (CEO_JANPAD, "en", "Chief Executive Officer, Janpad Panchayat, Jhabua"),
    (TEHSILDAR, "hi", "तहसीलदार, तहसील कार्यालय, झाबुआ"),
])
def test_an_office_the_designation_already_names_is_not_repeated(officer, language, expected):
    assert officer_text(officer, language) == expected


@pytest.mark.parametrize("officer, language, expected", [
    ({**TEHSILDAR, "name": {"hi": "श्री राकेश सोलंकी", "en": "Shri Rakesh Solanki"}}, "en",
     "Tehsildar (Shri Rakesh Solanki), Tehsil Office, Jhabua"),
    ({**CEO_JANPAD, "name": {"hi": "श्री अजय मेडा", "en": "Shri Ajay Meda"}}, "hi",
     "मुख्य कार्यपालन अधिकारी, जनपद पंचायत (श्री अजय मेडा), झाबुआ"),
])
def test_the_officers_name_follows_the_designation(officer, language, expected):
    assert officer_text(officer, language) == expected
