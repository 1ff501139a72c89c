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
