/**
 * One task at a time per key (read the latest, check, save), so the writes of one process come one after the other.
 * It orders them only: two processes sharing a database (two servers behind a load balancer on one PostgreSQL) are
 * told apart by the database itself, with a compare-and-set write (`put(id, value, { expected })`). A task runs
 * after the one before it whatever that one's outcome; a key is forgotten once its queue is empty.
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

/** A keyed lock per owner (the engine a request runs on): two engines are told apart by the database, as two processes. */
export function ownedKeyedLock(): <T>(owner: object, key: string, fn: () => Promise<T>) => Promise<T> {
  const locks = new WeakMap<object, ReturnType<typeof keyedLock>>();
  return (owner, key, fn) => {
    let lock = locks.get(owner);
    if (!lock) locks.set(owner, (lock = keyedLock()));
    return lock(key, fn);
  };
}
