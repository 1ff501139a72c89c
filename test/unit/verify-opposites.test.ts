/**
 * A sentence that says the opposite of its passage without a negation (« exposées » for « à l'abri », « interdit »
 * for « autorise », « baisse » for « hausse »: `server/i18n/fr/antonyms.txt`) is flagged « le passage cité dit le
 * contraire »; the passage's own word, a sentence that carries both words, or the opposite word said of another
 * subject is not. Beside it, the polarity check reads the words that follow a negation past « ainsi », « où », and a
 * sentence that affirms what its passage says is not confirmed is a contradiction.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, ...passages: string[]) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
  ).sentences[0]!;

const CLOUD = "Avec un hébergeur européen, les données des communes sont à l'abri des autorités américaines.";
const SREN = "La loi SREN autorise les collectivités à choisir un hébergeur qualifié SecNumCloud.";
const VMWARE =
  "Après le rachat par Broadcom, les prix des licences VMware ont connu une forte hausse pour les collectivités.";
const MUNICH =
  "Le conseil municipal de Munich a adopté en 2017 le retour à Windows. La ville de Munich utilisait son système LiMux depuis 2005.";
const LABEL = "Le label Territoire Numérique Libre est facultatif pour les communes de plus de 3 500 habitants.";
const LYON =
  "Lyon est ainsi l'une des premières grandes villes françaises à annoncer une sortie de Microsoft à l'échelle de ses services.";
const QUESTION =
  "Pour une mairie, la question n'est pas où sont stockées ses données, mais qui contrôle l'entreprise qui les héberge.";
const FIGURE = "Le chiffre de 534 millions d'euros d'économies n'a jamais été confirmé par une seconde source.";

describe("a sentence that says the opposite of its passage with an antonym", () => {
  it.each([
    ["Avec un hébergeur européen, les données des communes sont exposées aux autorités américaines [1].", CLOUD],
    ["La loi SREN interdit aux collectivités de choisir un hébergeur qualifié SecNumCloud [1].", SREN],
    ["Après le rachat par Broadcom, les prix des licences VMware ont connu une forte baisse [1].", VMWARE],
    ["Le conseil municipal de Munich a abandonné en 2017 le retour à Windows [1].", MUNICH],
    ["Le label Territoire Numérique Libre est obligatoire pour les communes de plus de 3 500 habitants [1].", LABEL],
  ])("« %s » is flagged", (sentence, passage) => {
    const v = check(sentence, passage);
    expect(v.status).toBe("unsupported");
    expect(v.reasons.join(" ")).toContain("le passage cité dit le contraire");
  });

  it.each([
    ["Avec un hébergeur européen, les données des communes sont à l'abri des autorités américaines [1].", CLOUD],
    ["Le rachat de VMware par Broadcom a entraîné une hausse des prix des licences [1].", VMWARE],
    // Both words: a comparison, not a contrary.
    ["Les prix des licences VMware ont connu une hausse, non une baisse, après le rachat par Broadcom [1].", VMWARE],
    // The opposite word said of something else than what the passage says it of.
    ["Le conseil municipal de Munich a abandonné LiMux, le système de la ville [1].", MUNICH],
  ])("« %s » is not", (sentence, passage) => {
    expect(check(sentence, passage).status).toBe("supported");
  });
});

describe("the polarity check", () => {
  it.each([
    [
      "Lyon n'est pas ainsi l'une des premières grandes villes françaises à annoncer une sortie de Microsoft [1].",
      LYON,
    ],
    ["Pour une mairie, la question est où sont stockées ses données [1].", QUESTION],
    ["Le chiffre de 534 millions d'euros d'économies a été confirmé par une seconde source [1].", FIGURE],
  ])("flags « %s »", (sentence, passage) => {
    expect(check(sentence, passage).reasons.join(" ")).toContain("le passage cité dit le contraire");
  });

  it.each([
    ["Lyon est l'une des premières grandes villes françaises à annoncer une sortie de Microsoft [1].", LYON],
    ["Pour une mairie, la question n'est pas où sont stockées ses données [1].", QUESTION],
    ["Le chiffre de 534 millions d'euros d'économies n'a pas été confirmé par une seconde source [1].", FIGURE],
  ])("accepts « %s »", (sentence, passage) => {
    expect(check(sentence, passage).reasons.join(" ")).not.toContain("le passage cité dit le contraire");
  });
});
