import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { sections } from './sections.ts';
import ConflictsView from './views/registry/ConflictsView.vue';
import ItemDetailView from './views/registry/ItemDetailView.vue';
import RegisterItemView from './views/registry/RegisterItemView.vue';
import RegisterListView from './views/registry/RegisterListView.vue';
import SectionPendingView from './views/SectionPendingView.vue';
import SettingsView from './views/SettingsView.vue';

/**
 * Hash history: the same URLs work under app://kancelaria/index.html and on the devserver
 * without a server-side fallback route.
 */
export function createAppRouter() {
  const routes: RouteRecordRaw[] = [{ path: '/', redirect: '/kancelaria' }];
  for (const section of sections) {
    switch (section.key) {
      case 'kancelaria':
        routes.push(
          { path: section.path, name: 'kancelaria', component: RegisterItemView },
          { path: `${section.path}/rejestr`, name: 'register', component: RegisterListView },
          { path: `${section.path}/rejestr/:id`, name: 'registerEntry', component: ItemDetailView, props: true },
          { path: `${section.path}/konflikty`, name: 'conflicts', component: ConflictsView },
        );
        break;
      case 'ustawienia':
        routes.push({ path: section.path, name: section.key, component: SettingsView });
        break;
      case 'dekretacja':
      case 'mojeSprawy':
      case 'odpowiedzi':
      case 'raporty':
        routes.push({ path: section.path, name: section.key, component: SectionPendingView, props: { section: section.key } });
        break;
    }
  }
  routes.push({ path: '/:pathMatch(.*)*', redirect: '/kancelaria' });
  return createRouter({ history: createWebHashHistory(), routes });
}
