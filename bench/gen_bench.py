#!/usr/bin/env python3
"""Writes a pack and a Markdown archive for measuring `claimlint check` (bench/compare.sh).

Usage: bench/gen_bench.py DIR ENTITIES CLAIMS MEGABYTES [SEED]

- DIR/pack.toml: ENTITIES entities with 4 forms each (French and English preferred forms,
  a variant, a wrong form) and CLAIMS quantity claims of the shape `{n} NOUN were counted`
  / `{n} NOUN ont été recensés`: every claim shares "were counted" / "ont été recensés"
  and begins with its figure (the hard case for a matcher anchored on words).
- DIR/names.txt: every form, one a line (for `rg -F -f`).
- DIR/typos.toml: the wrong forms as a typos custom dictionary (wrong → preferred).
- DIR/archive/YEAR/LANG-NNNNN.md: about MEGABYTES MB of articles of ~8 KB, half English,
  half French, with front matter (lang, date), mentions of random entities (sometimes a
  wrong form or a one-letter typo), claim sentences with figures (some wrong), and
  ordinary sentences with numbers and dates.

Deterministic for given arguments.
"""
import os
import random
import sys

SYL = ["ka", "ro", "vi", "len", "mar", "tso", "bek", "dun", "ush", "pil",
       "zor", "nev", "ga", "tri", "sol", "hum", "ya", "kel", "om", "bra"]
# Nouns of six letters: shorter than the shared "counted" / "recensés", which a matcher
# anchored on the longest word would pick for every claim.
NOUN_SYL = ["fa", "lo", "mi", "te", "gu", "za", "pe", "ri", "do", "va",
            "bu", "se", "ti", "no", "ku", "we"]

EN_FILLER = [
    "Officials said the talks would resume next week in the capital.",
    "The ministry declined to comment on the timing of the announcement.",
    "Analysts said the decision was aimed at easing pressure on exports.",
    "Trade with neighbouring countries has fallen sharply since {year}.",
    "A spokesman said {k} delegates attended the meeting on Tuesday.",
    "The report, published on {day} March {year}, ran to {k} pages.",
    "Diplomats expect a further round of talks before the end of the year.",
    "More than {k} people gathered in the main square, witnesses said.",
]
FR_FILLER = [
    "Selon des responsables, les discussions reprendront la semaine prochaine.",
    "Le ministère n'a pas souhaité commenter le calendrier de l'annonce.",
    "Des analystes y voient une tentative d'alléger la pression sur les exportations.",
    "Les échanges avec les pays voisins ont chuté depuis {year}.",
    "Un porte-parole a indiqué que {k} délégués avaient assisté à la réunion mardi.",
    "Le rapport, publié le {day} mars {year}, compte {k} pages.",
    "Les diplomates attendent une nouvelle série de discussions avant la fin de l'année.",
    "Plus de {k} personnes se sont rassemblées sur la place centrale, selon des témoins.",
]
EN_PARTS = (
    ["Officials", "The ministry", "Analysts", "A spokesman", "Diplomats", "Witnesses",
     "The agency", "Local media", "Two deputies", "The mayor's office"],
    ["said", "noted", "reported", "confirmed", "denied", "suggested", "recalled", "stressed"],
    ["that the talks had stalled", "that exports had fallen", "that the border was calm",
     "that prices had risen", "that the vote was delayed", "that the plant had reopened",
     "that the road was closed", "that the harvest was late", "that a deal was near"],
    ["on Monday", "last week", "in a statement", "on state television", "in {year}",
     "after the meeting", "on {day} March", "by {k} votes to {day}", "late on Friday"],
)
FR_PARTS = (
    ["Les responsables", "Le ministère", "Des analystes", "Un porte-parole", "Les diplomates",
     "Des témoins", "L'agence", "La presse locale", "Deux députés", "La mairie"],
    ["ont dit", "ont noté", "ont rapporté", "ont confirmé", "ont démenti", "ont suggéré",
     "ont rappelé", "ont souligné"],
    ["que les discussions étaient bloquées", "que les exportations avaient baissé",
     "que la frontière était calme", "que les prix avaient augmenté",
     "que le vote était reporté", "que l'usine avait rouvert", "que la route était fermée",
     "que la récolte était en retard", "qu'un accord était proche"],
    ["lundi", "la semaine dernière", "dans un communiqué", "à la télévision", "en {year}",
     "après la réunion", "le {day} mars", "par {k} voix contre {day}", "vendredi soir"],
)
EN_CLAIM = "In the northern district, {n} {noun} were counted last year."
FR_CLAIM = "Dans le district nord, {n} {noun} ont été recensés l'an dernier."
EN_MENTION = [
    "{a} met {b} on Monday to discuss the border.",
    "According to {a}, the agreement with {b} still holds.",
    "{a} said on state television that {b} had been informed.",
]
FR_MENTION = [
    "{a} a rencontré {b} lundi pour parler de la frontière.",
    "Selon {a}, l'accord avec {b} tient toujours.",
    "{a} a déclaré à la télévision que {b} avait été informé.",
]


def entity_base(i):
    return (SYL[i % 20] + SYL[(i // 20) % 20] + SYL[(i // 400) % 20]
            + SYL[(i // 8000) % 20]).capitalize()


def forms(i):
    base = entity_base(i)
    # preferred fr, preferred en, variant, wrong
    return base + "of", base + "ov", base + "ow", base + "off"


def noun(i):
    return NOUN_SYL[i % 16] + NOUN_SYL[(i // 16) % 16] + "bcdfglmnpr"[(i // 256) % 10] + "s"


def claim_value(i):
    return 100 + (i * 37) % 900


def write_pack(root, entities, claims):
    out = ["format = 1", "", "[pack]", 'id = "bench"', 'langs = ["fr", "en"]', ""]
    names, typos = [], ["[default.extend-words]"]
    for i in range(entities):
        fr, en, variant, wrong = forms(i)
        out += ["[[entity]]", f'id = "e{i}"', f'preferred = {{ fr = "{fr}", en = "{en}" }}',
                f'variants = ["{variant}"]', f'wrong = ["{wrong}"]', ""]
        names += [fr, en, variant, wrong]
        typos.append(f'{wrong} = "{en}"')
    for i in range(claims):
        word = noun(i)
        out += ["[[claim]]", f'id = "c{i}"', f'about = "{word} counted"',
                f"quantity = {{ exact = {claim_value(i)} }}",
                f'patterns.en = ["{{n}} {word} were counted"]',
                f'patterns.fr = ["{{n}} {word} ont été recensés"]', ""]
    with open(os.path.join(root, "pack.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    with open(os.path.join(root, "names.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(names) + "\n")
    with open(os.path.join(root, "typos.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(typos) + "\n")


def mention(rng, entities, english):
    i = rng.randrange(entities)
    fr, en, variant, wrong = forms(i)
    roll = rng.random()
    if roll < 0.05:
        return wrong
    if roll < 0.08:  # a one-letter typo: a near-miss
        word = en if english else fr
        k = 1 + rng.randrange(len(word) - 2)
        return word[:k] + word[k + 1:]
    if roll < 0.2:
        return variant
    return en if english else fr


def figure(rng, english):
    k = rng.randrange(100, 100000)
    if k >= 1000:
        s = f"{k:,}"
        return s if english else s.replace(",", "\u202f")
    return str(k)


def article(rng, i, entities, claims):
    english = i % 2 == 0
    year = 2016 + (i % 10)
    filler = EN_FILLER if english else FR_FILLER
    men = EN_MENTION if english else FR_MENTION
    paragraphs = []
    size = 0
    while size < 7800:
        sentences = []
        for _ in range(3 + rng.randrange(3)):
            roll = rng.random()
            if roll < 0.3 and entities:
                sentences.append(rng.choice(men).format(
                    a=mention(rng, entities, english), b=mention(rng, entities, english)))
            elif roll < 0.45 and claims:
                c = rng.randrange(claims)
                n = claim_value(c) if rng.random() < 0.8 else claim_value(c) + 7
                template = EN_CLAIM if english else FR_CLAIM
                sentences.append(template.format(n=n, noun=noun(c)))
            elif roll < 0.8:
                parts = EN_PARTS if english else FR_PARTS
                sentence = " ".join(rng.choice(p) for p in parts) + "."
                sentences.append(sentence.format(
                    year=year, day=1 + rng.randrange(28), k=figure(rng, english)))
            else:
                sentences.append(rng.choice(filler).format(
                    year=year, day=1 + rng.randrange(28), k=figure(rng, english)))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    lang = "en" if english else "fr"
    month, day = 1 + rng.randrange(12), 1 + rng.randrange(28)
    head = f"---\nlang: {lang}\ndate: {year}-{month:02d}-{day:02d}\n---\n\n# Dispatch {i}\n\n"
    return f"{year}/{lang}-{i:05d}.md", head + "\n\n".join(paragraphs) + "\n"


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    root = sys.argv[1]
    entities, claims = int(sys.argv[2]), int(sys.argv[3])
    megabytes = float(sys.argv[4])
    rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 12)
    os.makedirs(root, exist_ok=True)
    write_pack(root, entities, claims)
    total, i = 0, 0
    while total < megabytes * 1_000_000:
        name, text = article(rng, i, entities, claims)
        path = os.path.join(root, "archive", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
        i += 1
    print(f"wrote {i} articles ({total / 1e6:.1f} MB), {entities} entities, {claims} claims "
          f"under {root}")


if __name__ == "__main__":
    main()
