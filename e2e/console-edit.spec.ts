// Issue 9: `kubectl edit` in the in-app console opens the app's YAML editor on kubectl's file; a label added there
// and saved is patched (`pod/mynginx edited`) and shows in `kubectl get pod --show-labels`; Escape cancels as an
// editor closed without saving (`Edit cancelled, no changes made.`).

import { expect, test } from './fixtures/podlab-host'

test('kubectl edit pod mynginx: change a label in the editor, save, see it edited', async ({ clusterPage: cluster }) => {
  const page = cluster.page
  const consoleHost = page.getByTestId('console')
  const rows = consoleHost.locator('.xterm-rows')
  const input = consoleHost.locator('textarea.xterm-helper-textarea')
  await expect(rows).toContainText('Podlab console')
  await input.focus()
  await page.keyboard.type('kubectl run mynginx --image=nginx')
  await page.keyboard.press('Enter')
  await expect(rows).toContainText('pod/mynginx created')

  await page.keyboard.type('kubectl edit pod mynginx')
  await page.keyboard.press('Enter')
  const editor = page.getByTestId('console-editor')
  await expect(editor).toBeVisible()
  await expect(editor.locator('.cm-content')).toContainText("# Please edit the object below. Lines beginning with a '#' will be ignored,")
  // The label's line, then a new one after it (inserted text is not auto-indented: YAML arrives as typed).
  await editor.locator('.cm-line', { hasText: /^ {4}run: mynginx$/ }).click()
  await page.keyboard.press('End')
  await page.keyboard.insertText('\n    tier: frontend')
  await page.screenshot({ path: test.info().outputPath('console-edit-open.png') })
  await editor.getByTestId('console-edit-save').click()
  await expect(editor).toBeHidden()
  await expect(rows).toContainText('pod/mynginx edited')

  await input.focus()
  await expect(rows).toContainText(/edited\s*\$/)
  await page.keyboard.type('kubectl get pod mynginx --show-labels')
  await page.keyboard.press('Enter')
  await expect(rows).toContainText(/mynginx\s+\S+\s+\S+\s+0\s+\S+\s+run=mynginx,tier=frontend/)

  // Escape: the editor closes as if nothing was saved.
  await page.keyboard.type('kubectl edit pod mynginx')
  await page.keyboard.press('Enter')
  await expect(editor).toBeVisible()
  await editor.locator('.cm-content').click()
  await page.keyboard.press('Escape')
  await expect(editor).toBeHidden()
  await expect(rows).toContainText('Edit cancelled, no changes made.')
  await page.screenshot({ path: test.info().outputPath('console-edit.png') })
})
