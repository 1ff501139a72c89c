/**
 * trial17 D15: a change refused because the draft moved on said « … enregistrée entre-temps (par un autre onglet ou une
 * autre personne) » though the newer version names who saved it (`DraftVersion.by`, signed-in sessions). It now says
 * « par Bruno Petit »; without a name (no sign-in), the former words stay.
 */
import { describe, expect, it } from "vitest";
import { checkVersion } from "../../server/drafting/drafts.ts";
import type { Draft } from "../../server/drafting/types.ts";

const draft = (by?: string) =>
  ({
    id: "d",
    type: "roadmap",
    versions: [
      { at: "2026-12-07T01:00:00Z", cause: "generated", sections: [], by: "Alice Martin" },
      { at: "2026-12-07T01:05:00Z", cause: "edited", sections: [], ...(by ? { by } : {}) },
    ],
  }) as unknown as Draft;

const refusal = (d: Draft) => {
  try {
    checkVersion(d, 1);
  } catch (err) {
    return (err as { status: number; message: string; code: string }) ?? null;
  }
  return null;
};

describe("a version conflict names who saved the newer version (trial17 D15)", () => {
  it("says « par Bruno Petit » when the version names its author", () => {
    const err = refusal(draft("Bruno Petit"))!;
    expect(err.code).toBe("version_conflict");
    expect(err.message).toBe(
      "Modification refusée : elle porte sur la version 1 du brouillon, mais la version 2 a été enregistrée entre-temps par Bruno Petit. Rechargez le brouillon, puis refaites la modification sur la dernière version.",
    );
  });

  it("keeps « par un autre onglet ou une autre personne » when it does not, and accepts the current version", () => {
    expect(refusal(draft())!.message).toContain("(par un autre onglet ou une autre personne)");
    expect(() => checkVersion(draft("Bruno Petit"), 2)).not.toThrow();
  });
});
