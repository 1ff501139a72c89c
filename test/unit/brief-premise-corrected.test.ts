/**
 * A false premise the corpus corrects gets the correction read aloud (trial17 D10, D6), on the real corpus: « la dinum
 * quitte windows ça veut dire que les mairies doivent le faire aussi » asks whether the State's decision binds the
 * communes, and « En bref » reads the sentence saying it does not, not the decision restated; in a conversation, « la
 * dinum passe sous linux » then « et nous on doit suivre ? » quotes the page's « elle ne concerne ni … ni les
 * collectivités ».
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeAnswer } from "../../server/answers/brief.ts";
import type { Engine } from "../../server/engine.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-premise-");
}, 120_000);
afterAll(async () => real?.close());

describe("whether the State's decision binds the communes (trial17 D10, D6)", () => {
  it("is asked by « les mairies doivent … aussi » and « on doit suivre », and answered by « n'obligent pas … »", () => {
    const scope = scopeAnswer("la dinum quitte windows ca veut dire que les mairies doivent le faire aussi")!;
    expect(scope).not.toBeNull();
    expect(
      scope(
        "Les décisions du 8 avril 2026 sur les logiciels et outils numériques s'adressent aux ministères et à leurs opérateurs : elles n'obligent pas les collectivités territoriales (communes, intercommunalités, départements, régions).",
      ),
    ).toBe(true);
    expect(scope("La DINUM a annoncé qu'elle abandonnait Windows au profit de postes de travail sous Linux.")).toBe(
      false,
    );
    expect(
      scopeAnswer("et nous on doit suivre ?")!(
        "Avant de citer la décision, vérifier sa portée : elle ne concerne ni tous les PC de l'État, ni les collectivités.",
      ),
    ).toBe(true);
    // (A question on the decision itself asks no scope.)
    expect(scopeAnswer("la dinum quitte windows pour linux combien de postes")).toBeNull();
  });

  it("« En bref » reads the sentence saying the decisions do not bind the collectivités, not the decision", async () => {
    const { text, done } = await askConversation(
      real.engine,
      "la dinum quitte windows ca veut dire que les mairies doivent le faire aussi",
    );
    expect(done.abstention).toBeNull();
    const brief = text.split("\n").find((l) => l.startsWith("En bref")) ?? "";
    expect(brief).toMatch(/ne s'imposent pas aux collectivités|n'obligent pas les collectivités|aucune n'impose/);
    expect(brief).not.toContain("La DINUM a annoncé qu'elle abandonnait Windows");
  });

  it("a follow-up « et nous on doit suivre ? » quotes the page's sentence on the collectivités", async () => {
    const { text, done } = await askConversation(real.engine, "la dinum passe sous linux", "et nous on doit suivre ?");
    expect(done.abstention).toBeNull();
    expect(text).toContain("elle ne concerne ni tous les PC de l'État, ni les collectivités");
  });
});
