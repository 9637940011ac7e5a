// Composition only: pick the API (Electron preload or WebSocket), then Vue, Pinia and vue-i18n.

import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createApi } from './adapter'
import { apiKey, connectionKey } from './adapter/inject'
import { createPodlabI18n } from './i18n'
import './styles/app.css'

const { api, connection } = createApi(window)

createApp(App)
  .provide(apiKey, api)
  .provide(connectionKey, connection)
  .use(createPinia())
  .use(createPodlabI18n())
  .mount('#app')
