// The cluster map, the ownership graph, "why" and the image catalog as a spec sees them (issue 11 items 6, 7).
// Markup (data-testid): cluster-tab-map|list|graph, cluster-map, map-node-<node>, map-node-status-<node>,
// map-node-actions-<node> (the actions menu's slot), map-pod-<pod> (data-status), map-why-<pod>, map-unscheduled,
// why-panel, why-last, why-binding, why-close, workloads-graph, graph-<Kind>-<name>, open-image-catalog,
// image-catalog, image-search, image-lookup, image-row-<name>, image-catalog-close.

import { expect, type Locator, type Page } from '@playwright/test'

export class MapPage {
  readonly map: Locator
  readonly unscheduled: Locator
  readonly why: Locator
  readonly graph: Locator
  readonly catalog: Locator
  readonly imageSearch: Locator
  readonly imageLookup: Locator

  constructor(readonly page: Page) {
    this.map = page.getByTestId('cluster-map')
    this.unscheduled = page.getByTestId('map-unscheduled')
    this.why = page.getByTestId('why-panel')
    this.graph = page.getByTestId('workloads-graph')
    this.catalog = page.getByTestId('image-catalog')
    this.imageSearch = page.getByTestId('image-search')
    this.imageLookup = page.getByTestId('image-lookup')
  }

  async show(tab: 'map' | 'list' | 'graph'): Promise<void> {
    const button = this.page.getByTestId(`cluster-tab-${tab}`)
    await button.click()
    await expect(button).toHaveAttribute('aria-selected', 'true')
  }

  node(name: string): Locator {
    return this.page.getByTestId(`map-node-${name}`)
  }

  /** The chips of pods whose names start with `prefix` (a Deployment's pods), wherever they are drawn. */
  podsNamed(prefix: string): Locator {
    return this.map.locator(`[data-testid^="map-pod-${prefix}"]`)
  }

  pod(name: string): Locator {
    return this.page.getByTestId(`map-pod-${name}`)
  }

  /** Opens "why is this pod here?" and waits for the verdicts. */
  async openWhy(pod: string): Promise<void> {
    await this.page.getByTestId(`map-why-${pod}`).click()
    await expect(this.why).toBeVisible()
    await expect(this.why.getByTestId('why-last').or(this.why.getByTestId('why-binding')).or(this.why.getByTestId('why-none'))).toBeVisible()
  }

  graphBox(kind: string, name: string): Locator {
    return this.graph.getByTestId(`graph-${kind}-${name}`)
  }

  async openCatalog(): Promise<void> {
    await this.page.getByTestId('open-image-catalog').click()
    await expect(this.catalog).toBeVisible()
  }

  imageRow(name: string): Locator {
    return this.catalog.getByTestId(`image-row-${name}`)
  }
}
