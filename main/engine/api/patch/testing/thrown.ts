// Test-only: the ApiError a call throws (any other outcome fails the test).

import { ApiError } from '../../errors'

export function thrownApiError(f: () => unknown): ApiError {
  try {
    f()
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('expected an ApiError, nothing was thrown')
}
