// A terminal next to the open page (issue 6 item 6): `podlab kubectl` on the file `podlab serve` shows reaches
// the page within a second, even with the clock paused; `podlab advance` leaves the served clock alone.

import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { BIN, expect, ROOT, test } from './fixtures/podlab-host'
import { CORRECTED_SEED_POD } from './fixtures/seed-pod'

const run = promisify(execFile)

/** Runs `podlab ARGS` in a child process; resolves with its exit code and output, whatever the code. */
async function podlab(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}

test('a pod applied with the podlab CLI while the clock is paused appears in the open page within a second', async ({ clusterPage: cluster, podlabHost }) => {
  await cluster.pause()
  await expect(cluster.podsEmpty).toBeVisible()
  const manifest = join(mkdtempSync(join(tmpdir(), 'podlab-e2e-cli-')), 'pod.yaml')
  writeFileSync(manifest, CORRECTED_SEED_POD)

  const applied = await podlab(['--db', podlabHost.db, 'kubectl', 'apply', '-f', manifest])
  expect(applied).toEqual({ code: 0, stdout: 'pod/mynginx created\n', stderr: '' })
  await expect(cluster.podRow('mynginx')).toBeVisible({ timeout: 1_000 })
})

test('podlab advance on the served file is refused in one sentence and the served clock stays where it is', async ({ clusterPage: cluster, podlabHost }) => {
  await cluster.pause()
  const shown = await cluster.clockTime.textContent()
  const advanced = await podlab(['--db', podlabHost.db, 'advance', '1h'])
  expect(advanced.code).toBe(1)
  expect(advanced.stdout).toBe('')
  expect(advanced.stderr).toMatch(/^error: the cluster file is open in Podlab \(podlab serve, pid \d+\), whose clock runs it; use the app's clock controls\n$/)
  await cluster.page.waitForTimeout(600) // two looks of the serve's poller: a moved clock would show by now
  await expect(cluster.clockTime).toHaveText(shown ?? '')
})
