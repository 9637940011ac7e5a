// Issue 9 item 2: the in-app console. A learner pastes their notes' heredoc (testdata/seed/heredoc-apply.sh, its
// manifest corrected) and sees kubectl's answer; `kubectl get pods -w` streams rows until Ctrl+C; the console
// renders styled under the strict CSP (no inline styles needed).

import { expect, test } from './fixtures/podlab-host'
import { CORRECTED_SEED_POD } from './fixtures/seed-pod'

test('the notes\' heredoc through the console creates the pod; get -w streams until Ctrl+C', async ({ clusterPage: cluster }) => {
  const page = cluster.page
  const consoleHost = page.getByTestId('console')
  const rows = consoleHost.locator('.xterm-rows')
  const input = consoleHost.locator('textarea.xterm-helper-textarea')
  await expect(rows).toContainText('Podlab console')

  // Typed line by line, as in a terminal: Enter inside the open heredoc continues it.
  await input.focus()
  await page.keyboard.type('cat << EOF | kubectl apply -f -')
  await page.keyboard.press('Enter')
  for (const line of CORRECTED_SEED_POD.trimEnd().split('\n')) {
    await page.keyboard.insertText(line)
    await page.keyboard.press('Enter')
  }
  await page.keyboard.type('EOF')
  await page.keyboard.press('Enter')
  await expect(rows).toContainText('pod/mynginx created')
  await expect(cluster.podRow('mynginx')).toBeVisible()

  await page.keyboard.type('kubectl get pods -w')
  await page.keyboard.press('Enter')
  await expect(rows).toContainText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/)
  await cluster.advance('1m')
  await expect(rows).toContainText(/mynginx\s+1\/1\s+Running/)
  // The +1m button took the focus: back to the terminal, as a learner clicks it.
  await input.focus()
  await page.keyboard.press('Control+C')
  await page.keyboard.type('k get pods --no-headers | wc -l')
  await page.keyboard.press('Enter')
  await expect(rows).toContainText(/\$ k get pods --no-headers \| wc -l\s*1\s*\$/)

  // Styled by adopted sheets, not blocked inline <style>: the viewport has the theme's background.
  const background = await consoleHost.locator('.xterm-viewport').evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor)
  expect(background).toBe('rgb(30, 31, 36)')
  await page.screenshot({ path: test.info().outputPath('console.png') })
})
