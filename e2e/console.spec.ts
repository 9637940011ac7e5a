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
  // Typed at once, while the interrupted watch is still ending: kept as type-ahead for the next prompt, once
  // (a key landing as the prompt came back once reached readline twice: CI's `$  -k get pods ...`).
  await page.keyboard.type('k get pods --no-headers | wc -l')
  await page.keyboard.press('Enter')
  await expect(rows).toContainText(/\$ k get pods --no-headers \| wc -l\s*1\s*\$/)

  // Tab completes the verb and the pod's name as kubectl's shell completion does. Typed without a pause, as a
  // learner who knows the words types: the keys after a Tab wait for its answer from the engine, as in bash.
  await page.keyboard.type('kubectl desc')
  await page.keyboard.press('Tab')
  await page.keyboard.type('pod myn')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  // Only the last screenful is in the rows: describe's Events end it, which only `kubectl describe pod mynginx`
  // prints (a garbled line such as `kubectl descpod mynribe` would be an error).
  await expect(rows).toContainText('Successfully assigned default/mynginx to')

  // Styled by adopted sheets, not blocked inline <style>: the viewport has the theme's background.
  const background = await consoleHost.locator('.xterm-viewport').evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor)
  expect(background).toBe('rgb(30, 31, 36)')
  await page.screenshot({ path: test.info().outputPath('console.png') })
})

test('kubectl exec -it into nginx, then kill 1: nginx exits and the kubelet restarts it (the notes\' "kill inside the pod")', async ({ clusterPage: cluster }) => {
  const page = cluster.page
  const consoleHost = page.getByTestId('console')
  const rows = consoleHost.locator('.xterm-rows')
  const input = consoleHost.locator('textarea.xterm-helper-textarea')
  await input.focus()
  await page.keyboard.type('kubectl run mynginx --image=nginx')
  await page.keyboard.press('Enter')
  await expect(rows).toContainText('pod/mynginx created')
  await cluster.advance('1m')
  await expect(cluster.cell('mynginx', 'STATUS')).toHaveText('Running')

  await input.focus()
  await page.keyboard.type('kubectl exec -it mynginx -- bash')
  await page.keyboard.press('Enter')
  // bash's prompt for root in the nginx (Debian) image, shown before anything is typed, as a learner waits for it.
  await expect(rows).toContainText('root@mynginx:/# ')
  await page.keyboard.type('hostname')
  await page.keyboard.press('Enter')
  await expect(rows).toContainText(/root@mynginx:\/# hostname\s*mynginx\s*root@mynginx:\/#/)
  await page.keyboard.type('kill 1')
  await page.keyboard.press('Enter')
  await cluster.advance('10s')
  await expect(async () => {
    if ((await cluster.cell('mynginx', 'RESTARTS').textContent())?.startsWith('0')) await cluster.advance('10s')
    await expect(cluster.cell('mynginx', 'RESTARTS')).toHaveText(/^1 /, { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
})
