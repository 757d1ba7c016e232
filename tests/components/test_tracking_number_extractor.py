from rasa.shared.nlu.training_data.message import Message

from jan_seva.components.tracking_number_extractor import TrackingNumberExtractor

TEXT = "aay praman patra ka status ls २०२६ १२३ aur shikayat cmp-2025-7"
SERVICE = {"entity": "service", "value": "income_certificate", "start": 0, "end": 16, "extractor": "DIETClassifier"}
# DIET cut the ID short and copied the raw digits.
WRONG_ID = {"entity": "application_id", "value": "२०२६", "start": 30, "end": 34, "extractor": "DIETClassifier"}


def extracted(create, text, entities):
    extractor = create(TrackingNumberExtractor)
    [message] = extractor.process([Message(data={"text": text, "entities": entities})])
    return message.get("entities")


def test_wrong_diet_id_is_replaced_by_the_canonical_one(create):
    ids = [e for e in extracted(create, TEXT, [SERVICE, dict(WRONG_ID)]) if e["entity"] == "application_id"]
    assert len(ids) == 1
    [found] = ids
    assert found["value"] == "LS-2026-000123"
    assert TEXT[found["start"] : found["end"]] == "ls २०२६ १२३"
    assert found["extractor"] == "TrackingNumberExtractor"


def test_other_entities_are_kept_and_complaint_ids_added(create):
    entities = extracted(create, TEXT, [dict(SERVICE), dict(WRONG_ID)])
    assert SERVICE in entities
    assert [e["value"] for e in entities if e["entity"] == "complaint_id"] == ["CMP-2025-000007"]
    assert [e["start"] for e in entities] == sorted(e["start"] for e in entities)


def test_diet_id_is_dropped_when_the_text_has_no_tracking_number(create):
    guess = {"entity": "application_id", "value": "123", "start": 11, "end": 14}
    assert extracted(create, "mera number 123 hai", [guess]) == []


def test_entities_are_in_the_parse_output(create):
    extractor = create(TrackingNumberExtractor)
    [message] = extractor.process([Message(data={"text": "LS-2026-000001"})])
    output = message.as_dict(only_output_properties=True)
    assert [e["value"] for e in output["entities"]] == ["LS-2026-000001"]
