// create cronjob and create serviceaccount beyond the goldens: Podlab simulates neither CronJobs nor
// ServiceAccounts, so only a client dry run prints one; otherwise nothing is sent and the answer says why.

import { describe, expect, it } from 'vitest'
import { runKubectl } from '../../../run-kubectl'
import { fakeEngine } from '../../../testing/fake-engine'

function kubectl(...args: string[]) {
  const engine = fakeEngine({})
  return { engine, result: runKubectl(args, { engine, readFile: () => '', readStdin: () => '' }) }
}

describe('kinds Podlab does not simulate yet', () => {
  it.each<[string[], string]>([
    [['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 3 * * *'], 'CronJobs yet, so kubectl create cronjob created nothing; --dry-run=client -o yaml prints the CronJob'],
    [['create', 'cj', 'nightly', '--image=busybox', '--schedule=0 3 * * *', '--dry-run=server'], 'CronJobs yet'],
    [['create', 'serviceaccount', 'robot'], 'ServiceAccounts yet, so kubectl create serviceaccount created nothing'],
  ])('kubectl %j sends nothing and says so', (args, words) => {
    const { engine, result } = kubectl(...args)
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`error: Podlab does not simulate ${words}`)
    expect(engine.created).toEqual([])
  })

  it('--restart is sent as given, OnFailure when empty', () => {
    const yaml = (restart: string) => kubectl('create', 'cronjob', 'n', '--image=i', '--schedule=@daily', `--restart=${restart}`, '--dry-run=client', '-o', 'yaml').result.stdout
    expect(yaml('Never')).toContain('restartPolicy: Never')
    expect(yaml('')).toContain('restartPolicy: OnFailure')
  })
})
