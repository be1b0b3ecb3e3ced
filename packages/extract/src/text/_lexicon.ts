import { WORDS } from "../doc/_words.ts";
// General English for reading attributions in news: speech verbs, titles, role and group nouns. No names here.

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/** Verbs that introduce what someone said or meant, in the forms news writing uses. */
export const SPEECH_VERBS = words(`
  say says said saying tell tells told telling add adds added adding declare declares declared declaring
  note notes noted noting warn warns warned warning state states stated stating emphasize emphasizes emphasized
  emphasizing emphasise emphasises emphasised emphasising assert asserts asserted asserting stress stresses stressed
  stressing insist insists insisted insisting argue argues argued arguing claim claims claimed claiming explain
  explains explained explaining write writes wrote writing tweet tweets tweeted tweeting post posts posted announce
  announces announced announcing remark remarks remarked remarking comment comments commented commenting observe
  observes observed observing acknowledge acknowledges acknowledged acknowledging admit admits admitted admitting
  concede concedes conceded conceding praise praises praised praising urge urges urged urging pledge pledges pledged
  pledging promise promises promised promising vow vows vowed vowing describe describes described describing
  call calls called calling reiterate reiterates reiterated reiterating summarize summarizes summarized summarizing
  summarise summarises summarised summarising hope hopes hoped hoping criticize criticizes criticized criticizing
  criticise criticises criticised criticising condemn condemns condemned condemning demand demands demanded demanding
  ask asks asked asking reply replies replied replying respond responds responded responding answer answered recall
  recalls recalled recalling suggest suggests suggested suggesting propose proposes proposed proposing affirm affirms
  affirmed affirming reaffirm reaffirms reaffirmed reaffirming confirm confirms confirmed confirming deny denies
  denied denying predict predicts predicted predicting conclude concludes concluded concluding maintain maintains
  maintained maintaining mention mentions mentioned mentioning caution cautions cautioned cautioning complain
  complains complained complaining accuse accuses accused accusing welcome welcomes welcomed welcoming express
  expresses expressed expressing highlight highlights highlighted highlighting underscore underscores underscored
  underscoring underline underlines underlined underlining dismiss dismisses dismissed dismissing slam slams slammed
  slamming lament laments lamented lamenting label labels labeled labelled labeling branded characterized
  characterised termed commend commends commended commending hail hails hailed hailing applaud applauded blast
  blasted decry decried denounce denounces denounced denouncing retort retorted assure assures assured assuring
  repeat repeated repeating explains quipped joked recounted reported exclaimed wrote continued reads read
  reassured boasted put went`);

/** Auxiliaries and adverbs that sit between a speaker and the speech verb ("Rubio had publicly stated"). */
export const VERB_FILLERS = words(`
  had has have was were is are been be did does do would will could should may might also then later again once
  not never further previously recently reportedly separately repeatedly publicly privately earlier first
  quoted cited as`);

/** Personal titles that come before a name ("Foreign Minister", "Ambassador", "Mr."). Lowercase forms. */
export const TITLE_HEADS = words(`
  president vice-president minister premier chancellor secretary ambassador envoy representative spokesperson
  spokesman spokeswoman director chairman chairwoman chair chief commander senator governor mayor king queen prince
  princess sheikh emir mullah ayatollah pope speaker adviser advisor aide counselor counsellor undersecretary
  under-secretary commissioner head leader general admiral colonel lieutenant major captain judge justice
  ambassador-at-large secretary-general negotiator expert analyst professor researcher scholar official diplomat attorney-general deputy fellow
  rapporteur fm eam pm mr mrs ms dr
  mr. mrs. ms. dr. gen. lt. col. adm. sen. rep. gov. prof. maj. capt. sgt. amb. cmdr.`);

/** Words that may stand inside a title ("Deputy Foreign Minister", "Secretary of State"). Lowercase forms. */
export const TITLE_WORDS = words(`
  foreign prime deputy acting special first vice senior chief former interim state defense defence interior finance
  trade economy external affairs home national security supreme high presidential principal executive general
  permanent top assistant lead foreign-policy ministry of for on the to economic`);

/** Short forms of titles news writing uses for a person named before ("the Russian FM said"): the title word they stand for. */
export const TITLE_ABBREVIATIONS = new Map([
  ["fm", "minister"],
  ["eam", "minister"],
  ["pm", "minister"],
]);

/** Nouns naming a single speaker by role ("a Kremlin spokesman", "the minister"). */
export const ROLE_NOUNS = words(`
  fm eam pm
  spokesperson spokesman spokeswoman minister official diplomat envoy ambassador representative president premier
  secretary adviser advisor aide source director chief commander leader chairman chairwoman negotiator mediator
  deputy chancellor emissary counselor counsellor commissioner prosecutor general governor mayor senator lawmaker
  analyst expert officer head secretary-general delegate rapporteur`);

/** Nouns naming a collective speaker ("the member states", "the Chinese delegation"). */
export const GROUP_NOUNS = words(`
  nations countries states participants delegation delegations government governments ministry ministries
  officials parties sides members leaders stakeholders envoys diplomats authorities administration embassy
  kremlin council committee coalition alliance bloc ministers representatives spokespeople lawmakers negotiators
  statement communique communiqué declaration readout
  department office cabinet parliament side activists house secretariat commission mission presidency delegates`);

/** Words that open a clause or phrase: a speaker's name never runs across them. */
export const BOUNDARY_WORDS = words(`
  that which who whom whose and or but as with while when after before because if although though since despite
  during amid until unless where whereas yet so than according like by via per in at from into about over against
  between among through toward towards under without within upon also however meanwhile what whatever how why`);

/** Capitalized words that are never part of a personal name. */
export const NOT_NAME_WORDS = words(`
  The A An This That These Those It Its He She His Her They Their We Our I In On At For Of By To From With And But Or
  As If When While After Before Since Despite During Amid Monday Tuesday Wednesday Thursday Friday Saturday Sunday
  January February March April May June July August September October November December Yet So However Meanwhile
  According Earlier Later Last Next Speaking Asked Islamic State Ministry Department Office Council Agency Times
  News Post Press Union Nations Republic Federation Emirate Army Movement Organization Organisation Party Front
  Government Embassy Parliament Senate Congress Court Committee Commission Bank Fund University Institute Center
  Centre Airbase Base Air Province Region City Another One Some Others Many Most Both Each All Several Few Critics
  Analysts Observers Residents Witnesses Sources Experts`);

/** Wire agencies and broadcasters that report what others said ("Reuters reported"). */
export const NEWS_OUTLETS = words(`
  Reuters Xinhua Interfax Bloomberg Sputnik Kyodo Yonhap Anadolu Tolonews TOLOnews Ariana Pajhwok Dawn Kommersant
  Izvestia Vedomosti Axios Politico`);

/** Countries whose names put the family name first: "Wang Yi" is "Wang" on second mention. */
export const FAMILY_NAME_FIRST = new Set(["CHN", "TWN", "KOR", "PRK", "VNM"]);

export const SUBJECT_PRONOUNS = words("he she He She");

/** Forms of address, period dropped: they mark a person but give no role (meeting rules; cf. the quotes' HONORIFICS). */
export const ADDRESS_FORMS = words("Mr Mrs Ms Dr Sheikh Mullah Maulvi Sir Dame");

/** Capitalized words the meeting rules never read inside a name: a narrower list than NOT_NAME_WORDS. */
export const NEVER_IN_NAME = words(`
  The A An In On At For By And But Yet As While Since Despite However Meanwhile According With From Under This
  That These Those Notably Incidentally Mr Mrs Ms Dr January February March April May June July August
  September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday`);

// Office titles as the meeting rules read them: zero or more modifiers and a head. Their word lists differ from
// TITLE_HEADS/TITLE_WORDS above (e.g. "intelligence", "press", "councillor"); merging them would change extraction.
const TITLE_MODIFIER_LIST = [
  "acting", "deputy", "special", "vice", "foreign", "prime", "first", "senior", "supreme", "defense", "defence",
  "interior", "external", "affairs", "presidential", "permanent", "chief", "state", "top", "finance", "trade",
  "security", "intelligence", "national", "former", "assistant", "executive", "press", "justice", "economy",
  "energy", "military", "ministry", "department", "foreign-ministry", "political",
];
const TITLE_HEAD_LIST = [
  "minister", "president", "ambassador", "envoy", "representative", "spokesperson", "spokesman", "spokeswoman",
  "director", "secretary", "chancellor", "chairman", "chairwoman", "chair", "leader", "commander", "general",
  "aide", "adviser", "advisor", "chief", "head", "emir", "king", "queen", "prince", "governor", "mayor",
  "senator", "diplomat", "negotiator", "premier", "official", "counsellor", "councillor",
];

export const TITLE_WORD_PATTERN = new RegExp(`^(?:${[...TITLE_MODIFIER_LIST, ...TITLE_HEAD_LIST].join("|")})$`, "i");
export const TITLE_HEAD_PATTERN = new RegExp(`^(?:${TITLE_HEAD_LIST.join("|")})$`, "i");

// A word as a regex source matching it lowercase or capitalized, so the rest of a pattern stays case-sensitive.
const either = (word: string): string => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`;

/** "Oman's special envoy for Yemen" → the title part as a regex source (lowercase or capitalized). */
export const TITLE_PHRASE = `(?:(?:${TITLE_MODIFIER_LIST.map(either).join("|")})\\s+)*(?:${TITLE_HEAD_LIST.map(either).join("|")})\\b`;

const TITLE_SMALL_WORDS = new Set(WORDS.title_small_words);

/** A title as reported, in title case: "special envoy for Yemen" → "Special Envoy for Yemen". */
export function titleCase(role: string): string {
  return role
    .trim()
    .split(/\s+/)
    .map((w, i) => (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : /^\p{Ll}/u.test(w) ? w[0]?.toUpperCase() + w.slice(1) : w))
    .join(" ");
}
