// The page shows the kubeconfig `podlab serve` wrote for its Kubernetes API, with a Copy button and the line a
// learner types in another terminal, in English and Korean; the kubeconfig it names reaches the same cluster.

import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures/podlab-host'

test('under the pods the page shows the kubeconfig path, copies it, and the kubeconfig reaches the cluster', async ({ clusterPage: cluster, podlabHost, context, page }, testInfo) => {
  const path = page.getByTestId('kubeconfig-path')
  await expect(path).toHaveText(podlabHost.kubeconfig)
  await expect(page.getByTestId('kubeconfig-command')).toHaveText(`KUBECONFIG=${podlabHost.kubeconfig} kubectl get pods`)
  const copy = page.getByTestId('kubeconfig-copy')
  await expect(copy).toHaveText('Copy')

  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await copy.click()
  await expect(copy).toHaveText('Copied')
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(podlabHost.kubeconfig)
  await page.screenshot({ path: testInfo.outputPath('kubeconfig-en.png') })

  await page.getByTestId('language-ko').click()
  await expect(page.getByTestId('kubeconfig-bar')).toContainText('내 컴퓨터의 kubectl로 이 클러스터를 써 보세요:')
  await expect(page.getByTestId('kubeconfig-copy')).toHaveText('복사')
  await page.screenshot({ path: testInfo.outputPath('kubeconfig-ko.png') })

  // What kubectl would do with it: the server it names answers with this cluster's pods.
  await cluster.fillManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-page\nspec:\n  containers:\n  - name: c\n    image: nginx\n')
  await cluster.apply()
  const server = /server: (\S+)/.exec(readFileSync(podlabHost.kubeconfig, 'utf8'))?.[1]
  expect(server).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  const pods = (await (await fetch(`${server}/api/v1/namespaces/default/pods`)).json()) as { items: Array<{ metadata: { name: string } }> }
  expect(pods.items.map((p) => p.metadata.name)).toContain('from-page')
})
