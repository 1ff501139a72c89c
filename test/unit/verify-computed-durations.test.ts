/**
 * A duration the answer computes from two dates it or the cited passages give (faithful-blind-22: right computed
 * durations flagged as figures no passage gives, or as words no passage has): both dates written in the sentence
 * itself (« De 20 000 postes en 2004 à environ 90 000 en 2005, … en un an »), a gap placed between two events dated
 * earlier in the answer (« sept mois entre la révélation et la suspension »), years counted from dates given to the
 * month (« quatre ans au maximum » from octobre 2024 to septembre 2028). Sentences of faithful-blind-22 (the tuned
 * half); a duration that does not come out, or one placed by no computation, is still flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

/** The verification of the last sentence of `answer` against `passage` ([1]). */
const last = (answer: string, passage: string) =>
  verifyText(answer, [{ n: 1, text: passage }], { facts: [] }).sentences.at(-1)!;

const GENDARMERIE =
  "Gendarmerie nationale : les étapes de la migration, de 2004 à 2021\n- 2004 : la Gendarmerie abandonne la suite " +
  "Office de Microsoft et met à la place la suite libre OpenOffice, d'abord sur 20 000 postes ; en 2005, OpenOffice " +
  "équipe l'ensemble du parc, soit environ 90 000 postes (Le Soleil, 2008).\n- 2006 : le navigateur Firefox et la " +
  "messagerie Thunderbird sont à leur tour généralisés (Le Soleil, 2008).";

const POLYTECHNIQUE =
  "CNLL : l'action contre la migration de Polytechnique vers Microsoft 365 (2025)\nEn 2025, le CNLL a engagé une " +
  "procédure précontentieuse contre le projet de l'École polytechnique de transférer sa messagerie vers Microsoft " +
  "365. L'école a suspendu la migration en octobre 2025 (Mac4Ever, octobre 2025 ; ChannelNews, 15 octobre 2025).";
const REVEALED =
  "Le 19 mars 2025, La Lettre a révélé que l'école comptait transférer sa messagerie vers Microsoft 365 entre mai et " +
  "septembre 2025 [1]. Le CNLL a engagé une procédure précontentieuse [1]. L'école a suspendu la migration en " +
  "octobre 2025 [1].";

const SUPPORT =
  "Le marché interministériel de support du logiciel libre\nDepuis octobre 2024, Linagora est titulaire du marché de " +
  "support, conclu pour 12 mois reconductibles trois fois, soit jusqu'en septembre 2028 au plus tard ; il couvre " +
  "forfaitairement 350 logiciels en trois versions (code.gouv.fr, 2025).";
const CONCLUDED =
  "Depuis octobre 2024, Linagora est titulaire du marché de support [1]. Il est conclu pour 12 mois, reconductibles " +
  "trois fois, soit jusqu'en septembre 2028 au plus tard [1].";

describe("a duration computed from two dates", () => {
  it("accepts a duration between two years the sentence itself writes", () => {
    const answer =
      "De 20 000 postes en 2004 à environ 90 000 en 2005, le parc sous OpenOffice a plus que quadruplé en un an [1].";
    expect(last(answer, GENDARMERIE).status).toBe("supported");
  });
  it("accepts a gap placed between two events the answer dated earlier", () => {
    const answer = `${REVEALED} Il a fallu environ sept mois entre la révélation et la suspension [1].`;
    expect(last(answer, POLYTECHNIQUE).status).toBe("supported");
  });
  it("accepts years counted between two dates given to the month", () => {
    expect(last(`${CONCLUDED} Cela fait quatre ans au maximum [1].`, SUPPORT).status).toBe("supported");
  });

  it("still flags a duration that does not come out", () => {
    const answer =
      "De 20 000 postes en 2004 à environ 90 000 en 2005, le parc sous OpenOffice a plus que quadruplé en trois ans [1].";
    expect(last(answer, GENDARMERIE).status).toBe("unsupported");
    expect(
      last(`${REVEALED} Il a fallu environ trois mois entre la révélation et la suspension [1].`, POLYTECHNIQUE).status,
    ).toBe("unsupported");
    expect(last(`${CONCLUDED} Cela fait six ans au maximum [1].`, SUPPORT).status).toBe("unsupported");
  });
  it("still flags a duration stated as a fact, placed by no computation", () => {
    expect(last(`${REVEALED} La procédure a duré sept mois [1].`, POLYTECHNIQUE).status).toBe("unsupported");
  });
});
