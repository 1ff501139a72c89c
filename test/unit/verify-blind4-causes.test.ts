/**
 * Causes of the false flags and misses of the fourth blind set (`test/eval/faithful-blind-4/`, burned), each in a
 * general form with passages of its own: the right sentence passes, the wrong variant is still flagged.
 */
import { describe, expect, it } from "vitest";
import { extractFigures } from "../../server/verify/figures.ts";
import { splitSentences } from "../../server/verify/index.ts";
import { check, status } from "../helpers/verify.ts";

describe("false flags: dates and names of a briefing note", () => {
  it("a date written with slashes, day first (« le 15/03/2027 »), is one date, not numbers", () => {
    expect(extractFigures("à partir du 15/03/2027")).toEqual([
      { raw: "15/03/2027", kind: "date", value: 2027, year: 2027, month: 3, day: 15 },
    ]);
    const passage =
      "Plateforme régionale de données — Calendrier\nLa plateforme régionale de données ouvrira aux communes le 15 mars 2027.";
    expect(status("La plateforme régionale de données ouvrira aux communes le 15/03/2027 [1].", passage)).toBe(
      "supported",
    );
    expect(status("La plateforme régionale de données ouvrira aux communes le 15/04/2027 [1].", passage)).toBe(
      "unsupported",
    );
  });

  it("the collectivité a note is written for, named by the data only, is compared with the name the figure belongs to", () => {
    const facts = ["Collectivité : Plouvenec (commune ; Finistère ; Bretagne)"];
    const passage =
      "Communauté de communes du Val d'Arly — Messagerie\nLa communauté de communes du Val d'Arly a remplacé sa messagerie par BlueMind pour ses 150 agents.";
    const of = (sentence: string) => check(sentence, [passage], facts).status;
    expect(
      of(
        "Comme la communauté de communes du Val d'Arly et ses 150 agents, Plouvenec pourrait remplacer sa messagerie par BlueMind [1].",
      ),
    ).toBe("supported");
    expect(
      of(
        "Les agents de Plouvenec peuvent suivre la communauté de communes du Val d'Arly, qui a équipé ses 150 agents de BlueMind, un outil de messagerie [1].",
      ),
    ).toBe("supported");
    // Held to the figure when it is written in its own part of the statement.
    expect(of("La commune de Plouvenec et ses 150 agents pourraient remplacer leur messagerie par BlueMind [1].")).toBe(
      "unsupported",
    );
  });

  it("a place in apposition after a name (« À Pontcarré, en Seine-et-Marne, ») does not replace that name", () => {
    const passage =
      "Pontcarré (Seine-et-Marne) — Migration\nÀ Pontcarré, Claire Dubois, alors DSI, décrivait en mars 2019 une migration par étapes sur environ 120 ordinateurs. Elle a rejoint Lagny en 2021.";
    expect(
      status(
        "À Pontcarré, en Seine-et-Marne, Claire Dubois décrivait en mars 2019 une migration par étapes sur environ 120 ordinateurs [1].",
        passage,
      ),
    ).toBe("supported");
    // A name of the passage put in the place of the one it gives the figure to is still flagged.
    expect(
      status(
        "À Lagny, Claire Dubois décrivait en mars 2019 une migration par étapes sur environ 120 ordinateurs [1].",
        passage,
      ),
    ).toBe("unsupported");
  });
});

describe("false flags: negations", () => {
  it("« non » before a word denies it like « ne … pas » (« des chiffres non recoupés » for « que nous n'avons pas pu recouper »)", () => {
    const passage =
      "Présentation de Saint-Affrique — Contexte\nDestiné aux élus, le diaporama mêle faits vérifiés, chiffres que nous n'avons pas pu recouper et prises de position.";
    expect(status("Le diaporama mêle faits vérifiés, chiffres non recoupés et prises de position [1].", passage)).toBe(
      "supported",
    );
    // Without either negation, the sentence says the opposite.
    expect(status("Le diaporama mêle faits vérifiés, chiffres recoupés et prises de position [1].", passage)).toBe(
      "unsupported",
    );
  });

  it("a « non » both texts write (« des entreprises non européennes ») does not cancel the sentence's own negation", () => {
    const passage =
      "Outils libres — Origine\nPlusieurs outils libres souvent cités comme alternatives sont portés par des entreprises non européennes.";
    expect(
      status(
        "Plusieurs outils libres souvent cités comme alternatives sont portés par des entreprises non européennes [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status(
        "Plusieurs outils libres souvent cités comme alternatives ne sont pas portés par des entreprises non européennes [1].",
        passage,
      ),
    ).toBe("unsupported");
  });
});

describe("false flags: sentences and names", () => {
  it("an initial (« l'article R. 412-3 ») does not end a sentence", () => {
    expect(splitSentences("C'est l'article R. 412-3 du Code des communes [1]. Il date de 2011 [1].")).toEqual([
      "C'est l'article R. 412-3 du Code des communes [1].",
      "Il date de 2011 [1].",
    ]);
  });

  it("after an ellipsis a capital opens a sentence (« … La ville »), not a name a figure is given to", () => {
    const passage =
      "Brest — Postes\nLes sources divergent sur le nombre de postes : entre 3 000 et 4 000 postes selon les sources.\n\nLa ville a fait état d'économies de 2,5 millions d'euros.";
    expect(
      status(
        "« Les sources divergent sur le nombre de postes : entre 3 000 et 4 000 postes … La ville a fait état d'économies de 2,5 millions d'euros. » [1]",
        passage,
      ),
    ).toBe("supported");
    expect(
      status(
        "« Les sources divergent sur le nombre de postes : entre 3 000 et 4 000 postes … La ville a fait état d'économies de 3,5 millions d'euros. » [1]",
        passage,
      ),
    ).toBe("unsupported");
  });

  it("a count after « et le » with its verb left out (« 412 voix et le DGA 377 ») is not a version of the name", () => {
    const passage =
      "Règlements européens — Vote\nLe règlement DMC et le règlement DGA ont été adoptés en 2023 (412 voix pour le DMC, 377 pour le DGA).";
    expect(status("Le DMC a recueilli 412 voix et le DGA 377 [1].", passage)).toBe("supported");
    expect(status("Le DMC a recueilli 412 voix et le DGA 388 [1].", passage)).toBe("unsupported");
  });

  it("the assistant's own name (`own-names.txt`) stands for the « nous » of the corpus's analyses", () => {
    const passage =
      "Présentation de Rodez — Contexte\nLe diaporama mêle faits vérifiés, chiffres que nous n'avons pas pu recouper et prises de position.";
    expect(
      status(
        "Le diaporama mêle des faits vérifiés, des chiffres que Cap Libre n'a pas pu recouper et des prises de position [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status(
        "Le diaporama mêle des faits vérifiés, des chiffres que Cap Gemini n'a pas pu recouper et des prises de position [1].",
        passage,
      ),
    ).toBe("unsupported");
  });

  it("words saying what a product or its vendor is (« une solution … développée par une entreprise ») are a card's fields", () => {
    const card =
      "Fiche : Seafile — \nSeafile (Seafile Ltd) : éditeur, siège : Allemagne (Berlin). Plateforme libre (AGPL) de partage de fichiers.";
    expect(
      status("Seafile est une solution libre développée par une entreprise allemande, Seafile Ltd [1].", card),
    ).toBe("supported");
    // A word the card does not say keeps them counted.
    expect(
      status("Seafile est une solution libre développée par une entreprise chinoise, Seafile Ltd [1].", card),
    ).toBe("unsupported");
  });
});

describe("misses: negations", () => {
  it("a one-word negation both texts write (« sans portée normative ») leaves the sentence's own « ne … pas » to compare", () => {
    const passage =
      "Association Libre Ouest — Position\nL'association a critiqué cette rédaction comme une simple déclaration d'intention, sans portée normative.";
    expect(
      status(
        "L'association a critiqué cette rédaction comme une simple déclaration d'intention, sans portée normative [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status(
        "L'association n'a pas critiqué cette rédaction comme une simple déclaration d'intention, sans portée normative [1].",
        passage,
      ),
    ).toBe("unsupported");
  });
});

describe("false flags: connectives and ruled-out parts", () => {
  it("« et non sur un service » denies like « ne repose pas sur un service », and a clause ruling out a part keeps its own polarity", () => {
    const passage =
      "Messagerie Rivage — Protocole\nRivage ne repose pas sur un service propriétaire dont l'éditeur pourrait changer les conditions, mais sur un protocole ouvert.";
    expect(
      status(
        "Rivage repose sur un protocole ouvert, et non sur un service propriétaire dont l'éditeur pourrait changer les conditions [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status("Rivage repose sur un service propriétaire dont l'éditeur pourrait changer les conditions [1].", passage),
    ).toBe("unsupported");
    const ruling =
      "Suite Confluence — Portage\nLa suite est portée par des acteurs publics du territoire (Métropole et syndicat) et non par la seule Ville.";
    expect(
      status(
        "La suite n'est pas portée par des acteurs publics du territoire (Métropole et syndicat) et non par la seule Ville [1].",
        ruling,
      ),
    ).toBe("unsupported");
  });

  it("a connective (« en revanche », `claim-connectives.txt`) is not a word the passage must write", () => {
    const passage =
      "Marché de support — Usages\n- utiliser la liste comme indicateur de maturité : un logiciel couvert est utilisé en production.";
    expect(
      status("Une commune peut en revanche se servir de la liste comme indicateur de maturité [1].", passage),
    ).toBe("supported");
    expect(status("Une collectivité peut en revanche revendre la liste comme catalogue commercial [1].", passage)).toBe(
      "unsupported",
    );
  });
});
