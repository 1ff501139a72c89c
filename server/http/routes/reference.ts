import { Hono } from "hono";
import { categoryLabel, fitLabel, kindLabel } from "../../core/labels.ts";
import { CATEGORIES, DOCUMENT_KINDS, FITS } from "../../corpus/schema.ts";
import { editJsonSchema, inputsJsonSchema } from "../../drafting/inputs.ts";

const labels = (label: (key: string) => string, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, label(k)]));

/**
 * `GET /api/reference`: what the page would otherwise copy from the server — the categories of the catalog and
 * their French labels, the labels of fits and document kinds, the inputs of each document type and the edit of a
 * section as JSON Schema (limits included). One source of truth; the answer is the same for everyone and cached by
 * the browser.
 */
export function referenceRoutes() {
  let body: string | null = null;
  return new Hono().get("/reference", (c) => {
    body ??= JSON.stringify({
      categories: [...CATEGORIES],
      labels: {
        category: { ...labels(categoryLabel, CATEGORIES), unclassified: categoryLabel(null) },
        fit: labels(fitLabel, FITS),
        kind: labels(kindLabel, DOCUMENT_KINDS),
      },
      inputs: inputsJsonSchema(),
      edit: editJsonSchema(),
    });
    return c.body(body, 200, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "private, max-age=300",
    });
  });
}
