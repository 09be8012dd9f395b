//! The shapes real copy states claims in, checked with the shipped Belarus pack: for
//! each shape, in French and English, a right value (recognised, no finding), a wrong
//! value (a finding on the figure, exact span) and distractors (no claim finding). The
//! sentences are our own, written in the shapes of published wire copy.

use claimlint::finding::Kind;
use claimlint::Lang::{self, En, Fr};

mod common;

enum Expect {
    /// Recognised by the rule, no finding.
    Right,
    /// A finding of the rule whose span is this text.
    Wrong(&'static str),
    /// No claim finding at all.
    Silent,
}
use Expect::{Right, Silent, Wrong};

/// (language, text, rule, expectation)
const SHAPES: &[(Lang, &str, &str, Expect)] = &[
    // Tenure: plain, passive, fronted, possessive, relative, subject named earlier.
    (Fr, "Alexandre Loukachenko dirige le Bélarus depuis 1994.", "lukashenko-in-power", Right),
    (Fr, "Alexandre Loukachenko dirige le Bélarus depuis 2004.", "lukashenko-in-power", Wrong("2004")),
    (Fr, "Le pays est dirigé par M. Loukachenko depuis 1994.", "lukashenko-in-power", Right),
    (Fr, "Le pays est dirigé d'une main de fer par M. Loukachenko depuis 1999.", "lukashenko-in-power", Wrong("1999")),
    (Fr, "Au pouvoir depuis plus de trente ans, Alexandre Loukachenko a reçu l'émissaire.", "lukashenko-in-power", Right),
    (Fr, "Au pouvoir depuis plus de quarante ans, Alexandre Loukachenko a reçu l'émissaire.", "lukashenko-in-power", Wrong("plus de quarante ans")),
    (Fr, "M. Loukachenko, à la tête du pays depuis 1994, a gracié 123 détenus.", "lukashenko-in-power", Right),
    (Fr, "M. Loukachenko, à la tête du pays depuis 1996, a gracié 123 détenus.", "lukashenko-in-power", Wrong("1996")),
    (Fr, "Loukachenko a reçu l'envoyé américain samedi. Il dirige le pays depuis 1994.", "lukashenko-in-power", Right),
    (Fr, "Loukachenko a reçu l'envoyé américain samedi. Il dirige le pays depuis vingt ans.", "lukashenko-in-power", Wrong("vingt ans")),
    (Fr, "Après plus de trente ans au pouvoir, Loukachenko cherche un rapprochement.", "lukashenko-in-power", Right),
    (Fr, "Après vingt ans au pouvoir, Loukachenko cherche un rapprochement.", "lukashenko-in-power", Wrong("vingt ans")),
    (En, "Lukashenko has ruled Belarus since 1994.", "lukashenko-in-power", Right),
    (En, "Lukashenko has ruled Belarus since 2001.", "lukashenko-in-power", Wrong("2001")),
    (En, "Belarus has been ruled by Lukashenko with an iron fist since 1994.", "lukashenko-in-power", Right),
    (En, "Belarus has been ruled by Lukashenko with an iron fist since 2010.", "lukashenko-in-power", Wrong("2010")),
    (En, "In power for more than three decades, Lukashenko has courted Washington.", "lukashenko-in-power", Right),
    (En, "In power for more than four decades, Lukashenko has courted Washington.", "lukashenko-in-power", Wrong("more than four decades")),
    (En, "The release is a rare gesture in Lukashenko's 31-year rule.", "lukashenko-in-power", Right),
    (En, "The release is a rare gesture in Lukashenko's 25-year rule.", "lukashenko-in-power", Wrong("25-year")),
    (En, "Lukashenko, the man who has been in charge since 1994, met the envoy.", "lukashenko-in-power", Right),
    (En, "Lukashenko, the man who has been in charge since 2005, met the envoy.", "lukashenko-in-power", Wrong("2005")),
    (En, "Lukashenko met the US envoy on Friday. He has led the country since 1994.", "lukashenko-in-power", Right),
    (En, "Lukashenko met the US envoy on Friday. He has led the country for 20 years.", "lukashenko-in-power", Wrong("20 years")),
    // Tenure beside the ally he is always described with: the ally's name near the
    // figure does not hide it, and the ally's own tenure is not his.
    (En, "Lukashenko, a close ally of Vladimir Putin, has ruled Belarus since 1994.", "lukashenko-in-power", Right),
    (En, "Lukashenko, a close ally of Vladimir Putin, has ruled Belarus since 1990.", "lukashenko-in-power", Wrong("1990")),
    (En, "Lukashenko, in power since 1991 and a close Putin ally, freed the men on Saturday.", "lukashenko-in-power", Wrong("1991")),
    (En, "Lukashenko leans on Putin, who has ruled Russia since 2000.", "lukashenko-in-power", Silent),
    (Fr, "Alexandre Loukachenko, au pouvoir depuis 1994 et proche de Vladimir Poutine, a gracié 52 personnes.", "lukashenko-in-power", Right),
    (Fr, "Alexandre Loukachenko, au pouvoir depuis 1990 et proche de Vladimir Poutine, a gracié 52 personnes.", "lukashenko-in-power", Wrong("1990")),
    (Fr, "Alexandre Loukachenko, proche allié de Vladimir Poutine, dirige le Bélarus depuis 1998.", "lukashenko-in-power", Wrong("1998")),
    (Fr, "Loukachenko compte sur Poutine, qui dirige la Russie depuis 2000.", "lukashenko-in-power", Silent),
    // A second predicate after "and" does not hide the tenure.
    (En, "Lukashenko has ruled Belarus since 1994 and has crushed the opposition.", "lukashenko-in-power", Right),
    (En, "Lukashenko has ruled Belarus since 1990 and has crushed the opposition.", "lukashenko-in-power", Wrong("1990")),
    (En, "Lukashenko has ruled Belarus with an iron fist since 1990 and is grooming his son.", "lukashenko-in-power", Wrong("1990")),
    (Fr, "Loukachenko dirige le Bélarus d'une main de fer depuis 1994 et réprime l'opposition.", "lukashenko-in-power", Right),
    (Fr, "Loukachenko dirige le Bélarus d'une main de fer depuis 1990 et réprime l'opposition.", "lukashenko-in-power", Wrong("1990")),
    (Fr, "Loukachenko dirige le pays depuis 1990 sans partage et n'a jamais toléré l'opposition.", "lukashenko-in-power", Wrong("1990")),
    // Tenure distractors: other dates in the sentence.
    (Fr, "Loukachenko, qui dirige le pays, a libéré Ales Bialiatski, emprisonné depuis 2021.", "lukashenko-in-power", Silent),
    (Fr, "Loukachenko dirige le pays depuis 1994 et Bialiatski était emprisonné depuis 2021.", "lukashenko-in-power", Silent),
    (En, "Lukashenko, 71, freed Kalesnikava, who had been jailed since 2020.", "lukashenko-in-power", Silent),
    (En, "Lukashenko, who has ruled since 1994, was re-elected in 2020 for a sixth term.", "lukashenko-in-power", Silent),
    (En, "Lukashenko met Tsikhanouskaya's husband, who had been in prison since 2020.", "lukashenko-in-power", Silent),
    // Still held: "still remain", "restent derrière les barreaux", "compte toujours",
    // "restants", "plus d'un millier".
    (Fr, "Plus de 1 000 prisonniers politiques restent derrière les barreaux au Bélarus.", "still-held", Right),
    (Fr, "Une centaine de prisonniers politiques restent derrière les barreaux au Bélarus.", "still-held", Wrong("Une centaine")),
    (Fr, "Selon Viasna, le pays compte toujours plus de 1 200 prisonniers politiques.", "still-held", Right),
    (Fr, "Selon Viasna, le pays compte toujours quelque 500 prisonniers politiques.", "still-held", Wrong("quelque 500")),
    (Fr, "Les ONG recensent près de 1 300 prisonniers politiques restants.", "still-held", Right),
    (Fr, "Les ONG recensent près de 300 prisonniers politiques restants.", "still-held", Wrong("près de 300")),
    (Fr, "Plus d'un millier de prisonniers politiques sont toujours détenus.", "still-held", Right),
    (Fr, "Près dʼune centaine de prisonniers politiques sont toujours détenus.", "still-held", Wrong("Près dʼune centaine")),
    // An aside between commas; a count stated with "counts" / "there are … in Belarus".
    (Fr, "Il a averti que quelque 1 100 prisonniers politiques, dont deux de ses collègues, demeurent incarcérés.", "still-held", Right),
    (Fr, "Il a averti que quelque 100 prisonniers politiques, dont deux de ses collègues, demeurent incarcérés.", "still-held", Wrong("quelque 100")),
    (En, "More than 1,100 political prisoners, including two of his colleagues, remain behind bars.", "still-held", Right),
    (En, "About 100 political prisoners, including two of his colleagues, remain behind bars.", "still-held", Wrong("About 100")),
    (En, "The rights group counts 1,250 political prisoners in Belarus.", "still-held", Right),
    (En, "The rights group counts 250 political prisoners in Belarus.", "still-held", Wrong("250")),
    (En, "Some 200 political prisoners, he said, were freed on Thursday.", "still-held", Silent),
    // Released since July 2024 without "political".
    (En, "Lukashenko has freed more than 430 prisoners since July 2024.", "released-since-2024-07", Right),
    (En, "Lukashenko has freed about 130 prisoners since July 2024.", "released-since-2024-07", Wrong("about 130")),
    (Fr, "Depuis juillet 2024, Minsk a relâché plus de 430 détenus.", "released-since-2024-07", Right),
    (Fr, "Depuis juillet 2024, Minsk a relâché une centaine de détenus.", "released-since-2024-07", Wrong("une centaine")),
    (En, "More than 1,000 political prisoners still remain in Belarusian jails.", "still-held", Right),
    (En, "Fewer than 100 political prisoners still remain in Belarusian jails.", "still-held", Wrong("Fewer than 100")),
    (En, "Rights groups say about 1,100 political prisoners remain behind bars.", "still-held", Right),
    (En, "Rights groups say about 600 political prisoners remain behind bars.", "still-held", Wrong("about 600")),
    (En, "The country still holds more than 1,100 political prisoners, Viasna says.", "still-held", Right),
    (En, "The country still holds some 700 political prisoners, Viasna says.", "still-held", Wrong("some 700")),
    // Still-held distractors.
    (Fr, "Minsk a libéré 52 prisonniers politiques, mais plus de 1 100 restent derrière les barreaux.", "still-held", Silent),
    (En, "Of the 123 prisoners freed, nine went to Lithuania and 114 to Ukraine.", "still-held", Silent),
    (En, "Belarus freed 52 political prisoners on Thursday; more than 1,000 remain behind bars.", "still-held", Silent),
    // Released since July 2024, and the September release.
    (Fr, "Depuis juillet 2024, le Bélarus a libéré plus de 430 prisonniers politiques.", "released-since-2024-07", Right),
    (Fr, "Depuis juillet 2024, le Bélarus a libéré quelque 200 prisonniers politiques.", "released-since-2024-07", Wrong("quelque 200")),
    (En, "Belarus has freed more than 430 political prisoners since July 2024.", "released-since-2024-07", Right),
    (En, "Belarus has freed about 150 political prisoners since July 2024.", "released-since-2024-07", Wrong("about 150")),
    (En, "In September, Belarus freed 52 political prisoners, bringing the total since July 2024 to more than 430.", "released-since-2024-07", Silent),
    (En, "In September, Belarus freed 52 political prisoners, bringing the total since July 2024 to more than 430.", "released-2025-09", Silent),
    (En, "Since July 2024, Belarus has freed more than 430 political prisoners, including many in September.", "released-2025-09", Silent),
    (Fr, "En septembre, le Bélarus a libéré 52 prisonniers politiques.", "released-2025-09", Right),
    (Fr, "En septembre, le Bélarus a libéré 25 prisonniers politiques.", "released-2025-09", Wrong("25")),
    (En, "Belarus has released more than 430 political prisoners overall since July 2024, 52 of them in September.", "released-2025-09", Silent),
    // Figures the pattern cannot take: years, other counts, "some 300,000 Belarusians".
    (En, "Nine of those released were taken to Lithuania, and 114 to Ukraine.", "still-held", Silent),
    (En, "Kalesnikava, jailed in 2020, was among those bused to Ukraine.", "still-held", Silent),
    (En, "Some 300,000 Belarusians have fled Belarus since 2020.", "belarus-population", Silent),
    // Population: rounding of scale words.
    (Fr, "Le Bélarus compte neuf millions d'habitants.", "belarus-population", Right),
    (Fr, "Le Bélarus compte vingt millions d'habitants.", "belarus-population", Wrong("vingt millions")),
    (Fr, "Ce pays de 9,5 millions d'habitants, le Bélarus, est isolé.", "belarus-population", Right),
    (En, "Lukashenko has ruled Belarus, a nation of 9.5 million, since 1994.", "belarus-population", Right),
    (En, "Belarus, a country of 12 million people, borders Lithuania.", "belarus-population", Wrong("12 million")),
    (Fr, "Minsk, la capitale du Bélarus, compte deux millions d'habitants.", "belarus-population", Silent),
    // More wire shapes.
    (Fr, "Alexandre Loukachenko, qui règne sans partage sur le Bélarus depuis 1994, a parlé.", "lukashenko-in-power", Right),
    (Fr, "Loukachenko, 71 ans, au pouvoir depuis plus de trois décennies, a parlé.", "lukashenko-in-power", Right),
    (Fr, "Loukachenko, 71 ans, au pouvoir depuis plus de quatre décennies, a parlé.", "lukashenko-in-power", Wrong("plus de quatre décennies")),
    (Fr, "M. Loukachenko règne d'une main de fer sur le pays depuis 31 ans.", "lukashenko-in-power", Right),
    (Fr, "Loukachenko gouverne le Bélarus depuis trois décennies.", "lukashenko-in-power", Right),
    (Fr, "Loukachenko gouverne le Bélarus depuis deux décennies.", "lukashenko-in-power", Wrong("deux décennies")),
    (En, "Lukashenko, Belarus' leader since 1994, met the envoy.", "lukashenko-in-power", Right),
    (En, "Lukashenko, who has clung to power since 1994, met the envoy.", "lukashenko-in-power", Right),
    (En, "Lukashenko, who has clung to power since 2004, met the envoy.", "lukashenko-in-power", Wrong("2004")),
    (En, "Lukashenko has run the country since 1994.", "lukashenko-in-power", Right),
    (En, "The 71-year-old Lukashenko has been in office since 1994.", "lukashenko-in-power", Right),
    (En, "After more than three decades in power, Lukashenko is courting the West.", "lukashenko-in-power", Right),
    (En, "After more than four decades in power, Lukashenko is courting the West.", "lukashenko-in-power", Wrong("more than four decades")),
    (Fr, "Environ 1 100 prisonniers politiques sont toujours derrière les barreaux.", "still-held", Right),
    (Fr, "Le Bélarus détient encore plus de 1 100 prisonniers politiques.", "still-held", Right),
    (Fr, "Le Bélarus détient encore une trentaine de prisonniers politiques.", "still-held", Wrong("une trentaine")),
    (Fr, "Selon Viasna, 1 110 personnes sont actuellement emprisonnées pour des motifs politiques.", "still-held", Right),
    (Fr, "Il reste plus de 1 100 prisonniers politiques dans les geôles du pays.", "still-held", Right),
    (Fr, "Il reste moins de 500 prisonniers politiques dans les geôles du pays.", "still-held", Wrong("moins de 500")),
    (En, "Viasna counts some 1,100 political prisoners still in custody.", "still-held", Right),
    (En, "Belarus still holds about 1,100 political prisoners.", "still-held", Right),
    (En, "There are still more than 1,000 political prisoners in Belarus.", "still-held", Right),
    (En, "There are still about 200 political prisoners in Belarus.", "still-held", Wrong("about 200")),
    (En, "An estimated 1,100 people remain imprisoned on politically motivated charges.", "still-held", Right),
    (En, "Lukashenko released 123 prisoners, including Ales Bialiatski, who had been jailed since 2021.", "lukashenko-in-power", Silent),
    (En, "Lukashenko, who has ruled since 1994, freed 123 prisoners, 114 of whom were taken to Ukraine.", "still-held", Silent),
    (En, "Babaryka, sentenced in 2021 to 14 years, was freed with 122 other prisoners.", "still-held", Silent),
    (Fr, "Babaryka, condamné en 2021 à 14 ans de prison, fait partie des 123 détenus libérés.", "still-held", Silent),
    (Fr, "Loukachenko a gracié 123 détenus samedi, dont 114 ont été conduits en Ukraine.", "released-2025-09", Silent),
    (Fr, "Près de 1 200 prisonniers politiques peuplent les geôles du pays.", "still-held", Right),
    (Fr, "Selon Viasna, plus de 1 250 prisonniers politiques sont détenus dans des conditions difficiles.", "still-held", Right),
    (Fr, "Selon Viasna, une centaine de prisonniers politiques sont détenus dans des conditions difficiles.", "still-held", Wrong("une centaine")),
    (Fr, "L'ONG estime à plus de 1 100 le nombre de prisonniers politiques actuellement au Bélarus.", "still-held", Right),
    (Fr, "L'ONG estime à 400 le nombre de prisonniers politiques actuellement au Bélarus.", "still-held", Wrong("400")),
    (Fr, "Loukachenko a gracié 20 détenus, portant à 227 le nombre de prisonniers politiques libérés depuis l'été.", "still-held", Silent),
    (En, "According to Viasna, there are currently more than 1,100 political prisoners in Belarusian jails.", "still-held", Right),
    (En, "According to Viasna, there are currently 400 political prisoners in Belarusian jails.", "still-held", Wrong("400")),
    (En, "More than a thousand Belarusians remain in prison on political charges.", "still-held", Right),
    (En, "Hundreds of thousands of Belarusians have fled, and 300,000 remain abroad.", "still-held", Silent),
    (En, "Lukashenko has stifled dissent since his tenure began in 1994.", "lukashenko-in-power", Right),
    (En, "Lukashenko has stifled dissent since his tenure began in 1997.", "lukashenko-in-power", Wrong("1997")),
    (En, "Belarus freed 123 people of various nationalities on Saturday.", "belarus-population", Silent),
    (En, "Ukraine, a country of 38 million people, took in 114 of those freed by Belarus.", "belarus-population", Silent),
    (Fr, "L'Ukraine, pays de 38 millions d'habitants, a accueilli 114 des détenus libérés par le Bélarus.", "belarus-population", Silent),
    (En, "The 52 political prisoners freed on Thursday remain in Lithuania.", "still-held", Silent),
    (Fr, "Les 52 prisonniers politiques libérés jeudi restent sous surveillance en Lituanie.", "still-held", Silent),
    (En, "Belarus is home to 9.5 million people, and Lukashenko has ruled it since 1994.", "belarus-population", Right),
    (Fr, "Au total, 123 détenus ont été libérés samedi, et plus de 430 depuis juillet 2024.", "released-since-2024-07", Silent),
    (En, "Belarus has freed more than 430 political prisoners since the summer of 2024.", "released-since-2024-07", Right),
    (Fr, "Depuis l'été 2024, le Bélarus a libéré une centaine de prisonniers politiques.", "released-since-2024-07", Wrong("une centaine")),
    (En, "Lukashenko freed 123 prisoners on Saturday. The Belarusian leader has ruled for more than four decades, a diplomat said.", "lukashenko-in-power", Wrong("more than four decades")),
    (Fr, "Loukachenko a gracié 123 détenus samedi. Le président bélarusse dirige le pays depuis 1994.", "lukashenko-in-power", Right),
    (En, "Lukashenko met John Coale on Friday. The envoy has been in charge of the talks since 2025.", "lukashenko-in-power", Silent),
    (Fr, "Loukachenko dirige le Bélarus depuis son élection en 1994.", "lukashenko-in-power", Right),
    (Fr, "Loukachenko dirige le Bélarus depuis son élection en 1996.", "lukashenko-in-power", Wrong("1996")),
    (En, "Lukashenko has crushed dissent since he came to power in 1994.", "lukashenko-in-power", Right),
    (En, "Lukashenko has crushed dissent since he came to power in 1999.", "lukashenko-in-power", Wrong("1999")),
    (En, "Lukashenko, re-elected in 2020 in a vote the West rejected, freed 123 prisoners.", "lukashenko-in-power", Silent),
    (Fr, "Loukachenko, réélu en 2020 lors d'un scrutin contesté, a gracié 123 détenus.", "lukashenko-in-power", Silent),
    (Fr, "Le Bélarus libère 123 détenus. La Pologne, pays de 38 millions d'habitants, salue le geste.", "belarus-population", Silent),
    (En, "Lukashenko has ruled the nation of 9.5 million since 1994.", "belarus-population", Right),
    (En, "Minsk has freed more than 430 political prisoners since July 2024.", "released-since-2024-07", Right),
    (En, "Minsk has freed about 120 political prisoners since July 2024.", "released-since-2024-07", Wrong("about 120")),
    (Fr, "Un millier de personnes sont toujours détenues pour des raisons politiques.", "still-held", Right),
    (Fr, "Une centaine de personnes sont toujours détenues pour des raisons politiques.", "still-held", Wrong("Une centaine")),
    (Fr, "En septembre, Minsk a relâché une cinquantaine de détenus.", "released-2025-09", Right),
    (Fr, "En septembre, Minsk a relâché une vingtaine de détenus.", "released-2025-09", Wrong("une vingtaine")),
    (Fr, "Depuis 2005, Alexandre Loukachenko gouverne le Bélarus sans partage.", "lukashenko-in-power", Wrong("2005")),
    (En, "Since 1994, Lukashenko has governed Belarus with an iron fist.", "lukashenko-in-power", Right),
    (Fr, "Alexandre Loukachenko, qui a pris le pouvoir en 2001, a reçu l'émissaire.", "lukashenko-in-power", Wrong("2001")),
    (Fr, "Environ 500 opposants sont toujours emprisonnés pour des raisons politiques.", "still-held", Wrong("Environ 500")),
    (Fr, "Le Bélarus a gracié environ 150 prisonniers politiques depuis juillet 2024.", "released-since-2024-07", Wrong("environ 150")),
    (Fr, "Depuis 2021, Ales Bialiatski était emprisonné, et Loukachenko dirige le pays.", "lukashenko-in-power", Silent),
    (Fr, "Depuis 2021, Ales Bialiatski était emprisonné alors que Loukachenko dirigeait le pays.", "lukashenko-in-power", Silent),
    (En, "Since 2005, President Alexander Lukashenko has ruled Belarus alone.", "lukashenko-in-power", Wrong("2005")),
    // Sentences first written as a held-out check of the pack (see the report of issue 8).
    (Fr, "Le président Alexandre Loukachenko, qui tient le pays d'une main de fer depuis 1994, a reçu samedi l'émissaire américain.", "lukashenko-in-power", Right),
    (Fr, "Le président Alexandre Loukachenko, qui tient le pays d'une main de fer depuis 1999, a reçu samedi l'émissaire américain.", "lukashenko-in-power", Wrong("1999")),
    (Fr, "Dirigé depuis 1994 par Alexandre Loukachenko, le Bélarus est un proche allié de Moscou.", "lukashenko-in-power", Right),
    (Fr, "Dirigé depuis 2004 par Alexandre Loukachenko, le Bélarus est un proche allié de Moscou.", "lukashenko-in-power", Wrong("2004")),
    (Fr, "M. Loukachenko, qui gouverne le Bélarus depuis plus de trois décennies, cherche à sortir de l'isolement.", "lukashenko-in-power", Right),
    (Fr, "M. Loukachenko, qui gouverne le Bélarus depuis près de vingt ans, cherche à sortir de l'isolement.", "lukashenko-in-power", Wrong("près de vingt ans")),
    (Fr, "Alexandre Loukachenko est à la tête du Bélarus depuis 1994.", "lukashenko-in-power", Right),
    (Fr, "Alexandre Loukachenko est à la tête du Bélarus depuis 2010.", "lukashenko-in-power", Wrong("2010")),
    (En, "Lukashenko, who has governed Belarus with an iron hand since 1994, hailed the deal.", "lukashenko-in-power", Right),
    (En, "Lukashenko, who has governed Belarus with an iron hand since 2008, hailed the deal.", "lukashenko-in-power", Wrong("2008")),
    (En, "Alexander Lukashenko, Belarus's authoritarian leader for more than three decades, met Coale.", "lukashenko-in-power", Right),
    (En, "Alexander Lukashenko, Belarus's authoritarian leader for more than four decades, met Coale.", "lukashenko-in-power", Wrong("more than four decades")),
    (En, "Lukashenko has held power in Belarus since 1994.", "lukashenko-in-power", Right),
    (En, "Lukashenko has held power in Belarus since 2000.", "lukashenko-in-power", Wrong("2000")),
    (En, "The West has shunned Lukashenko for years. He has ruled Belarus since 1994.", "lukashenko-in-power", Right),
    (En, "The West has shunned Lukashenko for years. He has ruled Belarus since 1996.", "lukashenko-in-power", Wrong("1996")),
    (Fr, "Selon l'ONG Viasna, plus de 1 100 personnes restent emprisonnées pour des raisons politiques.", "still-held", Right),
    (Fr, "Selon l'ONG Viasna, environ 400 personnes restent emprisonnées pour des raisons politiques.", "still-held", Wrong("environ 400")),
    (Fr, "Le Bélarus compte encore quelque 1 100 prisonniers politiques, selon les défenseurs des droits humains.", "still-held", Right),
    (Fr, "Le Bélarus compte encore quelque 200 prisonniers politiques, selon les défenseurs des droits humains.", "still-held", Wrong("quelque 200")),
    (Fr, "Plus de 1 000 opposants restent derrière les barreaux, dont des journalistes.", "still-held", Right),
    (En, "Viasna says more than 1,100 political prisoners are still behind bars.", "still-held", Right),
    (En, "Viasna says 300 political prisoners are still behind bars.", "still-held", Wrong("300")),
    (En, "Over 1,000 people remain jailed in Belarus on political grounds, rights groups say.", "still-held", Right),
    (En, "Fewer than 500 people remain jailed in Belarus on political grounds, rights groups say.", "still-held", Wrong("Fewer than 500")),
    (En, "Belarus still has more than 1,100 political prisoners.", "still-held", Right),
    (En, "Belarus still has about 400 political prisoners.", "still-held", Wrong("about 400")),
    (Fr, "Le Bélarus, pays de 9,5 millions d'habitants, est enclavé entre la Russie et l'Union européenne.", "belarus-population", Right),
    (Fr, "Le Bélarus, pays de 15 millions d'habitants, est enclavé entre la Russie et l'Union européenne.", "belarus-population", Wrong("15 millions")),
    (En, "Belarus, a nation of some 9.5 million people, borders Poland, Lithuania and Latvia.", "belarus-population", Right),
    (En, "Belarus, a nation of some 15 million people, borders Poland, Lithuania and Latvia.", "belarus-population", Wrong("some 15 million")),
    (Fr, "Minsk a libéré plus de 430 prisonniers politiques depuis juillet 2024, selon Viasna et le Bélarus.", "released-since-2024-07", Right),
    (Fr, "Le Bélarus a libéré une centaine de prisonniers politiques depuis juillet 2024.", "released-since-2024-07", Wrong("une centaine")),
    (En, "Since July 2024, Belarus has released more than 430 political prisoners.", "released-since-2024-07", Right),
    (En, "Since July 2024, Belarus has released about 150 political prisoners.", "released-since-2024-07", Wrong("about 150")),
    (Fr, "Parmi les 123 personnes libérées figurent Ales Bialiatski, arrêté en 2021, et Maria Kalesnikava, condamnée en 2021 à onze ans de prison.", "still-held", Silent),
    (Fr, "Quatorze étrangers figuraient parmi les 52 détenus libérés en septembre, dont six Lituaniens.", "still-held", Silent),
    (Fr, "Loukachenko, 71 ans, a gracié 123 personnes et Washington a levé les sanctions sur la potasse, imposées en 2021.", "still-held", Silent),
    (Fr, "La Lituanie, pays de 2,8 millions d'habitants, a accueilli neuf des détenus libérés par le Bélarus.", "still-held", Silent),
    (En, "Bialiatski, 63, was jailed in 2021 and sentenced to 10 years in prison.", "still-held", Silent),
    (En, "Belarus freed 123 prisoners; 114 went to Ukraine and nine to Lithuania, where Tsikhanouskaya has lived since 2020.", "still-held", Silent),
    (En, "The deal lifts sanctions worth $2 billion a year on Belarusian potash, imposed in 2021.", "still-held", Silent),
    (En, "Lukashenko, 71, has pardoned more than 300 people since 2024, and some 300,000 Belarusians have left since 2020.", "still-held", Silent),
    (En, "Tsikhanouskaya, who has led the opposition in exile since 2020, welcomed the releases.", "still-held", Silent),
    (En, "Of the 52 freed in September, 14 were foreigners, including six Lithuanians.", "still-held", Silent),
    (Fr, "Alexandre Loukachenko, 71 ans, dirige l'ex-république soviétique depuis 2001 et vient d'entamer un septième mandat.", "lukashenko-in-power", Wrong("2001")),
    (Fr, "Alexandre Loukachenko, 71 ans, dirige l'ex-république soviétique depuis 1994 et vient d'entamer un septième mandat.", "lukashenko-in-power", Right),
    (Fr, "Celui que l'on surnomme le dernier dictateur d'Europe est au pouvoir depuis 1990, rappelle l'AFP, et Loukachenko ne compte pas partir.", "lukashenko-in-power", Wrong("1990")),
    (Fr, "Loukachenko règne sur le Bélarus depuis un quart de siècle.", "lukashenko-in-power", Wrong("un quart de siècle")),
    (Fr, "Après 25 ans de règne, Alexandre Loukachenko reste inflexible.", "lukashenko-in-power", Wrong("25 ans")),
    (Fr, "Après plus de 30 ans de règne, Alexandre Loukachenko reste inflexible.", "lukashenko-in-power", Right),
    (En, "Lukashenko, 71, has been in power for 25 years and is serving a seventh term.", "lukashenko-in-power", Wrong("25 years")),
    (En, "Lukashenko, 71, has been in power for 31 years and is serving a seventh term.", "lukashenko-in-power", Right),
    (En, "Belarus, led by Lukashenko since 2003, is Russia's closest ally.", "lukashenko-in-power", Wrong("2003")),
    (En, "Belarus, led by Lukashenko since 1994, is Russia's closest ally.", "lukashenko-in-power", Right),
    (En, "Lukashenko, Europe's longest-serving leader, has been president since 1999.", "lukashenko-in-power", Wrong("1999")),
    (En, "Lukashenko's nearly two decades in power have been marked by repression.", "lukashenko-in-power", Wrong("nearly two decades")),
    (Fr, "Quelque 600 prisonniers politiques croupissent toujours dans les prisons bélarusses.", "still-held", Wrong("Quelque 600")),
    (Fr, "Quelque 1 150 prisonniers politiques croupissent toujours dans les prisons bélarusses.", "still-held", Right),
    (Fr, "Il y a toujours environ 500 prisonniers politiques au Bélarus, d'après Viasna.", "still-held", Wrong("environ 500")),
    (En, "Rights groups estimate that roughly 500 political prisoners remain in custody.", "still-held", Wrong("roughly 500")),
    (En, "Rights groups estimate that roughly 1,150 political prisoners remain in custody.", "still-held", Right),
    (En, "Some 800 people are still imprisoned in Belarus for political reasons.", "still-held", Wrong("Some 800")),
    (En, "Belarus continues to hold around 700 political prisoners, according to Viasna.", "still-held", Wrong("around 700")),
    (Fr, "Le Bélarus, qui compte 20 millions d'habitants, dépend de la potasse.", "belarus-population", Wrong("20 millions")),
    (En, "Belarus has a population of about 20 million.", "belarus-population", Wrong("about 20 million")),
    (Fr, "Maria Kalesnikava, condamnée à 11 ans de prison en 2021, fait partie des 114 personnes transférées en Ukraine.", "still-held", Silent),
    (Fr, "Depuis 2020, des centaines de milliers de Bélarusses ont fui le pays, et 65 000 personnes ont été arrêtées.", "still-held", Silent),
    (Fr, "Le Bélarus a libéré 123 prisonniers samedi, un mois après en avoir relâché 31, et Loukachenko dirige le pays depuis 1994.", "still-held", Silent),
    (En, "Bialiatski, who founded Viasna in 1996, had been in prison since 2021.", "still-held", Silent),
    (En, "Belarus released 14 political prisoners in June and 52 in September; more than 1,100 remain behind bars.", "still-held", Silent),
    (En, "Sanctions on Belavia, in place since 2021, were lifted in September.", "still-held", Silent),
    (En, "The 123 freed on Saturday include 114 people taken to Ukraine, where they will stay for now.", "still-held", Silent),
    (En, "Lukashenko's government has jailed more than 65,000 people since the 2020 protests, rights groups say.", "still-held", Silent),
    (Fr, "Surnommé le dernier dictateur d'Europe, Alexandre Loukachenko est au pouvoir depuis 2000.", "lukashenko-in-power", Wrong("2000")),
    (Fr, "Surnommé le dernier dictateur d'Europe, Alexandre Loukachenko est au pouvoir depuis 1994.", "lukashenko-in-power", Right),
    (Fr, "Le Bélarus, que M. Loukachenko dirige depuis quinze ans, a libéré 123 détenus.", "lukashenko-in-power", Wrong("quinze ans")),
    (Fr, "Loukachenko, réélu en janvier pour un septième mandat, préside le pays depuis 2005.", "lukashenko-in-power", Wrong("2005")),
    (En, "Lukashenko, in office since 2001, has been courting Washington.", "lukashenko-in-power", Wrong("2001")),
    (En, "Lukashenko, in office since 1994, has been courting Washington.", "lukashenko-in-power", Right),
    (En, "During his 20 years in power, Lukashenko has crushed every challenge.", "lukashenko-in-power", Wrong("20 years")),
    (En, "Lukashenko, who came to power in 2001, freed the prisoners.", "lukashenko-in-power", Wrong("2001")),
    (Fr, "Quelque 600 personnes restent détenues pour des motifs politiques, selon Viasna.", "still-held", Wrong("Quelque 600")),
    (Fr, "Le pays détient toujours environ 300 prisonniers politiques.", "still-held", Wrong("environ 300")),
    (Fr, "Environ 400 prisonniers politiques demeurent incarcérés au Bélarus.", "still-held", Wrong("Environ 400")),
    (En, "About 300 political prisoners remain in Belarusian prisons, according to Viasna.", "still-held", Wrong("About 300")),
    (En, "Roughly 500 political prisoners are still held in Belarus.", "still-held", Wrong("Roughly 500")),
    (En, "Viasna counts 600 political prisoners still jailed.", "still-held", Wrong("600")),
    (Fr, "Depuis juillet 2024, Minsk a remis en liberté environ 200 prisonniers politiques au Bélarus.", "released-since-2024-07", Wrong("environ 200")),
    (En, "Belarus has pardoned some 200 political prisoners since July 2024.", "released-since-2024-07", Wrong("some 200")),
    (Fr, "Ce pays de 20 millions d'habitants, le Bélarus, est isolé.", "belarus-population", Wrong("20 millions")),
    (En, "Lukashenko has ruled Belarus, a country of 20 million, since 1994.", "belarus-population", Wrong("20 million")),
    (Fr, "Le Bélarus a libéré 123 prisonniers, dont neuf ont rejoint la Lituanie, où vivent 50 000 exilés bélarusses.", "still-held", Silent),
    (Fr, "Viktar Babaryka, arrêté en juin 2020 et condamné à 14 ans de colonie pénitentiaire, a été libéré.", "still-held", Silent),
    (Fr, "Le Bélarus, qui a libéré 52 prisonniers politiques en septembre, en a relâché 123 samedi.", "still-held", Silent),
    (Fr, "Les sanctions visant Belaruskali, en vigueur depuis 2021, ont été levées.", "still-held", Silent),
    (Fr, "Loukachenko, au pouvoir depuis 1994, a libéré 123 personnes, dont 114 envoyées en Ukraine.", "still-held", Silent),
    (En, "Kalesnikava, 43, had been held since September 2020 and sentenced to 11 years.", "still-held", Silent),
    (En, "About 1,100 political prisoners remain behind bars, down from a peak of 1,500 in 2021.", "still-held", Silent),
    (En, "Among the 123 prisoners freed were 5 Ukrainians and 14 foreigners.", "still-held", Silent),
    (En, "Belarus earned about $2.5 billion a year from potash before sanctions imposed in 2021.", "still-held", Silent),
    (En, "Lukashenko, who has ruled since 1994, said 52 prisoners were freed in September.", "still-held", Silent),
    (En, "Trump said the US would lift sanctions, and Lukashenko freed 123 prisoners, 9 of whom went to Lithuania.", "still-held", Silent),
    (Fr, "Le chef de l'État bélarusse, Alexandre Loukachenko, qui a pris le pouvoir en 2001, a reçu l'émissaire.", "lukashenko-in-power", Wrong("2001")),
    (Fr, "Depuis 2005, Alexandre Loukachenko gouverne le Bélarus sans partage.", "lukashenko-in-power", Wrong("2005")),
    (Fr, "Depuis 1994, Alexandre Loukachenko gouverne le Bélarus sans partage.", "lukashenko-in-power", Right),
    (Fr, "Alexandre Loukachenko, à la tête du pays depuis près de deux décennies, a gracié 123 détenus.", "lukashenko-in-power", Wrong("près de deux décennies")),
    (En, "Since 2005, Lukashenko has governed Belarus with an iron fist.", "lukashenko-in-power", Wrong("2005")),
    (En, "Since 1994, Lukashenko has governed Belarus with an iron fist.", "lukashenko-in-power", Right),
    (En, "Lukashenko has been Belarus's president for two decades.", "lukashenko-in-power", Wrong("two decades")),
    (En, "Under Lukashenko, who has led Belarus for 20 years, dissent has been crushed.", "lukashenko-in-power", Wrong("20 years")),
    (Fr, "Les ONG dénombrent toujours environ 600 prisonniers politiques au Bélarus.", "still-held", Wrong("environ 600")),
    (Fr, "Environ 500 opposants sont toujours emprisonnés pour des raisons politiques.", "still-held", Wrong("Environ 500")),
    (En, "Around 600 political prisoners are still being held, Viasna says.", "still-held", Wrong("Around 600")),
    (En, "Human rights groups say 700 political prisoners remain jailed.", "still-held", Wrong("700")),
    (En, "There are still some 400 political prisoners in Belarus, rights groups say.", "still-held", Wrong("some 400")),
    (Fr, "Le Bélarus a gracié environ 150 prisonniers politiques depuis juillet 2024.", "released-since-2024-07", Wrong("environ 150")),
    (En, "Since July 2024, Lukashenko has freed fewer than 200 political prisoners.", "released-since-2024-07", Wrong("fewer than 200")),
    (Fr, "Ce pays de 20 millions d'habitants, dirigé par Loukachenko, est un allié de Moscou.", "belarus-population", Wrong("20 millions")),
    (En, "Belarus, a country of about 20 million, is Moscow's closest ally.", "belarus-population", Wrong("about 20 million")),
    (Fr, "Loukachenko a reçu samedi John Coale, envoyé spécial de Donald Trump depuis septembre.", "still-held", Silent),
    (Fr, "Les 123 détenus libérés samedi, dont 114 ont rejoint l'Ukraine, restent sous le choc.", "still-held", Silent),
    (Fr, "Loukachenko, au pouvoir depuis 1994, a libéré 123 détenus, un an après avoir gracié 30 personnes.", "still-held", Silent),
    (En, "Lukashenko, who has been in power since 1994, pardoned 30 people in 2024 and 123 this month.", "still-held", Silent),
    (En, "Tsikhanouskaya's husband, jailed in 2020, was freed in June with 13 others.", "still-held", Silent),
    (En, "The freed prisoners, 114 of whom were taken to Ukraine, still face an uncertain future.", "still-held", Silent),
    (En, "Some 1,100 political prisoners remain behind bars, according to Viasna, which counts 65,000 arrests since 2020.", "still-held", Silent),
    (En, "Lithuania, a country of 2.8 million, has received hundreds of Belarusian exiles since 2020.", "still-held", Silent),
    (Fr, "Depuis 2020, plus de 65 000 personnes ont été arrêtées et Loukachenko dirige toujours le pays.", "still-held", Silent),
    (Fr, "Loukachenko, qui dirige le pays depuis 1994, a été réélu en 2020 puis en 2025.", "still-held", Silent),
    (Fr, "Parmi les détenus libérés, 114 sont restés en Ukraine et neuf ont gagné la Lituanie.", "still-held", Silent),
    (Fr, "Le régime a libéré 52 prisonniers politiques en septembre, mais en a arrêté des dizaines depuis.", "still-held", Silent),
    (Fr, "Viktar Babaryka, 61 ans, restait emprisonné depuis 2020 avant sa libération samedi.", "still-held", Silent),
    (Fr, "Le pays, qui compte 9,5 millions d'habitants, a libéré 123 détenus samedi.", "still-held", Silent),
    (Fr, "Les États-Unis ont levé les sanctions visant la potasse bélarusse, en vigueur depuis 2021, et Belavia depuis septembre.", "still-held", Silent),
    (Fr, "Alexandre Loukachenko, 71 ans, a promis de libérer 1 000 prisonniers si les sanctions étaient levées.", "still-held", Silent),
    (En, "The 123 prisoners freed on Saturday include 114 who remain in Ukraine for now.", "still-held", Silent),
    (En, "Lukashenko, who has ruled Belarus since 1994, won a seventh term in January with 86% of the vote.", "still-held", Silent),
    (En, "Belarus has freed more than 430 political prisoners since July 2024, while more than 1,100 remain behind bars.", "still-held", Silent),
    (En, "Nearly 1,200 people were convicted on political charges in 2025, Viasna said.", "still-held", Silent),
    (En, "Lukashenko's 2020 re-election triggered protests that led to 65,000 arrests.", "still-held", Silent),
    (En, "Belarus, a nation of 9.5 million, has some 1,100 political prisoners still behind bars.", "still-held", Silent),
    (En, "Since 2020, some 300,000 people have left Belarus, and the country still holds about 1,100 political prisoners.", "still-held", Silent),
    (En, "The envoy said 1,000 more prisoners could be freed if talks continue.", "still-held", Silent),
    // Shapes met in published copy (December 2025 review, docs/REAL-COPY.md): "since
    // July last year", "N people … considered political prisoners", "N personnes sont
    // toujours détenues", "since his inauguration in", and counts of other countries.
    (En, "After the weekend release, more than 430 political prisoners have been freed since July last year.", "released-since-2024-07", Right),
    (En, "After the weekend release, about 200 political prisoners have been freed since July last year.", "released-since-2024-07", Wrong("about 200")),
    (En, "Viasna said on Sunday that 1,150 people were considered political prisoners.", "still-held", Right),
    (En, "Viasna said on Sunday that 500 people were considered political prisoners.", "still-held", Wrong("500")),
    (Fr, "Selon l'ONG, quelque 1 150 personnes sont toujours détenues dans les prisons du pays.", "still-held", Right),
    (Fr, "Selon l'ONG, quelque 400 personnes sont toujours détenues dans les prisons du pays.", "still-held", Wrong("quelque 400")),
    (En, "Washington said its diplomacy had led to the release of more than 200 political prisoners in Belarus.", "still-held", Silent),
    (En, "Rights groups say some 300 political prisoners remain behind bars in Azerbaijan.", "still-held", Silent),
    (Fr, "En Iran, environ 300 opposants sont toujours emprisonnés, selon une ONG.", "still-held", Silent),
    (En, "In Venezuela, about 150 political prisoners have been freed since July 2024.", "released-since-2024-07", Silent),
    (En, "Since his inauguration in 1994, Lukashenko has tolerated no rival.", "lukashenko-in-power", Right),
    (En, "Since his inauguration in 1996, Lukashenko has tolerated no rival.", "lukashenko-in-power", Wrong("1996")),
    (Fr, "Depuis son investiture en 1994, Loukachenko ne tolère aucun rival.", "lukashenko-in-power", Right),
    // Round 2 of the review of published copy (docs/REAL-COPY.md): tenure "aux
    // commandes", "ce poste qu'il occupe", "controlled … for", "three-decade
    // authoritarian rule", "a rule that began back in", "took office in"; counts
    // "d'autres prisonniers politiques", "au nombre de N", "le nombre … s'élève à N",
    // "Viasna recense / dénombre", "N other political prisoners", "the number … stands
    // at N", "lists N people as"; population "Le Bélarus, N d'habitants", "home to N".
    (Fr, "Alexandre Loukachenko, aux commandes du pays depuis 1994, a été réélu dimanche.", "lukashenko-in-power", Right),
    (Fr, "Alexandre Loukachenko, aux commandes du pays depuis 2003, a été réélu dimanche.", "lukashenko-in-power", Wrong("2003")),
    (Fr, "Loukachenko a prêté serment pour ce poste qu'il occupe depuis 1994.", "lukashenko-in-power", Right),
    (Fr, "Loukachenko a prêté serment pour ce poste qu'il occupe depuis 2004.", "lukashenko-in-power", Wrong("2004")),
    (En, "Lukashenko has controlled the country for three decades.", "lukashenko-in-power", Right),
    (En, "Lukashenko has controlled the country for two decades.", "lukashenko-in-power", Wrong("two decades")),
    (En, "The vote extends Lukashenko's three-decade authoritarian rule.", "lukashenko-in-power", Right),
    (En, "The vote extends Lukashenko's two-decade authoritarian rule.", "lukashenko-in-power", Wrong("two-decade")),
    (En, "Lukashenko seeks to extend a rule that began back in 1994.", "lukashenko-in-power", Right),
    (En, "Lukashenko seeks to extend a rule that began back in 1999.", "lukashenko-in-power", Wrong("1999")),
    (En, "Lukashenko, who first took office in 1994, received the envoy.", "lukashenko-in-power", Right),
    (En, "Lukashenko, who first took office in 1998, received the envoy.", "lukashenko-in-power", Wrong("1998")),
    (En, "Lukashenko, 71, has been under Western sanctions since 2020.", "lukashenko-in-power", Silent),
    (Fr, "Plus d'un millier d'autres prisonniers politiques restent toutefois sous les verrous.", "still-held", Right),
    (Fr, "Une centaine d'autres prisonniers politiques restent toutefois sous les verrous.", "still-held", Wrong("Une centaine")),
    (Fr, "Les prisonniers politiques, au nombre de 1 150 selon l'ONG, attendent une grâce.", "still-held", Right),
    (Fr, "Les prisonniers politiques, au nombre de 250 selon l'ONG, attendent une grâce.", "still-held", Wrong("250")),
    (Fr, "Le nombre de prisonniers politiques s'élève aujourd'hui à 1 120, selon Viasna.", "still-held", Right),
    (Fr, "Le nombre de prisonniers politiques s'élève aujourd'hui à 120, selon Viasna.", "still-held", Wrong("120")),
    (Fr, "L'ONG Viasna recense encore 1 140 prisonniers politiques.", "still-held", Right),
    (Fr, "L'ONG Viasna recense encore 140 prisonniers politiques.", "still-held", Wrong("140")),
    (Fr, "Selon l'ONG, on dénombre aujourd'hui près de 1 200 prisonniers politiques dans le pays.", "still-held", Right),
    (Fr, "Selon l'ONG, on dénombre aujourd'hui près de 200 prisonniers politiques dans le pays.", "still-held", Wrong("près de 200")),
    (Fr, "Elle a réclamé la libération des centaines de prisonniers politiques restant dans le pays.", "still-held", Silent),
    (Fr, "Selon Viasna, 1 285 personnes ont été condamnées en 2021 pour des motifs politiques.", "still-held", Silent),
    (En, "At least 1,100 other political prisoners remain behind bars.", "still-held", Right),
    (En, "About 100 other political prisoners remain behind bars.", "still-held", Wrong("About 100")),
    (En, "The number of political prisoners in the country stands at 1,130, Viasna says.", "still-held", Right),
    (En, "The number of political prisoners in the country stands at 130, Viasna says.", "still-held", Wrong("130")),
    (En, "The rights group lists 1,160 people as political prisoners.", "still-held", Right),
    (En, "The rights group lists 160 people as political prisoners.", "still-held", Wrong("160")),
    (En, "Hundreds of political prisoners are still behind bars, the opposition leader said.", "still-held", Silent),
    (En, "More than 200 political prisoners in Belarus are seriously ill, she said.", "still-held", Silent),
    (Fr, "Le Bélarus, 9,5 millions d'habitants, reste isolé.", "belarus-population", Right),
    (Fr, "Le Bélarus, 15 millions d'habitants, reste isolé.", "belarus-population", Wrong("15 millions")),
    (En, "Belarus, home to 9.5 million people, sells potash to China.", "belarus-population", Right),
    (En, "Belarus, home to 20 million people, sells potash to China.", "belarus-population", Wrong("20 million")),
    (En, "Minsk, home to 2 million people, is the capital of Belarus.", "belarus-population", Silent),
    // Deaths in custody are no count of those held ("have died" once passed for a
    // cue of "Belarus has N"); "fait état de N"; "élu pour la première fois en".
    (En, "Seven political prisoners have died behind bars since 2020, the rights group says.", "still-held", Silent),
    (Fr, "Sept prisonniers politiques sont morts en détention depuis 2020, selon l'ONG.", "still-held", Silent),
    (En, "The country has 1,150 political prisoners, according to Viasna.", "still-held", Right),
    (En, "The country has 150 political prisoners, according to Viasna.", "still-held", Wrong("150")),
    (Fr, "L'ONG Viasna fait état de 1 160 prisonniers politiques.", "still-held", Right),
    (Fr, "L'ONG Viasna fait état de 160 prisonniers politiques.", "still-held", Wrong("160")),
    (Fr, "Alexandre Loukachenko, élu pour la première fois en 1994, a reçu l'émissaire.", "lukashenko-in-power", Right),
    (Fr, "Alexandre Loukachenko, élu pour la première fois en 1996, a reçu l'émissaire.", "lukashenko-in-power", Wrong("1996")),
    (Fr, "Alexandre Loukachenko, réélu en 2020 lors d'un scrutin contesté, a reçu l'émissaire.", "lukashenko-in-power", Silent),
    // "1.100" in English copy: 1.1 or 1,100? Read as no count, never a verdict (it
    // was 1.1, then its tail "100", both flagged). "Dozens of"; "for thirty years
    // and more" is no "thirty years".
    (En, "Some 1.150 political prisoners remain behind bars, the rights group says.", "still-held", Silent),
    (En, "Belarus still holds 1.150 political prisoners.", "still-held", Silent),
    (En, "Dozens of political prisoners remain behind bars in Belarus.", "still-held", Wrong("Dozens")),
    (En, "Lukashenko has governed Belarus for thirty years and more.", "lukashenko-in-power", Silent),
    (Fr, "Loukachenko gouverne le Bélarus depuis trente ans et plus.", "lukashenko-in-power", Silent),
    // Another person's tenure in a sentence that names Lukashenko was read as his
    // (claim.since on a correct sentence): vetoes near the figure.
    (En, "Lukashenko leans on Putin, who has been Russia's president since 2012.", "lukashenko-in-power", Silent),
    (En, "The opposition, led by Tsikhanouskaya since 2020, rejected Lukashenko's offer.", "lukashenko-in-power", Silent),
    (En, "Lukashenko's eldest son has led the security council since 2022.", "lukashenko-in-power", Silent),
    (En, "Lukashenko's envoy has been in charge of the talks for two months.", "lukashenko-in-power", Silent),
    (Fr, "Loukachenko s'appuie sur Poutine, président de la Russie depuis 2012.", "lukashenko-in-power", Silent),
    (Fr, "Tsikhanouskaïa dirige l'opposition en exil depuis 2020 face à Loukachenko.", "lukashenko-in-power", Silent),
    (Fr, "Le Premier ministre, à la tête du gouvernement depuis 2020, est un fidèle de Loukachenko.", "lukashenko-in-power", Silent),
    (En, "Lukashenko, Putin's closest ally, has ruled Belarus since 1994.", "lukashenko-in-power", Right),
    (En, "Lukashenko, Putin's closest ally, has ruled Belarus since 2004.", "lukashenko-in-power", Wrong("2004")),
    (Fr, "Loukachenko, proche allié de Poutine, dirige le Bélarus depuis 1994.", "lukashenko-in-power", Right),
    (Fr, "Loukachenko, proche allié de Poutine, dirige le Bélarus depuis 2004.", "lukashenko-in-power", Wrong("2004")),
    // "dirigeant occidental … depuis 2020" after a negation, "président de Viasna
    // depuis 1996": no tenure of Lukashenko's.
    (Fr, "Loukachenko n'a reçu aucun dirigeant occidental depuis 2020.", "lukashenko-in-power", Silent),
    (Fr, "Loukachenko a libéré Bialiatski, président de Viasna depuis 1996.", "lukashenko-in-power", Silent),
    (En, "Lukashenko freed Bialiatski, who has headed Viasna as its president since 1996.", "lukashenko-in-power", Silent),
    (En, "Lukashenko has not met a Western leader since 2020.", "lukashenko-in-power", Silent),
    // Tenure nouns and idioms: "tient les rênes", "chef de l'État", "à la présidence",
    // "head of state", "held the reins".
    (Fr, "Loukachenko, qui tient les rênes du Bélarus depuis 1994, a parlé samedi.", "lukashenko-in-power", Right),
    (Fr, "Loukachenko, qui tient les rênes du Bélarus depuis 2001, a parlé samedi.", "lukashenko-in-power", Wrong("2001")),
    (Fr, "Alexandre Loukachenko, chef de l'État depuis 1994, a parlé samedi.", "lukashenko-in-power", Right),
    (Fr, "Alexandre Loukachenko, chef de l'État depuis 2003, a parlé samedi.", "lukashenko-in-power", Wrong("2003")),
    (Fr, "Alexandre Loukachenko occupe la présidence depuis 1994.", "lukashenko-in-power", Right),
    (En, "Lukashenko, head of state since 1994, spoke on Saturday.", "lukashenko-in-power", Right),
    (En, "Lukashenko, head of state since 2003, spoke on Saturday.", "lukashenko-in-power", Wrong("2003")),
    (En, "Lukashenko has held the reins in Minsk since 1994.", "lukashenko-in-power", Right),
    (En, "The head of the KGB, in post since 2020, is a Lukashenko loyalist.", "lukashenko-in-power", Silent),
    // Another leader's tenure in an apposition, in a sentence that names Lukashenko.
    (Fr, "Macron, président depuis 2017, a critiqué Loukachenko.", "lukashenko-in-power", Silent),
    (Fr, "Xi Jinping, qui dirige la Chine depuis 2012, a reçu Loukachenko.", "lukashenko-in-power", Silent),
    (En, "Zelensky, Ukraine's president since 2019, accused Lukashenko.", "lukashenko-in-power", Silent),
    (En, "Xi, China's leader since 2012, hosted Lukashenko.", "lukashenko-in-power", Silent),
    (En, "Voters will extend the rule of Alexander Lukashenko, in power since 1994, on Sunday.", "lukashenko-in-power", Right),
    (En, "Voters will extend the rule of Alexander Lukashenko, in power since 2004, on Sunday.", "lukashenko-in-power", Wrong("2004")),
    // Prisoners freed who stay abroad, and "plusieurs / several": no count of those held.
    (En, "Some 30 political prisoners remain in Lithuania after their release.", "still-held", Silent),
    (Fr, "Une trentaine de prisonniers politiques restent en Lituanie depuis leur libération.", "still-held", Silent),
    (Fr, "Au moins 27 familles comptent plusieurs prisonniers politiques toujours détenus.", "still-held", Silent),
    (En, "Several political prisoners remain behind bars, Viasna says.", "still-held", Silent),
    // A neighbour's leader with a title and no name before the apposition.
    (Fr, "Le président lituanien, en fonctions depuis 2019, a dénoncé Loukachenko.", "lukashenko-in-power", Silent),
    (Fr, "Le président ukrainien, au pouvoir depuis 2019, accuse Loukachenko.", "lukashenko-in-power", Silent),
    (En, "The Polish prime minister, in office since 2023, criticised Lukashenko.", "lukashenko-in-power", Silent),
    (En, "Lithuania's president, in office since 2019, criticised Lukashenko.", "lukashenko-in-power", Silent),

];

#[test]
fn shapes_of_real_copy() {
    let engine = common::builtin_engine();
    let mut failures = Vec::new();
    let (mut recognised, mut right) = (0, 0);
    let mut by_kind = [[0usize; 2]; 3];
    for (lang, text, rule, expect) in SHAPES {
        let rule = format!("belarus/{rule}");
        // Counts of prisoners are only checked in copy that names Belarus (the pack's
        // `requires`): each shape stands in an article whose headline names the country.
        let headline = match lang {
            Fr => "Bélarus",
            En => "Belarus",
        };
        let article = format!("{headline}\n\n{text}");
        let checked = common::check(&engine, "shape.txt", article.as_bytes(), Some(*lang));
        let claim_findings: Vec<_> = checked
            .findings
            .iter()
            .filter(|f| f.kind.as_str().starts_with("claim."))
            .collect();
        let of_rule: Vec<_> = claim_findings.iter().filter(|f| f.rule == rule).collect();
        let seen = checked.statements.iter().any(|s| s.rule == rule);
        recognised += usize::from(seen);
        let ok = match expect {
            Right => seen && of_rule.is_empty(),
            Wrong(figure) => {
                of_rule.len() == 1
                    && of_rule[0].text == *figure
                    && of_rule[0].kind != Kind::ClaimConflict
            }
            Silent => claim_findings.is_empty(),
        };
        right += usize::from(ok);
        let kind = match expect {
            Right => 0,
            Wrong(_) => 1,
            Silent => 2,
        };
        by_kind[kind][0] += 1;
        by_kind[kind][1] += usize::from(ok);
        if !ok {
            let read: Vec<String> = checked
                .statements
                .iter()
                .map(|s| format!("{} = {} ({:?})", s.rule, s.value, s.text))
                .collect();
            let found: Vec<String> = claim_findings
                .iter()
                .map(|f| format!("{}: {:?} {}", f.rule, f.text, f.message))
                .collect();
            failures.push(format!("{text}\n    read: {read:?}\n    found: {found:?}"));
        }
    }
    eprintln!(
        "{} shapes, {recognised} recognised by their rule, {right} as expected; \
         right values {}/{} silent, wrong values {}/{} flagged on the figure, \
         distractors {}/{} silent",
        SHAPES.len(),
        by_kind[0][1],
        by_kind[0][0],
        by_kind[1][1],
        by_kind[1][0],
        by_kind[2][1],
        by_kind[2][0]
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
