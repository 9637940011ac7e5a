// kubectl create on the real engine (the path `podlab kubectl create` takes): objects reach the API server's
// create with kubectl's fieldValidation, and its answers come back in kubectl's words. Pods are served today;
// the engine refuses a kind it does not serve yet in the API server's words, which the subcommands wrap as kubectl
// does (`failed to create deployment: ...`).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine/engine'
import { openCluster } from '../../../engine/open-cluster'
import { runKubectl } from '../../run-kubectl'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n'

function cluster() {
  const engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-create-')), 'c.podlab'), { mode: 'manual' })
  opened.push(engine)
  const files: Record<string, string> = {
    'pod.yaml': POD,
    'unknown-field.yaml': POD.replace('  - name: c\n', '  - name: c\n    colour: red\n'),
  }
  const kubectl = (...args: string[]) =>
    runKubectl(args, {
      engine,
      readFile: (p) => {
        if (!(p in files)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' })
        return files[p]!
      },
      readStdin: () => POD.replace('name: web', 'name: piped'),
    })
  return { engine, kubectl }
}

describe('kubectl create -f on the engine', () => {
  it('creates the pod and says so; a second create is the server\'s AlreadyExists', () => {
    const { engine, kubectl } = cluster()
    expect(kubectl('create', '-f', 'pod.yaml')).toEqual({ stdout: 'pod/web created\n', stderr: '', exitCode: 0 })
    expect(engine.get('pods', 'default', 'web').metadata.labels).toEqual({ app: 'web' })
    expect(kubectl('create', '-f', 'pod.yaml')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n',
      exitCode: 1,
    })
  })

  it('reads stdin, prints the created object with -o yaml (uid and all), and keeps --save-config\'s annotation', () => {
    const { engine, kubectl } = cluster()
    const result = kubectl('create', '-f', '-', '--save-config', '-o', 'yaml')
    expect(result.exitCode).toBe(0)
    const stored = engine.get('pods', 'default', 'piped')
    expect(result.stdout).toContain(`uid: ${stored.metadata.uid}\n`)
    expect(stored.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toContain('"name":"piped"')
    // ...which is what a later apply needs: it patches instead of warning about a missing annotation.
    expect(kubectl('apply', '-f', '-')).toEqual({ stdout: 'pod/piped unchanged\n', stderr: '', exitCode: 0 })
  })

  it('--dry-run=client creates nothing', () => {
    const { engine, kubectl } = cluster()
    expect(kubectl('create', '-f', 'pod.yaml', '--dry-run=client')).toEqual({ stdout: 'pod/web created (dry run)\n', stderr: '', exitCode: 0 })
    expect(engine.list('pods', 'default').items).toEqual([])
  })

  it('--validate=false sends fieldValidation=Ignore: an unknown field is dropped, not refused', () => {
    const { kubectl } = cluster()
    expect(kubectl('create', '-f', 'unknown-field.yaml').stderr).toContain('strict decoding error: unknown field "spec.containers[0].colour"')
    expect(kubectl('create', '-f', 'unknown-field.yaml', '--validate=false')).toEqual({ stdout: 'pod/web created\n', stderr: '', exitCode: 0 })
  })
})

describe('create subcommands on the engine', () => {
  it('a kind the engine does not serve is the API server\'s refusal, wrapped as the subcommand wraps it', () => {
    const { engine, kubectl } = cluster()
    const served = new Set(engine.resources().map((r) => r.kind))
    const result = kubectl('create', 'deployment', 'web', '--image=nginx')
    if (served.has('Deployment')) expect(result).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 })
    else expect(result).toEqual({ stdout: '', stderr: expect.stringMatching(/^error: failed to create deployment: no kind "Deployment" is registered for version "apps\/v1"/), exitCode: 1 })
  })

  it('create namespace: created where namespaces are user-creatable, else the server\'s refusal as is', () => {
    const { engine, kubectl } = cluster()
    const result = kubectl('create', 'namespace', 'team-a')
    if (result.exitCode === 0) {
      expect(result.stdout).toBe('namespace/team-a created\n')
      expect(engine.get('namespaces', undefined, 'team-a').metadata.name).toBe('team-a')
      expect(kubectl('create', 'ns', 'team-a').stderr).toBe('Error from server (AlreadyExists): namespaces "team-a" already exists\n')
    } else expect(result.stderr).toMatch(/^Error from server \(\w+\): /)
  })

  it('a client dry run of every subcommand needs nothing from the server', () => {
    const { kubectl } = cluster()
    expect(kubectl('create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'name').stdout).toBe('deployment.apps/web\n')
    expect(kubectl('create', 'job', 'once', '--image=busybox', '--dry-run=client', '-o', 'name').stdout).toBe('job.batch/once\n')
    expect(kubectl('create', 'configmap', 'c', '--from-literal=a=1', '--dry-run=client', '-o', 'name').stdout).toBe('configmap/c\n')
    expect(kubectl('create', 'secret', 'generic', 's', '--from-literal=a=1', '--dry-run=client', '-o', 'name').stdout).toBe('secret/s\n')
  })
})
