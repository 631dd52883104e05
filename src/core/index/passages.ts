import type { Citation } from "../answer.js";
import type { NewsDocument, Paragraph, Sentence } from "../model.js";

/** One indexed sentence: where it lives in the corpus. */
export interface Passage {
  /** Dense id, the passage's position in the store. */
  id: number;
  document: NewsDocument;
  paragraph: Paragraph;
  /** Index of the sentence in its paragraph. */
  sentenceIndex: number;
}

/** Every sentence of the corpus, addressable by id, document and paragraph. */
export class PassageStore {
  readonly all: Passage[] = [];
  private readonly firstOfParagraph = new Map<Paragraph, number>();

  constructor(documents: readonly NewsDocument[]) {
    for (const document of documents) {
      for (const paragraph of document.paragraphs) {
        this.firstOfParagraph.set(paragraph, this.all.length);
        paragraph.sentences.forEach((_, sentenceIndex) => {
          this.all.push({ id: this.all.length, document, paragraph, sentenceIndex });
        });
      }
    }
  }

  get(id: number): Passage | undefined {
    return this.all[id];
  }

  /** The passage of a given sentence of a paragraph. */
  at(paragraph: Paragraph, sentenceIndex: number): Passage | undefined {
    const first = this.firstOfParagraph.get(paragraph);
    return first === undefined ? undefined : this.all[first + sentenceIndex];
  }
}

/** The sentence range of a passage. */
export function passageSentence(passage: Passage): Sentence {
  return passage.paragraph.sentences[passage.sentenceIndex] as Sentence;
}

/** The verbatim text of a passage. */
export function passageText(passage: Passage): string {
  const sentence = passageSentence(passage);
  return passage.paragraph.text.slice(sentence.start, sentence.end);
}

/** Offset of the passage in its document's body, for checking it against the source. */
export function passageOffset(passage: Passage): { start: number; end: number } {
  const sentence = passageSentence(passage);
  return { start: passage.paragraph.offset + sentence.start, end: passage.paragraph.offset + sentence.end };
}

/** The citation of a paragraph of a document. */
export function citationOf(document: NewsDocument, paragraph: Paragraph): Citation {
  const citation: Citation = { docId: document.id, title: document.title, paragraph: paragraph.number };
  if (paragraph.heading !== undefined) citation.heading = paragraph.heading;
  if (document.published !== undefined) citation.published = document.published;
  if (document.url !== undefined) citation.url = document.url;
  if (document.source !== undefined) citation.source = document.source;
  return citation;
}
