"""The segmenter's table: (language, inline Markdown, the sentences a reader sees).

Shared by tests/test_sentences.py and bench/sentence_libs.py (which scores other
segmenters on the same table)."""

CASES = [
    # plain ends
    ("fr", "Il pleut. Nous restons.", ["Il pleut.", "Nous restons."]),
    ("en", "It rains. We stay in! Why? Because.", ["It rains.", "We stay in!", "Why?", "Because."]),
    ("fr", "Pourquoi\u00a0? Parce que\u00a0! Voilà.", ["Pourquoi\u00a0?", "Parce que\u00a0!", "Voilà."]),
    # abbreviations
    ("fr", "M. Fogg partit. Mme Aouda resta.", ["M. Fogg partit.", "Mme Aouda resta."]),
    ("fr", "MM. Fogg et Fix arrivèrent. Ils repartirent.", ["MM. Fogg et Fix arrivèrent.", "Ils repartirent."]),
    ("fr", "Mᵐᵉ Aouda sourit. Fix se tut.", ["Mᵐᵉ Aouda sourit.", "Fix se tut."]),
    ("fr", "Des fruits, p. ex. des pommes, conviennent. Le reste non.",
     ["Des fruits, p. ex. des pommes, conviennent.", "Le reste non."]),
    ("fr", "Utilisez un module, p. ex. Tkinter, pour cela. Ensuite, lancez-le.",
     ["Utilisez un module, p. ex. Tkinter, pour cela.", "Ensuite, lancez-le."]),
    ("fr", "Des pommes, des poires, etc. Le marché ferme à midi.",
     ["Des pommes, des poires, etc.", "Le marché ferme à midi."]),
    ("fr", "César naquit en 100 av. J.-C. à Rome. Il mourut en 44 av. J.-C. Auguste lui succéda.",
     ["César naquit en 100 av. J.-C. à Rome.", "Il mourut en 44 av. J.-C.", "Auguste lui succéda."]),
    ("fr", "Voir le chap. 3 et la fig. 2. Puis relire.", ["Voir le chap. 3 et la fig. 2.", "Puis relire."]),
    ("fr", "C'est-à-dire, c.-à-d. Paris, la capitale. Oui.",
     ["C'est-à-dire, c.-à-d. Paris, la capitale.", "Oui."]),
    ("en", "The U.S. Army left. The U.S. Navy stayed.", ["The U.S. Army left.", "The U.S. Navy stayed."]),
    ("en", "He moved to the U.S. The rest is history.", ["He moved to the U.S.", "The rest is history."]),
    ("en", "Use a module, e.g. Tkinter, for this. Then run it.",
     ["Use a module, e.g. Tkinter, for this.", "Then run it."]),
    ("en", "Some fruit, i.e. apples, will do. Dr. Watson agreed.",
     ["Some fruit, i.e. apples, will do.", "Dr. Watson agreed."]),
    ("en", "Mr. Fogg left. Mrs. Aouda stayed.", ["Mr. Fogg left.", "Mrs. Aouda stayed."]),
    ("en", "See No. 5 on p. 12 of the report. It is short.",
     ["See No. 5 on p. 12 of the report.", "It is short."]),
    ("en", "Apples, pears, etc. The market closes at noon.",
     ["Apples, pears, etc.", "The market closes at noon."]),
    ("en", "Written by J. R. R. Tolkien. It is long.", ["Written by J. R. R. Tolkien.", "It is long."]),
    # numbers
    ("fr", "La valeur vaut 3,5. Elle double en 2024.", ["La valeur vaut 3,5.", "Elle double en 2024."]),
    ("en", "The value is 3.5 today. It was 2.75 in 1.5 years.",
     ["The value is 3.5 today.", "It was 2.75 in 1.5 years."]),
    ("en", "Python 3.11. 12 modules changed.", ["Python 3.11.", "12 modules changed."]),
    ("fr", "Il mesure 1\u202f250,5 mètres. Trop.", ["Il mesure 1\u202f250,5 mètres.", "Trop."]),
    # ellipses
    ("fr", "Il attendit… Rien ne vint.", ["Il attendit…", "Rien ne vint."]),
    ("en", "He waited... Nothing came.", ["He waited...", "Nothing came."]),
    ("fr", "Il hésita… puis entra.", ["Il hésita… puis entra."]),
    ("en", "He paused... then went in.", ["He paused... then went in."]),
    # quotes
    ("fr", "Il dit\u00a0: «\u00a0Viens ici.\u00a0» Puis il partit.",
     ["Il dit\u00a0: «\u00a0Viens ici.\u00a0»", "Puis il partit."]),
    ("fr", "«\u00a0Viens\u00a0!\u00a0» dit-il. Elle vint.", ["«\u00a0Viens\u00a0!\u00a0» dit-il.", "Elle vint."]),
    ("en", "He said, \u201cCome here.\u201d Then he left.", ["He said, \u201cCome here.\u201d", "Then he left."]),
    ("en", "\u201cCome!\u201d he said. She came.", ["\u201cCome!\u201d he said.", "She came."]),
    ("en", "He said, \"Come here.\" Then he left.", ["He said, \"Come here.\"", "Then he left."]),
    ("en", "It ended. \u201cWhy?\u201d she asked.", ["It ended.", "\u201cWhy?\u201d she asked."]),
    ("fr", "Il s'arrêta. «\u00a0Pourquoi\u00a0?\u00a0» demanda-t-elle.",
     ["Il s'arrêta.", "«\u00a0Pourquoi\u00a0?\u00a0» demanda-t-elle."]),
    ("fr", "(Voir plus haut.) La suite est simple.", ["(Voir plus haut.)", "La suite est simple."]),
    # dialogue dashes
    ("fr", "Oui, dit-il. — Non, répondit Fix.", ["Oui, dit-il.", "— Non, répondit Fix."]),
    # inline markup kept whole
    ("en", "Call `os.exit(). Then` here. Done.", ["Call os.exit(). Then here.", "Done."]),
    ("en", "Read [the guide. It helps](https://x.org) first. Then code.",
     ["Read the guide. It helps first.", "Then code."]),
    ("fr", "La fonction renvoie `None`. `x` est ignoré.", ["La fonction renvoie None.", "x est ignoré."]),
    ("en", "It is **very important. Really.** Yes.", ["It is very important.", "Really.", "Yes."]),
    ("fr", "Voir *Le Tour du monde*. Verne l'écrivit en 1872.",
     ["Voir Le Tour du monde.", "Verne l'écrivit en 1872."]),
    # lower case after a point: no end
    ("fr", "Le module os.path gère les chemins. il est portable.",
     ["Le module os.path gère les chemins. il est portable."]),
    # hard break
    ("fr", "Première ligne.\nDeuxième ligne.", ["Première ligne.", "Deuxième ligne."]),
    # one sentence, no end mark
    ("en", "A heading without a point", ["A heading without a point"]),
]
