// Composition only: pick the API (Electron preload or WebSocket), then Vue, Pinia, vue-i18n and the router.

import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createApi } from './adapter'
import { apiKey, connectionKey } from './adapter/inject'
import { createPodlabI18n } from './i18n'
import { createPodlabRouter } from './router'
import { usePreferencesStore } from './stores/preferences'
import './styles/fonts'
import './styles/app.css'

const { api, connection } = createApi(window)
const pinia = createPinia()

const app = createApp(App)
  .provide(apiKey, api)
  .provide(connectionKey, connection)
  .use(pinia)
  .use(createPodlabI18n())
  .use(createPodlabRouter())
// The theme and zoom land on <html> before the first paint, so a dark-theme learner never sees a white flash.
usePreferencesStore(pinia)
app.mount('#app')
