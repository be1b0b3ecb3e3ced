export { extractMeetings, extractPeople, linkQuotesToMeetings } from "./_api.ts";
