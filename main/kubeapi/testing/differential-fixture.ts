// The differential harness's one cluster (see ./differential.ts): a pod in every state the simulator makes, and an
// object of every kind Podlab serves, built by the engine itself so that kubectl's eyes read Podlab's own data.

import type { HostEngine } from '../../engine'

const pod = (name: string, spec: Record<string, unknown>, labels: Record<string, string> = { run: name }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec,
})

/** Pods in the states `kubectl get pods` shows: the name says which. */
export const STATE_PODS = {
  running: pod('mynginx', { containers: [{ name: 'nginx', image: 'nginx' }] }),
  crashLoop: pod('crasher', { containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'echo starting; exit 1'] }] }),
  imagePull: pod('badimage', { containers: [{ name: 'app', image: 'nginx:no-such-tag' }] }),
  unschedulable: pod('toobig', { containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '100' } } }] }),
  completed: pod('done', { restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'echo hello from done'] }] }),
  oomKilled: pod('oom', { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resources: { limits: { memory: '128Mi' } } }] }),
  probed: pod('probed', {
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80 }],
        livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 },
        readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 2 },
        env: [{ name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'settings', key: 'greeting' } } }],
      },
    ],
  }),
  initWaiting: pod('initing', {
    initContainers: [{ name: 'wait', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }],
    containers: [{ name: 'app', image: 'nginx' }],
  }),
  terminating: pod('leaving', { terminationGracePeriodSeconds: 120, containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }] }),
} as const

export const DEPLOYMENT = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
  },
}

export const JOB = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'pi' },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'busybox', command: ['sh', '-c', 'echo 3.14159'] }] } } },
}

const CONFIG = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels: { owner: 'ops' } } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { greeting: 'hello', 'app.properties': 'color=blue\nsize=3\n' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: 'team' }, data: { k: 'v' } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, stringData: { username: 'admin', password: 's3cr3t!' } },
]

/**
 * Builds the harness's cluster on `engine` (seed 1, manual clock): the config objects, the state pods, the
 * Deployment `web` rolled once to a second revision, the Job `pi`; 90 virtual seconds on, `oom` OOM-killed, then
 * 30 more, `leaving` deleted meanwhile (Terminating). The same calls on two engines give two identical clusters.
 */
export function buildScenario(engine: HostEngine): void {
  for (const object of CONFIG) engine.create(object)
  for (const object of Object.values(STATE_PODS)) engine.create(object)
  engine.create(DEPLOYMENT)
  engine.create(JOB)
  engine.advance(60_000)
  engine.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } })
  engine.advance(30_000)
  engine.chaos({ op: 'oom', pod: 'oom' })
  // A `sleep` as PID 1 ignores SIGTERM: `leaving` stays Terminating for its 120 s grace period.
  engine.delete('pods', 'default', 'leaving')
  engine.advance(30_000)
  // Made last so that the names drawn before stay as they were: a one-key Secret describe can show (kubectl
  // prints a Secret's or ConfigMap's keys in Go's map order, which for two keys differs from run to run).
  engine.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token', namespace: 'team' }, type: 'Opaque', stringData: { token: 'abc123' } })
}
