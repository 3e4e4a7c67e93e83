/** What a Map and a WeakMap have in common. */
interface Memory<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value `memory` holds for `key`, computed and kept on first use. */
export function remembered<K, V>(memory: Memory<K, V>, key: K, compute: (key: K) => V): V {
  let value = memory.get(key);
  if (value === undefined) memory.set(key, (value = compute(key)));
  return value;
}
