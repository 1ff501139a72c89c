/**
 * Reading a question as its writer meant it (trial 5, findings 10 and 11): small talk told from a question, the slips
 * a writer makes in a name, and names written in two words that the corpus writes in one.
 */
import { describe, expect, it } from "vitest";
import { smallTalk } from "../../server/answers/small-talk.ts";
import {
  closestWord,
  healSlippedNames,
  isSlipOf,
  joinSplitNames,
  type Vocabulary,
} from "../../server/answers/vocabulary.ts";

describe("small talk", () => {
  it.each([
    ["Merci beaucoup !", "thanks"],
    ["merci pour votre aide", "thanks"],
    ["Bonjour", "greeting"],
    ["Au revoir", "goodbye"],
    ["Ok, d'accord", "ack"],
    ["Tu es qui ?", "about"],
    ["Ces informations sont-elles à jour ?", "freshness"],
  ])("« %s » is %s", (text, kind) => {
    expect(smallTalk(text)).toBe(kind);
  });

  it.each([
    "Merci ! Que dit la loi SREN ?",
    "Bonjour, que dit la loi SREN pour les communes ?",
    "La loi SREN est-elle à jour ?",
    "Qui contrôle Microsoft ?",
  ])("« %s » is a question", (text) => {
    expect(smallTalk(text)).toBeNull();
  });
});

const vocabulary: Vocabulary = {
  words: new Map([
    ["gendarmerie", { count: 87, written: "Gendarmerie" }],
    ["microsoft", { count: 538, written: "Microsoft" }],
    ["ville", { count: 300, written: "Ville" }],
    ["domain", { count: 2, written: "Domain" }],
    ["cloud", { count: 150, written: "CLOUD" }],
    ["libreoffice", { count: 120, written: "LibreOffice" }],
    ["libre", { count: 900, written: "libre" }],
    ["office", { count: 200, written: "Office" }],
  ]),
  pairs: new Map([["libre office", 1]]),
};

describe("slips in a name", () => {
  it("a letter left out or two letters swapped is a slip; a letter changed is another word", () => {
    expect(isSlipOf("gendarmrie", "gendarmerie")).toBe(true);
    expect(isSlipOf("microsfot", "microsoft")).toBe(true);
    expect(isSlipOf("lille", "ville")).toBe(false);
    expect(isSlipOf("etang", "etant")).toBe(false);
  });

  it("a letter changed for one that sounds alike is a slip of a name heard (trial12 A7)", () => {
    expect(isSlipOf("zymbra", "zimbra")).toBe(true);
    expect(isSlipOf("skipe", "skype")).toBe(true);
    expect(isSlipOf("okta", "octa")).toBe(true);
    expect(isSlipOf("glaud", "gloud")).toBe(true);
    expect(isSlipOf("lille", "ville")).toBe(false);
    expect(isSlipOf("zimbro", "zimbra")).toBe(false);
  });

  it("suggests a name the corpus uses often, never a rare one nor for a word it knows", () => {
    expect(closestWord("gendarmrie", vocabulary)).toBe("Gendarmerie");
    expect(closestWord("micrsoft", vocabulary)).toBe("Microsoft");
    expect(closestWord("lille", vocabulary)).toBeNull();
    expect(closestWord("domaine", vocabulary)).toBeNull();
    expect(closestWord("microsoft", vocabulary)).toBeNull();
    // Heard: a letter that sounds the same, down to five letters; a five-letter omission is too often another word.
    expect(closestWord("micrasoft", vocabulary)).toBeNull();
    expect(closestWord("mikrosoft", vocabulary)).toBe("Microsoft");
    expect(closestWord("clowd", vocabulary)).toBeNull();
    expect(closestWord("claud", vocabulary)).toBe("CLOUD");
    expect(closestWord("vile", vocabulary)).toBeNull();
  });
});

describe("names written in two words", () => {
  it("« libre office » is searched as « LibreOffice », other words left as written", () => {
    expect(joinSplitNames("libre office est-il gratuit ?", vocabulary)).toBe("LibreOffice est-il gratuit ?");
    expect(joinSplitNames("Un logiciel libre pour la mairie", vocabulary)).toBe("Un logiciel libre pour la mairie");
    expect(joinSplitNames("libre office", null)).toBe("libre office");
  });
});

describe("names in two words with one slipped (trial12 A7)", () => {
  const named: Vocabulary = {
    words: new Map([
      ["patriot", { count: 40, written: "PATRIOT" }],
      ["act", { count: 60, written: "Act" }],
      ["microsoft", { count: 538, written: "Microsoft" }],
      ["teams", { count: 120, written: "Teams" }],
      ["patrick", { count: 30, written: "Patrick" }],
      ["team", { count: 12, written: "team" }],
    ]),
    pairs: new Map(),
    names: new Map([
      ["patriot act", { count: 25, written: "PATRIOT Act" }],
      ["microsoft teams", { count: 90, written: "Microsoft Teams" }],
    ]),
  };

  it("reads the two-word name the question's words make, as the corpus writes it", () => {
    expect(healSlippedNames("le patryot act ça s'applique à google ?", named)).toBe(
      "le PATRIOT Act ça s'applique à google ?",
    );
    expect(healSlippedNames("on garde microsoft temas ?", named)).toBe("on garde Microsoft Teams ?");
  });

  it("leaves a pair the corpus writes, a word it uses often, and a pair without the name's other word", () => {
    expect(healSlippedNames("le PATRIOT Act", named)).toBe("le PATRIOT Act");
    expect(healSlippedNames("patrick act", named)).toBe("patrick act");
    expect(healSlippedNames("le patryot de la ville", named)).toBe("le patryot de la ville");
    expect(healSlippedNames("microsoft team", named)).toBe("microsoft team");
    expect(healSlippedNames("patryot act", vocabulary)).toBe("patryot act");
  });
});
