import { describe, expect, it } from 'vitest'
import { ApiError, invalid, notFound } from './errors'

// The bodies are what a real API server 1.32 sends (apimachinery errors.NewNotFound / NewInvalid / NewBadRequest
// serialised by the apiserver: omitempty drops an empty group, and details when there are none).
describe('ApiError.toStatus is metav1.Status as the API server serialises it', () => {
  it('NotFound: pods "x" not found, code 404, details name and kind (the resource), no empty group', () => {
    expect(JSON.stringify(notFound('pods', 'x').toStatus())).toBe(
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \\"x\\" not found","reason":"NotFound","details":{"name":"x","kind":"pods"},"code":404}',
    )
  })

  it('Invalid: code 422 with one cause per field error (Go field Type is JSON reason)', () => {
    const status = invalid('Pod', 'x', [{ field: 'spec.containers[0].image', type: 'FieldValueRequired', body: 'Required value' }]).toStatus()
    expect(status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message: 'Pod "x" is invalid: spec.containers[0].image: Required value',
      details: { name: 'x', kind: 'Pod', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }] },
    })
  })

  it('BadRequest without details has no details field; Internal is metav1 InternalError, code 500', () => {
    expect(new ApiError('BadRequest', 'nope').toStatus()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'nope', reason: 'BadRequest', code: 400 })
    expect(new ApiError('Internal', 'boom').toStatus()).toMatchObject({ reason: 'InternalError', code: 500 })
  })
})
