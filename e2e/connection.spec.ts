// Issue 11 item 1: when the connection to `podlab serve` is lost, the page says so and disables what cannot work
// (Apply, the clock's controls, typing in the console), then recovers by itself when the server answers again.
// The WebSocket is cut with Playwright's routeWebSocket, so the server keeps running and its cluster stays.

import { expect, test } from './fixtures/podlab-host'
import { ClusterPage } from './pages/cluster-page'
import { CORRECTED_SEED_POD } from './fixtures/seed-pod'
import type { WebSocketRoute } from '@playwright/test'

test('a lost connection is said and disables Apply, the clock and the console; all comes back on reconnect', async ({ page, podlabHost }) => {
  let offline = false
  let current: WebSocketRoute | null = null
  await page.routeWebSocket(/\/podlab$/, (ws) => {
    if (offline) {
      // The server is unreachable: the socket closes as soon as it opens, as a refused connection does.
      void ws.close({ code: 1006 })
      return
    }
    current = ws
    ws.connectToServer()
  })
  const cluster = new ClusterPage(page)
  await cluster.goto(podlabHost.url)
  const banner = page.getByTestId('connection-banner')
  await expect(banner).toHaveCount(0)

  offline = true
  await current!.close({ code: 1001 })
  await expect(banner).toHaveAttribute('data-state', 'reconnecting')
  await expect(banner).toHaveText('The connection to the cluster was lost. Reconnecting…')
  await expect(cluster.applyButton).toBeDisabled()
  for (const id of ['clock-toggle', 'clock-speed', 'advance-10s', 'advance-1m']) await expect(page.getByTestId(id)).toBeDisabled()
  await expect(page.getByTestId('console-offline')).toBeVisible()
  await expect(page.getByTestId('console')).toHaveAttribute('aria-disabled', 'true')

  // Ctrl+Enter in the editor is Apply too: it stays off while offline.
  await cluster.fillManifest(CORRECTED_SEED_POD)
  await page.keyboard.press('Control+Enter')
  await expect(cluster.output).toContainText('What kubectl answers appears here.')

  // Typed in the terminal while offline: nothing reaches the line.
  await page.getByTestId('console').locator('textarea.xterm-helper-textarea').focus()
  await page.keyboard.type('kubectl get pods')
  await page.waitForTimeout(300)
  await expect(page.getByTestId('console').locator('.xterm-rows')).not.toContainText('$ kubectl')

  offline = false
  // The adapter retries with a back-off of at most 5 s.
  await expect(banner).toHaveCount(0, { timeout: 15_000 })
  await expect(cluster.applyButton).toBeEnabled()
  await expect(page.getByTestId('clock-toggle')).toBeEnabled()
  await expect(page.getByTestId('console-offline')).toHaveCount(0)
  await cluster.apply()
  await expect(cluster.output).toContainText('pod/mynginx created')
  // The pods table was watched again after the reconnect: the new pod shows.
  await expect(cluster.podRow('mynginx')).toBeVisible()
})
