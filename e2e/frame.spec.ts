// Issue 11 item 1: the app's frame in Chromium against `podlab serve`. Every view is reachable (click, digit,
// address), the theme and the language switch and are remembered, Korean is drawn with the bundled font (not
// boxes), and nothing is logged as an error on the way (CSP violations included).

import { expect, test } from './fixtures/podlab-host'
import { collectConsoleErrors } from './fixtures/console-errors'
import { AppFrame, VIEWS } from './pages/app-frame'
import { ClusterPage } from './pages/cluster-page'

test('every view opens from the navigation, from its digit and from its address; the console stays the same one', async ({ page, podlabHost }) => {
  const errors = collectConsoleErrors(page)
  const cluster = new ClusterPage(page)
  const frame = new AppFrame(page)
  await cluster.goto(podlabHost.url)
  await frame.expectView('cluster')

  // A line typed in the console is still there after a trip through every view: one terminal, kept mounted.
  const rows = page.getByTestId('console').locator('.xterm-rows')
  await page.getByTestId('console').locator('textarea.xterm-helper-textarea').focus()
  await page.keyboard.type('kubectl get nodes')
  await page.keyboard.press('Enter')
  await expect(rows).toContainText('podlab-control-plane')

  for (const view of VIEWS) await frame.open(view)
  await expect(rows).toContainText('podlab-control-plane')

  // Digits outside text fields, in the order of the navigation.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  for (const [i, view] of VIEWS.entries()) {
    await page.keyboard.press(String(i + 1))
    await frame.expectView(view)
  }

  await page.goto(`${podlabHost.url}#/pods`)
  await frame.expectView('pods')
  await expect(page.getByTestId('pods-detail-hint')).toContainText('kubectl describe pod NAME')
  await page.goto(`${podlabHost.url}#/no-such-view`)
  await frame.expectView('cluster')

  await frame.open('workloads')
  // Issue 11 item 2: the Workloads view lists Deployments, ReplicaSets and Jobs.
  await expect(page.getByTestId('workloads-deployments')).toContainText('kubectl get deployments')
  await frame.open('events')
  // Issue 11 item 5: the history lists the cluster's own changes from its first moment.
  await expect(page.getByTestId('history-table')).toBeVisible()
  expect(errors).toEqual([])
})

test('the ? sheet lists the shortcuts; t switches the theme, which is remembered across a reload', async ({ page, podlabHost }) => {
  const errors = collectConsoleErrors(page)
  const cluster = new ClusterPage(page)
  const frame = new AppFrame(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await cluster.goto(podlabHost.url)
  expect(await frame.shownTheme()).toBe('light')

  await page.getByTestId('shortcuts-open').click()
  await expect(frame.sheet).toBeVisible()
  await expect(frame.sheet).toContainText('Play or pause the virtual clock')
  await page.keyboard.press('Escape')
  await expect(frame.sheet).toBeHidden()

  await page.keyboard.press('t')
  expect(await frame.shownTheme()).toBe('dark')
  await expect(frame.theme).toHaveValue('dark')
  const background = await page.locator('body').evaluate((body) => body.ownerDocument.defaultView!.getComputedStyle(body).backgroundColor)
  await page.reload()
  await cluster.goto(podlabHost.url)
  expect(await frame.shownTheme()).toBe('dark')
  expect(await page.locator('body').evaluate((body) => body.ownerDocument.defaultView!.getComputedStyle(body).backgroundColor)).toBe(background)

  // System follows the computer's setting.
  await frame.theme.selectOption('system')
  expect(await frame.shownTheme()).toBe('light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')

  // The presenter zoom grows the text, and the terminal's with it.
  const before = await page.locator('html').evaluate((html) => parseFloat(html.ownerDocument.defaultView!.getComputedStyle(html).fontSize))
  await frame.zoom.selectOption('1.5')
  expect(await page.locator('html').evaluate((html) => parseFloat(html.ownerDocument.defaultView!.getComputedStyle(html).fontSize))).toBeCloseTo(before * 1.5, 1)
  expect(errors).toEqual([])
})

test('Korean is drawn with the bundled Noto Sans KR, not boxes, on a machine without a Korean font', async ({ page, podlabHost }) => {
  const errors = collectConsoleErrors(page)
  const fonts: string[] = []
  page.on('response', (response) => {
    if (response.url().endsWith('.woff2')) fonts.push(`${response.status()} ${new URL(response.url()).origin}`)
  })
  const cluster = new ClusterPage(page)
  const frame = new AppFrame(page)
  await cluster.goto(podlabHost.url)
  await frame.language('ko')
  await expect(page.getByTestId('nav-cluster')).toHaveText('클러스터')
  // Kubernetes' own words stay as Kubernetes writes them.
  await expect(page.getByTestId('nav-pods')).toHaveText('Pods')
  await expect(cluster.podsEmpty).toHaveText('No resources found in default namespace.')
  await frame.fontsReady()

  const measured = await page.locator('html').evaluate((html) => {
    const window = html.ownerDocument.defaultView!
    const document = window.document
    // The Hangul on screen, measured where it is drawn, against the same number of private-use characters (no
    // font has them: every browser draws its fallback box) in the same font. Boxes instead of Hangul would give
    // equal widths. (A span made now would not do: Chromium draws new text right once the font has loaded, the
    // boxes it drew before stay on the nodes that were there.)
    const results: Array<{ text: string; hangul: number; box: number; loaded: boolean }> = []
    const where = ['[data-testid=nav-cluster]', '[data-testid=nav-workloads]', '[data-testid=language-ko]', '[data-testid=clock] .label', '[data-testid=clock-toggle]', '#manifest-title']
    for (const selector of where) {
      const element = document.querySelector(selector)!
      const walker = document.createTreeWalker(element, window.NodeFilter.SHOW_TEXT)
      let node = null as { data: string; parentElement: typeof element | null } | null
      while ((node = walker.nextNode() as typeof node) && !/[\uAC00-\uD7A3]/.test(node.data));
      if (!node) {
        results.push({ text: '', hangul: 0, box: 0, loaded: false })
        continue
      }
      const match = /[\uAC00-\uD7A3]+/.exec(node.data)!
      const range = document.createRange()
      range.setStart(node as never, match.index)
      range.setEnd(node as never, match.index + match[0].length)
      const hangul = range.getBoundingClientRect().width
      const span = document.createElement('span')
      span.textContent = '\uE000'.repeat(match[0].length)
      node.parentElement!.appendChild(span)
      const box = span.getBoundingClientRect().width
      span.remove()
      const style = window.getComputedStyle(node.parentElement!)
      results.push({ text: match[0], hangul, box, loaded: document.fonts.check(`${style.fontWeight} ${style.fontSize} "Noto Sans KR"`, match[0]) })
    }
    return results
  })
  for (const { text, hangul, box, loaded } of measured) {
    expect(text.length, 'each element shows Hangul').toBeGreaterThan(0)
    expect(loaded, `${text}: its Noto Sans KR slices are loaded`).toBe(true)
    expect(Math.abs(hangul - box), `${text}: drawn ${hangul}px, boxes would be ${box}px`).toBeGreaterThan(1)
  }
  const origin = new URL(podlabHost.url).origin
  expect(fonts.length).toBeGreaterThan(0)
  expect(fonts.every((f) => f === `200 ${origin}`), fonts.join(', ')).toBe(true)
  expect(errors).toEqual([])
})
