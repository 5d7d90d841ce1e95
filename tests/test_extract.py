from __future__ import annotations

import dataclasses

import pytest

from briefs.extract.attribution import in_correspondence, recommends, speaker
from briefs.extract.dates import find_dates
from briefs.extract.figures import find_figures
from briefs.extract.keywords import keywords
from briefs.extract.sentences import stands_alone, trim


@pytest.mark.parametrize(
    "sentence,text,value,unit,counts",
    [
        (
            "As of 2023, the nation has deployed 9,205 personnel in UN missions.",
            "9,205 personnel",
            9205,
            None,
            "personnel",
        ),
        (
            "There were more than 30 formal rounds of talks.",
            "more than 30 formal rounds",
            30,
            None,
            "formal rounds",
        ),
        ("The dam cost USD 17.4 billion to build.", "USD 17.4 billion", 17.4e9, "USD", None),
        (
            "Debt reached 125% of gross domestic product last year.",
            "125% of gross domestic product",
            125,
            "%",
            "gross domestic product",
        ),
        (
            "The plant produces 3,500 megawatts of power.",
            "3,500 megawatts",
            3500,
            "megawatts",
            None,
        ),
        (
            "Cambodia deployed nearly 10,000 peacekeepers across UN missions.",
            "nearly 10,000 peacekeepers",
            10000,
            None,
            "peacekeepers",
        ),
    ],
)
def test_figures_with_what_they_count(sentence, text, value, unit, counts) -> None:
    found = find_figures(sentence)
    assert [(f.text, f.value, f.unit, f.counts) for f in found] == [(text, value, unit, counts)]


def test_ranges_keep_both_ends() -> None:
    (f,) = find_figures("Between 18 to 25 percent of households were affected.")
    assert (f.value, f.low, f.high, f.unit) == (None, 18, 25, "%")
    (f,) = find_figures("We aim to replant 1 million to 2 million hectares of forest.")
    assert (f.low, f.high, f.unit) == (1e6, 2e6, "hectares")
    (f,) = find_figures("Revenues average only $100 million to $150 million a month.")
    assert (f.text, f.low, f.high, f.unit) == ("$100 million to $150 million", 1e8, 1.5e8, "$")


def test_from_one_value_to_another_is_a_change_not_a_range() -> None:
    found = find_figures("Life expectancy rose from 53.6 to 69.3 years.")
    assert [(f.text, f.value, f.counts) for f in found] == [
        ("53.6", 53.6, "years"),
        ("69.3 years", 69.3, "years"),
    ]
    found = find_figures("The poverty rate fell from 35 to 31 per cent.")
    assert [(f.value, f.unit) for f in found] == [(35, "%"), (31, "%")]


def test_scaled_values_are_exact() -> None:
    (f,) = find_figures("More than 8.2 million people cast their ballots.")
    assert f.value == 8_200_000


@pytest.mark.parametrize(
    "sentence",
    [
        "On 7 January 2022, the prime minister travelled to Naypyidaw.",
        "The 79th session of the General Assembly opened in New York.",
        "The 2008 Constitution was ratified under the military regime.",
        "See page 12 and Resolution 2758 for the details of the decision.",
        "COVID-19 spread fast and the meeting began at 10:30 am on Monday.",
        "The Five-Point Consensus (5PC) was agreed in April 2021 by the leaders.",
    ],
)
def test_dates_years_ordinals_and_labels_are_not_figures(sentence) -> None:
    assert find_figures(sentence) == []


def test_figures_inside_a_list_of_counts() -> None:
    found = find_figures(
        "The fighting left 20 civilian deaths, 79 injuries, and 525,000 people displaced."
    )
    assert [(f.text, f.value, f.counts) for f in found] == [
        ("20 civilian deaths", 20, "civilian deaths"),
        ("79 injuries", 79, "injuries"),
        ("525,000 people", 525000, "people"),
    ]


@pytest.mark.parametrize(
    "sentence,counts",
    [
        # the head noun, not the verb after it
        ("At least 10,000 people fleeing their homes reached the border.", ["people"]),
        ("The latest figure shows that 850 million people face hunger.", ["people"]),
        # names and Title Case inside the phrase, possessives
        ("It was signed by 59 Civil Society Organizations.", ["Civil Society Organizations"]),
        ("It was endorsed by 227 Students’ Unions.", ["Students’ Unions"]),
        ("Troops burned over 35 innocent Karenni civilians.", ["innocent Karenni civilians"]),
        # a bare number takes the noun the sentence gives it
        (
            "The number of internally displaced people has reached 1 million.",
            ["internally displaced people"],
        ),
        ("The world’s population will reach 9 billion by 2050.", ["population"]),
        ("It recorded 27 positive cases, of which 26 have recovered.", ["positive cases"] * 2),
        ("We have 1,200 doctors for a population of 1.5 million.", ["doctors", "population"]),
        ("With 10,000 people fleeing and 4,200 crossing into Thailand.", ["people", "people"]),
        # a substantive adjective counts people; a comparative counts nothing
        ("We had 150,000 displaced persons and almost 100 dead.", ["displaced persons", "dead"]),
        ("Prices are more than 80 per cent higher than last year.", [None]),
        # coordination: a singular before "and" modifies the last conjunct's noun
        ("The parliament counts 68 girl and 62 boy deputies.", ["boy deputies"] * 2),
        ("It set up 14 State and regional legislative bodies.", ["regional legislative bodies"]),
        ("It sent 20,000 troops, police officers and civilian staff.", ["troops"]),
        # a part of a whole counts the whole's noun
        ("There remained 45 of our 450 doctors.", ["doctors", "doctors"]),
        ("Hosts of 106 Asian and African countries, many of them small.", ["African countries"]),
        ("We reached agreements with 17 out of 18 armed groups.", ["armed groups"]),
        # a verb in -s after a singular noun ends the phrase; "gross" and "gas" are no verbs
        ("Some 48 per cent of our country remains virgin jungle.", ["country"]),
        (
            "It would take 0.1 per cent of global gross domestic product.",
            ["global gross domestic product"],
        ),
        ("All 10 ASEAN member States agreed to it.", ["ASEAN member States"]),
        ("After 15 years’ absence I return.", ["years"]),
        ("Vaccinations stand at more than 500,000 doses daily.", ["doses"]),
        ("The rise in its membership from 51 in 1945 to 193 today.", ["membership", "membership"]),
        # a participle before a noun modifies it; a plural after a plural names one thing
        ("Of the rest, 12 major developing countries take most.", ["major developing countries"]),
        ("The number of States parties has now increased to 63.", ["States parties"]),
        ("The record of the past 30 years shows clearly that it works.", ["years"]),
        # a participle with its agent ends the phrase; "worth" is not what money counts
        ("Few reached the 70 per cent vaccination target set by WHO.", ["vaccination target"]),
        ("A full 80 per cent of world trade travels by sea.", ["world trade"]),
        ("Police seized $1.1 billion worth of drugs.", [None]),
        ("Up to 30 per cent of plant and animal species are at risk.", ["animal species"]),
        ("It adds $6 billion concessional and flexible financing.", [None]),
        ("It reached 59 per cent of the 42,036 Government units.", ["Government units"] * 2),
        ("We aim at 50 per cent of the total amount of electricity generated.", ["electricity"]),
        (
            "It took 5 per cent of the total net long-term private capital flows.",
            ["total net long-term private capital flows"],
        ),
    ],
)
def test_what_a_figure_counts(sentence, counts) -> None:
    assert [f.counts for f in find_figures(sentence)] == counts


@pytest.mark.parametrize(
    "sentence",
    [
        "Our priorities are: (1) facilitating trade; (2) rebooting connectivity.",
        "Paragraph 5 calls for self-restraint by all parties.",
        "Progress on under age 5 mortality has been uneven.",
        "As the Chair of the Group of 77 two years ago, Thailand led the talks.",
        "A 13-year-old boy was detained in the raid.",
        "Chins killed in ၁၁ months were counted by the network.",
        "An 850-strong battalion was sent to the mission.",
        "14 Singapore also supports the New Agenda for Peace.",
        "The talks between Chairman Kim Jong 11 of the Commission went well.",
        "We are implementing the Thailand 4.0 programme.",
        "Child mortality is at 8.6 per 1,000 live births for children under 5.",
        "Little has been achieved on Agenda 21 and Goals 5 and 17, serves as a base.",
        "Indonesia is the latest annex 2 State to ratify the Treaty.",
        "Malaria cases fell to one in 1,000 people by 2012.",
        "We must keep to the internationally agreed threshold of 1°5C.",
        "Leaders of the Developing 8 Countries met in Kuala Lumpur.",
    ],
)
def test_list_numbers_ages_names_and_other_scripts_are_not_figures(sentence) -> None:
    assert [f for f in find_figures(sentence) if f.counts not in (None,)] == []


def test_dates_absolute_partial_and_relative_to_document() -> None:
    got = find_dates("The coup of 1 February, 2021 and the summit in February 2021.")
    assert [(d.text, d.date) for d in got] == [
        ("1 February, 2021", "2021-02-01"),
        ("February 2021", "2021-02"),
    ]
    rel = find_dates(
        "The two sides held talks on Monday (December 22) in Kuala Lumpur.", "2025-12-23"
    )
    assert [d.date for d in rel] == ["2025-12-22"]
    jan = find_dates("Sophea attended the retreat on Jan. 29 in Luang Prabang.", "2024-01")
    assert [d.date for d in jan] == ["2024-01-29"]


def test_day_without_year_needs_a_dated_document() -> None:
    assert find_dates("They met on 7 January in Naypyidaw.") == []
    assert find_dates("It may be that talks resume.") == []


def test_keywords_dedup_by_levenshtein_and_keep_digits() -> None:
    text = (
        "The Mekong River Commission met. The Mekong River Commission discussed dams on the "
        "Mekong River. COVID-19 slowed the Mekong River Commission. COVID-19 cases rose. "
        "The Five-Point Consensus on Myanmar stalled; the Five-Point Consensus was said to "
        "fail. "
    ) * 3
    kws = [k.text for k in keywords(text, top=8)]
    assert "Mekong River Commission" in kws
    assert "River Commission" not in kws
    assert any("COVID-19" in k for k in kws)
    assert not any(k.lower() == "said" for k in kws)


def test_keywords_are_whole_names_and_not_pieces_of_clauses() -> None:
    from briefs.extract.keywords import _clause, _whole_name

    text = (
        "Daw Aung San Suu Kyi was sentenced again. Supporters of Aung San Suu Kyi protested. "
        "Then Prime Minister Hun Sen flew to Naypyidaw, and Prime Minister Hun Sen met the junta. "
    )
    assert _whole_name("Aung San Suu", text) == "Aung San Suu Kyi"
    assert _whole_name("Minister Hun Sen", text) == "Prime Minister Hun Sen"
    assert _whole_name("junta", text) == "junta"
    # A name's possessive is the same name: a WikinewsSum China brief had the keyword
    # "Prime Minister Junichiro" where the text says "Junichiro Koizumi" and "Koizumi's".
    koizumi = (
        "Prime Minister Junichiro Koizumi expressed hope. Prime Minister Junichiro Koizumi's "
        "attitude toward China drew protests."
    )
    assert _whole_name("Prime Minister Junichiro", koizumi) == "Prime Minister Junichiro Koizumi"
    assert _clause("attending high-level ASEAN") and _clause("Cambodia views ASEAN")
    assert not _clause("ASEAN Foreign Ministers") and not _clause("high-level ASEAN meetings")


def test_sentence_filter_and_trim() -> None:
    assert trim("But the ceasefire held for a week along the border.") == (
        "The ceasefire held for a week along the border."
    )
    assert not stands_alone("He also said that talks would resume in Chanthaburi next week.")
    assert not stands_alone("Photo by TANG CHHIN SOTHY / AFP taken at the meeting in Laos.")
    assert not stands_alone("and then the delegates left the meeting without any agreement.")
    # "In addition" leans on the sentence before it as "Additionally" does.
    assert not stands_alone("In addition, the bulletin specifies reporting deviations to Boeing.")
    # A headline, its byline and the lead run together by a page's export.
    assert not stands_alone(
        "Air Force punishes Boeing by taking 7 contracts By Edward Iwata, USA TODAY Handing "
        "down some of the harshest penalties ever against a defense contractor."
    )
    # A timeline box beside a WikinewsSum story on Pinochet, its entries run together; the
    # same facts told in a sentence stand.
    assert not stands_alone(
        "PINOCHET TRIAL TIMELINE October 1998: Police in UK arrest Pinochet on Spanish "
        "warrant; long legal battle over fitness for trial March 2000: Deemed unfit for trial."
    )
    assert stands_alone(
        "In October 1998 police in the UK arrested Pinochet, and in March 2000 he was deemed "
        "unfit for trial."
    )
    # A name and title line: "program" after one name is a noun, not its verb.
    assert not stands_alone(
        "Col. James Planeaux, Delta IV program manager, Space and Missile Systems Center, "
        "Los Angeles Air Force Base, California."
    )
    assert stands_alone("Officials in Bangkok want the talks on the border to resume soon.")
    assert stands_alone("People need the tools to build a better life in the border provinces.")
    assert stands_alone("Hun Sen and Prayut Chan-o-cha agree to meet on the border next week.")
    # "As a result" says what followed from the sentence before it, which the reader lacks.
    assert not stands_alone("As a result, the whole society had lost every chance of development.")
    assert stands_alone(
        "Thailand and Cambodia have agreed to meet again this week to discuss a ceasefire."
    )


def test_speaker_and_recommendation() -> None:
    s = (
        "In his opening speech, Malaysian Foreign Minister Mohamad Hasan said ASEAN should "
        "take all necessary measures."
    )
    assert speaker(s) == "Malaysian Foreign Minister Mohamad Hasan"
    assert recommends(s)
    assert (
        speaker(
            "Dr. Lynn Wei-Ling, Director of the ASEAN Studies Centre in Singapore, said "
            "talks should be gradual."
        )
        == "Dr. Lynn Wei-Ling"
    )
    assert not recommends("The talks were held on Monday in Kuala Lumpur.")
    # "need" after an article or an adjective is the noun: a need described, not urged.
    assert not recommends("The leadership says these create an urgent need to renew the fleet.")
    assert recommends("Countries need to cooperate on the haze before the dry season.")
    # Describing, not recommending: an indirect question, a past "did not need to", a name
    # and a compound noun that hold a recommending word.
    assert not recommends("She was reviewing whether Boeing should get the contract.")
    # "that" after a reporting verb opens what was said: a recommendation reported.
    assert recommends("The minister said that ASEAN must act now on the crisis.")
    assert not recommends("Myanmar is aware of the many obstacles that must be overcome.")
    assert not recommends(
        "Boeing also suggested where he ought to send it and provided him the e-mail address."
    )
    assert not recommends("Someone concluded that the e-mails did not need to be produced.")
    assert not recommends('"Both failed," said Dan Hess of Merchant Forecast, a research firm.')
    assert not recommends("The rocket will launch a missile-warning satellite on Friday.")
    assert not recommends("Helicopters fired rockets at villagers without warning.")
    assert recommends("Cuba had warned the U.S. Interest Section to remove the decorations.")
    assert recommends("The beef deal alone is expected to be worth $600m a year for Brazil.")
    # What a form or a rule requires is no recommendation; what an actor is urged to do is.
    assert not recommends("Dual-resident taxpayers who claim treaty benefits must file Form 8833.")
    assert not recommends("Applications must be submitted by 30 June.")
    assert not recommends("The capital account and the current account must always match up.")
    assert recommends("The two sides must balance their demands against the public's safety.")
    assert recommends("The parties must sign the peace agreement without delay.")
    assert recommends("The government must file charges against the officers responsible.")
    # Seen in the outlook of a United States brief over real pages: a question a verb asks,
    # however far its question word is from the modal; a judgment of the past; an e-mail's
    # outburst. A pseudo-cleft puts what to do first, and still recommends.
    assert not recommends(
        "He is sending Colin Powell to areas ravaged by the tsunami to assess what more the "
        "United States needs to do."
    )
    assert not recommends("The ministers will decide whether ASEAN should send an envoy.")
    assert not recommends(
        "The inspectors concluded that the document was not tailored, as it should have been, "
        "to the requirements of the warfighter."
    )
    assert not recommends("Boeing won't accept such a dumb contract, and Wynne needs to pay!")
    assert recommends("The government should have acted sooner, and it must now compensate them.")
    assert recommends("The region needs to have early warning systems in place.")
    assert recommends("What ASEAN must do is engage the junta and the resistance alike.")
    assert not recommends("Should cost be higher, Boeing bears the risk.")
    assert not recommends("I must however ask: where is the accountability in all of this?")
    assert recommends("Should the talks fail, ASEAN must suspend Myanmar's membership.")
    assert recommends("Leaders must tell the junta that the violence has to stop.")
    # Begun inside a quotation the sentence before opened (TeX-style quotes of a plain text).
    assert not stands_alone(
        "Roche'' as follows: now a problem on tankers, and Boeing needs to do more on this."
    )
    # A mail's header written out in a paragraph is a record, not a sentence.
    assert not stands_alone(
        "USAF e-mails on the lease From: James Roche To: William Bodie Date: August 07, 2002 "
        "Subject: FW: Crosby Finds a Home at EADS Well, well."
    )


def test_an_event_named_by_its_date_is_not_placed_in_the_documents_year() -> None:
    # A magazine of June 2022 means the coup of 2021; only the sentence could say so.
    assert find_dates("Days after the coup of 1 February, talks stalled.", "2022-06") == []
    assert find_dates("Since the 11 September attacks, much has changed.", "2003") == []
    # A report dated to the day places such a date, as it does any other.
    (d,) = find_dates("The attack of 20 December killed nine.", "2025-12-23")
    assert d.date == "2025-12-20"
    # A date that says when something happened is placed.
    (d,) = find_dates("The Convention adjourned on 9 July.", "2004")
    assert d.date == "2004-07-09"


def test_a_day_and_month_with_last_this_or_next_year() -> None:
    (d,) = find_dates("The tsunami struck on 26 December last year.", "2005")
    assert d.date == "2004-12-26"
    (d,) = find_dates("The Convention reconvened on 17 May of this year.", "2004")
    assert d.date == "2004-05-17"


def test_a_day_and_month_take_the_year_the_document_gives_them() -> None:
    document = "After 11 September 2001, the world rallied.\n\nSince 11 September, much changed."
    (d,) = find_dates("Since 11 September, much changed.", "2002", document)
    assert d.date == "2001-09-11"
    (d,) = find_dates("The events of 11 September changed much.", "2003", document)
    assert d.date == "2001-09-11"  # an event named by its date, placed by the document
    (d,) = find_dates("We met again on 23 September.", "2002", document)
    assert d.date == "2002-09-23"  # nothing said of this day: the document's year
    two_years = document + " And on 11 September 2002 we met."
    (d,) = find_dates("Since 11 September, much changed.", "2002", two_years)
    assert d.date == "2002-09-11"  # two years given for the day: the document's year


def test_a_day_range_gives_its_first_day() -> None:
    (d,) = find_dates("The meeting is being held from 16 to 18 September.", "2002")
    assert (d.text, d.date) == ("16 to 18 September", "2002-09-16")
    (d,) = find_dates("Talks ran from 3 to 5 March 2021 in Bangkok.")
    assert (d.text, d.date) == ("3 to 5 March 2021", "2021-03-03")
    (d,) = find_dates("The summit meets on 20 and 21 November 2007 in Vientiane.")
    assert (d.text, d.date) == ("20 and 21 November 2007", "2007-11-20")


def test_a_month_range_gives_both_months() -> None:
    got = find_dates("Chins killed in 11 Months (February-December, 2021) by the army.")
    assert [(d.text, d.date) for d in got] == [
        ("February", "2021-02"),
        ("December, 2021", "2021-12"),
    ]


def test_what_happened_to_what_is_counted() -> None:
    found = find_figures(
        "Security forces have killed at least 1,600 people and detained more than 12,500, "
        "and 525,000 people displaced remain in camps."
    )
    assert [(f.counts, f.event) for f in found] == [
        ("people", "kill"),
        ("people", "detain"),
        ("people", "displace"),
    ]


def test_what_happened_past_an_aside_an_auxiliary_or_in_a_noun() -> None:
    """Seen in the seeds' Myanmar brief: four tolls whose verb was not beside the number were
    listed as counts of people, and two massacres in one week looked like two sources
    disagreeing on one count."""

    def told(sentence: str) -> list[tuple[str, str | None]]:
        return [(f.text, f.event) for f in find_figures(sentence)]

    assert told("Since the coup, 2.5 million people have been internally displaced.") == [
        ("2.5 million people", "displace")
    ]
    # The gravest of several things that happened to the same people.
    assert told(
        "In Matupi, 11 civilians, including a 13-year-old boy and an editor, were arbitrarily "
        "detained, beaten and killed by junta troops."
    ) == [("11 civilians", "kill")]
    assert told(
        "In Done Taw, 11 villagers were abducted, beaten to the brink of death, then burned alive."
    ) == [("11 villagers", "kill")]
    assert told("They abducted 12 villagers, who were beaten and released.") == [
        ("12 villagers", "abduct")
    ]
    assert told("It was the worst since the massacre of 11 people in Done Taw.") == [
        ("11 people", "kill")
    ]
    assert told("The evacuation of 3,000 residents began at dawn.") == [
        ("3,000 residents", "evacuate")
    ]
    assert told("Troops burned the bodies of 35 people.") == [("35 people", "die")]
    assert told("The governing bodies of 20 countries met.") == [("20 countries", None)]
    # A hedge says how sure, the participle after it what happened; alone it says nothing.
    assert told("That day 10 people were reported killed.") == [("10 people", "kill")]
    assert told("Some 7 deaths were reported.") == [("7 deaths", None)]
    # The present passive tells a state, and an expectation tells nothing yet.
    assert told("Some 5,000 workers are employed in the zone.") == [("5,000 workers", None)]
    assert told("Some 200 delegates were expected to attend.") == [("200 delegates", None)]
    # The number of a group is no event of it.
    assert told("The release of 2024 data on 30 schools is due.")[-1][1] is None
    # The active perfect tells what befell or moved the counted people, past where they are
    # from (Myanmar's 2019 UN speech); where they are its doers, it tells nothing of them.
    assert told(
        "Some 300 people from camps in Cox's Bazar have returned of their own volition."
    ) == [("300 people", "return")]
    assert told("At least 40 people have died in the floods.") == [("40 people", "die")]
    assert told("The diverse 53 million people have endured civil war.") == [
        ("53 million people", None)
    ]
    assert told("Some 20 countries have signed the accord.") == [("20 countries", None)]


def test_two_sources_on_one_measure_are_marked_as_differing() -> None:
    from briefs.compose import _differs, measure_of
    from briefs.model import Figure

    def fig(text, value, counts, event, source):
        measure = measure_of(counts, None, event)
        return Figure(
            text, value, None, None, None, counts, measure, None, source, text, event=event
        )

    marked = _differs(
        [
            fig("20 civilian deaths", 20, "civilian deaths", None, "#1"),
            fig("16 civilian deaths", 16, "civilian deaths", None, "#2"),
            fig("18 civilian deaths", 18, "civilian deaths", None, "#1"),
            fig("53 million people", 53e6, "people", None, "#3"),
            fig("11 people", 11, "people", None, "#4"),
            fig("1,600 people", 1600, "people", "kill", "#3"),
            fig("1,500 people", 1500, "people", "kill", "#4"),
            fig("6 years", 6, "years", None, "#3"),
            fig("more than 20 years", 20, "years", None, "#4"),
            # Ten times apart: a massacre in one village, not the toll since the coup.
            fig("11 people", 11, "people", "kill", "#5"),
        ]
    )
    assert [f.differs_from for f in marked] == [[1], [0, 2], [1], [], [], [6], [5], [], [], []]
    # One company buying another: the story's "deal" and another's "merger" are one sum, and
    # one said to be unveiled still tells the same deal.
    deal = Figure("$11.5 billion deal", 11.5e9, None, None, "$", "deal", None, None, "#1", "")
    merger = Figure("$11 billion merger", 11e9, None, None, "$", "merger", None, None, "#2", "")
    deal = dataclasses.replace(deal, measure=measure_of("deal", "$", "unveil"), event="unveil")
    merger = dataclasses.replace(merger, measure=measure_of("merger", "$"))
    assert [f.differs_from for f in _differs([deal, merger])] == [[1], [0]]


def test_a_number_the_document_names_a_model_with_counts_nothing() -> None:
    from briefs.compose.figures import figures_of
    from briefs.extract.figures import designations
    from briefs.model import Document, Passage
    from briefs.retrieve import Scope

    # A variant shorter than the number is no range's upper end: "300-400 families" names nothing.
    assert designations("a Boeing Model 737–8 airplane, the Boeing 787-9 fleet") == {737.0, 787.0}
    assert designations("the plant, Around 300-400 families and Between 10-20 boats") == set()
    paragraphs = (
        "On March 10, 2019, a Boeing Model 737–8 airplane crashed, resulting in 157 fatalities.",
        "This proposed AD would apply to the 737 MAX airplanes identified in the bulletin.",
    )
    doc = Document(path="fr.pdf", title="Proposed Rules", paragraphs=paragraphs, date="2020-08-06")
    passages = [Passage(doc_id=1, seq=i, text=t) for i, t in enumerate(paragraphs)]
    scope = Scope(country=None, topic="737 MAX", since=None, until=None)
    found = [f.text for f in figures_of(passages, {1: doc}, 5, scope)]
    assert found == ["157 fatalities"]


@pytest.mark.parametrize(
    "sentence",
    [
        # A regulation's applicability clause: participles, no finite verb.
        "Model 737–8 and 737–9 airplanes, certificated in any category, as identified in Boeing "
        "Special Attention Service Bulletin 737–31–1860, dated June 12, 2020.",
        # Reference-book fields, written out as one line.
        "Religions Buddhist (official) 97.1%, Muslim 2%, Christian 0.3%, other 0.5% (2019 est.)",
        "number of seats: 125 (all directly elected) electoral system: plurality/majority term "
        "in office: 5 years",
        # A fragment of a hard-wrapped line, and an address.
        "Secretary-General for his leadership and steadfastness in the process.",
        "AGENCY: Federal Aviation Administration (FAA), Department of Transportation (DOT).",
        # Speaker's formalities in the imperative.
        "Allow me to turn to developments in my country.",
    ],
)
def test_a_sentence_without_a_finite_verb_states_nothing(sentence) -> None:
    from briefs.extract.clauses import states_something

    assert not states_something(sentence)
    assert not stands_alone(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The representatives of Thailand and Cambodia held talks on Monday.",
        "Troops killed 12 villagers near the border.",
        "The capacity among countries in tackling COVID-19, including in vaccinations, differs.",
        "Indonesia, along with other developing countries, embrace quality investments.",
        "Now the rich want us to balance the trade and to buy more of their goods.",
        "The implementation of resolution 2334 (2016), adopted on 23 December 2016, remains a "
        "challenge.",
        "Cambodia has deployed nearly 10,000 peacekeepers across UN missions since 2006.",
        "Most Cambodians consider themselves to be Khmers, descendants of the Angkor Empire.",
    ],
)
def test_a_sentence_with_a_finite_verb_states_something(sentence) -> None:
    from briefs.extract.clauses import states_something

    assert states_something(sentence)


def test_an_ordinal_cut_from_its_noun_is_no_keyword() -> None:
    from briefs.extract.keywords import noun_phrase

    assert not noun_phrase("10th and 13th")
    assert not noun_phrase("late 18th")
    assert not noun_phrase("includes Malay")
    from briefs.extract.keywords import _whole_name

    text = "Lan Xang ruled the north. Lan Na fell to Burma. The Lan Xang court moved."
    assert _whole_name("Lan", text) == ""  # only ever the start of two longer names
    said = "by Secretary of State Antony Blinken. Later Secretary of State Antony Blinken said"
    assert _whole_name("State Antony Blinken", said) == "Secretary of State Antony Blinken"
    assert noun_phrase("Angkor Empire")
    assert noun_phrase("military junta")


def test_key_figures_are_claims_of_sentences_and_never_spans_of_time_or_targets() -> None:
    from briefs.compose.figures import figures_of
    from briefs.model import Document, Passage
    from briefs.retrieve import Scope

    paragraphs = (
        # a record written out: its numbers are no sentence's claim
        "number of seats: 125 (all directly elected) percent of women in chamber: 13.6% "
        "expected date of next election: July 2028",
        # how long something lasted is no key figure
        "The fighting lasted 16 days and displaced 525,000 people in December 2025.",
        # a target date is not the date a figure refers to
        "The government plans to resettle 40,000 families by March 2027.",
        "For 300 years, Lan Xang had influence reaching into present-day Cambodia.",
    )
    doc = Document(path="a.md", title="Cambodia", paragraphs=paragraphs, date="2026-01-02")
    passages = [Passage(doc_id=1, seq=i, text=t) for i, t in enumerate(paragraphs)]
    scope = Scope(country=None, topic="Cambodia", since=None, until=None)
    found = {f.text: f.as_of for f in figures_of(passages, {1: doc}, 8, scope)}
    assert found == {"525,000 people": "2025-12", "40,000 families": None}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Only call NHS 111 if you cannot cope with your symptoms at home.", True),
        ("Please read our privacy policy carefully before you go on.", True),
        ("Click here to subscribe to our newsletter for the latest news.", True),
        ("Only two people survived the crash on the road on Monday night.", False),
        ("Never before had the junta allowed an envoy to visit the prison.", False),
        ("Contact tracing has been expanded to all provinces, officials said.", False),
        ("For further information, please see our press release on the new office.", True),
        ("The minister said she was pleased to see the talks resume in Bangkok.", False),
        # A form's instruction after the case it applies to (an IRS form's instructions).
        (
            "Residents of Canada or Mexico entering and leaving the United States at frequent "
            "intervals, give name of country only.",
            True,
        ),
        ("If married filing jointly, enter the amount from line 5 of the worksheet.", True),
        # An aside between two commas, and a list of the subject's verbs: no instruction.
        ("Indonesia, with other developing countries, provide support to the fund.", False),
        ("We will build schools, provide clinics and train teachers in every province.", False),
    ],
)
def test_advice_to_the_reader_is_no_finding(sentence, expected) -> None:
    from briefs.extract.clauses import instructs

    assert instructs(sentence) is expected
    assert stands_alone(sentence) is not expected


def test_a_double_hyphen_ends_what_a_number_counts() -> None:
    found = find_figures(
        "Although relations amongst its diverse population--there are more than 300 ethnic "
        "groups--have been harmonious, there have been areas of violence."
    )
    assert [(f.text, f.counts) for f in found] == [("more than 300 ethnic groups", "ethnic groups")]


def test_a_word_an_adverb_qualifies_is_not_what_is_counted() -> None:
    # A Factbook note: "with over 75 historically active; significant …" names no thing.
    assert find_figures("Indonesia has the most volcanoes, with over 75 historically active.") == []
    (found,) = find_figures("At least 10,000 internally displaced people fled the fighting.")
    assert found.counts == "internally displaced people"


def test_a_makers_model_number_is_no_count() -> None:
    """ "Boeing 767 aircraft" and "the 767s" name a model; "300 troops" after a name counts."""
    found = find_figures(
        "The Air Force would lease 100 planes from Boeing Co. and modify the 767s, and buy "
        "Boeing 767 aircraft later; Thailand sent 300 troops."
    )
    assert [(f.value, f.counts) for f in found] == [(100.0, "planes"), (300.0, "troops")]


def test_notices_to_the_reader_and_the_writers_asides() -> None:
    """A sentence addressing the reader as "you" outside a quotation is a notice, not a
    finding; a quoted "you" is a speaker's. Between two sentences telling the same thing, key
    points take the reporting over the writer's "I"."""
    from briefs import salience

    assert not stands_alone(
        "In the event of Heathrow Express not running, you will need to use other rail services."
    )
    assert stands_alone("“You cannot buy peace,” the minister told reporters in Phnom Penh.")
    aside = "I know the border talks in Chanthaburi were delayed again after the shelling."
    report = (
        "The border talks in Chanthaburi were delayed again after the shelling, officials said."
    )
    other = "Talks on the border in Chanthaburi were delayed again after shelling."
    pool = [salience.Candidate(i, i, 0, s) for i, s in enumerate([aside, report, other])]
    assert salience.rank(pool, 1)[0].text != aside


def test_a_weekday_is_no_keyword_and_an_ampersand_name_is_whole() -> None:
    from briefs.extract.keywords import keywords, noun_phrase

    assert not noun_phrase("Friday")
    text = (
        "Cambodia's King Norodom Sihanouk offered on Saturday to host talks between AT&T-style "
        "rivals in Beijing. The AT&T-style rivals met in Beijing on Sunday. King Norodom "
        "Sihanouk spoke again on Friday."
    )
    found = [k.text for k in keywords(text)]
    assert "AT&T-style rivals" in found
    assert not {"T-style rivals", "Friday", "Sunday", "Saturday"} & set(found)


def _leads(*sentences: str) -> str:
    """Which of ``sentences``, one source each, the key points take first."""
    from briefs import salience

    pool = [salience.Candidate(i, i, 0, s) for i, s in enumerate(sentences)]
    return salience.rank(pool, 1)[0].text


def test_a_view_given_to_analysts_yields_to_the_report() -> None:
    """ "Analysis suggests…" and "Analysts say…" give a view; key points take the report of
    what happened first, even when the view covers more of the story's words."""
    view = (
        "Analysis suggests Thailand and Cambodia held border talks on Monday in Kuala Lumpur in "
        "good faith."
    )
    report = "Thailand and Cambodia held border talks on Monday in Kuala Lumpur, officials said."
    echo = "The border talks between Thailand and Cambodia were held in Kuala Lumpur."
    assert _leads(view, report, echo) != view


def test_a_reports_method_yields_to_its_findings() -> None:
    """Seen in a United States brief over US statistical reports (ICDAR 2013): "Various
    economic variables are used in the forecasting models …" was a key point. How a report
    was made counts as a view does: its finding on the same facts leads."""
    from briefs import salience

    method = (
        "Various economic variables are used in the forecasting models for numbers of "
        "teachers, school expenditures and postsecondary enrollment."
    )
    finding = "Postsecondary enrollment and numbers of teachers rose, the forecasting models show."
    echo = "The numbers of teachers and postsecondary enrollment kept rising."
    assert _leads(method, finding, echo) == finding
    assert salience.METHOD.search("Estimates were based on census figures.")
    assert not salience.METHOD.search("Police used tear gas to disperse the protest.")


def test_a_pointer_to_the_reports_own_parts_is_about_itself() -> None:
    from briefs.compose import _ABOUT_ITSELF

    assert _ABOUT_ITSELF.search("Mean errors of selected statistics can be found in table A-2.")
    assert _ABOUT_ITSELF.search("Segregation will be included in a future report in 2011.")
    assert not _ABOUT_ITSELF.search("The bodies were found in a field near the border.")
    # A speaker telling of their own speaking, not a reporter's interview.
    assert _ABOUT_ITSELF.search(
        "Mr. President, yesterday I spoke on the Senate floor regarding the tanker lease."
    )
    assert _ABOUT_ITSELF.search("I rise today to discuss the Air Force tanker lease.")
    assert not _ABOUT_ITSELF.search("I spoke with the minister, who said 30 people died.")
    assert not _ABOUT_ITSELF.search("As I said, Cambodia will hold elections in July.")


def test_keyword_fragments_of_clauses_times_and_descriptions() -> None:
    """Seen in a Vietnam brief over the Factbook profile: "history included periods" (a
    subject, its verb, its object), "18th century" (when, not what) and "successful South
    Vietnamese" (cut before its noun) are no keywords; "internally displaced people" is."""
    from briefs.extract.keywords import _clause, noun_phrase

    def keyword(p: str) -> bool:
        return noun_phrase(p) and not _clause(p)

    assert not keyword("history included periods")
    assert not keyword("18th century")
    assert not keyword("mid-13th century")
    assert not keyword("successful South Vietnamese")
    assert keyword("internally displaced people")
    assert keyword("Khmer Rouge armed forces")
    assert not keyword("Cambodia fully supports")
    # A subject and its verb ("were affected"); a quantity, not a subject.
    assert not keyword("refugees were affected")
    assert not keyword("states reported enrollment counts")
    assert keyword("armed forces") and keyword("displaced people") and keyword("rising prices")
    assert not keyword("attending high-level ASEAN")
    assert not keyword("million people")
    assert not keyword("thousands of refugees")
    assert keyword("political will")


def test_an_advocacy_groups_sentence_weighs_as_a_view() -> None:
    """The caller marks an advocacy group's sentences as views: beside a report of the same
    facts, the report leads."""
    from briefs import salience

    text = "Hun Sen travelled to Naypyidaw on 7 January to meet the junta leader."
    pool = [
        salience.Candidate(0, 0, 0, text, view=True),
        salience.Candidate(1, 1, 0, text),
        salience.Candidate(2, 2, 0, "Hun Sen met the junta leader in Naypyidaw."),
    ]
    assert salience.rank(pool, 1)[0].key == 1
    pool[0] = salience.Candidate(0, 0, 0, text)
    assert salience.rank(pool, 1)[0].key == 0


def test_a_theme_heading_is_made_of_whole_words() -> None:
    """ "anti-communist South" gives no "Communist South", and a preposition opening a
    sentence ("Until communist forces…") is no heading's word."""
    from briefs.compose.themes import theme_heading

    quotes = [
        "Vietnam was divided into the anti-communist South and a northern state.",
        "Until communist forces won in 1975, the war went on.",
    ]
    assert theme_heading("communist", quotes) == "Communist forces"
    assert theme_heading(
        "junta", ["The military junta arrested many.", "The military junta said so."]
    ) == ("Military junta")
    # A quantifier cut from its phrase heads nothing (ICDAR's enrolment tables: "two or more
    # races" made a theme "More races").
    races = [
        "Prior to 2008, two or more races was not an available category.",
        "Five states reported enrollment counts for students of two or more races.",
    ]
    assert theme_heading("races", races) is None


def test_one_fact_from_several_sources_is_one_row_with_its_corroboration() -> None:
    """Four pages say Maathai's movement planted 30 million trees: one row, the others'
    sentences as corroboration; a range (20-30 million) stays its own row and differs; the
    same number of people killed and injured are two facts."""
    from briefs.compose.figures import figures_of
    from briefs.model import Document, Passage
    from briefs.retrieve import Scope

    texts = {
        1: "The Green Belt Movement has planted 30 million trees across Kenya since 1977.",
        2: "She mobilized poor women to plant 30 million trees, the committee said on Friday.",
        3: "Her movement has planted 20-30 million trees in Africa to slow the deserts.",
        4: "A bomb in the market killed 30 people and the blast injured 30 people nearby.",
    }
    docs = {d: Document(path=f"{d}.txt", title="t", paragraphs=(t,)) for d, t in texts.items()}
    passages = [Passage(doc_id=d, seq=0, text=t) for d, t in texts.items()]
    found = figures_of(passages, docs, 8, Scope(None, "trees", None, None))
    rows = {(f.text, f.source, tuple(c.source for c in f.also)) for f in found}
    assert ("30 million trees", "#1", ("#2",)) in rows
    assert ("20-30 million trees", "#3", ()) in rows
    people = [f for f in found if f.counts == "people"]
    assert len(people) == 2 and all(not f.also for f in people)


def test_a_run_on_sentence_and_a_heading_run_into_a_sentence() -> None:
    from briefs.extract.sentences import split

    assert split(
        "It fought degradation.In 1977, Maathai founded the movement.GBM grew. See Amazon.com."
    ) == [
        "It fought degradation.",
        "In 1977, Maathai founded the movement.",
        "GBM grew.",
        "See Amazon.com.",
    ]
    glued = (
        "Norwegian THE NORWEGIAN NOBEL COMMITTEE The Nobel Peace Prize 2004 The Norwegian "
        "Nobel Committee has decided to award the prize to Wangari Maathai."
    )
    assert (
        trim(glued)
        == "The Norwegian Nobel Committee has decided to award the prize to Wangari Maathai."
    )
    named = "Prime Minister Hun Sen of Cambodia said on Monday that the talks would go on."
    assert trim(named) == named
    release = "December 27, 2004 Over the past week, several efforts were made to find the images."
    assert trim(release) == "Over the past week, several efforts were made to find the images."
    told = "March 3, 2004 was the day the talks collapsed in the capital, officials said later."
    assert trim(told) == told


def test_keywords_as_the_text_writes_them() -> None:
    """A possessive YAKE dropped is put back inside a name, never at its end; a phrase cut
    before its head noun gets it; a heading run into a sentence gives no keyword."""
    text = (
        "Maathai opposed Moi's Kenya Africa National Union for years. Moi's Kenya Africa "
        "National Union lost power in 2002. Kenya's deputy environment minister won the "
        "prize. Kenya's deputy environment minister is Maathai. THE NOBEL COMMITTEE The "
        "Nobel prize went to Kenya's deputy environment minister on Friday. "
    ) * 3
    found = [k.text for k in keywords(text)]
    assert "Kenya's deputy environment minister" in found, found
    assert not any(k.endswith(("The", "’s", "'s")) or " The " in k for k in found), found
    assert not any("Moi Kenya" in k for k in found), found
    from briefs.extract.keywords import noun_phrase

    assert not noun_phrase("British Medical Journal last") and noun_phrase("last mile")


def test_model_names_versions_and_words_run_together_count_nothing() -> None:
    from briefs.compose.figures import figures_of
    from briefs.model import Document, Passage
    from briefs.retrieve import Scope

    paragraphs = (
        "The Air Force wants to lease the Boeing 767 for its refuelling fleet this decade.",
        "The lease covers 100 tankers, and the 767 aircraft would replace older planes.",
        "Developers said the upcoming 1.0 release of the browser fixed 20 security flaws.",
        "The fund received 350 milliondollars from donors, the ministry said on Monday.",
    )
    doc = Document(path="a.txt", title="Tankers", paragraphs=paragraphs)
    passages = [Passage(doc_id=1, seq=i, text=t) for i, t in enumerate(paragraphs)]
    found = {f.text for f in figures_of(passages, {1: doc}, 8, Scope(None, "tankers", None, None))}
    assert "100 tankers" in found and "20 security flaws" in found
    assert not found & {"767 aircraft", "1.0 release", "350 milliondollars"}, found


def test_a_sentence_cut_at_a_title_and_a_heading_with_its_verb() -> None:
    from briefs.compose.themes import theme_heading

    assert not stands_alone("In this e-mail stream beginning on May 9, 2003, the lobbyist and Ms.")
    quotes = [
        "Maathai stands at the front of the fight for the forests of Kenya.",
        "Maathai stands for the women who planted the trees across the country.",
        "Wangari Maathai founded the movement in 1977 with a few hundred women.",
    ]
    assert theme_heading("Maathai", quotes) == "Wangari Maathai"


def test_a_row_of_shares_states_nothing_and_a_time_grown_is_no_keyword() -> None:
    from briefs.extract.clauses import states_something

    row = (
        "Thai (official) only 90.7%, Thai and other languages 6.4%, only other languages "
        "2.9% (includes Malay, Burmese); English is a secondary language among the elite."
    )
    assert not states_something(row)
    assert states_something("Labour won 35%, the Conservatives 32% and the Liberals 18%.")
    text = (
        "Thai kingdoms emerged in the mid-13th century. The Sukhothai Kingdom grew in the "
        "mid-13th century and the mid-13th century saw the Lan Na kingdom rise. "
    ) * 3
    assert not any("century" in k.text for k in keywords(text))


@pytest.mark.parametrize(
    "sentence, text, value, unit",
    [
        ("The company reported a net loss of 150 mln dlrs in 1986.", "150 mln dlrs", 150e6, "$"),
        ("Inflation rose 4.2 pct in January from a year earlier.", "4.2 pct", 4.2, "%"),
        ("Profits fell to 12.5 mln stg from a year earlier.", "12.5 mln stg", 12.5e6, "£"),
        ("Japan's surplus was 8.1 bln dlrs, the ministry said.", "8.1 bln dlrs", 8.1e9, "$"),
        (
            "The ministry expects exports of 4.5 mln tonnes this year.",
            "4.5 mln tonnes",
            4.5e6,
            "tonnes",
        ),
    ],
)
def test_wire_abbreviations_are_read_as_a_reader_reads_them(sentence, text, value, unit) -> None:
    (f,) = [f for f in find_figures(sentence) if f.text == text]
    assert (f.value, f.unit) == (value, unit)


def test_a_date_after_since_starts_a_span_and_dates_no_figure() -> None:
    from briefs.compose.figures import figures_of
    from briefs.model import Document, Passage
    from briefs.retrieve import Scope

    text = (
        "December saw some of the worst atrocities since the coup was mounted on 1 February "
        "2021, including the massacre of 11 people in Karenni State."
    )
    doc = Document(path="a.txt", title="t", paragraphs=(text,), date="2022-01-10")
    found = figures_of([Passage(1, 0, text)], {1: doc}, 4, Scope(None, "massacre", None, None))
    assert [(f.text, f.as_of) for f in found] == [("11 people", None)]


def test_a_long_name_grows_to_its_end_but_not_twice_at_its_head() -> None:
    from briefs.extract.keywords import _whole_name

    text = (
        "Moi's Kenya Africa National Union lost in 2002. Moi's Kenya Africa National Union "
        "had ruled since 1978. Cambodian Prime Minister Hun Sen met Prime Minister Hun Sen's "
        "cabinet; Cambodian Prime Minister Hun Sen spoke. "
    )
    assert _whole_name("Moi's Kenya Africa National", text, grow_head=False) == (
        "Moi's Kenya Africa National Union"
    )
    assert _whole_name("Prime Minister Hun Sen", text, grow_head=False) == "Prime Minister Hun Sen"


@pytest.mark.parametrize(
    "sentence",
    [
        "Boston Scientific Corporation Boston Scientific Corporation Ruan Transportation "
        "Corporation Armstrong Growers CR Briggs Corporation Molycorp Minerals LLC Binder & "
        "Binder Driscoll's Strawberry Associates, Inc.",
        "14 STAFF ASSISTANT DISTRICT DIRECTOR FROM MAY 23 LEGISLATIVE ASSISTANT FROM MAY 22 "
        "INTERN FROM SEP.",
        "Walker, J. (1985), “Social problems of shift work”, in Folkard, S. and Monk, T.H. "
        "(Eds), Hours of Work: Temporal Factors in Work Scheduling, Wiley, New York, NY, pp.",
    ],
)
def test_table_cells_and_reference_entries_are_no_sentences(sentence: str) -> None:
    assert not stands_alone(sentence)


def test_a_sentence_heavy_with_names_still_stands() -> None:
    assert stands_alone(
        "Cambodian Prime Minister Hun Sen met Thai Prime Minister Paetongtarn Shinawatra in "
        "Bangkok."
    )


def test_an_anniversary_a_plus_and_a_licence_code_count_nothing() -> None:
    found = _figures_in(
        "The band marked its 30 year anniversary with a concert for 2,000 fans in Berlin.",
        "The Nazi party's 700-plus members in the state were ordered to the capital.",
        "All photos are licensed under CC BY-SA 3.0 DE. The agency sold 48 pictures.",
    )
    assert "2,000 fans" in found and "48 pictures" in found
    assert not found & {"30 year anniversary", "700-plus", "3.0 DE"}, found


def test_a_year_before_a_noun_and_a_point_on_a_scale_count_nothing() -> None:
    found = _figures_in(
        "The museum bought Basket of Wild Strawberries, a 1761 work by Chardin, this year.",
        "Deaths reached a new daily high of 799 on Friday, and 467,000 cases were confirmed.",
        "The bank held its rate at the 3 percent level while lending rose by 12,000 loans.",
    )
    assert "467,000 cases" in found
    assert not found & {"1761 work", "799", "3 percent level"}, found


def test_a_surnames_particle_and_a_names_verb_in_keywords() -> None:
    from briefs.extract.keywords import _whole_name, noun_phrase

    text = "New York City Mayor Bill de Blasio said so. New York City Mayor Bill de Blasio left. "
    assert _whole_name("New York City Mayor Bill", text, grow_head=False) == (
        "New York City Mayor Bill de Blasio"
    )
    assert not noun_phrase("white Christian America finds")
    assert noun_phrase("Thailand exports")  # "exports" after a name may be the noun


def _figures_in(*paragraphs: str) -> set[str]:
    """The key figures of one document made of ``paragraphs``, as written."""
    from briefs.compose.figures import figures_of
    from briefs.model import Document, Passage
    from briefs.retrieve import Scope

    doc = Document(path="a.txt", title="t", paragraphs=paragraphs)
    passages = [Passage(doc_id=1, seq=i, text=t) for i, t in enumerate(paragraphs)]
    return {f.text for f in figures_of(passages, {1: doc}, 8, Scope(None, "x", None, None))}


def test_a_speakers_thanks_are_no_key_point() -> None:
    """A statement's courtesies ("May I also … express my sincere gratitude …") report
    nothing; the key points take what the speech says of the world."""
    from briefs import salience

    pool = [
        salience.Candidate(
            0,
            0,
            0,
            "May I also, on behalf of the Government and people of Viet Nam, express my "
            "sincere gratitude to the General Assembly for the minute of silence observed.",
        ),
        salience.Candidate(
            1,
            1,
            0,
            "Super typhoon Yagi ravaged Viet Nam and other countries in the region, a stark "
            "warning of what natural disasters and climate change can do to development.",
        ),
        salience.Candidate(
            2,
            2,
            0,
            "Typhoon Yagi ravaged the region's coasts and warned the General Assembly of what "
            "climate change can do to development in Viet Nam.",
        ),
    ]
    assert 0 not in [c.key for c in salience.rank(pool, 3)]


def test_a_reference_or_a_flattened_table_does_not_stand_alone() -> None:
    # Both from US government pages of the ICDAR 2013 table competition.
    assert not stands_alone(
        "Quarters Population in the United States, "
        "<factfinder2.census.gov/bkmk/table/1.0/en /ACS/10_1YR/S2601A>."
    )
    assert not stands_alone(
        "Remains between 14.3% and 19.6% Remains between 9.3% and 13.1% Remains between 5.0% "
        "and 7.3% As the Census Bureau projections were not updated."
    )
    assert stands_alone(
        "The talks in the south of the country and the talks in the north of the country "
        "went on for a week."
    )


def test_a_rate_is_told_whole_and_its_base_is_no_figure() -> None:
    (f,) = find_figures("In 2006 the mortality rate was 135.0 deaths per 100,000 population.")
    assert f.text == "135.0 deaths per 100,000 population"
    assert f.counts == "deaths per 100,000 population"
    assert find_figures("The rate was lowest in New York, 29.7 per 100,000 population.") == []
    (f,) = find_figures("We have 1,200 doctors for a population of 1.5 million.")[:1]
    assert f.counts == "doctors"


def test_a_count_of_one_a_rules_bound_and_a_tables_next_cell_are_no_key_figures() -> None:
    found = _figures_in(
        "It has only 1 location inside its market area in the five boroughs of the city.",
        "In Alaska and Nebraska, no districts exceeded the 1 percent cap this year.",
        "The share of users remains between 14.3% Remains and rises in the other states.",
        "The flood killed 1 person and displaced 4,000 villagers in the northern provinces.",
    )
    assert found == {"1 person", "4,000 villagers"}


def test_a_pointer_to_a_table_is_an_instruction() -> None:
    from briefs.extract.clauses import instructs

    assert instructs(
        "For a list of MAPEs by state and region, see tables A-7 through A-9 on pages 94–99."
    )
    assert not instructs("Enrolment rose by 3 percent in 2010 (see Figure 2).")


def test_thousands_grouped_by_a_space_are_one_number() -> None:
    # A Eurydice country page (ICDAR 2013, eu-012): "26 000 inhabitants", not "000 inhabitants".
    (f,) = find_figures("The population of the Åland islands is approximately 26 000 inhabitants.")
    assert (f.text, f.value) == ("approximately 26 000 inhabitants", 26000.0)
    assert [f.text for f in find_figures("On 12 January 2021 300 people were arrested.")] == [
        "300 people"
    ]


def test_a_sum_of_the_whole_counts_what_it_is_part_of() -> None:
    (f,) = find_figures("Roughly EUR 20 million of the whole funding of vocational education.")
    assert f.counts is None  # composition names it by the money word near it: "funding"


def test_a_keyword_does_not_end_in_a_relative_pronoun() -> None:
    from briefs.extract.keywords import noun_phrase

    assert not noun_phrase("labour market training which")
    assert noun_phrase("labour market training")


def test_a_number_that_names_is_no_figure() -> None:
    # A news service's headline sentence (htmldate's test pages): a zip code, not a count.
    assert find_figures("Disabled beneficiaries in Missouri zip 63848 remains the same.") == []
    assert [f.text for f in find_figures("Flight 370 carried 239 people.")] == ["239 people"]


def test_a_definition_or_how_a_figure_was_made_is_method() -> None:
    """Seen in a brief over US government report pages: "Elementary ungraded includes
    students in grades prekindergarten through 8 who …" (a definition) as a key point, and a
    theme of "MAPEs … were calculated using …" sentences."""
    from briefs import salience

    for method in (
        "Elementary ungraded includes students in grades prekindergarten through 8 who are "
        "in classes without standard grade designations.",
        "MAPEs for public prekindergarten enrollments were calculated using the last editions.",
        "A household is defined as all persons who occupy a housing unit.",
    ):
        assert salience.METHOD.search(method), method
    for finding in (
        "Police arrested 30 people who protested in Phnom Penh on Sunday.",
        "The army includes soldiers who fought in 1979 and veterans of the border war.",
    ):
        assert not salience.METHOD.search(finding), finding
    from briefs.extract.keywords import _DROP

    assert _DROP.search("table A-2") and _DROP.search("Figure 3")
    assert not _DROP.search("page views") and not _DROP.search("Section 8 housing")


def test_a_count_of_countries_says_how_widely_not_what_happened() -> None:
    """Seen in the seeds' Cambodia figures table: "deminers to 20 countries" and "aligning
    with 142 nations" beside the tolls and deployments. A count of countries, nations or
    states is a key figure only where something happened to them, and a share of a country
    stays a share."""
    from briefs import geo
    from briefs.compose.figures import figures_of
    from briefs.model import Document, Passage
    from briefs.retrieve import Scope

    text = (
        "Cambodia has sent deminers to 20 countries. Cambodia voted with 142 nations. "
        "In Cambodia 12 states signed the accord. Some 48 per cent of Cambodia is forested."
    )
    doc = Document("a.txt", "Cambodia", (text,), date="2025-01-01")
    found = figures_of(
        [Passage(1, 0, text, 1.0)], {1: doc}, 12, Scope(geo.resolve("Cambodia"), None, None, None)
    )
    assert [f.text for f in found] == ["12 states", "48 per cent of Cambodia"]


def test_a_necessity_stated_is_no_recommendation() -> None:
    # From a think tank's paper in the mixed news pile: an accounting identity, not advice.
    assert not recommends(
        "A fundamental requirement of the balance of payments is that net capital inflows "
        "must boost the gap between investment and savings, and if capital inflows do not "
        "cause domestic investment to rise, they must cause domestic savings to decline."
    )
    assert recommends("The recommendation of the panel is that ASEAN must engage the junta.")


def test_recommendations_named_as_the_basis_of_an_action_are_no_outlook() -> None:
    # From the Air Force tanker record in the mixed news pile.
    assert not recommends(
        "Based upon the recommendations of the Defense Science Board, I accelerated, to "
        "November of this year, the schedule for completion of these initiatives."
    )
    assert not recommends("Following the committee's recommendations, the ministry revised it.")
    assert recommends("The panel's recommendations call for closing the border crossings.")
    assert recommends("Acting on the recommendations of the panel, ASEAN should appoint an envoy.")


def test_a_letter_a_record_quotes_is_no_outlook() -> None:
    # From the Congressional Record of 20 November 2004, as Senator McCain's office released it.
    passage = (
        "I arranged to have him and his team share our model. Marv. From: Dr. Marvin Sambur "
        "To: James Roche Sent: April 9, 2002 Subject: RE: Call from Boeing Boss: Gerry Daniels "
        "called to discuss the tankers. Boeing must take some risks given the future value of "
        "this initial contract."
    )
    quote = "Boeing must take some risks given the future value of this initial contract."
    assert recommends(quote)
    assert in_correspondence(passage, quote)
    assert not in_correspondence(passage, "I arranged to have him and his team share our model.")
    speech = "The Senate must hold the Air Force to account. From now on, it will."
    assert not in_correspondence(speech, "The Senate must hold the Air Force to account.")


def test_a_speakers_frame_tells_nothing_unless_it_goes_on_to_tell() -> None:
    from briefs.salience import frame_only

    assert frame_only(
        "Let me touch upon an important question that is of serious concern to the "
        "international community and on which we in Myanmar place special emphasis."
    )
    assert frame_only("Finally, let me conclude by thanking the President for his work.")
    assert frame_only(
        "On behalf of the Philippine Government, I express our warmest congratulations to the "
        "President on his election to the presidency of the General Assembly."
    )
    assert frame_only(
        "Since I am addressing the General Assembly for the first time, I would like to apprise "
        "the Assembly of recent developments and significant changes taking place in my country."
    )
    assert not frame_only(
        "I am pleased to inform the Assembly that yesterday Myanmar deposited with the "
        "Secretary-General its instruments of ratification of the Paris Agreement."
    )
    assert not frame_only("Let me stress once again that Cambodia stands ready to help.")
    assert not frame_only("The junta let me down, the farmer said.")


def test_a_figure_in_a_sentence_about_another_country_is_that_countrys() -> None:
    from briefs.compose.figures import elsewhere

    baghdad = (
        "They cruelly extinguished the lives of 22 innocent persons, including that of Special "
        "Representative Sergio Vieira de Mello, at United Nations headquarters in Baghdad."
    )
    assert elsewhere(baghdad, "MMR")
    # The speaker's own side acting abroad is still the speaker's country's deed.
    assert not elsewhere("Since 2006 we have sent 135 deminers to the Sudan and Lebanon.", "KHM")
    # A country in a list, or a currency, does not make the sentence another country's.
    assert not elsewhere("Talks with Japan, China, India and Korea resumed with 40 envoys.", "THA")
    assert not elsewhere("The fund raised 300 million Australian dollars.", "NZL")
    assert not elsewhere("The office employs only 12 staff.", "MYS")


def test_a_shares_text_ends_with_what_it_is_a_share_of() -> None:
    found = find_figures(
        "Disarmament has become more compelling for the Philippines, given that 10 per cent of "
        "our population live and work overseas, many in hot spots in the Middle East."
    )
    assert [(f.text, f.counts) for f in found] == [("10 per cent of our population", "population")]


def test_a_pages_header_run_into_a_wire_dateline_is_not_shown() -> None:
    """Seen in a WikinewsSum source: the page's time stamp, photo number and byline run into
    the story's first line. The brief shows the story from its first word; the quote keeps
    all of it. A sentence before the dateline makes it the story's own text."""
    header = (
        "Saturday November 13, 2004 8:16 PM AP Photo LON104 By RAVI NESSMAN Associated Press "
        "Writer RAMALLAH, West Bank (AP) - Marwan Barghouti, a leader of the Palestinian "
        "uprising jailed by Israel, said he would run."
    )
    assert trim(header).startswith("Marwan Barghouti, a leader of the Palestinian uprising")
    told = (
        "The talks ended early. Officials then flew to BANGKOK (Reuters) - Delegates agreed "
        "to go on talking for another week."
    )
    assert trim(told) == told


def test_a_section_label_run_into_a_sentence_is_not_shown() -> None:
    glued = (
        "INTERNATIONAL The American photographer whose videotape of a marine shooting a wounded "
        "Iraqi is generating a storm has been embedded with the unit for weeks."
    )
    assert trim(glued).startswith("The American photographer whose videotape")
    assert trim("UNICEF said the children were safe and fed in the camps.").startswith("UNICEF")


def test_a_weekday_or_a_direction_after_a_count_is_not_what_it_counts() -> None:
    """Seen in a WikinewsSum Iraq brief's table: "at least 12 insurgents Friday" counted
    "insurgents Friday", and "6 miles west" counted "west"."""
    killed = find_figures("U.S. troops killed at least 12 insurgents Friday near the city.")
    assert [(f.text, f.counts) for f in killed] == [("at least 12 insurgents", "insurgents")]
    assert find_figures("A bomb went off 6 miles west of the city.")[0].counts != "west"
    states = find_figures("The 15 West African states met in Abuja.")
    assert states[0].counts == "West African states"


def test_a_headline_run_into_the_first_sentence_is_not_shown() -> None:
    """Seen in a WikinewsSum Iraq brief's first key point: a page's headline in title case, its
    text run into the story's first line. A sentence that opens on names is left whole."""
    glued = (
        "Intel Agent Strapped to Gurney and Flown Out of Iraq by U.S. Army After Reporting "
        "Torture of Detainees A veteran sergeant who reported torture was flown out of Iraq."
    )
    assert trim(glued) == "A veteran sergeant who reported torture was flown out of Iraq."
    named = "UN Secretary-General Kofi Annan and US President George Bush met A group of them."
    assert trim(named) == named


def test_a_length_where_nothing_happened_is_no_key_figure() -> None:
    """Seen in a WikinewsSum Iraq brief's table: "370-mile | mile". Roads built stay."""
    from briefs.compose.figures import figures_of
    from briefs.model import Document, Passage
    from briefs.retrieve import Scope

    paragraphs = (
        "The 370-mile border with Syria has been closed since the offensive began.",
        "Engineers built 120 kilometres of new roads and 300 Iraqi commandos guarded them.",
    )
    doc = Document(path="iraq.txt", title="Border closed", paragraphs=paragraphs)
    passages = [Passage(doc_id=1, seq=i, text=t) for i, t in enumerate(paragraphs)]
    scope = Scope(country=None, topic="border", since=None, until=None)
    found = [f.text for f in figures_of(passages, {1: doc}, 5, scope)]
    assert "370-mile" not in found and "300 Iraqi commandos" in found


def test_a_duration_in_a_compound_is_no_key_figure() -> None:
    """Seen in a WikinewsSum China brief's table: "10-minute | minute" (a test flight's)."""
    from briefs.compose.figures import figures_of
    from briefs.model import Document, Passage
    from briefs.retrieve import Scope

    paragraphs = (
        "The first jointly built jet made a successful 10-minute test flight in Harbin, and "
        "roughly 500 businessmen travelled with the president.",
    )
    doc = Document(path="jet.txt", title="Jet flies", paragraphs=paragraphs)
    passages = [Passage(doc_id=1, seq=0, text=paragraphs[0])]
    found = [f.text for f in figures_of(passages, {1: doc}, 5, Scope(None, "jet", None, None))]
    assert "10-minute" not in found and "roughly 500 businessmen" in found


def test_a_printed_pages_date_and_number_run_into_a_sentence_are_not_shown() -> None:
    """Seen in a WikinewsSum United States brief: "Friday, Dec 31, 2004,Page 16 Advertising
    Meet the Fockers claimed the top North American box office spot…"."""
    glued = (
        "Friday, Dec 31, 2004,Page 16 Advertising Meet the Fockers claimed the top North "
        "American box office spot over the holiday weekend."
    )
    assert trim(glued).startswith("Advertising Meet the Fockers claimed")
    cited = "In 2004, Page 16 of the report said the economy grew by five per cent that year."
    assert trim(cited) == cited


def test_a_number_joined_to_its_unit_as_an_adjective_is_no_key_figure() -> None:
    """Seen in a WikinewsSum United States brief's table: "26-game | game" (a suspension)."""
    from briefs.compose.figures import figures_of
    from briefs.model import Document, Passage
    from briefs.retrieve import Scope

    paragraphs = ("He served a 26-game suspension in 1977 after 11 players were fined.",)
    doc = Document(path="ban.txt", title="Suspended", paragraphs=paragraphs)
    passages = [Passage(doc_id=1, seq=0, text=paragraphs[0])]
    found = [f.text for f in figures_of(passages, {1: doc}, 5, Scope(None, "ban", None, None))]
    assert "26-game" not in found and "11 players" in found


def test_others_counts_what_was_counted_before_it() -> None:
    """Seen in a WikinewsSum Iraq brief's table: "38 others | others wounded"."""
    bombs = find_figures("Two car bombs killed sixteen people and wounded 38 others Saturday.")
    assert [(f.text, f.counts) for f in bombs] == [("38 others", "people")]
    blast = find_figures("The blast killed 12 people and injured 40 others near the market.")
    assert [f.counts for f in blast] == ["people", "people"]
    # A span of time spelt out is not what "others" counts (a UN speech on the Jakarta bombing).
    jakarta = find_figures(
        "Just two weeks ago, they struck again in the heart of Jakarta, killing nine innocent "
        "civilians and wounding 150 others."
    )
    assert [f.counts for f in jakarta] == ["civilians"]


def test_others_after_a_count_spelt_from_sixty_to_ninety() -> None:
    """The spelt numbers "others" looks back to stopped at fifty; they are now the ones every
    other spelt count is read with."""
    found = find_figures("The attack killed sixty people and wounded 40 others.")
    assert [f.counts for f in found] == ["people"]
