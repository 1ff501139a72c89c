/**
 * Causes of the false flags measured on `test/eval/faithful-blind-7/` (right sentences the verifier flagged), each in a
 * general form on passages of its own (other subjects than the set's): the right sentence passes, the wrong one that
 * the same rule is for is still flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";
import { reasons } from "../helpers/verify.ts";

const PLANNED = "envisagé, pas comme acquis";

describe("a plan stated as done: only what the plan bears on, stated as done", () => {
  const announced =
    "La messagerie de la Ville de Brest — L'annonce\nLe mardi 4 mars 2025, la Ville de Brest a annoncé qu'elle remplacerait progressivement ses logiciels de messagerie par des solutions libres, au nom de la maîtrise de ses données.";
  it("« a annoncé qu'elle remplacerait »: the sentence that reports the announcement passes", () => {
    expect(
      reasons("La Ville de Brest l'a fait le 4 mars 2025, au nom de la maîtrise de ses données [1].", announced),
    ).not.toContain(PLANNED);
  });
  it("the replacement itself stated as done is still flagged", () => {
    expect(
      reasons(
        "La Ville de Brest a remplacé ses logiciels de messagerie par des solutions libres, au nom de la maîtrise de ses données [1].",
        announced,
      ),
    ).toContain(PLANNED);
  });

  const wished =
    "L'hébergement du Département — Le projet\nLe Département envisageait de changer d'hébergeur, en confiant les sauvegardes à un prestataire régional et en gardant les archives sur ses propres serveurs.";
  it("a sentence that says it was wanted (« voulait ») passes", () => {
    expect(
      reasons(
        "Il voulait confier les sauvegardes à un prestataire régional et garder les archives sur ses propres serveurs [1].",
        wished,
      ),
    ).not.toContain(PLANNED);
  });
  it("the change stated as done is still flagged", () => {
    expect(
      reasons(
        "Le Département a changé d'hébergeur, en confiant les sauvegardes à un prestataire régional et en gardant les archives sur ses propres serveurs [1].",
        wished,
      ),
    ).toContain(PLANNED);
  });

  const advice =
    "Le décret sur les hôpitaux — Ce qu'un hôpital peut faire dès maintenant\nMême sans obligation en vigueur, un hôpital visé par le décret envisagé (plus de 500 lits) a intérêt à anticiper : - dresser la liste des logiciels de dossier patient et des données qu'ils contiennent, en distinguant les données de santé";
  it("« envisagé » qualifying another subject (« le décret envisagé ») than the sentence's advice", () => {
    expect(
      reasons(
        "Pour anticiper, un hôpital dresse la liste des logiciels de dossier patient et des données qu'ils contiennent, en distinguant les données de santé [1].",
        advice,
      ),
    ).not.toContain(PLANNED);
  });
  it("advice said as advice (« peut », « il est conseillé de ») passes", () => {
    expect(
      reasons(
        "L'hôpital peut dresser la liste des logiciels de dossier patient et des données qu'ils contiennent [1].",
        advice,
      ),
    ).not.toContain(PLANNED);
    expect(
      reasons(
        "Il est conseillé de dresser la liste des logiciels de dossier patient et des données qu'ils contiennent [1].",
        advice,
      ),
    ).not.toContain(PLANNED);
  });
  it("the decree itself stated as in force is still flagged", () => {
    expect(
      reasons(
        "Le décret oblige les hôpitaux de plus de 500 lits à dresser la liste des logiciels de dossier patient et des données qu'ils contiennent [1].",
        advice,
      ),
    ).toContain(PLANNED);
  });

  it("« qu'elle utilise ou envisage » plans nothing the sentence states", () => {
    const passage =
      "Conseils de la fédération — Choisir un outil\nConseil de la fédération : - pour choisir un logiciel de messagerie qu'elle utilise ou envisage (serveur, client…) : un outil maintenu par plusieurs entreprises est moins exposé à l'abandon d'un fournisseur unique";
    expect(
      reasons(
        "Un logiciel maintenu par plusieurs entreprises est moins exposé à l'abandon d'un fournisseur unique [1].",
        passage,
      ),
    ).not.toContain(PLANNED);
  });

  it("« vers un schéma classant » for « vers un schéma qui classerait » (a participle states nothing as done)", () => {
    const passage =
      "Les données ouvertes de la région — La consultation\nEn mai 2025, l'agence régionale a lancé une consultation publique, première étape vers un schéma qui classerait les données ouvertes comme un service essentiel.";
    expect(
      reasons(
        "C'était une première étape vers un schéma classant les données ouvertes comme un service essentiel [1].",
        passage,
      ),
    ).not.toContain(PLANNED);
    expect(
      reasons("Le schéma régional classe les données ouvertes comme un service essentiel [1].", passage),
    ).toContain(PLANNED);
  });

  it("a recommendation paraphrased as one (« propose de » for « invite à ») passes", () => {
    const passage =
      "Le guide de l'intranet — La méthode\nLe guide invite à ne pas copier l'ancien intranet, ce qui reproduirait ses défauts, mais à partir des besoins des agents et à décider s'il faut fusionner ou supprimer des pages.";
    expect(
      reasons(
        "Il propose de partir des besoins des agents et de décider s'il faut fusionner ou supprimer des pages [1].",
        passage,
      ),
    ).not.toContain(PLANNED);
  });
});

describe("names paired by the sentence as the passage pairs them", () => {
  const CROSSED = "associe";
  it("a place opening the sentence as its frame (« En Allemagne, X affirmait ») is no partner of the names after it", () => {
    const passage =
      "Le débat allemand — Les déclarations\nEn mars 2025, dans un entretien à Die Zeit, Karl Weber a affirmé que l'Allemagne devait réduire progressivement sa dépendance aux logiciels américains.";
    expect(
      reasons(
        "En Allemagne, Karl Weber affirmait dans Die Zeit que le pays devait réduire progressivement sa dépendance aux logiciels américains [1].",
        passage,
      ),
    ).not.toContain(CROSSED);
  });
  it("names inside an apposition (« X, vice-présidente … de la Région, a annoncé que Y ») do not part X from Y", () => {
    const passage =
      "Le partage de fichiers de la Région — L'annonce\nLe lundi 3 mars 2025, Anna Berg, vice-présidente chargée du Numérique et de la Modernisation de la Région, a annoncé que Nextcloud, l'outil de partage choisi par la direction du numérique, deviendrait l'outil unique de partage de fichiers des services de la Région d'ici 2027.";
    expect(
      reasons(
        "Le 3 mars 2025, Anna Berg a annoncé que Nextcloud deviendrait l'outil unique de partage de fichiers des services de la Région d'ici 2027 [1].",
        passage,
      ),
    ).not.toContain(CROSSED);
  });
});

describe("a figure in a condition (« Si X compte moins de N habitants ») is not given to X", () => {
  const law =
    "La loi sur les données ouvertes — Les communes concernées\nLa proposition de loi obligerait les collectivités suivantes à publier leurs données de transport :\n\n- les régions ;\n- les communes de plus de 5 000 habitants ;\n- les métropoles.";
  // A briefing note's data names the commune; the passage does not.
  const onData = (sentence: string) =>
    verifyText(sentence, [{ n: 1, text: law }], {
      facts: ["Collectivité : Ravenne (commune ; Drôme ; Auvergne-Rhône-Alpes)"],
    }).sentences[0]!.reasons.join(" ");
  it("the condition passes", () => {
    expect(
      onData(
        "Si Ravenne compte moins de 5 000 habitants, la commune ne serait pas tenue de publier ses données de transport [1].",
      ),
    ).not.toContain("n'est pas donné pour");
  });
  it("the figure stated of the commune is still flagged", () => {
    expect(onData("La commune de Ravenne compte plus de 5 000 habitants [1].")).toContain("n'est pas donné pour");
  });
});
