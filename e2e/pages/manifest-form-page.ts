// The manifest panel's form, check and preview (issue 11 item 2) and the Workloads view, as a spec sees them.
// The markup it relies on (data-testid): mode-yaml / mode-form (the switch), manifest-form, form-name,
// form-replicas, container-<i>-image (and the other container-<i>-<field>), form-syntax, template-menu,
// check-preview (check-problem with data-line, goto-line-<n>, check-hint, check-ok, preview-document, preview-pods,
// preview-container), new-deployment / new-job, workloads-<resource>, <resource>-table, <resource>-row-<name>.
// The editor's marks are CodeMirror's: `.cm-line` elements, `.cm-lintRange-error` inside a marked one.

import { expect, type Locator, type Page } from '@playwright/test'

export class ManifestFormPage {
  readonly form: Locator
  readonly preview: Locator
  readonly problems: Locator
  readonly editorLines: Locator

  constructor(readonly page: Page) {
    this.form = page.getByTestId('manifest-form')
    this.preview = page.getByTestId('check-preview')
    this.problems = page.getByTestId('check-problem')
    this.editorLines = page.getByTestId('manifest-editor').locator('.cm-line')
  }

  async showForm(): Promise<void> {
    await this.page.getByTestId('mode-form').click()
    await expect(this.form).toBeVisible()
  }

  async showYaml(): Promise<void> {
    await this.page.getByTestId('mode-yaml').click()
    await expect(this.page.getByTestId('manifest-editor')).toBeVisible()
  }

  /** Types into a form field by its test id, as a learner does (replacing what it held). */
  async fill(testid: string, value: string): Promise<void> {
    await this.form.getByTestId(testid).fill(value)
  }

  /** The 1-based line of the editor, as CodeMirror draws it. */
  line(n: number): Locator {
    return this.editorLines.nth(n - 1)
  }

  /** The problem the check lists for a line. */
  problemOn(line: number): Locator {
    return this.page.locator(`[data-testid="check-problem"][data-line="${line}"]`)
  }

  /** Opens the Workloads view and starts a new Deployment or Job there (it opens in the Cluster view's form). */
  async startNewFromWorkloads(kind: 'deployment' | 'job'): Promise<void> {
    await this.page.getByTestId('nav-workloads').click()
    await this.page.getByTestId(`new-${kind}`).click()
    await expect(this.form).toBeVisible()
  }

  workloadRow(resource: 'deployments' | 'replicasets' | 'jobs', name: string): Locator {
    return this.page.getByTestId(`${resource}-table`).getByTestId(`${resource}-row-${name}`)
  }
}
