/**
 * A line whose name is a known product's, one letter or one space off (« Mozilla Thunderbrid », « Team Viewer 15 »):
 * recognised, and said so (« reconnu à une lettre près »), when its publisher is the product's or, without a
 * publisher, when only one catalogue name is that close and the slip is a letter dropped, doubled, swapped or a
 * space; never when two real products of the catalogue sit one letter apart (Microsoft Project / « Protect »,
 * KeePassXC / KeePassX, Stormshield SES / SNS, Doodle / Moodle, Element / Elements). Also: a known product's name
 * followed only by the words of an offer (« AnyDesk Free » by an unknown publisher) is that product (trial 2026-12-06).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex, matchName } from "../../server/inventory/match.ts";
import type { InventoryRow } from "../../server/inventory/types.ts";
import { typoSlip } from "../../server/inventory/typo.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

const row = (name: string, publisher: string | null, installations: number): InventoryRow => ({
  name,
  publisher,
  versions: [],
  installations,
  kind: "software",
  hint: null,
  file: "test.csv",
});

describe("a one-letter or one-space variant of a catalogue name", () => {
  it.each([
    // The publisher is the product's: any slip of one letter inside a word.
    ["Mozilla Thunderbrid (x64 fr)", "Mozilla", "thunderbird"],
    ["Adobe Acrobat Reeader DC", "Adobe Inc.", "adobe-acrobat-reader"],
    ["Team Viewer 15", "TeamViewer Germany GmbH", "teamviewer"],
    ["Open Office 4.1", "Apache Software Foundation", "apache-openoffice"],
    // No publisher: a letter dropped, doubled or swapped, or a space, and one catalogue name that close.
    ["Thunderbrid", null, "thunderbird"],
    ["Filezila Client 3.66", null, "filezilla"],
    ["Team Viewer 15", null, "teamviewer"],
  ])("%s (%s) → %s, asserted", (name, publisher, id) => {
    const r = matchName(index, name, publisher);
    expect(r.entry?.id).toBe(id);
    expect(r.method).toBe("near");
    expect(r.review).toBe(false);
  });

  it.each([
    // Two real products one letter apart: a letter changed into another gives another word, maybe another product.
    ["Microsoft Protect", null],
    ["Stormshield SMS", null],
    // A letter more at the end of a word is how product lines are named (KeePassX is not KeePassXC).
    ["KeePassX", null],
    // The first letter of a word (Doodle is not Moodle; « Firebox » is WatchGuard's, not Firefox).
    ["Mozila Firebox", null],
    // A publisher that is not the product's: the slip is not confirmed.
    ["Thunderbrid", "Acme Software"],
  ])("%s (%s) is not asserted", (name, publisher) => {
    const r = matchName(index, name, publisher);
    if (r.entry) expect(r.review, r.entry.id).toBe(true);
  });

  it("tells what kind of slip separates two keys, and where", () => {
    expect(typoSlip("mozila firefox", "mozilla firefox")).toMatchObject({ kind: "dropped" });
    expect(typoSlip("libre office", "libreoffice")).toMatchObject({ kind: "space" });
    expect(typoSlip("thunderbrid", "thunderbird")).toMatchObject({ kind: "swapped" });
    expect(typoSlip("microsoft protect", "microsoft project")).toMatchObject({ kind: "changed" });
    // First or last letter of a word, a digit, a short word: no slip worth asserting.
    expect(typoSlip("keepassx", "keepassxc")).toBeNull();
    expect(typoSlip("doodle desktop", "moodle desktop")).toBeNull();
    expect(typoSlip("office 2016", "office 2019")).toBeNull();
    expect(typoSlip("stormshield sms", "stormshield sns")).toBeNull();
    expect(typoSlip("withsecure element", "withsecure elements")).toBeNull();
  });

  it("puts the typo line in the map as the product, said « reconnu à une lettre près »", () => {
    const r = analyzeRows(
      [row("Mozilla Thunderbrid (x64 fr)", "Mozilla", 120), row("Team Viewer 15", "TeamViewer Germany GmbH", 30)],
      index,
    );
    const tb = r.items.find((i) => i.name.startsWith("Mozilla Thunderbrid"))!;
    expect(tb.product?.id).toBe("thunderbird");
    expect(tb.openSource).toBe(true);
    expect(tb.reason).toContain("à une lettre près");
    expect(tb.reason).not.toContain("à vérifier");
    expect(r.review?.map((u) => u.name) ?? []).not.toContain("Mozilla Thunderbrid (x64 fr)");
    const tv = r.items.find((i) => i.name === "Team Viewer 15")!;
    expect(tv.product?.id).toBe("teamviewer");
  });
});

describe("a known product's name followed only by the words of an offer", () => {
  it.each([
    ["AnyDesk Free", "Philandro Software", "anydesk"],
    ["AnyDesk Free", null, "anydesk"],
  ])("%s (%s) → %s, with the offer said", (name, publisher, id) => {
    const r = matchName(index, name, publisher);
    expect(r.entry?.id).toBe(id);
    expect(r.review).toBe(false);
    expect(r.edition).toBe("Free");
  });

  it("not when the publisher names another catalogue vendor, nor for a word that is not an offer", () => {
    expect(matchName(index, "AnyDesk Free", "Microsoft Corporation").entry?.id).not.toBe("anydesk");
    const other = matchName(index, "Zoom Text Magnifier", "Freedom Scientific");
    expect(other.entry === null || other.review).toBe(true);
  });
});
