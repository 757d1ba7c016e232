// Chat page of the WhatsApp emulator. Talks only to the control API
// (/emulator/...): sends what the citizen does, long-polls the conversation.
"use strict";

const $ = (id) => document.getElementById(id);
const DEVANAGARI = /[\u0900-\u097F]/;
const TICKS = { pending: "✓", retrying: "🕓", delivered: "✓✓", read: "✓✓", failed: "⚠" };

const chat = { waId: "", name: "", since: 0, entries: new Map(), rendered: new Map(), generation: 0, config: null };

// ---------- control API ----------
async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { "Content-Type": "application/json", ...(options.headers || {}) },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `HTTP ${response.status}`);
  return body;
}

async function send(message) {
  try {
    showError("");
    await api(`/emulator/users/${chat.waId}/send`, {
      method: "POST",
      body: JSON.stringify({ ...message, profile_name: chat.name }),
    });
  } catch (error) {
    showError(`Not sent: ${error.message}`);
  }
}

async function poll(generation) {
  while (generation === chat.generation) {
    try {
      const page = await api(`/emulator/users/${chat.waId}/messages?since=${chat.since}&wait=25`);
      if (generation !== chat.generation) return;
      for (const entry of page.messages) chat.entries.set(entry.id, entry);
      chat.since = page.seq;
      if (page.messages.length) render();
    } catch (error) {
      showError(`Emulator unreachable (${error.message}); retrying…`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

// ---------- small DOM helpers ----------
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node[key] = value;
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== ""));
  return node;
}

function langOf(text) {
  return DEVANAGARI.test(text || "") ? "hi" : "en";
}

function textBlock(text, className = "text") {
  const node = el("div", { className, lang: langOf(text) });
  node.append(...formatWhatsApp(text || ""));
  return node;
}

// WhatsApp markup: *bold* _italic_ ~strike~ ```mono```, and clickable links; built as nodes, never as HTML.
function formatWhatsApp(text) {
  const pattern = /(\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~|```[^`]+```|https?:\/\/[^\s]+)/g;
  const tags = { "*": "strong", "_": "em", "~": "s" };
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    nodes.push(text.slice(last, match.index));
    const token = match[0];
    if (token.startsWith("http")) nodes.push(el("a", { href: token, target: "_blank", rel: "noopener" }, token));
    else if (token.startsWith("```")) nodes.push(el("code", {}, token.slice(3, -3)));
    else nodes.push(el(tags[token[0]], {}, token.slice(1, -1)));
    last = match.index + token.length;
  }
  nodes.push(text.slice(last));
  return nodes.filter((node) => node !== "");
}

function showError(text) {
  $("error").textContent = text;
  $("error").hidden = !text;
}

function mediaSource(media) {
  return media.link || `/emulator/media/${encodeURIComponent(media.id)}`;
}

function mediaBlock(kind, media) {
  const src = mediaSource(media);
  if (kind === "image" || kind === "sticker") {
    return el("img", { className: kind === "sticker" ? "sticker" : "preview", src, alt: media.caption || kind });
  }
  if (kind === "audio") return el("audio", { controls: true, src });
  if (kind === "video") return el("video", { controls: true, src, className: "preview" });
  const name = media.filename || "document";
  return el("div", { className: "document" }, "📄",
    el("a", { href: src, download: name, className: "document-link", lang: langOf(name) }, name));
}

function mediaWithCaption(kind, media) {
  return [mediaBlock(kind, media), media.caption ? textBlock(media.caption) : null];
}

function locationBlock(place) {
  return textBlock(`📍 ${place.name || ""}\n${place.address || ""}\n${place.latitude}, ${place.longitude}`);
}

// ---------- rendering of the citizen's messages ----------
function citizenContent(message) {
  const type = message.type;
  if (type === "text") return [textBlock(message.text.body)];
  if (type === "interactive") {
    const reply = message.interactive[message.interactive.type];
    return [textBlock(reply.title)];
  }
  if (type === "button") return [textBlock(message.button.text)];
  if (type === "location") return [locationBlock(message.location)];
  if (type === "contacts") {
    const contact = message.contacts[0];
    return [textBlock(`👤 ${contact.name.formatted_name} ${contact.phones[0].phone}`)];
  }
  if (type === "audio" && message.audio.voice) return [el("div", {}, "🎤 "), mediaBlock("audio", message.audio)];
  if (message[type] && message[type].id) return mediaWithCaption(type, message[type]);
  return [textBlock(`[${type}]`)];
}

// ---------- rendering of the bot's messages (Graph JSON as sent) ----------
function botContent(message) {
  const type = message.type || "text";
  if (type === "text") return [textBlock(message.text.body)];
  if (type === "interactive") return interactiveContent(message.interactive);
  if (type === "template") return templateContent(message.template);
  if (type === "location") return [locationBlock(message.location)];
  if (message[type]) return mediaWithCaption(type, message[type]);
  return [textBlock(`[${type}]`)];
}

function interactiveContent(interactive) {
  const nodes = [];
  const header = interactive.header;
  if (header && header.type === "text") nodes.push(textBlock(header.text, "header"));
  else if (header) nodes.push(mediaBlock(header.type, header[header.type]));
  nodes.push(textBlock(interactive.body.text));
  if (interactive.footer) nodes.push(textBlock(interactive.footer.text, "footer"));
  return nodes;
}

function interactiveActions(interactive) {
  if (interactive.type === "button") {
    return interactive.action.buttons.map((button) => el("button", {
      type: "button", className: "reply-button", dataset: { replyId: button.reply.id },
      lang: langOf(button.reply.title),
      onclick: () => send({ type: "button_reply", id: button.reply.id, title: button.reply.title }),
    }, button.reply.title));
  }
  if (interactive.type === "list") {
    return [el("button", {
      type: "button", className: "list-open-button", onclick: () => openList(interactive),
      lang: langOf(interactive.action.button),
    }, `☰ ${interactive.action.button}`)];
  }
  if (interactive.type === "location_request_message") {
    return [el("button", {
      type: "button", className: "location-request-button", onclick: openLocationForm,
    }, "📍 Send location")];
  }
  return [];
}

function templateContent(template) {
  const nodes = [el("div", { className: "template-tag" }, `template · ${template.name} · ${template.language.code}`)];
  for (const component of template.components || []) {
    if (component.type === "button") continue;
    const texts = (component.parameters || []).filter((p) => p.type === "text").map((p) => p.text);
    if (texts.length) nodes.push(textBlock(texts.join("\n")));
    for (const p of component.parameters || []) {
      if (["image", "document", "video"].includes(p.type) && p[p.type]) nodes.push(mediaBlock(p.type, p[p.type]));
    }
  }
  return nodes;
}

function templateActions(template) {
  return (template.components || [])
    .filter((c) => c.type === "button" && c.sub_type === "quick_reply")
    .flatMap((c) => (c.parameters || []).map((p) => el("button", {
      type: "button", className: "reply-button", dataset: { replyId: p.payload },
      onclick: () => send({ type: "button", text: p.payload, payload: p.payload }),
    }, p.payload)));
}

// ---------- the conversation ----------
function metaLine(entry) {
  const time = new Date(entry.timestamp * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const meta = el("div", { className: "meta" }, time);
  if (entry.direction === "in") {
    meta.append(el("span", { className: `ticks ${entry.status}`, title: entry.status }, TICKS[entry.status] || ""));
  } else if (entry.status === "failed") {
    meta.append(el("span", { className: "ticks failed", title: "failed" }, TICKS.failed));
  }
  return meta;
}

// A message delivered as a raw webhook body may lack what its type promises: shown by its type then.
function recordedCitizenContent(message) {
  try {
    return citizenContent(message);
  } catch (error) {
    return [textBlock(`[${message.type}]`)];
  }
}

function bubbleFor(entry, reaction) {
  const content = entry.direction === "in" ? recordedCitizenContent(entry.message) : botContent(entry.message);
  const bubble = el("div", {
    className: `msg ${entry.direction}`,
    dataset: { id: entry.id, type: entry.type, ...(entry.direction === "in" ? { status: entry.status } : {}) },
  }, ...content);
  for (const error of entry.errors || []) {
    bubble.append(el("div", { className: "error-text" }, `${error.code}: ${error.title}`));
  }
  bubble.append(metaLine(entry));
  if (reaction) bubble.append(el("span", { className: "reaction" }, reaction));
  return bubble;
}

function actionsFor(entry) {
  const message = entry.message;
  if (entry.direction !== "out") return null;
  const actions = message.interactive ? interactiveActions(message.interactive)
    : message.template ? templateActions(message.template) : [];
  return actions.length ? el("div", { className: "actions", dataset: { for: entry.id } }, ...actions) : null;
}

// Updates the DOM in place: a bubble is rebuilt only when what it shows changed, and
// action buttons (fixed once sent) are never rebuilt, so they stay clickable.
function render() {
  const box = $("messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  const entries = [...chat.entries.values()].sort((a, b) => a.timestamp - b.timestamp || a.id.localeCompare(b.id));
  const reactions = new Map();
  for (const entry of entries) {
    const reaction = entry.type === "reaction" && entry.message.reaction;
    if (reaction) reactions.set(reaction.message_id, reaction.emoji);
  }
  let cursor = box.firstChild;
  for (const entry of entries) {
    if (entry.type === "reaction") continue;
    // Only what a bubble shows: ticks on the citizen's messages, failures of the bot's.
    const shown = entry.direction === "in" || entry.status === "failed" ? entry.status : "";
    const key = `${shown}|${reactions.get(entry.id) || ""}`;
    let item = chat.rendered.get(entry.id);
    if (!item) {
      item = { key, bubble: bubbleFor(entry, reactions.get(entry.id)), actions: actionsFor(entry) };
      chat.rendered.set(entry.id, item);
    } else if (item.key !== key) {
      const bubble = bubbleFor(entry, reactions.get(entry.id));
      item.bubble.replaceWith(bubble);
      if (cursor === item.bubble) cursor = bubble;
      Object.assign(item, { key, bubble });
    }
    for (const node of [item.bubble, item.actions]) {
      if (!node) continue;
      if (cursor === node) cursor = cursor.nextSibling;
      else box.insertBefore(node, cursor);
    }
  }
  if (atBottom) box.scrollTop = box.scrollHeight;
}

// ---------- list picker and location form ----------
function openList(interactive) {
  $("list-sheet-title").textContent = interactive.action.button;
  const rows = $("list-sheet-rows");
  rows.replaceChildren();
  for (const section of interactive.action.sections) {
    if (section.title) rows.append(el("div", { className: "section-title" }, section.title));
    for (const row of section.rows) {
      rows.append(el("button", {
        type: "button", className: "list-row", dataset: { rowId: row.id },
        lang: langOf(row.title),
        onclick: () => {
          $("list-sheet").hidden = true;
          send({ type: "list_reply", id: row.id, title: row.title, description: row.description });
        },
      }, row.title, row.description ? el("span", { className: "description" }, row.description) : null));
    }
  }
  $("list-sheet").hidden = false;
}

function openLocationForm() {
  $("location-form").hidden = false;
}

function fillPresetPlaces(places) {
  for (const [index, place] of places.entries()) {
    $("location-preset").append(el("option", { value: String(index) }, place.name));
  }
  $("location-preset").addEventListener("change", (event) => {
    const place = places[Number(event.target.value)];
    if (!place) return;
    $("location-latitude").value = place.latitude;
    $("location-longitude").value = place.longitude;
    $("location-name").value = place.name;
    $("location-address").value = place.address;
  });
}

// ---------- wiring ----------
function openChat(waId, name) {
  chat.waId = waId;
  chat.name = name;
  chat.since = 0;
  chat.entries.clear();
  chat.rendered.clear();
  $("messages").replaceChildren();
  chat.generation += 1;
  localStorage.setItem("emulator.waId", waId);
  localStorage.setItem("emulator.name", name);
  render();
  poll(chat.generation);
}

function readFileAsBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1]);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function start() {
  chat.config = await api("/emulator/config");
  $("business-number").textContent = `${chat.config.display_number} · WhatsApp emulator`;
  fillPresetPlaces(chat.config.places);
  $("wa-id").value = localStorage.getItem("emulator.waId") || "919876543210";
  $("profile-name").value = localStorage.getItem("emulator.name") || "Ramesh Kumar";

  $("identity").addEventListener("submit", (event) => {
    event.preventDefault();
    openChat($("wa-id").value.trim(), $("profile-name").value.trim());
  });
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("text-input").value.trim();
    if (!text) return;
    $("text-input").value = "";
    send({ type: "text", text });
  });
  $("file-input").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    const caption = $("text-input").value.trim();
    $("text-input").value = "";
    send({
      type: file.type.startsWith("image/") ? "image" : "document",
      filename: file.name, mime_type: file.type || "application/octet-stream",
      content_base64: await readFileAsBase64(file), caption: caption || undefined,
    });
  });
  $("location-button").addEventListener("click", openLocationForm);
  $("location-close").addEventListener("click", () => { $("location-form").hidden = true; });
  $("list-sheet-close").addEventListener("click", () => { $("list-sheet").hidden = true; });
  $("location-form").addEventListener("submit", (event) => {
    event.preventDefault();
    $("location-form").hidden = true;
    send({
      type: "location",
      latitude: Number($("location-latitude").value), longitude: Number($("location-longitude").value),
      name: $("location-name").value.trim() || undefined, address: $("location-address").value.trim() || undefined,
    });
  });
  openChat($("wa-id").value, $("profile-name").value);
}

start().catch((error) => showError(`Cannot start: ${error.message}`));
