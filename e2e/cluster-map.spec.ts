// Issue 11 items 6 and 7, as a learner does them: apply a 3-replica nginx Deployment, run the clock, see its 3
// pods Running inside node boxes; open the ownership graph; apply a pod requesting 100 CPUs and read why it is
// Pending; open the image catalog and search it, and look up an image Podlab does not have. No console errors
// (CSP violations included), and axe finds nothing serious on the map, the graph and the catalog.

import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures/podlab-host'
import { collectConsoleErrors } from './fixtures/console-errors'
import { MapPage } from './pages/map-page'

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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

const HUGE = `apiVersion: v1
kind: Pod
metadata:
  name: huge
spec:
  containers:
  - name: c
    image: nginx
    resources:
      requests:
        cpu: "100"
`

async function noSeriousViolations(page: import('@playwright/test').Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([])
}

test.setTimeout(90_000)

test('a Deployment on the map, its ownership graph, why a too-big pod is Pending, and the image catalog', async ({ page, clusterPage: cluster }) => {
  const errors = collectConsoleErrors(page)
  const map = new MapPage(page)
  await map.show('map')
  await expect(map.node('podlab-worker')).toBeVisible()
  await expect(page.getByTestId('map-node-status-podlab-control-plane')).toHaveText('Ready')
  await expect(page.getByTestId('map-node-actions-podlab-worker')).toHaveCount(1)

  await cluster.fillManifest(DEPLOYMENT)
  await cluster.apply()
  await expect(cluster.output).toContainText('deployment.apps/web created')
  await cluster.pause()
  await expect(async () => {
    await cluster.advance('10s')
    await expect(map.podsNamed('web-')).toHaveCount(3, { timeout: 1_000 })
    for (const chip of await map.podsNamed('web-').all()) await expect(chip).toHaveAttribute('data-status', 'Running', { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  // Each Running pod sits inside a worker's box (never the tainted control plane, never the unscheduled box).
  const inWorkers = page.locator('[data-testid^="map-node-podlab-worker"] [data-testid^="map-pod-web-"]')
  await expect(inWorkers).toHaveCount(3)
  await noSeriousViolations(page, 'the cluster map')

  await map.show('graph')
  await expect(map.graphBox('Deployment', 'web')).toBeVisible()
  await expect(map.graph.locator('[data-testid^="graph-ReplicaSet-web-"]')).toHaveCount(1)
  await expect(map.graph.locator('[data-testid^="graph-Pod-web-"]')).toHaveCount(3)
  await expect(map.graph.locator('path.edge')).toHaveCount(4)
  await noSeriousViolations(page, 'the ownership graph')

  await map.show('map')
  await cluster.fillManifest(HUGE)
  await cluster.apply()
  await expect(cluster.output).toContainText('pod/huge created')
  await cluster.advance('10s')
  await expect(map.unscheduled.getByTestId('map-pod-huge')).toHaveAttribute('data-status', 'Pending')
  await map.openWhy('huge')
  const last = map.why.getByTestId('why-last')
  await expect(last).toContainText('0/4 nodes are available')
  await expect(last).toContainText(/podlab-worker: Insufficient cpu \(requests 100, free [\d.]+\)/)
  await expect(last).toContainText('podlab-control-plane: node(s) had untolerated taint')
  await page.getByTestId('why-close').click()

  const first = (await map.podsNamed('web-').first().getAttribute('data-testid'))!.replace('map-pod-', '')
  await map.openWhy(first)
  await expect(map.why.getByTestId('why-binding')).toContainText(/podlab-worker\d? chosen at \d\d:\d\d:\d\d: highest score \d+/)
  await page.getByTestId('why-close').click()

  await map.openCatalog()
  await expect(map.imageRow('nginx')).toBeVisible()
  await map.imageSearch.fill('busy')
  await expect(map.imageRow('busybox')).toBeVisible()
  await expect(map.imageRow('nginx')).toHaveCount(0)
  await map.imageSearch.fill('helloimage')
  await expect(map.imageLookup).toContainText('helloimage is not in Podlab’s catalog; a real registry would answer:')
  await expect(map.imageLookup).toContainText('pull access denied, repository does not exist or may require authorization')
  await noSeriousViolations(page, 'the image catalog')
  await page.keyboard.press('Escape')
  await expect(map.catalog).toHaveCount(0)

  expect(errors).toEqual([])
})
