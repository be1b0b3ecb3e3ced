import type { MeetingMention, PersonMention, QuoteMention, ReviewItem } from "@parley/model";
import type { ArticleContext } from "../_context.ts";
import { readDocument } from "../doc/_document.ts";
import { linkQuotes, peopleRows } from "./_link.ts";
import { readMeetings, toMentions, toReview } from "./_meetings.ts";

/** Meetings below this confidence are not published (see ./_meetings.ts for how confidence is set). */
export const CONFIDENCE_BAR = 0.7;

/** Meetings the article reports as having happened, with their attendees. */
export function extractMeetings(ctx: ArticleContext): { meetings: MeetingMention[]; review: ReviewItem[] } {
  const doc = readDocument(ctx.article, ctx.registry);
  const { meetings, held } = readMeetings(doc);
  return { meetings: toMentions(doc, meetings, CONFIDENCE_BAR), review: toReview(meetings, held, CONFIDENCE_BAR) };
}

/** People named in the article, with role and country. */
export function extractPeople(ctx: ArticleContext): PersonMention[] {
  return peopleRows(readDocument(ctx.article, ctx.registry));
}

/** Sets each quote's meeting_key to the meeting it was said at, if any. */
export function linkQuotesToMeetings(
  quotes: QuoteMention[],
  meetings: MeetingMention[],
  ctx: ArticleContext,
): QuoteMention[] {
  return linkQuotes(quotes, meetings, readDocument(ctx.article, ctx.registry));
}
