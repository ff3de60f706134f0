/** The popover's styles, inside its closed shadow root: the page's CSS cannot reach them. */
export const POPOVER_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important;
  z-index: 2147483647 !important; display: block !important; }
.frame { position: fixed; top: 0; left: 0; width: max-content; max-width: min(380px, calc(100vw - 16px)); }
.popover { box-sizing: border-box; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1c2230; background: #fff; border: 1px solid #d5d9e2; border-radius: 10px; padding: 12px 14px;
  box-shadow: 0 8px 28px rgb(15 23 42 / 0.18); text-align: left; }
header { display: flex; align-items: baseline; gap: 8px; }
h2 { font-size: 15px; font-weight: 650; margin: 0; }
h3 { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #5b6477; margin: 10px 0 4px; }
.kind { font-size: 11px; padding: 1px 7px; border-radius: 999px; background: #fff4c2; color: #6b4e00; }
.kind.topic { background: #dff3fd; color: #075985; }
.meta { margin: 2px 0 8px; color: #5b6477; font-size: 12px; }
.summary { margin: 0; }
.loading { color: #5b6477; }
ul { margin: 0; padding-left: 18px; }
.tags { list-style: none; padding: 0; margin-top: 10px; display: flex; flex-wrap: wrap; gap: 4px; }
.tags li { font-size: 11px; background: #eef1f6; color: #39425a; border-radius: 4px; padding: 1px 6px; }
.related { margin: 8px 0 0; color: #39425a; font-size: 12px; }
.popover:focus { outline: none; }
.popover:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
footer { margin-top: 10px; }
.row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.row.secondary { margin-top: 6px; gap: 2px 12px; }
.step { margin-left: auto; display: inline-flex; gap: 4px; }
button { font: inherit; font-size: 12px; cursor: pointer; border-radius: 6px; }
button.primary { border: 1px solid #3b4a6b; background: #3b4a6b; color: #fff; padding: 4px 10px; }
button.icon { border: 1px solid #c3c9d6; background: transparent; color: inherit; width: 26px; height: 24px;
  font-size: 16px; line-height: 1; padding: 0; }
button.link { border: 0; background: none; padding: 2px 0; color: #3b4a6b; text-decoration: underline;
  text-underline-offset: 2px; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.status { font-size: 12px; color: #9a3412; margin: 6px 0 0; }
@media (prefers-color-scheme: dark) {
  .popover { color: #e6e9ef; background: #1d2230; border-color: #394156; box-shadow: 0 8px 28px rgb(0 0 0 / 0.5); }
  h3, .meta, .loading { color: #a5adbf; }
  .kind { background: #4a3b00; color: #ffe27a; }
  .kind.topic { background: #0c3a52; color: #bae6fd; }
  .tags li { background: #2b3245; color: #cdd3e0; }
  .related { color: #cdd3e0; }
  button.primary { background: #8aa0d6; border-color: #8aa0d6; color: #0f1420; }
  button.icon { border-color: #4a5470; }
  button.link { color: #b9c7ea; }
  .status { color: #fdba74; }
}
`;
