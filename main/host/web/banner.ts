// What `podlab serve` prints when it starts: where to open the app (stdout, which the e2e fixture and people
// read), and, off loopback, a one-line warning (stderr).

import { isLoopback } from '../../door/host-check'
import type { WebHost } from './serve'

export function startupLines(host: string, web: Pick<WebHost, 'openUrl' | 'tokenRequired'>): { stdout: string; stderr: string } {
  const warning = isLoopback(host)
    ? ''
    : `podlab: serving on ${host}, reachable from other machines; a token is required (open the address below, or send Authorization: Bearer TOKEN)\n`
  return { stdout: `Podlab is serving at ${web.openUrl}\n`, stderr: warning }
}

/** The line beside the app's address: where the Kubernetes API listens and the kubeconfig that points kubectl at it. */
export function kubeApiLine(apiUrl: string, kubeconfig: string): string {
  return `The Kubernetes API is at ${apiUrl}; its kubeconfig: ${kubeconfig}\n  (KUBECONFIG=${kubeconfig} kubectl get pods)\n`
}
