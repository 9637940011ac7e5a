import { describe, expect, it } from 'vitest'
import { kubeApiLine, startupLines } from './banner'

describe('serve start-up lines', () => {
  it('on loopback prints the address only', () => {
    expect(startupLines('127.0.0.1', { openUrl: 'http://127.0.0.1:8080/', tokenRequired: false })).toEqual({
      stdout: 'Podlab is serving at http://127.0.0.1:8080/\n',
      stderr: '',
    })
  })

  it('off loopback prints the address with its token and warns on stderr in one line (issue 5)', () => {
    const lines = startupLines('0.0.0.0', { openUrl: 'http://192.168.1.20:8080/?token=abc', tokenRequired: true })
    expect(lines.stdout).toBe('Podlab is serving at http://192.168.1.20:8080/?token=abc\n')
    expect(lines.stderr).toMatch(/^podlab: serving on 0\.0\.0\.0, reachable from other machines; a token is required \(.*\)\n$/)
  })

  it('names the Kubernetes API address and the kubeconfig path beside the app address', () => {
    expect(kubeApiLine('http://127.0.0.1:6443', '/home/u/.config/Podlab/kubeconfigs/c.podlab-0123456789ab.kubeconfig')).toBe(
      'The Kubernetes API is at http://127.0.0.1:6443; its kubeconfig: /home/u/.config/Podlab/kubeconfigs/c.podlab-0123456789ab.kubeconfig\n' +
        '  (KUBECONFIG=/home/u/.config/Podlab/kubeconfigs/c.podlab-0123456789ab.kubeconfig kubectl get pods)\n',
    )
  })
})
