"""The apology detector on a labelled set written for it: phrasings, traps (sympathy, negation, slogans)."""

from __future__ import annotations

from analytics.suggestions import is_apology

APOLOGIES = [
    "We're sorry. Yesterday's outage left thousands of you without service.",
    "We apologise for the disruption this week and for how slowly we answered.",
    "We apologize to everyone affected by the billing error.",
    "We messed up, plain and simple.",
    "We really messed this up and we know it.",
    "We got this wrong. Here is what we are changing.",
    "We got it badly wrong with the auto-replies.",
    "We dropped the ball on support last week.",
    "We let you down, and we owe you an explanation.",
    "That's on us. No excuses.",
    "Our mistake: the price shown in the app was wrong.",
    "We take full responsibility for the outage.",
    "We regret the confusion our announcement caused.",
    "An apology to our customers: the delays were unacceptable.",
    "Our apologies for the late deliveries this week.",
    "We owe you an apology for how we handled this.",
    "Truly sorry to everyone who waited on hold for hours.",
    "We fell short of what you expect from us.",
    "We screwed up the rollout and we're fixing it now.",
    "Apologies to all affected — service is restored.",
    "We are apologizing publicly because you deserve it.",
    "Our fault entirely; refunds are on their way.",
    "We let our customers down this week.",
    "Mea culpa: the newsletter went out twice.",
]

NOT_APOLOGIES = [
    "Sorry to hear that! Please DM us your order number.",
    "So sorry to hear about your trip, can you DM us?",
    "No apologies for being the fastest network in town.",
    "Not sorry about our new prices: they're the lowest around.",
    "Sorry, not sorry: summer sale starts today!",
    "We never apologise for putting customers first.",
    "Don't be sorry, we're happy to help!",
    "No need to apologize, glad it worked out.",
    "Big news: fibre is coming to your street.",
    "Service restored. Thanks for your patience.",
    "We won't apologize for caring about quality.",
    "Happy Friday from the whole team!",
    "Check out our new plans starting at $30.",
    "Our engineers are working on the issue.",
    "Sorry to see you go, the door is always open.",
    "We got this! Record speeds all week.",
    "The regret-free upgrade: switch today.",
    "Join our webinar on network security.",
]

MIN_PRECISION = 0.9
MIN_RECALL = 0.9


def test_apology_detector_precision_and_recall_on_the_labelled_set() -> None:
    true_pos = sum(is_apology(t) for t in APOLOGIES)
    false_pos = [t for t in NOT_APOLOGIES if is_apology(t)]
    precision = true_pos / (true_pos + len(false_pos))
    recall = true_pos / len(APOLOGIES)
    print(f"apology detector: precision {precision:.2f}, recall {recall:.2f} on {len(APOLOGIES)} + "
          f"{len(NOT_APOLOGIES)} labelled posts; false positives: {false_pos}")
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL


def test_sympathy_and_negation_are_not_apologies() -> None:
    assert not is_apology("Sorry to hear that, DM us")
    assert not is_apology("No apologies for great service")
    assert is_apology("Sorry to hear that. We messed up and we're sorry.")
