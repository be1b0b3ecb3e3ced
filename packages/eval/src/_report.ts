// What an evaluation reports: the metrics, then every miss and every wrong row behind them.

/** Precision, recall and F1 from counts; a ratio with nothing to count is null. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** A share of correct answers; null when there was nothing to judge. */
export interface Rate {
  correct: number;
  total: number;
  value: number | null;
}

export interface Metrics {
  quotes: Prf;
  /** Matched required quotes whose gold speaker is a person. */
  quote_speakers: Rate;
  /** Matched required quotes whose gold speaker is a role or a group. */
  quote_role_speakers: Rate;
  /** Matched required quotes with several gold sources or several system rows: one row holding every source. */
  quote_merge: Rate;
  /** Matched required quotes: the system meeting is the gold meeting (or both none). */
  quote_meetings: Rate;
  meetings: Prf;
  /** Matched meetings with several gold sources or several system rows: one row holding every source. */
  meeting_sources: Rate;
  /** Matched meetings whose series, round and host country agree where the gold states them. */
  meeting_details: Rate;
  attendee_people: Prf;
  attendee_countries: Prf;
  /** Matched attendee people whose participation (in_person, written, remote) agrees. */
  attendee_participation: Rate;
  must_not_quote_violations: number;
}

export interface QuoteRow {
  quote_id: string;
  text: string;
  speaker: string;
  source_ids: string[];
}

export interface GoldQuoteRef {
  text: string;
  speaker: string;
  sources: string[];
}

export interface QuoteFindings {
  missed: GoldQuoteRef[];
  spurious: QuoteRow[];
  wrong_speaker: Array<{ gold: GoldQuoteRef; expected: string[]; got: QuoteRow }>;
  not_merged: Array<{ gold: GoldQuoteRef; rows: QuoteRow[]; missing_sources: string[] }>;
  wrong_meeting: Array<{
    gold: GoldQuoteRef;
    expected: string | null;
    got_meeting_id: string | null;
    got_key: string | null;
    row: QuoteRow;
  }>;
  must_not_quote: Array<{ span: string; row: QuoteRow }>;
  /** Rows matching optional gold quotes: neither earn nor cost. */
  optional_found: QuoteRow[];
}

export interface AttendeeFindings {
  missed: string[];
  spurious: string[];
  /** People the gold says were not there, listed by the system as attendees (counted as wrong, like spurious). */
  not_attendees: string[];
}

export interface MeetingFinding {
  key: string;
  date: string;
  city: string;
  sources: string[];
  /** The system meeting matched to it; null when missed. */
  meeting_id: string | null;
  /** Further system rows for the same meeting (it should be one row). */
  duplicates: string[];
  missing_sources: string[];
  detail_mismatches: string[];
  people: AttendeeFindings;
  countries: AttendeeFindings;
  participation_wrong: Array<{ name: string; expected: string; got: string }>;
}

export interface MeetingRow {
  meeting_id: string;
  date: string;
  city: string | null;
  source_ids: string[];
}

export interface EvalReport {
  format: "parley-eval-v1";
  sources: {
    /** Sources in both the gold and the dataset: only these are scored. */
    scored: string[];
    /** Gold sources the dataset does not have: their gold items are left out. */
    gold_only: string[];
    /** Dataset sources the gold does not annotate: their rows are left out. */
    dataset_only: string[];
  };
  metrics: Metrics;
  quotes: QuoteFindings;
  meetings: MeetingFinding[];
  spurious_meetings: MeetingRow[];
  /** System meetings matched to optional gold meetings: neither earn nor cost. */
  optional_meetings_found: Array<{ key: string; meeting_id: string }>;
}
