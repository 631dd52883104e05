/**
 * Given names that, in English-language news, almost always belong to one gender: the most
 * frequent names of the US Social Security Administration's birth-name lists (public data,
 * 1930–2000 births, i.e. today's public figures), plus the commonest given names of European
 * and Latin American public life. Names that SSA lists for both sexes in notable numbers
 * (Jordan, Taylor, Leslie, Kelly, Dana, Robin, Jamie, Chris, Pat, Lee, Sam, Alex, Jean,
 * Andrea, Nicola, Carmen…) are left out on purpose: a pronoun then falls back on honorifics
 * or abstains, which is what a newsroom wants.
 */
const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/u));

/** Folded given names that name men. */
export const MALE_GIVEN_NAMES = words(`
  aaron adam adrian alan albert alberto alejandro alexander alfred alfredo allen alvin andre andrew andy
  angelo anthony antonio arnold arthur barack barry ben benjamin bernard bernie bill billy bob bobby boris
  brad bradley brandon brett brian bruce bryan carl carlos cecil chad charles charlie chuck clarence
  clifford clinton craig curtis dale dan daniel danny darrell dave david dean dennis derek diego dick don
  donald doug douglas duane dwight earl eddie edgar eduardo edward edwin elijah emmanuel enrique eric ernest
  eugene evan felix fernando francis francisco frank franklin fred frederick gabriel gary gene george gerald
  gilbert glenn gordon greg gregory gustavo guy harold harry harvey hector henry herbert howard hugh hugo ian
  isaac ivan jack jacob jake james jared jason javier jay jeb jeff jeffrey jeremy jerome jerry jesse jesus
  jim jimmy joe joel john johnny jon jonathan jorge jose joseph joshua juan julian justin karl keith ken
  kenneth kevin kurt kyle lance larry lawrence leo leon leonard leroy lewis lindsey lloyd louis luis luke
  manuel marco marcus mario mark martin marvin matt matthew maurice max michael miguel mike mitch mitchell
  mohammed muhammad nathan neil nelson nicholas nick nicolas norman oliver omar oscar pablo patrick paul
  pedro peter phil philip phillip pierre rafael ralph ramon randall randy raul ray raymond reince reggie
  ricardo richard rick ricky rob robert roberto rod rodney roger roland ron ronald ross roy rudy russell
  ryan salvador samuel scott sean sergio seth shawn sidney stanley stephen steve steven stuart ted terry
  thomas tim timothy todd tom tommy tony travis trey troy tyler victor vincent vladimir walter warren wayne
  wesley william willie xavier zachary
`);

/** Folded given names that name women. */
export const FEMALE_GIVEN_NAMES = words(`
  abigail ada adriana agnes alice alicia alison allison amanda amber amy ana angela angelina anita ann anna
  anne annie april barbara beatrice becky betsy betty beverly bonnie brenda bridget brittany carla carly
  carol caroline carolyn catherine cathy cecilia charlotte cheryl christina christine cindy claire clara
  claudia colleen connie crystal cynthia daisy dawn debbie deborah debra denise diana diane donna doris
  dorothy edith eileen elaine eleanor elena elizabeth ellen emily emma erica erin esther eva evelyn florence
  frances gabriela gail gina gladys gloria grace hannah harriet heather heidi helen hillary holly hope irene
  isabel jacqueline jane janet janice jeanne jennifer jessica jill joan joanne josephine joy joyce judith
  judy julia julie karen katherine kathleen kathryn kathy katie kay kimberly kristen laura lauren
  linda lisa lois loretta lori louise lucy lynn margaret maria marie marilyn marion marjorie martha mary
  maureen megan melania melissa michelle mildred monica nancy naomi natalie nicole nikki nina nora norma
  olivia pamela patricia paula pauline peggy penny rachel rebecca regina renee rita roberta rosa rose
  ruth sally samantha sandra sara sarah sharon sheila shirley sonia sophia stephanie sue susan suzanne
  sylvia tammy teresa theresa tiffany tina tracy valerie vanessa veronica victoria virginia wanda wendy
  yolanda
`);
