/**
 * One task at a time per key (read the latest, check, save), so two writes made on the same view cannot both pass:
 * one process serves a DATA_DIR, so an in-memory queue per key is enough. A task runs after the one before it
 * whatever that one's outcome; a key is forgotten once its queue is empty.
 */
export function keyedLock(): <T>(key: string, fn: () => Promise<T>) => Promise<T> {
  const queues = new Map<string, Promise<unknown>>();
  return <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const run = (queues.get(key) ?? Promise.resolve()).then(fn, fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return run;
  };
}
