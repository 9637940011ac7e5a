import fc from 'fast-check'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { emptyContainer, emptyForm, emptyProbe, type ContainerForm, type FormKind, type ProbeForm, type WorkloadForm } from './model'
import { readForm } from './read'
import { newDocument, removeItem, writeForm } from './write'

// Fields the form does not know, at every level the form writes into: they must survive every form edit.
const WITH_UNKNOWN = `# the learner's comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    team: blue
  labels:
    app: web
spec:
  replicas: 2
  revisionHistoryLimit: 4
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      terminationGracePeriodSeconds: 5
      containers:
      - name: web
        image: nginx
        securityContext:
          runAsNonRoot: false
        ports:
        - containerPort: 80
          hostIP: 127.0.0.1
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: other
`

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/)
const digits = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 9999 }).map(String))
const maybe = (a: fc.Arbitrary<string>) => fc.oneof(fc.constant(''), a)

const probe: fc.Arbitrary<ProbeForm | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    handler: fc.constantFrom('exec' as const, 'httpGet' as const, 'tcpSocket' as const),
    words: fc.array(word, { minLength: 1, maxLength: 3 }),
    path: word.map((w) => `/${w}`),
    port: fc.integer({ min: 1, max: 65535 }).map(String),
    initialDelaySeconds: digits,
    periodSeconds: digits,
    failureThreshold: digits,
  }).map(({ handler, words, path, port, ...timings }) => ({
    ...emptyProbe(),
    handler,
    command: handler === 'exec' ? words.join('\n') : '',
    path: handler === 'httpGet' ? path : '',
    port: handler === 'exec' ? '' : port,
    ...timings,
  })),
)

const container: fc.Arbitrary<ContainerForm> = fc
  .record({
    name: word,
    image: fc.constantFrom('nginx', 'busybox:1.36', 'helloimage'),
    command: fc.array(word, { maxLength: 3 }),
    ports: fc.array(fc.integer({ min: 1, max: 65535 }), { maxLength: 2 }),
    env: fc.uniqueArray(fc.record({ key: word.map((w) => w.toUpperCase().replace(/-/g, '_')), value: maybe(word) }), { maxLength: 2, selector: (e) => e.key }),
    requestsCpu: maybe(fc.constantFrom('100m', '1', '250m')),
    limitsMemory: maybe(fc.constantFrom('64Mi', '1Gi')),
    livenessProbe: probe,
    readinessProbe: probe,
  })
  .map((r) => ({
    ...emptyContainer(r.name, r.image),
    command: r.command.join('\n'),
    ports: r.ports.map((p) => ({ containerPort: String(p), name: '', protocol: '' })),
    env: r.env,
    requestsCpu: r.requestsCpu,
    limitsMemory: r.limitsMemory,
    livenessProbe: r.livenessProbe,
    readinessProbe: r.readinessProbe,
  }))

const form = (kind: FormKind): fc.Arbitrary<WorkloadForm> =>
  fc
    .record({
      name: word,
      labels: fc.uniqueArray(fc.record({ key: word, value: word }), { maxLength: 3, selector: (l) => l.key }),
      containers: fc.array(container, { minLength: 1, maxLength: 2 }),
      replicas: digits,
      strategy: fc.constantFrom('' as const, 'RollingUpdate' as const, 'Recreate' as const),
      maxSurge: maybe(fc.constantFrom('25%', '1')),
      completions: digits,
      backoffLimit: digits,
      restartPolicy: kind === 'Job' ? fc.constantFrom('Never', 'OnFailure') : fc.constantFrom('', 'Always'),
    })
    .map((r) => ({
      ...emptyForm(kind),
      ...r,
      ...(kind === 'Deployment' ? { completions: '', backoffLimit: '' } : { replicas: '', strategy: '' as const, maxSurge: '' }),
      ...(kind === 'Job' ? {} : { completions: '', backoffLimit: '' }),
    }))

function read(text: string): WorkloadForm {
  const r = readForm(text)
  if (!r.ok) throw new Error(`form did not read: ${JSON.stringify(r)}`)
  return r.form
}

describe('form <-> YAML', () => {
  it('round trip: a form written into a new document reads back as the same form (Pod, Deployment, Job)', () => {
    for (const kind of ['Pod', 'Deployment', 'Job'] as const) {
      fc.assert(
        fc.property(form(kind), (f) => {
          expect(read(newDocument(f))).toEqual(f)
        }),
        { numRuns: 60 },
      )
    }
  })

  it('a form edit keeps every field, comment and document the form does not know', () => {
    const before = read(WITH_UNKNOWN)
    fc.assert(
      fc.property(form('Deployment'), (after) => {
        const text = writeForm(WITH_UNKNOWN, before, after)
        expect(read(text)).toEqual(after)
        const [deployment, other] = text.split(/^---$/m).map((d) => parse(d))
        expect(deployment.metadata.annotations).toEqual({ team: 'blue' })
        expect(deployment.spec.revisionHistoryLimit).toBe(4)
        expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBe(5)
        expect(deployment.spec.template.spec.containers[0].securityContext).toEqual({ runAsNonRoot: false })
        if (after.containers[0]!.ports.length > 0) expect(deployment.spec.template.spec.containers[0].ports[0].hostIP).toBe('127.0.0.1')
        expect(other).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other' } })
        expect(text.startsWith("# the learner's comment\n")).toBe(true)
      }),
      { numRuns: 80 },
    )
  })

  it('an edit of one field changes only that line', () => {
    const before = read(WITH_UNKNOWN)
    const text = writeForm(WITH_UNKNOWN, before, { ...before, replicas: '3' })
    expect(text).toBe(WITH_UNKNOWN.replace('replicas: 2', 'replicas: 3'))
  })

  it('a Deployment label edit reaches the selector and the pod template', () => {
    const before = read(WITH_UNKNOWN)
    const text = writeForm(WITH_UNKNOWN, before, { ...before, labels: [{ key: 'app', value: 'shop' }] })
    const d = parse(text.split(/^---$/m)[0]!)
    expect([d.metadata.labels, d.spec.selector.matchLabels, d.spec.template.metadata.labels]).toEqual([{ app: 'shop' }, { app: 'shop' }, { app: 'shop' }])
  })

  it('clearing a container resource removes the emptied resources map, not the container', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests:\n        cpu: 100m\n'
    const before = read(pod)
    const after = { ...before, containers: [{ ...before.containers[0]!, requestsCpu: '' }] }
    expect(writeForm(pod, before, after)).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n')
  })

  it('removing the first of two containers takes its unknown fields with it', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n    tty: true\n  - name: b\n    image: busybox\n'
    expect(parse(removeItem(pod, ['spec', 'containers', 0])).spec.containers).toEqual([{ name: 'b', image: 'busybox' }])
  })

  it('a text that does not parse is left as it is, and the form says why with the line', () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n'
    expect(writeForm(broken, null, emptyForm('Pod'))).toBe(broken)
    expect(readForm(broken)).toMatchObject({ ok: false, problem: 'syntax', line: 4 })
  })

  it('names the kind it cannot show as a form', () => {
    expect(readForm('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n')).toEqual({ ok: false, problem: 'kind', kind: 'Service' })
    expect(readForm('')).toEqual({ ok: false, problem: 'empty' })
  })
})
