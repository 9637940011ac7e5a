// Every catalog image whose default process is a server listens on each port its config declares once started
// (a fresh user's issue 8 report: goproxy and echoserver, the docs' tcp-liveness-readiness and service examples,
// refused their probes on 8080).
import { describe, expect, it } from 'vitest'
import { CATALOG, configOf } from '../images'
import { executableFor } from '../programs'
import { NODE, runtimeHarness } from './testing/harness'

const harness = runtimeHarness((id) => executableFor(id))

/**
 * Images that declare ports their default command does not open, as on a real node: agnhost's default is
 * `pause` (it serves only with a subcommand such as `netexec`).
 */
const DEFAULT_COMMAND_DOES_NOT_SERVE = new Set(['registry.k8s.io/e2e-test-images/agnhost'])

/**
 * nginx declares 443 in these images, but the configuration they ship (nginx's own conf/nginx.conf) has its
 * HTTPS server commented out: only 80 listens until a learner's config adds `listen 443 ssl`.
 */
const nginxDefaultOpens = (port: number) => port !== 443
const opensByDefault = (binaries: Record<string, string>, port: number) => (Object.values(binaries).includes('nginx') ? nginxDefaultOpens(port) : true)

describe('catalog images that serve listen on their declared ports', () => {
  const servers = CATALOG.filter((i) => i.process.kind === 'serves' && i.build.exposedPorts.length > 0 && !DEFAULT_COMMAND_DOES_NOT_SERVE.has(i.repository))

  it.each(servers.map((i) => [`${i.repository}:${i.defaultTag}`, i] as const))('%s answers a TCP connect on each port 60 s after start', (ref, image) => {
    const h = harness()
    const imageConfig = configOf(image, image.defaultTag)
    const id = h.start({ image: ref, imageConfig, env: [{ name: 'POSTGRES_PASSWORD', value: 'x' }, { name: 'MYSQL_ROOT_PASSWORD', value: 'x' }] })
    h.advance(60_000)
    const refused = imageConfig.exposedPorts.filter((port) => opensByDefault(imageConfig.binaries, port)).filter((port) => h.tx(() => h.containerd.tcp(NODE, id, port, 1000)) !== 'ok')
    expect({ state: h.tx(() => h.containerd.status(NODE, id)).state, refused }).toEqual({ state: 'running', refused: [] })
  })
})
