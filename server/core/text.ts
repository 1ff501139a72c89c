/**
 * Text helpers shared by every layer (no I/O): the start of the `core/` layer issue 14 describes.
 */

/** ASCII slug for file names and addresses: « Commune de Kervallon » → `commune-de-kervallon`. */
export function slugify(text: string, max = 60, fallback = "document"): string {
  return (
    text
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, max)
      .replace(/-$/, "") || fallback
  );
}
