// The Masker of kubectl diff (pkg/cmd/diff/diff.go): a v1 Secret's data never reaches the output.
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../kube'
import { diffFileName, diffVersions } from './differ'

const secret = (data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, data }) as unknown as KubeObject

describe('diffVersions', () => {
  it('masks a Secret: equal values as ***, changed ones as *** (before) / *** (after), new and gone ones as ***', () => {
    const { live, merged } = diffVersions(secret({ same: 'YQ==', changed: 'Yg==', gone: 'Yw==' }), secret({ same: 'YQ==', changed: 'ZA==', added: 'ZQ==' }), false)
    expect(live).toBe("apiVersion: v1\ndata:\n  changed: '*** (before)'\n  gone: '***'\n  same: '***'\nkind: Secret\nmetadata:\n  name: db\n")
    expect(merged).toBe("apiVersion: v1\ndata:\n  added: '***'\n  changed: '*** (after)'\n  same: '***'\nkind: Secret\nmetadata:\n  name: db\n")
  })

  it('writes nothing for an absent object and drops managedFields unless asked to keep them', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', managedFields: [{ manager: 'kubectl' }] } } as unknown as KubeObject
    expect(diffVersions(undefined, pod, false)).toEqual({ live: '', merged: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n' })
    expect(diffVersions(undefined, pod, true).merged).toContain('managedFields:')
  })
})

describe('diffFileName', () => {
  it('is [group.]version.Kind.namespace.name, the namespace empty for a cluster-scoped object', () => {
    expect(diffFileName({ group: 'apps', version: 'v1', kind: 'Deployment' }, 'default', 'web')).toBe('apps.v1.Deployment.default.web')
    expect(diffFileName({ group: '', version: 'v1', kind: 'Namespace' }, '', 'team-a')).toBe('v1.Namespace..team-a')
  })
})
