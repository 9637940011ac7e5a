// @kubernetes/client-node (the JavaScript client a learner's program uses) against the REST door, configured from
// the kubeconfig text `podlab serve` writes: typed calls (list, create, patch, delete, logs, status) and an
// informer that follows the cluster as the engine's clock runs and controllers act.

import { AppsV1Api, CoreV1Api, KubeConfig, KubernetesObjectApi, ListWatch, loadAllYaml, makeInformer, PatchStrategy, setHeaderOptions, type KubernetesObject, type V1Pod } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kubeconfigText } from './kubeconfig'
import { apiCluster, type ApiCluster } from './testing/api-cluster'

let c: ApiCluster
let core: CoreV1Api
let apps: AppsV1Api
let kc: KubeConfig
beforeAll(async () => {
  c = await apiCluster({ watch: { historyRevisions: 10_000, bookmarkMs: 100 } })
  kc = new KubeConfig()
  kc.loadFromString(kubeconfigText(c.api.url))
  core = kc.makeApiClient(CoreV1Api)
  apps = kc.makeApiClient(AppsV1Api)
})
afterAll(async () => {
  await c.close()
})

const pod = (name: string, labels: Record<string, string> = { app: name }): V1Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', `echo hello from ${name}; sleep 3600`] }] },
})

/** Waits (bounded, on the wall clock: the informer's HTTP runs in this process) until `check` holds. */
async function eventually(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('@kubernetes/client-node typed calls', () => {
  it('lists the pods of kube-system with the list metadata a client pages with', async () => {
    const list = await core.listNamespacedPod({ namespace: 'kube-system', limit: 3 })
    expect(list.items).toHaveLength(3)
    expect(list.items.every((p) => p.metadata?.namespace === 'kube-system')).toBe(true)
    expect(list.metadata?.resourceVersion).toMatch(/^\d+$/)
    expect(list.metadata?._continue).toEqual(expect.any(String))
    const rest = await core.listNamespacedPod({ namespace: 'kube-system', _continue: list.metadata?._continue })
    const all = await core.listNamespacedPod({ namespace: 'kube-system' })
    expect([...list.items, ...rest.items].map((p) => p.metadata?.name)).toEqual(all.items.map((p) => p.metadata?.name))
  })

  it('creates a pod, reads its status as the kubelet writes it, and its log', async () => {
    const created = await core.createNamespacedPod({ namespace: 'default', body: pod('talker') })
    expect(created.metadata?.uid).toEqual(expect.any(String))
    c.engine.advance(30_000)
    const status = await core.readNamespacedPodStatus({ name: 'talker', namespace: 'default' })
    expect(status.status?.phase).toBe('Running')
    expect(status.status?.containerStatuses?.[0]?.ready).toBe(true)
    // The typed client turns RFC 3339 times into Dates: the door's times parse.
    expect(status.status?.startTime).toBeInstanceOf(Date)
    const log = await core.readNamespacedPodLog({ name: 'talker', namespace: 'default', container: 'c' })
    expect(log).toBe('hello from talker\n')
  })

  it('patches with a merge patch and a strategic merge patch (containers merged by name)', async () => {
    const merged = await core.patchNamespacedPod(
      { name: 'talker', namespace: 'default', body: { metadata: { labels: { tier: 'front' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )
    expect(merged.metadata?.labels).toEqual({ app: 'talker', tier: 'front' })
    const strategic = await core.patchNamespacedPod(
      { name: 'talker', namespace: 'default', body: { spec: { containers: [{ name: 'c', image: 'busybox:1.37' }] } } },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    )
    expect(strategic.spec?.containers.map((x) => [x.name, x.image, x.command?.[0]])).toEqual([['c', 'busybox:1.37', 'sh']])
    const json = await core.patchNamespacedPod({ name: 'talker', namespace: 'default', body: [{ op: 'remove', path: '/metadata/labels/tier' }] })
    expect(json.metadata?.labels).toEqual({ app: 'talker' })
  })

  it('deletes a pod (the pod comes back, with its deletionTimestamp) and then reads a 404 as an ApiException', async () => {
    const deleted = await core.deleteNamespacedPod({ name: 'talker', namespace: 'default', gracePeriodSeconds: 0 })
    expect(deleted.metadata?.name).toBe('talker')
    const missing = await core.readNamespacedPod({ name: 'talker', namespace: 'default' }).catch((e: unknown) => e)
    expect(missing).toMatchObject({ code: 404 })
    expect(JSON.parse((missing as { body: string }).body)).toMatchObject({ reason: 'NotFound', message: 'pods "talker" not found' })
  })
})

describe('the generic KubernetesObjectApi (client-node README "apply" pattern: read, else create)', () => {
  const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: generic
spec:
  replicas: 1
  selector:
    matchLabels: {app: generic}
  template:
    metadata:
      labels: {app: generic}
    spec:
      containers:
      - name: nginx
        image: nginx
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: generic
data:
  greeting: hello
`

  it('maps kinds to resources through discovery, dry-runs, creates, then patches what exists', async () => {
    const client = KubernetesObjectApi.makeApiClient(kc)
    const specs = loadAllYaml(manifest) as KubernetesObject[]
    for (const spec of specs) {
      const dry = await client.create(spec, undefined, 'All')
      expect(dry.metadata?.uid).toEqual(expect.any(String))
    }
    await expect(client.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'generic', namespace: 'default' } })).rejects.toMatchObject({ code: 404 })
    for (const spec of specs) {
      const exists = await client.read({ apiVersion: spec.apiVersion ?? '', kind: spec.kind ?? '', metadata: { name: spec.metadata?.name ?? '', namespace: 'default' } }).then(
        () => true,
        () => false,
      )
      if (exists) await client.patch(spec, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch)
      else await client.create(spec)
    }
    const configMap = await client.read<KubernetesObject & { data?: Record<string, string> }>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'generic', namespace: 'default' } })
    expect(configMap.data).toEqual({ greeting: 'hello' })
    const list = await client.list('apps/v1', 'Deployment', 'default')
    expect(list.items.map((d) => d.metadata?.name)).toContain('generic')
  })

  it('writes a Deployment status through the status subresource, as a learner\'s own controller would', async () => {
    c.engine.advance(10_000)
    const written = await apps.patchNamespacedDeploymentStatus(
      { name: 'generic', namespace: 'default', body: { status: { conditions: [{ type: 'Example', status: 'True', reason: 'Mine', message: 'set by a learner' }] } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )
    expect(written.status?.conditions).toEqual([expect.objectContaining({ type: 'Example', reason: 'Mine' })])
    expect(written.spec?.replicas).toBe(1)
  })
})

describe('an informer (makeInformer) on the pods of default', () => {
  it('sees pods added, updated and deleted, and a Deployment replace a deleted pod, as the clock runs', async () => {
    const seen: string[] = []
    const informer = makeInformer(kc, '/api/v1/namespaces/default/pods', () => core.listNamespacedPod({ namespace: 'default' }))
    informer.on('add', (p) => seen.push(`add ${p.metadata?.name}`))
    informer.on('update', (p) => seen.push(`update ${p.metadata?.name} ${p.status?.phase ?? ''}`))
    informer.on('delete', (p) => seen.push(`delete ${p.metadata?.name}`))
    const errors: unknown[] = []
    informer.on('error', (e) => errors.push(e))
    await informer.start()
    try {
      await core.createNamespacedPod({ namespace: 'default', body: pod('watched') })
      await eventually(() => seen.includes('add watched'), 'the ADDED pod')
      c.engine.advance(30_000)
      await eventually(() => seen.includes('update watched Running'), 'the pod Running')
      await core.deleteNamespacedPod({ name: 'watched', namespace: 'default', gracePeriodSeconds: 0 })
      await eventually(() => seen.includes('delete watched'), 'the DELETED pod')
      expect(informer.get('watched', 'default')).toBeUndefined()

      await apps.createNamespacedDeployment({
        namespace: 'default',
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web' },
          spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
        },
      })
      c.engine.advance(30_000)
      const web = () => informer.list('default').filter((p) => p.metadata?.labels?.app === 'web')
      await eventually(() => web().length === 2 && web().every((p) => p.status?.phase === 'Running'), 'two Running pods of the Deployment')
      const victim = web()[0]?.metadata?.name as string
      await core.deleteNamespacedPod({ name: victim, namespace: 'default', gracePeriodSeconds: 0 })
      c.engine.advance(30_000)
      await eventually(() => seen.includes(`delete ${victim}`), 'the deleted replica')
      await eventually(() => web().length === 2 && web().every((p) => p.metadata?.name !== victim && p.status?.phase === 'Running'), 'the replacement Running')
      // The informer's cache is what the API server has.
      const listed = (await core.listNamespacedPod({ namespace: 'default' })).items.map((p) => p.metadata?.name).sort()
      await eventually(() => JSON.stringify(informer.list('default').map((p) => p.metadata?.name).sort()) === JSON.stringify(listed), 'the cache to equal the list')
      expect(errors).toEqual([])
    } finally {
      await informer.stop()
    }
  })
})

describe('an informer resumed after its watch history is gone', () => {
  it('is answered 410 Expired, relists, and hears what it missed as deletes and adds', async () => {
    const small = await apiCluster({ watch: { historyRevisions: 20, bookmarkMs: 60_000 } })
    const smallConfig = new KubeConfig()
    smallConfig.loadFromString(kubeconfigText(small.api.url))
    const smallCore = smallConfig.makeApiClient(CoreV1Api)
    const seen: string[] = []
    let lists = 0
    const informer = makeInformer(smallConfig, '/api/v1/namespaces/default/pods', () => (lists++, smallCore.listNamespacedPod({ namespace: 'default' })))
    informer.on('add', (p) => seen.push(`add ${p.metadata?.name}`))
    informer.on('delete', (p) => seen.push(`delete ${p.metadata?.name}`))
    try {
      await smallCore.createNamespacedPod({ namespace: 'default', body: pod('before') })
      await informer.start()
      await eventually(() => seen.includes('add before'), 'the first pod')
      await informer.stop()
      const stale = (informer as unknown as ListWatch<V1Pod>).latestResourceVersion()
      await smallCore.deleteNamespacedPod({ name: 'before', namespace: 'default', gracePeriodSeconds: 0 })
      await smallCore.createNamespacedPod({ namespace: 'default', body: pod('after') })
      small.engine.advance(30_000)
      // More changes than the door's 20 revisions of history.
      for (let i = 0; i < 25; i++) await smallCore.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: `filler-${i}` } } })
      expect(Number(small.engine.info().resourceVersion) - Number(stale)).toBeGreaterThan(20)
      await informer.start()
      await eventually(() => seen.includes('delete before') && seen.includes('add after'), 'the relist after 410')
      expect(informer.list('default').map((p) => p.metadata?.name)).toEqual(['after'])
      // Heard through a second list, not a replay: the door no longer had the history after `stale`.
      expect(lists).toBe(2)
      expect(Number((informer as unknown as ListWatch<V1Pod>).latestResourceVersion())).toBeGreaterThan(Number(stale) + 20)
    } finally {
      await informer.stop()
      await small.close()
    }
  })
})
