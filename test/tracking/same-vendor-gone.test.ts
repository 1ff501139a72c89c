/**
 * trial20 N-D1: the public page listed « Windows 7 » under « Dépendances qui ont disparu » when Windows 11, of the same
 * vendor and category, had taken its place: a citizen read a dependency gone that stays. It is said replaced by the
 * other product of the same vendor; a product gone with nothing of its vendor left in its category is listed as before.
 */
import { describe, expect, it } from "vitest";
import { checkpointOf, progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { analysisOf, itemOf, planOf } from "../helpers/plan.ts";

const os = (name: string, id: string, installations: number) => ({
  ...itemOf(name, id, installations, true, { category: "workstation-os" }),
  vendor: { name: "Microsoft" },
});
const messaging = (name: string, id: string, installations: number) => ({
  ...itemOf(name, id, installations, true, { category: "collaboration" }),
  vendor: { name: "Salesforce" },
});

describe("a product gone from the inventory (trial20 N-D1)", () => {
  it("is said replaced by the product of the same vendor and category that stays, not gone", () => {
    const plan = planOf("2026-12-01", {
      products: [{ name: "Windows 7", productId: "windows-7", by: "Debian", dueDate: "2028-03-31" }],
      checkpoints: [
        checkpointOf(
          analysisOf(
            "a1",
            [os("Windows 7", "windows-7", 4), os("Windows 11", "windows-11", 60), messaging("Slack", "slack", 20)],
            80,
          ),
          "weighted",
          "2026-12-01",
        ),
        checkpointOf(analysisOf("a2", [os("Windows 11", "windows-11", 64)], 75), "weighted", "2027-06-01"),
      ],
    });
    const snapshot = snapshotOf(plan, progressOf(plan, "2027-06-15"), {
      licence: "etalab-2.0",
      groupProducts: false,
      now: new Date("2027-06-15T12:00:00Z"),
      categoryLabel: (c) => c ?? "",
    });
    // (French typography: a narrow no-break space before the colon.)
    expect(snapshot.changes.replaced.map((r) => r.replace(/\s/gu, " ")).sort()).toEqual([
      "Slack",
      "Windows 7 (remplacé par Windows 11, du même éditeur : la dépendance demeure)",
    ]);
  });

  it("is not said replaced by a product of its vendor there all along, neither appeared nor grown (trial21 T-H12)", () => {
    // « Thunderbird (remplacé par Firefox …) », « Skype (remplacé par Microsoft OneDrive …) »: Firefox and OneDrive were
    // in the inventory before, with the same counts; nothing replaced anything.
    const plan = planOf("2026-12-01", {
      products: [{ name: "Windows 7", productId: "windows-7", by: "Debian", dueDate: "2028-03-31" }],
      checkpoints: [
        checkpointOf(
          analysisOf("b1", [os("Windows 7", "windows-7", 4), os("Windows 11", "windows-11", 60)], 80),
          "weighted",
          "2026-12-01",
        ),
        checkpointOf(analysisOf("b2", [os("Windows 11", "windows-11", 60)], 76), "weighted", "2027-06-01"),
      ],
    });
    const snapshot = snapshotOf(plan, progressOf(plan, "2027-06-15"), {
      licence: "etalab-2.0",
      groupProducts: false,
      now: new Date("2027-06-15T12:00:00Z"),
      categoryLabel: (c) => c ?? "",
    });
    expect(snapshot.changes.replaced).toEqual(["Windows 7"]);
  });
});

describe("products missing from an inventory of another perimeter (trial21 T-M14)", () => {
  const fewer = (id: string, items: ReturnType<typeof os>[], installations: number) => {
    const a = analysisOf(id, items, 70);
    return { ...a, summary: { ...a.summary, installations } };
  };
  const backup = (name: string, id: string, installations: number) => ({
    ...itemOf(name, id, installations, true, { category: "virtualization" }),
    vendor: { name: "Veeam" },
  });

  it("are « absents de ce périmètre », not gone, when nothing of their category is left", () => {
    // The first page of the same GLPI list: 400 installations down to 290 (−28 %), Slack and Veeam's lines missing.
    const plan = planOf("2026-12-01", {
      products: [{ name: "Windows 7", productId: "windows-7", by: "Debian", dueDate: "2028-03-31" }],
      checkpoints: [
        checkpointOf(
          analysisOf(
            "c1",
            [os("Windows 11", "windows-11", 60), messaging("Slack", "slack", 20), backup("Veeam", "veeam", 10)],
            80,
          ),
          "weighted",
          "2026-12-01",
        ),
        checkpointOf(fewer("c2", [os("Windows 11", "windows-11", 60)], 290), "weighted", "2027-06-01"),
      ],
    });
    const snapshot = snapshotOf(plan, progressOf(plan, "2027-06-15"), {
      licence: "etalab-2.0",
      groupProducts: false,
      now: new Date("2027-06-15T12:00:00Z"),
      categoryLabel: (c) => c ?? "",
    });
    expect(snapshot.checkpoints.at(-1)?.perimeter).toBeTruthy();
    expect(snapshot.changes.replaced).toEqual([]);
    expect([...(snapshot.changes.outside ?? [])].sort()).toEqual(["Slack", "Veeam"]);
  });

  it("are gone as before when the perimeter is the same (a tenth fewer installations at most)", () => {
    const plan = planOf("2026-12-01", {
      products: [{ name: "Windows 7", productId: "windows-7", by: "Debian", dueDate: "2028-03-31" }],
      checkpoints: [
        checkpointOf(
          analysisOf("d1", [os("Windows 11", "windows-11", 60), messaging("Slack", "slack", 20)], 80),
          "weighted",
          "2026-12-01",
        ),
        checkpointOf(fewer("d2", [os("Windows 11", "windows-11", 60)], 380), "weighted", "2027-06-01"),
      ],
    });
    const snapshot = snapshotOf(plan, progressOf(plan, "2027-06-15"), {
      licence: "etalab-2.0",
      groupProducts: false,
      now: new Date("2027-06-15T12:00:00Z"),
      categoryLabel: (c) => c ?? "",
    });
    expect(snapshot.changes.replaced).toEqual(["Slack"]);
    expect(snapshot.changes.outside ?? []).toEqual([]);
  });
});
