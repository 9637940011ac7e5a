// kubectl -l on the real engine: the selector goes to the server as the LIST's labelSelector (cli-runtime
// selector.go), a bad one is the API's BadRequest in EnhanceListError's words; get -f filters the file's
// objects client-side (visitByPaths), as kubectl does.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../engine/engine'
import { openCluster } from '../../engine/open-cluster'
import { fakeEngine } from '../testing/fake-engine'
import { runKubectl } from '../run-kubectl'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

const pod = (name: string, app: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: ${app}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n`

function cluster() {
  const engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-selector-')), 'c.podlab'), { mode: 'manual' })
  opened.push(engine)
  const files: Record<string, string> = { 'web.yaml': pod('web', 'web'), 'db.yaml': pod('db', 'db') }
  const kubectl = (...args: string[]) => runKubectl(args, { engine, readFile: (p) => files[p]!, readStdin: () => '' })
  kubectl('apply', '-f', 'web.yaml', '-f', 'db.yaml')
  return kubectl
}

describe('kubectl -l (the LIST\'s labelSelector)', () => {
  it('get pods -l app=web lists only the matching pod; -o name too', () => {
    const kubectl = cluster()
    expect(kubectl('get', 'pods', '-l', 'app=web').stdout).toMatch(/^NAME .*\nweb +0\/1 /)
    expect(kubectl('get', 'pods', '-l', 'app=web').stdout).not.toContain('db')
    expect(kubectl('get', 'pods', '-l', 'app in (web,db)', '-o', 'name')).toEqual({ stdout: 'pod/db\npod/web\n', stderr: '', exitCode: 0 })
  })

  it('a selector matching nothing says No resources found, as kubectl does', () => {
    expect(cluster()('get', 'pods', '-l', 'app=none')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 })
  })

  it('delete pods -l app=db deletes only that pod', () => {
    const kubectl = cluster()
    expect(kubectl('delete', 'pods', '-l', 'app=db', '--wait=false')).toEqual({ stdout: 'pod "db" deleted\n', stderr: '', exitCode: 0 })
  })

  it('a selector the server refuses is its BadRequest wrapped by EnhanceListError, as kubectl 1.32 prints it', () => {
    expect(cluster()('get', 'pods', '-l', 'a in (b')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in (b", field selector "": unable to parse requirement: found \'\', expected: \',\' or \')\'\n',
      exitCode: 1,
    })
  })

  it('delete -l with a bad selector fails the same way', () => {
    const result = cluster()('delete', 'nodes', '-l', 'a in (b')
    expect(result.stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=nodes" that match label selector "a in (b", field selector "": unable to parse requirement: found \'\', expected: \',\' or \')\'\n',
    )
    expect(result.exitCode).toBe(1)
  })

  it('get -f with a bad selector is the builder\'s own error, before any request', () => {
    expect(cluster()('get', '-f', 'web.yaml', '-l', 'a in (b').stderr).toBe(
      'error: the provided selector "a in (b" is not valid: unable to parse requirement: found \'\', expected: \',\' or \')\'\n',
    )
  })

  it('get -f filters the file\'s objects by the selector (visitByPaths)', () => {
    const kubectl = cluster()
    expect(kubectl('get', '-f', 'web.yaml', '-f', 'db.yaml', '-l', 'app=db', '-o', 'name')).toEqual({ stdout: 'pod/db\n', stderr: '', exitCode: 0 })
  })

  it('a group resource is named by its GroupVersionResource.String() ("apps/v1, Resource=deployments")', () => {
    const engine = fakeEngine({})
    expect(runKubectl(['get', 'deployments', '-l', 'a in (b'], { engine, readFile: () => '', readStdin: () => '' }).stderr).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "a in (b", field selector "": unable to parse requirement: found \'\', expected: \',\' or \')\'\n',
    )
  })
})
