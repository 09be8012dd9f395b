//! Cross-document conflicts by consensus (RULES.md, "Findings", across documents).
