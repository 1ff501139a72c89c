// @ts-check
// Download links that say what they give: « Télécharger la cartographie (CSV, 12 ko) ». The format is written at
// once; the size once the page has asked the server for the file (same origin; the file is read and dropped, the
// link keeps its address, so what is downloaded is always the current file).
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
  fetch(href)
    .then(async (response) => {
      if (!response.ok) return;
      const size = (await response.blob()).size;
      link.textContent = t("web.download.size", { label, format, size: formatBytes(size) });
      link.dataset.size = String(size);
    })
    .catch(() => {}); // the format alone is still said
  return link;
}
