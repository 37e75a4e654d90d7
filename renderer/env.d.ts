/// <reference types="vite/client" />

// For tools that read .ts without Vue's language service (ESLint's type information).
// vue-tsc resolves the real .vue files and their props instead.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
