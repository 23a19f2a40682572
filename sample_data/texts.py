"""Phrase pools for the demo workspace: customer mentions and the brand's own posts.

Every mention template carries a hand-given polarity (``pos``/``neu``/``neg``). ``check_pools`` fills each template
several ways and scores it with VADER; a template whose compound falls outside its polarity's range stops the
generator, so a careless edit cannot silently move the planted sentiment curve.

Slots: ``{h}`` the mentioned handle with ``@``, ``{town}``, ``{hours}``, ``{days}``, ``{speed}``, ``{thing}``,
``{n}``, ``{staff}`` (a Lumen Fibre agent), ``{street}``, ``{and}`` (now and then ``&amp;``: texts keep X's HTML
encoding on purpose, so a handful of mentions carry an encoded ampersand).
"""

from __future__ import annotations

import html

# fmt: off
TOWNS = [
    "Leeds", "Bristol", "Manchester", "Sheffield", "Norwich", "Cardiff", "York", "Leicester", "Brighton",
    "Reading", "Derby", "Exeter", "Bath", "Hull", "Nottingham", "Swindon", "Milton Keynes", "Coventry",
    "Plymouth", "Luton", "Oxford", "Cambridge", "Glasgow", "Edinburgh", "Newcastle", "Stoke", "Bradford",
    "Ipswich", "Lincoln", "Preston",
]
# fmt: on
HOURS = ["2 hours", "3 hours", "4 hours", "5 hours", "6 hours", "since 9am", "since lunchtime", "since last night"]
DAYS = ["2 days", "3 days", "4 days", "a week", "two days", "three days"]
SPEEDS = ["150Mb", "300Mb", "500Mb", "900Mb", "1Gb"]
THINGS = ["router", "hub", "wifi", "connection", "broadband", "line", "modem"]
STREETS = ["Station Road", "Church Lane", "Mill Street", "Park Avenue", "Victoria Road", "High Street", "Queens Road"]
STAFF = ["Priya", "Tom", "Aisha", "Marek", "Dan", "Sofia", "Callum", "Grace"]

# Allowed VADER compound per hand-given polarity (checked on every filled variant).
POLARITY_RANGES = {"pos": (0.25, 1.0), "neu": (-0.12, 0.12), "neg": (-1.0, -0.25)}

# Everyday customer chatter about any broadband provider (all three brands, whole period).
GENERIC = {
    "neg": [
        "{h} internet down again in {town}. {hours} now, zero updates. Useless.",
        "{h} paying for {speed} and getting a fraction of it. Absolutely ridiculous.",
        "{h} third dropout today in {town}, working from home is impossible. Really frustrating",
        "Been on hold with {h} for {hours}. Terrible customer service.",
        "{h} my {thing} keeps disconnecting every evening. Sick of it",
        "Engineer no-show again {h}. Wasted a whole day off work, not happy",
        "{h} why is my bill higher this month? Nobody told me about a price rise. Annoyed",
        "Worst broadband I've ever had. {h} sort it out",
        "{h} {days} with a broken connection in {town}. Ridiculous and stressful",
        "{h} speeds in {town} tonight are awful, can't even stream",
        "{h} the {thing} you sent is faulty and support keeps ignoring me",
        "Honestly regret switching to {h}. Slow, unreliable and overpriced. Terrible",
        "{h} cancelled my appointment AGAIN. So disappointed",
        "{h} broadband {and} landline both dead in {town}. Awful 🙄",
        "{h} day {n} of no internet.\nStill waiting for a callback.\nPathetic.",
        "{h} the {speed} plan is a con, I get 20Mb most nights. Awful",
        "Why does {h} make it so hard to cancel? Horrible experience",
    ],
    "neu": [
        "{h} is there planned maintenance in {town} tonight?",
        "{h} what time does the engineer usually arrive for installs?",
        "Switching to {h} next week, anyone know how the {speed} plan performs in {town}?",
        "{h} how do I change the wifi name on the new {thing}?",
        "{h} moving house to {town} next month, can I take my contract with me?",
        "{h} does the {speed} package include a landline?",
        "Anyone else in {town} on {h}? Wondering about speeds in the evening",
        "{h} just sent you a DM about my account",
        "{h} when does the new {thing} ship?",
        "{h} is fibre available on {street} in {town} yet?",
        "Reading the {h} terms for the {speed} plan before I sign up",
        "{h} what's the number for the business line?",
        "{h} do you do TV {and} broadband bundles in {town}?",
        "{h} my contract ends in {days}, what are my options?",
    ],
    "pos": [
        "{h} install in {town} was quick and painless, speeds are great so far",
        "Getting a solid {speed} from {h} tonight. Really happy with it",
        "Shout out to {h} support, sorted my {thing} in ten minutes. Thank you!",
        "{h} two years in and never had a dropout. Love it",
        "{h} the engineer today was brilliant, friendly and sorted everything",
        "Switched to {h} and my gaming latency is so much better. Excellent",
        "{h} thanks for the free {thing} upgrade, much appreciated 👍",
        "Honestly {h} is the best broadband I've had in {town}",
        "{h} fast, reliable and a fair price. Happy customer",
        "Great speeds from {h} in {town} today 🙌",
        "{h} smooth switch from my old provider {and} a great price. Thanks!",
        "New flat in {town} ✅\n{h} broadband live on day one ✅\nVery happy",
        "{h} helpful support and a stable {speed} connection. Good value",
    ],
}

# Lumen Fibre, 06-12 .. ~06-16: the outage and the mocking of the canned auto-replies.
STORM = {
    "neg": [
        "{h} whole of {town} has no broadband and all you do is send the same copy-paste reply. Useless",
        "Asked {h} when the outage ends. Got 'please DM us your account number'. Again. Pathetic",
        "{h} I don't want to DM my account number, I want my internet back. Awful service",
        "{h} replied to me and {n} other people with the exact same message. Bots everywhere, shameful 🤖",
        "{h} outage {hours} and counting. Your canned replies are an insult",
        '"We\'re sorry for any inconvenience" says {h} to literally everyone. Not sorry enough to answer anyone',
        "{h} your auto-replies are making this worse. Terrible handling of the outage",
        "Day {n} of the {h} outage. No internet, no human reply. Furious and fed up 😡",
        "{h} is this a bot? Every reply is identical. Shameful customer service",
        "Working from home with no broadband thanks to {h}. Lost a full day's pay. Disgraceful",
        "{h} the copy-paste replies are pathetic. Cancelling my contract.",
        "{h} you've sent the same useless reply to hundreds of people. Worst outage response ever",
        "me: my internet is down\n{h}: DM us your account number ^LF\nme: it's been {hours}\n{h}: DM us your "
        "account number ^LF\nridiculous. useless.",
        "No broadband in {town} for {hours} and {h} just spams the same reply. Hopeless {and} insulting",
        "{h} stop sending me the same robotic apology and fix the outage. Angry customer",
    ],
    "neu": [
        "{h} is there an outage in {town}?",
        "Is {h} down for everyone in {town} or just me?",
        "{h} any update on the outage in {town}?",
        "{h} any ETA for the broadband in {town}? DM sent",
        "{h} is the outage affecting {street} in {town}?",
        "Checking the {h} status page every 10 minutes",
    ],
    "pos": [
        "Weirdly my {h} connection in {town} is fine today, lucky me",
        "{h} my broadband is back in {town}, thanks to the engineers working on it",
    ],
}

# Lumen Fibre, from the apology (06-16): reactions, then praise of the signed human replies.
RECOVERY = {
    "neg": [
        "{h} an apology is nice but I still lost {days} of work. Not impressed",
        "{h} still waiting for the compensation you promised. Poor show, disappointing",
        "{h} the outage was bad enough, the bot replies were worse. Still annoyed",
    ],
    "neu": [
        "{h} posted an apology for the outage, reading it now",
        "{h} says real people answer replies now. We'll see",
        "{h} where do I claim the outage refund on my bill?",
    ],
    "pos": [
        "{staff} from {h} actually called me back and sorted my line. Proper service, thank you",
        "Credit where it's due: {h} now has real people answering. {staff} was brilliant",
        "{h} huge improvement. A real person ({staff}) solved my {thing} problem in minutes. Thanks!",
        "{h} owned the outage mess and the replies are human now. Respect, well done 👏",
        "Nice to get a signed reply from {staff} at {h} instead of a bot. Good change",
        "{h} thanks {staff}, the engineer came today and everything is working great",
        "The new {h} support team is excellent. {staff} went above and beyond",
        "Fair play {h}, honest apology and much better support since. Happy to stay",
    ],
}

# Skylink Home's summer campaign (a few days of extra, mostly upbeat chatter).
CAMPAIGN = {
    "neg": ["No sign of the summer speed upgrade from {h} in {town}. Poor communication, disappointed"],
    "neu": ["{h} how do I claim the summer speed upgrade?", "{h} is the summer upgrade available in {town}?"],
    "pos": [
        "{h} the summer speed upgrade is great, got bumped to {speed} for free 🙌",
        "Loving the free {speed} upgrade from {h}. Nice one",
    ],
}

# Spanish mentions (a few percent). Polarity is by meaning; VADER mostly scores them near 0, as it would real ones.
SPANISH = {
    "neg": [
        "{h} llevo {n} días sin internet en {town}. Un desastre",
        "{h} otra vez sin conexión y nadie contesta. Pésimo servicio",
        "{h} respuestas automáticas y ninguna solución. Quiero cancelar",
    ],
    "neu": ["{h} ¿hay alguna avería en {town}?", "{h} ¿cuándo llega el técnico?", "{h} les he enviado un DM"],
    "pos": ["{h} gracias por la ayuda, ya funciona todo", "{h} muy buena atención, gracias {staff}"],
}

# ---- the brand's own posts -------------------------------------------------------------------------------------

ANNOUNCEMENTS = [
    "Planned maintenance in {town} tonight 00:00–04:00. You may notice a short drop in service. #LumenFibre",
    "Full fibre is now live in {town}! Check your postcode: https://t.co/{tco}",
    "Our {speed} plan is now available in {town} &amp; the surrounding area. #FullFibre",
    "Tip: restarting your {thing} once a month keeps things running smoothly. More tips: https://t.co/{tco}",
    "We've just finished upgrading the network in {town}. Faster evenings ahead! #LumenFibre",
    "Moving home? Take Lumen Fibre with you, no new contract needed. https://t.co/{tco}",
    "Our engineers completed 1,200 installs this week. Welcome to all our new customers in {town}!",
    "Heads up: new router firmware rolls out this week. Nothing to do, it updates itself overnight.",
]
OUTAGE_POSTS = [
    "We're aware of an issue affecting broadband for some customers. Our engineers are investigating. ^LF",
    "Update: work continues on the broadband issue affecting some areas. We'll share more when we can. ^LF",
]
RESTORED_POST = (
    "Service has now been restored for all customers affected by Friday's outage. Thank you for your patience."
)
APOLOGY_POST = (
    "We got this wrong. During last week's outage many of you waited days for help and all you got from us was "
    "the same automated reply. That isn't good enough and we're sorry. Everyone affected will get a week's credit."
)
STRATEGY_POST = (
    "From today, every reply on this account is written by a real person on our team, signed with their name. "
    "No more auto-replies. Priya, Tom, Aisha, Marek &amp; the team are here 8am–10pm. #RealPeople"
)
# The 2–3 canned texts sent from 06-12 to 06-15 (prefixed with "@user ").
TEMPLATED_REPLIES = [
    "We're sorry for any inconvenience. Please DM us your account number and we'll look into it. ^LF",
    "Thanks for reaching out! We're aware of an issue in some areas. Please DM us your account number. ^LF",
    "We apologise for any inconvenience caused. Please DM us your account number and we'll look into it. ^LF",
]
# Before the incident: short, varied, unsigned except for the team's ^LF tag.
STANDARD_REPLIES = [
    "Sorry to hear that. Could you DM us your postcode so we can check the line? ^LF",
    "Hi, thanks for getting in touch. Can you send us a DM with your account details? ^LF",
    "That's not what we want to hear. Please DM us and we'll take a look. ^LF",
    "Thanks for letting us know. We've passed this to the team. ^LF",
    "Hi! Yes, the {speed} plan is available in {town}. Check your address here: https://t.co/{tco} ^LF",
    "Sorry about that. Please try restarting the {thing}; if it's still slow, DM us. ^LF",
    "Glad to hear it! Enjoy the speeds. ^LF",
    "Planned work in {town} should finish by 4am. Thanks for bearing with us. ^LF",
]
# From 06-17: written by a named person, specific, signed "– Name".
HUMAN_REPLIES = [
    "Hi {first}, I've checked the line at your {town} address and booked an engineer for {weekday} morning. "
    "Sorry for the wait. – {staff}",
    "Hi {first}, I can see the fault on your {thing}. I've sent a replacement today, it should arrive {weekday}. "
    "– {staff}",
    "{first}, really sorry about this. I've added a week's credit to your account and I'll call you at 5pm. – {staff}",
    "Thanks {first}! I've passed your kind words to the engineer, it made his day. – {staff}",
    "Hi {first}, the {speed} plan is live on {street} now. Happy to switch you over, just reply here. – {staff}",
    "Hi {first}, that's a slow evening speed for {town}. I've reset your port remotely, can you test again? – {staff}",
    "{first}, you shouldn't have had to chase us. I've escalated it and I'll keep you updated myself. – {staff}",
    "Hi {first}, the outage credit is applied automatically on your next bill. Any problem, message me here. – {staff}",
    "Morning {first}! Your install in {town} is confirmed for {weekday}, 8–12. I'll text you the day before. – {staff}",
    "Hi {first}, sorry you're still seeing drops. I've booked a line test for tonight and will reply with the "
    "results. – {staff}",
]
HUMAN_REPLIES_ES = [
    "Hola {first}, he revisado tu línea en {town} y el técnico irá el {weekday_es}. Perdona la espera. – Sofia",
    "Hola {first}, ya está solucionado. Si vuelve a fallar, escríbeme aquí. – Sofia",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
WEEKDAYS_ES = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado"]


def all_mention_pools() -> dict[str, dict[str, list[str]]]:
    """The English pools whose polarity is checked with VADER."""
    return {"generic": GENERIC, "storm": STORM, "recovery": RECOVERY, "campaign": CAMPAIGN}


def check_pools(analyzer, fill) -> dict[str, dict[str, float]]:
    """Score every English template under several fillings; raise if one leaves its polarity range.

    Returns the mean compound per pool and polarity (used to mix the daily polarity shares).
    """
    means: dict[str, dict[str, float]] = {}
    problems = []
    for pool_name, pool in all_mention_pools().items():
        means[pool_name] = {}
        for polarity, templates in pool.items():
            low, high = POLARITY_RANGES[polarity]
            scores = []
            for template in templates:
                for variant in range(6):
                    text = fill(template, "@lumenfibre", variant)
                    compound = analyzer.polarity_scores(html.unescape(text))["compound"]
                    scores.append(compound)
                    if not low <= compound <= high:
                        problems.append(f"{pool_name}/{polarity} {compound:+.3f}: {text!r}")
            means[pool_name][polarity] = sum(scores) / len(scores)
    if problems:
        raise ValueError("phrase pool outside its polarity range:\n" + "\n".join(problems))
    return means
