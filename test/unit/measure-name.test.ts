/**
 * The weighted measure has one name wherever a user reads it — the map, the comparison, the roadmap, the plan, the
 * progress note, the public page: « exposition pondérée » (trial3: the comparison said « Score de dépendance … sur
 * 100 », the plan and the public page « mesure pondérée »).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const files = [
  "web/messages.fr.json",
  ...readdirSync("server/i18n/fr")
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join("server/i18n/fr", f)),
];

describe("the weighted measure's name in every text a user reads", () => {
  it("is « exposition pondérée », never « score de dépendance » nor « mesure pondérée »", () => {
    const other: string[] = [];
    for (const file of files)
      for (const [key, text] of Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>))
        if (/score de dépendance|mesure pondérée|\bhors score\b|\bet score\b/i.test(text)) other.push(`${file} ${key}`);
    expect(other).toEqual([]);
  });
});
