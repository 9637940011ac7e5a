// Podlab's cluster view as a spec sees it. The markup it relies on (data-testid):
//   manifest-editor (CodeMirror; its contenteditable is `.cm-content`, in an open shadow root, which
//   Playwright's locators pierce), apply, apply-output (apply-outcome lines, data-ok), pods-table,
//   pod-row-<name>, cell-<column> (cell-name, cell-ready, cell-status, ...), pods-empty, clock-time,
//   clock-toggle, clock-speed, advance-10s, advance-1m, language-en, language-ko.

import { expect, type Locator, type Page } from '@playwright/test'

export class ClusterPage {
  readonly editor: Locator
  readonly editorContent: Locator
  readonly applyButton: Locator
  readonly output: Locator
  readonly podsTable: Locator
  readonly podsEmpty: Locator
  readonly clockTime: Locator

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('manifest-editor')
    this.editorContent = this.editor.locator('.cm-content')
    this.applyButton = page.getByTestId('apply')
    this.output = page.getByTestId('apply-output')
    this.podsTable = page.getByTestId('pods-table')
    this.podsEmpty = page.getByTestId('pods-empty')
    this.clockTime = page.getByTestId('clock-time')
  }

  /**
   * Opens the app and waits until it shows the cluster: the clock is read and the pods list arrived. The right
   * pane opens on the cluster map; the specs that read the pods list switch to it (the map's specs use MapPage).
   */
  async goto(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.clockTime).not.toHaveText('--:--:--')
    await this.showList()
    await expect(this.podsTable.or(this.podsEmpty)).toBeVisible()
  }

  /** The right pane's "Pods list" tab (issue 11 item 6 put the map first). */
  async showList(): Promise<void> {
    const tab = this.page.getByTestId('cluster-tab-list')
    await expect(tab).toBeVisible()
    await tab.click()
    await expect(tab).toHaveAttribute('aria-selected', 'true')
  }

  /**
   * Replaces the editor's text with `text`, as a paste would. Typing key by key would let CodeMirror
   * auto-indent and close brackets; keyboard.insertText inserts the text as it is.
   */
  async fillManifest(text: string): Promise<void> {
    await this.editorContent.click()
    await this.page.keyboard.press('ControlOrMeta+A')
    await this.page.keyboard.press('Delete')
    await this.page.keyboard.insertText(text)
    const firstLine = text.split('\n', 1)[0]!
    await expect(this.editorContent).toContainText(firstLine)
  }

  async apply(): Promise<void> {
    await this.applyButton.click()
    await expect(this.applyButton).toBeEnabled()
  }

  podRow(name: string): Locator {
    return this.podsTable.getByTestId(`pod-row-${name}`)
  }

  /** A cell of a pod's row by its column as kubectl prints it: `STATUS`, `READY`, ... */
  cell(name: string, column: string): Locator {
    return this.podRow(name).getByTestId(`cell-${column.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`)
  }

  /** Pauses the clock with the play/pause button, and waits until the page shows it paused. */
  async pause(): Promise<void> {
    const toggle = this.page.getByTestId('clock-toggle')
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  }

  async advance(by: '10s' | '1m'): Promise<void> {
    const before = await this.clockTime.textContent()
    await this.page.getByTestId(`advance-${by}`).click()
    await expect(this.clockTime).not.toHaveText(before ?? '')
  }

  /** The output as the learner reads it, line breaks kept. */
  outputText(): Promise<string> {
    return this.output.innerText()
  }
}
