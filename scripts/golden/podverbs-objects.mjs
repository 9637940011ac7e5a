#!/usr/bin/env node
// The objects the podverbs goldens (cmd/{logs,exec,top,drain,taint}/testdata) are recorded from, made by Podlab
// itself: run by hand after `npm run build`:   node scripts/golden/podverbs-objects.mjs
// It applies main/kubectl/cmd/logs/testdata/manifests/scenario.yaml to a fresh cluster file, runs the clock 90 s,
// adds a pod that has just been created (its container is still ContainerCreating), and writes what
// `podlab kubectl get ... -o json` and `podlab kubectl logs` answer into main/kubectl/cmd/logs/testdata/cluster.json:
// { objects: [pods, nodes, deployments, jobs], podMetrics, nodeMetrics, logs: {"ns/pod/container": text},
//   logErrors: {"ns/pod/container[/previous]": Status} }. The DaemonSets (Podlab serves none yet) are written
// by hand from the pods' ownerReferences, so that kubectl's drain finds them as on a kind cluster.

import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const DIR = path.join(ROOT, 'main/kubectl/cmd/logs/testdata')
const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'podverbs-')), 'c.podlab')
const podlab = (...args) => execFileSync(path.join(ROOT, 'bin/podlab'), ['--db', db, ...args], { encoding: 'utf8' })
const items = (...args) => JSON.parse(podlab('kubectl', 'get', ...args, '-o', 'json')).items

podlab('kubectl', 'apply', '-f', path.join(DIR, 'manifests/scenario.yaml'))
podlab('advance', '90s')
fs.writeFileSync(path.join(os.tmpdir(), 'podverbs-late.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: late\nspec:\n  containers:\n  - name: app\n    image: nginx\n')
podlab('kubectl', 'apply', '-f', path.join(os.tmpdir(), 'podverbs-late.yaml'))

const pods = items('pods', '-A')
const logs = {}
const logErrors = {}
for (const pod of pods.filter((p) => p.metadata.namespace === 'default')) {
  const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name)
  for (const c of containers) {
    for (const previous of [false, true]) {
      const key = `default/${pod.metadata.name}/${c}${previous ? '/previous' : ''}`
      const r = spawnSync(path.join(ROOT, 'bin/podlab'), ['--db', db, 'kubectl', 'logs', pod.metadata.name, '-c', c, ...(previous ? ['-p'] : [])], { encoding: 'utf8' })
      if (r.status === 0) logs[key] = r.stdout
      else {
        const m = /^Error from server \((\w+)\): (.*)\n$/.exec(r.stderr)
        if (!m) throw new Error(`unexpected logs error for ${key}: ${r.stderr}`)
        logErrors[key] = { code: m[1] === 'NotFound' ? 404 : 400, reason: m[1], message: m[2] }
      }
    }
  }
}
const daemonSets = [...new Map(pods.flatMap((p) => (p.metadata.ownerReferences ?? []).filter((r) => r.kind === 'DaemonSet').map((r) => [r.name, { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: r.name, namespace: p.metadata.namespace, uid: r.uid } }]))).values()]
const cluster = {
  objects: [...pods, ...items('nodes'), ...items('deployments'), ...items('jobs'), ...daemonSets],
  podMetrics: items('pods.metrics.k8s.io', '-A'),
  nodeMetrics: items('nodes.metrics.k8s.io'),
  logs,
  logErrors,
}
fs.writeFileSync(path.join(DIR, 'cluster.json'), `${JSON.stringify(cluster, null, 1)}\n`)
console.log(`${cluster.objects.length} objects, ${Object.keys(logs).length} logs, ${Object.keys(logErrors).length} log errors`)
