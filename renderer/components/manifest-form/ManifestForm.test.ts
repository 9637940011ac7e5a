// @vitest-environment happy-dom
// The form and the YAML stay in step both ways (issue 11 item 2): typing into the form rewrites the YAML and
// keeps what the form does not know; a YAML edit reads the form again; a YAML that does not parse makes the form
// say where and go read-only.
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import ManifestForm from './ManifestForm.vue'
import { mount, type Mounted } from '../../testing/mount'

let mounted: Mounted | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

const text = ref('')
const Host = defineComponent({
  setup: () => () => h(ManifestForm, { text: text.value, disabled: false, 'onUpdate:text': (v: string) => (text.value = v) }),
})

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    tty: true\n'

function input(testid: string): HTMLInputElement {
  return mounted!.root.querySelector(`[data-testid="${testid}"]`)!
}

/** Lets the watchers run: the text's (re-read the form), then the render. */
async function settle(): Promise<void> {
  await nextTick()
  await nextTick()
}

async function type(testid: string, value: string): Promise<void> {
  const el = input(testid)
  el.value = value
  el.dispatchEvent(new Event('input'))
  await settle()
}

describe('ManifestForm', () => {
  it('typing an image rewrites that line of the YAML and keeps `tty: true`, which the form does not show', async () => {
    text.value = POD
    mounted = await mount(Host)
    expect(input('form-name').value).toBe('web')
    await type('container-0-image', 'busybox')
    expect(text.value).toBe(POD.replace('image: nginx', 'image: busybox'))
  })

  it('a YAML edit shows in the form', async () => {
    text.value = POD
    mounted = await mount(Host)
    text.value = POD.replace('name: web\nspec', 'name: shop\nspec')
    await settle()
    expect(input('form-name').value).toBe('shop')
  })

  it('a YAML that does not parse: the form says which line and is read-only until it parses', async () => {
    text.value = POD
    mounted = await mount(Host)
    text.value = POD.replace('  name: web\nspec', '  name: [web\nspec')
    await settle()
    expect(mounted.root.querySelector('[data-testid=form-syntax]')!.textContent).toContain('line 5')
    expect(mounted.root.querySelector('fieldset.form-body')!.hasAttribute('disabled')).toBe(true)
    text.value = POD
    await settle()
    expect(mounted.root.querySelector('[data-testid=form-syntax]')).toBeNull()
    expect(mounted.root.querySelector('fieldset.form-body')!.hasAttribute('disabled')).toBe(false)
  })

  it("a new Deployment's app label follows its name, as kubectl create deployment labels it", async () => {
    text.value = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: ""\n'
    mounted = await mount(Host)
    await type('form-name', 'web')
    expect(text.value).toContain('name: web')
    expect(text.value).toMatch(/matchLabels:\n\s+app: web/)
  })
})
