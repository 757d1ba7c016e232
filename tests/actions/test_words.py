"""The words that steer a conversation, and a name said inside a sentence."""
import pytest

from common.words import ends_with, means, name_in, without_words


@pytest.mark.parametrize("typed, meaning", [("Cancel!", "cancel"), ("रद्द करो", "cancel"), ("radd karo", "cancel"),
                                            ("हो गया", "done"), ("Skip", "skip"), ("ha thik h", "yes"),
                                            ("nahi nahi", "no"), ("हाँ अब ठीक है", "yes")])
def test_whole_messages_mean_their_step(typed, meaning):
    assert means(typed, meaning)


@pytest.mark.parametrize("typed", ["near the bus stop", "", "cancel nahi", "radd"[:-1], "please bhai"])
def test_words_inside_a_longer_message_do_not_count(typed):
    assert not means(typed, "cancel")


@pytest.mark.parametrize("typed, ends", [("ok then no point, cancel the application", True),
                                          ("रहने दो भाई, रद्द कर दो", True), ("near the bus stop", False),
                                          ("cancel", False), ("cancel karo, mujhe jati praman patra chahiye", False)])
def test_a_last_part_that_is_a_cancel_word_cancels(typed, ends):
    assert ends_with(typed, "cancel") is ends


@pytest.mark.parametrize("typed, name", [
    ("मेरा नाम रमेश कुमार पटेल है", "रमेश कुमार पटेल"),
    ("mera naam Ramesh Patel hai", "Ramesh Patel"),
    ("my name is Sunita Bhuria", "Sunita Bhuria"),
    ("Name: Sunita", "Sunita"),
    ("मैं सुनीता भूरिया हूँ", "सुनीता भूरिया"),
    ("mere pita ka naam Ramesh Bhuria h", "Ramesh Bhuria"),
    ("मेरे पिताजी का नाम श्री नाथू भूरिया था", "श्री नाथू भूरिया"),
    ("सुरेश पटेल जी", "सुरेश पटेल"),
    ("Sunita Bhuria", "Sunita Bhuria"),
    ("naam", "naam"),  # nothing but the word: left for the validation to answer
])
def test_the_name_is_taken_out_of_the_sentence(typed, name):
    assert name_in(typed) == name


def test_without_words_takes_every_one_of_them_even_side_by_side():
    assert without_words("nahi nahi", "no") == ""
    assert without_words("nahi nahi mummy ka naam", "no") == "mummy ka naam"
