// Issue 11 items 4 and 5 in Chromium against `podlab serve`: a learner applies a pod and a crash-looping pod, runs
// the clock, opens Events & history, filters by name, clicks a MODIFIED row and reads the object's YAML at that
// moment with the diff to the version before; then opens the cluster over time and finds the pods' rows. axe finds
// nothing serious on either tab, and nothing is logged as an error (CSP included).

import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures/podlab-host'
import { collectConsoleErrors } from './fixtures/console-errors'
import { AppFrame } from './pages/app-frame'
import { ClusterPage } from './pages/cluster-page'
import { HistoryPage } from './pages/history-page'

const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "exit 1"]
`

async function expectNoSeriousAxe(page: import('@playwright/test').Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), where).toEqual([])
}

test('the history of a crash-looping pod: filter by name, a MODIFIED row shows its YAML and the diff; the timeline shows its row', async ({ page, podlabHost }) => {
  test.setTimeout(90_000)
  const errors = collectConsoleErrors(page)
  const cluster = new ClusterPage(page)
  const frame = new AppFrame(page)
  const history = new HistoryPage(page)
  await cluster.goto(podlabHost.url)
  await cluster.fillManifest(PODS)
  await cluster.apply()
  await cluster.pause()
  await cluster.advance('1m')
  await expect(cluster.cell('crash', 'STATUS')).toHaveText(/CrashLoopBackOff|Error/, { timeout: 30_000 })

  await frame.open('events')
  await expect(history.table).toBeVisible()
  await history.filterByName('crash')
  const modified = history.rowsOf('MODIFIED', 'Pod').first()
  await history.select(modified)
  await expect(history.version.getByTestId('version-title')).toHaveText('Pod default/crash')
  await expect(history.version.getByTestId('version-yaml')).toContainText('name: crash')
  const diff = history.version.getByTestId('version-diff')
  await expect(diff).toContainText('-  resourceVersion:')
  await expect(diff).toContainText('+  resourceVersion:')
  await expect(history.version.getByTestId('version-open-pod')).toHaveAttribute('href', '#/pods/default/crash')

  // An Event row names the pod it is about, with its reason.
  await page.getByTestId('filter-reason').fill('BackOff')
  await expect(history.rowsOf('ADDED', 'Event → Pod').or(history.rowsOf('MODIFIED', 'Event → Pod')).first()).toContainText('Warning BackOff')
  await expectNoSeriousAxe(page, 'history')

  // From the selected change to that moment on the cluster timeline.
  await history.version.getByTestId('version-on-timeline').click()
  await expect(page).toHaveURL(/#\/events\/timeline\?at=\d+/)
  await expect(history.canvas).toBeVisible()
  await page.getByTestId('tab-timeline').click()
  await expect(page).toHaveURL(/#\/events\/timeline$/)
  const rows = Number(await history.canvas.getAttribute('data-rows'))
  expect(rows).toBeGreaterThanOrEqual(4) // default's group and its pods, the cluster's own
  // The learner's pods are the first group: hovering the second row (the first pod) names one of them.
  const box = (await history.canvas.boundingBox())!
  await history.canvas.hover({ position: { x: box.width * 0.6, y: 14 * 1.9 + 14 * 1.6 * 1.5 } })
  await expect(page.getByTestId('timeline-tooltip')).toContainText(/default\/(web|crash)/)
  await page.getByTestId('timeline-group-by').selectOption('node')
  await expect(history.canvas).toHaveAttribute('data-rows', /\d+/)
  await expectNoSeriousAxe(page, 'timeline')
  expect(errors).toEqual([])
})
