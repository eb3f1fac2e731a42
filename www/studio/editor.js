// The policy editor: CodeMirror 6 with line numbers, TOML highlighting, search, undo, and the
// diagnostics marked at their lines.
//
// It lives in a shadow root. CodeMirror adds its styles (and the theme below) at run time; in
// a document it would add them as <style> elements, which the strict Content-Security-Policy
// (style-src 'self') refuses, but in a shadow root it adopts constructed style sheets, which the
// policy allows. A browser test checks that no style is refused.

import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  highlightSpecialChars, EditorState, StreamLanguage, syntaxHighlighting, HighlightStyle, bracketMatching,
  indentOnInput, tags, toml, defaultKeymap, history, historyKeymap, search, searchKeymap,
  highlightSelectionMatches, setDiagnostics, lintGutter, lintKeymap,
} from './vendor.js';

// Colours with at least 4.5:1 contrast on the editor's white and on the current line's tint.
const highlight = HighlightStyle.define([
  { tag: tags.comment, color: '#505a5f', fontStyle: 'italic' },
  { tag: tags.atom, color: '#5b2a86', fontWeight: '700' }, // [table] headers, true and false
  { tag: tags.propertyName, color: '#1d4f91' },
  { tag: tags.string, color: '#005a30' },
  { tag: tags.number, color: '#8a3c00' },
]);

// Line numbers and marks in dark enough greys to read (4.5:1), and a yellow focus ring as on
// the rest of the page.
const theme = EditorView.theme({
  '&': { height: '100%', border: '2px solid #0b0c0c', fontSize: '14px', backgroundColor: '#fff', color: '#0b0c0c' },
  '&.cm-focused': { outline: '3px solid #ffdd00', outlineOffset: '0' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: '#f3f2f1', color: '#505a5f', borderRight: '1px solid #b1b4b6' },
  '.cm-activeLine': { backgroundColor: '#eef3f9' },
  '.cm-activeLineGutter': { backgroundColor: '#dde7f2', color: '#0b0c0c' },
  '.cm-panels': { backgroundColor: '#f3f2f1', color: '#0b0c0c' },
  '.cm-panels input, .cm-panels button, .cm-panels label': { fontSize: '14px', color: '#0b0c0c' },
  '.cm-textfield': { border: '2px solid #0b0c0c' },
  '.cm-button': { backgroundImage: 'none', backgroundColor: '#fff', border: '2px solid #0b0c0c' },
  '.cm-tooltip': { backgroundColor: '#fff', color: '#0b0c0c', border: '1px solid #0b0c0c' },
});

export class PolicyEditor {
  /** @param {HTMLElement} host  @param {{ label: string, onChange: () => void }} options */
  constructor(host, { label, onChange }) {
    const root = host.attachShadow({ mode: 'open' });
    const mount = document.createElement('div');
    mount.style.height = '100%'; // (CSSOM, which the CSP allows): the editor fills its host and scrolls inside it
    root.append(mount);
    this.extensions = [
      lineNumbers(),
      // Notes and headlines are long lines of prose: wrapped, they can be read without scrolling.
      EditorView.lineWrapping,
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      search({ top: true }),
      lintGutter(),
      StreamLanguage.define(toml),
      syntaxHighlighting(highlight),
      theme,
      // Tab is left to move focus (no indentWithTab), so the editor never traps the keyboard.
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
      // The hint outside the shadow root cannot be referenced from inside it, so the label says it
      // all. The explicit tabindex names the (already focusable) text as the scroller's keyboard
      // access, which checkers such as axe look for; it adds no tab stop.
      EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
      EditorView.updateListener.of((update) => { if (update.docChanged) onChange(); }),
    ];
    this.view = new EditorView({ parent: mount, root, state: EditorState.create({ doc: '', extensions: this.extensions }) });
  }

  get text() { return this.view.state.doc.toString(); }

  /** Replaces the whole text (a file opened): a new state, so undo does not cross files. */
  set text(value) {
    this.view.setState(EditorState.create({ doc: value, extensions: this.extensions }));
  }

  /** Marks each diagnostic at its line ({ line, severity, message }). */
  mark(diagnostics) {
    const doc = this.view.state.doc;
    const marks = diagnostics
      .filter((d) => d.line && d.line <= doc.lines)
      .map((d) => {
        const line = doc.line(d.line);
        return { from: line.from, to: line.to, severity: d.severity === 'error' ? 'error' : 'warning', message: d.message };
      });
    this.view.dispatch(setDiagnostics(this.view.state, marks));
  }

  /** Puts the cursor at the start of a line, scrolls it to the middle, and gives the editor focus. */
  jumpTo(lineNumber) {
    const doc = this.view.state.doc;
    const line = doc.line(Math.min(Math.max(1, lineNumber), doc.lines));
    this.view.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
    this.view.focus();
  }

  /** The line the cursor is on (1-based). */
  get cursorLine() { return this.view.state.doc.lineAt(this.view.state.selection.main.head).number; }
}
