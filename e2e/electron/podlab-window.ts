// What the Electron spec does with Podlab's page, in one place, so that it can follow the renderer's markup
// (data-testid: manifest-editor, apply, apply-output, pods-table, pod-row-<name>) without touching the spec.
// Code passed to page.evaluate names `globalThis`, not `window`: tsconfig.node.json has no DOM lib.

import { expect, type Locator, type Page } from '@playwright/test'
import type { PodlabBridge } from '../../main/contract/bridge'

export { CORRECTED_SEED_POD } from '../fixtures/seed-pod'

/** Replaces the manifest editor's text. The editor is CodeMirror: typing would auto-indent, so insert the text. */
export async function setManifest(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId('manifest-editor')
  const content = editor.locator('.cm-content')
  const target = (await content.count()) > 0 ? content.first() : editor
  await target.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(text)
  await expect(target).toContainText('kind: Pod')
}

export async function applyManifest(page: Page, text: string): Promise<void> {
  await setManifest(page, text)
  await page.getByTestId('apply').click()
}

export function applyOutput(page: Page): Locator {
  return page.getByTestId('apply-output')
}

/** The Cluster view's "Pods list" tab (the right pane opens on the cluster map: issue 11 item 6). */
export async function showPodsList(page: Page): Promise<void> {
  await page.getByTestId('cluster-tab-list').click()
}

export function podRow(page: Page, name: string): Locator {
  return page.getByTestId('pods-table').getByTestId(`pod-row-${name}`)
}

/** Runs a bridge function in the page, as the renderer would. */
export async function bridgeCall<K extends keyof PodlabBridge>(
  page: Page,
  name: K,
  request: unknown,
): Promise<Awaited<ReturnType<PodlabBridge[K]>>> {
  return page.evaluate(
    ([n, r]) => {
      const bridge = (globalThis as unknown as { podlab: Record<string, (req: unknown) => unknown> }).podlab
      return bridge[n]!(r)
    },
    [name as string, request] as const,
  ) as Promise<Awaited<ReturnType<PodlabBridge[K]>>>
}

/** What the page can reach: the bridge's keys and whether any Node or Electron object leaked in. */
export async function pageGlobals(page: Page): Promise<{ bridgeKeys: string[]; bridgeTypes: string[]; leaks: string[] }> {
  return page.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown>
    const bridge = g.podlab as Record<string, unknown>
    const keys = Object.keys(bridge).sort()
    return {
      bridgeKeys: keys,
      bridgeTypes: [...new Set(keys.map((k) => typeof bridge[k]))],
      leaks: ['require', 'process', 'module', 'Buffer', 'global', 'ipcRenderer', 'electron'].filter((name) => typeof g[name] !== 'undefined'),
    }
  })
}
