// The errors of apimachinery's strategicpatch/mergepatch, and how apiserver's handlers/patch.go turns them into
// API statuses (interpretStrategicMergePatchError).

import { ApiError } from '../errors'
import { PATCH_REJECTED } from './json-patch'
import { goSprint, goTypeName, type JsonMap } from './go-json'

/** An error from the strategic merge patch code, with the words of its Go twin. */
export class StrategicPatchError extends Error {
  constructor(
    message: string,
    /** Which of mergepatch's sentinel errors this is, if any (apiserver maps those to 400 / 422). */
    readonly sentinel?: 'badRequest' | 'unprocessable',
  ) {
    super(message)
    this.name = 'StrategicPatchError'
  }
}

// mergepatch's sentinel errors.
export const errBadJSONDoc = () => new StrategicPatchError('invalid JSON document', 'badRequest')
export const errNoListOfLists = () => new StrategicPatchError('lists of lists are not supported', 'unprocessable')
export const errBadPatchFormatForPrimitiveList = () => new StrategicPatchError('invalid patch format of primitive list', 'badRequest')
export const errBadPatchFormatForRetainKeys = () => new StrategicPatchError('invalid patch format of retainKeys', 'badRequest')
export const errBadPatchFormatForSetElementOrderList = () =>
  new StrategicPatchError('invalid patch format of setElementOrder list', 'badRequest')

export function errNoMergeKey(m: JsonMap, key: string): StrategicPatchError {
  return new StrategicPatchError(`map: ${goSprint(m)} does not contain declared merge key: ${key}`)
}

/** mergepatch.ErrBadArgType: the Go types of the expected and the received value. */
export function errBadArgType(expected: 'map' | 'slice', actual: unknown): StrategicPatchError {
  const want = expected === 'map' ? 'map[string]interface {}' : '[]interface {}'
  return new StrategicPatchError(`expected a ${want}, but received a ${goTypeName(actual)}`)
}

export function errBadPatchType(t: unknown, m: JsonMap): StrategicPatchError {
  return new StrategicPatchError(`unknown patch type: ${goSprint(t)} in map: ${goSprint(m)}`)
}


/**
 * interpretStrategicMergePatchError: mergepatch's format errors are 400 with their own words, a list of lists
 * 422, anything else reaches the client as a 500 carrying the error's text.
 */
export function toApiError(e: StrategicPatchError): ApiError {
  if (e.sentinel === 'badRequest') return new ApiError('BadRequest', e.message)
  if (e.sentinel === 'unprocessable') return new ApiError('Invalid', PATCH_REJECTED)
  return new ApiError('Internal', e.message)
}
