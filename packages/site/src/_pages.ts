import type { Catalog } from "./_catalog.ts";
import { meetingPage, personPage } from "./_entities.ts";
import type { Page } from "./_layout.ts";
import { meetingsIndexPage, peopleIndexPage, sourcesPage } from "./_lists.ts";
import { versionPage } from "./_version.ts";

/** Every page of one collection: its versions, meetings, people and sources. */
export function entityPages(catalog: Catalog): Page[] {
  return [
    ...catalog.collection.versions.map((v) => versionPage(catalog.collection, v)),
    meetingsIndexPage(catalog),
    peopleIndexPage(catalog),
    sourcesPage(catalog),
    ...catalog.meetings.map((m) => meetingPage(catalog, m)),
    ...catalog.dataset.people.map((p) => personPage(catalog, p)),
  ];
}
