/**
 * What a presenter returns for a response schema's type `T`: the same fields, with instants still
 * allowed as `Date` (res.json writes them as ISO strings, which is what the schema describes). A
 * presenter typed `Presented<X>` fails the typecheck when it drops, adds or misspells a field of X.
 */
export type Presented<T> = T extends string
  ? T | Date
  : T extends readonly (infer U)[]
    ? Presented<U>[]
    : T extends object
      ? { [K in keyof T]: Presented<T[K]> }
      : T;
