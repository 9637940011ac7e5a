// Objects in an informer's cache are shared by every reader (and with the writer that produced them): nobody may
// change them; copy first (`{ ...pod, status: { ... } }`). Under the test runner they are deep-frozen, so a
// mutation throws in the test that makes it instead of corrupting the cache silently.

const checking = process.env.NODE_ENV === 'test' || process.env.VITEST !== undefined

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const child of Object.values(value)) deepFreeze(child)
}

/** `object`, deep-frozen when running under the tests; as is (no cost) in the app. */
export function shared<T>(object: T): T {
  if (checking) deepFreeze(object)
  return object
}
