// @ts-check
// Download links that say what they give: « Télécharger la cartographie (CSV, 12 ko) ». The format is written at
// once; the size once the server has answered a HEAD request (same origin; no file is taken out, so no export is
// logged in the audit journal; the link keeps its address, so what is downloaded is always the current file).
import { el, formatBytes, t } from "./lib.js";

/**
 * A link to a file, labelled with its format, then its size.
 * @param {{ href: string, label: string, format: string, download?: boolean, className?: string }} options
 */
export function downloadLink({ href, label, format, download = true, className }) {
  const link = el(
    "a",
    { href, class: className, download: download ? "" : null },
    t("web.download.format", { label, format }),
  );
  fetch(href, { method: "HEAD" })
    .then((response) => {
      const size = Number(response.headers.get("content-length"));
      if (!response.ok || !Number.isFinite(size) || size <= 0) return;
      link.textContent = t("web.download.size", { label, format, size: formatBytes(size) });
      link.dataset.size = String(size);
    })
    .catch(() => {}); // the format alone is still said
  return link;
}
