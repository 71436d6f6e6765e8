// The reader's only script, served from /static/app.js (the Content-Security-Policy allows
// scripts from our own origin and nothing else, inline included). Every page works without it;
// it adds three things:
// - "new since your last visit": a story page remembers (localStorage) the story's last update
//   time as the server gave it, and next time marks the articles first seen after it; the front
//   page marks stories updated since. Server times on both sides, so a wrong client clock
//   cannot mislead it.
// - keyboard navigation: j / k move between the headlines of a list, / opens search;
// - a theme switch (system, dark, light), remembered.
// It only ever sets textContent and attributes, never markup.
import { createHash } from 'node:crypto';

export const APP_JS = `(function () {
  'use strict';
  var store = null;
  try { store = window.localStorage; store.getItem('storyline:probe'); } catch (e) { store = null; }
  function get(key) { try { return store ? store.getItem(key) : null; } catch (e) { return null; } }
  function set(key, value) { try { if (store) store.setItem(key, value); } catch (e) { /* full or denied */ } }
  var root = document.documentElement;

  var THEMES = ['system', 'dark', 'light'];
  function applyTheme(theme) {
    if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
    else root.removeAttribute('data-theme');
  }
  var theme = get('storyline:theme') || 'system';
  applyTheme(theme);
  var nav = document.querySelector('header.site nav');
  if (nav) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'theme';
    button.textContent = 'Theme: ' + theme;
    button.addEventListener('click', function () {
      theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
      applyTheme(theme);
      set('storyline:theme', theme);
      button.textContent = 'Theme: ' + theme;
    });
    nav.appendChild(button);
  }

  function seenKey(id) { return 'storyline:seen:' + id; }
  function time(iso) { var t = Date.parse(iso || ''); return isNaN(t) ? null : t; }
  function badge(el, text) {
    var b = document.createElement('span');
    b.className = 'new-badge';
    b.textContent = text;
    el.appendChild(b);
  }
  var story = document.querySelector('article.story[data-story]');
  if (story) {
    var id = story.getAttribute('data-story');
    var last = time(get(seenKey(id)));
    if (last !== null) {
      var fresh = 0;
      var counted = {};
      var items = story.querySelectorAll('[data-first-seen]');
      for (var i = 0; i < items.length; i++) {
        var seen = time(items[i].getAttribute('data-first-seen'));
        if (seen === null || seen <= last) continue;
        items[i].classList.add('new');
        badge(items[i], 'new');
        var link = items[i].querySelector('a');
        var key = link ? link.getAttribute('href') : String(i);
        if (!counted[key]) { counted[key] = true; fresh++; }
      }
      var note = document.createElement('p');
      note.className = 'since';
      note.setAttribute('role', 'status');
      note.textContent = fresh === 0
        ? 'Nothing new since your last visit.'
        : fresh + (fresh === 1 ? ' new article' : ' new articles') + ' since your last visit, marked “new”.';
      var h1 = story.querySelector('h1');
      if (h1 && h1.parentNode) h1.parentNode.insertBefore(note, h1.nextSibling);
    }
    var updated = story.getAttribute('data-updated');
    if (updated) set(seenKey(id), updated);
  }
  var listed = document.querySelectorAll('ol.stories > li[data-story]');
  for (var j = 0; j < listed.length; j++) {
    var visit = time(get(seenKey(listed[j].getAttribute('data-story'))));
    var changed = time(listed[j].getAttribute('data-updated'));
    if (visit !== null && changed !== null && changed > visit) {
      var h2 = listed[j].querySelector('h2');
      if (h2) badge(h2, 'updated since your visit');
    }
  }

  function headlines() {
    return document.querySelectorAll('main ol.stories h2 a, main ul.copies > li > a:first-child, main ul.related > li > a');
  }
  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    var tag = target && target.tagName ? target.tagName.toLowerCase() : '';
    if (tag === 'input' || tag === 'textarea' || tag === 'select' || (target && target.isContentEditable)) return;
    if (event.key === '/') {
      var search = document.getElementById('q');
      event.preventDefault();
      if (search) search.focus(); else window.location.href = '/search';
      return;
    }
    if (event.key !== 'j' && event.key !== 'k') return;
    var links = Array.prototype.slice.call(headlines());
    if (links.length === 0) return;
    var at = links.indexOf(document.activeElement);
    var next = event.key === 'j' ? Math.min(links.length - 1, at + 1) : Math.max(0, at - 1);
    if (at === -1) next = event.key === 'j' ? 0 : links.length - 1;
    links[next].focus();
    event.preventDefault();
  });
})();
`;

/** Short content hash, used as the script's version in its URL and as its ETag. */
export const APP_JS_HASH = createHash('sha256').update(APP_JS).digest('hex').slice(0, 16);
