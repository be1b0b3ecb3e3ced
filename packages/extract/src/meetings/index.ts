import type { MeetingMention, PersonMention, QuoteMention } from "@parley/model";
import type { ArticleContext } from "../_context.ts";

/** Meetings the article reports as having happened, with their attendees. (Not yet implemented: none found.) */
export function extractMeetings(_ctx: ArticleContext): MeetingMention[] {
  return [];
}

/** People named in the article, with role and country. (Not yet implemented.) */
export function extractPeople(_ctx: ArticleContext): PersonMention[] {
  return [];
}

/** Sets each quote's meeting_key to the meeting it was said at, if any. */
export function linkQuotesToMeetings(quotes: QuoteMention[], _meetings: MeetingMention[], _ctx: ArticleContext): QuoteMention[] {
  return quotes;
}
