// The manifest form's model (issue 11 item 2): the fields of a Pod, a Deployment and a Job a learner fills in,
// as the form shows them (text in inputs; numbers as the digits typed). YAML <-> model lives in read.ts and
// write.ts; the components only bind to this.

export const FORM_KINDS = ['Pod', 'Deployment', 'Job'] as const
export type FormKind = (typeof FORM_KINDS)[number]

export interface KeyValue {
  key: string
  value: string
}

export const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket'] as const
export type ProbeHandler = (typeof PROBE_HANDLERS)[number]

/** A probe (core/v1 Probe): one handler, then its timings. Numbers are the digits typed ('' when unset). */
export interface ProbeForm {
  handler: ProbeHandler
  /** exec.command, one argument a line. */
  command: string
  /** httpGet.path. */
  path: string
  /** httpGet.port or tcpSocket.port: a number or a port name. */
  port: string
  initialDelaySeconds: string
  periodSeconds: string
  timeoutSeconds: string
  successThreshold: string
  failureThreshold: string
}

export const PROBE_KINDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const
export type ProbeKind = (typeof PROBE_KINDS)[number]

export interface PortForm {
  containerPort: string
  name: string
  protocol: string
}

export interface MountForm {
  name: string
  mountPath: string
}

/** A pod volume: the form makes emptyDir ones; another source (configMap...) is kept as the YAML has it. */
export interface VolumeForm {
  name: string
  emptyDir: boolean
}

export interface ContainerForm {
  name: string
  image: string
  /** command and args, one argument a line (no shell quoting to get wrong). */
  command: string
  args: string
  ports: PortForm[]
  env: KeyValue[]
  requestsCpu: string
  requestsMemory: string
  limitsCpu: string
  limitsMemory: string
  livenessProbe: ProbeForm | null
  readinessProbe: ProbeForm | null
  startupProbe: ProbeForm | null
  volumeMounts: MountForm[]
}

export interface WorkloadForm {
  kind: FormKind
  name: string
  namespace: string
  /** The object's labels; a Deployment's selector and pod template take them too, a Job's template does. */
  labels: KeyValue[]
  restartPolicy: string
  containers: ContainerForm[]
  volumes: VolumeForm[]
  /** Deployment. */
  replicas: string
  strategy: '' | 'RollingUpdate' | 'Recreate'
  maxSurge: string
  maxUnavailable: string
  /** Job. */
  completions: string
  parallelism: string
  backoffLimit: string
}

export function emptyProbe(): ProbeForm {
  return { handler: 'exec', command: '', path: '', port: '', initialDelaySeconds: '', periodSeconds: '', timeoutSeconds: '', successThreshold: '', failureThreshold: '' }
}

export function emptyContainer(name = '', image = ''): ContainerForm {
  return {
    name,
    image,
    command: '',
    args: '',
    ports: [],
    env: [],
    requestsCpu: '',
    requestsMemory: '',
    limitsCpu: '',
    limitsMemory: '',
    livenessProbe: null,
    readinessProbe: null,
    startupProbe: null,
    volumeMounts: [],
  }
}

export function emptyForm(kind: FormKind): WorkloadForm {
  return {
    kind,
    name: '',
    namespace: '',
    labels: [],
    restartPolicy: '',
    containers: [],
    volumes: [],
    replicas: '',
    strategy: '',
    maxSurge: '',
    maxUnavailable: '',
    completions: '',
    parallelism: '',
    backoffLimit: '',
  }
}

/** The apiVersion each kind of the form is written with. */
export const API_VERSIONS: Record<FormKind, string> = { Pod: 'v1', Deployment: 'apps/v1', Job: 'batch/v1' }

/** Where the pod spec is in each kind. */
export function podSpecPath(kind: FormKind): string[] {
  return kind === 'Pod' ? ['spec'] : ['spec', 'template', 'spec']
}
