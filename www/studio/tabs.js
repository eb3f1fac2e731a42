// Tabs as the ARIA pattern has them: one tab stop for the list, arrow keys (and Home, End) move
// between tabs and show each one's panel.

export class Tabs {
  /** @param {HTMLElement} list  the role="tablist" element  @param {(id: string) => void} onShow */
  constructor(list, onShow) {
    this.tabs = [...list.querySelectorAll('[role="tab"]')];
    this.onShow = onShow;
    for (const tab of this.tabs) {
      tab.addEventListener('click', () => this.show(tab.id));
      tab.addEventListener('keydown', (e) => {
        const i = this.tabs.indexOf(tab);
        const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: this.tabs.length - 1 }[e.key];
        if (to === undefined) return;
        e.preventDefault();
        const next = this.tabs[(to + this.tabs.length) % this.tabs.length];
        this.show(next.id);
        next.focus();
      });
    }
  }

  get current() { return this.tabs.find((t) => t.getAttribute('aria-selected') === 'true')?.id; }

  show(id) {
    for (const tab of this.tabs) {
      const on = tab.id === id;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !on;
    }
    this.onShow(id);
  }
}
