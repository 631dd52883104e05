/** Word lists shared by the entity and quote analyzers (lower case). */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/u));

/** Titles and roles that stand before a person's name ("President", "Secretary of State"). */
export const TITLE_WORDS = words(`
  president vice prime minister secretary state senator sen rep representative congressman congresswoman
  governor gov mayor ambassador chancellor premier chairman chairwoman chair ceo cfo director spokesman
  spokeswoman spokesperson judge justice general gen admiral adm colonel col captain capt king queen prince
  princess pope mr mrs ms dr prof professor leader lawmaker commissioner attorney prosecutor officer executive
  economist analyst treasurer deputy foreign finance interior defense defence trade chief president-elect
  minister-president envoy emir sheikh sultan chairperson head founder cardinal bishop rabbi imam
  sergeant lieutenant lt commander sheriff inspector superintendent dean rector coach manager striker
  rev reverend pastor msgr sgt cpl pvt maj supt det atty whip republican democrat democratic
`);

/** Words that make a capitalised name an organisation. */
export const ORGANIZATION_WORDS = words(`
  department ministry house nations union party council agency bank corp corporation inc co ltd llc plc
  company group commission court congress senate parliament assembly army navy military police government
  administration association institute university college organization organisation federation fund board
  committee office service exchange airlines airways reuters press times post news network foundation
  bureau cabinet command authority trust society club league alliance coalition front movement church
  ministries holdings industries systems technologies motors petroleum oil bancorp securities partners capital
  reserve treasury pentagon kremlin opec nato
`);

/** Lower-case words allowed inside a capitalised name ("Secretary of State", "Bank of England"). */
export const NAME_CONNECTORS = words("of de da del della der van von bin al la le du dos das y");

/** Personal pronouns that can stand for a speaker. */
export const PERSON_PRONOUNS = words("he she him her his hers they them");

/** Verbs that report speech, in every form we meet in news. */
export const REPORTING_VERBS = words(`
  said says say saying told tells tell telling added adds add adding declared declares declare declaring
  warned warns warn warning stated states stating wrote writes write writing posted posts posting tweeted
  tweets tweeting argued argues arguing insisted insists insisting asked asks asking replied replies replying
  responded responds responding announced announces announcing claimed claims claiming noted notes noting
  explained explains explaining called calls calling described describes describing accused accuses
  accusing urged urges urging advised advises advising vowed vows vowing promised promises promising pledged
  pledges pledging remarked remarks commented comments commenting suggested suggests suggesting recalled
  recalls acknowledged acknowledges admitted admits conceded concedes predicted predicts cautioned cautions
  complained complains denied denies joked jokes quipped shouted shouts wondered wonders labeled labelled
  branded branding dubbed dubbing termed blasted slammed slamming criticized criticised criticizing
  criticising demanded demands demanding threatened threatens threatening boasted boasts concluded
  continued declaring insisted maintained maintains reiterated reiterates repeated told
`);

/** Nouns for things a person says ("Petro’s words", "his statement"). */
export const SPEECH_NOUNS = words(`
  words statement statements remarks remark message messages post posts tweet tweets reply response
  comments comment speech letter answer declaration announcement
`);

/** Prepositions that put the name after them in an object position, not a subject. */
export const PREPOSITIONS = words(`
  of to with for at on by from about against like unlike than as into onto over under between among toward
  towards upon within without after before during despite including via per
`);

/** Auxiliaries and adverbs that may stand between a subject and its verb. */
export const AUXILIARIES = words(`
  has had have is was were are will would may might could can did does do shall should must also then later
  quickly soon never already still once again first
`);

/** Nouns of what only a person is ("a pollster", "the host"), as a regular-expression alternation. */
export const PERSON_ROLE_NOUNS =
  "man|woman|consultant|pollster|strategist|host|pastor|adviser|advisor|aide|spokesman|spokeswoman|spokesperson|economist|analyst|professor|lawyer|attorney|activist|lawmaker|senator|congressman|congresswoman|governor|mayor|candidate|businessman|businesswoman|founder|executive|official|director|chairman|chairwoman|president|veteran|resident|voter|supporter|backer|donor|father|mother|son|daughter|husband|wife|student|teacher|historian|scientist|researcher|author|writer|columnist|commentator|journalist|reporter|editor|anchor|member|leader|delegate|organizer|volunteer|owner|worker|farmer|officer|judge|prosecutor|diplomat|ambassador|minister|secretary|chief|manager|operative|fundraiser|campaigner|republican|democrat|conservative|liberal|independent|nominee|contender|rival|friend|colleague|partner|critic|expert|fellow|scholar|lobbyist|pundit|blogger|comedian|actor|actress|singer|rapper|star|billionaire|mogul|developer|investor|banker|physician|doctor|nurse|sheriff|trooper|detective|soldier|marine|coach|player|mom|dad|grandmother|grandfather|retiree|immigrant|refugee|survivor|victim|widow|priest|rabbi|imam|bishop|reverend|evangelist|preacher";
