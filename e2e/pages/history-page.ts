// The Events & history view as a spec sees it (issue 11 items 4 and 5): tab-history / tab-timeline; the filters
// (filter-kind, filter-name, filter-reason, filter-type, filter-change, filter-time, filter-clear); the table
// (history-table, rows history-row-<resourceVersion>, each with its name as a button); the selected change
// (history-version: version-title, version-diff, version-yaml, version-open-pod, version-on-timeline); and the
// timeline (timeline-scroller, timeline-canvas with data-rows, timeline-tooltip, timeline-group-by).

import { expect, type Locator, type Page } from '@playwright/test'

export class HistoryPage {
  readonly table: Locator
  readonly rows: Locator
  readonly version: Locator
  readonly canvas: Locator

  constructor(readonly page: Page) {
    this.table = page.getByTestId('history-table')
    this.rows = this.table.locator('tbody tr.row')
    this.version = page.getByTestId('history-version')
    this.canvas = page.getByTestId('timeline-canvas')
  }

  async openHistory(): Promise<void> {
    await this.page.getByTestId('tab-history').click()
    await expect(this.table).toBeVisible()
  }

  async openTimeline(): Promise<void> {
    await this.page.getByTestId('tab-timeline').click()
    await expect(this.page).toHaveURL(/#\/events\/timeline/)
    await expect(this.canvas).toBeVisible()
  }

  /** Types a name into the search and waits until every row shown is about it. */
  async filterByName(name: string): Promise<void> {
    await this.page.getByTestId('filter-name').fill(name)
    await expect(this.rows.first()).toBeVisible()
    await expect.poll(async () => (await this.rows.locator('button.open').allInnerTexts()).every((t) => t.includes(name))).toBe(true)
  }

  /** Rows of a change type (ADDED, MODIFIED, DELETED) about a Kind (`Pod`, `Event → Pod`). */
  rowsOf(change: 'ADDED' | 'MODIFIED' | 'DELETED', kind: string): Locator {
    return this.table.locator(`tbody tr.change-${change}`).filter({ has: this.page.locator('td.kind', { hasText: new RegExp(`^${kind}$`) }) })
  }

  /** Selects a row by clicking its name, and waits for its YAML. */
  async select(row: Locator): Promise<void> {
    await row.locator('button.open').click()
    await expect(this.version.getByTestId('version-yaml')).toBeVisible()
  }
}
