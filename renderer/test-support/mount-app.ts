import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { createAppI18n } from '../i18n/index.ts';

export interface MountInAppOptions {
  /** Runs with the fresh Pinia active, before mounting: put stores in the state under test. */
  readonly before?: () => void | Promise<void>;
  /** The app's own router when routes matter; by default any path matches, so RouterLinks resolve. */
  readonly router?: Router;
  readonly path?: string;
}

/**
 * Mounts a component as the app holds it: Polish texts with the app's plural rules, a fresh
 * Pinia and a router. Attached to the document, so focus can be checked: unmount after each
 * test (`enableAutoUnmount(afterEach)`). A component that needs props goes inside a render
 * function: `mountInApp({ render: () => h(Component, props) })`.
 */
export async function mountInApp<C extends Component>(component: C, options: MountInAppOptions = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  await options.before?.();
  const router = options.router ?? createRouter({ history: createMemoryHistory(), routes: [{ path: '/:path(.*)*', component: { render: () => null } }] });
  await router.push(options.path ?? '/kancelaria');
  await router.isReady();
  const wrapper = mount(component, { attachTo: document.body, global: { plugins: [pinia, createAppI18n('pl'), router] } });
  return { wrapper, router, pinia };
}
