/**
 * Bounded caches of values that never change for their key (a word's stem, a passage's parts, a document's parsed
 * sources) and recur from one search to the next: the whole cache is forgotten when it is full and a new entry
 * comes, which keeps memory bounded without the bookkeeping of a least-recently-used list.
 */

/** A Map that holds at most `max` entries: setting one more when it is full empties it first. */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly max: number;

  constructor(max: number) {
    super();
    this.max = max;
  }

  override set(key: K, value: V): this {
    if (this.size >= this.max) this.clear();
    return super.set(key, value);
  }
}

/**
 * `fn` remembered for at most `max` arguments (or keys, `keyOf(arg)`, when the value depends on part of the argument
 * only); `fn` must not return undefined, which reads as « not remembered ».
 */
export function boundedMemo<A, R>(fn: (arg: A) => R, max: number): (arg: A) => R;
export function boundedMemo<A, R, K>(fn: (arg: A) => R, max: number, keyOf: (arg: A) => K): (arg: A) => R;
export function boundedMemo<A, R, K>(fn: (arg: A) => R, max: number, keyOf?: (arg: A) => K): (arg: A) => R {
  const known = new BoundedMap<unknown, R>(max);
  return (arg) => {
    const key = keyOf ? keyOf(arg) : arg;
    let value = known.get(key);
    if (value === undefined) {
      value = fn(arg);
      known.set(key, value);
    }
    return value;
  };
}
