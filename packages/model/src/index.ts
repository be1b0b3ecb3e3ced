export * from "./_records.ts";
export * from "./_article.ts";
export * from "./_ids.ts";
export * from "./_text.ts";
export * from "./_quotes.ts";
export * from "./_errors.ts";
export * from "./_random.ts";
