import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { sections } from './sections.ts';
import ConflictsView from './views/registry/ConflictsView.vue';
import ItemDetailView from './views/registry/ItemDetailView.vue';
import RegisterItemView from './views/registry/RegisterItemView.vue';
import RegisterListView from './views/registry/RegisterListView.vue';
import TrayView from './views/registry/TrayView.vue';
import OutgoingRegisterView from './views/outgoing/OutgoingRegisterView.vue';
import CaseDetailView from './views/cases/CaseDetailView.vue';
import CaseRegisterView from './views/cases/CaseRegisterView.vue';
import MyCasesView from './views/cases/MyCasesView.vue';
import OpenCaseView from './views/cases/OpenCaseView.vue';
import DekretacjaView from './views/routing/DekretacjaView.vue';
import AcceptanceChainsView from './views/replies/AcceptanceChainsView.vue';
import TemplatesView from './views/replies/TemplatesView.vue';
import ComplaintsRegisterView from './views/reports/ComplaintsRegisterView.vue';
import ReportsView from './views/reports/ReportsView.vue';
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
          { path: `${section.path}/do-rozdzielenia`, name: 'tray', component: TrayView },
          { path: `${section.path}/wysylka`, name: 'outgoing', component: OutgoingRegisterView },
        );
        break;
      case 'ustawienia':
        routes.push({ path: section.path, name: section.key, component: SettingsView });
        break;
      case 'dekretacja':
        routes.push({ path: section.path, name: section.key, component: DekretacjaView });
        break;
      case 'mojeSprawy':
        routes.push(
          { path: section.path, name: section.key, component: MyCasesView },
          // ?itemId= opens the case from that letter (from the inbox or the register entry).
          { path: `${section.path}/nowa`, name: 'openCase', component: OpenCaseView },
          { path: `${section.path}/sprawa/:id`, name: 'caseDetail', component: CaseDetailView, props: true },
          { path: `${section.path}/spis-spraw`, name: 'caseRegister', component: CaseRegisterView },
        );
        break;
      case 'odpowiedzi':
        // For now the section holds the letter templates; drafting replies in a case comes next.
        routes.push(
          { path: section.path, name: section.key, component: TemplatesView },
          { path: `${section.path}/akceptacja`, name: 'acceptanceChains', component: AcceptanceChainsView },
        );
        break;
      case 'raporty':
        routes.push(
          { path: section.path, name: section.key, component: ReportsView },
          { path: `${section.path}/skargi-i-wnioski`, name: 'complaintsRegister', component: ComplaintsRegisterView },
        );
        break;
    }
  }
  routes.push({ path: '/:pathMatch(.*)*', redirect: '/kancelaria' });
  return createRouter({ history: createWebHashHistory(), routes });
}
