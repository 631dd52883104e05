import { ApiError, fetchCommands, fetchDocument, fetchRendering, fetchSuggestions, sendVote } from "./api.js";
import { drawArticle } from "./article-view.js";
import { linkCitations } from "./citations.js";
import { completionContext } from "./completion.js";
import { drawDiscordMessage } from "./discord-view.js";
import { clear, el } from "./dom.js";
import { drawSlackMessage } from "./slack-view.js";

const form = /** @type {HTMLFormElement} */ (document.getElementById("ask-form"));
const input = /** @type {HTMLInputElement} */ (document.getElementById("question"));
const privateBox = /** @type {HTMLInputElement} */ (document.getElementById("private"));
const list = /** @type {HTMLElement} */ (document.getElementById("suggestions"));
const status = /** @type {HTMLElement} */ (document.getElementById("status"));
const examples = /** @type {HTMLElement} */ (document.getElementById("examples"));
const discordView = /** @type {HTMLElement} */ (document.getElementById("discord-view"));
const slackView = /** @type {HTMLElement} */ (document.getElementById("slack-view"));
const article = /** @type {HTMLElement} */ (document.getElementById("article"));
const articleView = /** @type {HTMLElement} */ (document.getElementById("article-view"));
const answerJson = /** @type {HTMLElement} */ (document.getElementById("answer-json"));

/** @type {any[]} */
let commands = [];
/** @type {{ label: string, value: string }[]} */
let suggestions = [];
let active = -1;
let suggestSequence = 0;
let askSequence = 0;
/** @type {AbortController | undefined} */
let pendingSuggest;

// ---- completion ----

function closeSuggestions() {
  suggestions = [];
  active = -1;
  clear(list);
  list.hidden = true;
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
}

function showSuggestions(items) {
  suggestions = items.slice(0, 25);
  active = -1;
  clear(list);
  if (suggestions.length === 0) return closeSuggestions();
  suggestions.forEach((suggestion, index) => {
    const option = el("div", {
      text: suggestion.label,
      attrs: { role: "option", id: `suggestion-${index}` },
    });
    option.addEventListener("mousedown", (event) => {
      event.preventDefault();
      accept(index);
    });
    list.append(option);
  });
  list.hidden = false;
  input.setAttribute("aria-expanded", "true");
}

function highlight(index) {
  active = (index + suggestions.length) % suggestions.length;
  for (const [i, child] of [...list.children].entries())
    child.setAttribute("aria-selected", String(i === active));
  input.setAttribute("aria-activedescendant", `suggestion-${active}`);
}

function accept(index) {
  const suggestion = suggestions[index];
  if (!suggestion) return;
  input.value = suggestion.value;
  input.setSelectionRange(input.value.length, input.value.length);
  closeSuggestions();
  input.focus();
  void suggest();
}

async function suggest() {
  const text = input.value.slice(0, input.selectionStart ?? input.value.length);
  const context = completionContext(text, commands);
  const sequence = ++suggestSequence;
  if (!context) return closeSuggestions();
  if (context.kind === "command") {
    const typed = context.typed.toLowerCase();
    return showSuggestions(
      commands
        .filter((c) => c.name.startsWith(typed))
        .map((c) => ({
          label: `/${c.name} — ${c.description}`,
          value: `${text.slice(0, context.start)}/${c.name} `,
        })),
    );
  }
  const before = text.slice(0, context.start);
  const followers = context.followers.map((name) => ({ label: `${name} …`, value: `${text}${name} ` }));
  if (!context.option.autocomplete) return showSuggestions(followers);
  pendingSuggest?.abort();
  pendingSuggest = new AbortController();
  try {
    const values = await fetchSuggestions(context.option.autocomplete, context.typed, pendingSuggest.signal);
    if (sequence !== suggestSequence) return;
    const exact = values.length === 1 && values[0].toLowerCase() === context.typed.toLowerCase();
    showSuggestions([
      ...(exact ? [] : values.map((value) => ({ label: value, value: `${before}${value} ` }))),
      ...followers,
    ]);
  } catch (error) {
    if (error?.name !== "AbortError") closeSuggestions();
  }
}

input.addEventListener("input", () => void suggest());
input.addEventListener("focus", () => void suggest());
input.addEventListener("blur", () => closeSuggestions());
input.addEventListener("keydown", (event) => {
  if (list.hidden) return;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    highlight(active + (event.key === "ArrowDown" ? 1 : -1));
  } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
    event.preventDefault();
    accept(active);
  } else if (event.key === "Escape") {
    closeSuggestions();
  }
});

// ---- asking ----

// The checkbox says who sees the answer; a visibility typed at the end wins.
function question() {
  const text = input.value.trim();
  const withSlash = text.startsWith("/") ? text : `/${text}`;
  if (/\s(private|public)$/iu.test(withSlash)) return withSlash;
  return `${withSlash} ${privateBox.checked ? "private" : "public"}`;
}

// The answer shown, so that its other pages are not asked as new questions.
/** @type {string | undefined} */
let shownAnswerId;

async function ask(q, pages = { discord: 0, slack: 0 }, answerId = undefined) {
  const sequence = ++askSequence;
  status.textContent = "Asking…";
  status.classList.remove("error");
  try {
    const again = answerId ?? (pages.discord === 0 && pages.slack === 0 ? undefined : "");
    const [discordPage, slackPage] = await Promise.all([
      fetchRendering(q, pages.discord, again),
      pages.slack === pages.discord ? undefined : fetchRendering(q, pages.slack, again ?? ""),
    ]);
    if (sequence !== askSequence) return;
    const slackRendering = slackPage ?? discordPage;
    const { answer } = discordPage;
    shownAnswerId = answer.answerId;
    const shown = q.replace(/\s(private|public)$/iu, "");
    status.textContent = `${answer.items.length} excerpt${answer.items.length === 1 ? "" : "s"} for ${shown}`;
    answerJson.textContent = JSON.stringify(answer, null, 2);
    const open = (cited) => void openCitation(cited);
    discordView.replaceChildren(
      drawDiscordMessage(discordPage.discord, {
        onButton: (b) => page(q, pages, "discord", b.label, answer.answerId),
      }),
    );
    linkCitations(discordView, answer, open);
    slackView.replaceChildren(
      drawSlackMessage(slackRendering.slack, {
        private: slackRendering.private,
        onButton: (b) => page(q, pages, "slack", b.text?.text, answer.answerId),
      }),
    );
    linkCitations(slackView, slackRendering.answer, open);
    document.body.dataset.answered = "true";
  } catch (error) {
    if (sequence !== askSequence) return;
    status.textContent = error instanceof ApiError ? error.message : `Could not ask: ${error}`;
    status.classList.add("error");
  }
}

// Paging buttons move that platform's view; votes are stored; share only makes sense in a real chat.
function page(q, pages, platform, label, answerId) {
  if (/helpful/iu.test(label ?? "") && answerId) {
    void vote(answerId, !/not helpful/iu.test(label ?? ""));
    return;
  }
  const step = /next/iu.test(label ?? "") ? 1 : /prev/iu.test(label ?? "") ? -1 : 0;
  if (step === 0) {
    status.textContent = `“${label}” works in a real ${platform === "discord" ? "Discord" : "Slack"} chat.`;
    return;
  }
  void ask(q, { ...pages, [platform]: Math.max(0, pages[platform] + step) }, shownAnswerId);
}

async function vote(answerId, helpful) {
  status.classList.remove("error");
  try {
    status.textContent = await sendVote(answerId, helpful);
  } catch (error) {
    status.textContent = error instanceof ApiError ? error.message : `Could not vote: ${error}`;
    status.classList.add("error");
  }
}

async function openCitation({ citation, item }) {
  article.hidden = false;
  articleView.replaceChildren(el("p", { className: "placeholder", text: "Opening the article…" }));
  try {
    // A page of the article around the cited paragraph: long articles come in pages.
    const documentView = await fetchDocument(citation.docId, Math.max(1, citation.paragraph - 50));
    drawArticle(articleView, documentView, { paragraph: citation.paragraph, excerpt: item.text });
  } catch (error) {
    articleView.replaceChildren(el("p", { className: "error", text: error.message }));
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  closeSuggestions();
  if (input.value.trim() === "") return;
  const q = question();
  history.replaceState(null, "", `#q=${encodeURIComponent(q)}`);
  void ask(q);
});

document.getElementById("article-close")?.addEventListener("click", () => {
  article.hidden = true;
});

// ---- start ----

function showExamples() {
  const all = commands.flatMap((c) => c.examples).slice(0, 10);
  examples.replaceChildren(
    el("span", { className: "examples-label", text: "Try:" }),
    ...all.map((example) => {
      const chip = el("button", { className: "chip", text: example, attrs: { type: "button" } });
      chip.addEventListener("click", () => {
        input.value = example;
        form.requestSubmit();
      });
      return chip;
    }),
  );
}

async function start() {
  try {
    commands = await fetchCommands();
    showExamples();
  } catch (error) {
    status.textContent = `The playground could not reach the server: ${error.message}`;
    status.classList.add("error");
    return;
  }
  document.body.dataset.ready = "true";
  const fromHash = /^#q=(.+)$/u.exec(window.location.hash);
  if (fromHash) {
    const q = decodeHashQuestion(fromHash[1]);
    if (q === undefined) {
      status.textContent =
        "The link's question is not valid percent-encoding (e.g. a cut %E0%A4): type it instead.";
      status.classList.add("error");
      return;
    }
    privateBox.checked = /\sprivate$/iu.test(q);
    input.value = q.replace(/\s(private|public)$/iu, "");
    void ask(q);
  }
}

/**
 * The question of a shared link (`#q=…`), or undefined when its percent-encoding
 * is broken (a hand-edited or truncated link): decodeURIComponent throws then.
 * @param {string} encoded
 * @returns {string | undefined}
 */
function decodeHashQuestion(encoded) {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

void start();
