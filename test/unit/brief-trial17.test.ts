/**
 * « En bref » read aloud in council, what the seventeenth new-user trial (/work/notes/trial17-FINDINGS.md) found
 * wrong for the question, on the real corpus: a catalog card the question does not name, and a name holding one word
 * of the question with others it does not write (« Rocky Linux », « Linux Quimper »), answer nothing asked (D19); a
 * product kept (« on peut le garder ? ») is answered by its card's end of support, never by the word « Entreprise » of
 * its name read as asking who makes it; what replaces a vendor's product by its product's card (D7); a list's lead-in
 * (« Les points suivants relèvent de l'analyse de Cap Libre : ») is never the answer (D18); a threshold far above
 * the asker's size answers whether a text applies, and a case study's own law is no duty of the mairies (D12).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-trial17-");
}, 120_000);
afterAll(async () => real?.close());

/** The answer to one question: its « En bref » line (empty when there is none) and its documents. */
async function ask(question: string) {
  const { text, docs, done } = await askConversation(real.engine, question);
  expect(done.abstention).toBeNull();
  return { brief: text.split("\n").find((l) => l.startsWith("En bref")) ?? "", docs };
}

describe("a catalog card or a name sharing one word with the question (trial17 D19)", () => {
  it("is not read aloud for the agents who resist a change: the guides say what to tell them", async () => {
    const { brief, docs } = await ask("qu est ce qu on dit aux agents qui veulent pas changer");
    expect(docs).toContain("catalog/alternative/fusioninventory");
    expect(brief).not.toContain("FusionInventory");
    expect(brief).toContain("Les agents doivent comprendre pourquoi l'outil change");
  });

  it("is not read aloud for « linux c'est pas compatible avec nos logiciels métiers »", async () => {
    const { brief, docs } = await ask(
      "on nous dit que linux c est pas compatible avec nos logiciels metiers c est vrai",
    );
    expect(docs).toContain("catalog/alternative/rocky-linux");
    expect(brief).not.toContain("Rocky Linux");
    expect(brief).not.toContain("Red Hat");
  });
});

describe("a product of the catalog asked by a DSI in the chat (trial17 D7)", () => {
  it("kept (« on peut le garder ? »): its card's end of support, not its vendor", async () => {
    const { brief } = await ask("skype entreprise 2016 on peut le garder");
    expect(brief).toContain("Skype Entreprise 2016 le 14 octobre 2025");
    expect(brief).not.toContain("Exposition");
  });

  it("named by an edition its card dates (« office 2016 »): the card's end of support, not the army that uninstalled it (trial18 F10)", async () => {
    const { brief } = await ask("office 2016 c est encore supporte");
    expect(brief).toContain("Office 2016 le 14 octobre 2025");
    expect(brief).not.toContain("désinstallé");
  });

  it("to replace, named by its vendor: the product's card lists the alternatives", async () => {
    const { brief } = await ask("par quoi remplacer kaspersky");
    expect(brief).toContain("Alternatives : Bitdefender GravityZone");
  });
});

describe("a list's lead-in saying what follows is Cap Libre's reading (trial17 D18)", () => {
  it("is never read aloud as the answer", async () => {
    const { brief } = await ask("c est vrai que microsoft peut couper nos services du jour au lendemain");
    expect(brief).not.toBe("");
    expect(brief).not.toContain("Les points suivants");
  });
});

describe("briefs that missed the answer (trial17 D12)", () => {
  it("a text asked of a commune of 2 800 habitants: the threshold far above it answers", async () => {
    const { brief } = await ask("nis2 ca s applique a nous on est 2800 habitants");
    expect(brief).toContain("Le seuil discuté pour les collectivités est de 30 000 habitants");
    expect(brief).not.toContain("1 500 collectivités");
  });

  it("a duty asked of mairies: not first by a case study's own law the question does not name", async () => {
    const { brief } = await ask("est ce que les mairies sont obligés d utiliser le logiciel libre");
    expect(brief).not.toContain("L.123-4-1");
    expect(brief).toMatch(/sans créer d'obligation|aucune obligation/);
  });
});

describe("arguments asked to convince the council (trial18 F5, trial19 H5)", () => {
  it.each([
    "qu est ce que je peux dire au conseil municipal pour convaincre",
    "donne moi trois arguments pour le conseil municipal sur le logiciel libre",
  ])("« %s » never reads a reversal aloud", async (question) => {
    const { brief } = await ask(question);
    expect(brief).not.toMatch(/retour à des logiciels sous Windows|mis fin à sa stratégie|changement de cap/);
  });

  // Nor one asking for collectivités that moved (lead's probe, 7 December 2026: « Nancy … a mis fin à sa stratégie
  // open source » read aloud as an example), unless reversals are what it asks.
  // A case asked named only in another page's reference (« AlpOSS (Échirolles, 17 février 2026) … décrivait Lyon comme
  // une ville « partiellement sortie d'Office 365 » ») is not what that sentence speaks of (trial21 T-H2).
  // A ban taken for granted, or asked about, is answered by the sentence saying no law bans it, read first (trial21
  // T-H1: the date of the bill was read aloud; T-M2: no « En bref » at all).
  it.each([
    "depuis que la loi sren interdit aux communes d'utiliser google, on doit tout migrer avant quand ?",
    "on a microsoft 365 a la mairie, est ce que c'est illegal ?",
    // Refused before (« aucun de ses passages ne donne la durée demandée »), the premise left standing (T-H11).
    "puisque le rgpd interdit microsoft 365 dans les mairies, on a combien de temps pour changer ?",
  ])("« %s » reads first that no law bans it", async (question) => {
    const { brief } = await ask(question);
    expect(brief).toMatch(
      /^En bref : « (?:Aucune loi française n'interdit|Ce que le CLOUD Act ne change pas : il ne rend pas illégal)/,
    );
  });

  it("still abstains on a ban of something the corpus does not speak of", async () => {
    for (const q of ["les trottinettes sont interdites a paris ?", "les drones sont interdits a lyon ?"]) {
      const { done } = await askConversation(real.engine, q);
      expect(done.abstention, q).not.toBeNull();
    }
  });

  it("« echirolles a fait quoi pour sortir de microsoft » does not read Lyon's exit aloud", async () => {
    const { brief } = await ask("echirolles a fait quoi pour sortir de microsoft");
    expect(brief).not.toMatch(/Lyon/);
  });

  it("« des exemples de communes qui sont passées au logiciel libre ? » reads no reversal aloud", async () => {
    const { brief } = await ask("des exemples de communes qui sont passées au logiciel libre ?");
    expect(brief).not.toMatch(/mis fin à sa stratégie|changement de majorité/);
  });
});
