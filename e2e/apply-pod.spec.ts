// A learner's first pod, in the browser against `podlab serve`: the seed manifest from their notes
// (testdata/seed/pod-mynginx.yaml) with its `metadate:` typo, then corrected.

import { expect, test } from './fixtures/podlab-host'
import { CORRECTED_SEED_POD as CORRECTED_POD, SEED_POD } from './fixtures/seed-pod'

test('the corrected seed pod is created and reaches Running 1/1', async ({ clusterPage: cluster }) => {
  expect(CORRECTED_POD).not.toBe(SEED_POD)
  await expect(cluster.podsEmpty).toHaveText('No resources found in default namespace.')

  await cluster.fillManifest(CORRECTED_POD)
  await cluster.apply()
  await expect(cluster.output).toContainText('pod/mynginx created')
  await expect(cluster.output.locator('[data-ok="false"]')).toHaveCount(0)
  await expect(cluster.podRow('mynginx')).toBeVisible()

  // The clock runs in real time; jumping ahead makes the image pull and container start happen now.
  await cluster.advance('1m')
  await expect(async () => {
    const status = (await cluster.cell('mynginx', 'STATUS').textContent()) ?? ''
    if (status !== 'Running') await cluster.advance('10s')
    await expect(cluster.cell('mynginx', 'STATUS')).toHaveText('Running', { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  await expect(cluster.cell('mynginx', 'READY')).toHaveText('1/1')
  await expect(cluster.cell('mynginx', 'NAME')).toHaveText('mynginx')
})

test('the seed pod with its metadate typo fails as kubectl apply fails, and no pod appears', async ({ clusterPage: cluster }) => {
  await cluster.fillManifest(SEED_POD)
  await cluster.apply()

  // kubectl apply cannot even look the object up: it has no name (shared/reference/k8s-behaviour.md §11).
  const error = cluster.output.locator('[data-testid="apply-outcome"][data-ok="false"]')
  await expect(error).toHaveCount(1)
  await expect(error).toContainText('resource name may not be empty')
  expect(await cluster.outputText()).toContain(
    [
      'error: error when retrieving current configuration of:',
      'Resource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"',
      'Name: "", Namespace: "default"',
      'from server for: "STDIN": resource name may not be empty',
    ].join('\n'),
  )
  await expect(cluster.output).not.toContainText('created')

  await cluster.advance('1m')
  await expect(cluster.podsEmpty).toHaveText('No resources found in default namespace.')
  await expect(cluster.page.getByTestId('pod-row-mynginx')).toHaveCount(0)
})
