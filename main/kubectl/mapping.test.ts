import { describe, expect, it } from 'vitest'
import { noKindMatchMessage } from './mapping'

describe('noKindMatchMessage (apimachinery NoKindMatchError)', () => {
  it('names the version as apiVersion spells it: the core group has none', () => {
    expect(noKindMatchMessage({ group: '', version: 'v1', kind: 'Widget' })).toBe('no matches for kind "Widget" in version "v1"')
    expect(noKindMatchMessage({ group: 'app', version: 'v1', kind: 'Deployment' })).toBe('no matches for kind "Deployment" in version "app/v1"')
  })
})
