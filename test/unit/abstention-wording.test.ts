/**
 * An abstention names the word the corpus lacks (trial6, B2): not a subject it covers (« Qui est le maire de
 * Quimper ? » named « Quimper »), nor a word it uses (« meilleure ») beside words it never uses.
 */
import { describe, expect, it } from "vitest";
import { abstentionText } from "../../server/answers/answer.ts";

describe("the explanation of an abstention", () => {
  it("names what the question asks of a subject the corpus covers, not the subject", () => {
    const text = abstentionText(
      { reason: "missing-name", missing: ["brest"], covered: ["brest"], nearest: [] },
      "Qui est le préfet de Brest ?",
    );
    expect(text).toContain("il traite de « Brest »");
    expect(text).toContain("« préfet »");
    expect(text).not.toContain("à la fois de « Brest »");
  });

  it("says it plainly when the question asks nothing more than the subject's name", () => {
    const text = abstentionText(
      { reason: "missing-name", missing: ["brest"], covered: ["brest"], nearest: [] },
      "Brest ?",
    );
    expect(text).toContain("il traite de « Brest », mais aucun de ses passages ne répond");
  });

  it("names the words the corpus never uses when the decision named another", () => {
    const text = abstentionText(
      { reason: "low-coverage", missing: ["meilleur"], absent: ["gratin"], nearest: [] },
      "Quel est le meilleur gratin ?",
    );
    expect(text).toContain("il n'emploie jamais « gratin »");
    expect(text).not.toContain("meilleur");
  });

  it("keeps the detail the corpus lacks about a subject it covers (a price)", () => {
    const text = abstentionText(
      { reason: "missing-name", missing: ["nextcloud"], covered: ["nextcloud"], nearest: [] },
      "Combien coûte Nextcloud pour 300 agents ?",
    );
    expect(text).toContain("le prix demandé");
  });
});
