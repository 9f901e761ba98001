/**
 * Objects without their `undefined` properties. With `exactOptionalPropertyTypes` an optional
 * property is either absent or a value, never `undefined` — the difference matters where an
 * object is written out (a YAML key, an API's options). `compact` builds such an object from
 * values that may be undefined, instead of a spread per property.
 */
export type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

export function compact<T extends object>(o: T): Compact<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as Compact<T>;
}
