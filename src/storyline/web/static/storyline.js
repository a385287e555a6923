// storyline: the little script the story page needs — expand an entry, filter the timeline.
// No framework, no build step; the page works without it (entries are simply all expanded).
"use strict";

function storylineToggle(entry, open) {
  const detail = entry.querySelector(".entry-detail");
  const button = entry.querySelector(".toggle");
  if (!detail) return;
  const show = open === undefined ? detail.hidden : open;
  detail.hidden = !show;
  entry.classList.toggle("open", show);
  if (button) {
    button.setAttribute("aria-expanded", String(show));
    button.textContent = show ? "hide sources" : "show sources";
  }
}

function storylineFilter(form) {
  const actor = form.querySelector("[name=actor]").value;
  const type = form.querySelector("[name=source_type]").value;
  const status = form.querySelector("[name=status]").value;
  let shown = 0;
  document.querySelectorAll("li.entry").forEach((entry) => {
    const actors = (entry.dataset.actors || "").split("|");
    const types = (entry.dataset.sourceTypes || "").split(" ");
    const ok = (!actor || actors.includes(actor)) &&
      (!type || types.includes(type)) &&
      (!status || (entry.dataset.statuses || "").split("|").includes(status));
    entry.hidden = !ok;
    if (ok) shown += 1;
  });
  const counter = document.getElementById("shown-count");
  if (counter) counter.textContent = String(shown);
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("li.entry").forEach((entry) => {
    // The toggle is made here, not sent with each entry: without script, entries stay open.
    const meta = entry.querySelector(".entry-meta");
    const detail = entry.querySelector(".entry-detail");
    if (meta && detail) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "toggle";
      button.setAttribute("aria-controls", detail.id);
      button.addEventListener("click", (ev) => { ev.stopPropagation(); storylineToggle(entry); });
      meta.appendChild(button);
    }
    storylineToggle(entry, false);
    const head = entry.querySelector(".entry-head");
    if (head) head.addEventListener("click", () => storylineToggle(entry));
  });
  const form = document.getElementById("timeline-filters");
  if (form) {
    form.hidden = false;
    form.addEventListener("change", () => storylineFilter(form));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); storylineFilter(form); });
    const reset = form.querySelector("[type=reset]");
    if (reset) reset.addEventListener("click", () => setTimeout(() => storylineFilter(form), 0));
  }
});

// "Follow" forms (story, entity and search pages): post the follow as JSON, show its Atom feed.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form.follow").forEach((form) => {
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const out = form.querySelector(".follow-result");
      const email = form.querySelector("input[name=email]").value;
      const body = { emails: [email] };
      body[form.dataset.followKind] = form.dataset.followTarget;
      try {
        const answer = await fetch(form.action, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
        const data = await answer.json();
        if (!answer.ok) {
          out.textContent = (data.error && data.error.message) || "Could not follow.";
          return;
        }
        out.textContent = "Following. Feed: ";
        const link = document.createElement("a");
        link.href = data.feed;
        link.textContent = data.feed;
        out.appendChild(link);
      } catch (err) {
        out.textContent = "Could not reach the server.";
      }
    });
  });
});
