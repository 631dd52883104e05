import type { Answer } from "../core/answer.js";
import type { CommandArgs, Visibility } from "../core/invocation.js";
import { pageOf } from "../core/layout.js";
import { citationDetails, type ItemView, itemView, oneLine } from "./item-view.js";

/** Items on one page of an answer: five excerpts with their citations read well and fit every platform. */
export const PAGE_SIZE = 5;

/** How an answer is to be shown. */
export interface ViewRequest {
  /** 0-based page (clamped into range); default 0. */
  page?: number;
  /** Default public: only an explicit private answer gets a share button. */
  visibility?: Visibility;
  /** The arguments, for an answer that does not carry its own (one made outside `ask`). */
  args?: CommandArgs;
  /** Platform user id of whoever shared the answer to the channel. */
  sharedBy?: string;
}

/**
 * Everything two renderers would otherwise both decide about one page of an
 * answer. Renderers turn it into a platform's syntax within its limits, and
 * decide nothing else.
 */
export interface AnswerView {
  command: string;
  /** The checked arguments: what buttons ask again with. Undefined when unknown (then no buttons). */
  args: CommandArgs | undefined;
  title: string;
  /** Why the answer is empty or limited (trimmed); also says so when an answer has neither items nor notice. */
  notice?: string;
  /** 0-based page shown, and how many there are. */
  page: number;
  pages: number;
  /** Items in the whole answer. */
  total: number;
  /** Distinct articles cited anywhere in the answer (counted when read: not every renderer shows it). */
  readonly sources: number;
  /** The items of this page. */
  items: ItemView[];
  visibility: Visibility;
  sharedBy?: string;
  /** The buttons under the answer, in order. */
  buttons: ButtonIntent[];
}

/** Said when an answer has no items and no notice of its own. */
export const NOTHING_FOUND = "No excerpts found.";

/** The view of one page of an answer. */
export function presentAnswer(answer: Answer, request: ViewRequest = {}): AnswerView {
  const { items, page, pages } = pageOf(answer.items, request.page ?? 0, PAGE_SIZE);
  const visibility = request.visibility ?? "public";
  const args = answer.args ?? request.args;
  const notice = answer.notice?.trim() || (answer.items.length === 0 ? NOTHING_FOUND : "");
  const view: AnswerView = {
    command: answer.command,
    args,
    title: answer.title,
    page,
    pages,
    total: answer.items.length,
    get sources() {
      return countSources(answer);
    },
    items: items.map((item, i) => itemView(item, page * PAGE_SIZE + i + 1)),
    visibility,
    buttons: args === undefined ? [] : buttonIntents(page, pages, visibility, answer.answerId),
  };
  if (notice !== "") view.notice = notice;
  if (request.sharedBy !== undefined) view.sharedBy = request.sharedBy;
  return view;
}

/** A renderer of views as a renderer of answers: presents one page, then renders it. */
export function presentedWith<T>(
  render: (view: AnswerView) => T,
): (answer: Answer, request?: ViewRequest) => T {
  return (answer, request = {}) => render(presentAnswer(answer, request));
}

/** Every item of an answer, for outputs that do not page (terminal, plain text). */
export function presentItems(answer: Answer): ItemView[] {
  return answer.items.map((item, i) => itemView(item, i + 1));
}

/** The view as plain text (notifications, screen readers): title, notice, numbered items with leads. */
export function viewAsPlainText(view: Pick<AnswerView, "title" | "notice" | "items">): string {
  const lines = [oneLine(view.title)];
  if (view.notice) lines.push(view.notice);
  for (const item of view.items) {
    const lead = item.lead ? `${item.lead.text}: ` : "";
    const cited = [item.citation.title, ...citationDetails(item.citation)].join(" · ");
    lines.push(`${item.number}. ${lead}${item.text} (${cited})`);
  }
  return lines.join("\n");
}

function countSources(answer: Answer): number {
  const documents = new Set<string>();
  for (const item of answer.items) {
    documents.add(item.citation.docId);
    for (const citation of item.alsoIn ?? []) documents.add(citation.docId);
  }
  return documents.size;
}

/**
 * What a button under an answer asks for. Renderers encode it (a Discord
 * custom_id, a Slack button value) and label it in the platform's words; a
 * platform without disabled buttons leaves disabled ones out.
 */
export type ButtonIntent =
  | {
      kind: "page";
      direction: "previous" | "next";
      /** 0-based page it shows. */
      page: number;
      /** False on the first page (previous) and the last (next). */
      enabled: boolean;
    }
  | {
      /** Post a private answer to the channel, at the page shown. */
      kind: "share";
      page: number;
    }
  | {
      /** Rate the answer: Helpful (true) or Not helpful (false). */
      kind: "vote";
      helpful: boolean;
      /** The answer's signed id (see `Answer.answerId`). */
      answerId: string;
    };

/**
 * Previous / Next when there is more than one page; Share on a private answer; Helpful / Not
 * helpful last when the answer has a stored id (insights on), on every page.
 */
export function buttonIntents(
  page: number,
  pages: number,
  visibility: Visibility,
  answerId?: string,
): ButtonIntent[] {
  const intents: ButtonIntent[] = [];
  if (pages > 1) {
    intents.push(
      { kind: "page", direction: "previous", page: Math.max(0, page - 1), enabled: page > 0 },
      { kind: "page", direction: "next", page: Math.min(pages - 1, page + 1), enabled: page < pages - 1 },
    );
  }
  if (visibility === "private") intents.push({ kind: "share", page });
  if (answerId !== undefined) {
    intents.push({ kind: "vote", helpful: true, answerId }, { kind: "vote", helpful: false, answerId });
  }
  return intents;
}
