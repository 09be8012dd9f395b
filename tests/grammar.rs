//! `--fix` keeps French grammar: a fix between forms of different gender rewrites the
//! determiner or preposition before the name, or is left to the editor with a help line
//! saying what to write. English articles and possessives are left as written.

use claimlint::finding::Kind;
use claimlint::Lang;

mod common;

/// A draft in the shapes of machine-translated wire copy: the feminine name after every
/// determiner and preposition French puts before a country.
const DRAFT: &str = "\
Washington envisage de lever les sanctions visant la potasse de la Biélorussie.
La Biélorussie a libéré en septembre plusieurs dizaines de détenus.
Le premier exportateur de Biélorussie attend une décision sur le transit.
Le dirigeant qui gouverne la Biélorussie depuis trente ans a reçu l'émissaire.
Selon l'émissaire, les entretiens en Biélorussie ont été « très utiles ».
Le convoi a quitté la frontière avec la Biélorussie pour le port.
Les exportations du Belarus vers l'Europe restent interdites.
D'autres prisonniers pourraient être rendus à la Biélorussie, selon un diplomate.
La Bielorussie et la Lituannie n'ont fait aucun commentaire.
";

const FIXED: &str = "\
Washington envisage de lever les sanctions visant la potasse du Bélarus.
Le Bélarus a libéré en septembre plusieurs dizaines de détenus.
Le premier exportateur du Bélarus attend une décision sur le transit.
Le dirigeant qui gouverne le Bélarus depuis trente ans a reçu l'émissaire.
Selon l'émissaire, les entretiens au Bélarus ont été « très utiles ».
Le convoi a quitté la frontière avec le Bélarus pour le port.
Les exportations du Bélarus vers l'Europe restent interdites.
D'autres prisonniers pourraient être rendus au Bélarus, selon un diplomate.
Le Bélarus et la Lituanie n'ont fait aucun commentaire.
";

#[test]
fn fix_rewrites_the_words_before_the_name() {
    let dir = std::env::temp_dir().join(format!("claimlint-grammar-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("brouillon.txt");
    std::fs::write(&file, DRAFT).expect("write draft");
    let out = common::fix_command("fr", &[], &file)
        .output()
        .expect("runs");
    let fixed = std::fs::read_to_string(&file).expect("read back");
    assert_eq!(fixed, FIXED);
    // No agreement error is left: no feminine word right before the masculine name.
    for broken in [
        "la Bélarus",
        "La Bélarus",
        "en Bélarus",
        "de Bélarus",
        "à la Bélarus",
    ] {
        assert!(!fixed.contains(broken), "{broken}");
    }
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("spelling."),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn findings_cover_the_determiner_and_say_what_to_write_when_unsure() {
    let engine = common::builtin_engine();
    let text = "Les détenus transférés au Belarus puis rendus à la Biélorussie.";
    let found: Vec<_> = common::check(&engine, "t.txt", text.as_bytes(), Some(Lang::Fr))
        .findings
        .into_iter()
        .filter(|f| f.kind == Kind::SpellingStyle)
        .collect();
    // "au Belarus": same gender, the name alone changes.
    assert_eq!(found[0].text, "Belarus");
    assert_eq!(
        found[0].fix.as_ref().map(|f| f.replacement.as_str()),
        Some("Bélarus")
    );
    // "à la Biélorussie": the span covers the preposition and article it rewrites.
    assert_eq!(found[1].text, "à la Biélorussie");
    assert_eq!(
        found[1].fix.as_ref().map(|f| f.replacement.as_str()),
        Some("au Bélarus")
    );
    assert_eq!(
        found[1].help.as_deref(),
        Some("replace \"à la Biélorussie\" with \"au Bélarus\" (claimlint check --fix)")
    );
    // From a masculine name, "au" may mean "to" or "in": no automatic fix.
    let pack = r#"format = 1
[pack]
id = "t"
[[entity]]
id = "country"
preferred = { fr = "Biélorussie" }
variants = ["Bélarus"]
gender = { "Biélorussie" = "f", "Bélarus" = "m" }
"#;
    let engine = common::engine_of("t.toml", pack);
    let found = common::check(
        &engine,
        "t.txt",
        "Il vit au Bélarus.".as_bytes(),
        Some(Lang::Fr),
    )
    .findings;
    let style: Vec<_> = found
        .iter()
        .filter(|f| f.kind == Kind::SpellingStyle)
        .collect();
    assert_eq!(style.len(), 1);
    assert_eq!(style[0].fix, None);
    let help = style[0].help.as_deref().unwrap_or_default();
    assert!(
        help.contains("\"à la Biélorussie\" or \"en Biélorussie\""),
        "{help}"
    );
}

#[test]
fn english_articles_and_possessives_are_left_as_written() {
    let engine = common::builtin_engine();
    let text = "The Byelorussia of the 1990s. Byelorussia's potash goes to the port.";
    let found: Vec<_> = common::check(&engine, "t.txt", text.as_bytes(), Some(Lang::En))
        .findings
        .into_iter()
        .filter(|f| f.kind.as_str().starts_with("spelling."))
        .collect();
    let fixes: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|f| {
            (
                f.text.as_str(),
                f.fix.as_ref().map(|x| x.replacement.as_str()),
            )
        })
        .collect();
    assert_eq!(
        fixes,
        vec![
            ("Byelorussia", Some("Belarus")),
            ("Byelorussia", Some("Belarus"))
        ]
    );
}

#[test]
fn gender_keys_are_forms_of_the_entity() {
    let pack = r#"format = 1
[pack]
id = "t"
[[entity]]
id = "country"
preferred = { fr = "Bélarus" }
gender = { "Bélarus" = "n", "Biélorusie" = "f" }
"#;
    let problems = claimlint::pack::load("t.toml", pack).expect_err("bad genders");
    let pointed: Vec<&str> = problems.iter().map(|p| &pack[p.span.clone()]).collect();
    assert_eq!(pointed, ["\"n\"", "\"Biélorusie\""]);
}

#[test]
fn markup_inside_the_phrase_leaves_the_fix_to_the_editor() {
    let engine = common::builtin_engine();
    let html = "<html lang=\"fr\"><body><p>Les ventes de la <b>Biélorussie</b> reprennent. La potasse de la Biélorussie aussi.</p></body></html>";
    let found: Vec<_> = common::check(&engine, "a.html", html.as_bytes(), None)
        .findings
        .into_iter()
        .filter(|f| f.kind == Kind::SpellingStyle)
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    // A tag between the article and the name: rewriting both would drop the tag.
    assert_eq!(found[0].text, "Biélorussie");
    assert_eq!(found[0].fix, None);
    assert_eq!(
        found[0].help.as_deref(),
        Some("write \"du Bélarus\" instead of \"de la Biélorussie\"")
    );
    // Plain text in the same page: rewritten.
    assert_eq!(found[1].text, "de la Biélorussie");
    assert_eq!(
        found[1].fix.as_ref().map(|f| f.replacement.as_str()),
        Some("du Bélarus")
    );
}
