// The fake API server's answers for `kubectl explain`, for a case with `explain: true`: /openapi/v3 and
// /openapi/v3/<group-version> from the very documents Podlab's engine serves (main/engine/api/openapi/v3/, built
// by scripts/openapi/build-openapi.mjs), and discovery of the kinds those documents describe beyond the fake server's
// own (main/engine/api/openapi/documented-resources.ts: Services, StatefulSets, CronJobs...), so the real
// kubectl maps `svc` and `cj` as Podlab's explain does. Returns true when it answered.

import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../main/engine/api/openapi/v3')
const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
const r = (name, kind, shortNames, categories) => ({ name, singularName: kind.toLowerCase(), namespaced: true, kind, verbs: VERBS, shortNames, ...(categories ? { categories } : {}) })
// documented-resources.ts, as discovery lists them.
const CORE = [r('persistentvolumeclaims', 'PersistentVolumeClaim', ['pvc']), r('serviceaccounts', 'ServiceAccount', ['sa']), r('services', 'Service', ['svc'], ['all'])]
const GROUPS = {
  apps: { version: 'v1', resources: [r('daemonsets', 'DaemonSet', ['ds'], ['all']), r('statefulsets', 'StatefulSet', ['sts'], ['all'])] },
  autoscaling: { version: 'v2', resources: [r('horizontalpodautoscalers', 'HorizontalPodAutoscaler', ['hpa'], ['all'])] },
  batch: { version: 'v1', resources: [r('cronjobs', 'CronJob', ['cj'], ['all'])] },
  'networking.k8s.io': { version: 'v1', resources: [r('ingresses', 'Ingress', ['ing'])] },
}

export function handleExplain(res, urlPath, { state, discovery }) {
  const send = (code, text) => {
    res.writeHead(code, { 'Content-Type': 'application/json' })
    res.end(text)
  }
  // Only for explain's cases: other verbs (apply's strategic merge patch) read /openapi/v3 too when served, and
  // their goldens were recorded without it.
  if (!state.explain) return false
  if (urlPath === '/openapi/v3') return send(200, fs.readFileSync(path.join(DIR, 'root.json'), 'utf8')), true
  if (urlPath.startsWith('/openapi/v3/')) {
    const file = path.join(DIR, `${urlPath.slice('/openapi/v3/'.length).replaceAll('/', '__')}.json`)
    if (!fs.existsSync(file)) return false
    return send(200, fs.readFileSync(file, 'utf8')), true
  }
  if (urlPath === '/api/v1') return send(200, JSON.stringify({ ...discovery['/api/v1'], resources: [...discovery['/api/v1'].resources, ...CORE] })), true
  if (urlPath === '/apis') {
    const groups = [...discovery['/apis'].groups]
    for (const [name, { version }] of Object.entries(GROUPS)) {
      if (groups.some((g) => g.name === name)) continue
      const gv = { groupVersion: `${name}/${version}`, version }
      groups.push({ name, versions: [gv], preferredVersion: gv })
    }
    return send(200, JSON.stringify({ ...discovery['/apis'], groups })), true
  }
  const group = /^\/apis\/([^/]+)\/([^/]+)$/.exec(urlPath)
  if (group && GROUPS[group[1]]?.version === group[2]) {
    const base = discovery[urlPath]?.resources ?? []
    return send(200, JSON.stringify({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: `${group[1]}/${group[2]}`, resources: [...base, ...GROUPS[group[1]].resources] })), true
  }
  return false
}
