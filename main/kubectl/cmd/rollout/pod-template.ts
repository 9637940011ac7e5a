// printTemplate (kubectl pkg/polymorphichelpers/history.go) over describe.DescribePodTemplate (pkg/describe/describe.go,
// v0.32.5): a revision's pod template as `rollout history --revision=N` and `rollout undo --dry-run=client` print
// it, with describe's PrefixWriter levels (two spaces each) and its raw tabs. Covers the fields kubectl run, create
// deployment and the notes' manifests set: labels, annotations, containers (image, the first port, command, args,
// limits, requests, env values, mounts), volumes by name, node selectors and tolerations.

import type { PodTemplate } from './replicasets'

interface Container {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  ports?: Array<{ containerPort: number; hostPort?: number; protocol?: string }>
  env?: Array<{ name: string; value?: string; valueFrom?: unknown }>
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> }
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }>
}

/** The text (ending in a newline) of `Pod Template:` and what is under it. */
export function describePodTemplate(template: PodTemplate): string {
  let out = 'Pod Template:\n'
  out += mapLines('  Labels', template.metadata?.labels, '=')
  const annotations = template.metadata?.annotations ?? {}
  if (Object.keys(annotations).length > 0) out += mapLines('  Annotations', annotations, ': ')
  const spec = (template.spec ?? {}) as { containers?: Container[]; initContainers?: Container[]; volumes?: Array<{ name: string }>; nodeSelector?: Record<string, string>; tolerations?: Array<Record<string, unknown>>; serviceAccountName?: string }
  if (spec.serviceAccountName) out += `  Service Account:\t${spec.serviceAccountName}\n`
  if (spec.initContainers?.length) out += '  Init Containers:\n' + spec.initContainers.map(container).join('')
  out += '  Containers:\n' + (spec.containers ?? []).map(container).join('')
  out += spec.volumes?.length ? '  Volumes:\n' + spec.volumes.map((v) => `   ${v.name}:\n`).join('') : '  Volumes:\t<none>\n'
  out += mapLines('  Node-Selectors', spec.nodeSelector, '=')
  out += spec.tolerations?.length ? `  Tolerations:\t${spec.tolerations.map(toleration).join('\n\t')}\n` : '  Tolerations:\t<none>\n'
  return out
}

/** printLabelsMultiline / printAnnotationsMultiline: sorted, the first after the title, the rest on lines of their own. */
function mapLines(title: string, m: Record<string, string> | undefined, sep: string): string {
  const keys = Object.keys(m ?? {}).sort()
  if (keys.length === 0) return `${title}:\t<none>\n`
  return `${title}:\t${keys.map((k) => `${k}${sep}${m![k]}`).join('\n\t')}\n`
}

/** describeContainerBasicInfo and the rest of describeContainers, at the template's level. */
function container(c: Container): string {
  let out = `   ${c.name}:\n    Image:\t${c.image ?? ''}\n`
  const port = c.ports?.[0]
  out += port ? `    Port:\t${port.containerPort}/${port.protocol ?? 'TCP'}\n    Host Port:\t${port.hostPort ?? 0}/${port.protocol ?? 'TCP'}\n` : '    Port:\t<none>\n    Host Port:\t<none>\n'
  if (c.command?.length) out += `    Command:\n${c.command.map((a) => `      ${a}\n`).join('')}`
  if (c.args?.length) out += `    Args:\n${c.args.map((a) => `      ${a}\n`).join('')}`
  for (const [title, list] of [['Limits', c.resources?.limits], ['Requests', c.resources?.requests]] as const) {
    const keys = Object.keys(list ?? {}).sort()
    if (keys.length > 0) out += `    ${title}:\n${keys.map((k) => `      ${k}:\t${list![k]}\n`).join('')}`
  }
  out += c.env?.length ? `    Environment:\n${c.env.map((e) => `      ${e.name}:\t${e.value ?? ''}\n`).join('')}` : '    Environment:\t<none>\n'
  out += c.volumeMounts?.length
    ? `    Mounts:\n${c.volumeMounts.map((m) => `      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`).join('')}`
    : '    Mounts:\t<none>\n'
  return out
}

function toleration(t: Record<string, unknown>): string {
  const key = (t.key as string | undefined) ?? ''
  const value = t.value ? `=${t.value as string}` : ''
  const effect = t.effect ? `:${t.effect as string}` : ''
  const op = t.operator === 'Exists' && !key ? ' op=Exists' : t.operator === 'Exists' ? ' op=Exists' : ''
  const seconds = typeof t.tolerationSeconds === 'number' ? ` for ${t.tolerationSeconds}s` : ''
  return `${key}${value}${effect}${op}${seconds}`
}
