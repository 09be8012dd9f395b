#!/usr/bin/env python3
"""Writes a synthetic news archive for measuring `claimlint report` at scale.

Usage: bench/gen_archive.py DIR [COUNT] [SEED]

COUNT articles (default 6000), alternately English Markdown (front-matter date) and
French plain text (a dateline), built from invented sentences about Belarus with errors
sprinkled in: misspelt names, wrong figures for the pack's claims, doubled words, double
spaces. Deterministic for a given seed.
"""
import os
import random
import sys

EN_OPEN = [
    "{lead} met a delegation in Minsk on Tuesday to discuss potash exports.",
    "{lead} told state television that talks with Washington were going well.",
    "Officials in Minsk said {lead} would travel to Beijing next month.",
    "{lead} has ruled Belarus for more than three decades.",
    "Belarus, a country of about nine million people, relies on potash sales.",
]
EN_BODY = [
    "Analysts in Vilnius said the move was aimed at easing sanctions on the fertiliser trade.",
    "The foreign ministry declined to comment on the timing of the visit.",
    "Rights groups said the releases were a bargaining chip rather than a change of course.",
    "Trade with neighbouring Lithuania has fallen sharply since the border closures.",
    "The state news agency BelTA published a short statement after the meeting.",
    "Diplomats expect a further round of talks before the end of the year.",
]
EN_CLAIMS_OK = [
    "About 1,100 political prisoners remain behind bars, the opposition says.",
    "Nearly 1,300 political prisoners are still held, according to Viasna.",
]
EN_CLAIMS_BAD = [
    "More than 2,000 political prisoners are still held, the envoy said.",
    "Lukashenko has ruled the country for more than four decades.",
]
EN_ERRORS = [
    "The talks in Mink ended without a statement.",
    "Lukashenka's spokesman said the the meeting was constructive.",
    "Aleksandr Lukashenko  greeted the envoy at the airport.",
    "Exports of potash from Bielorussia rose last year.",
]
FR_OPEN = [
    "{lead} a reçu mardi une délégation à Minsk pour parler de la potasse.",
    "{lead} a déclaré à la télévision d'État que les discussions avançaient.",
    "Selon des responsables à Minsk, {lead} se rendra à Pékin le mois prochain.",
    "Le Bélarus compte environ neuf millions d'habitants et vit de la potasse.",
]
FR_BODY = [
    "Des analystes à Vilnius y voient une tentative d'alléger les sanctions sur les engrais.",
    "Le ministère des Affaires étrangères n'a pas souhaité commenter le calendrier.",
    "Les défenseurs des droits humains parlent d'une monnaie d'échange.",
    "Les échanges avec la Lituanie voisine ont chuté depuis la fermeture de la frontière.",
    "Les diplomates attendent une nouvelle série de discussions avant la fin de l'année.",
]
FR_CLAIMS_OK = [
    "Près de 1 300 prisonniers politiques sont toujours détenus, selon Viasna.",
    "Plus d'un millier de prisonniers politiques sont toujours détenus.",
]
FR_CLAIMS_BAD = [
    "Environ trois cents personnes sont toujours détenues pour des raisons politiques.",
    "M. Loukachenko, au pouvoir depuis une vingtaine d'années, a reçu l'émissaire.",
]
FR_ERRORS = [
    "Les discussions à Mink se sont achevées sans déclaration.",
    "Le porte-parole de Lukachenko a jugé la la rencontre constructive.",
    "La Biélorussie  exporte toujours de la potasse.",
]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]


def article(rng, i):
    english = i % 2 == 0
    year = 2016 + (i % 10)
    month = 1 + rng.randrange(12)
    day = 1 + rng.randrange(28)
    lines = []
    if english:
        lead = rng.choice(["Lukashenko", "Alexander Lukashenko", "The Belarusian leader"])
        opens, body, ok, bad, errors = EN_OPEN, EN_BODY, EN_CLAIMS_OK, EN_CLAIMS_BAD, EN_ERRORS
    else:
        lead = rng.choice(["Loukachenko", "Alexandre Loukachenko", "Le président bélarusse"])
        opens, body, ok, bad, errors = FR_OPEN, FR_BODY, FR_CLAIMS_OK, FR_CLAIMS_BAD, FR_ERRORS
    lines.append(rng.choice(opens).format(lead=lead))
    for _ in range(3 + rng.randrange(5)):
        paragraph = " ".join(rng.sample(body, 2))
        lines.append(paragraph)
    lines.append(rng.choice(ok))
    if rng.random() < 0.15:
        lines.append(rng.choice(bad))
    for _ in range(rng.randrange(4)):
        lines.append(rng.choice(errors))
    rest = lines[1:]
    rng.shuffle(rest)
    lines[1:] = rest
    text = "\n\n".join(lines) + "\n"
    if english:
        name = f"{year}/en-{i:05d}.md"
        text = f"---\nlang: en\ndate: {year}-{month:02d}-{day:02d}\n---\n\n# Dispatch {i}\n\n{text}"
    else:
        name = f"{year}/fr-{i:05d}.txt"
        text = f"MINSK, {day} {FR_MONTHS[month - 1]} {year} (AFP) - {text}"
    return name, text


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 6000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 13)
    for i in range(count):
        name, text = article(rng, i)
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    print(f"wrote {count} articles under {root}")


if __name__ == "__main__":
    main()
