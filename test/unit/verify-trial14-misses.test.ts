/**
 * trial14 A5, A12, A17, A19 and A21, on other texts than the trial's: a place that opens the sentence as its subject
 * (« Villeurbanne a montré … ») is a name the cited passage must hold; a reason after « à cause de » the passage does
 * not give; a clause appended to a sentence copied from the passage (« …, sans aucun accompagnement des
 * utilisateurs ») whose words the passage does not write; a person given what the passage attaches to another person
 * of the same list; a figure only the question of the data gives, stated of the cited passage.
 */
import { describe, expect, it } from "vitest";
import { openingName } from "../../server/verify/proper-nouns.ts";
import { check, reasons, status } from "../helpers/verify.ts";

const ETUDE =
  "Mener l'étude des dépendances — Étape 2 : les contrats et les dépenses\n" +
  "La Cour des comptes a montré qu'une collectivité peut réduire ses dépendances en recensant ses contrats et ses dépenses ; la métropole de Lyon a commencé par ses marchés de bureautique.";

describe("a name opening the sentence as the subject of its verb", () => {
  it("takes the capitalised word before a verb as a name, not a pronoun, an adverb or an acronym", () => {
    expect(openingName("Villeurbanne a montré qu'une collectivité peut agir [1].")).toBe("Villeurbanne");
    expect(openingName("Saint-Priest n'a jamais recensé ses contrats.")).toBe("Saint-Priest");
    expect(openingName("Cela a montré qu'une collectivité peut agir.")).toBeNull();
    expect(openingName("Contrairement à ce que dit la presse, rien n'est fait.")).toBeNull();
    expect(openingName("Concrètement, la métropole a commencé.")).toBeNull();
    expect(openingName("La métropole a commencé.")).toBeNull();
  });
  it("flags the place the cited passage never names", () => {
    expect(status("Villeurbanne a montré qu'une collectivité peut réduire ses dépendances [1].", ETUDE)).toBe(
      "unsupported",
    );
    expect(reasons("Villeurbanne a montré qu'une collectivité peut réduire ses dépendances [1].", ETUDE)).toContain(
      "« Villeurbanne » n'est pas nommé",
    );
  });
  it("accepts the place the passage names, and a sentence opened by a pronoun", () => {
    expect(reasons("Lyon a commencé par ses marchés de bureautique [1].", ETUDE)).toBe("");
    expect(reasons("Cela montre qu'une collectivité peut réduire ses dépendances [1].", ETUDE)).toBe("");
  });
});

const CAF =
  "Le séminaire des DSI de l'État — Deuxième décision : la Caisse nationale des allocations familiales passe à Nextcloud\n" +
  "Deuxième décision : la Caisse nationale des allocations familiales fait migrer le stockage de fichiers de ses caisses vers Nextcloud, hébergé dans ses propres centres de données, au cours de l'année 2026.";
const COPIED =
  "La Caisse nationale des allocations familiales fait migrer le stockage de fichiers de ses caisses vers Nextcloud";

describe("a clause appended to a sentence copied from the passage", () => {
  it("flags the appended clause the passage does not write", () => {
    expect(status(`${COPIED}, sans aucun accompagnement des utilisateurs [1].`, CAF)).toBe("unsupported");
    expect(reasons(`${COPIED}, et elle a déjà achevé le déménagement [1].`, CAF)).toContain(
      "« et elle a déjà achevé le déménagement »",
    );
  });
  it("flags one missing word when the clause writes an absolute word the passage does not", () => {
    expect(status(`${COPIED}, et les caisses l'utilisent déjà [1].`, CAF)).toBe("unsupported");
    expect(reasons(`${COPIED}, et les caisses l'utilisent [1].`, CAF)).toBe("");
  });
  it("leaves alone the document's conclusion for the collectivité it is written for", () => {
    const s = check(
      `${COPIED}, et Kervallon ne peut donc pas compter dessus aujourd'hui [1].`,
      [CAF],
      ["Collectivité : Kervallon"],
    );
    expect(s.reasons).toEqual([]);
  });
  it("accepts a clause the passage supports, and a short one", () => {
    expect(reasons(`${COPIED}, et les héberge dans ses propres centres de données [1].`, CAF)).toBe("");
    expect(reasons(`${COPIED}, au cours de l'année 2026 [1].`, CAF)).toBe("");
    expect(
      reasons(`Le séminaire a réuni les DSI de l'État, et la Caisse nationale des allocations familiales [1].`, CAF),
    ).toBe("");
  });
});

const MUNICH =
  "Munich et LiMux — Munich : les raisons avancées par la majorité municipale\n" +
  "Les partisans du retour à Windows ont invoqué deux arguments : la productivité des agents, jugée insuffisante avec l'environnement LiMux, et le coût total de possession.";

describe("a reason after « à cause de » the passage does not give", () => {
  it("flags the reason whose words the passage does not write", () => {
    expect(
      reasons(
        "Les partisans du retour à Windows ont invoqué le coût total de possession à cause de la panne des serveurs [1].",
        MUNICH,
      ),
    ).toContain("la raison donnée");
  });
  it("accepts the reason the passage gives", () => {
    expect(
      reasons(
        "Munich est revenue à Windows à cause de la productivité des agents, jugée insuffisante avec LiMux [1].",
        MUNICH,
      ),
    ).toBe("");
  });
});

const ASSISES =
  "Les Assises du logiciel libre de 2025 — Les outils présentés\n" +
  "Deux outils devaient y être présentés :\n" +
  "- un « Baromètre des achats libres », porté par Julie Marchand, déléguée aux achats publics ;\n" +
  "- un « Registre des communs numériques », présenté par Pierre Lagarde pour l'Adullact.";

describe("a person given what the passage attaches to another person of the same list", () => {
  it("flags the person whose own item does not hold what the sentence gives them", () => {
    expect(reasons("Le Baromètre des achats libres a été présenté par Pierre Lagarde [1].", ASSISES)).toContain(
      "« Pierre Lagarde » à la place de « Julie Marchand »",
    );
    expect(status("Le Registre des communs numériques a été porté par Julie Marchand [1].", ASSISES)).toBe(
      "unsupported",
    );
  });
  it("accepts each person with their own item", () => {
    expect(reasons("Le Registre des communs numériques a été présenté par Pierre Lagarde [1].", ASSISES)).toBe("");
    expect(reasons("Le Baromètre des achats libres est porté par Julie Marchand [1].", ASSISES)).toBe("");
    expect(
      reasons(
        "Deux outils devaient y être présentés : un Baromètre des achats libres porté par Julie Marchand, et un Registre des communs numériques présenté par Pierre Lagarde [1].",
        ASSISES,
      ),
    ).toBe("");
  });
});

const TARIFS_2026 =
  "Les hausses de prix Google — La hausse du 1er mars 2026\n" +
  "À partir du 1er mars 2026, Google augmente le prix de Workspace Business Standard de 12 à 14 euros par utilisateur et par mois.";
const QUESTION = "Question posée : Faut-il quitter Google Workspace avant la hausse de prix de 2028 ?";

describe("a figure only the question of the data gives", () => {
  it("does not vouch for a figure the sentence gives to the passage it cites", () => {
    const s = check("La hausse de 2028 sur Google Workspace est confirmée [1].", [TARIFS_2026], [QUESTION]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("« 2028 »");
  });
  it("still lets a sentence citing nothing repeat the question, and the passage vouch for its own figures", () => {
    expect(check("La note répond à la question de la hausse de 2028.", [TARIFS_2026], [QUESTION]).reasons).toEqual([]);
    expect(
      check("Google augmente le prix de Workspace Business Standard le 1er mars 2026 [1].", [TARIFS_2026], [QUESTION])
        .reasons,
    ).toEqual([]);
  });
});

const OBJECTIF =
  "Fixer un objectif chiffré — Pourquoi un objectif chiffré\n" +
  "Un objectif chiffré aide les élus à suivre la sortie des logiciels extra-européens : il donne un cap aux services et une mesure à présenter chaque année.";
const DECRET = "Le décret — Qui est concerné\nLe décret s'impose aux régions et aux départements.";

describe("an obligation the cited passages do not state", () => {
  it("flags « s'impose aux … » where no cited passage speaks of an obligation", () => {
    expect(
      reasons(
        "Cet objectif chiffré, qui s'impose aux régions, aide les élus à suivre la sortie des logiciels extra-européens [1].",
        OBJECTIF,
      ),
    ).toContain("ne dit pas que c'est une obligation");
  });
  it("leaves the obligation a cited passage states to the other checks", () => {
    expect(reasons("Le décret s'impose aux régions [1].", DECRET)).toBe("");
    expect(
      reasons("Un objectif chiffré aide les élus à suivre la sortie des logiciels extra-européens [1].", OBJECTIF),
    ).toBe("");
  });
});
