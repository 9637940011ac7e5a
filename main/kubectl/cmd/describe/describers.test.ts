// Ports of kubectl pkg/describe/describe_test.go (v0.32.5) for what the goldens do not reach: the exact
// annotation wrapping, the generic describer's smart labels, the node's sums with sidecars and huge pages,
// probe lines of every handler, and terminal escapes.
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../kube'
import { fakeEngine } from '../../testing/fake-engine'
import { describeProbe } from './containers'
import { describeConfigMapByName } from './configmap'
import type { DescribeContext } from './describer'
import { printAnnotationsMultiline } from './format'
import { printUnstructuredContent, smartLabelFor } from './generic'
import { describeNodeByName } from './node'
import { describePodByName } from './pod'
import { podQOS } from './qos'
import type { Pod } from './types'
import { LEVEL_0, PrefixWriter } from './prefix-writer'

const NOW = '2025-03-01T12:00:00Z'
const ctx = (objects: unknown[]): DescribeContext => ({ engine: fakeEngine({ objects: objects as KubeObject[], now: NOW }), settings: { showEvents: true, chunkSize: 500 }, nowMs: Date.parse(NOW) })

describe('printAnnotationsMultiline (TestPrintLabelsMultiline)', () => {
  const key = 'MaxLenAnnotation'
  const value = 'a'.repeat(140 - key.length - 2)
  const print = (annotations: Record<string, string>) => {
    const w = new PrefixWriter(true)
    printAnnotationsMultiline(w, 'Annotations', annotations)
    return w.text()
  }
  it.each([
    [{ col1: 'asd', COL2: 'zxc' }, 'Annotations:\tCOL2: zxc\n\tcol1: asd\n'],
    [{ [key]: value }, `Annotations:\t${key}: ${value}\n`],
    [{ [key]: `${value}1` }, `Annotations:\t${key}:\n\t  ${value}1\n`],
    [{ [key]: value + value }, `Annotations:\t${key}:\n\t  ${'a'.repeat(138)}...\n`],
    [{ key: 'value\nwith\nnewlines\n' }, 'Annotations:\tkey:\n\t  value\n\t  with\n\t  newlines\n'],
    [{}, 'Annotations:\t<none>\n'],
    [{ 'kubectl.kubernetes.io/last-applied-configuration': '{}' }, 'Annotations:\t<none>\n'],
  ])('%j', (annotations, want) => {
    expect(print(annotations)).toBe(want)
  })
})

describe('the generic describer (TestDescribeUnstructuredContent)', () => {
  it('prints every field sorted under smart labels, skipping the given paths', () => {
    const w = new PrefixWriter(true)
    const obj = {
      apiVersion: 'v1',
      kind: 'Test',
      dummyDummy: 'present',
      'dummy/dummy': 'present',
      'dummy-dummy@dummy': 'present',
      'dummy-dummy': 'present',
      dummy1: 'present',
      dummy2: 'present',
      metadata: { name: 'MyName', namespace: 'MyNamespace', creationTimestamp: '2017-04-01T00:00:00Z', resourceVersion: 123, uid: '00000000-0000-0000-0000-000000000001', dummy3: 'present' },
      items: [{ itemBool: true, itemInt: 42 }],
      url: 'http://localhost',
      status: 'ok',
    }
    printUnstructuredContent(w, LEVEL_0, obj, '', ['.dummy1', '.metadata.dummy3'])
    const out = w.text()
    expect(out).toContain(`API Version:\tv1
Dummy - Dummy:\tpresent
dummy-dummy@dummy:\tpresent
dummy/dummy:\tpresent
dummy2:\tpresent
Dummy Dummy:\tpresent
Items:
  Item Bool:\ttrue
  Item Int:\t42
Kind:\tTest
Metadata:
  Creation Timestamp:\t2017-04-01T00:00:00Z
  Name:\tMyName
  Namespace:\tMyNamespace
  Resource Version:\t123
  UID:\t00000000-0000-0000-0000-000000000001
Status:\tok
URL:\thttp://localhost
`)
    for (const unexpected of ['\nDummy 1:\tpresent\n', 'Dummy 1', 'Dummy 3', 'Dummy3', 'dummy3', 'dummy 3']) expect(out).not.toContain(unexpected)
  })

  it('smart labels: camel case split, acronyms upper-cased', () => {
    expect(['involvedObject', 'reportingComponent', 'uid', 'apiVersion', 'HTTPServer'].map(smartLabelFor)).toEqual(['Involved Object', 'Reporting Component', 'UID', 'API Version', 'HTTP Server'])
  })
})

describe('kubectl describe node (TestDescribeNodeWithSidecar)', () => {
  // Upstream's fake clientset ignores field selectors; Podlab's API server honours them, so the pod is on the
  // node and the events name the node's UID or its name.
  const resources = (cpu: string, memory: string) => ({ cpu, memory })
  const objects = [
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'bar', uid: '0ceac5fb-a393-49d7-b04f-9ea5f18de5e9' },
      spec: { unschedulable: true },
      status: { capacity: { 'hugepages-2Mi': '4Gi', cpu: '8', memory: '24Gi', 'hugepages-1Gi': '0' }, allocatable: { 'hugepages-2Mi': '2Gi', cpu: '4', memory: '12Gi', 'hugepages-1Gi': '0' } },
    },
    { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'bar', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'holder', acquireTime: '2025-03-01T11:00:00.000000Z', renewTime: '2025-03-01T12:00:00.000000Z' } },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'pod-with-resources', namespace: 'foo', creationTimestamp: '2025-03-01T11:59:00Z' },
      spec: {
        nodeName: 'bar',
        initContainers: [
          { name: 'init-container-1', restartPolicy: 'Always', resources: { requests: resources('1', '1Gi') } },
          { name: 'init-container-2', resources: { requests: resources('1', '1Gi') } },
        ],
        containers: [
          { name: 'cpu-mem', image: 'image:latest', resources: { requests: resources('1', '1Gi'), limits: resources('2', '2Gi') } },
          { name: 'hugepages', image: 'image:latest', resources: { requests: { 'hugepages-2Mi': '512Mi' }, limits: { 'hugepages-2Mi': '512Mi' } } },
        ],
      },
      status: { phase: 'Running' },
    },
    ...[
      ['event-1', 'bar', 'Node bar status is now: NodeHasNoDiskPressure', 1],
      ['event-2', '0ceac5fb-a393-49d7-b04f-9ea5f18de5e9', 'Node bar status is now: NodeReady', 2],
    ].map(([name, uid, message, count]) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'default' },
      involvedObject: { kind: 'Node', name: 'bar', uid },
      message,
      firstTimestamp: '2014-01-15T00:00:00Z',
      lastTimestamp: '2014-01-15T00:00:00Z',
      count,
      type: 'Normal',
    })),
  ]

  it('sums sidecars into the requests and shows huge pages, the lease and both kinds of node events', () => {
    const out = describeNodeByName(ctx(objects), 'foo', 'bar')
    for (const expected of [
      'Unschedulable:      true',
      'HolderIdentity:  holder',
      `Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests     Limits
  --------           --------     ------
  cpu                2 (50%)      2 (50%)
  memory             2Gi (16%)    2Gi (16%)
  ephemeral-storage  0 (0%)       0 (0%)
  hugepages-1Gi      0 (0%)       0 (0%)
  hugepages-2Mi      512Mi (25%)  512Mi (25%)`,
      'Node bar status is now: NodeHasNoDiskPressure',
      'Node bar status is now: NodeReady',
      'foo                         pod-with-resources    2 (50%)       2 (50%)     2Gi (16%)        2Gi (16%)      60s',
    ]) {
      expect(out).toContain(expected)
    }
  })
})

describe('probe lines (DescribeProbe)', () => {
  const timing = { initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }
  it.each([
    [{ httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' } }, 'http-get http://:8080/healthz delay=5s timeout=1s period=10s #success=1 #failure=3'],
    [{ httpGet: { path: '/', port: 'http', host: 'example.com', scheme: 'HTTPS' } }, 'http-get https://example.com:http/ delay=5s timeout=1s period=10s #success=1 #failure=3'],
    [{ exec: { command: ['cat', '/tmp/healthy'] } }, 'exec [cat /tmp/healthy] delay=5s timeout=1s period=10s #success=1 #failure=3'],
    [{ tcpSocket: { port: 6379 } }, 'tcp-socket :6379 delay=5s timeout=1s period=10s #success=1 #failure=3'],
    [{ grpc: { port: 2379, service: '' } }, 'grpc <pod>:2379  delay=5s timeout=1s period=10s #success=1 #failure=3'],
    [{}, 'unknown delay=5s timeout=1s period=10s #success=1 #failure=3'],
  ])('%j', (handler, want) => {
    expect(describeProbe({ ...timing, ...handler })).toBe(want)
  })
})

describe('terminal escapes (TestDescribeTerminalEscape)', () => {
  it('an ESC in an annotation prints as ^[', () => {
    const out = describeConfigMapByName(ctx([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'mycm', namespace: 'foo', annotations: { annotation1: 'terminal escape: \x1b' } } }]), 'foo', 'mycm')
    expect(out).not.toContain('\x1b')
    expect(out).toContain('terminal escape: ^[')
  })
})

describe('a pod that is gone but left events (PodDescriber)', () => {
  it("prints kubectl's line and the events instead of the NotFound", () => {
    const event = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'gone.1', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'gone', namespace: 'default' }, reason: 'Killing', message: 'Stopping container app', type: 'Normal', count: 1, firstTimestamp: '2025-03-01T11:59:50Z', lastTimestamp: '2025-03-01T11:59:50Z', source: { component: 'kubelet' } }
    expect(describePodByName(ctx([event]), 'default', 'gone')).toBe(
      "Pod 'gone': error 'pods \"gone\" not found', but found events.\n" +
        'Events:\n  Type    Reason   Age   From     Message\n  ----    ------   ----  ----     -------\n  Normal  Killing  10s   kubelet  Stopping container app\n',
    )
    expect(() => describePodByName(ctx([]), 'default', 'gone')).toThrow('pods "gone" not found')
  })
})

describe('QoS class (kubectl util/qos GetPodQOS)', () => {
  const pod = (resources: object[], qosClass?: string) =>
    ({ metadata: { name: 'p' }, spec: { containers: resources.map((r, i) => ({ name: `c${i}`, resources: r })) }, status: qosClass ? { qosClass } : {} }) as unknown as Pod
  it.each([
    ['the API server\'s status.qosClass wins', pod([{}], 'Burstable'), 'Burstable'],
    ['no requests or limits: BestEffort', pod([{}, { requests: { 'ephemeral-storage': '1Gi' } }]), 'BestEffort'],
    ['zero requests count as none', pod([{ requests: { cpu: '0', memory: '0' } }]), 'BestEffort'],
    ['requests without limits: Burstable', pod([{ requests: { cpu: '100m' } }]), 'Burstable'],
    ['limits of CPU and memory equal to the requests in every container: Guaranteed', pod([{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }]), 'Guaranteed'],
    ['one container without a memory limit: Burstable', pod([{ limits: { cpu: '1', memory: '1Gi' } }, { limits: { cpu: '1' } }]), 'Burstable'],
  ])('%s', (_what, p, want) => {
    expect(podQOS(p)).toBe(want)
  })
})
