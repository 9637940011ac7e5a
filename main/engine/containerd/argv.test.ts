// Kubernetes' command/args rules as containerd applies them to the image's Entrypoint and Cmd.

import { describe, expect, it } from 'vitest'
import { containerArgv, containerEnv } from './argv'

const nginx = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] }

describe("a container's argv from its image and spec (containerd WithProcessArgs)", () => {
  it.each([
    ['neither: Entrypoint + Cmd', undefined, undefined, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']],
    ['command only: command, Cmd dropped', ['sleep', '5'], undefined, ['sleep', '5']],
    ['args only: Entrypoint + args', undefined, ['nginx-debug'], ['/docker-entrypoint.sh', 'nginx-debug']],
    ['both: command + args', ['sh', '-c'], ['echo hi'], ['sh', '-c', 'echo hi']],
    ['an empty command counts as none (CRI cannot tell them apart)', [], undefined, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']],
  ])('%s', (_name, command, args, argv) => {
    expect(containerArgv(nginx, command, args)).toEqual(argv)
  })

  it('an Entrypoint of [""] is none; no command anywhere is undefined', () => {
    expect(containerArgv({ entrypoint: [''], cmd: ['sh'] }, undefined, undefined)).toEqual(['sh'])
    expect(containerArgv({ entrypoint: [], cmd: [] }, undefined, undefined)).toBeUndefined()
  })

  it("the environment is HOSTNAME, then the image's, then the spec's, a later name replacing in place", () => {
    const env = containerEnv('web-1', { env: { PATH: '/bin', NGINX_VERSION: '1.27' } }, [
      { name: 'NGINX_VERSION', value: 'mine' },
      { name: 'A', value: '1' },
    ])
    expect(Object.entries(env)).toEqual([
      ['HOSTNAME', 'web-1'],
      ['PATH', '/bin'],
      ['NGINX_VERSION', 'mine'],
      ['A', '1'],
    ])
  })
})
