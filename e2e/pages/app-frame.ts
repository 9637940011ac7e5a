// The app's frame as a spec sees it (data-testid): nav-<view> links (cluster, workloads, pods, events, console),
// view-<view> (each view's root), theme and zoom (selects), language-en / language-ko, shortcuts-open,
// shortcuts-sheet, shortcuts-close, connection-banner (data-state), console-offline, splitter-<id> (role=separator).

import { expect, type Locator, type Page } from '@playwright/test'

export const VIEWS = ['cluster', 'workloads', 'pods', 'events', 'console'] as const
export type View = (typeof VIEWS)[number]

export class AppFrame {
  readonly banner: Locator
  readonly theme: Locator
  readonly zoom: Locator
  readonly sheet: Locator

  constructor(readonly page: Page) {
    this.banner = page.getByTestId('connection-banner')
    this.theme = page.getByTestId('theme')
    this.zoom = page.getByTestId('zoom')
    this.sheet = page.getByTestId('shortcuts-sheet')
  }

  /** Clicks a view in the navigation and waits until it shows. */
  async open(view: View): Promise<void> {
    await this.page.getByTestId(`nav-${view}`).click()
    await this.expectView(view)
  }

  async expectView(view: View): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`#/${view}$`))
    await expect(this.page.getByTestId(`nav-${view}`)).toHaveAttribute('aria-current', 'page')
    if (view === 'console') await expect(this.page.getByTestId('console')).toBeVisible()
    else await expect(this.page.getByTestId(`view-${view}`)).toBeVisible()
  }

  async language(code: 'en' | 'ko'): Promise<void> {
    await this.page.getByTestId(`language-${code}`).click()
    await expect(this.page.locator('html')).toHaveAttribute('lang', code)
  }

  /** The theme <html> shows now: `light` or `dark`. */
  shownTheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme')
  }

  /** Waits until every font the page asked for has arrived (the Korean slices load as Hangul appears). */
  async fontsReady(): Promise<void> {
    await this.page.locator('html').evaluate(async (html) => {
      await html.ownerDocument.fonts.ready
    })
  }
}
