/**
 * What a definition puts its subject among (« X est une filiale de … », « Il s'agit d'une association … ») is the
 * core of what it states: a noun no cited passage writes, in any form, is not supported, however many other words of
 * the sentence are there (faithful-blind-22: « La CANUT est une filiale de l'UGAP » where the passage makes it « une
 * association créée à l'initiative de collectivités »; « Il s'agit d'une association déclarée en préfecture depuis
 * 2006 » for a « collectif », created « sous forme de groupe informel d'utilisateurs »). The broad nouns a card leaves
 * out (« un outil de … », « un logiciel … », `definition-nouns.txt`) are not held to it.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const CANUT =
  "Les centrales d'achat : la CANUT\nLa CANUT (Centrale d'achat du numérique et des télécoms) est une association créée " +
  "à l'initiative de collectivités, dont le siège est à Lyon (Alliancy, s. d.). Peuvent y adhérer les collectivités " +
  "territoriales, les EPCI et les sociétés publiques locales. Elle se distingue de l'UGAP, centrale d'achat de l'État.";
const QUIMPER =
  "Linux Quimper : qui est le collectif\nLinux Quimper se présente comme un collectif quimpérois de défense et de " +
  "promotion des logiciels libres, actif à Quimper et dans ses environs depuis 2006 (courriel de Linux Quimper, avril " +
  "2026). Sa création fin 2006, sous forme de groupe informel d'utilisateurs, est confirmée par ses propres archives.";
const check = (sentence: string, passage: string) =>
  verifyText(sentence, [{ n: 1, text: passage }], { facts: [] }).sentences.at(-1)!;

describe("what a definition puts its subject among", () => {
  it.each([
    ["La CANUT est une filiale de l'UGAP [1].", CANUT],
    [
      "Linux Quimper est actif depuis 2006 [1]. Il s'agit d'une association déclarée en préfecture depuis 2006 [1].",
      QUIMPER,
    ],
  ])("flags « %s »", (sentence, passage) => {
    expect(check(sentence, passage).status).toBe("unsupported");
  });
  it.each([
    ["La CANUT est une association créée à l'initiative de collectivités [1].", CANUT],
    ["La CANUT est une centrale d'achat du numérique, dont le siège est à Lyon [1].", CANUT],
    ["Linux Quimper est un groupe d'utilisateurs créé fin 2006 [1].", QUIMPER],
    ["La CANUT n'est pas une filiale de l'UGAP [1].", CANUT],
    // A broad noun a passage need not write.
    ["La CANUT est une structure créée à l'initiative de collectivités [1].", CANUT],
  ])("leaves « %s »", (sentence, passage) => {
    expect(check(sentence, passage).status).toBe("supported");
  });
});
