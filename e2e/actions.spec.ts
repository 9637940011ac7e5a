// Issue 11 item 8, against the live engine (`podlab serve`): a Deployment of 2 nginx; delete one pod from the UI
// (confirmed, its command shown) and see the ReplicaSet's replacement; kill a container and see RESTARTS 1; step
// the clock to the next event; axe on the open menu and dialog; no console errors (CSP included).

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { ROOT, expect, test } from './fixtures/podlab-host'
import { AppFrame } from './pages/app-frame'
import { collectConsoleErrors } from './fixtures/console-errors'
import { ActionsPage } from './pages/actions-page'
import type { ClusterPage } from './pages/cluster-page'

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
`

test.setTimeout(90_000)

async function podNames(cluster: ClusterPage): Promise<string[]> {
  return cluster.podsTable.locator('tbody tr [data-testid="cell-name"]').allTextContents()
}

/** Advances the clock until every row shows `status` and there are `count` of them. */
async function untilAll(cluster: ClusterPage, count: number, status: string): Promise<void> {
  await expect(async () => {
    const statuses = await cluster.podsTable.locator('tbody tr [data-testid="cell-status"]').allTextContents()
    if (statuses.length !== count || statuses.some((s) => s !== status)) {
      await cluster.advance('10s')
      throw new Error(`pods are ${statuses.join(', ')}`)
    }
  }).toPass({ timeout: 40_000 })
}

async function axe(page: import('@playwright/test').Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([])
}

test('delete a pod and kill a container from the UI, each shown as its command; step to the next event', async ({ clusterPage: cluster, page }) => {
  const errors = collectConsoleErrors(page)
  const actions = new ActionsPage(page)
  await cluster.fillManifest(WEB)
  await cluster.apply()
  await expect(cluster.output).toContainText('deployment.apps/web created')
  await untilAll(cluster, 2, 'Running')
  const [victim, survivor] = (await podNames(cluster)) as [string, string]

  // Delete: the menu shows the command; the dialog asks, shows it again, and runs it.
  const menu = await actions.openMenu(victim)
  await expect(menu.getByTestId('action-delete-pod')).toContainText(`kubectl delete pod ${victim} -n default`)
  await axe(page, 'the actions menu')
  await menu.getByTestId('action-delete-pod').click()
  await expect(actions.command()).toHaveText(`kubectl delete pod ${victim} -n default`)
  await axe(page, 'the confirmation dialog')
  await actions.confirm()
  await expect(actions.output()).toHaveText(`pod "${victim}" deleted`)
  await actions.dismiss()
  // The ReplicaSet makes a replacement with a new name; the deleted pod leaves the list.
  await expect(async () => {
    const names = await podNames(cluster)
    expect(names).toContain(survivor)
    expect(names.filter((n) => n !== victim && n !== survivor)).toHaveLength(1)
  }).toPass({ timeout: 20_000 })
  await untilAll(cluster, 2, 'Running')

  // Kill the survivor's container: SIGKILL from outside; the kubelet restarts it.
  await actions.choose(survivor, 'kill-container')
  await expect(actions.command()).toHaveText(`podlab chaos kill ${survivor} -n default`)
  await actions.confirm()
  await expect(actions.status.getByTestId('action-exit')).toHaveCount(0)
  await expect(async () => {
    const restarts = (await cluster.cell(survivor, 'RESTARTS').textContent()) ?? ''
    if (!restarts.startsWith('1')) {
      await cluster.advance('10s')
      throw new Error(`RESTARTS is ${restarts}`)
    }
  }).toPass({ timeout: 30_000 })
  await actions.dismiss()

  // Step to the next event on a paused clock: it moves, by at most what the next timer asked.
  await cluster.pause()
  const before = await cluster.clockTime.getAttribute('datetime')
  await expect(async () => {
    await actions.stepButton.click()
    expect(await cluster.clockTime.getAttribute('datetime')).not.toBe(before)
  }).toPass({ timeout: 15_000 })
  // The n shortcut does the same from anywhere outside a text field.
  await page.locator('body').click({ position: { x: 2, y: 2 } })
  const afterClick = await cluster.clockTime.getAttribute('datetime')
  await expect(async () => {
    await page.keyboard.press('n')
    expect(await cluster.clockTime.getAttribute('datetime')).not.toBe(afterClick)
  }).toPass({ timeout: 15_000 })

  expect(errors).toEqual([])
})

test("a pod's shell from its menu opens in the console; the menu, dialog and status photographed in both sizes, languages and themes", async ({ clusterPage: cluster, page }) => {
  const errors = collectConsoleErrors(page)
  const actions = new ActionsPage(page)
  const frame = new AppFrame(page)
  await cluster.fillManifest(WEB)
  await cluster.apply()
  await untilAll(cluster, 2, 'Running')
  const [first] = (await podNames(cluster)) as [string]

  // exec: its line is typed into the console's terminal, where the shell answers.
  const menu = await actions.openMenu(first)
  await menu.getByTestId('action-exec').click()
  const terminal = page.getByTestId('console').locator('.xterm-rows')
  await expect(terminal).toContainText(`$ kubectl exec -it ${first} -n default -- sh`)
  await page.keyboard.type('echo hello-from-$HOSTNAME')
  await page.keyboard.press('Enter')
  await expect(terminal).toContainText(`hello-from-${first}`)
  await page.keyboard.press('Control+D')

  // Chaos mode on, then off, from the Cluster view's header.
  await page.getByTestId('chaos-start').click()
  await expect(actions.command()).toHaveText('podlab chaos random --rate 2')
  await actions.confirm()
  await expect(page.getByTestId('chaos-state')).toHaveText('on')
  await expect(actions.output()).toContainText('random chaos: 2 per minute')
  await page.getByTestId('chaos-stop').click()
  await expect(page.getByTestId('chaos-state')).toHaveText('off')
  await actions.dismiss()
  await cluster.pause()

  const shots = join(ROOT, 'test-results/screenshots')
  mkdirSync(shots, { recursive: true })
  for (const lang of ['en', 'ko'] as const) {
    await frame.language(lang)
    for (const theme of ['light', 'dark'] as const) {
      await frame.theme.selectOption(theme)
      for (const size of [{ width: 1280, height: 800 }, { width: 900, height: 600 }]) {
        await page.setViewportSize(size)
        await frame.fontsReady()
        const name = `${size.width}x${size.height}-${lang}-${theme}`
        await actions.openMenu(first)
        await page.screenshot({ path: join(shots, `actions-menu-${name}.png`), caret: 'hide' })
        await page.keyboard.press('Escape')
        await actions.choose(first, 'delete-pod')
        await page.screenshot({ path: join(shots, `actions-dialog-${name}.png`), caret: 'hide' })
        await actions.dialog.getByTestId('action-cancel').click()
        await expect(actions.dialog).toBeHidden()
      }
    }
  }
  expect(errors).toEqual([])
})
