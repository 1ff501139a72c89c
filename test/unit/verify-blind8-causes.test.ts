/**
 * Causes of the false flags measured on `test/eval/faithful-blind-8/` (right sentences the verifier flagged), each in a
 * general form on passages of its own (other products and subjects than the set's): the right sentence passes, the
 * wrong one that the same rule is for is still flagged.
 */
import { describe, expect, it } from "vitest";
import { check, reasons } from "../helpers/verify.ts";

const PLANNED = "envisagé, pas comme acquis";

describe("a verb of the present or the imperfect ending in « -rait » is not a conditional that plans", () => {
  const card =
    "Produit : Zoom — Catalogue, 2026-08\nZoom (visioconférence) : Réunions en ligne.\nÉditeur : Zoom Video Communications, États-Unis.\nApparaît dans les inventaires sous les noms : Zoom Meetings ; Zoom Client.\nAlternatives : Jitsi Meet (remplacement direct, France, libre Apache-2.0).";
  it("« Apparaît dans les inventaires sous les noms » (a card field) is not a plan", () => {
    expect(reasons("On le trouve aussi sous le nom de Zoom Client dans les inventaires [1].", card)).not.toContain(
      PLANNED,
    );
  });
  const report =
    "Le rapport de la chambre régionale — Les recommandations\nLa chambre recommandait au syndicat d'en dresser un bilan, les risques de rupture, un plan de reprise avec un calendrier et une information des usagers.";
  const imperfect =
    "Le rapport de la chambre régionale — Les recommandations\nLa chambre considérait qu'il fallait en dresser un bilan, les risques de rupture, un plan de reprise avec un calendrier et une information des usagers.";
  it("« considérait » (imperfect of « considérer ») is not a plan", () => {
    expect(
      reasons(
        "Elle en attendait un bilan, les risques de rupture, un plan de reprise avec un calendrier et une information des usagers [1].",
        imperfect,
      ),
    ).not.toContain(PLANNED);
    expect(
      reasons(
        "Elle en attendait un bilan, les risques de rupture, un plan de reprise avec un calendrier et une information des usagers [1].",
        report,
      ),
    ).not.toContain(PLANNED);
  });
  const conditional =
    "Le rapport de la chambre régionale — Les recommandations\nLe syndicat considérerait un plan de reprise avec un calendrier et une information des usagers.";
  it("a true conditional (« considérerait ») still plans: the plan stated as done is flagged", () => {
    expect(
      reasons(
        "Le syndicat a adopté un plan de reprise avec un calendrier et une information des usagers [1].",
        conditional,
      ),
    ).toContain(PLANNED);
  });
});

describe("a sentence about the catalog card or the catalog itself", () => {
  const card =
    "Produit : Zoom — Catalogue, 2026-08\nZoom (outils de visioconférence) : Réunions en ligne.\nÉditeur : Zoom Video Communications, États-Unis. Exposition : CLOUD Act (États-Unis).\nApparaît dans les inventaires sous les noms : Zoom Meetings.\nAlternatives : Jitsi Meet (remplacement partiel, France, libre Apache-2.0) ; BigBlueButton (remplacement partiel, Canada, libre LGPL-3.0).";
  const ok = (sentence: string) => expect(check(sentence, [card]).reasons).toEqual([]);
  it("« Le catalogue le range parmi … » passes when what it ranks it among is on the card", () => {
    ok("Le catalogue le range parmi les outils de visioconférence [1].");
  });
  it("« Tous deux sont des logiciels libres » and « Chacun des deux est un remplacement partiel » pass", () => {
    ok("Tous deux sont des logiciels libres [1].");
    ok("Chacun des deux est un remplacement partiel [1].");
  });
  it("« Le catalogue propose … » passes", () => {
    ok("Le catalogue propose BigBlueButton comme remplacement partiel [1].");
  });
  it("a sentence about the passages (« Les passages ne proposent pas d'alternative précise ») keeps its own rule", () => {
    const bare =
      "Produit : AnyDesk — Catalogue, 2026-08\nAnyDesk (poste de travail) : Prise de main à distance.\nÉditeur : AnyDesk Software, Allemagne.";
    expect(check("Les passages ne proposent pas d'alternative précise à AnyDesk [1].", [bare]).reasons).toEqual([]);
  });
  it("what the card does not say is still flagged", () => {
    expect(check("Tous deux sont des logiciels propriétaires [1].", [card]).reasons).not.toEqual([]);
    expect(check("Le catalogue le range parmi les outils de comptabilité publique [1].", [card]).reasons).not.toEqual(
      [],
    );
  });
});

describe("a former name is the same organisation, not another one paired with it", () => {
  const app =
    "Alternative : Qonto — Catalogue, 2026-11\nQonto (autres) : logiciel non libre, publié par Qonto (ex-Olinda) (France).\nBanque en ligne pour les professionnels, éditeur français (Paris), anciennement Olinda. Service propriétaire.";
  const vendor =
    "Éditeur : Qonto — Catalogue, 2026-08\nQonto (Olinda SAS (Qonto)) : éditeur, siège : France.\nÉditeur français (Paris, ex-Olinda) de services bancaires en ligne.";
  it("« Qonto, anciennement Olinda, … installé à Paris » passes", () => {
    expect(
      check(
        "Qonto, anciennement Olinda, est un remplacement direct : c'est un éditeur français installé à Paris [1][2].",
        [app, vendor],
      ).reasons,
    ).toEqual([]);
  });
});

describe("a sentence that announces a list or what follows", () => {
  const page =
    "Remplacer FileMaker — Ce qui est possible\nLes bases FileMaker d'une mairie peuvent passer sous Baserow, sous NocoDB ou dans une base PostgreSQL gérée par le service informatique.";
  it("« Trois pistes existent : A, B ou C » passes when it lists as many as it counts", () => {
    expect(check("Trois pistes existent : Baserow, NocoDB ou PostgreSQL [1].", [page]).reasons).toEqual([]);
  });
  it("a count that does not match the list, or a listed item the passage does not name, is still flagged", () => {
    expect(check("Quatre pistes existent : Baserow, NocoDB ou PostgreSQL [1].", [page]).reasons).not.toEqual([]);
  });
  const lessons =
    "Les migrations de Lannion et de Vitré — Ce qu'elles montrent\nLes exemples de Lannion et de Vitré montrent qu'une commune moyenne peut passer à LibreOffice en deux ans si elle forme ses agents.";
  it("« Plusieurs enseignements ressortent de … » (an introduction) passes", () => {
    expect(check("Plusieurs leçons ressortent des exemples de Lannion et de Vitré [1].", [lessons]).reasons).toEqual(
      [],
    );
  });
});

describe("an alternative given another degree of replacement than its card gives it", () => {
  const card =
    "Produit : Slack — Catalogue, 2026-08\nSlack (outils collaboratifs) : Messagerie d'équipe.\nÉditeur : Salesforce, États-Unis.\nApparaît dans les inventaires sous les noms : Slack.\nAlternatives : Mattermost (remplacement partiel, États-Unis, libre AGPL-3.0) ; Zulip (autre approche, États-Unis, libre Apache-2.0) ; Rocket.Chat (remplacement direct, Brésil, libre MIT).";
  const own =
    "Alternative : Mattermost — Catalogue, 2026-11\nMattermost (outils collaboratifs) : logiciel libre sous licence AGPL-3.0, publié par Mattermost Inc. (États-Unis).\nRemplace : Slack (remplacement partiel) ; Microsoft Teams (autre approche).";
  it("« remplace directement » where the card says « remplacement partiel » is flagged", () => {
    expect(reasons("Mattermost, logiciel libre sous licence AGPL, le remplace directement [1].", card)).toContain(
      "remplacement partiel",
    );
    expect(reasons("Zulip en est un remplacement direct [1].", card)).toContain("autre approche");
    expect(reasons("Mattermost remplace entièrement Slack [1].", own)).toContain("remplacement partiel");
  });
  it("the degree the card gives passes, and a negated degree is left alone", () => {
    expect(check("Rocket.Chat le remplace directement [1].", [card]).reasons).toEqual([]);
    expect(check("Mattermost en est un remplacement partiel [1].", [card]).reasons).toEqual([]);
    expect(reasons("Mattermost ne le remplace pas directement [1].", card)).not.toContain("remplacement partiel");
  });
});
