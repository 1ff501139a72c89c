/**
 * False flags of the verifier on the advice of a briefing note (burned faithful-blind-22, notes to the mayor of
 * Bréhaval), checked as `test/eval/faithful-blind.ts` checks a pinned draft section: the case's own answer, its pinned
 * passages and data block. A recommendation to the collectivité opening with an infinitive (« Profiter de cette
 * échéance pour tester Debian … ») is the note's proposal: its verbs are not words its passages must hold
 * (`recommendation.ts`); « Bréhaval doit d'abord vérifier si … » restating a passage's advice is the note's advice, not a
 * duty said of the commune. Beside each, a wrong sentence of the same section stays flagged.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { verifyText } from "../../server/verify/index.ts";

const SET = new URL("../eval/faithful-blind-22/", import.meta.url);
interface Pinned {
  passages: { n: number; document: string; section: string; text: string }[];
  data?: string;
}
const pinned: Record<string, Pinned> = JSON.parse(readFileSync(new URL("passages.json", SET), "utf8")).sets[
  "drafts.yaml"
];
const cases: { id: string; answer: string }[] = parse(readFileSync(new URL("drafts.yaml", SET), "utf8"));

/** The status and reasons of the sentence of case `id` that starts with `start`, checked as a pinned draft section. */
function checked(id: string, start: string) {
  const c = cases.find((x) => x.id === id)!;
  const p = pinned[id]!;
  const passages = p.passages.map((x) => {
    const cut = x.document.lastIndexOf(" — ");
    const title = x.document.slice(0, cut);
    const date = x.document
      .slice(cut + 3)
      .split(", ")
      .pop();
    const section = x.section === "(introduction)" ? "" : x.section;
    return { n: x.n, text: `${title} (${date}) — ${section}\n${x.text}` };
  });
  const facts = (p.data ?? "").split("\n").filter(Boolean);
  const v = verifyText(c.answer, passages, { facts, modelText: c.answer, today: "2026-05-04" });
  const s = v.sentences.find((x) => x.text.replace(/^\s*-\s*/, "").startsWith(start));
  if (!s) throw new Error(`no sentence « ${start} » in ${id}`);
  return s;
}

describe("a note's recommendation to the collectivité (faithful-blind-22)", () => {
  it("an infinitive opening is the note's proposal: its verbs need not be in the passage", () => {
    expect(checked("linux-proposition", "Profiter de cette échéance").status).toBe("supported");
    expect(checked("vmware-proposition", "Écarter Nutanix").status).toBe("supported");
  });
  it("what the recommendation states still must be supported", () => {
    expect(checked("linux-proposition", "La DINUM a choisi Debian").status).toBe("unsupported");
    expect(checked("linux-proposition", "Windows 10 reste pris").status).toBe("unsupported");
    expect(checked("vmware-proposition", "Nutanix est un logiciel libre").status).toBe("unsupported");
  });
  it("a name that ends like an infinitive opens no recommendation (faithful-blind-16)", () => {
    const passage = `Produit : e-magnus Gestion financière (2026-04) — \nÉditeur : Berger-Levrault, France. La reprise des données est un coût de la migration.`;
    const text = "Berger-Levrault reprend gratuitement les données des communes qui quittent sa gamme [1].";
    const v = verifyText(text, [{ n: 1, text: passage }], {
      facts: ["Collectivité : Bréhaval (commune ; Mayenne ; Pays de la Loire)"],
      modelText: text,
    });
    expect(v.sentences[0]!.status).toBe("unsupported");
  });
  it("« doit » of the commune restating the passage's advice is the note's advice", () => {
    expect(checked("nis2-pour-la-commune", "Bréhaval doit d'abord vérifier").status).toBe("supported");
  });
  it("a duty with a deadline said of the commune stays flagged", () => {
    expect(checked("zoom-pour-la-commune", "Bréhaval devra avoir quitté").status).toBe("unsupported");
    expect(checked("nis2-pour-la-commune", "Avec ses 4 200 habitants").status).toBe("unsupported");
    expect(checked("nis2-pour-la-commune", "Selon l'article 48").status).toBe("unsupported");
  });

  it("an end the passage dates (« fin de la migration … septembre 2025 ») says the act done (faithful-blind-22)", () => {
    expect(checked("nis2-proposition", "L'armée autrichienne a achevé").status).toBe("supported");
    expect(checked("nis2-proposition", "Le ministère danois a fait").status).toBe("unsupported");
    expect(checked("zoom-essentiel", "Le CNRS a remplacé toutes").status).toBe("unsupported");
  });
});
