import type { MeetingMention, PersonMention, QuoteMention } from "@parley/model";
import type { ArticleContext } from "../_context.ts";
import { linkQuotes } from "./_link.ts";
import { type ArticleReading, extractMeetingsFrom, readArticle } from "./_meetings.ts";
import { peopleOf } from "./_people-table.ts";

// The three entry points read the same article; read it once.
const readings = new WeakMap<ArticleContext["article"], ArticleReading>();
function reading(ctx: ArticleContext): ArticleReading {
  let r = readings.get(ctx.article);
  if (!r || r.ctx.registry !== ctx.registry) {
    r = readArticle(ctx);
    readings.set(ctx.article, r);
  }
  return r;
}

/** Meetings the article reports as having happened, with their attendees. */
export function extractMeetings(ctx: ArticleContext): MeetingMention[] {
  return extractMeetingsFrom(reading(ctx));
}

/** People named in the article, with role and country. */
export function extractPeople(ctx: ArticleContext): PersonMention[] {
  return peopleOf(reading(ctx));
}

/** Sets each quote's meeting_key to the meeting it was said at, if any. */
export function linkQuotesToMeetings(quotes: QuoteMention[], meetings: MeetingMention[], ctx: ArticleContext): QuoteMention[] {
  return linkQuotes(quotes, meetings, reading(ctx));
}
