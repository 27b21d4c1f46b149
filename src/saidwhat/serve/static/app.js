// saidwhat: a little progressive enhancement. Every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Article: clicking a highlighted quote shows its speaker's evidence next to it (the
  // speaker button beside it does that without script); all pieces of the same quote light
  // up together. Hovering a quote in the list below the text lights it up too.
  const lightUp = (element) => {
    const pieces = document.querySelectorAll(`mark.q[data-q="${element.dataset.q}"]`);
    element.addEventListener("mouseenter", () => pieces.forEach((m) => m.classList.add("active")));
    element.addEventListener("mouseleave", () => pieces.forEach((m) => m.classList.remove("active")));
  };
  for (const mark of document.querySelectorAll("mark.q[data-q]")) {
    lightUp(mark);
    mark.addEventListener("click", () => {
      const pop = document.getElementById(`ev-${mark.dataset.q}`);
      if (pop && pop.togglePopover) pop.togglePopover({ source: mark });
    });
  }
  document.querySelectorAll(".quote-list li[data-q]").forEach(lightUp);
  // A browser without CSS anchor positioning would open the evidence mid-screen: there it is
  // placed by hand below (or above, where there is more room) what opened it, and closed on
  // scrolling, since it does not move with the page.
  if (!CSS.supports("position-area: bottom")) {
    let opener = null;
    for (const element of document.querySelectorAll("mark.q[data-q], button.who")) {
      element.addEventListener("click", () => { opener = element; });
    }
    for (const pop of document.querySelectorAll(".pop[popover]")) {
      pop.addEventListener("toggle", (event) => {
        if (event.newState === "open" && opener) placeBeside(pop, opener.getBoundingClientRect());
      });
    }
    window.addEventListener("scroll", () => {
      document.querySelectorAll(".pop:popover-open").forEach((pop) => pop.hidePopover());
    }, { passive: true });
  }
  // Paste: say that the work is under way (spaCy takes a moment on a long article).
  const paste = document.querySelector("form.paste");
  if (paste) {
    paste.addEventListener("submit", () => {
      paste.querySelector(".busy").hidden = false;
      paste.querySelector("button").disabled = true;
    });
  }
  // Search: empty facet fields are left out of the URL, so links stay short and shareable;
  // a speaker chosen from a facet shows as a name but stays filtered by its id while the
  // name is left as it is (namesakes never mix).
  const search = document.querySelector("form.search");
  if (search) {
    search.addEventListener("submit", () => {
      const speaker = search.querySelector("#speaker");
      if (speaker.dataset.id && speaker.value === speaker.dataset.name) {
        speaker.value = speaker.dataset.id;
      }
      for (const field of search.querySelectorAll("input, select")) {
        if (!field.value) field.disabled = true;
      }
    });
  }
  // Search on a phone: the facets above the results start folded.
  const refine = document.querySelector("details.refine");
  if (refine && window.matchMedia("(max-width: 52rem)").matches) refine.open = false;
});

function placeBeside(pop, anchor) {
  const gap = 4, room = { below: innerHeight - anchor.bottom, above: anchor.top };
  Object.assign(pop.style, { positionArea: "none", positionTryFallbacks: "none",
    position: "fixed", margin: "0", right: "auto" });
  if (room.below >= room.above) {
    Object.assign(pop.style, { top: `${anchor.bottom + gap}px`, bottom: "auto" });
    pop.style.maxHeight = `${room.below - 2 * gap}px`;
  } else {
    Object.assign(pop.style, { top: "auto", bottom: `${innerHeight - anchor.top + gap}px` });
    pop.style.maxHeight = `${room.above - 2 * gap}px`;
  }
  const left = Math.min(anchor.left, innerWidth - pop.offsetWidth - gap);
  pop.style.left = `${Math.max(gap, left)}px`;
}
