/**
 * An inventory imported before entities were kept names none: a later export missing one of them cannot be compared
 * entity by entity, so a drop of more than 15 % asks for confirmation (trial19 H6: −19 % was added to a running plan).
 */
import { describe, expect, it } from "vitest";
import { narrowerPerimeter } from "../../server/inventory/perimeter.ts";

const glpi = (entities?: string[]) => [{ name: "glpi.csv", format: "glpi", ...(entities ? { entities } : {}) }];

describe("a later inventory whose entities the earlier one does not name", () => {
  it("is narrower below 85 % of the installations", () => {
    expect(
      narrowerPerimeter(
        { files: glpi(), installations: 2000 },
        { files: glpi(["Siège", "Médiathèque"]), installations: 1620 },
      ),
    ).toBe("installations");
  });

  it("is not above it, nor when neither names its entities", () => {
    expect(
      narrowerPerimeter({ files: glpi(), installations: 2000 }, { files: glpi(["Siège"]), installations: 1800 }),
    ).toBeNull();
    expect(
      narrowerPerimeter({ files: glpi(), installations: 2000 }, { files: glpi(), installations: 1620 }),
    ).toBeNull();
  });

  it("is compared entity by entity when both name theirs", () => {
    expect(
      narrowerPerimeter(
        { files: glpi(["Siège", "Piscine"]), installations: 2000 },
        { files: glpi(["Siège", "Piscine"]), installations: 1620 },
      ),
    ).toBeNull();
    expect(
      narrowerPerimeter(
        { files: glpi(["Siège", "Piscine"]), installations: 2000 },
        { files: glpi(["Siège"]), installations: 1900 },
      ),
    ).toBe("entities");
  });
});
