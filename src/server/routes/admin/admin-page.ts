import type { HelpfulRate, InsightsReport } from "../../../service/insights/report.js";
import { escapeHtml as e } from "./html.js";
import { volumeChart } from "./volume-chart.js";

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1.5rem;color:#1d2430}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #dde3ea;vertical-align:top}
th{font-weight:600;background:#f3f6f9}td.n{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:#5b6675}.nearest{margin:0;padding-left:1.1rem}.bar{fill:#3b6ea5}.axis{stroke:#8a96a6}.label{font-size:11px;fill:#5b6675}
form.since{display:flex;gap:.5rem;align-items:center}form.logout{float:right}
`;

/** Head and body wrapper shared by the report and the login form. */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** The login form shown without the token; `failed` after a wrong one. */
export function loginPage(failed: boolean): string {
  return page(
    "Backstory admin: sign in",
    `<h1>Backstory admin</h1>
<p class="muted">Enter the admin token (ADMIN_TOKEN).</p>
${failed ? '<p role="alert">That is not the admin token.</p>' : ""}
<form method="post" action="/admin/login">
<label for="token">Admin token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  );
}

/** The insights as a page: what the archive could not answer first, then what is asked, then rates and volume. */
export function adminPage(report: InsightsReport, sinceText: string): string {
  return page(
    "Backstory insights",
    `<form class="logout" method="post" action="/admin/logout"><button type="submit">Sign out</button></form>
<h1>Backstory insights</h1>
<p class="muted">${e(report.since.slice(0, 10))} → ${e(report.until.slice(0, 10))}: ${report.questions} question(s), ${report.helpful} helpful and ${report.notHelpful} not helpful vote(s).</p>
<form class="since" method="get" action="/admin"><label for="since">Since</label><input id="since" name="since" value="${e(sinceText)}" size="10"><button type="submit">Show</button><span class="muted">12h, 7d, 4w or a date</span></form>
<h2 id="unanswered">What readers ask that the archive cannot answer</h2>
<p class="muted">Questions that found nothing or were voted down, grouped by topic, most frequent first, with the nearest things the archive does have.</p>
${unansweredTable(report)}
<h2 id="volume">Questions per day</h2>
${volumeChart(report.volume)}
<h2 id="topics">Most asked topics</h2>
${countTable(
  ["Topic", "Asked"],
  report.topTopics.map((t) => [t.topic, t.asked]),
)}
<h2 id="speakers">Most asked speakers</h2>
${countTable(
  ["Speaker", "Asked"],
  report.topSpeakers.map((s) => [s.speaker, s.asked]),
)}
<h2 id="commands">Helpful rate per command</h2>
${rateTable("Command", report.helpfulByCommand)}
<h2 id="platforms">Helpful rate per platform</h2>
${rateTable("Platform", report.helpfulByPlatform)}`,
  );
}

function unansweredTable(report: InsightsReport): string {
  if (report.unanswered.length === 0)
    return '<p class="muted">Nothing: every question found something, and none was voted down.</p>';
  const rows = report.unanswered.map(
    (u) =>
      `<tr><td>${e(u.topic || "(no topic)")}</td><td class="n">${u.asked}</td><td class="n">${u.foundNothing}</td><td class="n">${u.votedDown}</td><td>${e(u.commands.map((c) => `/${c}`).join(" "))}</td><td>${e(u.lastAsked.slice(0, 16).replace("T", " "))}</td><td>${
        u.nearest.length > 0
          ? `<ul class="nearest">${u.nearest.map((n) => `<li>${e(n)}</li>`).join("")}</ul>`
          : '<span class="muted">nothing close</span>'
      }</td></tr>`,
  );
  return `<table><thead><tr><th>Topic</th><th>Asked</th><th>Found nothing</th><th>Voted down</th><th>Commands</th><th>Last asked (UTC)</th><th>Nearest in the archive</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function countTable(head: [string, string], rows: [string, number][]): string {
  if (rows.length === 0) return '<p class="muted">No questions yet.</p>';
  return `<table><thead><tr><th>${e(head[0])}</th><th>${e(head[1])}</th></tr></thead><tbody>${rows
    .map(([name, count]) => `<tr><td>${e(name)}</td><td class="n">${count}</td></tr>`)
    .join("")}</tbody></table>`;
}

function rateTable(label: string, rates: readonly HelpfulRate[]): string {
  if (rates.length === 0) return '<p class="muted">No questions yet.</p>';
  return `<table><thead><tr><th>${e(label)}</th><th>Questions</th><th>Helpful</th><th>Not helpful</th><th>Helpful rate</th></tr></thead><tbody>${rates
    .map(
      (r) =>
        `<tr><td>${e(r.name)}</td><td class="n">${r.questions}</td><td class="n">${r.helpful}</td><td class="n">${r.notHelpful}</td><td class="n">${r.rate === null ? "—" : `${Math.round(r.rate * 100)}%`}</td></tr>`,
    )
    .join("")}</tbody></table>`;
}
