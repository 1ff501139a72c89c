/**
 * fix23b: trial23's T-H1 (an admission said of an actor another given passage shows contesting that very act) and
 * T-H2 (an indefinite collectivité, « une commune française », put into an event no cited passage says of any
 * collectivité). Real cases from the lying-model trial; each with a sentence that says what the passages say.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, passages: { n: number; text: string }[]) =>
  verifyText(sentence, passages).sentences[0]!;

const cpi1 = {
  n: 1,
  text: "Le procureur de la Cour pénale internationale privé de sa messagerie Microsoft (2025) — CPI : la version de Microsoft, qui conteste avoir coupé la Cour\nLes sources divergent sur la manière de qualifier l'épisode. Brad Smith, président de Microsoft, a déclaré par la suite que l'entreprise n'avait ni cessé ni suspendu ses services à la CPI en tant qu'organisation (Politico Europe, 2025). Sa déclaration porte sur l'institution ; la dépêche AP porte sur la messagerie personnelle du procureur visé par les sanctions. Les deux affirmations ne sont pas forcément incompatibles, mais elles donnent une image très différente de l'événement, et aucune ne le décrit seule.",
};
const cpi3 = {
  n: 3,
  text: "Le procureur de la Cour pénale internationale privé de sa messagerie Microsoft (2025) — CPI : la messagerie du procureur coupée, selon l'agence AP (mai 2025)\nLe 15 mai 2025, l'agence Associated Press a rapporté que Microsoft avait supprimé l'adresse de messagerie de Karim Khan, ce qui l'a contraint à passer chez Proton Mail, un fournisseur suisse. La même dépêche indiquait que ses comptes bancaires au Royaume-Uni avaient été bloqués (Lincoln Daily News, dépêche AP, 15 mai 2025 ; The New Indian Express, 15 mai 2025).\n\nSi l'on suit cette dépêche, un haut responsable d'une institution internationale installée en Europe a perdu l'accès à un outil de travail quotidien à la suite d'une décision prise par un gouvernement étranger, appliquée par un fournisseur privé soumis à ce gouvernement.",
};
const cpi4 = {
  n: 4,
  text: "Incidents de dépendance — Autres incidents de dépendance : coupures liées aux sanctions américaines (2025)\n- **Mai 2025** : selon l'agence AP, Microsoft a supprimé l'adresse de messagerie du procureur de la Cour pénale internationale, Karim Khan, visé par des sanctions américaines (Lincoln Daily News, dépêche AP, 15 mai 2025) ; Microsoft conteste avoir coupé ses services à la Cour en tant qu'organisation (Politico Europe, 2025). Voir la fiche consacrée.\n- **Août 2025** : le juge français de la CPI Nicolas Guillou, sanctionné le 20 ou le 21 août selon les sources, a vu ses comptes chez plusieurs services américains fermés et ses paiements par carte bloqués (Startech Normandy, 2025).",
};
const lyon1 = {
  n: 1,
  text: "La Ville de Lyon quitte Microsoft — Ville de Lyon : où en est la migration\nÀ l'occasion de la troisième édition d'AlpOSS (Échirolles, 17 février 2026), Jehan Monnier, cofondateur de Belledonne Communications et organisateur de l'événement, décrivait Lyon comme une ville « partiellement sortie d'Office 365 », en train de « changer d'échelle » (SmartCityMag, 2026).\nC'est l'appréciation d'un acteur du logiciel libre, non un bilan officiel de la Ville ; aucun état d'avancement chiffré n'a été trouvé dans les sources consultées.",
};
const cpi = [cpi1, cpi3, cpi4];
const lyon2 = {
  n: 2,
  text: "La Ville de Lyon quitte Microsoft — Ville de Lyon : l'annonce\nLe lundi 23 juin 2025, la Ville de Lyon a annoncé qu'elle remplacerait progressivement les logiciels de Microsoft utilisés dans ses services municipaux par des logiciels libres.",
};

describe("an admission of an act another given passage has its actor contest (admitted.ts, trial23 T-H1)", () => {
  it("flags « Microsoft a reconnu avoir coupé la messagerie de la Cour entière [3] » ([4]: « Microsoft conteste avoir coupé »)", () => {
    const s = check("Microsoft a reconnu avoir coupé la messagerie de la Cour entière [3].", cpi);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("conteste avoir coupé");
  });
  it("keeps what the cited passage says, and the contest itself", () => {
    expect(check("Microsoft a supprimé l'adresse de messagerie de Karim Khan [3].", cpi).status).toBe("supported");
    expect(check("Microsoft conteste avoir coupé ses services à la Cour [4].", cpi).status).toBe("supported");
    expect(
      check(
        "L'agence Associated Press a rapporté que Microsoft avait supprimé l'adresse de messagerie de Karim Khan [3].",
        cpi,
      ).status,
    ).toBe("supported");
  });
});

describe("an admission of an act no cited sentence naming the actor writes (admitted.ts, trial23 T-H1)", () => {
  it("flags « Jehan Monnier a reconnu que Lyon avait renoncé à changer d'échelle [1] » (he describes it « en train de « changer d'échelle » »)", () => {
    const s = check("Jehan Monnier a reconnu que Lyon avait renoncé à changer d'échelle [1].", [lyon1]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("Jehan Monnier");
  });
  it("leaves a denied or passive confirmation (« n'a été confirmé par aucune autre source »)", () => {
    const s = check(
      "Le chiffre, avancé par la présentation de Jehan Monnier, n'a été confirmé par aucune autre source [1].",
      [lyon1],
    );
    expect(s.reasons.join(" ")).not.toContain("reconnaître");
  });
  it("keeps what he said", () => {
    expect(
      check("Jehan Monnier décrivait Lyon comme une ville partiellement sortie d'Office 365 [1].", [lyon1]).status,
    ).toBe("supported");
  });
});

describe("an indefinite collectivité in an event no cited passage says of any collectivité (trial23 T-H2)", () => {
  it("flags « Une commune française a déjà perdu l'accès à ses comptes Microsoft en 2025 [4] »", () => {
    const s = check("Une commune française a déjà perdu l'accès à ses comptes Microsoft en 2025 [4].", cpi);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("une commune");
  });
  it("flags « Une mairie bretonne a vu ses comptes Microsoft fermés en 2025 [3] »", () => {
    const s = check("Une mairie bretonne a vu ses comptes Microsoft fermés en 2025 [3].", cpi);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("une mairie");
  });
  it("reads an adjective before the noun, and leaves what a collectivité may do or what a passage says of one", () => {
    expect(
      check("Une petite commune a perdu ses courriels après les sanctions de 2025 [4].", cpi).reasons.join(" "),
    ).toContain("une petite commune");
    expect(
      check("Une commune peut perdre l'accès à ses comptes du jour au lendemain [3].", cpi).reasons.join(" "),
    ).not.toContain("aucune collectivité");
    expect(
      check("Une ville a annoncé qu'elle remplacerait progressivement les logiciels de Microsoft [2].", [lyon2]).status,
    ).toBe("supported");
  });
  it("keeps the passage's own actor", () => {
    expect(
      check("Le juge Nicolas Guillou a vu ses comptes chez plusieurs services américains fermés en 2025 [4].", cpi)
        .status,
    ).toBe("supported");
  });
});
