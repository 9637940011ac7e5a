// Issue 11 item 3, "open a crash-looping pod's timeline and read its restarts and causes": a learner applies a
// busybox that exits 1, runs the clock, clicks the pod in the list, and reads its restarts in the summary, the
// causes in the timeline, its logs (current and --previous) and its YAML; a shell is refused in plain words while
// it waits in CrashLoopBackOff. axe finds nothing serious on the detail; the page logs no error.

import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures/podlab-host'
import { collectConsoleErrors } from './fixtures/console-errors'
import { PodDetailPage } from './pages/pod-detail-page'

const CRASH_LOOP = `apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  containers:
  - name: busybox
    image: busybox
    command: ["sh", "-c", "echo starting up; exit 1"]
`

async function axeSerious(page: import('@playwright/test').Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid=pod-detail]').analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test('a crash-looping pod: restarts and their causes in its detail, logs, YAML; axe and the console stay clean', async ({ page, clusterPage: cluster }) => {
  const errors = collectConsoleErrors(page)
  await cluster.fillManifest(CRASH_LOOP)
  await cluster.apply()
  await expect(cluster.output).toContainText('pod/crash created')
  await cluster.pause()
  // Exits at 0 s and 0.7 s, then waits 10, 20, 40 s (the kubelet's back-off doubling): restart #4 by 75 s.
  await cluster.advance('1m')
  await cluster.advance('1m')
  await expect(cluster.cell('crash', 'STATUS')).toHaveText(/CrashLoopBackOff|Error/)

  const detail = new PodDetailPage(page)
  await detail.openFromList('crash')
  await expect(page.getByTestId('pod-actions-slot')).toBeAttached()
  // The header says what the list says (kubectl get's STATUS), not describe's phase (Running).
  await expect(page.getByTestId('pod-detail-status')).toHaveText(/CrashLoopBackOff|Error/)

  const summary = await detail.tab('summary')
  await expect(summary.getByTestId('pod-fact-namespace')).toHaveText('default')
  await expect(detail.container('busybox').getByTestId('container-restarts')).toHaveText('4')
  await expect(detail.container('busybox').getByTestId('container-last-state')).toContainText('Terminated: Error, exit code 1')
  expect(await axeSerious(page)).toEqual([])

  await detail.tab('timeline')
  await expect(detail.pane.getByTestId('timeline-lane-busybox')).toBeVisible()
  await expect(detail.pane.getByTestId('timeline-restart')).toHaveCount(4)
  const chain = await detail.chain()
  expect(chain.slice(0, 4)).toEqual([
    'exited (exit 1, Error) → restart #1 at once',
    'exited (exit 1, Error) → restart #2 after 10 s back-off',
    'exited (exit 1, Error) → restart #3 after 20 s back-off',
    'exited (exit 1, Error) → restart #4 after 40 s back-off',
  ])
  expect(chain[4]).toMatch(/^exited \(exit 1, Error\) → waiting 80 s back-off \(CrashLoopBackOff\) before restart #5$/)
  expect(await axeSerious(page)).toEqual([])

  // The clock moves on: the detail follows (restart #5 after the 80 s back-off).
  await cluster.advance('1m')
  await expect(detail.pane.getByTestId('timeline-link').nth(4)).toContainText('restart #5 after 80 s back-off')

  const events = await detail.tab('events')
  await expect(events.getByTestId('pod-event-reason').filter({ hasText: 'BackOff' })).toHaveCount(1)

  await detail.tab('logs')
  await expect(detail.logText()).toHaveText('starting up\n')
  await page.getByTestId('pod-logs-previous').check()
  await expect(page.getByTestId('pod-logs-command')).toHaveText('kubectl logs crash -n default -c busybox --previous')
  await expect(detail.logText()).toHaveText('starting up\n')

  await detail.tab('shell')
  await expect(page.getByTestId('pod-shell-not-running')).toContainText('CrashLoopBackOff')
  await expect(page.getByTestId('pod-shell-open')).toBeDisabled()

  await detail.tab('yaml')
  await expect(detail.yamlContent()).toContainText('kind: Pod')
  await expect(detail.yamlContent()).toContainText('name: crash')
  await expect(detail.yamlContent()).toHaveAttribute('aria-readonly', 'true')
  expect(await axeSerious(page)).toEqual([])

  await page.getByTestId('pod-detail-close').click()
  await expect(page).toHaveURL(/#\/pods$/)
  expect(errors).toEqual([])
})
