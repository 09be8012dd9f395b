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
];

#[test]
fn shapes_of_real_copy() {
    let engine = common::builtin_engine();
    let mut failures = Vec::new();
    let (mut recognised, mut right) = (0, 0);
    let mut by_kind = [[0usize; 2]; 3];
    for (lang, text, rule, expect) in SHAPES {
        let rule = format!("belarus/{rule}");
        let checked = common::check(&engine, "shape.txt", text.as_bytes(), Some(*lang));
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
