import { css } from "lit";

export const styles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }

  /* Each colour is the public --coop-* property when the host sets it, else the theme's default for the scheme. */
  .base {
    color-scheme: light;
    --muted: var(--coop-muted-color, light-dark(#57606a, #9aa4af));
    --link: var(--coop-link-color, light-dark(#0a58ca, #6cb6ff));
    --line: var(--coop-border-color, light-dark(#d0d7de, #3d444d));
    color: var(--coop-color, light-dark(#1f2328, #e6edf3));
    background: var(--coop-background, light-dark(#fff, #0d1117));
    font: var(--coop-font-size, 0.9375rem) / 1.35 var(--coop-font-family, system-ui, sans-serif);
    border: 1px solid var(--line);
    border-radius: var(--coop-radius, 0.5rem);
  }
  .dark {
    color-scheme: dark;
  }
  .auto {
    color-scheme: light dark;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  /* Fixed row heights (two title lines and the meta line): the space reserved while loading equals the loaded list. */
  li {
    position: relative;
    display: grid;
    align-content: center;
    gap: 0.25em;
    height: 4.25em;
    padding: 0.75em 1em;
    overflow: hidden;
  }
  li + li {
    border-top: 1px solid var(--line);
  }
  .title,
  .cards .meta {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    white-space: normal;
  }
  .title {
    font-weight: 600;
  }
  a {
    color: var(--link);
    text-decoration: none;
    outline: 0;
  }
  /* The whole row is the link's click target and carries its focus ring. */
  a::after {
    content: "";
    position: absolute;
    inset: 0;
  }
  a:hover .title {
    text-decoration: underline;
  }
  a:focus-visible::after {
    outline: 2px solid var(--link);
    outline-offset: -3px;
  }
  .meta {
    margin: 0;
    font-size: 0.8125em;
    line-height: 1.4;
    color: var(--muted);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .meta > * + *::before {
    content: " · " / "";
  }

  .compact li {
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 1em;
    height: 2.5em;
    padding-block: 0;
  }
  .compact .title {
    -webkit-line-clamp: 1;
  }
  .compact .meta > :not([part="date"]) {
    display: none;
  }
  .compact [part="date"]::before {
    content: none;
  }

  .cards ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15em), 1fr));
    gap: 0.75em;
    padding: 0.75em;
  }
  .cards li {
    align-content: space-between;
    height: 7.5em;
    border: 1px solid var(--line);
    border-radius: 0.375em;
  }
  .cards .title {
    -webkit-line-clamp: 3;
  }

  /* Until the data arrives: the host's fallback content over an invisible list of the final size. */
  .pending {
    display: grid;
  }
  .pending > * {
    grid-area: 1 / 1;
  }
  .reserve {
    visibility: hidden;
  }
  .fallback,
  .message {
    margin: 0;
    padding: 0.75em 1em;
  }
  .message,
  .error {
    color: var(--muted);
  }
  .error {
    margin: 0.5em 0 0;
  }
  button {
    margin-inline-start: 0.5em;
    padding: 0.25em 0.75em;
    font: inherit;
    color: var(--link);
    background: none;
    border: 1px solid var(--line);
    border-radius: 0.375em;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--link);
    outline-offset: 2px;
  }
`;
