/**
 * The layer picker: a single-select listbox (WAI-ARIA pattern with aria-activedescendant).
 * Arrow keys / Home / End / PageUp / PageDown move the active option, Enter or Space selects it,
 * typing a letter jumps to the next layer starting with it.
 */
import type { LayerMeta } from './messages';

export interface LayerListEvents {
  select(name: string): void;
  reveal(name: string): void;
}

const BADGE: Record<string, { text: string; attr: string } | undefined> = {
  faulty: { text: 'fault', attr: 'data-faulty' },
  warning: { text: 'warn', attr: 'data-warning' },
};

export class LayerList {
  private layers: LayerMeta[] = [];
  private selected: string | null = null;
  private active = -1;
  /** The option that currently carries the `active` class. */
  private shown = -1;
  private readonly items: HTMLLIElement[] = [];

  constructor(
    readonly el: HTMLUListElement,
    private readonly on: LayerListEvents,
  ) {
    el.setAttribute('role', 'listbox');
    el.tabIndex = 0;
    el.addEventListener('keydown', (e) => this.onKey(e));
    el.addEventListener('click', (e) => {
      const i = this.indexOf(e.target);
      if (i < 0) return;
      this.setActive(i);
      this.on.select(this.layers[i]!.name);
    });
    el.addEventListener('dblclick', (e) => {
      const i = this.indexOf(e.target);
      if (i >= 0 && this.layers[i]!.hasSite) this.on.reveal(this.layers[i]!.name);
    });
    el.addEventListener('focus', () => {
      if (this.active < 0 && this.layers.length) this.setActive(Math.max(0, this.layers.findIndex((l) => l.name === this.selected)));
    });
  }

  /** Rebuilds the options (only when the layers changed) and marks the selection. */
  render(layers: LayerMeta[], selected: string | null): void {
    if (layers !== this.layers) {
      const activeName = this.layers[this.active]?.name;
      this.layers = layers;
      this.el.replaceChildren(...layers.map((l, i) => this.option(l, i)));
      this.items.length = 0;
      this.items.push(...(Array.from(this.el.children) as HTMLLIElement[]));
      this.active = activeName === undefined ? -1 : layers.findIndex((l) => l.name === activeName);
      this.shown = -1;
      this.selected = null;
    }
    if (selected !== this.selected) {
      this.selected = selected;
      this.items.forEach((li, i) => li.setAttribute('aria-selected', String(layers[i]!.name === selected)));
      const si = layers.findIndex((l) => l.name === selected);
      if (si >= 0 && (this.active < 0 || document.activeElement !== this.el)) this.setActive(si, false);
    }
    this.syncActive();
  }

  /** Makes a layer the active option and scrolls it into view (used for focus requests). */
  reveal(name: string): void {
    const i = this.layers.findIndex((l) => l.name === name);
    if (i >= 0) this.setActive(i);
  }

  private option(l: LayerMeta, i: number): HTMLLIElement {
    const li = document.createElement('li');
    li.id = `layer-opt-${l.index}`;
    li.className = 'option';
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset['layer'] = l.name;
    li.dataset['index'] = String(l.index);
    li.dataset['health'] = l.health;
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = l.name;
    const cls = document.createElement('span');
    cls.className = 'cls';
    cls.textContent = l.className;
    li.append(name, cls);
    const b = BADGE[l.health];
    let label = `${l.name}, ${l.className}`;
    if (b) {
      const badge = document.createElement('span');
      badge.className = `badge ${l.health}`;
      badge.setAttribute(b.attr, '');
      badge.textContent = b.text;
      if (l.note) badge.title = l.note;
      li.append(badge);
      label += `, ${l.health === 'faulty' ? 'faulty' : 'warning'}${l.note ? `: ${l.note}` : ''}`;
    }
    li.setAttribute('aria-label', label);
    li.setAttribute('aria-posinset', String(i + 1));
    li.setAttribute('aria-setsize', String(this.layers.length));
    return li;
  }

  private indexOf(target: EventTarget | null): number {
    const li = (target as HTMLElement | null)?.closest?.('li.option');
    return li ? this.items.indexOf(li as HTMLLIElement) : -1;
  }

  private setActive(i: number, scroll = true): void {
    this.active = Math.max(0, Math.min(this.layers.length - 1, i));
    this.syncActive();
    if (scroll) this.items[this.active]?.scrollIntoView({ block: 'nearest' });
  }

  private syncActive(): void {
    if (this.shown !== this.active) this.items[this.shown]?.classList.remove('active');
    this.shown = this.active;
    const li = this.items[this.active];
    li?.classList.add('active');
    if (li) this.el.setAttribute('aria-activedescendant', li.id);
    else this.el.removeAttribute('aria-activedescendant');
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.layers.length;
    if (!n) return;
    const cur = this.active < 0 ? Math.max(0, this.layers.findIndex((l) => l.name === this.selected)) : this.active;
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowDown':
        next = this.active < 0 ? cur : cur + 1;
        break;
      case 'ArrowUp':
        next = this.active < 0 ? cur : cur - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = n - 1;
        break;
      case 'PageDown':
        next = cur + 10;
        break;
      case 'PageUp':
        next = cur - 10;
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (this.layers[cur]) this.on.select(this.layers[cur]!.name);
        return;
      default:
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
          const k = e.key.toLowerCase();
          for (let d = 1; d <= n; d++) {
            const j = (cur + d) % n;
            if (this.layers[j]!.name.toLowerCase().startsWith(k)) {
              next = j;
              break;
            }
          }
        }
        if (next === null) return;
    }
    e.preventDefault();
    this.setActive(next);
  }
}
