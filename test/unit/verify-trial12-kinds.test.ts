/**
 * trial12 A2, A9 (model sentences), on other products, places and services than the trial's:
 * - a nationality the cited passage contradicts through the product's maker (« X est édité par V, société enregistrée
 *   en <pays> », a card's « publié par V (<pays>) »);
 * - a département the cited passage's heading or text gives the commune otherwise (« Y, commune de la Loire » where
 *   it writes « Y (Loire-Atlantique) »);
 * - a gradual change (« remplacerait progressivement ») stated as done (« a quitté », « a totalement remplacé »);
 * - what the passage says is not known (« ne précisent pas si … ») stated as known;
 * - an uncited sentence generalising to a whole class (« La plupart des communes … ont … »);
 * - A9: a wide place (« en Europe ») the passage names by cities within it (« Madrid, Varsovie ou Vienne »).
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, passages: string[]) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
  ).sentences[0]!;

const ok = (sentence: string, passages: string[]) =>
  expect([sentence, check(sentence, passages).reasons]).toEqual([sentence, []]);
const flagged = (sentence: string, passages: string[], reason?: RegExp) => {
  const s = check(sentence, passages);
  expect([sentence, s.status]).toEqual([sentence, "unsupported"]);
  if (reason) expect(s.reasons.join(" ")).toMatch(reason);
};

describe("a nationality against the maker the cited passage gives the product", () => {
  const zammad = [
    "Ville de Tarbes : les outils retenus — Points de vigilance\nDeux outils appellent une précision sur leur origine :\n- Zammad est développé par Zammad GmbH, société enregistrée en Allemagne (Heise, mai 2025). Son code est publié sous licence AGPL.\n- Rocket.Chat, retenu pour la messagerie, est un logiciel libre.",
  ];
  const card = [
    "Alternative : Mattermost — Catalogue, 2026-11 § (introduction)\nMattermost (messagerie d'équipe) : logiciel libre sous licence MIT, publié par Mattermost Inc. (États-Unis). Maturité : mature.",
  ];
  it("flags the country the maker's registration contradicts", () => {
    flagged("Elle a choisi Zammad, un logiciel américain [1].", zammad, /Zammad.*américain/);
    flagged("Mattermost, un logiciel européen, sert de messagerie [1].", card, /Mattermost/);
  });
  it("leaves the maker's country, or a wide place containing it", () => {
    ok("Elle a choisi Zammad, un logiciel allemand [1].", zammad);
    ok("Zammad, un logiciel européen, est publié sous licence AGPL [1].", zammad);
    ok("Mattermost, un logiciel américain, sert de messagerie [1].", card);
  });
});

describe("a département given a commune where the cited passage gives it another", () => {
  const herblain = [
    "Autres collectivités françaises — Saint-Herblain (Loire-Atlantique) : 80 % des postes sous Debian\nSaint-Herblain, commune d'environ 47 000 habitants, fait fonctionner 80 % de son parc sous Debian.",
  ];
  it("flags « commune de la Loire », « dans la Loire » where the heading says Loire-Atlantique", () => {
    flagged("Saint-Herblain, commune de la Loire, a passé 80 % de ses postes sous Debian [1].", herblain, /Loire/);
    flagged(
      "La commune de Saint-Herblain, dans la Loire, a passé 80 % de ses postes sous Debian [1].",
      herblain,
      /Loire/,
    );
  });
  it("leaves the passage's own département", () => {
    ok("Saint-Herblain, commune de Loire-Atlantique, a passé 80 % de ses postes sous Debian [1].", herblain);
    ok("Saint-Herblain, dans la Loire-Atlantique, a passé 80 % de ses postes sous Debian [1].", herblain);
    ok("Saint-Herblain fait fonctionner 80 % de son parc sous Debian [1].", herblain);
  });
});

describe("a gradual change stated as done", () => {
  const dortmund = [
    "Ville de Dortmund : sortir progressivement d'Oracle — Le contexte de l'annonce\nLe 3 mars 2024, la Ville de Dortmund a annoncé qu'elle remplacerait progressivement les bases de données d'Oracle utilisées dans ses services.",
  ];
  it("flags « a quitté », « a totalement remplacé » where the passage says « progressivement »", () => {
    flagged("La Ville de Dortmund a quitté Oracle en 2024 [1].", dortmund, /progressivement/);
    flagged("Dortmund a totalement remplacé Oracle en 2024 [1].", dortmund, /progressivement/);
  });
  it("leaves the announcement, the gradual change and the future", () => {
    ok("En mars 2024, Dortmund a annoncé qu'elle remplacerait progressivement Oracle [1].", dortmund);
    ok("Dortmund sort progressivement d'Oracle [1].", dortmund);
  });
  const done = [
    "Ville de Dortmund — Bilan\nMigrée progressivement entre 2021 et 2024, la Ville de Dortmund a quitté Oracle en 2024.",
  ];
  it("leaves the act a passage says done", () => ok("Dortmund a quitté Oracle en 2024 [1].", done));
  const other = [
    "Métropole de Brest : Oracle remplacé par PostgreSQL — Le projet\nLa métropole a choisi de remplacer Oracle par PostgreSQL en 2023. Pour ses 300 agents, le nouvel outil est déployé progressivement.",
  ];
  it("leaves a change whose name the gradual sentence does not write", () =>
    ok("La métropole de Brest a remplacé Oracle par PostgreSQL en 2023 [1].", other));
});

describe("what the cited passage says is not known, stated as known", () => {
  const transfer = [
    "FranceTransfert, l'outil d'envoi de fichiers de l'État — FranceTransfert et les syndicats mixtes\nLe service est réservé aux agents de l'État depuis mars 2025. Les sources réunies ici ne précisent pas si un syndicat mixte peut utiliser le service FranceTransfert. Son code étant publié sous licence MIT, il peut en revanche être installé par un syndicat mixte ou un hébergeur.",
  ];
  it("flags the openness the passage says it does not know", () => {
    flagged("FranceTransfert est ouvert à tous les syndicats mixtes depuis mars 2025 [1].", transfer, /précisent pas/);
  });
  it("leaves the unknown said as unknown, and what the passage does say", () => {
    ok("Les sources ne précisent pas si un syndicat mixte peut utiliser FranceTransfert [1].", transfer);
    ok("Le code de FranceTransfert peut être installé par un syndicat mixte [1].", transfer);
    ok("FranceTransfert est réservé aux agents de l'État depuis mars 2025 [1].", transfer);
  });
});

describe("an uncited sentence generalising to a whole class", () => {
  const passage = [
    "Autres collectivités — Saint-Herblain\nSaint-Herblain fait fonctionner 80 % de son parc sous Debian depuis 2019.",
  ];
  it("is not verified", () => {
    const v = verifyText(
      "Saint-Herblain fait fonctionner 80 % de son parc sous Debian [1]. La plupart des communes bretonnes ont depuis adopté Debian.",
      [{ n: 1, text: passage[0]! }],
    );
    expect(v.sentences[1]!.status).toBe("unsupported");
  });
  it("leaves formulas and the cited generalisation alone", () => {
    const v = verifyText(
      "Saint-Herblain fait fonctionner 80 % de son parc sous Debian [1]. Nous restons à votre disposition pour en parler.",
      [{ n: 1, text: passage[0]! }],
    );
    expect(v.sentences[1]!.status).not.toBe("unsupported");
  });
  it("in a generated answer, an uncited claim gets a cited one's checks against every passage given (trial15 A19)", () => {
    const given = [{ n: 1, text: passage[0]! }];
    const answer = (text: string) => verifyText(text, given, { checkUncited: true }).sentences.map((x) => x.status);
    // Words no passage writes: flagged, as a cited sentence would be (only its figures were checked before).
    expect(
      answer("Voici ce que dit le corpus. Les communes qui gardent Windows devront payer une amende à l'État."),
    ).toEqual(["no-claim", "unsupported"]);
    // What a passage says, a formula, a reserve or advice to the reader: left alone.
    expect(
      answer(
        "Saint-Herblain fait fonctionner 80 % de son parc sous Debian. Nous restons à votre disposition pour en parler. Il convient de vérifier ces chiffres avant de les citer en séance. Ces éléments sont à confirmer auprès des services avant toute décision. Les passages disponibles ne permettent pas d’aller plus loin.",
      ),
    ).not.toContain("unsupported");
  });
});

describe("A9: a wide place the passage names by cities within it", () => {
  const law = [
    "Le Foreign Data Act — ce que dit la loi\nLa loi oblige un fournisseur établi au Canada à remettre les données qu'il contrôle, même lorsqu'elles sont stockées hors du Canada. Le lieu de stockage (un centre de données à Madrid, Varsovie ou Vienne) ne change rien.",
  ];
  it("« même hébergées en Europe » is what the passage says", () => {
    ok(
      "La loi oblige un fournisseur établi au Canada à remettre les données qu'il contrôle, même hébergées en Europe [1].",
      law,
    );
  });
  it("a wide place none of whose cities or countries the passage names is still not named", () => {
    flagged(
      "La loi oblige un fournisseur établi au Canada à remettre les données qu'il contrôle, même hébergées en Asie [1].",
      law,
      /Asie/,
    );
  });
});
