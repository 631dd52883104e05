import fc from "fast-check";
import type { TestArticle } from "./article-engine.js";

/**
 * Reuters-like wire stories made from sentence patterns, seeded: companies and people
 * named, then spoken of as "it", "its", "the company", "the planemaker", "he", "she",
 * "his", "the new <product>", after opening phrases, with impersonal "it", objects
 * ("for him"), descriptions of another company ("the rival bank") and quotations mixed in.
 */
export function wireStories(count: number, seed = 14): TestArticle[] {
  return fc.sample(story, { numRuns: count, seed }).map((paragraphs, i) => ({
    id: `wire-${i + 1}`,
    title: `Wire story ${i + 1}`,
    published: `1987-0${1 + (i % 9)}-1${i % 10}`,
    text: paragraphs.join("\n\n"),
  }));
}

const COMPANIES = [
  "Texaco Inc",
  "Boeing Co",
  "Chrysler Corp",
  "Nippon Steel",
  "Midland Bank",
  "Apex Airlines",
  "Orion Mining",
  "Zeno Devices",
];
const PEOPLE = [
  ["James Baker", "Treasury Secretary"],
  ["Margaret Thatcher", "Prime Minister"],
  ["Karl Otto Poehl", "Bundesbank president"],
  ["Ana Ruiz", "chief executive"],
  ["Lee Iacocca", "chairman"],
  ["Maria Lopez", "finance minister"],
] as const;
const PRODUCTS = ["Zeno tablet", "Apex shuttle", "Orion drill", "Texaco card"];
const OPENINGS = [
  "",
  "In 1986 ",
  "On Monday, ",
  "However, ",
  "One year later, ",
  "In a statement, ",
  "Last week ",
];
const NUMBERS = ["1,500", "4.5", "300", "12", "1,000,000", "2.1 billion"];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

const aboutCompany = fc
  .tuple(pick(COMPANIES), pick(OPENINGS), pick(NUMBERS), pick(PRODUCTS))
  .map(([company, opening, n, product]) => {
    const noun = product.split(" ")[1] ?? "product";
    return [
      `${company} said on Tuesday it cut ${n} jobs at its main plant.`,
      `${opening}it said profits would fall in the first quarter.`,
      `${opening}the company denied the report.`,
      `Its shares fell ${n} pct in early trading.`,
      `The planemaker said it would deliver ${n} jets.`,
      `${opening}the new ${noun} sold out within days, the company said.`,
      `The ${noun} was launched in ${n} markets.`,
      `It is unclear whether the plant will reopen.`,
      `The rival bank declined to comment.`,
      `This ${noun} maker has grown quickly.`,
      `"We expect a better year," it said.`,
      `${company} shares were up ${n} cents.`,
    ];
  });

const aboutPerson = fc
  .tuple(pick(PEOPLE), pick(OPENINGS), pick(NUMBERS), pick(COMPANIES))
  .map(([[name, role], opening, n, company]) => [
    `${role} ${name} said the dollar had fallen far enough.`,
    `${opening}he told reporters the accord would hold.`,
    `${opening}she said interest rates would stay at ${n} pct.`,
    `His remarks sent the dollar higher.`,
    `Her ministry said ${n} billion dlrs had been spent.`,
    `For him, the vote was a defeat.`,
    `${name}, ${role} of ${company}, resigned on Friday.`,
    `The official said no decision had been taken.`,
    `He has met ${company} twice.`,
  ]);

const paragraph = fc
  .tuple(fc.oneof(aboutCompany, aboutPerson), fc.integer({ min: 2, max: 5 }), fc.nat())
  .map(([sentences, length, offset]) => {
    // The first sentence names its subject; the others follow in a seeded order.
    const rest = sentences.slice(1);
    const chosen = Array.from({ length }, (_, i) => rest[(offset + i * 7) % rest.length] as string);
    return [sentences[0] as string, ...chosen].join(" ");
  });

const story = fc.array(paragraph, { minLength: 2, maxLength: 5 });
