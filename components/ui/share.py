"""A share panel that works on a phone: the link spelled out, copy and native-share buttons, and embed code.

Streamlit has no copy-to-clipboard command, so this is a small ``st.components.v2`` component. Its HTML is
fixed; the link reaches it as data and is only ever set as text, never as markup.
"""

from __future__ import annotations

import streamlit as st

from components.core.i18n import tr

_HTML = """
<div class="share">
  <p class="link" data-testid="share-link"></p>
  <div class="buttons">
    <button type="button" class="copy-link">Copy link</button>
    <button type="button" class="native-share" hidden>Share…</button>
    <button type="button" class="copy-embed">Copy embed code</button>
  </div>
  <p class="status" role="status" aria-live="polite"></p>
</div>
"""

_CSS = """
.share { font-family: inherit; font-size: 0.95rem; }
.link { margin: 0 0 0.5rem; padding: 0.5rem 0.75rem; border: 1px solid rgba(49, 51, 63, 0.2);
        border-radius: 0.5rem; overflow-wrap: anywhere; font-family: monospace; font-size: 0.85rem; }
.buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
button { font: inherit; min-height: 2.5rem; padding: 0.25rem 0.9rem; border-radius: 0.5rem; cursor: pointer;
         border: 1px solid rgba(49, 51, 63, 0.3); background: #fff; color: #31333f; }
button:hover, button:focus-visible { border-color: #0072b2; color: #0072b2; }
.status { margin: 0.35rem 0 0; min-height: 1.2em; color: #006e4f; font-size: 0.85rem; }
"""

_JS = """
export default function (component) {
  const root = component.parentElement;
  const link = new URL(component.data.target, window.location.href).toString();
  const embedUrl = new URL(link);
  embedUrl.searchParams.set("embed", "true");
  const title = component.data.title.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  const embed = '<iframe src="' + embedUrl.toString().replaceAll('"', "%22") + '" title="' + title +
    '" width="600" height="450" style="border:0; max-width:100%" loading="lazy"></iframe>';
  const status = root.querySelector(".status");
  const words = component.data.words;
  root.querySelector(".link").textContent = link;
  root.querySelector(".copy-link").textContent = words.copy_link;
  root.querySelector(".native-share").textContent = words.share;
  root.querySelector(".copy-embed").textContent = words.copy_embed;

  async function copy(text, done) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (error) {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    status.textContent = done;
  }

  root.querySelector(".copy-link").onclick = () => copy(link, words.link_copied);
  root.querySelector(".copy-embed").onclick = () => copy(embed, words.embed_copied);
  const share = root.querySelector(".native-share");
  if (navigator.share) {
    share.hidden = false;
    share.onclick = () => navigator.share({ title: component.data.title, url: link }).catch(() => {});
  }
}
"""

COMPONENT_NAME = "india_russia_share_panel"
_share_panel = st.components.v2.component(COMPONENT_NAME, html=_HTML, css=_CSS, js=_JS)


def share_panel(target: str, title: str, key: str) -> None:
    """The share buttons for ``target``, a page path and query relative to this page (e.g. 'what-if?base=…')."""
    words = {
        "copy_link": tr("Copy link"),
        "share": tr("Share…"),
        "copy_embed": tr("Copy embed code"),
        "link_copied": tr("Link copied."),
        "embed_copied": tr("Embed code copied."),
    }
    _share_panel(data={"target": target, "title": title, "words": words}, key=key)
