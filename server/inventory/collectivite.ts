/**
 * The collectivité an inventory belongs to, as typed on import (the page's « Collectivité » field, the multipart
 * field or query `collectivite`, the CLI): analyses of one collectivité are compared and followed by a plan, so it is
 * kept whole, with its white space collapsed. Too long a name is a French 400 (`invalid_collectivite`: the page shows
 * it under its field) rather than a name cut short.
 */
import { AppError } from "../core/errors.ts";
import { fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";

/** The longest name kept (a département's full name with its article is under 60 characters). */
export const COLLECTIVITE_MAX = 200;

/** A typed name (collectivité, analysis) with control characters and runs of white space made one space, or null when nothing is left. */
export function oneLine(raw: string | null | undefined): string | null {
  const v = (raw ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return v ? v : null;
}

/** The collectivité typed on import, checked: null when none was given. */
export function checkCollectivite(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  const value = oneLine(typeof raw === "string" ? raw : String(raw));
  if (value && value.length > COLLECTIVITE_MAX)
    throw new AppError(
      "invalid_collectivite",
      message("inventory.error.collectivite", { max: String(COLLECTIVITE_MAX) }),
      400,
    );
  return value;
}

/** One collectivité written two ways (« Commune de Lanvéoc », « commune de lanveoc »): compared folded. */
export const sameCollectivite = (a: string, b: string) => fold(a) === fold(b);
