import { createApp, watch } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { useApi } from './api/index.ts';
import { createAppI18n } from './i18n/index.ts';
import { createAppRouter } from './router.ts';
import { useAppStore } from './stores/app.ts';
import { useSessionStore } from './stores/session.ts';
import { useSettingsStore } from './stores/settings.ts';
import './styles.css';

// First, before the router reads the address: take the devserver token out of the URL fragment.
const api = useApi();

const app = createApp(App);
const pinia = createPinia();
const i18n = createAppI18n('pl');
app.use(pinia).use(i18n).use(createAppRouter());

const settings = useSettingsStore();
const appStore = useAppStore();
const session = useSessionStore();
// The saved language drives the UI; <html lang> follows for screen readers and hyphenation.
watch(
  () => settings.saved?.uiLanguage,
  (language) => {
    if (!language) return;
    i18n.global.locale.value = language;
    document.documentElement.lang = language;
  },
);

api.on('settings.changed', (next) => settings.receive(next));
api.on('app.updateAvailable', ({ version }) => appStore.announceUpdate(version));

// Listening first: a sign-in or sync change between the two is then never missed.
session.listen();
void Promise.all([settings.load(), appStore.load(), session.load()]);
app.mount('#app');
