// Issue 11 item 3: a pod's detail as a spec sees it (data-testid): pod-detail (the pane), pod-detail-name,
// pod-detail-close, pod-actions-slot, pod-tab-<tab> (summary, events, logs, shell, yaml, timeline) and
// pod-tabpanel-<tab>; in the summary pod-fact-<label> and pod-container-<name> (container-state,
// container-last-state, container-restarts, container-probes); pod-event (pod-event-reason); pod-logs-text,
// pod-logs-previous, pod-logs-errors; pod-shell-not-running, pod-shell-open; pod-yaml (CodeMirror's .cm-content);
// timeline-svg, timeline-lane-<container>, timeline-restart, timeline-chain (timeline-link), timeline-fit.

import { expect, type Locator, type Page } from '@playwright/test'

export type PodTab = 'summary' | 'events' | 'logs' | 'shell' | 'yaml' | 'timeline'

export class PodDetailPage {
  readonly pane: Locator
  readonly name: Locator

  constructor(readonly page: Page) {
    this.pane = page.getByTestId('pod-detail')
    this.name = page.getByTestId('pod-detail-name')
  }

  /** Clicks the pod's name in the pods list and waits for its detail. */
  async openFromList(pod: string, namespace = 'default'): Promise<void> {
    await this.page.getByTestId('pods-table').getByTestId(`pod-row-${pod}`).getByRole('link', { name: pod }).click()
    await expect(this.page).toHaveURL(new RegExp(`#/pods/${namespace}/${pod}$`))
    await expect(this.name).toHaveText(pod)
  }

  async tab(tab: PodTab): Promise<Locator> {
    await this.page.getByTestId(`pod-tab-${tab}`).click()
    await expect(this.page.getByTestId(`pod-tab-${tab}`)).toHaveAttribute('aria-selected', 'true')
    return this.page.getByTestId(`pod-tabpanel-${tab}`)
  }

  container(name: string): Locator {
    return this.pane.getByTestId(`pod-container-${name}`)
  }

  /** The causal chain's sentences, oldest first. */
  chain(): Promise<string[]> {
    return this.pane.getByTestId('timeline-link').locator('.words').allInnerTexts()
  }

  logText(): Locator {
    return this.pane.getByTestId('pod-logs-text')
  }

  yamlContent(): Locator {
    return this.pane.getByTestId('pod-yaml').locator('.cm-content')
  }
}
