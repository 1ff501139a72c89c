/**
 * Who asks is read once per question (`server/retrieval/asker/`): the asker's own situation, who told them, who asks
 * before a question they report, the acts they say done, the question's context and what it asks are one value, which
 * retrieval, abstention and the verifier all take (no reading of their own).
 */
import { describe, expect, it } from "vitest";
import { contextSpans, outsideContext, readAsker } from "../../server/retrieval/asker/index.ts";
import { stem } from "../../server/retrieval/french.ts";

describe("readAsker: one reading of who asks", () => {
  it("holds the asker's own situation as the question's context, and what the other clause asks", () => {
    const q =
      "on a raté le dépôt de dossier pour le label l'an dernier, la fenêtre de candidature 2025 allait de quand à quand";
    const asker = readAsker(q);
    expect(asker.statement).toEqual([0, q.indexOf(",")]);
    expect(asker.context).toContainEqual(asker.statement);
    expect(asker.asking).not.toMatch(/raté/);
    expect(asker.asking).toMatch(/fenêtre de candidature 2025 allait de quand à quand/);
    expect(asker.acts.map((a) => a.said)).toEqual(["on a raté le dépôt de dossier pour le label l'an dernier"]);
  });

  it("holds who asks before a reported question, and where the question itself starts", () => {
    const q = "un technicien du service me demande le sénat a adopté le projet résilience quand";
    const asker = readAsker(q);
    expect(asker.reported).not.toBeNull();
    expect(q.slice(asker.questionStart).trim()).toBe("le sénat a adopté le projet résilience quand");
    expect(q.slice(asker.askingStart).trim()).toBe("le sénat a adopté le projet résilience quand");
  });

  it("holds the acts the asker says done, for the verifier (« nous avons déjà migré la messagerie »)", () => {
    const [act] = readAsker("Nous avons déjà migré la messagerie l'an dernier. Que faire pour les agendas ?").acts;
    expect(act?.verb).toBe(stem("migre"));
    expect(act?.object.trim()).toBe("la messagerie l'an dernier");
    expect(act?.said).toBe("Nous avons déjà migré la messagerie l'an dernier");
  });

  it("is the same value for every reader of the same question", () => {
    const q = "Notre commune a quitté Gmail, combien coûte la suite numérique pour 40 agents ?";
    expect(readAsker(q)).toBe(readAsker(q));
    expect(contextSpans(q)).toBe(readAsker(q).context);
    expect(outsideContext(q)).toBe(readAsker(q).asking);
  });
});
