/**
 * A question's subject word said by a sentence in another of its words (`synonyms.txt`: « décidé » → « décision »,
 * « gouvernement » → « interministériel »): the sentence answers as if it wrote the question's word (trial24 T-M1:
 * « qu'est-ce que le gouvernement a decide en avril 2026 » got no « En bref », the passages saying « décision »). A
 * meeting written for the test.
 */
import { describe, expect, it } from "vitest";
import { briefFor, passageOf } from "../helpers/passages.ts";

describe("a subject word said by its synonym", () => {
  it("counts for the sentence, which « En bref » then reads", () => {
    const used = [
      passageOf(
        "avant#0",
        "Avant le comité du 3 mai 2025",
        "Le comité du 3 mai 2025 n'est pas sorti de nulle part. Entre janvier et mars 2025, les ministères ont multiplié les rencontres sur l'archivage.",
        "guidance",
      ),
      passageOf(
        "comite#0",
        "Le comité du 3 mai 2025 sur l'archivage",
        "Lors du comité interministériel du 3 mai 2025, la première décision a été le passage des archives nationales à un format ouvert.",
        "guidance",
      ),
    ];
    const b = briefFor("qu'est-ce que le gouvernement a decide en mai 2025", used);
    expect(b?.quotes[0]?.text).toContain("la première décision a été le passage des archives");
  });
});
