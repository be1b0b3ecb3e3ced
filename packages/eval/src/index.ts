export { Gold, GoldMeeting, GoldOptionalMeeting, GoldPerson, GoldQuote, loadGold } from "./_gold.ts";
export { prf, rate, scoreAgainstGold } from "./_score.ts";
export { formatReport } from "./_format.ts";
export {
  QUOTE_JACCARD,
  anyNameMatches,
  containsEither,
  dateMatches,
  insideSpan,
  quoteTextMatches,
  sameName,
  sourceStem,
} from "./_match.ts";
export type { EvalReport, Metrics, Prf, Rate, MeetingFinding, QuoteFindings } from "./_report.ts";
