/**
 * Which computers each line of the map is on, where the export names them (a GLPI Agent inventory, a GLPI computer
 * list): the computers' ranks in the export, never their names (trial22 T-H8). The roadmap reads them to keep under
 * Windows the postes a Windows-only software is installed on (`drafting/system-bound.ts`), not the first postes of the
 * first Windows line.
 */
import type { InventoryItem } from "./types.ts";

/**
 * The items with `computers` set when every name of the line named its computers; others unchanged. Components are
 * left without (the roadmap plans no component).
 */
export function withComputers(
  items: InventoryItem[],
  machinesOf: (name: string) => Set<string> | null | undefined,
): InventoryItem[] {
  const rank = new Map<string, number>();
  const rankOf = (machine: string) => {
    let r = rank.get(machine);
    if (r === undefined) rank.set(machine, (r = rank.size));
    return r;
  };
  return items.map((item) => {
    if (item.component) return item;
    const sets = (item.names ?? [item.name]).map(machinesOf);
    if (!sets.length || !sets.every((s): s is Set<string> => !!s && s.size > 0)) return item;
    const computers = [...new Set(sets.flatMap((s) => [...s].map(rankOf)))].sort((a, b) => a - b);
    return { ...item, computers };
  });
}
