/**
 * The draft form is built from the input schemas the server validates with (GET /api/reference): in a real
 * Chromium, every field of every document type carries the schema's limits (length, required, bounds, choices,
 * format), and a list typed one item per line is checked line by line, in French, under its field.
 */
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../helpers/browser.ts";
import { useBrowserAndServer } from "../helpers/browser-server.ts";
import { openPage } from "./page.ts";

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: { required?: string[] }[];
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  enum?: string[];
  default?: unknown;
  pattern?: string;
  maxItems?: number;
  items?: Schema;
};

const TYPES = {
  letter: "Courrier à un élu",
  "audit-plan": "Plan d'audit",
  roadmap: "Feuille de route",
  briefing: /^Note/,
};

describe.skipIf(!browserAvailable)("the draft form, from the served input schemas", () => {
  let inputs: Record<string, Schema> = {};
  const env = useBrowserAndServer(async (server) => {
    inputs = (await (await fetch(`${server.url}/api/reference`)).json()).inputs;
  });

  it("gives every field the limits of its schema", async () => {
    const { page, consoleErrors } = await openPage(env.context, env.server.url, "#documents");
    let checked = 0;
    for (const [type, name] of Object.entries(TYPES)) {
      await page.getByLabel(name).first().check();
      const fields = await page.locator("#draft-fields fieldset:not([disabled]) [data-path]").evaluateAll((nodes) =>
        nodes
          .filter((n) => n.tagName !== "FIELDSET")
          .map((n) => ({
            path: (n as HTMLElement).dataset.path!,
            maxlength: n.getAttribute("maxlength"),
            minlength: n.getAttribute("data-minlength"),
            required: n.hasAttribute("required"),
            min: n.getAttribute("min"),
            max: n.getAttribute("max"),
            step: n.getAttribute("step"),
            pattern: n.getAttribute("pattern"),
            options: n.tagName === "SELECT" ? [...(n as HTMLSelectElement).options].map((o) => o.value) : null,
            lineMax: n.getAttribute("data-line-maxlength"),
            maxLines: n.getAttribute("data-max-lines"),
          })),
      );
      expect(fields.length).toBeGreaterThan(7);
      for (const field of fields) {
        if (field.path === "analysisId") {
          // A choice among the saved analyses, required where it is the only way the form offers to give one.
          expect(field.required, `${type} analysisId`).toBe(type === "roadmap");
          continue;
        }
        // The schema of the field and whether each key on its way is required, read here on its own.
        let node = inputs[type]!;
        let required = true;
        for (const key of field.path.split(".")) {
          required &&= (node.required ?? []).includes(key);
          node = node.properties![key]!;
        }
        expect(node, `${type} ${field.path}`).toBeDefined();
        const want = {
          maxlength: node.maxLength === undefined ? null : String(node.maxLength),
          minlength:
            node.minLength && node.minLength > 1 && node.type === "string" && !node.pattern
              ? String(node.minLength)
              : null,
          min:
            node.minimum !== undefined
              ? String(node.minimum)
              : node.exclusiveMinimum !== undefined
                ? String(node.exclusiveMinimum + 1)
                : null,
          max: node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER ? String(node.maximum) : null,
          step: node.type === "integer" ? "1" : node.type === "number" ? "any" : null,
          options: node.enum ? [...(node.default === undefined ? [""] : []), ...node.enum] : null,
          lineMax: node.items?.maxLength === undefined ? null : String(node.items.maxLength),
          maxLines: node.maxItems === undefined ? null : String(node.maxItems),
        };
        const { path: _, required: isRequired, pattern, ...got } = field;
        expect(got, `${type} ${field.path}`).toEqual(want);
        expect(isRequired, `${type} ${field.path}`).toBe(required);
        if (pattern !== null) expect(pattern).toBe(node.pattern);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(35);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("checks a list one line at a time, with the schema's limits, and says so under the field", async () => {
    const { page } = await openPage(env.context, env.server.url, "#documents");
    await page.getByLabel("Plan d'audit").check();
    await page.getByLabel(/^Nom de la collectivité/).fill("Commune de Listes");
    const services = page.locator('[data-path="services"]');
    await services.fill(`Accueil\n${"x".repeat(inputs["audit-plan"]!.properties!.services!.items!.maxLength! + 1)}`);
    await page.getByRole("button", { name: "Rédiger le document" }).click();
    await expect.poll(() => services.getAttribute("aria-invalid")).toBe("true");
    const described = ((await services.getAttribute("aria-describedby")) ?? "").split(" ")[0];
    expect(await page.locator(`[id="${described}"]`).innerText()).toContain(
      "Chaque ligne doit compter au plus 200 caractères.",
    );
    expect(await services.evaluate((n) => n === document.activeElement)).toBe(true);
    await page.close();
  });
});
