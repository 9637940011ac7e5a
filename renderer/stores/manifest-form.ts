// How the manifest panel shows the manifest (issue 11 item 2): as YAML or as a form, and the Workloads view's
// "New" that starts a Deployment or a Job there. The form's own logic is in renderer/forms.

import { defineStore } from 'pinia'
import { ref } from 'vue'
import { emptyContainer, emptyForm, type FormKind } from '../forms/model'
import { newDocument } from '../forms/write'
import { useApplyStore } from './apply'

/** `both`: the form beside the YAML, offered when the pane is wide. */
export type ManifestMode = 'form' | 'yaml' | 'both'

export const useManifestFormStore = defineStore('manifestForm', () => {
  const manifest = useApplyStore()
  const mode = ref<ManifestMode>('yaml')

  /**
   * Replaces the editor's text by a new `kind`, and shows it as a form. A Deployment or Job starts with the
   * label `app`, which follows the name as `kubectl create deployment NAME` labels it (app=NAME).
   */
  function startNew(kind: FormKind): void {
    const form = emptyForm(kind)
    // A starter name and image, so the first check has nothing to complain of before the learner types
    // (an empty name is `resource name may not be empty`, in red, on a form just opened).
    form.name = kind === 'Job' ? 'job' : 'web'
    if (kind !== 'Pod') form.labels = [{ key: 'app', value: form.name }]
    form.containers = [kind === 'Job' ? emptyContainer('main', 'busybox') : emptyContainer('nginx', 'nginx')]
    if (kind === 'Deployment') form.replicas = '1'
    if (kind === 'Job') form.restartPolicy = 'Never'
    manifest.text = newDocument(form)
    mode.value = 'form'
  }

  return { mode, startNew }
})
