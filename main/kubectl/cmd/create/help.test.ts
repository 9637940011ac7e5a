// `kubectl create ... --help` against the real kubectl 1.32 (testdata/help/create*.golden, recorded by
// scripts/golden/help.mjs), and the subcommands the real `create --help` lists that Podlab does not serve yet.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runKubectl } from '../../run-kubectl'
import { fakeEngine } from '../../testing/fake-engine'
import { createCommand } from './create'

const golden = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'testdata', 'help', `${name}.golden`), 'utf8')
const kubectl = (...args: string[]) => runKubectl(args, { engine: fakeEngine({}), readFile: () => '', readStdin: () => '' })

describe('kubectl create [SUBCOMMAND] --help prints the real kubectl 1.32 help', () => {
  it.each([
    ['create', ['create']],
    ['create-configmap', ['create', 'configmap']],
    ['create-configmap', ['create', 'cm']],
    ['create-deployment', ['create', 'deployment']],
    ['create-deployment', ['create', 'deploy']],
    ['create-job', ['create', 'job']],
    ['create-namespace', ['create', 'namespace']],
    ['create-namespace', ['create', 'ns']],
    ['create-secret', ['create', 'secret']],
    ['create-secret-generic', ['create', 'secret', 'generic']],
    ['create-service', ['create', 'service']],
    ['create-service', ['create', 'svc']],
    ['create-service-clusterip', ['create', 'service', 'clusterip']],
    ['create-service-nodeport', ['create', 'svc', 'nodeport']],
    ['create-service-loadbalancer', ['create', 'service', 'loadbalancer']],
    ['create-service-externalname', ['create', 'service', 'externalname']],
    ['create-cronjob', ['create', 'cronjob']],
    ['create-cronjob', ['create', 'cj']],
    ['create-serviceaccount', ['create', 'serviceaccount']],
    ['create-serviceaccount', ['create', 'sa']],
  ])('%s (kubectl %j)', (name, words) => {
    const want = { stdout: golden(name), stderr: '', exitCode: 0 }
    expect(kubectl(...words, '--help')).toEqual(want)
    expect(kubectl(...words, '-h')).toEqual(want)
    // cobra finds the subcommand past flags and their values (`create secret` alone has no -o to parse).
    if (name !== 'create-secret' && name !== 'create-service') expect(kubectl('-n', 'x', ...words.slice(0, 1), '-o', 'yaml', ...words.slice(1), 'name', '-h')).toEqual(want)
  })
})

describe('create subcommands the real kubectl has and Podlab does not serve yet', () => {
  const listed = [...golden('create').matchAll(/^ {2}([a-z]+) {3,}\S/gm)].map((m) => m[1]!)

  it('every subcommand `kubectl create --help` lists is either Podlab\'s or answered as not supported yet', () => {
    expect(listed.length).toBe(17)
    const mine = createCommand.subcommands!.map((c) => c.name)
    for (const name of listed) expect(mine.includes(name) || name in createCommand.notYetSubcommands!).toBe(true)
  })

  it.each([['ingress'], ['poddisruptionbudget'], ['role'], ['token'], ['quota']])('kubectl create %s says it is not supported by Podlab yet', (name) => {
    expect(kubectl('create', name, 'x', '--dry-run=client')).toEqual({ stdout: '', stderr: `error: kubectl create ${name} is not supported by Podlab yet\n`, exitCode: 1 })
  })

  it.each([['ing', 'ingress'], ['pdb', 'poddisruptionbudget'], ['pc', 'priorityclass'], ['resourcequota', 'quota']])('an alias (%s) is named by its command (%s)', (alias, name) => {
    expect(kubectl('create', alias, 'x').stderr).toBe(`error: kubectl create ${name} is not supported by Podlab yet\n`)
  })

  it('kubectl create secret tls and docker-registry say the same', () => {
    expect(kubectl('create', 'secret', 'tls', 'x').stderr).toBe('error: kubectl create secret tls is not supported by Podlab yet\n')
    expect(kubectl('create', 'secret', 'docker-registry', 'x').stderr).toBe('error: kubectl create secret docker-registry is not supported by Podlab yet\n')
  })
})

describe('create flags Podlab does not honour yet are refused in one sentence, after kubectl\'s own checks', () => {
  it.each<[string[], string]>([
    [['create', 'job', 'j', '--from=cronjob/nightly'], 'error: --from is not supported by Podlab yet: it has no CronJobs\n'],
    [['create', 'namespace', 'x', '-o', 'jsonpath={.metadata.name}'], 'error: --output=jsonpath is not supported by Podlab yet\n'],
    [['create', 'configmap', 'c', '--append-hash'], 'error: --append-hash is not supported by Podlab yet\n'],
    [['create', '-f', 'x.yaml', '--edit'], 'error: --edit is not supported by Podlab yet\n'],
    [['create', '-f', 'x.yaml', '-l', 'app=web'], 'error: -l/--selector is not supported by Podlab yet\n'],
  ])('kubectl %j', (args, stderr) => {
    expect(kubectl(...args)).toEqual({ stdout: '', stderr, exitCode: 1 })
  })

  it('kubectl\'s own check comes first: --from with --image is its error, not Podlab\'s', () => {
    expect(kubectl('create', 'job', 'j', '--image=a', '--from=cronjob/x').stderr).toBe('error: either --image or --from must be specified\n')
  })
})

describe('a bare or boolean --dry-run (deprecated): a client dry run, with kubectl\'s warning on stderr', () => {
  it.each<[string, string, string]>([
    ['--dry-run', 'namespace/x created (dry run)\n', 'Warning: --dry-run is deprecated and can be replaced with --dry-run=client.\n'],
    ['--dry-run=true', 'namespace/x created (dry run)\n', 'Warning: --dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.\n'],
  ])('kubectl create namespace x %s', (flag, stdout, stderr) => {
    expect(kubectl('create', 'namespace', 'x', flag)).toEqual({ stdout, stderr, exitCode: 0 })
  })
})
