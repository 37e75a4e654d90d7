import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { sections } from './sections.ts';
import SectionPendingView from './views/SectionPendingView.vue';
import SettingsView from './views/SettingsView.vue';

/**
 * Hash history: the same URLs work under app://kancelaria/index.html and on the devserver
 * without a server-side fallback route.
 */
export function createAppRouter() {
  const routes: RouteRecordRaw[] = [{ path: '/', redirect: '/kancelaria' }];
  for (const section of sections) {
    routes.push(
      section.built
        ? { path: section.path, name: section.key, component: SettingsView }
        : { path: section.path, name: section.key, component: SectionPendingView, props: { section: section.key } },
    );
  }
  routes.push({ path: '/:pathMatch(.*)*', redirect: '/kancelaria' });
  return createRouter({ history: createWebHashHistory(), routes });
}
