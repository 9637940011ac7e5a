// kubectl -l on the real engine: until Engine.list takes a labelSelector, the LIST is narrowed client-side
// (selector.ts), so get, delete and get -f must pick exactly what the server-side selector would.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../engine/engine'
import { openCluster } from '../../engine/open-cluster'
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

describe('kubectl -l (client-side until the server takes labelSelector)', () => {
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

  it('a selector the parser refuses is the API server BadRequest, in the shared parser\'s words', () => {
    const result = cluster()('get', 'pods', '-l', 'app in (')
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(/^Error from server \(BadRequest\): unable to parse requirement: /)
  })

  it('get -f filters the file\'s objects by the selector (visitByPaths)', () => {
    const kubectl = cluster()
    expect(kubectl('get', '-f', 'web.yaml', '-f', 'db.yaml', '-l', 'app=db', '-o', 'name')).toEqual({ stdout: 'pod/db\n', stderr: '', exitCode: 0 })
  })
})
