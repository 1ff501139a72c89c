/**
 * trial13 A12, on other texts and collectivités than the trial's: a sentence that says a collectivité of some kind
 * must do something (« la métropole doit … ») while the passage it cites says the rules at hand do not oblige that
 * kind of collectivité (« elles n'obligent pas les collectivités territoriales ») states the contrary of its source.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const passage = {
  n: 1,
  text: "Une commune doit-elle appliquer les circulaires de mars 2025 ?\n\nLes circulaires du Premier ministre de mars 2025 s'adressent aux administrations de l'État : elles n'obligent pas les collectivités territoriales (communes, intercommunalités, départements, régions). Une collectivité peut reprendre la même méthode et publier un plan à une échéance fixée à l'avance, comme les administrations pour la fin 2025.",
};
const status = (sentence: string) => verifyText(sentence, [passage]).sentences[0]!;

describe("a duty said of a kind of collectivité the cited passage says is not obliged", () => {
  it("flags « doit » said of a collectivité the passage says the rules do not oblige", () => {
    const s = status("Comme les administrations de l'État, la métropole doit publier un plan d'ici la fin 2025 [1].");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/n'obligent pas les collectivités/);
    expect(status("Les communes devront publier un plan à une échéance fixée à l'avance [1].").status).toBe(
      "unsupported",
    );
  });

  it("leaves alone what the passage allows, and duties of others", () => {
    expect(status("Une collectivité peut reprendre la même méthode [1].").status).toBe("supported");
    expect(status("La métropole peut publier un plan à une échéance fixée à l'avance [1].").status).toBe("supported");
    expect(
      status("Les administrations de l'État doivent publier un plan pour la fin 2025 [1].").reasons.join(" "),
    ).not.toMatch(/n'obligent pas/);
  });
});
