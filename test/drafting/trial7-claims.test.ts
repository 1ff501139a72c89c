/**
 * trial7 A4: what a user's context says of others (a letter's « À Échirolles, Aurélien Farge dirige la stratégie
 * numérique … », « Boé … fait fonctionner tout son parc sous Linux ») is checked by the verifier's rules as a model's
 * sentence is (`checkClaims` → `verifyText`): a person put in another's post, « tout » where the corpus gives a share.
 * On passages of other places and people than the trial's, through a retriever that returns them.
 */
import { describe, expect, it } from "vitest";
import { checkClaims } from "../../server/drafting/claims.ts";
import type { Retriever, SearchResult } from "../../server/retrieval/search.ts";
import { verifyText } from "../../server/verify/index.ts";

const result = (id: string, title: string, section: string, text: string): SearchResult => ({
  id,
  text,
  section,
  score: 1,
  document: { id, title, kind: "case-study", date: "2026", url: null },
  sources: [],
  source: null,
});

const PASSAGES = [
  result(
    "lannion",
    "Lannion : une ville qui mise sur le libre",
    "Lannion : qui porte le projet",
    "Le conseil municipal a créé en 2020 le poste de directrice de la transformation et des usages numériques ; Sophie Le Goff l'occupe depuis 2020 (Ouest-France, 3 mars 2021). Au sein de la majorité, le conseiller délégué Yann Morvan est chargé des données publiques.",
  ),
  result(
    "vitre",
    "Autres communes",
    "Vitré : les chiffres",
    "Vitré, commune de 18 000 habitants, fait fonctionner 97 % de son parc sous Debian ; les 3 % de postes restés sous Windows sont liés à un logiciel de cartographie.",
  ),
];
const retriever: Retriever = {
  mode: async () => "fulltext",
  search: async () => ({ mode: "fulltext", results: PASSAGES }),
};

/** The sentence of a letter's section that states a claim of the context, as the draft path checks it. */
async function checked(claim: string) {
  const text = `${claim} (selon nos informations).`;
  const { verification } = await checkClaims(
    text,
    [claim],
    verifyText(text, []),
    [],
    retriever,
    (r) => `${r.document.title} — ${r.section}\n${r.text}`,
  );
  return verification.sentences[0]!;
}

describe("trial7 A4: a context's claims about others, on the draft path", () => {
  it("a person of the corpus given another's post is « non vérifié », with who holds it", async () => {
    const wrong = await checked("À Lannion, Yann Morvan dirige la transformation numérique de la ville depuis 2020");
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("Sophie Le Goff");
    expect(
      (await checked("À Lannion, Sophie Le Goff dirige la transformation numérique de la ville depuis 2020")).status,
    ).toBe("supported");
  });
  it("« tout son parc » where the corpus gives 97 % of it", async () => {
    expect(
      (await checked("Vitré, commune de 18 000 habitants, fait fonctionner tout son parc sous Debian")).status,
    ).toBe("unsupported");
    expect(
      (await checked("Vitré, commune de 18 000 habitants, fait fonctionner 97 % de son parc sous Debian")).status,
    ).toBe("supported");
  });
});
