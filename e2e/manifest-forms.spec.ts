// Issue 11 item 2, as a learner does it against `podlab serve`: fill the Deployment form (name web, image nginx,
// 3 replicas), see the YAML, apply, watch 3 pods reach Running in the list (advancing the clock); type the
// notes' `metadate` pod and see line 3 marked with kubectl's message and the hint. No console errors; axe finds
// nothing serious on the form.

import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures/podlab-host'
import { collectConsoleErrors } from './fixtures/console-errors'
import { SEED_POD } from './fixtures/seed-pod'
import { ManifestFormPage } from './pages/manifest-form-page'

test('the Deployment form: web, nginx, 3 replicas -> YAML, preview, apply, 3 pods Running', async ({ page, clusterPage: cluster }) => {
  const errors = collectConsoleErrors(page)
  const forms = new ManifestFormPage(page)
  await forms.startNewFromWorkloads('deployment')

  await forms.fill('form-name', 'web')
  await forms.fill('container-0-name', 'web')
  await forms.fill('container-0-image', 'nginx')
  await forms.fill('form-replicas', '3')

  const axe = await new AxeBuilder({ page }).include('[data-testid="manifest-form"]').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([])

  await forms.showYaml()
  for (const line of ['kind: Deployment', 'name: web', 'replicas: 3', 'image: nginx', 'app: web']) await expect(cluster.editorContent).toContainText(line)
  // The engine's dry run, before anything is applied: what the simulator will do.
  await expect(forms.preview.getByTestId('preview-document')).toContainText('deployment.apps/web created')
  await expect(forms.preview.getByTestId('preview-pods')).toHaveText('pods: 3')
  await expect(forms.preview.getByTestId('preview-container')).toContainText('nginx')

  await cluster.apply()
  await expect(cluster.output).toContainText('deployment.apps/web created')
  await cluster.advance('1m')
  await expect(async () => {
    const running = await cluster.podsTable.locator('[data-testid^="pod-row-web-"] [data-testid="cell-status"]', { hasText: 'Running' }).count()
    if (running < 3) await cluster.advance('10s')
    expect(running).toBe(3)
  }).toPass({ timeout: 40_000 })
  await expect(cluster.podsTable.locator('[data-testid^="pod-row-web-"]')).toHaveCount(3)

  await page.getByTestId('nav-workloads').click()
  await expect(forms.workloadRow('deployments', 'web').getByTestId('cell-ready')).toHaveText('3/3')
  await expect(page.getByTestId('replicasets-table').locator('[data-testid^="replicasets-row-web-"]')).toHaveCount(1)
  await expect(page.getByTestId('jobs-empty')).toHaveText('No resources found in default namespace.')
  expect(errors).toEqual([])
})

test('the notes `metadate` pod: line 3 marked with kubectl message and the hint, in English and Korean', async ({ page, clusterPage: cluster }) => {
  const errors = collectConsoleErrors(page)
  const forms = new ManifestFormPage(page)
  await cluster.fillManifest(SEED_POD)

  const problem = forms.problemOn(3)
  await expect(problem).toContainText('strict decoding error: unknown field "metadate"')
  await expect(problem.getByTestId('check-hint')).toHaveText('Unknown field `metadate`: did you mean `metadata`?')
  await expect(forms.line(3).locator('.cm-lintRange-error')).toHaveCount(1)
  await expect(forms.line(3)).toContainText('metadate')
  await expect(forms.line(2).locator('.cm-lintRange-error')).toHaveCount(0)

  // The marked line says it too, hovering as a learner would.
  await forms.line(3).locator('.cm-lintRange-error').hover()
  await expect(page.getByTestId('manifest-editor').locator('.cm-tooltip-lint')).toContainText('did you mean `metadata`?')

  // The problem's "line 3" takes the cursor there.
  await page.getByTestId('goto-line-3').click()
  await expect(page.getByTestId('manifest-editor').locator('.cm-activeLine')).toContainText('metadate')

  // The form cannot show a pod whose YAML does not parse, and says where.
  await cluster.fillManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n')
  await forms.showForm()
  await expect(page.getByTestId('form-syntax')).toContainText('The YAML does not parse (line 4)')
  await expect(page.getByTestId('form-empty')).toHaveCount(0)
  await forms.showYaml()

  await cluster.fillManifest(SEED_POD)
  await page.getByTestId('language-ko').click()
  await expect(forms.problemOn(3).getByTestId('check-hint')).toHaveText('알 수 없는 필드 `metadate`: `metadata`을(를) 쓰려던 것인가요?')
  await page.getByTestId('language-en').click()

  // Fixed, the check passes and the preview says the pod runs.
  await cluster.fillManifest(SEED_POD.replace('metadate:', 'metadata:'))
  await expect(page.getByTestId('check-ok')).toBeVisible()
  await expect(forms.preview.getByTestId('preview-document')).toContainText('pod/mynginx created')
  await expect(page.getByTestId('manifest-editor').locator('.cm-lintRange-error')).toHaveCount(0)
  expect(errors).toEqual([])
})
