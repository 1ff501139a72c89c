/**
 * trial16 C2, C3, C18 on the real corpus passages: « obligatoire » given to the collectivités where the passage says
 * the formula only holds for the State's services; an outcome stated in new words (« a lancé », « a annulé ») or by a
 * pronoun taking up the name of a flagged sentence (« Elle garde Windows »); a peer's share turned into a saving; a
 * sentence taking up (« Ce plan ») the duty a flagged sentence gave the wrong holder; « aucune » for a listed scope.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../server/corpus/chunk.ts";
import { parseMarkdownDocument } from "../../server/corpus/documents.ts";
import { verifyText } from "../../server/verify/index.ts";

/** The passage of a corpus document under `section`, as the answer path checks it (« title — section\ntext »). */
async function passage(doc: string, section: string): Promise<string> {
  const parsed = parseMarkdownDocument(`${doc}.md`, await readFile(`corpus/${doc}.md`, "utf8"), [])!;
  const chunk = (await chunkDocument(parsed)).find((c) => c.section === section);
  if (!chunk) throw new Error(`${doc}: no section « ${section} »`);
  return `${parsed.title} — ${chunk.section}\n${chunk.text}`;
}

/** Every sentence of a chat answer (uncited sentences checked too), with its status and reasons. */
const chat = (text: string, passages: string[]) =>
  verifyText(
    text,
    passages.map((p, n) => ({ n: n + 1, text: p })),
    { checkUncited: true },
  ).sentences;

/** Every sentence of a draft's section, checked against its passages and data. */
const draft = (text: string, passages: string[], facts: string[]) =>
  verifyText(
    text,
    passages.map((p, n) => ({ n: n + 1, text: p })),
    { facts },
  ).sentences;

const LETTER_DATA = [
  "Collectivité : Pont-l'Évêque (commune ; Calvados ; Normandie)\nDestinataire : Madame Françoise Lemarchand, Maire de Pont-l'Évêque",
];

const MILLAU = () =>
  passage(
    "guidance/visio-visioconference-etat",
    "« Visio obligatoire » : ce que dit vraiment la présentation de Millau",
  );

describe("« obligatoire » for the collectivités where the formula only holds for the State (C2)", () => {
  it("flags « Visio sera obligatoire pour les conseils municipaux / les mairies »", async () => {
    const p = await MILLAU();
    const [councils, town] = chat(
      "Visio sera obligatoire pour les conseils municipaux à partir de 2027 [1]. Visio devient obligatoire pour les mairies en 2027 [1].",
      [p],
    );
    expect(councils!.status).toBe("unsupported");
    expect(councils!.reasons.join(" ")).toContain("« elle ne vaut que pour les services de l'État »");
    expect(town!.status).toBe("unsupported");
    expect(town!.reasons.join(" ")).toContain("ne vaut que pour les services de l'État");
  });

  it("flags it in a draft too, and leaves the State's own obligation and a negated sentence alone", async () => {
    const p = await MILLAU();
    const [letter] = draft("Visio sera obligatoire pour toutes les communes dès 2027 [1].", [p], LETTER_DATA);
    expect(letter!.reasons.join(" ")).toContain("ne vaut que pour les services de l'État");
    const [state, not] = chat(
      "La formule « Visio obligatoire » ne vaut que pour les services de l'État [1]. Visio ne sera pas obligatoire pour les communes [1].",
      [p],
    );
    expect(state!.reasons.join(" ")).not.toContain("ne vaut que");
    expect(not!.reasons.join(" ")).not.toContain("ne vaut que");
  });
});

const QUIMPER = () =>
  passage(
    "guidance/seminaire-interministeriel-8-avril-2026",
    "Un exemple de demande locale : Linux Quimper et Quimper Bretagne Occidentale",
  );
const DINUM = () =>
  passage("case-studies/dinum-postes-linux", "DINUM : ce qui a été décidé pour ses postes de travail");

describe("invented peer outcomes in new wording (C3)", () => {
  it("flags « a lancé l'étude » where the collectif only proposes it", async () => {
    const [launched] = chat(
      "Quimper Bretagne Occidentale a lancé en 2026 l'étude de ses dépendances demandée par Linux Quimper [1].",
      [await QUIMPER()],
    );
    expect(launched!.status).toBe("unsupported");
    expect(launched!.reasons.join(" ")).toContain("« a lancé » : le passage cité ne le dit pas de « Quimper");
  });

  it("reads « Elle » with the name the sentence before opens with", async () => {
    const p = await DINUM();
    const [, keeps] = chat(
      "La DINUM a renoncé à passer ses postes sous Linux [1]. Elle garde Windows pour ses propres agents [1].",
      [p],
    );
    expect(keeps!.status).toBe("unsupported");
    expect(keeps!.reasons.join(" ")).toContain("abandonnait Windows au profit de postes de travail sous Linux");
    const [gaveUp, cancelled] = chat(
      "La DINUM a abandonné Linux et reste sous Windows [1]. Elle a annulé la migration de ses postes [1].",
      [p],
    );
    expect(gaveUp!.status).toBe("unsupported");
    expect(cancelled!.status).toBe("unsupported");
    expect(cancelled!.reasons.join(" ")).toContain("« a annulé » : le passage cité ne le dit pas de « DINUM »");
  });

  it("accepts what the passage says of the DINUM, pronoun or not", async () => {
    const sentences = chat(
      "La DINUM a annoncé qu'elle abandonnait Windows pour Linux [1]. Elle passe ses propres agents sous Linux [1].",
      [await DINUM()],
    );
    expect(sentences.map((s) => s.reasons)).toEqual([[], []]);
  });

  it("flags a peer's share of its parc turned into the commune's saving", async () => {
    const boe = await passage("guidance/objectif-chiffre-et-calendrier", "Choisir les bons indicateurs");
    const [, saving] = chat(
      "Notre commune dépense environ 40 000 euros par an en licences Microsoft. Avec LibreOffice, elle économiserait 95 % de cette somme comme Boé [1].",
      [boe],
    );
    expect(saving!.status).toBe("unsupported");
    expect(saving!.reasons.join(" ")).toContain(
      "le chiffre « 95 % » figure dans le passage cité, mais pour autre chose",
    );
    const [parc] = chat("Boé fait tourner 95 % de son parc sous Linux [1].", [boe]);
    expect(parc!.reasons).toEqual([]);
  });
});

describe("a letter's sentence that keeps the scope of a flagged one, and « aucune » for a list (C18)", () => {
  const SECOND = () =>
    passage(
      "guidance/seminaire-interministeriel-8-avril-2026",
      "Deuxième décision : un plan de réduction des dépendances par ministère d'ici l'automne 2026",
    );

  it("flags « Ce plan doit couvrir sept catégories » after « Chaque commune doit formaliser … son propre plan »", async () => {
    const sentences = draft(
      "Chaque commune doit formaliser d'ici l'automne 2026 son propre plan de réduction des dépendances extra-européennes [1]. Ces plans ministériels ont tous été publiés depuis [1]. Ce plan doit couvrir sept catégories, dont le poste de travail et l'antivirus [1].",
      [await SECOND()],
      LETTER_DATA,
    );
    const taken = sentences[2]!;
    expect(taken.status).toBe("unsupported");
    expect(taken.reasons.join(" ")).toContain("« Ce plan » reprend une phrase précédente");
    expect(taken.reasons.join(" ")).toContain("« Chaque commune »");
  });

  it("accepts the same sentence after the ministries' duty", async () => {
    const sentences = draft(
      "Chaque ministère doit formaliser d'ici l'automne 2026 son propre plan de réduction des dépendances extra-européennes [1]. Ces plans doivent couvrir sept catégories, dont le poste de travail et l'antivirus [1].",
      [await SECOND()],
      LETTER_DATA,
    );
    expect(sentences.map((s) => s.reasons)).toEqual([[], []]);
  });

  it("flags « plus aucune lacune fonctionnelle » where the passage lists the domains", async () => {
    const alposs = await passage(
      "case-studies/echirolles",
      "Échirolles : AlpOSS, le rendez-vous de l'open source dans les Alpes",
    );
    const [none] = draft(
      "Selon Jehan Monnier, il n'y a plus aucune lacune fonctionnelle dans l'open source [1].",
      [alposs],
      LETTER_DATA,
    );
    expect(none!.status).toBe("unsupported");
    expect(none!.reasons.join(" ")).toContain("« aucune lacune fonctionnelle » : le passage cité ne le dit que de");
    const [listed] = draft(
      "Selon Jehan Monnier, il n'y a plus de lacune fonctionnelle pour la messagerie collaborative, la téléphonie IP, la bureautique et le partage de documents [1].",
      [alposs],
      LETTER_DATA,
    );
    expect(listed!.reasons).toEqual([]);
  });
});
