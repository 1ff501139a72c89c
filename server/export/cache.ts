/**
 * The last files built, by content: the page asks each download's size (HEAD) and then perhaps downloads it (GET),
 * and the same document is shown again and again; a PDF is built once for one content. The key is a digest of
 * everything the file is made from (the whole draft, the version asked, the format), so a draft edited since has
 * another key and is never answered with the file of its earlier content.
 */
import { createHash } from "node:crypto";

/** A few documents of a few formats: the files are small (tens of kilobytes), the oldest one used goes first. */
const MAX_FILES = 24;
const files = new Map<string, Promise<unknown>>();
/** Files built since the server started (a file answered from the cache is not counted): what tests observe. */
let built = 0;
export const filesBuilt = () => built;

/** `build()`'s result for this content, built once while it stays among the last files used. */
export function cachedFile<T>(content: unknown, build: () => Promise<T>): Promise<T> {
  const key = createHash("sha256").update(JSON.stringify(content)).digest("base64");
  const kept = files.get(key) as Promise<T> | undefined;
  if (kept) {
    files.delete(key);
    files.set(key, kept);
    return kept;
  }
  built++;
  const file = build();
  files.set(key, file);
  // A failed build is not kept: the next request tries again.
  file.catch(() => files.delete(key));
  while (files.size > MAX_FILES) files.delete(files.keys().next().value!);
  return file;
}
