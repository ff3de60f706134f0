/** The annotation toolbar's styles, inside our closed shadow root (next to the popover's). */
export const TOOLBAR_CSS = `
.toolbar-frame { position: fixed; top: 0; left: 0; width: max-content; max-width: min(340px, calc(100vw - 16px)); }
.toolbar { box-sizing: border-box; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1c2230; background: #fff; border: 1px solid #d5d9e2; border-radius: 8px; padding: 6px;
  box-shadow: 0 6px 20px rgb(15 23 42 / 0.18); text-align: left; }
.toolbar .row { display: flex; align-items: center; gap: 6px; }
.toolbar button.plain { border: 1px solid #c3c9d6; background: transparent; color: inherit; padding: 4px 10px; }
.toolbar .note { margin: 2px 4px 8px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 12em; overflow: auto; }
.toolbar .note.empty { color: #5b6477; }
.toolbar .byline { margin: 2px 4px 4px; font-size: 12px; color: #5b6477; }
.note-editor { display: flex; flex-direction: column; gap: 6px; width: min(320px, calc(100vw - 32px)); }
.note-editor label { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #5b6477; }
.note-editor textarea { font: inherit; resize: vertical; min-height: 4em; box-sizing: border-box; width: 100%;
  border: 1px solid #c3c9d6; border-radius: 6px; padding: 6px; color: inherit; background: transparent; }
.note-editor textarea:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.toolbar .hint { font-size: 11px; color: #5b6477; margin-left: auto; }
@media (prefers-color-scheme: dark) {
  .toolbar { color: #e6e9ef; background: #1d2230; border-color: #394156; box-shadow: 0 6px 20px rgb(0 0 0 / 0.5); }
  .toolbar button.plain, .note-editor textarea { border-color: #4a5470; }
  .toolbar .note.empty, .toolbar .byline, .note-editor label, .toolbar .hint { color: #a5adbf; }
}
`;
