import { onBeforeUnmount, onMounted } from 'vue';
import { useRouter } from 'vue-router';
import { sections } from '../sections.ts';

/** Alt+1…Alt+6 open the sections: registry clerks work from the keyboard. */
export function useSectionShortcuts(): void {
  const router = useRouter();
  const onKey = (event: KeyboardEvent): void => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(event.key) - 1;
    const section = Number.isInteger(index) ? sections[index] : undefined;
    if (!section) return;
    event.preventDefault();
    void router.push(section.path);
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
