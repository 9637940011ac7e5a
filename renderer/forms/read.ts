// YAML -> form: the first document of the editor's text, as the form shows it. Fields the form does not know
// are not read (write.ts never touches them). A text that does not parse, or whose first document is not a
// Pod, Deployment or Job, gives the reason the form cannot show it.

import { LineCounter, isScalar, parseAllDocuments, type Document } from 'yaml'
import {
  FORM_KINDS,
  PROBE_HANDLERS,
  PROBE_KINDS,
  emptyContainer,
  emptyForm,
  podSpecPath,
  type ContainerForm,
  type FormKind,
  type ProbeForm,
  type WorkloadForm,
} from './model'

type Obj = Record<string, unknown>

export type FormRead =
  | { ok: true; form: WorkloadForm; /** Documents in the text; the form edits the first. */ documents: number }
  /** `syntax`: the YAML does not parse (message and 1-based line); `kind`: the first document is another kind; `empty`: nothing to show. */
  | { ok: false; problem: 'syntax'; message: string; line: number }
  | { ok: false; problem: 'kind'; kind: string }
  | { ok: false; problem: 'empty' }

/** go-yaml v2 reads YAML 1.1 (`yes` is true, `0755` octal): the form reads and writes the same way. */
export const YAML_OPTIONS = { version: '1.1', uniqueKeys: false, prettyErrors: false } as const

/** The documents of `text` with content (the ones kubectl would decode). */
export function contentDocuments(text: string, lineCounter?: LineCounter): Document.Parsed[] {
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter })
  return (Array.isArray(docs) ? docs : []).filter((d) => d.errors.length > 0 || (d.contents !== null && !(isScalar(d.contents) && d.contents.value === null)))
}

export function readForm(text: string): FormRead {
  const lines = new LineCounter()
  const docs = contentDocuments(text, lines)
  const broken = docs.find((d) => d.errors.length > 0)
  if (broken) {
    const error = broken.errors[0]!
    // An error found at the end of the text (an unclosed `[`) is shown on the last line that has something.
    const last = text.trimEnd().split('\n').length
    return { ok: false, problem: 'syntax', message: error.message.split('\n')[0]!, line: Math.min(lines.linePos(error.pos[0]).line, last) }
  }
  if (docs.length === 0) return { ok: false, problem: 'empty' }
  const object = asObject(docs[0]!.toJS())
  const kind = str(object.kind)
  if (!(FORM_KINDS as readonly string[]).includes(kind)) return { ok: false, problem: 'kind', kind }
  return { ok: true, form: formOf(kind as FormKind, object), documents: docs.length }
}

const asObject = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {})
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
/** A scalar as the form shows it; collections and null are ''. */
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '')
const lines = (v: unknown): string => asList(v).map(str).join('\n')

function at(object: Obj, path: string[]): Obj {
  return path.reduce<Obj>((o, k) => asObject(o[k]), object)
}

export function formOf(kind: FormKind, object: Obj): WorkloadForm {
  const form = emptyForm(kind)
  const metadata = asObject(object.metadata)
  const spec = asObject(object.spec)
  const pod = at(object, podSpecPath(kind))
  form.name = str(metadata.name)
  form.namespace = str(metadata.namespace)
  form.labels = Object.entries(asObject(metadata.labels)).map(([key, value]) => ({ key, value: str(value) }))
  form.restartPolicy = str(pod.restartPolicy)
  form.containers = asList(pod.containers).map((c) => containerOf(asObject(c)))
  form.volumes = asList(pod.volumes).map((v) => ({ name: str(asObject(v).name), emptyDir: 'emptyDir' in asObject(v) }))
  if (kind === 'Deployment') {
    const strategy = asObject(spec.strategy)
    const rolling = asObject(strategy.rollingUpdate)
    form.replicas = str(spec.replicas)
    form.strategy = strategy.type === 'RollingUpdate' || strategy.type === 'Recreate' ? strategy.type : ''
    form.maxSurge = str(rolling.maxSurge)
    form.maxUnavailable = str(rolling.maxUnavailable)
  }
  if (kind === 'Job') {
    form.completions = str(spec.completions)
    form.parallelism = str(spec.parallelism)
    form.backoffLimit = str(spec.backoffLimit)
  }
  return form
}

function containerOf(c: Obj): ContainerForm {
  const container = emptyContainer(str(c.name), str(c.image))
  container.command = lines(c.command)
  container.args = lines(c.args)
  container.ports = asList(c.ports).map((p) => {
    const port = asObject(p)
    return { containerPort: str(port.containerPort), name: str(port.name), protocol: str(port.protocol) }
  })
  container.env = asList(c.env).map((e) => ({ key: str(asObject(e).name), value: str(asObject(e).value) }))
  const requests = at(c, ['resources', 'requests'])
  const limits = at(c, ['resources', 'limits'])
  container.requestsCpu = str(requests.cpu)
  container.requestsMemory = str(requests.memory)
  container.limitsCpu = str(limits.cpu)
  container.limitsMemory = str(limits.memory)
  for (const kind of PROBE_KINDS) container[kind] = c[kind] && typeof c[kind] === 'object' ? probeOf(asObject(c[kind])) : null
  container.volumeMounts = asList(c.volumeMounts).map((m) => ({ name: str(asObject(m).name), mountPath: str(asObject(m).mountPath) }))
  return container
}

function probeOf(p: Obj): ProbeForm {
  const handler = PROBE_HANDLERS.find((h) => h in p) ?? 'exec'
  return {
    handler,
    command: lines(at(p, ['exec']).command),
    path: str(at(p, ['httpGet']).path),
    port: str((handler === 'tcpSocket' ? at(p, ['tcpSocket']) : at(p, ['httpGet'])).port),
    initialDelaySeconds: str(p.initialDelaySeconds),
    periodSeconds: str(p.periodSeconds),
    timeoutSeconds: str(p.timeoutSeconds),
    successThreshold: str(p.successThreshold),
    failureThreshold: str(p.failureThreshold),
  }
}
